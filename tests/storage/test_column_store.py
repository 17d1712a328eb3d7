"""The clinic's columns in the store, on SQLite and PostgreSQL: saved whole and read back in
order (columns, the resources shown in each, views and their columns), a column removed takes
its resources and its place in views with it, a save from an older revision is refused and
writes nothing, each save writes its audit line in its transaction, and another desk of a
shared store is told the topic "columns"."""

from __future__ import annotations

import queue
import threading

import pytest
from sqlalchemy import func, select

from frontdesk.domain.audit import Actor, AuditEntry, AuditEvent, AuditFilter
from frontdesk.domain.columns import ClinicColumn, ColumnKind, ColumnSetup, ColumnView
from frontdesk.storage.columns import StaleSetup
from frontdesk.storage.db import Database
from frontdesk.storage.repo import Repository
from frontdesk.storage.tables_columns import ColumnResourceRow, ColumnViewMemberRow
from support.postgres import Cluster

ANNA = Actor("Anna Berg", "reception-1")
BERGER = ClinicColumn("c-berger", "Dr. Berger", ColumnKind.PROVIDER, "#1a73e8")
CHAIR = ClinicColumn("c-chair1", "Hygiene chair 1", ColumnKind.CHAIR, None, hidden=True)
ROOM = ClinicColumn("c-room", "X-ray room", ColumnKind.ROOM, "#34a853")


def entry(detail: str = "") -> AuditEntry:
    return AuditEntry(AuditEvent.COLUMNS, ANNA, changes={"column Dr. Berger": [None, "x"]})


def first_setup() -> ColumnSetup:
    return ColumnSetup(
        (BERGER, CHAIR, ROOM),
        {
            ("conn-1", "main"): "c-berger",
            ("conn-2", "host-7"): "c-berger",
            ("conn-1", "north"): "c-room",
        },
        (
            ColumnView("v-week", "Dr. Berger's week", ("c-berger",)),
            ColumnView("v-hyg", "Hygiene chairs", ("c-chair1", "c-room")),
        ),
    )


def test_a_setup_is_saved_whole_and_read_back_in_order(repo: Repository) -> None:
    store = repo.columns
    assert store.setup() == ColumnSetup()
    saved = store.save(first_setup(), entry())
    assert saved.revision == 1
    read = store.setup()
    assert read == saved
    assert read.columns == (BERGER, CHAIR, ROOM)
    assert sorted(read.members("c-berger")) == [("conn-1", "main"), ("conn-2", "host-7")]
    assert [v.name for v in read.views] == ["Dr. Berger's week", "Hygiene chairs"]
    assert read.view("v-hyg").columns == ("c-chair1", "c-room")
    # reordered, renamed, one column removed: its resources and its place in views go too
    second = ColumnSetup(
        (ROOM, ClinicColumn("c-berger", "Dr. B. Berger", ColumnKind.PROVIDER, "#ff0000")),
        {("conn-1", "main"): "c-berger", ("conn-1", "north"): "c-room"},
        (ColumnView("v-hyg", "Hygiene chairs", ("c-room",)), read.views[0]),
        read.revision,
    )
    again = store.save(second, entry())
    assert again.revision == 2
    assert [c.name for c in store.setup().columns] == ["X-ray room", "Dr. B. Berger"]
    assert [v.id for v in store.setup().views] == ["v-hyg", "v-week"]
    assert dict(store.setup().mapping) == dict(second.mapping) == store.mapping()
    lines = repo.audit.audit_page(AuditFilter())
    assert [(r.event, r.staff) for r in lines] == [("columns changed", "Anna Berg")] * 2


def test_removing_a_column_in_the_store_removes_its_resources_and_view_places(
    repo: Repository,
) -> None:
    """The foreign keys cascade (what another tool deleting a column would rely on)."""
    repo.columns.save(first_setup(), None)
    from frontdesk.storage.tables_columns import ClinicColumnRow

    with repo.db.write() as s:
        s.delete(s.get_one(ClinicColumnRow, "c-room"))
    with repo.db.read() as s:
        assert s.scalar(select(func.count()).select_from(ColumnResourceRow)) == 2
        members = s.scalars(select(ColumnViewMemberRow.column_id)).all()
        assert "c-room" not in members
    assert repo.columns.setup().view("v-hyg").columns == ("c-chair1",)


def test_a_save_from_an_older_revision_is_refused_and_writes_nothing(repo: Repository) -> None:
    store = repo.columns
    read_by_a = store.setup()
    read_by_b = store.setup()
    store.save(first_setup(), entry())
    with pytest.raises(StaleSetup, match="Another desk changed"):
        store.save(ColumnSetup((ROOM,), {}, (), read_by_b.revision), entry())
    assert store.setup().columns == (BERGER, CHAIR, ROOM)
    assert len(repo.audit.audit_page(AuditFilter())) == 1
    assert read_by_a.revision == 0


def test_another_desk_hears_the_columns_topic(postgres: Cluster) -> None:
    url = postgres.new_database()
    first, second = Database.open(url), Database.open(url)
    heard: queue.Queue[object] = queue.Queue()
    stop = threading.Event()
    watching = second.watch(heard.put, stop)
    try:
        assert heard.get(timeout=5) is None  # listening
        Repository(first).columns.save(first_setup(), entry())
        assert heard.get(timeout=5) == {"#columns"}
        assert Repository(second).columns.setup().columns == (BERGER, CHAIR, ROOM)
    finally:
        stop.set()
        assert watching is not None
        watching.join(5)
        first.close()
        second.close()
