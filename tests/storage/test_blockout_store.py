"""Blockouts in the store, on SQLite and PostgreSQL: added, read by span (repeats by their
reach), changed over the version read (a stale change is refused), removed; each write with
its audit line and a "blockouts" topic for the other desks."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from frontdesk.domain.audit import Actor, AuditEntry, AuditEvent, AuditFilter
from frontdesk.domain.blockouts import Blockout, Reason, Repeat
from frontdesk.storage import notices
from frontdesk.storage.blockouts import BlockoutGone
from frontdesk.storage.repo import Repository

ANNA = Actor("Anna Berg", "reception-1")
MON = datetime(2027, 6, 14, 11, 0, tzinfo=UTC)  # 12:00 in London


def lunch(**kw: object) -> Blockout:
    fields: dict[str, object] = {
        "id": "b1",
        "start": MON,
        "end": MON + timedelta(hours=1),
        "zone": "Europe/London",
        "reason": Reason.LUNCH,
        "connection_id": "conn-1",
        "resource_id": "dr-berger",
        "repeat": Repeat.WEEKDAYS,
        "weeks": 2,
        "created_by": ANNA.label,
    }
    fields.update(kw)
    return Blockout(**fields)  # type: ignore[arg-type]


def entry(event: AuditEvent) -> AuditEntry:
    return AuditEntry(event, ANNA, None, {"reason": [None, "Lunch"]}, "Lunch")


def test_added_read_by_span_changed_and_removed(repo: Repository) -> None:
    store = repo.blockouts
    added = store.add(lunch(), entry(AuditEvent.BLOCKOUT_ADDED))
    assert added.version == 1 and added.repeat is Repeat.WEEKDAYS and added.weeks == 2
    assert added.start == MON and added.created_by == ANNA.label
    # found in a span of its second week (by its reach), not after its last day
    later = MON + timedelta(days=9)
    assert [b.id for b in store.between(later, later + timedelta(hours=3))] == ["b1"]
    after = MON + timedelta(days=15)
    assert store.between(after, after + timedelta(days=1)) == []
    assert store.between(MON - timedelta(days=2), MON) == []  # ends where it starts
    changed = store.change(
        replace(added, reason=Reason.MEETING, note="team", until=date(2027, 6, 16)),
        entry(AuditEvent.BLOCKOUT_CHANGED),
    )
    assert changed.version == 2 and changed.note == "team" and changed.until == date(2027, 6, 16)
    assert store.between(later, later + timedelta(hours=3)) == []  # now it ends on the 16th
    with pytest.raises(BlockoutGone):  # another desk's stale copy
        store.change(replace(added, note="stale"), entry(AuditEvent.BLOCKOUT_CHANGED))
    with pytest.raises(BlockoutGone):
        store.remove(added, entry(AuditEvent.BLOCKOUT_REMOVED))
    store.remove(changed, entry(AuditEvent.BLOCKOUT_REMOVED))
    assert store.get("b1") is None
    events = [r.event for r in repo.audit.audit_page(AuditFilter(), 0, 10)]
    assert events == ["blockout removed", "blockout changed", "blockout added"]


def test_a_whole_clinic_blockout_has_no_column(repo: Repository) -> None:
    repo.blockouts.add(
        lunch(id="b2", connection_id=None, resource_id=None, repeat=Repeat.NONE, weeks=None),
        entry(AuditEvent.BLOCKOUT_ADDED),
    )
    found = repo.blockouts.get("b2")
    assert found is not None and found.whole_clinic and found.applies_to("any", "one", {})


def test_each_write_marks_the_blockouts_topic(repo: Repository) -> None:
    marked: list[set[str]] = []
    original = notices.changed_topic

    def spy(session: object, topic: str) -> None:
        marked.append({topic})
        original(session, topic)  # type: ignore[arg-type]

    notices.changed_topic = spy  # type: ignore[assignment]
    try:
        added = repo.blockouts.add(lunch(), entry(AuditEvent.BLOCKOUT_ADDED))
        repo.blockouts.remove(added, entry(AuditEvent.BLOCKOUT_REMOVED))
    finally:
        notices.changed_topic = original  # type: ignore[assignment]
    assert marked == [{"blockouts"}, {"blockouts"}]
