"""Fixtures for the sandbox tests: a live HuskyVoice sandbox on loopback and date helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID, MAIN_BRANCH_ID

LONDON = ZoneInfo("Europe/London")


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(rate_limit=0) as server:
        yield server


@pytest.fixture(scope="module")
def five() -> Iterator[SandboxServer]:
    """All five APIs on loopback, unpaced (the hostile-input tests: one per module)."""
    from support.hostile import PROVIDERS

    with SandboxServer(rate_limit=0, providers=PROVIDERS) as server:
        yield server


@pytest.fixture(scope="module")
def http() -> Iterator[httpx.Client]:
    """A plain client (a module with a client of its own names its own ``http``)."""
    with httpx.Client(timeout=10.0) as client:
        yield client


@pytest.fixture(scope="module")
def client(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Bearer {sandbox.api_key}"}
    with httpx.Client(base_url=sandbox.base_url, headers=headers, timeout=5.0) as http:
        yield http


@pytest.fixture(autouse=True)
def _fresh_state(request: pytest.FixtureRequest) -> Iterator[None]:
    """Each test starts on an empty org with the real clock (when it uses the sandbox)."""
    if "sandbox" not in request.fixturenames:
        yield
        return
    server: SandboxServer = request.getfixturevalue("sandbox")
    clock = server.state.clock
    server.state.reset()
    yield
    server.state.clock = clock
    server.state.reset()


def next_weekday(iso_weekday: int, days_ahead: int = 14) -> date:
    """The first date with this ISO weekday at least `days_ahead` days from today."""
    day = date.today() + timedelta(days=days_ahead)
    while day.isoweekday() != iso_weekday:
        day += timedelta(days=1)
    return day


def local_iso(day: date, hhmm: str) -> str:
    """The UTC instant (`...Z`) of a London wall time."""
    hours, minutes = (int(part) for part in hhmm.split(":"))
    instant = datetime.combine(day, time(hours, minutes), tzinfo=LONDON).astimezone(UTC)
    return instant.strftime("%Y-%m-%dT%H:%M:%S.000Z")


@pytest.fixture
def tuesday() -> date:
    return next_weekday(2)


@pytest.fixture
def body(tuesday: date) -> Callable[..., dict[str, Any]]:
    """A valid create body at the Main Branch, Tuesday 09:30 London; keywords override."""

    def make(**overrides: Any) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "appointment_type": GENERAL_CHECKUP_ID,
            "appointment_date": local_iso(tuesday, "09:30"),
            "patient_name": "Amelia Hart",
            "parent_phone": "+442079460123",
            "branch_id": MAIN_BRANCH_ID,
        }
        payload.update(overrides)
        return {k: v for k, v in payload.items() if v is not ...}

    return make


@pytest.fixture
def weekday() -> Callable[..., date]:
    """`weekday(iso_weekday, days_ahead=14)`: a future date on that weekday."""
    return next_weekday


@pytest.fixture
def at() -> Callable[[date, str], str]:
    """`at(day, "HH:MM")`: the `...Z` instant of that London wall time."""
    return local_iso
