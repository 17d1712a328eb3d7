"""The CareValidate emulator: its state, rules, clinic, HTTP app and demo seeding."""

from __future__ import annotations

from datetime import date

from frontdesk.sandbox.carevalidate.app import BASE_PATH, carevalidate_app
from frontdesk.sandbox.carevalidate.clinic import ZONE
from frontdesk.sandbox.carevalidate.seed import seed_demo
from frontdesk.sandbox.carevalidate.state import CareValidateState, scaled_limit
from frontdesk.sandbox.emulator import Emulator, ProviderBuild, SandboxSettings


def build(settings: SandboxSettings) -> ProviderBuild:
    """The default organisation at the sandbox's scale of the documented 500 per 60 s."""
    state = CareValidateState(limit=scaled_limit(settings.rate_limit))
    return ProviderBuild(state, carevalidate_app(state), state.api_key, BASE_PATH)


def _seed(state: object, start: date) -> int:
    assert isinstance(state, CareValidateState)
    return seed_demo(state, start)


EMULATOR = Emulator(
    "carevalidate", build, _seed, {"timezone": ZONE, "location": "google_conference"}
)
