"""The ``frontdesk`` entry point: a headless subcommand goes to ``cli``, the desk's own sync
worker (``sync-worker``, hidden: the desk starts it with the same executable, frozen or not) to
``cli.sync_worker``, anything else opens the desk (``ui``)."""

from __future__ import annotations

import sys

from frontdesk.cli import SUBCOMMANDS

OPTIONS_WITH_VALUES = ("--profile-dir", "--database-url")
SYNC_WORKER = "sync-worker"  # app.sync_wire.COMMAND (not imported: the desk's start stays light)


def first_positional(args: list[str]) -> str | None:
    """The first argument that is neither an option nor an option's value (``--profile-dir
    DIR``, ``--database-url URL``)."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in OPTIONS_WITH_VALUES:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == [SYNC_WORKER]:
        from frontdesk.cli.sync_worker import main as worker_main

        return worker_main(args)
    if first_positional(args) in SUBCOMMANDS:
        from frontdesk.cli.main import main as cli_main

        return cli_main(args)
    from frontdesk.ui.launch import launch

    return int(launch(args, SUBCOMMANDS))


if __name__ == "__main__":
    raise SystemExit(main())
