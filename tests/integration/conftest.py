"""Integration fixtures: a real HuskyVoice sandbox on loopback and a real profile (SQLite file,
credentials file) connected to it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from frontdesk.app import store
from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.sandbox import SandboxServer


@pytest.fixture
def on_each_store(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The profile's store in the environment: a desk's SQLite cache, then a clinic's
    PostgreSQL store (``store_url`` is parametrized over both); processes a test starts find
    it there, as a clinic's desks would."""
    monkeypatch.setenv(store.ENV, store_url)


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(rate_limit=0) as server:
        yield server


@pytest.fixture
def make_context(tmp_path: Path) -> Iterator[Callable[[str, str], AppContext]]:
    contexts: list[AppContext] = []

    def make(base_url: str, api_key: str) -> AppContext:
        ctx = AppContext(Paths.resolve(tmp_path / "profile"), use_keyring=False)
        ctx.connect("huskyvoice", "Clinic", base_url, api_key)
        contexts.append(ctx)
        return ctx

    yield make
    for ctx in contexts:
        ctx.close()
