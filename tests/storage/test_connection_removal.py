"""Removing a connection: what it would lose is counted (operations by state, cached bookings),
and one transaction deletes the connection with its operations (one waiting for another too),
its bookings and their history, and its catalog, leaving every other connection's rows as they
were. On both stores."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from frontdesk.domain.catalog import Catalog, Policy, Resource, Service
from frontdesk.domain.outbox import OperationKind
from frontdesk.storage.repo import ConnectionRecord, Repository
from frontdesk.storage.tables import (
    BookingRow,
    ConnectionRow,
    HistoryRow,
    OutboxRow,
    ResourceRow,
    ServiceRow,
)
from support.bookings import booking

K = OperationKind


def count(repo: Repository, table: type, connection_id: str) -> int:
    with repo.db.read() as s:
        column = table.id if table is ConnectionRow else table.connection_id
        return int(s.scalar(select(func.count()).where(column == connection_id)) or 0)


def history(repo: Repository) -> int:
    with repo.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(HistoryRow)) or 0)


def test_removing_a_connection_deletes_its_rows_and_only_its_rows(repo: Repository) -> None:
    repo.catalogs.add_connection(
        ConnectionRecord("conn-2", "Other", "vantax", "https://x/v1", {}, None)
    )
    catalog = Catalog(
        services=[Service("svc", "Checkup", 30)],
        resources=[Resource("res", "Main")],
        windows=[],
        policy=Policy(timezone="Europe/London"),
    )
    for cid in ("conn-1", "conn-2"):
        repo.catalogs.save_catalog(cid, catalog, [date(2027, 6, 15)])
    # a new patient's create waits for the patient's record: an operation depending on another
    repo.book(booking(1), K.CREATE, {}, "k1", "desk", patient_records=True)
    repo.book(booking(2), K.CREATE, {}, "k2", "desk")
    repo.book(booking(3, connection_id="conn-2"), K.CREATE, {}, "k3", "desk")
    kept_history = history(repo)

    counts = repo.removal.connection_counts("conn-1")
    assert counts == {"queued": 3, "bookings": 2}
    assert repo.removal.connection_counts("conn-2") == {"queued": 1, "bookings": 1}

    assert repo.removal.remove_connection("conn-1") is True
    for table in (ConnectionRow, BookingRow, OutboxRow, ServiceRow, ResourceRow):
        assert count(repo, table, "conn-1") == 0, table.__name__
        assert count(repo, table, "conn-2") == 1, table.__name__
    assert history(repo) < kept_history and repo.booking("b-3") is not None
    assert [c.id for c in repo.catalogs.connections()] == ["conn-2"]
    assert repo.removal.remove_connection("conn-1") is False  # gone already: nothing to do
