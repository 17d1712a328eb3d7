"""The clinic a HuskyVoice sandbox serves: org policy, branches, services, weekly windows, keys.

Owns the default demo clinic of docs/providers.md ("The sandbox's default clinic") as plain
data, and the JSON form a test or an integrator uses to describe another clinic
(`clinic_to_dict`; reading it, field by field: `clinic_file`). Nothing here knows about HTTP.

JSON form (every key optional except where noted; missing keys take the default clinic's):

    {"timezone": "Europe/London", "duplicate_prevention": true, "allow_cancellation": true,
     "cancellation_notice_hours": 2,
     "branches": [{"id": "branch_uuid_here", "name": "Main Branch"}],
     "services": [{"service_id": UUID, "name": "...", "duration_minutes": 30,
                   "color": "#4F8EF7", "is_active": true}],
     "windows": [{"branch_id": ..., "session": "Morning", "batch": "MA",
                  "start_time": "09:00", "end_time": "12:00", "max_slots": 8, "ai_slots": 6,
                  "appointment_type": null | service UUID,
                  "status": "OPEN", "weekday": 2 | "weekdays": [1, 2, 3],
                  "window_id": optional, only with "weekday"}],
     "closures": [{"window_id": "w_main_morning_2", "date": "2027-06-15"}],
     "api_keys": [{"key": "sk_test_...", "scopes": ["appointments:read", ...]}]}

(a service's `"id"` is read too). Weekdays are ISO numbers (1 = Monday ... 7 = Sunday). A
generated window id is `w_<branch id>_<session>_<weekday>`; the default clinic uses the short
names `main`/`north`. `ai_slots` is what bookings through the API may take of a window
(availability page: `available_slots = ai_slots - filled_slots`); `max_slots` is shown only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from typing import Any
from zoneinfo import ZoneInfo

# The vendor's booking scopes (API keys page); there is no config scope.
ALL_SCOPES: frozenset[str] = frozenset({"appointments:read", "appointments:write", "slots:read"})
READ_SCOPES: frozenset[str] = frozenset({"appointments:read", "slots:read"})
SESSIONS: tuple[str, ...] = ("Morning", "Afternoon", "Evening")

DEFAULT_API_KEY = "sk_test_frontdesk_demo"
READONLY_API_KEY = "sk_test_readonly"
GENERAL_CHECKUP_ID = "f47ac10b-58cc-4372-a567-0e02b2c3d479"
VACCINATION_ID = "d3d2c87c-7532-4ad0-bef6-86cae61b9ebd"
DENTAL_CLEANING_ID = "23a19753-61c1-47a6-b8d5-8daabaf88b9e"
FOLLOW_UP_ID = "0d902341-9643-4701-96b2-d7512f94e576"
OLD_SERVICE_ID = "7ca9e43c-56a7-48dd-ab4f-31c8f7d7f50c"
MAIN_BRANCH_ID = "branch_uuid_here"
NORTH_BRANCH_ID = "branch_north"


@dataclass(frozen=True)
class Branch:
    id: str
    name: str


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    duration_minutes: int
    color: str
    is_active: bool = True


@dataclass(frozen=True)
class Window:
    """One weekly row: a branch's session on one weekday, in the org's local wall time."""

    window_id: str
    branch_id: str
    weekday: int  # ISO: 1 = Monday ... 7 = Sunday
    session: str
    batch: str
    start_time: time
    end_time: time
    max_slots: int
    ai_slots: int
    status: str = "OPEN"  # or "CLOSED"
    service_id: str | None = None  # the one service it takes (`appointment_type`), or any


@dataclass(frozen=True)
class ApiKey:
    key: str
    scopes: frozenset[str]


@dataclass
class Clinic:
    """A whole clinic. `closures` is mutable: (window_id, local date) pairs closed that day."""

    timezone: str
    duplicate_prevention: bool
    allow_cancellation: bool
    cancellation_notice_hours: int
    branches: list[Branch]
    services: list[Service]
    windows: list[Window]
    api_keys: list[ApiKey]
    closures: set[tuple[str, date]] = field(default_factory=set)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def primary_key(self) -> str:
        """The key the sandbox prints: the first with every scope, else the first."""
        for api_key in self.api_keys:
            if api_key.scopes >= ALL_SCOPES:
                return api_key.key
        return self.api_keys[0].key

    def scopes_of(self, key: str) -> frozenset[str] | None:
        for api_key in self.api_keys:
            if api_key.key == key:
                return api_key.scopes
        return None

    def is_closed(self, window: Window, on: date) -> bool:
        return window.status == "CLOSED" or (window.window_id, on) in self.closures


def _weekly_rows(branch_id: str, short: str) -> list[Window]:
    rows: list[Window] = []
    sessions = [
        ("Morning", "MA", time(9), time(12), 8, 6, range(1, 7)),
        ("Afternoon", "AA", time(14), time(17), 8, 6, range(1, 7)),
        ("Evening", "EA", time(18), time(20), 6, 4, range(1, 6)),
    ]
    for session, batch, start, end, max_slots, ai_slots, weekdays in sessions:
        for weekday in weekdays:
            window_id = f"w_{short}_{session.lower()}_{weekday}"
            rows.append(
                Window(
                    window_id, branch_id, weekday, session, batch, start, end, max_slots, ai_slots
                )
            )
    rows.append(
        Window(
            f"w_{short}_morning_7", branch_id, 7, "Morning", "MA", time(9), time(12), 8, 6, "CLOSED"
        )
    )
    return rows


def _vaccination_evening() -> Window:
    """North Branch's Saturday evening: vaccinations only."""
    return Window(
        "w_north_evening_6",
        NORTH_BRANCH_ID,
        6,
        "Evening",
        "VE",
        time(18),
        time(20),
        6,
        4,
        service_id=VACCINATION_ID,
    )


def default_clinic() -> Clinic:
    """A fresh copy of the demo clinic of docs/providers.md."""
    return Clinic(
        timezone="Europe/London",
        duplicate_prevention=True,
        allow_cancellation=True,
        cancellation_notice_hours=2,
        branches=[Branch(MAIN_BRANCH_ID, "Main Branch"), Branch(NORTH_BRANCH_ID, "North Branch")],
        services=[
            Service(GENERAL_CHECKUP_ID, "General Checkup", 30, "#4F8EF7"),
            Service(VACCINATION_ID, "Vaccination", 20, "#34C47C"),
            Service(DENTAL_CLEANING_ID, "Dental Cleaning", 45, "#F5A623"),
            Service(FOLLOW_UP_ID, "Follow-up", 15, "#9B59B6"),
            Service(OLD_SERVICE_ID, "Old Service", 30, "#9E9E9E", is_active=False),
        ],
        windows=[
            *_weekly_rows(MAIN_BRANCH_ID, "main"),
            *_weekly_rows(NORTH_BRANCH_ID, "north"),
            _vaccination_evening(),
        ],
        api_keys=[ApiKey(DEFAULT_API_KEY, ALL_SCOPES), ApiKey(READONLY_API_KEY, READ_SCOPES)],
    )


def service_json(service: Service) -> dict[str, Any]:
    """A service as the sandbox answers it: `service_id` is the overview page's name for
    its UUID; the rest of the shape is ours (the services list is not published)."""
    return {
        "service_id": service.id,
        "name": service.name,
        "duration_minutes": service.duration_minutes,
        "color": service.color,
        "is_active": service.is_active,
    }


def clinic_to_dict(clinic: Clinic) -> dict[str, Any]:
    """The JSON form of a clinic (windows one row per weekday, with their ids)."""
    return {
        "timezone": clinic.timezone,
        "duplicate_prevention": clinic.duplicate_prevention,
        "allow_cancellation": clinic.allow_cancellation,
        "cancellation_notice_hours": clinic.cancellation_notice_hours,
        "branches": [{"id": b.id, "name": b.name} for b in clinic.branches],
        "services": [service_json(s) for s in clinic.services],
        "windows": [
            {
                "window_id": w.window_id,
                "branch_id": w.branch_id,
                "weekday": w.weekday,
                "session": w.session,
                "batch": w.batch,
                "start_time": w.start_time.strftime("%H:%M"),
                "end_time": w.end_time.strftime("%H:%M"),
                "max_slots": w.max_slots,
                "ai_slots": w.ai_slots,
                "appointment_type": w.service_id,
                "status": w.status,
            }
            for w in clinic.windows
        ],
        "closures": [
            {"window_id": window_id, "date": on.isoformat()}
            for window_id, on in sorted(clinic.closures)
        ],
        "api_keys": [{"key": k.key, "scopes": sorted(k.scopes)} for k in clinic.api_keys],
    }
