"""The cache: migrations, SQLite pragmas, UTC columns, booking + outbox atomicity, outbox order,
merging pulled bookings."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from frontdesk.domain.booking import Booking, SyncState, VisitStatus, glimpse_of
from frontdesk.domain.catalog import Catalog, Policy, Resource, Service, Window
from frontdesk.domain.outbox import OperationKind, OperationState
from frontdesk.storage.db import Database, create_db_engine, migrate, pending_migrations, sqlite_url
from frontdesk.storage.repo import Repository
from support.bookings import T0, booking
from support.cache_keys import TEST_KEY


def sqlite_only(db: Database) -> None:
    if db.shared:
        pytest.skip("SQLite's own settings and query plans")


def test_fresh_file_is_migrated_in_wal_with_foreign_keys(db: Database) -> None:
    sqlite_only(db)
    assert not pending_migrations(db.engine)
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_pending_migration_copies_the_file_aside(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_db_engine(sqlite_url(path))
    with engine.begin() as conn:  # a file from before FrontDesk had any migration
        conn.exec_driver_sql("CREATE TABLE legacy (x INTEGER)")
    backup = migrate(engine, path)
    assert backup is not None and backup.exists()
    assert migrate(engine, path) is None  # nothing pending the second time
    engine.dispose()


def test_instants_round_trip_as_utc(repo: Repository) -> None:
    summer = datetime(2027, 7, 1, 10, 0, tzinfo=UTC)
    repo.book(booking(1, summer), OperationKind.CREATE, {}, "k1", "desk")
    got = repo.booking("b-1")
    assert got is not None and got.start == summer and got.start.tzinfo is not None


def test_the_repository_is_composed_of_stores_not_inherited(repo: Repository) -> None:
    assert Repository.__mro__ == (Repository, object)
    shared = {name for name, part in vars(repo).items() if getattr(part, "db", None) is repo.db}
    assert {"catalogs", "changes", "sending", "remote", "outbox", "staff", "audit"} <= shared


def test_book_writes_booking_and_operation_together(repo: Repository) -> None:
    op = repo.book(booking(1), OperationKind.CREATE, {}, "key-1", "desk")
    assert op.state is OperationState.QUEUED and op.idempotency_key == "key-1"
    assert repo.outbox.pending_count() == 1
    with pytest.raises(IntegrityError):  # same id again: neither row may be written
        repo.book(booking(1), OperationKind.CREATE, {}, "key-2", "desk")
    assert repo.outbox.pending_count() == 1
    assert [h[1] for h in repo.history("b-1")] == ["created"]


def test_due_operations_one_per_booking_in_order(repo: Repository) -> None:
    first = repo.book(booking(1), OperationKind.CREATE, {}, "k1", "desk")
    repo.book(booking(2, T0 + timedelta(hours=1)), OperationKind.CREATE, {}, "k2", "desk")
    with repo.db.write() as s:  # a second operation for booking 1 waits for the first
        from frontdesk.storage.tables import OutboxRow

        s.add(
            OutboxRow(
                booking_id="b-1",
                connection_id="conn-1",
                kind="cancel",
                payload={},
                idempotency_key="k3",
                state="queued",
                attempts=0,
                next_attempt_at=T0 - timedelta(days=400),
                created_at=T0,
            )
        )
    now = datetime.now(UTC)
    due = repo.outbox.due_operations("conn-1", now)
    assert [(o.booking_id, o.kind) for o in due] == [
        ("b-1", OperationKind.CREATE),
        ("b-2", OperationKind.CREATE),
    ]
    repo.sending.complete(
        first, booking(1).with_changes(remote_id="r1", sync_state=SyncState.CONFIRMED), "ok"
    )
    due = repo.outbox.due_operations("conn-1", now)
    assert ("b-1", OperationKind.CANCEL) in [(o.booking_id, o.kind) for o in due]


def test_retry_later_hides_until_due(repo: Repository) -> None:
    op = repo.book(booking(1), OperationKind.CREATE, {}, "k1", "desk")
    now = datetime.now(UTC)
    claimed = repo.sending.claim(op.id, "desk-a", now)
    assert claimed is not None
    repo.sending.retry_later(claimed, now + timedelta(seconds=30), "HTTP 503")
    assert repo.outbox.due_operations("conn-1", now) == []
    later = repo.outbox.due_operations("conn-1", now + timedelta(seconds=31))
    assert later[0].attempts == 1 and later[0].sent_at is not None


def test_range_query_and_merge_remote(repo: Repository) -> None:
    repo.book(booking(1), OperationKind.CREATE, {}, "k1", "desk")
    remote_new = booking(
        9, T0 + timedelta(days=1), remote_id="appt_9", sync_state=SyncState.CONFIRMED
    )
    # our own booking comes back from the pull (matched by our reference) while still queued:
    ours = booking(1, remote_id="appt_1", external_ref="b-1", sync_state=SyncState.CONFIRMED)
    assert repo.remote.merge_remote("conn-1", [remote_new, ours.with_changes(id="b-1")]) == 1
    pencilled = repo.booking("b-1")
    assert pencilled is not None and pencilled.sync_state is SyncState.PENCILLED
    week = repo.bookings_between(T0 - timedelta(days=1), T0 + timedelta(days=6), "conn-1")
    assert [b.id for b in week] == ["b-1", "b-9"]
    cancelled = remote_new.with_changes(visit_status=VisitStatus.CANCELLED)
    assert repo.remote.merge_remote("conn-1", [cancelled]) == 1
    got = repo.booking("b-9")
    assert got is not None and got.visit_status is VisitStatus.CANCELLED


def test_glimpses_are_what_the_calendars_show_of_the_bookings_in_a_range(
    repo: Repository,
) -> None:
    later = T0 + timedelta(hours=2, microseconds=250)
    repo.import_bookings(
        [
            booking(3, later, problem_message="refused", sync_state=SyncState.NEEDS_ATTENTION),
            booking(2, T0, visit_status=VisitStatus.ARRIVED),
            booking(1, T0),
            booking(4, T0 + timedelta(days=7)),  # outside
            booking(5, T0 - timedelta(seconds=1)),  # outside
        ]
    )
    week = repo.bookings_between(T0, T0 + timedelta(days=7))
    glimpses = repo.glimpses_between(T0, T0 + timedelta(days=7))
    assert [g.id for g in glimpses] == ["b-1", "b-2", "b-3"]  # by start, then id
    assert glimpses == [glimpse_of(b) for b in week]
    assert glimpses[2].start == later and glimpses[2].start.tzinfo is not None
    assert glimpses[2].problem_message == "refused" and glimpses[1].active
    with pytest.raises(ValueError):
        repo.glimpses_between(T0.replace(tzinfo=None), T0)


def test_the_calendars_read_never_visits_the_table(repo: Repository) -> None:
    """The glimpses of a range come from the covering index alone, already in order (a busy
    week is thousands of rows: no look-up of each in the table, no sort); the full read of a
    range still searches an index by start."""
    sqlite_only(repo.db)
    from sqlalchemy import select
    from sqlalchemy.dialects import sqlite

    from frontdesk.storage.rows import BOOKING_COLUMNS, GLIMPSE_SQL, TABLE

    full = select(*BOOKING_COLUMNS).where(TABLE["start"] >= "a", TABLE["start"] < "b")
    full_sql = str(full.order_by(TABLE["start"], TABLE["id"]).compile(dialect=sqlite.dialect()))

    def plan(sql: str) -> list[str]:
        with repo.db.engine.connect() as conn:
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, ("a", "b"))
            return [row[-1] for row in rows]

    assert plan(GLIMPSE_SQL) == [
        "SEARCH bookings USING COVERING INDEX ix_bookings_calendar (start>? AND start<?)"
    ]
    ranged = "SEARCH bookings USING INDEX ix_bookings_calendar (start>? AND start<?)"
    assert plan(full_sql) == [ranged]


def test_catalog_round_trip(repo: Repository) -> None:
    day = date(2027, 6, 15)
    catalog = Catalog(
        Policy("Europe/London", True, True, 2),
        [Service("s1", "Checkup", 30, "#123456")],
        [Resource("r1", "Main")],
        [Window("w1", "r1", day, time(9), time(12), "Morning", "MA", True, 6)],
    )
    repo.catalogs.save_catalog("conn-1", catalog, [day])
    got = repo.catalogs.catalog("conn-1", day, day)
    assert got == catalog
    assert (
        repo.catalogs.catalog("conn-1", day + timedelta(days=1), day + timedelta(days=2)).windows
        == []
    )


def test_one_writer_at_a_time_and_readers_never_wait(db: Database) -> None:
    """Two write transactions (two desks, or the desk and its sync) never interleave: the
    second starts when the first has committed; a read meanwhile goes on."""
    import threading

    order: list[str] = []
    holding, release = threading.Event(), threading.Event()

    def first() -> None:
        with db.write() as s:
            s.execute(text("SELECT 1"))
            holding.set()
            release.wait(10)
            order.append("first commits")

    def second() -> None:
        holding.wait(10)
        with db.write() as s:
            s.execute(text("SELECT 1"))
            order.append("second writes")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    holding.wait(10)
    with db.read() as s:  # a reader is not held up by the writer
        assert s.execute(text("SELECT 1")).scalar() == 1
    order.append("read")
    release.set()
    for thread in threads:
        thread.join(10)
    assert order == ["read", "first commits", "second writes"]


def test_writes_begin_immediate_and_reads_do_not(db: Database) -> None:
    sqlite_only(db)
    from sqlalchemy import event

    seen: list[str] = []

    def record(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.startswith("BEGIN"):
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        with db.write() as s:
            s.execute(text("SELECT 1"))
        with db.read() as s:
            s.execute(text("SELECT 1"))
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    assert seen == ["BEGIN IMMEDIATE", "BEGIN"]


def test_migrations_match_the_models(db: Database) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from frontdesk.storage.tables import Base

    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_pull_keeps_desk_only_statuses_and_extras(repo: Repository) -> None:
    op = repo.book(booking(1, extra={"contact_id": "ct_1"}), OperationKind.CREATE, {}, "k", "d")
    confirmed = booking(
        1,
        remote_id="appt_1",
        sync_state=SyncState.CONFIRMED,
        visit_status=VisitStatus.ARRIVED,
        extra={"contact_id": "ct_1"},
    )
    repo.sending.complete(op, confirmed, "ok")
    pulled = booking(
        1, remote_id="appt_1", sync_state=SyncState.CONFIRMED, extra={"title": "Checkup"}
    ).with_changes(id="pulled-id")
    repo.remote.merge_remote("conn-1", [pulled])
    got = repo.booking("b-1")
    assert got is not None and got.visit_status is VisitStatus.ARRIVED
    assert got.extra == {"contact_id": "ct_1", "title": "Checkup"}
    repo.remote.merge_remote("conn-1", [pulled.with_changes(visit_status=VisitStatus.CANCELLED)])
    got = repo.booking("b-1")
    assert got is not None and got.visit_status is VisitStatus.CANCELLED


def test_a_pulled_twin_of_our_booking_gives_way_on_replay(repo: Repository) -> None:
    op = repo.book(booking(1), OperationKind.CREATE, {}, "k", "d")
    # the create's answer was lost; a pull cached the remote copy under its own id
    repo.remote.merge_remote(
        "conn-1", [booking(7, remote_id="appt_1", sync_state=SyncState.CONFIRMED)]
    )
    assert repo.booking("b-7") is not None
    repo.sending.complete(
        op, booking(1, remote_id="appt_1", sync_state=SyncState.CONFIRMED), "replay"
    )
    assert repo.booking("b-7") is None
    got = repo.booking("b-1")
    assert got is not None and got.remote_id == "appt_1"


def _synced_then_moved_here(repo: Repository) -> Booking:
    """b-1 acknowledged remotely at T0, then moved at the desk to T0+2h (the move queued)."""
    op = repo.book(booking(1), OperationKind.CREATE, {}, "k", "d")
    repo.sending.complete(op, booking(1, remote_id="appt_1", sync_state=SyncState.CONFIRMED), "ok")
    here = booking(1, T0 + timedelta(hours=2), remote_id="appt_1", version=2)
    repo.changes.change_booking(here, OperationKind.RESCHEDULE, "k-move", "d", "moved", None)
    return here


def test_a_pull_merges_field_by_field_with_a_queued_move(repo: Repository) -> None:
    _synced_then_moved_here(repo)
    there = booking(1, remote_id="appt_1", sync_state=SyncState.CONFIRMED)
    repo.remote.merge_remote("conn-1", [there.with_changes(id="pulled", patient_name="P Q")])
    got = repo.booking("b-1")
    assert got is not None
    assert (got.start, got.patient_name) == (T0 + timedelta(hours=2), "P Q")
    assert got.problem_code is None
    assert [op.kind for op in repo.outbox.due_operations("conn-1", T0 + timedelta(days=9))] == [
        OperationKind.RESCHEDULE
    ]


def test_a_clash_holds_the_queued_move_until_the_desk_keeps_its_version(
    repo: Repository,
) -> None:
    _synced_then_moved_here(repo)
    there = booking(1, T0 + timedelta(hours=3), remote_id="appt_1", sync_state=SyncState.CONFIRMED)
    repo.remote.merge_remote("conn-1", [there.with_changes(id="pulled")])
    got = repo.booking("b-1")
    assert got is not None and got.problem_code == "CLASH"
    assert got.start == T0 + timedelta(hours=2)  # the desk's time is kept while it is settled
    assert repo.outbox.due_operations("conn-1", T0 + timedelta(days=9)) == []  # held, not lost
    assert repo.outbox.pending_count("conn-1") == 1
    assert [b.id for b in repo.needs_attention()] == ["b-1"]
    repo.remote.merge_remote(
        "conn-1", [there.with_changes(id="pulled")]
    )  # pulled again: still held
    assert repo.outbox.due_operations("conn-1", T0 + timedelta(days=9)) == []
    repo.remote.keep_ours("b-1", "desk 2")
    kept = repo.booking("b-1")
    assert kept is not None and kept.problem_code is None
    assert kept.sync_state is SyncState.PENCILLED
    assert len(repo.outbox.due_operations("conn-1", T0 + timedelta(days=9))) == 1
    assert ("clash settled", "kept the desk's version", "desk 2") in [
        h[1:] for h in repo.history("b-1")
    ]


def test_taking_the_remote_version_withdraws_the_move(repo: Repository) -> None:
    _synced_then_moved_here(repo)
    there = booking(1, T0 + timedelta(hours=3), remote_id="appt_1", sync_state=SyncState.CONFIRMED)
    repo.remote.merge_remote("conn-1", [there.with_changes(id="pulled")])
    repo.remote.take_theirs("b-1", "desk 2")
    got = repo.booking("b-1")
    assert got is not None and got.start == T0 + timedelta(hours=3)
    assert (got.sync_state, got.problem_code) == (SyncState.CONFIRMED, None)
    assert repo.outbox.pending_count("conn-1") == 0
    # the next pull of the same remote booking changes nothing
    assert repo.remote.merge_remote("conn-1", [there.with_changes(id="pulled")]) == 0


def test_a_desk_move_of_a_booking_in_a_clash_settles_it_the_desks_way(repo: Repository) -> None:
    _synced_then_moved_here(repo)
    there = booking(1, T0 + timedelta(hours=3), remote_id="appt_1", sync_state=SyncState.CONFIRMED)
    repo.remote.merge_remote("conn-1", [there.with_changes(id="pulled")])
    clashing = repo.booking("b-1")
    assert clashing is not None and clashing.problem_code == "CLASH"
    # the receptionist moves it again (the app clears the problem with the move)
    again = clashing.with_changes(
        start=T0 + timedelta(hours=4),
        end=T0 + timedelta(hours=4, minutes=30),
        sync_state=SyncState.PENCILLED,
        problem_code=None,
        problem_message=None,
    )
    repo.changes.change_booking(again, OperationKind.RESCHEDULE, "k-move-2", "d", "moved", None)
    repo.remote.merge_remote("conn-1", [there.with_changes(id="pulled")])  # the same remote again
    got = repo.booking("b-1")
    assert got is not None and got.problem_code is None
    assert got.start == T0 + timedelta(hours=4)
    assert len(repo.outbox.due_operations("conn-1", T0 + timedelta(days=9))) == 1


def test_taking_a_remote_cancel_over_a_desk_move_leaves_nothing_to_send(repo: Repository) -> None:
    _synced_then_moved_here(repo)
    cancelled = booking(
        1, remote_id="appt_1", sync_state=SyncState.CONFIRMED, visit_status=VisitStatus.CANCELLED
    )
    repo.remote.merge_remote("conn-1", [cancelled.with_changes(id="pulled")])
    clashing = repo.booking("b-1")
    assert clashing is not None and clashing.problem_code == "CLASH"
    assert clashing.visit_status is VisitStatus.BOOKED  # the desk's, until a person decides
    repo.remote.take_theirs("b-1", "desk 2")
    got = repo.booking("b-1")
    assert got is not None and got.visit_status is VisitStatus.CANCELLED
    assert got.sync_state is SyncState.CONFIRMED
    assert repo.outbox.pending_count("conn-1") == 0


def test_the_known_heads_are_the_migration_scripts_heads() -> None:
    import re

    from frontdesk.storage.db import HEADS, MIGRATIONS, script_heads

    assert script_heads() == set(HEADS)
    for path in (MIGRATIONS / "versions").glob("*.py"):
        revision = re.search(r'^revision: str = "([^"]+)"', path.read_text(), re.M)
        assert revision is not None and path.stem.split("_", 1)[0] == revision.group(1)


def test_a_cache_from_a_newer_frontdesk_is_refused_untouched(tmp_path: Path) -> None:
    from sqlalchemy import text

    from frontdesk.storage.db import NewerCache

    path = tmp_path / "cache.sqlite3"
    Database.open(path, TEST_KEY).close()
    engine = create_db_engine(sqlite_url(path), TEST_KEY)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    engine.dispose()
    before = path.read_bytes()
    with pytest.raises(NewerCache) as refused:
        Database.open(path, TEST_KEY)
    assert "newer version of FrontDesk" in str(refused.value) and "0099" in str(refused.value)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.before-migration-*"))


def test_an_up_to_date_cache_opens_without_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "cache.sqlite3"
    Database.open(path, TEST_KEY).close()
    code = (
        "import sys; from pathlib import Path; from frontdesk.storage.db import Database; "
        "Database.open(Path(sys.argv[1]), bytes(range(32))).close(); "
        "print('alembic' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == "False", done.stderr


def test_the_attention_index_is_partial(db: Database) -> None:
    """The models name ix_bookings_attention without its condition (naming a dialect's option
    there imports the dialect at every start); the migration makes it partial on both."""
    if db.engine.dialect.name == "sqlite":
        query = "SELECT sql FROM sqlite_master WHERE name = 'ix_bookings_attention'"
    else:
        query = "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_bookings_attention'"
    with db.read() as s:
        made = s.scalar(text(query))
    assert made is not None and "needs_attention" in made and "WHERE" in made.upper()
