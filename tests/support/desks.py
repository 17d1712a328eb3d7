"""Two desks of one clinic on a throwaway PostgreSQL database: desk A connected to a
HuskyVoice sandbox and pulled, desk B on the same store (with the API key too when asked,
else it books nothing itself and only shows the clinic's calendar)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.sandbox import SandboxServer
from support.postgres import Cluster


@contextmanager
def two_desks(
    postgres: Cluster, folder: Path, *, b_keyed: bool = False
) -> Iterator[tuple[AppContext, AppContext]]:
    url = postgres.new_database()
    with SandboxServer(rate_limit=0) as sandbox:
        a = AppContext(Paths.resolve(folder / "a"), use_keyring=False, database_url=url)
        record = a.connect("huskyvoice", "Clinic", sandbox.base_url, sandbox.api_key)
        a.engine.pull(record.id)
        b = AppContext(Paths.resolve(folder / "b"), use_keyring=False, database_url=url)
        if b_keyed:  # B may book too
            b.credentials.set(record.id, sandbox.api_key, allow_file=True)
            b.reload_connectors()
        try:
            yield a, b
        finally:
            a.close()
            b.close()
