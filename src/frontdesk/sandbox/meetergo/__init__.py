"""The meetergo emulator: its state, rules, account, HTTP app and demo seeding."""

from __future__ import annotations

from datetime import date

from frontdesk.sandbox.emulator import Emulator, ProviderBuild, SandboxSettings
from frontdesk.sandbox.meetergo.app import API_PREFIX, meetergo_app
from frontdesk.sandbox.meetergo.clinic import ANNA, API_KEY, ZONE, default_account
from frontdesk.sandbox.meetergo.seed import seed_demo
from frontdesk.sandbox.meetergo.state import BURST, MeetergoState


def build(settings: SandboxSettings) -> ProviderBuild:
    """The default account; `rate_limit` N scales the burst to round(200 * N / 60) per 120 s
    (0 = off)."""
    account = default_account()
    if settings.timezone:
        account.timezone = settings.timezone
    state = MeetergoState(account=account, rate_limit=round(BURST * settings.rate_limit / 60))
    return ProviderBuild(state, meetergo_app(state), API_KEY, API_PREFIX)


def _seed(state: object, start: date) -> int:
    assert isinstance(state, MeetergoState)
    return seed_demo(state, start)


EMULATOR = Emulator(
    "meetergo",
    build,
    _seed,
    {"api_user_id": ANNA, "timezone": ZONE},
    persisted=("_appointments", "_provisional"),
)
