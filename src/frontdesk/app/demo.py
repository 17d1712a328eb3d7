"""The demo clinic: the HuskyVoice sandbox in-process on a free loopback port, seeded with a
week of bookings, and a profile connected to it."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.domain.timeutil import utc_now
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.seeding import seed_week

log = logging.getLogger("frontdesk.app")

DEMO_CONNECTION = "Demo clinic (HuskyVoice sandbox)"


class Demo:
    """A running demo: the sandbox server and the app context wired to it."""

    def __init__(self, profile_dir: Path | None = None, rate_limit: int = 60) -> None:
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        if profile_dir is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="frontdesk-demo-")
            profile_dir = Path(self._tmp.name)
        self.server = SandboxServer(rate_limit=rate_limit).start()
        # a week of bookings from today on (the sandbox only books in the future)
        seed_week(self.server.state, utc_now().date(), count=60, rng_seed=7)
        self.context = AppContext(Paths.resolve(profile_dir), use_keyring=False)
        existing = self.context.repo.connection_by_name(DEMO_CONNECTION)
        if existing is None:
            self.context.connect(
                "huskyvoice", DEMO_CONNECTION, self.server.base_url, self.server.api_key
            )
        else:  # a kept demo profile: point it at this run's sandbox
            from dataclasses import replace

            self.context.repo.update_connection(replace(existing, base_url=self.server.base_url))
            self.context.credentials.set(existing.id, self.server.api_key)
            self.context.reload_connectors()

    def pull(self) -> None:
        for cid in list(self.context.connectors):
            self.context.engine.pull(cid)

    def close(self) -> None:
        self.context.close()
        self.server.stop()
        if self._tmp is not None:
            self._tmp.cleanup()
