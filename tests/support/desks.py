"""Two desks of one clinic on a throwaway PostgreSQL database: desk A connected to a
HuskyVoice sandbox and pulled, desk B on the same store (with the API key too when asked,
else it books nothing itself and only shows the clinic's calendar)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.sandbox import SandboxServer
from support.postgres import Cluster

if TYPE_CHECKING:
    from frontdesk.app.demo import Demo
    from frontdesk.ui.main_window import MainWindow


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


def module_desk(demo: Demo) -> Iterator[MainWindow]:
    """A shown desk on ``demo`` with no sync worker, its dialogs closed after (the body of a
    module-scoped ``desk`` fixture)."""
    from frontdesk.ui.main_window import MainWindow

    main = MainWindow(demo.context, sync_interval_ms=3_600_000, start_sync=False)
    main.resize(1400, 860)
    main.show()
    try:
        yield main
    finally:
        for dialog in list(main.open_dialogs) + list(main.actions_.dialogs):
            dialog.done(0)
        main.close()
        main.deleteLater()
