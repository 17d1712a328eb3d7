"""A General Checkup booked at the demo clinic's main branch (the HuskyVoice sandbox's), at a
wall time on the clinic's clock: what the desk tests book to have an appointment to act on."""

from __future__ import annotations

from datetime import date, time

from frontdesk.app.context import AppContext
from frontdesk.domain.booking import Booking
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID, MAIN_BRANCH_ID

ZONE = "Europe/London"  # the ui tests' clinic clock (tests/ui/conftest.py)


def book_checkup(context: AppContext, day: date, wall: time, name: str, phone: str) -> Booking:
    return context.booking.book(
        BookingRequest(
            connection_id=context.connections()[0].id,
            service_id=GENERAL_CHECKUP_ID,
            resource_id=MAIN_BRANCH_ID,
            start=local_to_utc(day, wall, ZONE).instant,
            patient_name=name,
            patient_phone=phone,
        )
    )
