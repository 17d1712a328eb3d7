"""Serving the sandbox: one uvicorn server per provider, each in a background thread.

Owns `ProviderServer` (one emulator's app on one port), `SandboxServer` (the set a test, the
demo or `frontdesk sandbox` runs, built from `sandbox.registry`) and `run_forever` behind the
CLI command. Every emulator in the registry gets its own port.
"""

from __future__ import annotations

import errno
import json
import signal
import socket
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any

import uvicorn

from frontdesk.sandbox.emulator import ProviderBuild, SandboxSettings
from frontdesk.sandbox.fault_spec import FaultInjector, FaultSpec
from frontdesk.sandbox.faults import quiet_dropped_answers
from frontdesk.sandbox.huskyvoice.clinic import Clinic
from frontdesk.sandbox.huskyvoice.clinic_file import load_clinic
from frontdesk.sandbox.huskyvoice.state import HuskyVoiceState
from frontdesk.sandbox.registry import EMULATORS

__all__ = [
    "ListenError",
    "ProviderBuild",
    "ProviderServer",
    "SandboxServer",
    "SandboxSettings",
    "run_forever",
]


class ListenError(OSError):
    """A provider's server cannot listen where asked; ``option`` is the one to change
    (``host`` or ``port``) and the message says why."""

    def __init__(self, name: str, host: str, port: int, cause: BaseException) -> None:
        if isinstance(cause, socket.gaierror) or getattr(cause, "errno", None) in (
            errno.EADDRNOTAVAIL,
            errno.EAFNOSUPPORT,
        ):
            self.option = "host"
            why = f"{host!r} is not an address of this computer"
        elif isinstance(cause, OverflowError):
            self.option, why = "port", "no such port (0 to 65535)"
        elif getattr(cause, "errno", None) == errno.EADDRINUSE:
            self.option, why = "port", "the port is in use by another program"
        elif getattr(cause, "errno", None) == errno.EACCES:
            self.option, why = "port", "a port below 1024 needs privileges"
        else:
            self.option = "port"
            why = getattr(cause, "strerror", None) or str(cause)
        super().__init__(f"sandbox {name} could not listen on {host}:{port}: {why}")


class ProviderServer:
    """One provider's app served by uvicorn on `host:port` from a daemon thread.

    `port=0` picks a free port at the first start; later starts reuse that port, so a test can
    take the server down and bring it back where clients expect it, with its state intact.
    """

    def __init__(self, name: str, build: ProviderBuild, host: str = "127.0.0.1", port: int = 0):
        self.name = name
        self.build = build
        self.host = host
        self.port = port
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._failure: BaseException | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def root_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def base_url(self) -> str:
        return self.root_url + self.build.base_path

    def describe(self) -> dict[str, str]:
        return {"provider": self.name, "base_url": self.base_url, "api_key": self.build.api_key}

    def start(self, timeout: float = 10.0) -> ProviderServer:
        if self.running:
            return self
        config = uvicorn.Config(
            self.build.app,
            host=self.host,
            port=self.port,
            log_config=None,
            log_level="warning",
            access_log=False,
            lifespan="off",
            ws="none",
            server_header=False,
            timeout_graceful_shutdown=2,
        )
        quiet_dropped_answers()
        listening = self._listen()
        server = uvicorn.Server(config)
        self._server, self._failure = server, None
        self._thread = threading.Thread(
            target=self._serve, args=(server, listening), name=f"sandbox-{self.name}", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not server.started:
            if not self._thread.is_alive():
                self._thread = None
                raise OSError(
                    f"sandbox {self.name} could not listen on {self.host}:{self.port}"
                ) from self._failure
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError(f"sandbox {self.name} did not start within {timeout} s")
            time.sleep(0.005)
        sockets = server.servers[0].sockets
        self.port = int(sockets[0].getsockname()[1])
        return self

    def _listen(self) -> socket.socket:
        """The listening socket, bound here so that a taken port or a wrong host is a
        `ListenError` saying why, not uvicorn's log line and exit. One address: a name such
        as ``localhost`` is bound as IPv4 (an address with ``:`` as IPv6)."""
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        # IPPROTO_TCP named: asyncio sets TCP_NODELAY only on sockets that say so (else
        # Nagle's algorithm holds each answer's body for the client's delayed ACK, 40 ms)
        listening = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        try:
            if sys.platform != "win32":  # as asyncio does: on Windows it would share the port
                listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listening.bind((self.host, self.port))
        except (OSError, OverflowError) as exc:  # OverflowError: a port beyond 0-65535
            listening.close()
            raise ListenError(self.name, self.host, self.port, exc) from exc
        return listening

    def _serve(self, server: uvicorn.Server, listening: socket.socket) -> None:
        try:
            server.run(sockets=[listening])
        except BaseException as exc:  # uvicorn exits with SystemExit when it cannot serve
            self._failure = exc
        finally:
            listening.close()

    def stop(self, timeout: float = 10.0) -> None:
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        server.should_exit = True
        thread.join(timeout)
        if thread.is_alive():
            server.force_exit = True
            thread.join(timeout)
        self._server, self._thread = None, None


class SandboxServer:
    """The sandbox of a test or the demo: each provider on its own port, HuskyVoice first.

    `SandboxServer(port=0)` picks free ports; with a fixed `port` the n-th provider listens on
    `port + n`. `.base_url`, `.api_key` and `.state` are HuskyVoice's.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        rate_limit: int = 60,
        clinic: Clinic | None = None,
        providers: Sequence[str] = ("huskyvoice",),
        faults: FaultSpec | None = None,
        timezone: str | None = None,
    ) -> None:
        settings = SandboxSettings(
            rate_limit=rate_limit, clinic=clinic, faults=faults, timezone=timezone
        )
        self.servers: list[ProviderServer] = []
        self.injectors: dict[str, FaultInjector] = {}
        for index, name in enumerate(providers):
            build = EMULATORS[name].build(settings)
            if faults is not None:
                injector = FaultInjector(build.app, faults, seed_offset=index)
                self.injectors[name] = injector
                build = replace(build, app=injector)
            self.servers.append(ProviderServer(name, build, host, port + index if port else 0))

    def provider(self, name: str) -> ProviderServer:
        for server in self.servers:
            if server.name == name:
                return server
        raise KeyError(name)

    @property
    def state(self) -> HuskyVoiceState:
        state = self.provider("huskyvoice").build.state
        assert isinstance(state, HuskyVoiceState)
        return state

    @property
    def base_url(self) -> str:
        return self.provider("huskyvoice").base_url

    @property
    def root_url(self) -> str:
        """Without the API path; the `/__sandbox__` test endpoints live here."""
        return self.provider("huskyvoice").root_url

    @property
    def port(self) -> int:
        return self.provider("huskyvoice").port

    @property
    def api_key(self) -> str:
        return self.provider("huskyvoice").build.api_key

    def describe(self) -> list[dict[str, str]]:
        return [server.describe() for server in self.servers]

    def start(self) -> SandboxServer:
        try:
            for server in self.servers:
                server.start()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        for server in self.servers:
            server.stop()

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def run_forever(
    host: str = "127.0.0.1",
    port: int = 0,
    rate_limit: int = 60,
    clinic_path: str | Path | None = None,
    providers: Sequence[str] | None = None,
    faults: FaultSpec | None = None,
) -> None:
    """Serve until SIGINT or SIGTERM, after printing one JSON line per API on stdout.

    ``providers`` names the APIs to serve (default: every registered one); ``clinic_path`` is
    a HuskyVoice clinic fixture.
    """
    clinic = load_clinic(clinic_path) if clinic_path is not None else None
    names = list(providers) if providers else list(EMULATORS)
    unknown = [n for n in names if n not in EMULATORS]
    if unknown:
        raise ValueError(
            f"unknown provider {unknown[0]!r}; the sandbox serves {', '.join(EMULATORS)}"
        )
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous: dict[signal.Signals, Any] = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        previous[sig] = signal.signal(sig, on_signal)
    try:
        with SandboxServer(
            host=host,
            port=port,
            rate_limit=rate_limit,
            clinic=clinic,
            providers=names,
            faults=faults,
        ) as sandbox:
            for line in sandbox.describe():
                sys.stdout.write(json.dumps(line) + "\n")
            sys.stdout.flush()
            while not stop.wait(0.5):
                pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
