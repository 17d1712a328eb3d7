"""meetergo's answer bodies as pydantic models (docs/providers.md, meetergo)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Wire(BaseModel):
    model_config = ConfigDict(extra="ignore")


class MgFieldError(_Wire):
    field: str | None = None
    message: str = ""


class MgError(_Wire):
    statusCode: int
    message: str | list[str]
    error: str | None = None
    errors: list[MgFieldError] = Field(default_factory=list)

    @property
    def text(self) -> str:
        return "; ".join(self.message) if isinstance(self.message, list) else self.message


class MgHost(_Wire):
    id: str
    name: str = ""


class MgMeetingInfo(_Wire):
    name: str
    duration: int
    channel: str | None = None
    bufferBefore: int = 0
    bufferAfter: int = 0


class MgMeetingOptions(_Wire):
    allowedDurations: list[int] = Field(default_factory=list)
    allowedChannels: list[str] = Field(default_factory=list)
    allowHostSelection: bool = False
    doubleOptIn: bool = False
    requireHostConfirmation: bool = False
    allowPhoneOnlyBooking: bool = False
    allowAddingGuests: bool = False
    maxAttendees: int = 1


class MgMeetingType(_Wire):
    id: str
    type: str = "one-to-one"
    userId: str | None = None
    queueId: str | None = None
    hosts: list[MgHost] = Field(default_factory=list)
    timezone: str = "Europe/Berlin"
    meetingInfo: MgMeetingInfo
    meetingOptions: MgMeetingOptions = Field(default_factory=MgMeetingOptions)


class MgSpot(_Wire):
    startTime: str


class MgDate(_Wire):
    date: str
    spots: list[MgSpot] = Field(default_factory=list)


class MgAvailability(_Wire):
    timezone: str | None = None
    dates: list[MgDate]


class MgAttendee(_Wire):
    email: str | None = None
    firstname: str | None = None
    lastname: str | None = None
    fullname: str | None = None
    phone: str | None = None
    notes: dict[str, Any] = Field(default_factory=dict)


class MgAppointment(_Wire):
    id: str
    meetingTypeId: str
    hostIds: list[str] = Field(default_factory=list)
    queueId: str | None = None
    start: str
    end: str | None = None
    duration: int | None = None
    channel: str | None = None
    status: str
    attendee: MgAttendee = Field(default_factory=MgAttendee)
    provisionalBookingId: str | None = None
    updatedAt: str | None = None


class MgMeta(_Wire):
    page: int
    limit: int
    total: int
    totalPages: int


class MgPage(_Wire):
    data: list[MgAppointment]
    meta: MgMeta


class MgCreated(_Wire):
    appointmentId: str | None = None
    secret: str | None = None
    attendeeEmail: str | None = None
    bookingType: str | None = None
    provisionalBookingId: str | None = None
