"""The demo clinic's own columns and views, so ``frontdesk --demo`` shows them: Dr. Berger on
two booking systems (meetergo's host and HuskyVoice's main branch) in one column, a column per
other doctor, two hygiene chairs, and the views "Dr. Berger's week" and "Hygiene chairs". The
resources it maps to no column (a VantaX calendar, Vastal's, meetergo's round robin) show as
their own columns in "Everything".

Written once, by the demo's administrator, when the first demo connection is added; each
demo connection added later gets its resources mapped then (a kept profile keeps what its
administrator changed since)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from frontdesk.domain.audit import AuditEntry, AuditEvent
from frontdesk.domain.columns import ClinicColumn, ColumnKind, ColumnSetup, ColumnView

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

BERGER = ClinicColumn("demo-berger", "Dr. Berger", ColumnKind.PROVIDER, "#1a73e8")
COLUMNS = (
    BERGER,
    ClinicColumn("demo-keller", "Dr. Keller", ColumnKind.PROVIDER, "#e8710a"),
    ClinicColumn("demo-ruiz", "Dr. Ruiz", ColumnKind.PROVIDER, "#188038"),
    ClinicColumn("demo-chen", "Dr. Chen", ColumnKind.PROVIDER, "#9334e6"),
    ClinicColumn("demo-chair-1", "Hygiene chair 1", ColumnKind.CHAIR, "#12b5cb"),
    ClinicColumn("demo-chair-2", "Hygiene chair 2", ColumnKind.CHAIR, "#d01884"),
)
VIEWS = (
    ColumnView("demo-view-berger", "Dr. Berger's week", ("demo-berger",)),
    ColumnView("demo-view-hygiene", "Hygiene chairs", ("demo-chair-1", "demo-chair-2")),
)
# per API: its demo resource id -> the clinic column it is shown in
RESOURCES: dict[str, dict[str, str]] = {
    "huskyvoice": {"branch_uuid_here": "demo-berger", "branch_north": "demo-chair-2"},
    "meetergo": {
        "a1f0c3d2-5b6e-4f70-8a9b-0c1d2e3f4a51": "demo-berger",
        "b2e1d4c3-6c7f-4081-9bac-1d2e3f4a5b62": "demo-keller",
    },
    "carevalidate": {"Dr. Ana Ruiz": "demo-ruiz", "Dr. Mark Chen": "demo-chen"},
    "vantax": {"cal_22f9": "demo-chair-1", "cal_0c4e": "demo-chair-1"},
}


def add_demo_columns(context: AppContext, connections: dict[str, str]) -> None:
    """The demo's columns and views (if the store has none yet), and its resources of the
    ``connections`` (API name -> connection id) mapped where no column shows them yet."""
    store = context.repo.columns
    found = store.setup()
    fresh = not found.columns and not found.views
    columns = COLUMNS if fresh else found.columns
    ids = {c.id for c in columns}
    mapping = dict(found.mapping)
    for provider, connection_id in connections.items():
        for resource_id, column_id in RESOURCES.get(provider, {}).items():
            if column_id in ids:
                mapping.setdefault((connection_id, resource_id), column_id)
    wanted = ColumnSetup(columns, mapping, VIEWS if fresh else found.views, found.revision)
    if wanted == found:
        return
    actor = context.staff.actor()
    entry = AuditEntry(AuditEvent.COLUMNS, actor, detail="the demo clinic's columns")
    store.save(wanted, entry)
