"""The confirmation list: calling tomorrow's (or any day's) patients and keeping what came of
each call (confirmed, left a message, no answer), at the desk only.

"Confirmed by the booking system" is the booking's sync state; "confirmed by the patient" is
kept here, a history of attempts per booking (``domain.confirmations``), each written with its
audit line and told to the other desks of a shared store (topic ``"confirmations"``). The list
is the day's active appointments on the clinic's clock, earliest first; it works with no
booking system reachable. Each row names the clinic's column the appointment shows in (its
booking system's resource where no clinic column shows it) and the number to call: the
booking's, else the one the desk's patient index holds for the name (a booking system that
keeps no phone, such as CareValidate), else words saying there is none.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from frontdesk.app.booking_checks import BookingRefused, refusal
from frontdesk.app.settings import ClinicSettings
from frontdesk.domain import dates
from frontdesk.domain.audit import Actor, AuditEntry, AuditEvent
from frontdesk.domain.booking import BookingGlimpse
from frontdesk.domain.confirmations import (
    CONFIRMATION_WORDS,
    ConfirmationAttempt,
    ConfirmationStatus,
    PatientConfirmation,
    tomorrow,
)
from frontdesk.domain.timeutil import local_day_bounds, to_local, utc_now
from frontdesk.domain.translation import translate
from frontdesk.storage.plain import CONFIRMATIONS, folded_name

if TYPE_CHECKING:
    from frontdesk.storage.repo import Repository

TOPIC = CONFIRMATIONS


@dataclass(frozen=True, slots=True)
class CallRow:
    """One appointment of the list, as the receptionist calls it."""

    booking_id: str
    start: datetime  # the clinic's clock
    patient: str
    phone: str  # the number to call, or words saying there is none
    provider: str  # the clinic column's name (else the resource's: provider, room, calendar)
    service: str
    status: ConfirmationStatus
    phone_note: str = ""  # where the number came from when not from the booking (a tooltip)

    @property
    def time(self) -> str:
        return dates.clock(self.start)


@dataclass(frozen=True, slots=True)
class CallList:
    day: date
    zone: str
    rows: list[CallRow]  # every active appointment of the day, earliest first

    @property
    def to_call(self) -> list[CallRow]:
        """The appointments the patient has not confirmed yet."""
        return [r for r in self.rows if not r.status.confirmed]

    @property
    def confirmed(self) -> int:
        return sum(1 for r in self.rows if r.status.confirmed)

    def counts(self) -> str:
        """``12 to call, 5 confirmed``."""
        return translate("Confirmations", "{calls} to call, {confirmed} confirmed").format(
            calls=len(self.to_call), confirmed=self.confirmed
        )


def _names(repo: Repository) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    """The columns' and the services' names, by (connection id, id): a resource a clinic
    column shows goes by the column's name, any other by its own."""
    places: dict[tuple[str, str], str] = {}
    services: dict[tuple[str, str], str] = {}
    for record in repo.catalogs.connections():
        catalog = repo.catalogs.catalog(record.id, date.max, date.min)  # no windows
        places.update(((record.id, r.id), r.name) for r in catalog.resources)
        services.update(((record.id, s.id), s.name) for s in catalog.services)
    found = repo.columns.setup()
    columns = {c.id: c.name for c in found.columns}
    for key, column_id in found.mapping.items():
        if column_id in columns:
            places[key] = columns[column_id]
    return places, services


def _phone(phone: str, name: str, on_file: dict[str, list[str]]) -> tuple[str, str]:
    """The number to call and where it came from (a note when not from the booking)."""
    if phone.strip():
        return phone, ""
    numbers = on_file.get(folded_name(name), [])
    if len(numbers) == 1:
        return numbers[0], translate(
            "Confirmations",
            "From the desk's patient records: this booking's system keeps no phone number.",
        )
    if numbers:
        return translate("Confirmations", "several numbers on file"), translate(
            "Confirmations",
            "This booking has no phone number and the patient records hold several for this "
            "name: use Find patient (Ctrl+F) to pick the right one.",
        )
    return translate("Confirmations", "no phone on file"), translate(
        "Confirmations",
        "Neither this booking nor the desk's patient records hold a phone number for this patient.",
    )


class Confirmations:
    """The day's list and the marks of its calls."""

    def __init__(
        self, repo: Repository, clinic: Callable[[], ClinicSettings], actor: Callable[[], Actor]
    ) -> None:
        self.repo = repo
        self.clinic = clinic
        self.actor = actor

    def tomorrow(self, now: datetime | None = None) -> date:
        """The clinic's tomorrow (what the list opens on)."""
        return tomorrow(now or utc_now(), self.clinic().zone)

    def call_list(self, day: date) -> CallList:
        """The day's active appointments (clinic's day), earliest first, with their status."""
        zone = self.clinic().zone
        start, end = local_day_bounds(day, zone)
        bookings = [b for b in self.repo.glimpses_between(start, end) if b.active]
        statuses = self.repo.confirmations.statuses([b.id for b in bookings])
        places, services = _names(self.repo)
        missing = [b.patient_name for b in bookings if not b.patient_phone.strip()]
        on_file = self.repo.phones_on_file(missing) if missing else {}
        rows = [self._row(b, zone, statuses[b.id], places, services, on_file) for b in bookings]
        rows.sort(key=lambda r: (r.start, r.provider, r.patient))
        return CallList(day, zone, rows)

    @staticmethod
    def _row(
        b: BookingGlimpse,
        zone: str,
        status: ConfirmationStatus,
        places: dict[tuple[str, str], str],
        services: dict[tuple[str, str], str],
        on_file: dict[str, list[str]],
    ) -> CallRow:
        key = (b.connection_id, b.resource_id)
        service = services.get((b.connection_id, b.service_id), b.service_id)
        phone, note = _phone(b.patient_phone, b.patient_name, on_file)
        return CallRow(
            b.id,
            to_local(b.start, zone),
            b.patient_name,
            phone,
            places.get(key, b.resource_id),
            service,
            status,
            note,
        )

    @staticmethod
    def with_status(row: CallRow, status: ConfirmationStatus) -> CallRow:
        """``row`` after a call's outcome was kept."""
        return replace(row, status=status)

    def statuses(self, booking_ids: Sequence[str]) -> dict[str, ConfirmationStatus]:
        return self.repo.confirmations.statuses(booking_ids)

    def status(self, booking_id: str) -> ConfirmationStatus:
        return self.statuses([booking_id])[booking_id]

    def mark(
        self, booking_id: str, state: PatientConfirmation, now: datetime | None = None
    ) -> ConfirmationStatus:
        """Keep what came of a call (or ``UNCONFIRMED``: an undo), with its audit line."""
        booking = self.repo.booking(booking_id)
        if booking is None:
            raise BookingRefused(
                [
                    refusal(
                        "NOT_FOUND",
                        translate("Confirmations", "This appointment is gone."),
                        None,
                        404,
                    )
                ]
            )
        if not booking.active:
            raise BookingRefused(
                [
                    refusal(
                        "CANCELLED",
                        translate(
                            "Confirmations", "This appointment is cancelled: no call is needed."
                        ),
                    )
                ]
            )
        actor = self.actor()
        before = self.status(booking_id).state
        attempt = ConfirmationAttempt(booking_id, state, now or utc_now(), actor.staff, actor.desk)
        audit = AuditEntry(
            AuditEvent.CONFIRMATION,
            actor,
            booking_id,
            {"confirmation": [before.value, state.value]},
            CONFIRMATION_WORDS[state],
        )
        self.repo.confirmations.add(attempt, audit)
        return self.status(booking_id)
