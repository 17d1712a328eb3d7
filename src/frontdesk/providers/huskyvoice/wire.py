"""HuskyVoice's answer bodies as pydantic models (docs/providers.md, HuskyVoice).

Parsing an answer through these is how a wrong type or a missing field becomes a clear
``BadAnswer`` instead of a crash deep in the sync engine.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class _Wire(BaseModel):
    model_config = ConfigDict(extra="ignore")


class HvError(_Wire):
    code: str
    message: str = ""


class HvErrorBody(_Wire):
    success: bool = False
    error: HvError
    existing_appointment_id: str | None = None


class HvAppointment(_Wire):
    appointment_id: str
    appointment_type: str
    branch_id: str | None = None
    date: str | None = None
    appointment_date: str
    duration_minutes: int | None = None
    session: str | None = None
    batch: str | None = None
    patient_name: str
    parent_phone: str
    assigned_doctor: str | None = None
    status: str
    external_reference_id: str | None = None
    created_at: str | None = None
    updated_at: str | None = None


class HvCreated(_Wire):
    success: bool
    appointment_id: str
    idempotent: bool = False
    data: HvAppointment


class HvOne(_Wire):
    success: bool
    data: HvAppointment


class HvPagination(_Wire):
    page: int
    limit: int
    total: int
    total_pages: int


class HvList(_Wire):
    success: bool
    data: list[HvAppointment]
    pagination: HvPagination


class HvService(_Wire):
    id: str
    name: str
    duration_minutes: int = 30
    color: str | None = None
    is_active: bool = True


class HvServices(_Wire):
    success: bool
    data: list[HvService]


class HvBranch(_Wire):
    id: str
    name: str


class HvConfig(_Wire):
    timezone: str
    duplicate_prevention: bool = False
    allow_cancellation: bool = True
    cancellation_notice_hours: int = 0
    branches: list[HvBranch]


class HvConfigBody(_Wire):
    success: bool
    data: HvConfig


class HvWindow(_Wire):
    window_id: str
    branch_id: str
    session: str | None = None
    batch: str | None = None
    start_time: str
    end_time: str
    status: str
    max_slots: int | None = None
    ai_slots: int | None = None
    filled_slots: int | None = None
    available_slots: int | None = None


class HvAvailability(_Wire):
    date: str
    windows: list[HvWindow]


class HvAvailabilityBody(_Wire):
    success: bool
    data: HvAvailability
