"""What a shared store tells the other desks: the ids of the bookings a committed write
touched, never a rolled-back one, never a desk its own; "anything" for a bulk import."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator

import pytest

from frontdesk.domain.outbox import OperationKind
from frontdesk.domain.timeutil import utc_now
from frontdesk.storage import notices
from frontdesk.storage.db import Database
from frontdesk.storage.notices import parse
from frontdesk.storage.repo import ConnectionRecord, Repository
from support.bookings import booking
from support.postgres import Cluster


@pytest.fixture
def two_desks(postgres: Cluster) -> Iterator[tuple[Repository, Repository, queue.Queue[object]]]:
    url = postgres.new_database()
    first, second = Database.open(url), Database.open(url)
    heard: queue.Queue[object] = queue.Queue()
    stop = threading.Event()
    mine: queue.Queue[object] = queue.Queue()
    watching = [second.watch(heard.put, stop), first.watch(mine.put, stop)]
    repo_a, repo_b = Repository(first), Repository(second)
    repo_a.catalogs.add_connection(
        ConnectionRecord("conn-1", "C", "huskyvoice", "http://x/v1", {}, None)
    )
    assert heard.get(timeout=5) is None  # listening: what came before is not known
    assert mine.get(timeout=5) is None
    yield repo_a, repo_b, heard
    stop.set()
    for thread in watching:
        assert thread is not None
        thread.join(5)
    assert mine.empty(), "a desk was told of its own writes"
    first.close()
    second.close()


def test_the_other_desk_hears_what_changed(
    two_desks: tuple[Repository, Repository, queue.Queue[object]],
) -> None:
    first, _, heard = two_desks
    first.book(booking(1), OperationKind.CREATE, {}, "k1", "desk a")
    assert heard.get(timeout=5) == {"b-1"}
    with pytest.raises(RuntimeError), first.db.write() as s:  # rolled back: nothing is said
        from frontdesk.storage.tables import BookingRow

        s.get_one(BookingRow, "b-1").patient_name = "Q"
        s.flush()
        raise RuntimeError("the desk gave up")
    first.import_bookings([booking(2)])
    assert heard.get(timeout=5) is None  # a bulk import: anything may have changed
    first.book_many([booking(3)], "desk a", "imported from a CSV file")
    assert heard.get(timeout=5) is None  # an import's rows go in bulk too
    assert heard.empty()


def test_the_sync_engines_core_settle_is_heard_and_its_claim_is_not(
    two_desks: tuple[Repository, Repository, queue.Queue[object]],
) -> None:
    """The claim and the settle write with Core statements (``Database.write_core``), which
    no flush shows: the settle names its booking itself; the claim changes no booking."""
    first, _, heard = two_desks
    first.book(booking(1), OperationKind.CREATE, {}, "k1", "desk a")
    assert heard.get(timeout=5) == {"b-1"}
    op = first.outbox.queued_operations("b-1")[0]
    claimed = first.sending.claim_to_send(op.id, "sender-a", utc_now())
    assert claimed is not None
    sent, held = claimed
    assert held is not None
    first.sending.complete(sent, held.with_changes(remote_id="r-1"), "create accepted")
    assert heard.get(timeout=5) == {"b-1"}  # the settle, not the claim before it
    assert heard.empty()
    assert first.outbox.pending_count() == 0


def test_notices_are_read_apart_from_their_sender() -> None:
    assert parse("abc|b-1,b-2", "xyz") == (True, {"b-1", "b-2"})
    assert parse("abc|*", "xyz") == (True, None)
    assert parse("abc|b-1", "abc") == (False, None)


def test_a_topic_travels_beside_the_booking_ids() -> None:
    from frontdesk.app.changes import ChangeRecord

    assert notices.is_topic("#blockouts") and not notices.is_topic("b-1")
    record = ChangeRecord.of_topics("asap")
    assert record.only_topics and record.topics == {"asap"} and record.ids == []
    assert not ChangeRecord.everything().only_topics
    with pytest.raises(ValueError):
        notices.changed_topic(None, "a,b")  # type: ignore[arg-type]
