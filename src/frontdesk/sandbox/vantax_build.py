"""Building the VantaX sandbox for `server.PROVIDERS` (kept apart so server.py stays small)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from starlette.types import ASGIApp

from frontdesk.sandbox.vantax import API_PREFIX, vantax_app
from frontdesk.sandbox.vantax_clinic import DEFAULT_KEY
from frontdesk.sandbox.vantax_state import VantaxState

B = TypeVar("B")


def build_vantax(rate_limit: int, make: Callable[[object, ASGIApp, str, str], B]) -> B:
    """VantaX's limit is 120/min where HuskyVoice's is 60: the sandbox's setting times two."""
    state = VantaxState(rate_limit=2 * rate_limit)
    return make(state, vantax_app(state), DEFAULT_KEY, API_PREFIX)
