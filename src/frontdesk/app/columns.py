"""The clinic's columns as the desk uses them: which columns a view shows, whatever booking
system stands behind each (``desk_columns``), and saving a setup an administrator edited
(``save``: checked, audited, refused in words when it cannot be saved).

A clinic column is a :class:`~frontdesk.app.desk.ResourceInfo` keyed ``("@clinic", id)`` whose
``members`` are the booking systems' resources shown in it; a resource mapped to no column
shows in "Everything" as its own column, as before there were clinic columns, so nothing
disappears. Reads the local store only; any thread may call.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from frontdesk.app.desk import ResourceInfo, ResourceKey, resources
from frontdesk.domain.audit import AuditEntry, AuditEvent
from frontdesk.domain.columns import (
    CLINIC,
    EVERYTHING,
    KIND_GROUPS,
    ClinicColumn,
    ColumnKind,
    ColumnSetup,
    SetupRefused,
    changes_of,
    check,
    cleaned,
)
from frontdesk.domain.translation import translate
from frontdesk.storage.plain import COLUMNS_TOPIC as TOPIC
from frontdesk.storage.plain import StaleSetup

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

__all__ = [
    "CLINIC",
    "TOPIC",
    "ColumnsRefused",
    "column_of",
    "desk_columns",
    "everything",
    "save",
    "setup",
]


class ColumnsRefused(Exception):
    """A setup that was not saved; the message says why and what to do."""


def new_id() -> str:
    return str(uuid.uuid4())


def column_key(column_id: str) -> ResourceKey:
    return (CLINIC, column_id)


def setup(context: AppContext) -> ColumnSetup:
    """The clinic's columns, their resources and views, as the store holds them now."""
    return context.repo.columns.setup()


def desk_columns(
    found: ColumnSetup,
    api: Sequence[ResourceInfo],
    view_id: str = EVERYTHING,
    with_hidden: bool = False,
) -> list[ResourceInfo]:
    """The columns view ``view_id`` shows, in its order: the clinic's columns (hidden ones
    never, unless ``with_hidden``: what names a resource), each with the resources of ``api``
    shown in it; in "Everything" (and for a view that no longer exists) every clinic column in
    the clinic's order, then each resource of ``api`` that no clinic column shows."""
    known = {r.key: r for r in api}
    order = {r.key: n for n, r in enumerate(api)}
    view = found.view(view_id)
    if view.id == EVERYTHING:
        chosen = [c for c in found.columns if with_hidden or not c.hidden]
    else:
        chosen = [c for c in map(found.column, view.columns) if c is not None and not c.hidden]
    shown: list[ResourceInfo] = []
    for column in chosen:
        members = tuple(
            sorted((k for k in found.members(column.id) if k in known), key=order.__getitem__)
        )
        color = column.color or next((known[k].color for k in members if known[k].color), None)
        shown.append(
            ResourceInfo(
                column_key(column.id),
                column.name,
                translate("Columns", KIND_GROUPS[column.kind]),
                column.kind.value,
                color,
                members,
            )
        )
    if view.id == EVERYTHING:
        shown.extend(r for r in api if r.key not in found.mapping)
    return shown


def everything(
    context: AppContext, api: Sequence[ResourceInfo] | None = None, with_hidden: bool = False
) -> list[ResourceInfo]:
    """The clinic's columns as "Everything" shows them (each with its booking systems'
    resources; a resource no column shows as its own): what a picker lists (the week export,
    the openings finder, the ASAP list) and what names a booking's place. Without clinic
    columns: the booking systems' resources (``api``, else every connection's)."""
    found = setup(context)
    return desk_columns(found, resources(context) if api is None else api, with_hidden=with_hidden)


def column_of(columns: Sequence[ResourceInfo], key: ResourceKey) -> ResourceInfo | None:
    """The column among ``columns`` that shows the resource ``key`` (or is keyed ``key``)."""
    return next((c for c in columns if key in c.keys or c.key == key), None)


def is_clinic(column: ResourceInfo) -> bool:
    """Whether ``column`` is one of the clinic's own columns (not a booking system's)."""
    return column.key[0] == CLINIC


def hidden_resources(
    api: Sequence[ResourceInfo], shown: Sequence[ResourceInfo]
) -> frozenset[ResourceKey]:
    """The resources of ``api`` that none of the ``shown`` columns shows: what every view,
    the day sheet and the exports leave out."""
    showing = {k for column in shown for k in column.keys}
    return frozenset(r.key for r in api if r.key not in showing)


Labels = tuple[dict[ResourceKey, str], dict[ResourceKey, str | None]]


def labels(
    api: Sequence[ResourceInfo], columns: Sequence[ResourceInfo], found: ColumnSetup | None = None
) -> Labels:
    """The name and colour each resource of ``api`` is shown with (a tooltip, the agenda, a
    block without a colour of its own): its clinic column's among ``columns``, else its own;
    and the name of each clinic column (of ``columns``, and every one of ``found``, shown or
    not), keyed as the desk keys it (what a blockout of a clinic column is named by)."""
    names = {r.key: r.name for r in api}
    colors = {r.key: r.color for r in api}
    for column in columns:
        for key in column.members or ():
            names[key], colors[key] = column.name, column.color or colors.get(key)
        if column.members is not None:
            names[column.key], colors[column.key] = column.name, column.color
    for clinic_column in found.columns if found is not None else ():
        names.setdefault(column_key(clinic_column.id), clinic_column.name)
    return names, colors


def resource_names(api: Sequence[ResourceInfo]) -> dict[ResourceKey, str]:
    """How the audit line and the dialog call each resource: ``Main Branch (Demo: X)``."""
    return {r.key: f"{r.name} ({r.connection_name})" for r in api}


def with_unmapped(found: ColumnSetup, api: Sequence[ResourceInfo]) -> ColumnSetup:
    """``found`` with a column of its own for each resource of ``api`` no column shows."""
    columns = list(found.columns)
    mapping = dict(found.mapping)
    names = {c.name.casefold() for c in columns}
    for resource in api:
        if resource.key in mapping:
            continue
        name = resource.name
        if name.casefold() in names:
            name = f"{resource.name} ({resource.connection_name})"
        names.add(name.casefold())
        kind = ColumnKind.ROOM if resource.kind in ("room", "branch") else ColumnKind.PROVIDER
        column = ClinicColumn(new_id(), name, kind, resource.color)
        columns.append(column)
        mapping[resource.key] = column.id
    return ColumnSetup(tuple(columns), mapping, found.views, found.revision)


def save(context: AppContext, edited: ColumnSetup) -> ColumnSetup:
    """Save an administrator's setup (read at ``edited.revision``): checked, with an audit
    line of what changed, in one transaction; ``ColumnsRefused`` in words when it cannot be
    (a field, or another desk saved meanwhile); ``NotAllowed`` for a member who is no
    administrator."""
    context.staff.require_admin("change the clinic's columns")
    wanted = cleaned(edited)
    try:
        check(wanted)
    except SetupRefused as exc:
        raise ColumnsRefused(str(exc)) from exc
    store = context.repo.columns
    before = store.setup()
    changes = changes_of(before, wanted, resource_names(resources(context)))
    if not changes and before.revision == wanted.revision:
        return before
    entry = AuditEntry(AuditEvent.COLUMNS, context.staff.actor(), changes=changes)
    try:
        return store.save(wanted, entry)
    except StaleSetup as exc:
        raise ColumnsRefused(str(exc)) from exc
