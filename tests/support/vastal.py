"""A Vastal org like the sandbox's default one, built without the sandbox (the rules are tested
apart from it), and time helpers in the org's zone (America/New_York)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from frontdesk.domain.booking import Booking, VisitStatus
from frontdesk.domain.catalog import Catalog, Policy, Resource, Service

ZONE = "America/New_York"
NY = ZoneInfo(ZONE)
ORG = "org_xyz789"
TAX = "type_def456"
REVIEW = "type_rev123"
ONBOARDING = "type_onb321"
LEGACY = "type_old999"
STRATEGY = "type_str777"  # follows the named schedule "Evening Hours" (sched_eve001)
# A fixed "now" for deterministic dates: Monday 1 March 2027, 12:00Z (07:00 in New York).
# US daylight saving starts on Sunday 14 March 2027.
NOW = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)


def at(day: date, hhmm: str) -> datetime:
    """The instant of a New York wall time."""
    hours, minutes = (int(part) for part in hhmm.split(":"))
    return datetime.combine(day, time(hours, minutes), tzinfo=NY).astimezone(UTC)


def wire(instant: datetime) -> str:
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def ny(day: date, hhmm: str) -> str:
    """``...Z`` text of a New York wall time."""
    return wire(at(day, hhmm))


def type_extra(**overrides: Any) -> dict[str, Any]:
    extra: dict[str, Any] = {
        "bufferBeforeMinutes": 0,
        "bufferAfterMinutes": 0,
        "maxPerDay": None,
        "maxPerWeek": None,
        "maxPerMonth": None,
        "minNoticeHours": 24,
        "maxDaysAhead": 60,
        "requiresConfirmation": False,
    }
    extra.update(overrides)
    return extra


def rows() -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = [
        {
            "id": f"av_{name}",
            "day_of_week": n + 1,
            "start_time": "09:00:00",
            "end_time": "17:00:00",
            "appointment_type_id": None,
            "is_active": True,
        }
        for n, name in enumerate(("mon", "tue", "wed", "thu", "fri"))
    ]
    result += [
        {
            "id": "av_sat_rev",
            "day_of_week": 6,
            "start_time": "10:00:00",
            "end_time": "13:00:00",
            "appointment_type_id": REVIEW,
            "is_active": True,
        },
        {
            "id": "av_wed_onb",
            "day_of_week": 3,
            "start_time": "17:00:00",
            "end_time": "19:00:00",
            "appointment_type_id": ONBOARDING,
            "is_active": True,
        },
        {
            "id": "av_sun_off",
            "day_of_week": 0,
            "start_time": "10:00:00",
            "end_time": "14:00:00",
            "appointment_type_id": None,
            "is_active": False,
        },
    ]
    return result


def make_catalog() -> Catalog:
    return Catalog(
        policy=Policy(ZONE, extra={"org_id": ORG, "availability": rows()}),
        services=[
            Service(TAX, "Tax Consultation", 60, "#3b82f6", True, type_extra()),
            Service(
                REVIEW,
                "Bookkeeping Review",
                30,
                "#10b981",
                True,
                type_extra(
                    bufferBeforeMinutes=15,
                    bufferAfterMinutes=15,
                    maxPerDay=2,
                    maxPerWeek=4,
                    maxPerMonth=6,
                ),
            ),
            Service(
                ONBOARDING,
                "Onboarding Call",
                45,
                "#f59e0b",
                True,
                type_extra(
                    bufferAfterMinutes=10,
                    minNoticeHours=2,
                    maxDaysAhead=90,
                    requiresConfirmation=True,
                ),
            ),
            Service(
                STRATEGY,
                "Strategy Call",
                30,
                "#8b5cf6",
                True,
                type_extra(
                    minNoticeHours=4,
                    maxDaysAhead=30,
                    scheduleId="sched_eve001",
                    scheduleName="Evening Hours",
                ),
            ),
            Service(LEGACY, "Legacy Filing", 30, "#6b7280", False, type_extra()),
        ],
        resources=[Resource(ORG, "Vastal calendar", "calendar")],
    )


DURATIONS = {TAX: 60, REVIEW: 30, ONBOARDING: 45, STRATEGY: 30, LEGACY: 30}


def booking(
    type_id: str,
    start: datetime,
    *,
    n: int = 0,
    status: VisitStatus = VisitStatus.BOOKED,
) -> Booking:
    return Booking(
        id=f"b{n}-{type_id}-{start.isoformat()}",
        connection_id="c1",
        service_id=type_id,
        resource_id=ORG,
        start=start,
        end=start + timedelta(minutes=DURATIONS[type_id]),
        patient_name=f"Client {n}",
        patient_phone="+12025550100",
        remote_id=f"apt_{n:04d}",
        visit_status=status,
    )


def body(type_id: str, start: datetime, **extra: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "appointment_type_id": type_id,
        "start_time": wire(start),
        "client_name": "Jane Doe",
        "client_email": "jane@example.com",
        "client_phone": "+1234567890",
    }
    payload.update(extra)
    return {k: v for k, v in payload.items() if v is not ...}


def seed_day(weeks_ahead: int = 1) -> date:
    """A Thursday 7-13 days (weeks_ahead=1) from the real today: for the seed's example."""
    day = date.today() + timedelta(days=7 * weeks_ahead)
    while day.isoweekday() != 4:
        day += timedelta(days=1)
    return day
