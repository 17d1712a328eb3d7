"""A clinic catalog like the sandbox's default one, built without the sandbox (the rules are
tested apart from it)."""

from __future__ import annotations

from datetime import date, time, timedelta

from frontdesk.domain.catalog import Catalog, Policy, Resource, Service, Window

CHECKUP = "f47ac10b-58cc-4372-a567-0e02b2c3d479"
MAIN = "branch_uuid_here"
NORTH = "branch_north"
SESSIONS = (
    ("Morning", "MA", time(9), time(12), 6),
    ("Afternoon", "AA", time(14), time(17), 6),
    ("Evening", "EA", time(18), time(20), 4),
)


def next_weekday(weekday: int, after_days: int = 2) -> date:
    """The first date at least ``after_days`` from today that falls on ``weekday`` (Mon=0)."""
    d = date.today() + timedelta(days=after_days)
    while d.weekday() != weekday:
        d += timedelta(days=1)
    return d


def clinic_windows(days: list[date], branches: tuple[str, ...] = (MAIN, NORTH)) -> list[Window]:
    windows: list[Window] = []
    for day in days:
        for branch in branches:
            if day.weekday() == 6:
                windows.append(
                    Window(
                        f"{branch}_sun_morning",
                        branch,
                        day,
                        time(9),
                        time(12),
                        "Morning",
                        "MA",
                        open=False,
                        capacity=6,
                    )
                )
                continue
            for session, batch, start, end, cap in SESSIONS:
                if session == "Evening" and day.weekday() == 5:
                    continue
                windows.append(
                    Window(
                        f"{branch}_{session.lower()}",
                        branch,
                        day,
                        start,
                        end,
                        session,
                        batch,
                        True,
                        cap,
                    )
                )
    return windows


def make_catalog(
    days: list[date],
    *,
    branches: tuple[str, ...] = (MAIN, NORTH),
    duplicate_prevention: bool = True,
) -> Catalog:
    return Catalog(
        policy=Policy("Europe/London", duplicate_prevention, True, 2),
        services=[
            Service(CHECKUP, "General Checkup", 30, "#4F8EF7"),
            Service("svc-vacc", "Vaccination", 20),
            Service("svc-old", "Old Service", 30, active=False),
        ],
        resources=[Resource(b, b.replace("_", " ").title()) for b in branches],
        windows=clinic_windows(days, branches),
    )
