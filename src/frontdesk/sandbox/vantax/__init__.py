"""The VantaX emulator: its state, rules, clinic, HTTP app and demo seeding."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from frontdesk.sandbox.emulator import Emulator, ProviderBuild, SandboxSettings
from frontdesk.sandbox.vantax.app import API_PREFIX, vantax_app
from frontdesk.sandbox.vantax.clinic import DEFAULT_KEY, SUB_ACCOUNT, TIMEZONE, default_clinic
from frontdesk.sandbox.vantax.seed import seed_demo
from frontdesk.sandbox.vantax.state import VantaxState


def build(settings: SandboxSettings) -> ProviderBuild:
    """VantaX publishes no number: ours is 120/min, the sandbox's setting (HuskyVoice's 60)
    times two."""
    clinic = default_clinic()
    if settings.timezone:
        clinic.sub_accounts = [replace(s, timezone=settings.timezone) for s in clinic.sub_accounts]
    state = VantaxState(clinic=clinic, rate_limit=2 * settings.rate_limit)
    return ProviderBuild(state, vantax_app(state), DEFAULT_KEY, API_PREFIX)


def _seed(state: object, start: date) -> int:
    assert isinstance(state, VantaxState)
    return seed_demo(state, start)


# The connection's options: the key's sub-account, and the clinic's zone (VantaX has none).
EMULATOR = Emulator(
    "vantax",
    build,
    _seed,
    {"sub_account_id": SUB_ACCOUNT, "timezone": TIMEZONE},
    persisted=("_appointments", "_contacts"),
)
