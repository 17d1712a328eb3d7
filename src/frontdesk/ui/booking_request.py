"""What the booking dialog's typed values mean, without Qt: the :class:`BookingRequest` they
describe (the wall time read in the clinic's zone, a daylight-saving gap or fold said as a
verdict, the model's own complaints as field verdicts), and the line beside the time that
says when the visit ends and in which zone."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from pydantic import ValidationError

from frontdesk.domain import dates
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.translation import translate
from frontdesk.domain.verdict import Verdict
from frontdesk.ui.form_bits import wall_time


def typed_request(
    fields: dict[str, str], day: date, wall: time, zone: str
) -> tuple[BookingRequest | None, list[Verdict]]:
    """The request ``fields`` (connection_id, service_id, resource_id, patient_name,
    patient_phone, patient_email, notes; as typed) and the wall time describe, and what the
    desk itself sees wrong or risky."""
    instant, local = wall_time(day, wall, zone)
    try:
        request = BookingRequest(
            connection_id=fields["connection_id"],
            service_id=fields["service_id"],
            resource_id=fields["resource_id"],
            start=instant,
            patient_name=fields["patient_name"],
            patient_phone=fields["patient_phone"],
            patient_email=fields["patient_email"].strip() or None,
            notes=fields["notes"].strip() or None,
        )
    except ValidationError as exc:
        for error in exc.errors():
            where = str(error["loc"][0]) if error["loc"] else None
            message = (
                translate("BookingDialog", "Notes can be at most 2000 characters.")
                if where == "notes"
                else translate("BookingDialog", "Check this field.")
            )
            local.append(Verdict(400, "VALIDATION_ERROR", message, where))
        return None, local
    return request, local


def when_words(day: date, wall: time, zone: str, minutes: int | None) -> str:
    """``until 09:30`` (nothing without a service's length): every time on the desk is the
    clinic's, so none says its zone."""
    if minutes is None:
        return ""
    end = (datetime.combine(day, wall) + timedelta(minutes=minutes)).time()
    return translate("BookingDialog", "until {time}").format(time=dates.clock(end))
