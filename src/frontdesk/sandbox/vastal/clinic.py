"""The Vastal sandbox's organisation: appointment types, weekly availability rows, named
schedules, zone and keys with their scopes.

Owns the data model of one Vastal org as Vastal's calendar pages show it (docs/providers.md,
"Vastal") and the default clinic the sandbox serves. Types use the wire's camelCase names in
`to_wire`, rows the wire's snake_case ones. Two things are the sandbox's own (no page shows
them): the org's zone, in which rows are read (no answer carries it), and the rows of the
named schedules a type's `scheduleId` points at (no endpoint reads them).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import time
from typing import Any

ORG_ID = "org_xyz789"
ORG_ZONE = "America/New_York"
API_KEY = "vst_test_5f2c9a7e41d84b03"
READ_ONLY_KEY = "vst_test_ro_91c4e7a2d05b"  # scope `read` only: writes answer 403
CREATED = "2026-01-05T09:00:00Z"  # when the default org's types and rows were made

TAX_CONSULTATION_ID = "type_def456"
BOOKKEEPING_REVIEW_ID = "type_rev123"
ONBOARDING_CALL_ID = "type_onb321"
LEGACY_FILING_ID = "type_old999"
STRATEGY_CALL_ID = "type_str777"
EVENING_SCHEDULE_ID = "sched_eve001"

DEFAULT_COLOR = "#3b82f6"
SCOPES = ("read", "write", "delete", "admin")


@dataclass(frozen=True)
class AppointmentType:
    id: str
    name: str
    duration_minutes: int
    color: str = DEFAULT_COLOR
    description: str | None = None
    buffer_before_minutes: int = 0
    buffer_after_minutes: int = 0
    max_per_day: int | None = None
    max_per_week: int | None = None
    max_per_month: int | None = None
    min_notice_hours: int = 24
    max_days_ahead: int = 60
    requires_confirmation: bool = False
    confirm_within_hours: int | None = None
    booking_questions: tuple[dict[str, Any], ...] = ()
    schedule_id: str | None = None
    is_active: bool = True
    sort_order: int = 0
    created_at: str = CREATED
    updated_at: str = CREATED

    def to_wire(self, org_id: str, schedule_name: str | None) -> dict[str, Any]:
        """The type as the list page shows it (every field, in the example's order)."""
        return {
            "id": self.id,
            "orgId": org_id,
            "name": self.name,
            "description": self.description,
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
            "confirmWithinHours": self.confirm_within_hours,
            "bookingQuestions": [dict(q) for q in self.booking_questions],
            "scheduleId": self.schedule_id,
            "scheduleName": schedule_name,
            "isActive": self.is_active,
            "sortOrder": self.sort_order,
            "createdAt": self.created_at,
            "updatedAt": self.updated_at,
        }

    def brief(self) -> dict[str, Any]:
        """The snake_case summary inside an appointment record."""
        return {
            "id": self.id,
            "name": self.name,
            "duration_minutes": self.duration_minutes,
            "color": self.color,
        }


# camelCase wire name -> attribute name, for POST/PUT of appointment types (the create page's
# fields; `confirmWithinHours` is not on the update page, so PUT leaves it alone)
TYPE_FIELDS: dict[str, str] = {
    "name": "name",
    "durationMinutes": "duration_minutes",
    "description": "description",
    "color": "color",
    "bufferBeforeMinutes": "buffer_before_minutes",
    "bufferAfterMinutes": "buffer_after_minutes",
    "maxPerDay": "max_per_day",
    "maxPerWeek": "max_per_week",
    "maxPerMonth": "max_per_month",
    "minNoticeHours": "min_notice_hours",
    "maxDaysAhead": "max_days_ahead",
    "requiresConfirmation": "requires_confirmation",
    "confirmWithinHours": "confirm_within_hours",
    "bookingQuestions": "booking_questions",
    "scheduleId": "schedule_id",
    "isActive": "is_active",
}
UPDATE_ONLY_SKIPS = frozenset({"confirmWithinHours"})


@dataclass(frozen=True)
class WeeklyRow:
    """One weekly availability row; `day_of_week` 0 = Sunday; wall times in the org zone."""

    id: str
    day_of_week: int
    start: time
    end: time
    appointment_type_id: str | None = None
    is_active: bool = True
    created_at: str = CREATED

    def to_wire(self, org_id: str) -> dict[str, Any]:
        """The row as the list and create pages show it."""
        return {
            "id": self.id,
            "org_id": org_id,
            "day_of_week": self.day_of_week,
            "start_time": self.start.strftime("%H:%M:%S"),
            "end_time": self.end.strftime("%H:%M:%S"),
            "appointment_type_id": self.appointment_type_id,
            "is_active": self.is_active,
            "created_at": self.created_at,
        }


@dataclass(frozen=True)
class NamedSchedule:
    """A schedule a type's `scheduleId` names: hours only the sandbox knows (ours)."""

    id: str
    name: str
    rows: tuple[WeeklyRow, ...]


@dataclass
class VastalClinic:
    org_id: str = ORG_ID
    timezone: str = ORG_ZONE  # ours: no answer carries it
    keys: dict[str, frozenset[str]] = field(
        default_factory=lambda: {
            API_KEY: frozenset({"read", "write", "delete"}),
            READ_ONLY_KEY: frozenset({"read"}),
        }
    )
    types: dict[str, AppointmentType] = field(default_factory=dict)
    rows: list[WeeklyRow] = field(default_factory=list)
    schedules: dict[str, NamedSchedule] = field(default_factory=dict)

    @property
    def primary_key(self) -> str:
        """The first key (sorted) that may write."""
        writers = sorted(k for k, s in self.keys.items() if {"write", "admin"} & s)
        return writers[0] if writers else sorted(self.keys)[0]

    def may(self, key: str, scope: str) -> bool:
        scopes = self.keys.get(key, frozenset())
        return scope in scopes or "admin" in scopes

    def rows_for(self, kind: AppointmentType) -> tuple[list[WeeklyRow], bool]:
        """The rows a type is booked in, and whether they are a named schedule's."""
        if kind.schedule_id is not None and kind.schedule_id in self.schedules:
            return list(self.schedules[kind.schedule_id].rows), True
        return self.rows, False

    def type_wire(self, kind: AppointmentType) -> dict[str, Any]:
        schedule = self.schedules.get(kind.schedule_id or "")
        return kind.to_wire(self.org_id, schedule.name if schedule else None)

    def copy(self) -> VastalClinic:
        return replace(
            self,
            keys=dict(self.keys),
            types=dict(self.types),
            rows=list(self.rows),
            schedules=dict(self.schedules),
        )


def default_vastal_clinic() -> VastalClinic:
    topics = {
        "id": "q1",
        "type": "text",
        "label": "What brings you in?",
        "required": True,
    }
    types = [
        AppointmentType(
            TAX_CONSULTATION_ID,
            "Physiotherapy Assessment",
            60,
            "#3b82f6",
            description="A first assessment with a physiotherapist",
            booking_questions=(topics,),
            sort_order=1,
        ),
        AppointmentType(
            BOOKKEEPING_REVIEW_ID,
            "Follow-up Treatment",
            30,
            "#10b981",
            description="A treatment session after the assessment",
            buffer_before_minutes=15,
            buffer_after_minutes=15,
            max_per_day=2,
            max_per_week=4,
            max_per_month=6,
            sort_order=2,
        ),
        AppointmentType(
            ONBOARDING_CALL_ID,
            "New Patient Call",
            45,
            "#f59e0b",
            buffer_after_minutes=10,
            min_notice_hours=2,
            max_days_ahead=90,
            requires_confirmation=True,
            confirm_within_hours=48,
            sort_order=3,
        ),
        AppointmentType(
            STRATEGY_CALL_ID,
            "Evening Consultation",
            30,
            "#8b5cf6",
            description="A 30-minute consultation after work hours",
            min_notice_hours=4,
            max_days_ahead=30,
            schedule_id=EVENING_SCHEDULE_ID,
            sort_order=4,
        ),
        AppointmentType(
            LEGACY_FILING_ID, "Legacy Massage", 30, "#6b7280", is_active=False, sort_order=5
        ),
    ]
    days = ("mon", "tue", "wed", "thu", "fri")
    rows = [WeeklyRow(f"av_{name}", n + 1, time(9), time(17)) for n, name in enumerate(days)]
    rows += [
        WeeklyRow("av_sat_rev", 6, time(10), time(13), BOOKKEEPING_REVIEW_ID),
        WeeklyRow("av_wed_onb", 3, time(17), time(19), ONBOARDING_CALL_ID),
        WeeklyRow("av_sun_off", 0, time(10), time(14), None, is_active=False),
    ]
    evenings = tuple(
        WeeklyRow(f"sch_eve_{name}", n + 1, time(17), time(20)) for n, name in enumerate(days[:4])
    )
    schedules = {EVENING_SCHEDULE_ID: NamedSchedule(EVENING_SCHEDULE_ID, "Evening Hours", evenings)}
    return VastalClinic(types={t.id: t for t in types}, rows=rows, schedules=schedules)
