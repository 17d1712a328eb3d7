"""The clinic's columns in the store (``ColumnStore``): read whole, saved whole.

A save replaces the columns, the mapping of the booking systems' resources and the views in
one write transaction, refused when the setup was read at an older revision than the store's
(another desk saved meanwhile), marks the topic ``"columns"`` so the other desks of a shared
store re-read it within a second, and appends its audit line in the same transaction.
"""

from __future__ import annotations

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from frontdesk.domain.audit import AuditEntry
from frontdesk.domain.columns import (
    ClinicColumn,
    ColumnKind,
    ColumnSetup,
    ColumnView,
    ResourceKey,
)
from frontdesk.storage import notices
from frontdesk.storage.audit import add_audit
from frontdesk.storage.db import Database
from frontdesk.storage.plain import COLUMNS_TOPIC as TOPIC
from frontdesk.storage.plain import StaleSetup as StaleSetup
from frontdesk.storage.tables_columns import (
    ClinicColumnRow,
    ColumnResourceRow,
    ColumnRevisionRow,
    ColumnViewMemberRow,
    ColumnViewRow,
)


def _revision(s: Session) -> int:
    return int(s.scalar(select(ColumnRevisionRow.revision).where(ColumnRevisionRow.id == 1)) or 0)


def _read(s: Session) -> ColumnSetup:
    columns = tuple(
        ClinicColumn(r.id, r.name, ColumnKind(r.kind), r.color, r.hidden)
        for r in s.scalars(select(ClinicColumnRow).order_by(ClinicColumnRow.position))
    )
    mapping = {
        (r.connection_id, r.resource_id): r.column_id for r in s.scalars(select(ColumnResourceRow))
    }
    members: dict[str, list[str]] = {}
    for view_id, column_id in s.execute(
        select(ColumnViewMemberRow.view_id, ColumnViewMemberRow.column_id).order_by(
            ColumnViewMemberRow.position
        )
    ):
        members.setdefault(view_id, []).append(column_id)
    views = tuple(
        ColumnView(r.id, r.name, tuple(members.get(r.id, ())))
        for r in s.scalars(select(ColumnViewRow).order_by(ColumnViewRow.position))
    )
    return ColumnSetup(columns, mapping, views, _revision(s))


class ColumnStore:
    """The clinic's columns of one store."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def setup(self) -> ColumnSetup:
        with self.db.read() as s:
            return _read(s)

    def mapping(self) -> dict[ResourceKey, str]:
        """Which column each booking system's resource is shown in (the setup's ``mapping``
        alone: what the desk's blockout rule asks at every check)."""
        with self.db.read() as s:
            rows = s.execute(
                select(
                    ColumnResourceRow.connection_id,
                    ColumnResourceRow.resource_id,
                    ColumnResourceRow.column_id,
                )
            )
            return {(connection, resource): column for connection, resource, column in rows}

    def save(self, setup: ColumnSetup, audit: AuditEntry | None) -> ColumnSetup:
        """Replace the stored setup with ``setup`` (read at ``setup.revision``); the saved
        setup at its new revision. ``StaleSetup`` if another desk saved meanwhile."""
        with self.db.write() as s:
            current = _revision(s)
            if current != setup.revision:
                raise StaleSetup(
                    "Another desk changed the clinic's columns meanwhile: "
                    "close this window and open it again to see theirs."
                )
            s.execute(delete(ColumnViewMemberRow))
            s.execute(delete(ColumnViewRow))
            s.execute(delete(ColumnResourceRow))
            s.execute(delete(ClinicColumnRow))
            if setup.columns:
                s.execute(
                    insert(ClinicColumnRow),
                    [
                        {
                            "id": c.id,
                            "name": c.name,
                            "kind": c.kind.value,
                            "color": c.color,
                            "position": n,
                            "hidden": c.hidden,
                        }
                        for n, c in enumerate(setup.columns)
                    ],
                )
            if setup.mapping:
                s.execute(
                    insert(ColumnResourceRow),
                    [
                        {"connection_id": k[0], "resource_id": k[1], "column_id": cid}
                        for k, cid in setup.mapping.items()
                    ],
                )
            if setup.views:
                s.execute(
                    insert(ColumnViewRow),
                    [
                        {"id": v.id, "name": v.name, "position": n}
                        for n, v in enumerate(setup.views)
                    ],
                )
            members = [
                {"view_id": v.id, "column_id": cid, "position": n}
                for v in setup.views
                for n, cid in enumerate(v.columns)
            ]
            if members:
                s.execute(insert(ColumnViewMemberRow), members)
            row = s.get(ColumnRevisionRow, 1)
            if row is None:
                s.add(ColumnRevisionRow(id=1, revision=current + 1))
            else:
                row.revision = current + 1
            notices.changed_topic(s, TOPIC)
            if audit is not None:
                add_audit(s, audit)
            s.flush()
            return _read(s)
