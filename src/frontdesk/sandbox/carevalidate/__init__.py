"""The CareValidate emulator: its state, rules, clinic, HTTP app and demo seeding."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from frontdesk.sandbox.carevalidate.app import BASE_PATH, carevalidate_app
from frontdesk.sandbox.carevalidate.clinic import ZONE, default_cv_clinic
from frontdesk.sandbox.carevalidate.seed import seed_demo
from frontdesk.sandbox.carevalidate.state import CareValidateState, scaled_limit
from frontdesk.sandbox.emulator import Emulator, ProviderBuild, SandboxSettings


def build(settings: SandboxSettings) -> ProviderBuild:
    """The default organisation at the sandbox's scale of the documented 500 per 60 s."""
    clinic = default_cv_clinic()
    if settings.timezone:
        clinic.providers = [replace(p, timezone=settings.timezone) for p in clinic.providers]
    state = CareValidateState(clinic=clinic, limit=scaled_limit(settings.rate_limit))
    return ProviderBuild(state, carevalidate_app(state), state.api_key, BASE_PATH)


def _seed(state: object, start: date) -> int:
    assert isinstance(state, CareValidateState)
    return seed_demo(state, start)


def _durations() -> str:
    """The default clinic's event-type lengths, as the connection option `durations` takes
    them: CareValidate's API tells no duration, so a desk is told."""
    events = default_cv_clinic().event_types
    return ",".join(f"{e.id}={e.duration_minutes}" for e in events if e.active)


EMULATOR = Emulator(
    "carevalidate",
    build,
    _seed,
    {
        "provider_states": "CA,NY",
        "timezone": ZONE,
        "location": "google_conference",
        "durations": _durations(),
    },
    persisted=("_appointments", "_users"),
)
