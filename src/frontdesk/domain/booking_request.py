"""The canonical booking request: what the booking dialog (or an import row, an ASAP offer, a
series) asks for, before any API's vocabulary is applied. A pydantic model of its own module,
so that the calendars' :mod:`frontdesk.domain.booking` (read at every start) does not load
pydantic: the request is first needed when something is booked or checked."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from frontdesk.domain.sensitive import remember_patient
from frontdesk.domain.timeutil import ensure_utc

_PATIENT_FIELDS = ("patient_name", "patient_phone", "patient_email", "notes")


class BookingRequest(BaseModel):
    """What the booking dialog asks for, before any API's vocabulary is applied."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    connection_id: str
    service_id: str = ""
    resource_id: str = ""
    start: datetime | None = None
    session: str | None = None
    patient_name: str = ""
    patient_phone: str = ""
    patient_email: str | None = None
    notes: str | None = Field(default=None, max_length=2000)
    extra: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _seen(cls, data: Any) -> Any:
        """The patient's values are remembered before they are checked: an error that quotes
        them (a note too long) is masked in a log too."""
        if isinstance(data, Mapping):
            remember_patient(*(data.get(k) for k in _PATIENT_FIELDS))
        return data

    @field_validator("start")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        return None if value is None else ensure_utc(value)

    def end(self, duration_minutes: int) -> datetime | None:
        return None if self.start is None else self.start + timedelta(minutes=duration_minutes)
