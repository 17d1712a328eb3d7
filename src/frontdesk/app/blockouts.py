"""Blockouts at the desk: adding, changing and removing the times the clinic keeps free, and
reading them for the calendar.

Each change is refused with the field to fix when the blockout as typed will not do
(``domain.blockouts.problems``), is written with its audit line (who, which desk, what) in one
transaction, and marks the store's ``"blockouts"`` topic so the other desks of a shared store
redraw at once (``storage.blockouts``). Bookings already under a new blockout are kept: the
dialog says how many there are (:meth:`BlockoutDesk.covered`; a clinic column's: the bookings
of every resource shown in it). The audit line names the column as the desk shows it, not by
its ids (:meth:`BlockoutDesk.where`). The rule itself (booking,
moving and the openings finder refuse a blocked time) is ``app.desk_rules``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from frontdesk.app.booking_checks import BookingRefused
from frontdesk.app.desk_rules import column_of
from frontdesk.domain.audit import Actor, AuditEntry, AuditEvent, Changes
from frontdesk.domain.blockouts import REPEAT_WORDS, Blockout, Occurrence, Repeat, problems
from frontdesk.domain.timeutil import iso_utc, local_day_bounds
from frontdesk.domain.translation import plural, translate
from frontdesk.domain.verdict import Verdict
from frontdesk.storage.plain import BLOCKOUTS_TOPIC as TOPIC
from frontdesk.storage.plain import BlockoutGone

if TYPE_CHECKING:
    from frontdesk.storage.blockouts import BlockoutStore
    from frontdesk.storage.repo import Repository

__all__ = ["TOPIC", "BlockoutDesk", "new_id"]

COVER_WEEKS = 12  # how far ahead the dialog counts the bookings a blockout lies over


def new_id() -> str:
    return str(uuid.uuid4())


def _described(blockout: Blockout, where: str) -> dict[str, str | None]:
    """A blockout's fields as the audit trail keeps them (text; instants in UTC); ``where``:
    its column's name."""
    return {
        "column": where,
        "start": iso_utc(blockout.start),
        "end": iso_utc(blockout.end),
        "reason": blockout.label,
        "repeat": REPEAT_WORDS[blockout.repeat],
        "weeks": None if blockout.weeks is None else str(blockout.weeks),
        "until": None if blockout.until is None else blockout.until.isoformat(),
    }


def _changes(
    before: Blockout | None, after: Blockout | None, where: Callable[[Blockout], str]
) -> Changes:
    old = _described(before, where(before)) if before is not None else {}
    new = _described(after, where(after)) if after is not None else {}
    return {
        key: [old.get(key), new.get(key)] for key in {**old, **new} if old.get(key) != new.get(key)
    }


class BlockoutDesk:
    """The desk's blockouts use-cases over one store."""

    def __init__(self, repo: Repository, zone: Callable[[], str], actor: Callable[[], Actor]):
        self.repo = repo
        self.zone = zone  # the clinic's zone now
        self.actor = actor

    @property
    def store(self) -> BlockoutStore:
        return self.repo.blockouts

    # -- reads ----------------------------------------------------------------------------
    def where(self, blockout: Blockout) -> str:
        """How the audit trail names its column: ``whole clinic``, a clinic column's name
        (``Dr. Berger``), or a booking system's resource with its connection (``Main Branch
        (Demo: HuskyVoice)``); the ids where the name is not known (any more)."""
        if blockout.whole_clinic:
            return "whole clinic"
        column_id = blockout.clinic_column
        if column_id is not None:
            column = self.repo.columns.setup().column(column_id)
            return column.name if column is not None else f"clinic column {column_id}"
        connection_id, resource_id = blockout.connection_id or "", blockout.resource_id or ""
        record = next((c for c in self.repo.catalogs.connections() if c.id == connection_id), None)
        if record is not None:
            found = self.repo.catalogs.catalog(connection_id, date.max, date.min).resource(
                resource_id
            )
            if found is not None:
                return f"{found.name} ({record.name})"
        return f"{connection_id}/{resource_id}"

    def get(self, blockout_id: str) -> Blockout | None:
        return self.store.get(blockout_id)

    def occurrences(self, first: date, days: int, zone_name: str) -> list[Occurrence]:
        """Every occurrence that meets the local days from ``first`` (``days`` of them)."""
        start, _ = local_day_bounds(first, zone_name)
        end, _ = local_day_bounds(first + timedelta(days=days), zone_name)
        found = [o for b in self.store.between(start, end) for o in b.occurrences(start, end)]
        return sorted(found, key=lambda o: (o.start, o.blockout.id))

    def covered(self, blockout: Blockout) -> int:
        """How many active bookings lie (partly) under ``blockout``'s occurrences in its first
        ``COVER_WEEKS`` weeks (the dialog asks as it is typed: a year of a busy clinic's
        bookings is not read for a warning; :func:`covering_words` says how far it looked).
        A clinic column's counts the bookings of every resource shown in the column."""
        if blockout.end <= blockout.start:
            return 0
        first = blockout.start - timedelta(days=1)
        last = min(blockout.reach, blockout.start + timedelta(weeks=COVER_WEEKS))
        columns = column_of(self.repo, [blockout])
        count = 0
        for booking in self.repo.glimpses_between(first, last):
            if not booking.active:
                continue
            if not blockout.applies_to(booking.connection_id, booking.resource_id, columns):
                continue
            if any(
                o.overlaps(booking.start, booking.end)
                for o in blockout.occurrences(booking.start, booking.end)
            ):
                count += 1
        return count

    # -- changes --------------------------------------------------------------------------
    def check(self, blockout: Blockout) -> list[Verdict]:
        """What is wrong with ``blockout`` as typed, a verdict per field to fix."""
        return [Verdict(400, "VALIDATION_ERROR", text, field) for field, text in problems(blockout)]

    def _refuse_bad(self, blockout: Blockout) -> Blockout:
        wrong = self.check(blockout)
        if wrong:
            raise BookingRefused(wrong)
        if blockout.repeat is Repeat.NONE:
            blockout = replace(blockout, weeks=None, until=None)
        return blockout

    def add(self, blockout: Blockout) -> Blockout:
        actor = self.actor()  # nobody signed in: nothing is written
        blockout = replace(self._refuse_bad(blockout), created_by=actor.label)
        audit = AuditEntry(
            AuditEvent.BLOCKOUT_ADDED,
            actor,
            None,
            _changes(None, blockout, self.where),
            blockout.label,
        )
        return self.store.add(blockout, audit)

    def change(self, blockout: Blockout) -> Blockout:
        actor = self.actor()
        blockout = self._refuse_bad(blockout)
        before = self.store.get(blockout.id)
        if before is None or before.version != blockout.version:
            raise _gone()
        audit = AuditEntry(
            AuditEvent.BLOCKOUT_CHANGED,
            actor,
            None,
            _changes(before, blockout, self.where),
            blockout.label,
        )
        try:
            return self.store.change(blockout, audit)
        except BlockoutGone as exc:
            raise _gone() from exc

    def remove(self, blockout: Blockout) -> None:
        actor = self.actor()
        audit = AuditEntry(
            AuditEvent.BLOCKOUT_REMOVED,
            actor,
            None,
            _changes(blockout, None, self.where),
            blockout.label,
        )
        try:
            self.store.remove(blockout, audit)
        except BlockoutGone as exc:
            raise _gone() from exc


def _gone() -> BookingRefused:
    return BookingRefused(
        [
            Verdict(
                409,
                "CHANGED_ELSEWHERE",
                translate(
                    "Blockouts",
                    "This blockout was just changed or removed at another desk. Look at it again.",
                ),
            )
        ]
    )


def covering_words(count: int, blockout: Blockout | None = None) -> str:
    """The dialog's warning about bookings already under a blockout ("" for none)."""
    if count == 0:
        return ""
    longer = blockout is not None and blockout.reach > blockout.start + timedelta(weeks=COVER_WEEKS)
    if count == 1:
        said = (
            translate("Blockouts", "1 booking lies in this time in its first {weeks} weeks.")
            if longer
            else translate("Blockouts", "1 booking lies in this time.")
        )
    else:
        said = (
            plural("Blockouts", "%n bookings lie in this time in its first {weeks} weeks.", count)
            if longer
            else plural("Blockouts", "%n bookings lie in this time.", count)
        )
    rest = translate("Blockouts", "They stay booked; move or cancel them yourself if need be.")
    return said.format(weeks=COVER_WEEKS) + " " + rest


def _counts() -> None:  # for lupdate: the counted sentences (never called)
    translate("Blockouts", "%n bookings lie in this time in its first {weeks} weeks.", None, 2)
    translate("Blockouts", "%n bookings lie in this time.", None, 2)
