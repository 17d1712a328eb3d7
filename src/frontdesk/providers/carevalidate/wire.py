"""CareValidate's answer bodies as pydantic models (docs/providers.md, CareValidate)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class _Wire(BaseModel):
    model_config = ConfigDict(extra="ignore")


class CvFail(_Wire):
    status: int | None = None
    success: bool = False
    message: str = ""
    error: str | None = None


class CvAppointment(_Wire):
    appointmentId: str
    eventTypeId: str
    providerId: str | None = None
    startTime: str
    endTime: str | None = None
    durationMinutes: int | None = None
    email: str
    firstName: str | None = None
    lastName: str | None = None
    timezone: str | None = None
    location: str | None = None
    status: str
    tracking: dict[str, str | None] | None = None
    cancelReason: str | None = None
    createdAt: str | None = None
    canceledAt: str | None = None


class CvOne(_Wire):
    success: bool
    message: str = ""
    data: CvAppointment


class CvPagination(_Wire):
    page: int
    limit: int
    total: int
    totalPages: int


class CvList(_Wire):
    success: bool
    data: list[CvAppointment]
    pagination: CvPagination


class CvEventEntry(_Wire):
    providerId: str
    providerName: str
    calendlyLink: str | None = None
    eventTypeId: str
    eventTypeName: str
    durationMinutes: int
    timezone: str = "UTC"
    states: list[str] = []
    active: bool = True


class CvProviders(_Wire):
    success: bool
    data: list[CvEventEntry]


class CvSlot(_Wire):
    startTime: str
    status: str = "available"
    inviteesRemaining: int = 1


class CvTimes(_Wire):
    eventTypeId: str
    timezone: str
    durationMinutes: int
    availableTimes: list[CvSlot]


class CvTimesBody(_Wire):
    success: bool
    data: CvTimes
