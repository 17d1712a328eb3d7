"""Vastal's answer bodies as pydantic models (docs/providers.md, Vastal).

Appointment types are camelCase on the wire (``durationMinutes``), the type inside an
appointment is snake_case (``duration_minutes``); both are spelled as the wire spells them.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class _Wire(BaseModel):
    model_config = ConfigDict(extra="ignore")


class VsError(_Wire):
    error: str


class VsTypeBrief(_Wire):
    id: str
    name: str
    duration_minutes: int
    color: str | None = None


class VsAppointment(_Wire):
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


class VsOne(_Wire):
    appointment: VsAppointment


class VsList(_Wire):
    appointments: list[VsAppointment]
    total: int
    limit: int
    offset: int = 0


class VsType(_Wire):
    """An appointment type, camelCase as the wire spells it."""

    id: str
    name: str
    durationMinutes: int
    color: str | None = None
    bufferBeforeMinutes: int = 0
    bufferAfterMinutes: int = 0
    maxPerDay: int | None = None
    maxPerWeek: int | None = None
    maxPerMonth: int | None = None
    minNoticeHours: int = 24
    maxDaysAhead: int = 60
    requiresConfirmation: bool = False
    isActive: bool = True


class VsTypes(_Wire):
    appointment_types: list[VsType]


class VsRow(_Wire):
    id: str | None = None
    day_of_week: int
    start_time: str
    end_time: str
    appointment_type_id: str | None = None
    is_active: bool = True


class VsAvailability(_Wire):
    org_id: str
    timezone: str
    availability: list[VsRow]
