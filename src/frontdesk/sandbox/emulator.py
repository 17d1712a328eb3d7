"""What one emulated API gives the sandbox: its declaration (`Emulator`) and what it builds.

Each emulator package (`sandbox/<api>/`) exports one `EMULATOR`; `sandbox.registry` lists them
and the server, the demo and `frontdesk sandbox` read that list. Nothing here knows an API.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from starlette.types import ASGIApp

if TYPE_CHECKING:
    from frontdesk.sandbox.fault_spec import FaultSpec
    from frontdesk.sandbox.huskyvoice.clinic import Clinic


@dataclass(frozen=True)
class SandboxSettings:
    """What every emulator's build is given. `clinic` is a HuskyVoice org (None = default);
    `rate_limit` is the sandbox's scale: 60 means each API's documented limit, 0 means off."""

    rate_limit: int = 60
    clinic: Clinic | None = None
    faults: FaultSpec | None = None


@dataclass(frozen=True)
class ProviderBuild:
    """A built emulator: its state (for tests), its ASGI app, printed key and API path."""

    state: object
    app: ASGIApp
    api_key: str
    base_path: str


@dataclass(frozen=True)
class Emulator:
    """One emulated API.

    `build` makes a fresh state and app; `seed_demo` books a plausible week into a state it
    built (returns how many); `demo_options` are the connection settings a desk needs to use
    this emulator's default clinic (e.g. VantaX's sub-account), as `frontdesk connect
    --option` takes them.
    """

    name: str
    build: Callable[[SandboxSettings], ProviderBuild]
    seed_demo: Callable[[object, date], int]
    demo_options: Mapping[str, object] = field(default_factory=dict)
