"""The Vastal entry of the sandbox's `PROVIDERS` registry (a `ProviderFactory`).

`server` imports this module, so `ProviderBuild` is imported when the factory runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from frontdesk.sandbox.vastal import API_PREFIX, vastal_app
from frontdesk.sandbox.vastal_state import VastalState

if TYPE_CHECKING:
    from frontdesk.sandbox.server import ProviderBuild, SandboxSettings


def build_vastal(settings: SandboxSettings) -> ProviderBuild:
    """A fresh default Vastal org; `settings.rate_limit` scales the hourly limit (0 = off)."""
    from frontdesk.sandbox.server import ProviderBuild

    state = VastalState(rate_limit=settings.rate_limit)
    return ProviderBuild(state, vastal_app(state), state.clinic.primary_key, API_PREFIX)
