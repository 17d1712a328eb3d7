"""meetergo's answer bodies as pydantic models (docs/providers.md, "meetergo").

Each model holds the fields FrontDesk reads, named as on developer.meetergo.com; every other
field is ignored and a missing optional one defaults. Where the pages show two versions of an
answer, both are accepted (a flat or a nested meeting type; the availability's ``dates``, or
the older ``slots`` / ``availableSlots``). The double opt-in and host-confirmation settings are
strings on the pages (``"useCompanySettings"``); a boolean is read too.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from frontdesk.domain.sensitive import remember


class _Wire(BaseModel):
    model_config = ConfigDict(extra="ignore")


class MgFieldError(_Wire):
    field: str | None = None
    message: str = ""


class MgError(_Wire):
    """The documented envelope ``{statusCode, message, error, errors?}``."""

    statusCode: int | None = None
    message: str | list[str] = ""
    error: str | None = None
    errors: list[MgFieldError] = Field(default_factory=list)

    @property
    def text(self) -> str:
        return "; ".join(self.message) if isinstance(self.message, list) else self.message


class MgUser(_Wire):
    id: str
    givenName: str | None = None
    familyName: str | None = None
    fullName: str | None = None
    title: str | None = None
    isAdmin: bool | None = None
    timezone: str | None = None

    @property
    def display_name(self) -> str:
        name = self.fullName or " ".join(p for p in (self.givenName, self.familyName) if p)
        name = " ".join(p for p in (self.title, name) if p)
        return name or f"meetergo user {self.id[:8]}"


class MgUsers(_Wire):
    users: list[MgUser] = Field(default_factory=list)


class MgMeetingInfo(_Wire):
    name: str | None = None
    duration: float | None = None
    channel: str | None = None
    groupBooking: bool | None = None
    bufferBefore: float | None = None
    bufferAfter: float | None = None


class MgMeetingOptions(_Wire):
    allowedDurations: list[float] = Field(default_factory=list)
    allowedChannels: list[str] = Field(default_factory=list)
    allowHostSelection: bool = False
    allowAddingGuests: bool = False
    allowPhoneOnlyBooking: bool = False
    doubleOptIn: bool | str | None = None
    requireHostConfirmation: bool | str | None = None


class MgMeetingType(_Wire):
    """A meeting type: the list's item (nested ``meetingInfo`` or flat ``name`` /
    ``duration``) or ``GET /v4/meeting-type/{id}``'s answer with ``meetingOptions`` and the
    entity's settings."""

    id: str
    slug: str | None = None
    name: str | None = None
    duration: float | None = None
    meetingInfo: MgMeetingInfo | None = None
    meetingOptions: MgMeetingOptions | None = None
    spots: int | None = None
    userId: str | None = None
    queueId: str | None = None
    enabled: bool | None = None

    @property
    def title(self) -> str:
        info = self.meetingInfo
        return (info.name if info and info.name else None) or self.name or self.slug or self.id

    @property
    def minutes(self) -> int | None:
        info = self.meetingInfo
        value = info.duration if info and info.duration is not None else self.duration
        return int(value) if value is not None else None

    @property
    def detailed(self) -> bool:
        """Whether this carries the settings booking needs (else the detail is read)."""
        return self.meetingOptions is not None and (
            self.userId is not None or self.queueId is not None
        )


class MgMeetingTypeList(_Wire):
    meetingTypes: list[MgMeetingType] = Field(default_factory=list)


class MgSpot(_Wire):
    startTime: str


class MgDate(_Wire):
    date: str
    spots: list[MgSpot] = Field(default_factory=list)


class MgSlotDay(_Wire):
    date: str | None = None
    times: list[str] = Field(default_factory=list)


class MgAvailableSlot(_Wire):
    start: str
    end: str | None = None


class MgAvailability(_Wire):
    """``GET /v4/booking-availability``: the newest ``{timezone, timeframes, dates}``, or
    the older pages' ``slots[].times`` / ``availableSlots[].start``."""

    timezone: str | None = None
    dates: list[MgDate] | None = None
    slots: list[MgSlotDay] | None = None
    availableSlots: list[MgAvailableSlot] | None = None

    def starts(self) -> list[str] | None:
        """Every spot's start as sent; None when the answer has none of the shapes."""
        if self.dates is not None:
            return [s.startTime for d in self.dates for s in d.spots]
        if self.slots is not None:
            return [t for d in self.slots for t in d.times]
        if self.availableSlots is not None:
            return [s.start for s in self.availableSlots]
        return None


class MgAttendee(_Wire):
    id: str | None = None
    email: str | None = None
    firstname: str | None = None
    lastname: str | None = None
    fullname: str | None = None
    phone: str | None = None
    notes: dict[str, Any] | None = None

    def model_post_init(self, context: Any, /) -> None:  # never logged: masked in a log
        remember(self.fullname, self.firstname, self.lastname, self.phone, self.email)

    @property
    def name(self) -> str:
        return self.fullname or " ".join(p for p in (self.firstname, self.lastname) if p)


class MgAppointmentInfo(_Wire):
    duration: float | None = None
    channel: str | None = None


class MgCancel(_Wire):
    actionAt: str | None = None
    reason: str | None = None


class MgAppointment(_Wire):
    """An appointment record: ``attendees`` (a list), ``meetingInfo.duration`` /
    ``.channel``, a cancelled flag (``isCancelled``) and ``cancel``; no status string."""

    id: str
    meetingTypeId: str | None = None
    hostIds: list[str] = Field(default_factory=list)
    start: str
    end: str | None = None
    isCancelled: bool | None = None
    cancel: MgCancel | None = None
    attendees: list[MgAttendee] = Field(default_factory=list)
    meetingInfo: MgAppointmentInfo | None = None
    updatedAt: str | None = None

    @property
    def cancelled(self) -> bool:
        if self.isCancelled is not None:
            return self.isCancelled
        return self.cancel is not None and bool(self.cancel.actionAt)


class MgAppointmentPage(_Wire):
    appointments: list[MgAppointment]


class MgRescheduled(_Wire):
    appointment: MgAppointment


class MgProvisionalDto(_Wire):
    attendee: MgAttendee = Field(default_factory=MgAttendee)
    meetingTypeId: str | None = None
    start: str | None = None
    hostIds: list[str] | None = None
    queueId: str | None = None
    duration: float | None = None


class MgProvisional(_Wire):
    id: str
    dto: MgProvisionalDto = Field(default_factory=MgProvisionalDto)
    type: str | None = None
    createdAt: str | None = None
    deletedAt: str | None = None
    meetingTypeId: str | None = None


class MgProvisionalPage(_Wire):
    provisionalBookings: list[MgProvisional]
    total: int | None = None


class MgCreated(_Wire):
    appointmentId: str | None = None
    secret: str | None = None
    attendeeEmail: str | None = None
    bookingType: str | None = None
    provisionalBookingId: str | None = None
    redirectUrl: str | None = None
