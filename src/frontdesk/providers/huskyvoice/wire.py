"""HuskyVoice's answer bodies as pydantic models (docs/providers.md, HuskyVoice).

Parsing an answer through these is how a wrong type or a missing field becomes a clear
``BadAnswer`` instead of a crash deep in the sync engine. Only what the vendor's pages show is
required (an appointment record's id, type and status; an availability slot's branch and
hours); everything else is optional and unknown fields are ignored. The shapes of
``GET /v1/services`` and ``GET /v1/appointment-config`` are not published: their models take
what they find (``service_id`` or ``id``; with or without a ``data`` wrapper).
"""

from __future__ import annotations

from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, field_validator


class _Wire(BaseModel):
    model_config = ConfigDict(extra="ignore")


def _text(value: object) -> str | None:
    """A string field that may come as null (or, leniently, a number)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise ValueError("must be a string")


class HvAppointment(_Wire):
    """One appointment record (the create, get, update and cancel pages show the same 14
    fields). There is no start instant and no duration: only ``date``, ``session``, ``batch``."""

    appointment_id: str
    appointment_type: str
    branch_id: str | None = None
    date: str | None = None
    session: str | None = None
    batch: str | None = None
    patient_name: str = ""
    parent_phone: str = ""
    assigned_doctor: str | None = None
    status: str
    external_reference_id: str | None = None
    created_at: str | None = None
    updated_at: str | None = None

    @field_validator("patient_name", "parent_phone", mode="before")
    @classmethod
    def _blank_if_null(cls, value: object) -> object:
        return "" if value is None else value


class HvCreated(_Wire):
    """``POST /v1/appointments``: 201, or 200 with ``idempotent: true`` for a replay. The
    top-level ``appointment_id`` is what a create needs; ``data`` is read when it is a whole
    record (the page prints the replay's as ``{ ... }``)."""

    success: bool = True
    appointment_id: str
    idempotent: bool = False
    data: dict[str, Any] | None = None


class HvOne(_Wire):
    """``GET`` / ``PATCH /v1/appointments/{id}``: ``{"success": true, "data": record}``."""

    success: bool = True
    data: HvAppointment


class HvList(_Wire):
    """``GET /v1/appointments``: ``data`` is the page's records (each read on its own, so one
    unreadable record does not lose the page). The pagination object is not published and
    not read: paging stops on a page shorter than ``limit``."""

    data: list[dict[str, Any]]


class HvService(_Wire):
    id: str = Field(validation_alias=AliasChoices("service_id", "id"))
    name: str | None = None
    duration_minutes: int | None = None
    color: str | None = None
    is_active: bool = True

    @field_validator("id", mode="before")
    @classmethod
    def _id_text(cls, value: object) -> object:
        return _text(value)


class HvBranch(_Wire):
    id: str = Field(validation_alias=AliasChoices("branch_id", "id"))
    name: str | None = None


class HvConfig(_Wire):
    """What the pages name of ``GET /v1/appointment-config``: the org's time zone
    (create page), ``allow_cancellation`` and ``cancellation_notice_hours`` (cancel page).
    ``duplicate_prevention`` and ``branches`` are read when present, never required."""

    timezone: str | None = None
    duplicate_prevention: bool | None = None
    allow_cancellation: bool = True
    cancellation_notice_hours: float = 0
    branches: list[dict[str, Any]] = Field(default_factory=list)

    @field_validator("allow_cancellation", mode="before")
    @classmethod
    def _default_when_null(cls, value: object) -> object:
        return True if value is None else value

    @field_validator("cancellation_notice_hours", mode="before")
    @classmethod
    def _zero_when_null(cls, value: object) -> object:
        return 0 if value is None else value

    @field_validator("branches", mode="before")
    @classmethod
    def _list_or_empty(cls, value: object) -> object:
        return value if isinstance(value, list) else []


class HvSlot(_Wire):
    """One open calendar window on the asked date (availability page): ``slot_id``
    (``calendar_id||YYYY-MM-DD``), ``calendar_id``, ``branch_id``, ``day``, ``session``,
    ``batch``, ``start_time``/``end_time`` (local ``HH:MM``), ``appointment_type`` (null, or the
    one service the window takes), ``max_slots``, ``ai_slots``, ``filled_slots``,
    ``available_slots`` (= ``ai_slots - filled_slots``), ``status``, ``created_at``,
    ``updated_at``."""

    slot_id: str | None = None
    calendar_id: str | None = None
    branch_id: str
    day: str | None = None
    session: str | None = None
    batch: str | None = None
    start_time: str
    end_time: str
    appointment_type: str | None = None
    max_slots: int | None = None
    ai_slots: int | None = None
    filled_slots: int | None = None
    available_slots: int | None = None
    status: str | None = None

    @property
    def window_id(self) -> str | None:
        """The calendar window's id: ``calendar_id``, else the first part of ``slot_id``."""
        if self.calendar_id:
            return self.calendar_id
        if self.slot_id:
            return self.slot_id.split("||", 1)[0] or None
        return None

    @property
    def remaining(self) -> int | None:
        """Places left to bookings made through the API: ``available_slots``, else
        ``ai_slots - filled_slots`` (the page's formula), else unknown."""
        if self.available_slots is not None:
            return max(0, self.available_slots)
        if self.ai_slots is not None and self.filled_slots is not None:
            return max(0, self.ai_slots - self.filled_slots)
        return None


class HvAvailability(_Wire):
    """``GET /v1/appointment-slots/availability``: ``{"success", "date", "slots": [...]}``
    at the top level (no ``data`` wrapper, no time zone). Slots are read one by one."""

    date: str | None = None
    slots: list[dict[str, Any]]


class HvErrorBody(_Wire):
    """An error answer, read leniently: the only body a page prints is the rate limit's
    ``{"error": {"code", "message"}}``; ``DUPLICATE_BOOKING`` "includes
    existing_appointment_id" (where, unsaid: the top level, ``error`` or ``data``)."""

    error: Any = None
    code: Any = None
    message: Any = None
    existing_appointment_id: Any = None
    data: Any = None

    def _parts(self) -> tuple[dict[str, Any], str | None]:
        if isinstance(self.error, dict):
            return self.error, None
        return {}, self.error if isinstance(self.error, str) else None

    def code_or(self, status: int) -> str:
        inner, text = self._parts()
        for value in (inner.get("code"), self.code, text):
            if isinstance(value, str) and value.strip():
                return value.strip()
        return f"HTTP_{status}"

    def message_or(self, status: int) -> str:
        inner, text = self._parts()
        for value in (inner.get("message"), self.message, text):
            if isinstance(value, str) and value.strip():
                return value.strip()
        return f"HuskyVoice answered HTTP {status}"

    def existing_id(self) -> str | None:
        inner, _ = self._parts()
        data = self.data if isinstance(self.data, dict) else {}
        for value in (
            self.existing_appointment_id,
            inner.get("existing_appointment_id"),
            data.get("existing_appointment_id"),
        ):
            if isinstance(value, str) and value:
                return value
        return None
