"""What the desk says before and around a booking's rules, in plain words: the refusal
(:class:`BookingRefused`, whose verdicts the screens show), the form's missing fields, a
phone that is not a number in the clinic's region, the organisation's cancellation policy, a
visit mark that makes no sense yet on the clinic's clock, a booking changed elsewhere, and
where the bookings a connector's rules read lie. The booking service (:mod:`frontdesk.app.booking`)
asks these; they read nothing themselves."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from frontdesk.app import phones
from frontdesk.domain import dates
from frontdesk.domain.booking import Booking, VisitStatus
from frontdesk.domain.catalog import Catalog, Policy
from frontdesk.domain.timeutil import local_day_bounds, to_local
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate
from frontdesk.domain.verdict import Verdict

if TYPE_CHECKING:
    from frontdesk.domain.booking_request import BookingRequest
    from frontdesk.providers.base import Connector


class BookingRefused(Exception):
    def __init__(self, verdicts: list[Verdict]) -> None:
        super().__init__("; ".join(v.message or "" for v in verdicts))
        self.verdicts = verdicts


def refusal(code: str, message: str, field: str | None = None, status: int = 409) -> Verdict:
    return Verdict(status, code, message, field)


def changed_elsewhere() -> BookingRefused:
    return BookingRefused(
        [
            refusal(
                "CHANGED_ELSEWHERE",
                translate(
                    "Verdicts",
                    "This booking was just changed by the booking system or another desk. "
                    "Look at it again, then retry.",
                ),
                None,
            )
        ]
    )


STATUS_WORDS = {
    VisitStatus.BOOKED: "booked",
    VisitStatus.ARRIVED: "arrived",
    VisitStatus.COMPLETED: "completed",
    VisitStatus.NO_SHOW: "no-show",
    VisitStatus.CANCELLED: "cancelled",
}


def desk_only_words(title: str, status: VisitStatus) -> str:
    """The history's note on a mark the booking system does not keep."""
    if status is VisitStatus.BOOKED:
        return f"kept at the desk only; {title} still has it as booked"
    return f'kept at the desk only: {title} has no "{STATUS_WORDS[status]}" status'


def unsettled() -> Verdict:
    """A booking whose create's outcome is unknown moves or cancels only once it is settled:
    until then nobody knows whether the booking system holds it."""
    return refusal(
        "OUTCOME_UNKNOWN",
        translate(
            "Verdicts",
            "Nobody knows yet whether the booking system received this booking. Settle it in the "
            "sync panel first (it arrived, send it again, or cancel it).",
        ),
    )


def cancellation_verdicts(booking: Booking, policy: Policy, now: datetime) -> list[Verdict]:
    """What the organisation's cancellation policy says about cancelling ``booking`` now.

    HuskyVoice's codes and messages (docs/providers.md, PATCH); the policy fields are
    provider-neutral, so another API that maps its rules onto them gets the same check.
    """
    if not policy.allow_cancellation:
        return [
            refusal(
                "CANCELLATION_NOT_ALLOWED",
                translate("Verdicts", "Cancellation is not allowed for this organization"),
            )
        ]
    hours = policy.cancellation_notice_hours
    if booking.start - now < timedelta(hours=hours):
        return [
            refusal(
                "CANCELLATION_TOO_LATE",
                translate(
                    "Verdicts",
                    "Appointments must be cancelled at least {hours} hours before they start",
                ).format(hours=hours),
            )
        ]
    return []


_MISSING = {  # English; said through translate("Verdicts", ...)
    "patient_name": QT_TRANSLATE_NOOP("Verdicts", "Type the patient's name."),
    "patient_phone": QT_TRANSLATE_NOOP("Verdicts", "Type the patient's phone number."),
    "patient_email": QT_TRANSLATE_NOOP("Verdicts", "Type the patient's email address."),
}


def form_problems_of(
    request: BookingRequest, catalog: Catalog, required: frozenset[str]
) -> list[Verdict]:
    """Fields the desk needs before any rule can judge; ``required`` are the patient details
    the connection's API requires (``providers.registry``)."""
    problems: list[Verdict] = []

    def need(field: str, message: str) -> None:
        problems.append(Verdict(400, "VALIDATION_ERROR", message, field))

    if not request.service_id:
        need("service_id", translate("Verdicts", "Choose a service."))
    if not request.resource_id and len(catalog.resources) > 1:
        need("resource_id", translate("Verdicts", "Choose where the patient is seen."))
    if request.start is None:
        need("start", translate("Verdicts", "Choose a date and time."))
    for field, message in _MISSING.items():
        if field in required and not getattr(request, field):
            need(field, translate("Verdicts", message))
    if request.patient_email:
        import email_validator  # heavy to import; a booking form needs it, a start does not

        try:
            email_validator.validate_email(request.patient_email, check_deliverability=False)
        except email_validator.EmailNotValidError:
            need(
                "patient_email",
                translate("Verdicts", "This is not an email address (name@example.org)."),
            )
    return problems


def phone_refusal(phone: str, region: str | None) -> Verdict | None:
    """A phone that is not a valid number in the clinic's region is refused at the field."""
    message = phones.problem(phone, region)
    return None if message is None else Verdict(400, "PHONE_INVALID", message, "patient_phone")


def status_timing(
    booking: Booking, status: VisitStatus, now: datetime, zone_name: str
) -> list[Verdict]:
    """Whether a visit mark makes sense now, on the clinic's clock: a patient arrives on the
    day of the appointment; an appointment is completed or missed once it has started. Back to
    "booked" is always possible (an undo)."""
    start = to_local(booking.start, zone_name)
    if status is VisitStatus.ARRIVED and start.date() != to_local(now, zone_name).date():
        return [
            refusal(
                "NOT_TODAY",
                translate(
                    "Verdicts",
                    "A patient can only arrive on the day of the appointment; this one is on "
                    "{day}.",
                ).format(
                    day=dates.weekday(start.date(), long=True)
                    + " "
                    + dates.day_month(start.date(), long=True)
                ),
                "start",
                400,
            )
        ]
    if status in (VisitStatus.COMPLETED, VisitStatus.NO_SHOW) and now < booking.start:
        today = start.date() == to_local(now, zone_name).date()
        if status is VisitStatus.COMPLETED:
            said = (
                translate(
                    "Verdicts",
                    "Not yet: the appointment starts at {time} today, so it cannot be completed "
                    "before then.",
                )
                if today
                else translate(
                    "Verdicts",
                    "Not yet: the appointment starts at {time} {day}, so it cannot be completed "
                    "before then.",
                )
            )
        else:
            said = (
                translate(
                    "Verdicts",
                    "Not yet: the appointment starts at {time} today, so it cannot be a no-show "
                    "before then.",
                )
                if today
                else translate(
                    "Verdicts",
                    "Not yet: the appointment starts at {time} {day}, so it cannot be a no-show "
                    "before then.",
                )
            )
        return [
            refusal(
                "NOT_STARTED",
                said.format(time=dates.clock(start), day=dates.short_day(start.date())),
                "start",
                400,
            )
        ]
    return []


def context_bounds(
    connector: Connector, start: datetime, zone_name: str
) -> tuple[datetime, datetime]:
    """Where the bookings ``connector``'s rules read for a booking at ``start`` start: from the
    first instant of the first org-local day they declare (``Connector.context_days``) to the
    first instant after the last one."""
    first, last = connector.context_days(to_local(start, zone_name).date())
    return local_day_bounds(first, zone_name)[0], local_day_bounds(last, zone_name)[1]
