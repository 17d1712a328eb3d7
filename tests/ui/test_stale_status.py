"""The status bar says which part of a connection's cache its last refresh could not read: a
HuskyVoice sandbox fails one day's availability in a refresh; the connection's label names the
stale openings and its tooltip the day and since when; once the next cycle reads it, both go."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from frontdesk.app.changes import ChangeRecord
from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.app.sync_runner import Health, SyncRunner
from frontdesk.domain import dates
from frontdesk.domain.timeutil import to_local
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.fault_spec import FaultSpec
from frontdesk.ui.status_bar import ConnectionStatusBar

ZONE = "Europe/London"


class Told:
    """The runner's reports, as the desk's worker would pass them on."""

    def __init__(self, bar: ConnectionStatusBar) -> None:
        self.bar = bar

    def changed(self, record: ChangeRecord) -> None:
        pass

    def health(self, health: Health) -> None:
        self.bar.set_health(health)

    def busy(self, busy: bool) -> None:
        pass

    def cycle_finished(self) -> None:
        pass


@pytest.fixture
def context(tmp_path: Path) -> Iterator[tuple[AppContext, SandboxServer]]:
    with SandboxServer(rate_limit=0, providers=("huskyvoice",), faults=FaultSpec()) as server:
        ctx = AppContext(Paths.resolve(tmp_path / "profile"), use_keyring=False)
        ctx.connect("huskyvoice", "Clinic", server.base_url, server.api_key)
        try:
            yield ctx, server
        finally:
            ctx.close()


def test_the_stale_day_is_named_until_it_is_read_again(
    qtbot,
    context: tuple[AppContext, SandboxServer],  # type: ignore[no-untyped-def]
) -> None:
    ctx, server = context
    cid = ctx.connections()[0].id
    bar = ConnectionStatusBar(ctx)
    qtbot.addWidget(bar)
    runner = SyncRunner(ctx, Told(bar))
    runner.cycle()
    label = bar.connection_labels[cid]
    assert "not refreshed" not in label.text() and "could not" not in label.toolTip()

    today = to_local(ctx.engine.clock(), ZONE).date()
    failing = today + timedelta(days=5)  # the 7th day read: yesterday first
    server.injectors["huskyvoice"].script([None] * 8 + ["5xx"])
    runner.loop().forced_pull_s = 0
    runner.cycle(forced=True)
    assert "openings of 1 day not refreshed" in label.text()
    tip = label.toolTip()
    assert f"Openings of {dates.short_day(failing)} could not be refreshed since" in tip
    assert "read again at the next sync" in tip
    if shots := os.environ.get("FRONTDESK_SHOT_DIR"):  # CI keeps it; a person looks at it
        bar.resize(1000, bar.sizeHint().height())
        Path(shots).mkdir(parents=True, exist_ok=True)
        bar.grab().save(str(Path(shots) / "status-bar-stale.png"))

    runner.loop().forced_pull_s = 15
    runner.cycle()  # the next cycle reads that day again
    assert "not refreshed" not in label.text() and "could not" not in label.toolTip()
