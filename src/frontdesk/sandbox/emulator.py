"""What one emulated API gives the sandbox: its declaration (`Emulator`) and what it builds.

Each emulator package (`sandbox/<api>/`) exports one `EMULATOR`; `sandbox.registry` lists them
and the server, the demo and `frontdesk sandbox` read that list. Nothing here knows an API.
"""

from __future__ import annotations

import io
import os
import pickle
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
    # the zone the default clinics keep their hours in (the demo: the desk's clinic zone, so
    # a demo clinic opens at 09:00 on the receptionist's clock); None: each API's own default
    timezone: str | None = None


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
    # the attributes of its state that hold what was booked (kept between demo runs)
    persisted: tuple[str, ...] = ("_appointments",)

    def save(self, state: object, path: Path) -> None:
        """Keep what ``state`` holds in ``path`` (written in one step, read only by us)."""
        lock = getattr(state, "lock", None)
        if lock is not None:
            with lock:
                data = pickle.dumps({name: getattr(state, name) for name in self.persisted})
        else:
            data = pickle.dumps({name: getattr(state, name) for name in self.persisted})
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)

    def load(self, state: object, path: Path) -> bool:
        """Put back what :meth:`save` kept; False (``state`` untouched) when there is nothing
        to read or it cannot be read."""
        try:
            kept = _SandboxUnpickler(io.BytesIO(path.read_bytes())).load()
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return False
        if not isinstance(kept, dict) or set(kept) != set(self.persisted):
            return False
        for name, value in kept.items():
            setattr(state, name, value)
        return True


_PLAIN_MODULES = frozenset({"datetime", "zoneinfo", "collections"})
_PLAIN_BUILTINS = frozenset({"dict", "list", "set", "frozenset", "tuple", "str", "int", "float"})


class _SandboxUnpickler(pickle.Unpickler):
    """Reads back only the sandbox's own records and plain values: a file that names anything
    else (a hand-made or hostile one) is refused, never run."""

    def find_class(self, module: str, name: str) -> Any:
        if module.startswith("frontdesk.sandbox.") or module in _PLAIN_MODULES:
            return super().find_class(module, name)
        if module == "builtins" and name in _PLAIN_BUILTINS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not a sandbox record")
