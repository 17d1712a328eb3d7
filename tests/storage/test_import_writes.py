"""What an import reads and writes in bulk: whole days of bookings on the driver's cursor, the
same as the range read, or narrowed to the bookings meeting a row's matches, the same as
the whole read filtered; the accepted rows with their creates, in order, never twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from frontdesk.domain.booking import SyncState, VisitStatus
from frontdesk.domain.neighbours import ColumnTest, Match, equals
from frontdesk.domain.outbox import OperationKind, OperationState
from frontdesk.storage.booking_reads import BookingFields
from frontdesk.storage.repo import ConnectionRecord, Repository
from support.bookings import T0, booking
from support.fakes import ops_of


def test_the_plain_read_of_a_span_is_the_range_read(repo: Repository) -> None:
    repo.catalogs.add_connection(
        ConnectionRecord("conn-2", "Other", "huskyvoice", "http://x/v1", {}, None)
    )
    held = {"huskyvoice": {"branch_id": "res", "from": T0.isoformat(), "at": None}}
    repo.import_bookings(
        [
            booking(1, T0),  # the first instant: in
            booking(2, T0 + timedelta(hours=2, microseconds=1), extra=held, remote_id="r-2"),
            booking(4, T0 + timedelta(hours=3), visit_status=VisitStatus.CANCELLED),
            booking(3, T0 + timedelta(hours=3), sync_state=SyncState.NEEDS_ATTENTION),
            booking(5, T0 + timedelta(days=1)),  # the end: out
            booking(6, T0 + timedelta(hours=1), connection_id="conn-2"),
            booking(7, T0 - timedelta(microseconds=1)),  # before: out
        ]
    )
    first, last = T0, T0 + timedelta(days=1)
    plain = repo.plain_bookings_between(first, last, "conn-1")
    assert [b.id for b in plain] == ["b-1", "b-2", "b-3", "b-4"]  # ties by id
    assert plain == repo.bookings_between(first, last, "conn-1")
    assert plain[1].extra == held and plain[1].start.tzinfo is UTC
    assert plain[2].start is plain[3].start  # one stored instant, parsed once
    assert repo.plain_bookings_between(first, last, None) == repo.bookings_between(first, last)


def test_the_narrowed_read_is_the_whole_read_filtered_by_the_matches(repo: Repository) -> None:
    """Each test as ``ColumnTest.holds`` says: a column equal to its value, or a phone holding
    the digits in their order however written; the whole read's order kept; nothing of
    another connection or outside the span."""
    repo.catalogs.add_connection(
        ConnectionRecord("conn-2", "Other", "huskyvoice", "http://x/v1", {}, None)
    )
    at = [T0 + timedelta(minutes=10 * n) for n in range(12)]
    repo.import_bookings(
        [
            booking(1, at[0], resource_id="res-a"),
            booking(2, at[1], resource_id="res-b", patient_phone="+44 20 7946 0001"),
            booking(3, at[2], resource_id="res-b", patient_phone="020-7946-0001"),
            booking(4, at[3], resource_id="res-b", patient_phone="+44 20 7946 0002"),
            booking(5, at[4], resource_id="res-b", service_id="x", patient_phone="+442079460001"),
            booking(6, at[5], resource_id="res-c", external_ref="ref-x"),
            booking(7, at[5], resource_id="res-c", external_ref=None),
            booking(8, at[6], resource_id="res-c", external_ref="b-7"),
            booking(9, at[7], resource_id="res-a", connection_id="conn-2"),
            booking(10, T0 + timedelta(days=1), resource_id="res-a"),  # the end: out
            booking(11, at[8], resource_id="res-d", patient_phone="%_+44207946000%1"),
        ]
    )  # fmt: skip
    first, last = T0, T0 + timedelta(days=1)
    whole = repo.plain_fields_between(first, last, "conn-1")
    phone = (ColumnTest("service_id", "svc"), ColumnTest("patient_phone", "+442079460001", True))
    cases: list[tuple[list[Match], list[str]]] = [
        ([equals("resource_id", "res-a")], ["b-1"]),
        ([phone], ["b-2", "b-11"]),  # b-3: no country code; b-5: another service
        ([equals("external_ref", "ref-x"), equals("id", "ref-x")], ["b-6"]),
        ([equals("external_ref", "b-7"), equals("id", "b-7")], ["b-7", "b-8"]),
        ([equals("resource_id", "res-a"), equals("resource_id", "res-d"), phone],
         ["b-1", "b-2", "b-11"]),
        ([equals("patient_name", "nobody")], []),
        ([], []),
    ]  # fmt: skip
    for matches, expected in cases:
        narrowed = repo.plain_fields_matching(first, last, "conn-1", matches)
        assert [f.id for f in narrowed] == expected, matches
        assert narrowed == [f for f in whole if _meets(f, matches)]


def _meets(fields: BookingFields, matches: list[Match]) -> bool:
    return any(all(t.holds(getattr(fields, t.column)) for t in match) for match in matches)


def test_book_many_writes_the_new_ones_with_their_creates_in_order(repo: Repository) -> None:
    repo.import_bookings([booking(1)])  # cached already: left as it is
    rows = [booking(n, T0 + timedelta(hours=n)) for n in (3, 1, 2)]
    written = repo.book_many([*rows, booking(3, T0 + timedelta(days=1))], "import:desk", "a file")
    assert written == 2  # b-3 and b-2; the second b-3 is the first one again
    assert repo.booking("b-3") == rows[0]
    assert ops_of(repo, "b-1") == []
    creates = [op for n in (3, 2) for op in ops_of(repo, f"b-{n}")]
    assert [(op.kind, op.state, op.idempotency_key) for op in creates] == [
        (OperationKind.CREATE, OperationState.QUEUED, "create:b-3"),
        (OperationKind.CREATE, OperationState.QUEUED, "create:b-2"),
    ]
    assert creates[0].id < creates[1].id  # sent in the file's order
    due = repo.outbox.due_operations("conn-1", datetime.now(UTC))
    assert [op.booking_id for op in due] == ["b-3", "b-2"]
    event = repo.history("b-2")
    assert [(e[1], e[2], e[3]) for e in event] == [("created", "a file", "import:desk")]
    assert repo.book_many(rows, "import:desk", "a file") == 0
