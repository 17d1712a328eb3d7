"""The HuskyVoice emulator: its state, rules, queries, clinic, HTTP app and demo seeding."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from frontdesk.sandbox.emulator import Emulator, ProviderBuild, SandboxSettings
from frontdesk.sandbox.huskyvoice.app import API_PREFIX, huskyvoice_app
from frontdesk.sandbox.huskyvoice.clinic import default_clinic
from frontdesk.sandbox.huskyvoice.seed import seed_demo
from frontdesk.sandbox.huskyvoice.state import HuskyVoiceState


def build(settings: SandboxSettings) -> ProviderBuild:
    """The clinic of `settings` (the default clinic when None) at the sandbox's rate."""
    clinic = settings.clinic
    if clinic is None and settings.timezone:
        clinic = replace(default_clinic(), timezone=settings.timezone)
    state = HuskyVoiceState(clinic=clinic, rate_limit=settings.rate_limit)
    return ProviderBuild(state, huskyvoice_app(state), state.clinic.primary_key, API_PREFIX)


def _seed(state: object, start: date) -> int:
    assert isinstance(state, HuskyVoiceState)
    return seed_demo(state, start)


EMULATOR = Emulator("huskyvoice", build, _seed)
