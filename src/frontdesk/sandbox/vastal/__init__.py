"""The Vastal emulator: its state, rules, clinic, HTTP app and demo seeding."""

from __future__ import annotations

from datetime import date

from frontdesk.sandbox.emulator import Emulator, ProviderBuild, SandboxSettings
from frontdesk.sandbox.vastal.app import API_PREFIX, vastal_app
from frontdesk.sandbox.vastal.clinic import ORG_ZONE, default_vastal_clinic
from frontdesk.sandbox.vastal.seed import seed_demo
from frontdesk.sandbox.vastal.state import VastalState


def build(settings: SandboxSettings) -> ProviderBuild:
    """A fresh default Vastal org; `settings.rate_limit` scales the hourly limit (0 = off)."""
    clinic = default_vastal_clinic()
    if settings.timezone:
        clinic.timezone = settings.timezone
    state = VastalState(clinic=clinic, rate_limit=settings.rate_limit)
    return ProviderBuild(state, vastal_app(state), state.clinic.primary_key, API_PREFIX)


def _seed(state: object, start: date) -> int:
    assert isinstance(state, VastalState)
    return seed_demo(state, start)


# The Starter plan (the sandbox's limit at --rate-limit 60), and the org's zone, which no
# Vastal answer carries: the desk's connection must be told it.
EMULATOR = Emulator("vastal", build, _seed, {"plan": "Starter", "timezone": ORG_ZONE})
