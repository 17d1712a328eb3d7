"""What a remote API answers (or would answer) to one request, in its own words.

Rule sets predict a :class:`Verdict` offline; connectors turn real answers into one. Both carry
the provider's own HTTP status and code, so the desk can say *now* exactly what the server would
say at sync.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.StrEnum):
    ERROR = "error"  # the server will refuse this request
    RISK = "risk"  # accepted on what we know, but the cache may be stale


@dataclass(frozen=True, slots=True)
class Verdict:
    """An API's answer to a create: accepted (2xx) or refused with its code and message."""

    status: int
    code: str | None = None
    message: str | None = None
    field: str | None = None
    severity: Severity = Severity.ERROR
    existing_id: str | None = None

    @property
    def accepted(self) -> bool:
        return 200 <= self.status < 300

    def as_json(self) -> dict[str, object]:
        """The ``{"status", "code", "message"}`` object ``frontdesk validate`` prints."""
        return {"status": self.status, "code": self.code, "message": self.message}


ACCEPTED = Verdict(status=201, code=None, message="Appointment would be created")
