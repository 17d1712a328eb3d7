"""VantaX's answer bodies as pydantic models (docs/providers.md, VantaX)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class _Wire(BaseModel):
    model_config = ConfigDict(extra="ignore")


class VxFieldError(_Wire):
    field: str
    message: str = ""


class VxErrorBody(_Wire):
    success: bool = False
    error: str | None = None
    message: str = ""
    errors: list[VxFieldError] | None = None


class VxPagination(_Wire):
    total: int
    limit: int
    has_more: bool


class VxAppointment(_Wire):
    id: str
    contact_id: str
    calendar_id: str | None = None
    agent_id: str | None = None
    sub_account_id: str | None = None
    title: str
    description: str | None = None
    appointment_date: str
    duration: int = 30
    status: str
    location: str | None = None
    assigned_user_id: str | None = None
    created_at: str | None = None
    updated_at: str | None = None


class VxAppointmentOne(_Wire):
    success: bool
    message: str | None = None
    data: VxAppointment


class VxAppointmentList(_Wire):
    success: bool
    data: list[VxAppointment]
    pagination: VxPagination


class VxCalendar(_Wire):
    id: str
    name: str
    color: str | None = None
    is_active: bool = True
    slot_duration_minutes: int = 30
    sub_account_id: str
    agent_id: str | None = None


class VxCalendarOne(_Wire):
    success: bool
    data: VxCalendar


class VxCalendarList(_Wire):
    success: bool
    data: list[VxCalendar]
    pagination: VxPagination


class VxContact(_Wire):
    id: str
    first_name: str = ""
    last_name: str = ""
    email: str | None = None
    phone: str | None = None
    sub_account_id: str


class VxContactOne(_Wire):
    success: bool
    message: str | None = None
    data: VxContact


class VxContactList(_Wire):
    success: bool
    data: list[VxContact]
    pagination: VxPagination


class VxSubAccount(_Wire):
    id: str
    name: str = ""
    timezone: str = "UTC"


class VxSubAccountList(_Wire):
    success: bool
    data: list[VxSubAccount]
    pagination: VxPagination
