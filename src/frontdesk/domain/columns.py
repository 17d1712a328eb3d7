"""The clinic's own columns: its providers, chairs and rooms (``ClinicColumn``), which booking
system's resource stands behind each (``ColumnSetup.mapping``: several may stand behind one,
e.g. a dentist on two booking systems), and the saved views (``ColumnView``: a name and which
columns in which order; "Everything", every column that is not hidden, always exists).

Pure: checking a setup a person typed (``check``, plain words naming the field) and the words
an audit line keeps of a change (``changes_of``). No storage, no Qt.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from frontdesk.domain.translation import QT_TRANSLATE_NOOP

ResourceKey = tuple[str, str]  # (connection id, resource id), as app.desk keys columns
CLINIC = "@clinic"  # the connection part of a clinic column's key, ``(CLINIC, column id)``
EVERYTHING = ""  # the id of the view that always exists
EVERYTHING_NAME = QT_TRANSLATE_NOOP("Columns", "Everything")
NAME_WIDTH = 100
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class ColumnKind(enum.StrEnum):
    PROVIDER = "provider"
    CHAIR = "chair"
    ROOM = "room"


# shown translated (context "Columns"): the kind of a column, and the header over its kind
KIND_WORDS = {
    ColumnKind.PROVIDER: QT_TRANSLATE_NOOP("Columns", "Provider"),
    ColumnKind.CHAIR: QT_TRANSLATE_NOOP("Columns", "Chair"),
    ColumnKind.ROOM: QT_TRANSLATE_NOOP("Columns", "Room"),
}
KIND_GROUPS = {
    ColumnKind.PROVIDER: QT_TRANSLATE_NOOP("Columns", "Providers"),
    ColumnKind.CHAIR: QT_TRANSLATE_NOOP("Columns", "Chairs"),
    ColumnKind.ROOM: QT_TRANSLATE_NOOP("Columns", "Rooms"),
}


@dataclass(frozen=True, slots=True)
class ClinicColumn:
    """One of the clinic's columns; the order of a setup's list is the clinic's order."""

    id: str
    name: str
    kind: ColumnKind = ColumnKind.PROVIDER
    color: str | None = None  # "#rrggbb"
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class ColumnView:
    """A saved view: its name and the ids of its columns, in the order shown."""

    id: str
    name: str
    columns: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ColumnSetup:
    """The clinic's columns in order, which column each booking system's resource is shown
    in, the saved views in order, and the store's revision of it all (a save from an older
    revision is refused: another desk changed it meanwhile)."""

    columns: tuple[ClinicColumn, ...] = ()
    mapping: Mapping[ResourceKey, str] = field(default_factory=dict)
    views: tuple[ColumnView, ...] = ()
    revision: int = 0

    def column(self, column_id: str) -> ClinicColumn | None:
        return next((c for c in self.columns if c.id == column_id), None)

    def members(self, column_id: str) -> list[ResourceKey]:
        """The booking systems' resources shown in ``column_id``."""
        return [key for key, cid in self.mapping.items() if cid == column_id]

    def choices(self) -> list[ColumnView]:
        """The views a desk may switch between: "Everything" first, then the saved ones."""
        return [ColumnView(EVERYTHING, EVERYTHING_NAME), *self.views]

    def view(self, view_id: str) -> ColumnView:
        """The view ``view_id``; "Everything" when there is no such view (any more)."""
        return next((v for v in self.views if v.id == view_id), self.choices()[0])


class SetupRefused(ValueError):
    """A setup that cannot be saved; the message names the field and what to do."""


def check(setup: ColumnSetup) -> None:
    """Refuse, in plain words, a setup with a nameless or doubled column or view, a colour
    that is not ``#rrggbb``, or a mapping or view naming a column that does not exist."""
    seen: set[str] = set()
    ids = {c.id for c in setup.columns}
    for column in setup.columns:
        name = column.name.strip()
        if not name:
            raise SetupRefused("Column name: every column needs a name; type one.")
        if len(name) > NAME_WIDTH:
            raise SetupRefused(f"Column name: {name[:30]!r}… is too long; keep it short.")
        if name.casefold() in seen:
            raise SetupRefused(f"Column name: there are two columns named {name!r}; rename one.")
        seen.add(name.casefold())
        if column.color is not None and not _COLOUR.match(column.color):
            raise SetupRefused(f"Colour of {name!r}: {column.color!r} is not a colour; pick one.")
    if any(cid not in ids for cid in setup.mapping.values()):
        raise SetupRefused("Resources: a resource is shown in a column that was removed.")
    names = {EVERYTHING_NAME.casefold()}
    for view in setup.views:
        name = view.name.strip()
        if not name:
            raise SetupRefused("View name: every view needs a name; type one.")
        if name.casefold() in names:
            raise SetupRefused(f"View name: there is already a view named {name!r}; rename it.")
        names.add(name.casefold())
        if any(cid not in ids for cid in view.columns):
            raise SetupRefused(f"View {name!r}: it lists a column that was removed.")


def cleaned(setup: ColumnSetup) -> ColumnSetup:
    """Names trimmed, views without the ids of removed columns (nor twice the same)."""
    ids = {c.id for c in setup.columns}
    return ColumnSetup(
        tuple(
            ClinicColumn(c.id, " ".join(c.name.split()), c.kind, c.color, c.hidden)
            for c in setup.columns
        ),
        {k: v for k, v in setup.mapping.items() if v in ids},
        tuple(
            ColumnView(
                v.id,
                " ".join(v.name.split()),
                tuple(dict.fromkeys(i for i in v.columns if i in ids)),
            )
            for v in setup.views
        ),
        setup.revision,
    )


Changes = dict[str, list[str | None]]


def _column_words(column: ClinicColumn) -> str:
    words = f"{column.name} ({KIND_WORDS[column.kind].lower()}"
    words += f", {column.color}" if column.color else ""
    return words + (", hidden)" if column.hidden else ")")


def changes_of(
    before: ColumnSetup, after: ColumnSetup, names: Mapping[ResourceKey, str]
) -> Changes:
    """``{what: [before, after]}`` of what a save changes, for its audit line: each column
    added, changed or removed, the order, each resource mapped elsewhere (``names``: how to
    call a resource), each view. Only what differs."""
    found: Changes = {}
    old = {c.id: c for c in before.columns}
    new = {c.id: c for c in after.columns}
    for cid in old.keys() | new.keys():
        a, b = old.get(cid), new.get(cid)
        if a != b:
            label = (b or a).name if (b or a) else cid  # type: ignore[union-attr]
            found[f"column {label}"] = [
                _column_words(a) if a else None,
                _column_words(b) if b else None,
            ]
    if [c.id for c in before.columns if c.id in new] != [
        c.id for c in after.columns if c.id in old
    ]:
        found["column order"] = [
            ", ".join(c.name for c in before.columns),
            ", ".join(c.name for c in after.columns),
        ]

    def named(column_id: str | None, setup: ColumnSetup) -> str | None:
        column = setup.column(column_id) if column_id else None
        return column.name if column else None

    for key in before.mapping.keys() | after.mapping.keys():
        a_id, b_id = before.mapping.get(key), after.mapping.get(key)
        if a_id != b_id:
            found[f"resource {names.get(key, key[1])}"] = [
                named(a_id, before),
                named(b_id, after),
            ]
    old_views = {v.id: v for v in before.views}
    new_views = {v.id: v for v in after.views}

    def view_words(view: ColumnView | None, setup: ColumnSetup) -> str | None:
        if view is None:
            return None
        return f"{view.name}: " + ", ".join(named(i, setup) or "?" for i in view.columns)

    for vid in old_views.keys() | new_views.keys():
        a_view, b_view = old_views.get(vid), new_views.get(vid)
        if a_view != b_view:
            label = (b_view or a_view).name  # type: ignore[union-attr]
            found[f"view {label}"] = [view_words(a_view, before), view_words(b_view, after)]
    if [v.id for v in before.views if v.id in new_views] != [
        v.id for v in after.views if v.id in old_views
    ]:
        found["view order"] = [
            ", ".join(v.name for v in before.views),
            ", ".join(v.name for v in after.views),
        ]
    return found
