"""Vastal's answer bodies as pydantic models, as the vendor's pages print them (docs/providers.md,
"Vastal", lists each page).

Appointment types are camelCase on the wire (``durationMinutes``), the type inside an
appointment is snake_case (``duration_minutes``); both are spelled as the wire spells them.
Every model ignores fields it does not name, and every field the pages' examples leave out
somewhere is optional: the PATCH answer is a partial record (``id``, ``status``,
``internal_notes``, ``appointment_type``), the list answer has no ``total``, the availability
answer no top-level ``org_id`` or zone. Errors come in two documented shapes (``VsError``).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class _Wire(BaseModel):
    model_config = ConfigDict(extra="ignore")


class VsErrorObject(_Wire):
    """The REST reference's ``error`` object: ``{code, message, details}``."""

    code: str | None = None
    message: str | None = None
    details: dict[str, Any] | None = None


class VsError(_Wire):
    """An error body: the calendar pages' ``{"error": "<text>"}`` or the REST reference's
    ``{"success": false, "error": {code, message, details}}``; a bare ``message`` is read too."""

    error: str | VsErrorObject | None = None
    message: str | None = None


class VsTypeBrief(_Wire):
    id: str
    name: str | None = None
    duration_minutes: int | None = None
    color: str | None = None


class VsAppointment(_Wire):
    """An appointment as the list and the create answer it (every example field present)."""

    id: str
    org_id: str | None = None
    appointment_type_id: str
    start_time: str
    end_time: str | None = None
    client_name: str
    client_email: str | None = None
    client_phone: str | None = None
    client_language: str | None = None
    client_notes: str | None = None
    internal_notes: str | None = None
    status: str
    confirmed_at: str | None = None
    source: str | None = None
    appointment_type: VsTypeBrief | None = None


class VsPartial(_Wire):
    """An appointment in a write's answer: only ``id`` is sure (the PATCH example gives
    ``id``, ``status``, ``internal_notes`` and ``appointment_type``)."""

    id: str
    org_id: str | None = None
    appointment_type_id: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    status: str | None = None
    internal_notes: str | None = None
    appointment_type: VsTypeBrief | None = None


class VsOne(_Wire):
    appointment: VsPartial


class VsList(_Wire):
    """``{"appointments": [...]}``: no ``total``, no ``pagination`` (a REST-reference
    ``pagination`` object, should one come, is ignored)."""

    appointments: list[VsAppointment]


class VsQuestion(_Wire):
    id: str | None = None
    type: str | None = None
    label: str | None = None
    required: bool = False


class VsType(_Wire):
    """An appointment type, camelCase as the wire spells it. Defaults: the create page's
    (``minNoticeHours`` 24, ``maxDaysAhead`` 60, ``color`` #3b82f6, ``requiresConfirmation``
    false, ``isActive`` true); buffers and caps have none documented: ``None`` (read as 0 and
    no cap)."""

    id: str
    orgId: str | None = None
    name: str
    description: str | None = None
    durationMinutes: int
    color: str | None = "#3b82f6"
    bufferBeforeMinutes: int | None = None
    bufferAfterMinutes: int | None = None
    maxPerDay: int | None = None
    maxPerWeek: int | None = None
    maxPerMonth: int | None = None
    minNoticeHours: int | None = 24
    maxDaysAhead: int | None = 60
    requiresConfirmation: bool = False
    confirmWithinHours: int | None = None
    bookingQuestions: list[VsQuestion] | None = None
    scheduleId: str | None = None
    scheduleName: str | None = None
    isActive: bool = True
    sortOrder: int | None = None


class VsTypes(_Wire):
    appointmentTypes: list[VsType]


class VsRow(_Wire):
    """One weekly availability row (``day_of_week`` 0 = Sunday, wall times ``HH:MM:SS``)."""

    id: str | None = None
    org_id: str | None = None
    day_of_week: int
    start_time: str
    end_time: str
    appointment_type_id: str | None = None
    is_active: bool = True


class VsAvailability(_Wire):
    schedules: list[VsRow]
