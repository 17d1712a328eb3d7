"""VantaX's answer bodies as pydantic models (docs/providers.md, VantaX).

Only what the vendor's pages show, and only what the connector reads: unknown fields are
ignored, and every field the examples do not always carry is optional with a default. Error
bodies are not modelled here: ``errors.py`` reads them leniently (their documented shape is
only ``{"success": false, "message"}``).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from frontdesk.domain.sensitive import remember


class _Wire(BaseModel):
    model_config = ConfigDict(extra="ignore")


class VxPagination(_Wire):
    """``/pagination``: ``total``, ``limit``, ``has_more``; ``next_cursor`` only "when present"
    (equal to the last item's id, which the connector uses instead). Every list carries it
    ("Every endpoint that returns a collection … is paginated"), yet the List Contact Tags
    example has none: a list without it is read as more pages while a page is full."""

    total: int
    limit: int
    has_more: bool
    next_cursor: str | None = None


class VxAppointment(_Wire):
    """The record of the create/get examples (``/appointments/create-appointment``)."""

    id: str
    contact_id: str
    calendar_id: str | None = None
    agent_id: str | None = None
    title: str
    description: str | None = None
    appointment_date: str
    duration: int = 30
    status: str
    location: str | None = None
    created_at: str | None = None
    updated_at: str | None = None  # only in the (cut) update example


class VxAppointmentOne(_Wire):
    success: bool
    message: str | None = None
    data: VxAppointment


class VxAppointmentList(_Wire):
    success: bool
    data: list[VxAppointment]
    pagination: VxPagination | None = None


class VxCalendar(_Wire):
    """``/calendars/list-calendars``: no Agent field (an Agent names its ``calendar_id``)."""

    id: str
    name: str
    description: str | None = None
    color: str | None = None
    is_active: bool = True
    slot_duration_minutes: int = 30
    sub_account_id: str | None = None
    created_at: str | None = None


class VxCalendarOne(_Wire):
    success: bool
    data: VxCalendar


class VxCalendarList(_Wire):
    success: bool
    data: list[VxCalendar]
    pagination: VxPagination | None = None


class VxContact(_Wire):
    """``/contacts/list-contacts``: no ``sub_account_id`` (the key's sub-account owns it)."""

    id: str
    first_name: str = ""
    last_name: str = ""
    email: str | None = None
    phone: str | None = None
    status: str = "active"
    created_at: str | None = None

    def model_post_init(self, context: Any, /) -> None:  # never logged: masked in a log
        remember(self.first_name, self.last_name, self.phone, self.email)


class VxContactOne(_Wire):
    """``POST /contacts``'s answer: cut off on the vendor's page after ``email``; only the id
    is read."""

    success: bool
    message: str | None = None
    data: VxContact


class VxContactList(_Wire):
    success: bool
    data: list[VxContact]
    pagination: VxPagination | None = None
