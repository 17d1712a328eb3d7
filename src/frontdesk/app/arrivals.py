"""Arrivals and the waiting room: when a patient arrived, how long they have waited, and when
they went in, kept at the desk only.

The "arrived" mark is the booking's visit status (``BookingService.set_status``, sent to a
booking system that keeps it); :meth:`Arrivals.set_status` makes that change and keeps the
instant (UTC) in the store in the change's own transaction (topic ``"arrivals"``, an audit line
with it): an undo forgets it, "completed" ends the wait. "In the chair" is a desk-only mark (no
booking system has an in-progress status): it ends the wait without touching the booking (for
a patient marked arrived at another desk, the arrival is kept with it, in one transaction). The
waiting room is the clinic's today's arrived patients not yet in, longest wait first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from frontdesk.app.booking import BookingService, Change
from frontdesk.app.booking_checks import BookingRefused, refusal
from frontdesk.app.settings import ClinicSettings
from frontdesk.domain.audit import Actor, AuditEntry, AuditEvent
from frontdesk.domain.booking import Booking, VisitStatus
from frontdesk.domain.confirmations import Arrival, PatientConfirmation
from frontdesk.domain.timeutil import iso_utc, local_day_bounds, to_local, utc_now
from frontdesk.domain.translation import translate
from frontdesk.storage.plain import ARRIVALS, Step

if TYPE_CHECKING:
    from frontdesk.storage.repo import Repository

TOPIC = ARRIVALS


@dataclass(frozen=True, slots=True)
class WaitingRow:
    """One patient in the waiting room."""

    booking_id: str
    patient: str
    appointment: datetime  # its start, on the clinic's clock
    arrived: datetime | None  # on the clinic's clock; None: not recorded at this desk
    minutes: int | None  # waited so far

    @property
    def waited(self) -> str:
        if self.minutes is None:
            return translate("Arrivals", "time not recorded")
        return translate("Arrivals", "waiting {time}").format(time=self.minutes_words)

    @property
    def minutes_words(self) -> str:
        """``12 min``, ``1 h 05``, ``—`` (the waiting room's column)."""
        return "—" if self.minutes is None else wait_minutes(self.minutes)


def wait_minutes(minutes: int) -> str:
    """A wait, short: ``12 min``, ``1 h 05`` (the waiting room's column, a narrow block)."""
    if minutes < 60:
        return translate("Arrivals", "{minutes} min").format(minutes=minutes)
    return translate("Arrivals", "{hours} h {minutes}").format(
        hours=minutes // 60, minutes=f"{minutes % 60:02d}"
    )


@dataclass(frozen=True, slots=True)
class DeskMark:
    """What a booking's block shows of the desk's own records."""

    confirmation: PatientConfirmation
    waited: int | None = None  # minutes, while the patient waits


class Arrivals:
    """Arrival times, the waiting room and the "in the chair" mark."""

    def __init__(
        self,
        repo: Repository,
        booking: Callable[[], BookingService],
        clinic: Callable[[], ClinicSettings],
        actor: Callable[[], Actor],
    ) -> None:
        self.repo = repo
        self.booking = booking
        self.clinic = clinic
        self.actor = actor

    def _entry(
        self, booking_id: str, detail: str, changes: dict[str, list[str | None]]
    ) -> AuditEntry:
        return AuditEntry(AuditEvent.ARRIVAL, self.actor(), booking_id, changes, detail)

    def set_status(
        self, booking_id: str, status: VisitStatus, now: datetime | None = None
    ) -> Change:
        """The visit status key (``BookingService.set_status``) and the arrival it makes, undoes
        or ends kept at the desk, in one transaction."""
        before = self.repo.booking(booking_id)
        was = before.visit_status if before is not None else None
        when = now or utc_now()
        return self.booking().set_status(
            booking_id, status, now, also=self._step(was, status, when, booking_id)
        )

    def _step(
        self, was: VisitStatus | None, after: VisitStatus, now: datetime, booking_id: str
    ) -> Step | None:
        """What the status change from ``was`` to ``after`` writes of the arrival, if anything
        (nothing is written at all when the booking is ``after`` already)."""
        arrivals = self.repo.arrivals
        if after is VisitStatus.ARRIVED and was is not VisitStatus.ARRIVED:
            entry = self._entry(booking_id, "arrived", {"arrived_at": [None, iso_utc(now)]})
            return arrivals.arriving(booking_id, now, self.actor().staff, entry)
        if was is VisitStatus.ARRIVED and after is VisitStatus.COMPLETED:
            words = "seen (completed)"
            entry = self._entry(booking_id, words, {"seated_at": [None, iso_utc(now)]})
            return arrivals.seen(booking_id, now, self.actor().staff, entry)
        if was is VisitStatus.ARRIVED and after is not VisitStatus.ARRIVED:
            words = f"arrival undone ({after.value})"
            return arrivals.forgetting(
                booking_id, self._entry(booking_id, words, {"arrived_at": [None, None]})
            )
        return None

    def arrived(self, booking_id: str, at: datetime) -> None:
        """Keep the instant the patient of ``booking_id`` arrived."""
        actor = self.actor()
        entry = self._entry(booking_id, "arrived", {"arrived_at": [None, iso_utc(at)]})
        self.repo.arrivals.arrived(booking_id, at, actor.staff, entry)

    def seat(self, booking_id: str, now: datetime | None = None) -> Arrival:
        """Mark the waiting patient of ``booking_id`` in the chair (the desk's own mark)."""
        booking = self.repo.booking(booking_id)
        if booking is None or booking.visit_status is not VisitStatus.ARRIVED:
            raise BookingRefused(
                [
                    refusal(
                        "NOT_ARRIVED",
                        translate("Arrivals", "This patient is not marked arrived."),
                        None,
                        400,
                    )
                ]
            )
        now = now or utc_now()
        store = self.repo.arrivals
        staff = self.actor().staff
        seating = store.seating(booking_id, now, staff, self._seated(booking_id, now))
        if store.of([booking_id]).get(booking_id) is None:  # arrived at another desk
            entry = self._entry(booking_id, "arrived", {"arrived_at": [None, iso_utc(now)]})
            store.together([store.arriving(booking_id, now, staff, entry), seating])
        else:
            store.together([seating])
        return store.of([booking_id])[booking_id]

    def back_to_waiting(self, booking_id: str) -> None:
        """Undo "in the chair"."""
        entry = self._entry(booking_id, "back to waiting", {"seated_at": [None, None]})
        self.repo.arrivals.seated(booking_id, None, None, entry)

    def _seated(self, booking_id: str, at: datetime) -> AuditEntry:
        return self._entry(booking_id, "in the chair", {"seated_at": [None, iso_utc(at)]})

    def arrival(self, booking_id: str) -> Arrival | None:
        return self.repo.arrivals.of([booking_id]).get(booking_id)

    def waiting_room(self, now: datetime | None = None) -> list[WaitingRow]:
        """Today's (the clinic's) arrived patients not yet in, longest wait first (those whose
        arrival time this desk does not know last)."""
        now = now or utc_now()
        zone = self.clinic().zone
        start, end = local_day_bounds(to_local(now, zone).date(), zone)
        arrived = [
            b
            for b in self.repo.glimpses_between(start, end)
            if b.visit_status is VisitStatus.ARRIVED
        ]
        times = self.repo.arrivals.of([b.id for b in arrived])
        rows: list[WaitingRow] = []
        for b in arrived:
            found = times.get(b.id)
            if found is not None and not found.waiting:
                continue
            rows.append(
                WaitingRow(
                    b.id,
                    b.patient_name,
                    to_local(b.start, zone),
                    to_local(found.arrived_at, zone) if found else None,
                    found.minutes_waited(now) if found else None,
                )
            )
        rows.sort(key=lambda r: (r.minutes is None, -(r.minutes or 0), r.appointment))
        return rows

    def marks(
        self, bookings: Sequence[Booking] | Sequence[str], now: datetime | None = None
    ) -> dict[str, DeskMark]:
        """The marks of the bookings (ids) that have any: a patient's confirmation, and the
        minutes waited by an arrived patient not yet in."""
        ids = [b if isinstance(b, str) else b.id for b in bookings]
        now = now or utc_now()
        statuses = self.repo.confirmations.statuses(ids)
        waiting = {i: a for i, a in self.repo.arrivals.of(ids).items() if a.waiting}
        marks: dict[str, DeskMark] = {}
        for booking_id in ids:
            state = statuses[booking_id].state
            wait = waiting.get(booking_id)
            if state is PatientConfirmation.UNCONFIRMED and wait is None:
                continue
            marks[booking_id] = DeskMark(state, wait.minutes_waited(now) if wait else None)
        return marks

    def marks_between(
        self, start: datetime, end: datetime, now: datetime | None = None
    ) -> dict[str, DeskMark]:
        """The marks of the bookings starting in ``[start, end)`` (the shown span)."""
        return self.marks([b.id for b in self.repo.glimpses_between(start, end)], now)
