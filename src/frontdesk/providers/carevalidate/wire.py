"""CareValidate's answer bodies as pydantic models, exactly the members its pages show
(docs/providers.md, CareValidate). Unknown members are ignored; optional ones that come in an
unexpected type are read as absent (the list example is cut off after `case.id`, so the rest
of an item is unknown to us), never a reason to reject the answer.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _flag_or_none(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def _object_or_none(value: Any) -> dict[str, Any] | None:
    return value if isinstance(value, dict) else None


Text = Annotated[str | None, BeforeValidator(_text_or_none)]
Flag = Annotated[bool | None, BeforeValidator(_flag_or_none)]
Obj = Annotated[dict[str, Any] | None, BeforeValidator(_object_or_none)]


class _Wire(BaseModel):
    model_config = ConfigDict(extra="ignore")


class CvEnvelope(_Wire):
    """Every answer's envelope: `{status, success, message}`, plus `error` on a 400 [doc]. The
    book and cancel 200s are exactly this, with no `data` and no appointment id."""

    status: int | None = None
    success: Flag = None
    message: Text = None
    error: Text = None


class CvItem(_Wire):
    """One listed appointment [doc: `id, createdAt, updatedAt, title, start, end, topic,
    description, color, isEditable, agentEventId, agentName, status, isDeleted,
    meetingDetails, case{id, …}`]. Only `id` and `start` are needed."""

    id: str
    start: str
    end: Text = None
    createdAt: Text = None
    updatedAt: Text = None
    title: Text = None
    topic: Text = None
    agentEventId: Text = None
    agentName: Text = None
    status: Text = None
    isDeleted: Flag = None
    case: Obj = None


class CvItems(_Wire):
    """`GET /api/v1/calendar/appointments` 200: `data` is the list (no pagination) [doc]."""

    success: Flag = None
    message: Text = None
    data: list[CvItem]


class CvLink(_Wire):
    """One provider-availability entry [doc: "Returns provider name, Calendly link, and event
    type ID"]."""

    providerName: str
    calendlyLink: Text = None
    eventTypeId: str


class CvLinks(_Wire):
    success: Flag = None
    message: Text = None
    data: list[CvLink]
