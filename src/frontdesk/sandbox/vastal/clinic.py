"""The Vastal sandbox's organisation: appointment types, weekly availability rows, zone, key.

Owns the data model of one Vastal org as docs/providers.md ("Vastal") describes it and the
default clinic the sandbox serves. Types use the wire's camelCase names in `to_wire`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import time
from typing import Any

ORG_ID = "org_xyz789"
ORG_ZONE = "America/New_York"
API_KEY = "vst_test_5f2c9a7e41d84b03"

TAX_CONSULTATION_ID = "type_def456"
BOOKKEEPING_REVIEW_ID = "type_rev123"
ONBOARDING_CALL_ID = "type_onb321"
LEGACY_FILING_ID = "type_old999"

DEFAULT_COLOR = "#3b82f6"


@dataclass(frozen=True)
class AppointmentType:
    id: str
    name: str
    duration_minutes: int
    color: str = DEFAULT_COLOR
    buffer_before_minutes: int = 0
    buffer_after_minutes: int = 0
    max_per_day: int | None = None
    max_per_week: int | None = None
    max_per_month: int | None = None
    min_notice_hours: int = 24
    max_days_ahead: int = 60
    requires_confirmation: bool = False
    is_active: bool = True

    def to_wire(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "durationMinutes": self.duration_minutes,
            "color": self.color,
            "bufferBeforeMinutes": self.buffer_before_minutes,
            "bufferAfterMinutes": self.buffer_after_minutes,
            "maxPerDay": self.max_per_day,
            "maxPerWeek": self.max_per_week,
            "maxPerMonth": self.max_per_month,
            "minNoticeHours": self.min_notice_hours,
            "maxDaysAhead": self.max_days_ahead,
            "requiresConfirmation": self.requires_confirmation,
            "isActive": self.is_active,
        }

    def brief(self) -> dict[str, Any]:
        """The snake_case summary inside an appointment record."""
        return {
            "id": self.id,
            "name": self.name,
            "duration_minutes": self.duration_minutes,
            "color": self.color,
        }


# camelCase wire name -> attribute name, for POST/PUT of appointment types
TYPE_FIELDS: dict[str, str] = {
    "name": "name",
    "durationMinutes": "duration_minutes",
    "color": "color",
    "bufferBeforeMinutes": "buffer_before_minutes",
    "bufferAfterMinutes": "buffer_after_minutes",
    "maxPerDay": "max_per_day",
    "maxPerWeek": "max_per_week",
    "maxPerMonth": "max_per_month",
    "minNoticeHours": "min_notice_hours",
    "maxDaysAhead": "max_days_ahead",
    "requiresConfirmation": "requires_confirmation",
    "isActive": "is_active",
}


@dataclass(frozen=True)
class WeeklyRow:
    """One weekly availability row; `day_of_week` 0 = Sunday; wall times in the org zone."""

    id: str
    day_of_week: int
    start: time
    end: time
    appointment_type_id: str | None = None
    is_active: bool = True

    def to_wire(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "day_of_week": self.day_of_week,
            "start_time": self.start.strftime("%H:%M:%S"),
            "end_time": self.end.strftime("%H:%M:%S"),
            "appointment_type_id": self.appointment_type_id,
            "is_active": self.is_active,
        }


@dataclass
class VastalClinic:
    org_id: str = ORG_ID
    timezone: str = ORG_ZONE
    keys: frozenset[str] = frozenset({API_KEY})
    types: dict[str, AppointmentType] = field(default_factory=dict)
    rows: list[WeeklyRow] = field(default_factory=list)

    @property
    def primary_key(self) -> str:
        return sorted(self.keys)[0]

    def copy(self) -> VastalClinic:
        return replace(self, types=dict(self.types), rows=list(self.rows))


def default_vastal_clinic() -> VastalClinic:
    types = [
        AppointmentType(TAX_CONSULTATION_ID, "Tax Consultation", 60, "#3b82f6"),
        AppointmentType(
            BOOKKEEPING_REVIEW_ID,
            "Bookkeeping Review",
            30,
            "#10b981",
            buffer_before_minutes=15,
            buffer_after_minutes=15,
            max_per_day=2,
            max_per_week=4,
            max_per_month=6,
        ),
        AppointmentType(
            ONBOARDING_CALL_ID,
            "Onboarding Call",
            45,
            "#f59e0b",
            buffer_after_minutes=10,
            min_notice_hours=2,
            max_days_ahead=90,
            requires_confirmation=True,
        ),
        AppointmentType(LEGACY_FILING_ID, "Legacy Filing", 30, "#6b7280", is_active=False),
    ]
    days = ("mon", "tue", "wed", "thu", "fri")
    rows = [WeeklyRow(f"av_{name}", n + 1, time(9), time(17)) for n, name in enumerate(days)]
    rows += [
        WeeklyRow("av_sat_rev", 6, time(10), time(13), BOOKKEEPING_REVIEW_ID),
        WeeklyRow("av_wed_onb", 3, time(17), time(19), ONBOARDING_CALL_ID),
        WeeklyRow("av_sun_off", 0, time(10), time(14), None, is_active=False),
    ]
    return VastalClinic(types={t.id: t for t in types}, rows=rows)
