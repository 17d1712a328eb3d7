"""``frontdesk sandbox``: serve the emulated booking APIs on loopback (``sandbox.server``).

Owns the command's arguments and what it says when it cannot run: a port or host it cannot
listen on, a ``--clinic`` file that cannot be read or holds a wrong field, an unknown
provider, a wrong ``--faults``. Each is one line naming the option (and the clinic file's
field), exit 2; never a traceback. The sandbox itself is imported only when the command runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

MAX_PORT = 65535


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= value <= MAX_PORT:
        raise argparse.ArgumentTypeError(f"{value} is not a port (0 to {MAX_PORT}; 0 = free ones)")
    return value


def _rate(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value}: use 0 (off) or more requests a minute")
    return value


def add_parser(sub: Any) -> None:
    sb = sub.add_parser("sandbox", help="serve the emulated booking APIs on loopback")
    sb.add_argument("--host", default="127.0.0.1")
    sb.add_argument(
        "--port",
        type=_port,
        default=0,
        help="the first API's port, the next ones on the ports after it; 0 picks free ports",
    )
    sb.add_argument("--rate-limit", type=_rate, default=60, help="requests/minute per key, 0 = off")
    sb.add_argument("--clinic", type=Path, help="a HuskyVoice clinic fixture JSON")
    sb.add_argument(
        "--provider",
        action="append",
        default=[],
        metavar="NAME",
        help="serve only this API (repeatable); default: all of them",
    )
    sb.add_argument(
        "--faults",
        metavar="SPEC",
        default=None,
        help="inject faults into every API, e.g. "
        "'5xx=0.05,429=0.05,reset=0.03,slow=0.02,late=0.02,drop=0.05,garbage=0.02,seed=7': "
        "per-request rates of 503s, 429s with Retry-After (retry_after=S seconds; every other "
        "one as an HTTP date), connections cut before the work (reset), slow answers and "
        "answers late after the work (slow_s=S), answers cut after the work is committed "
        "(drop), and HTML instead of JSON (garbage); seed=N replays a run",
    )


def run(args: argparse.Namespace) -> int:
    """Serve until SIGINT or SIGTERM (exit 0); 2 with one line when it cannot."""
    from frontdesk.sandbox.fault_spec import FaultSpec, FaultSpecError
    from frontdesk.sandbox.huskyvoice.clinic_file import ClinicFileError
    from frontdesk.sandbox.registry import EMULATORS
    from frontdesk.sandbox.server import ListenError, run_forever

    def refuse(line: str) -> int:
        print(f"frontdesk sandbox: {line}", file=sys.stderr)
        return 2

    unknown = [name for name in args.provider if name not in EMULATORS]
    if unknown:
        known = ", ".join(EMULATORS)
        return refuse(f"--provider: unknown provider {unknown[0]!r}; the sandbox serves {known}")
    try:
        faults = FaultSpec.parse(args.faults) if args.faults else None
    except FaultSpecError as exc:
        return refuse(str(exc))
    try:
        run_forever(args.host, args.port, args.rate_limit, args.clinic, args.provider, faults)
    except ClinicFileError as exc:
        return refuse(f"--clinic {args.clinic}: {exc}")
    except ListenError as exc:
        if exc.option == "host":
            return refuse(f"--host: {exc}; use 127.0.0.1 (or another address of this computer)")
        served = len(args.provider or EMULATORS)
        where = f"APIs listen on {args.port} and the {served - 1} ports after it"
        where = where if served > 1 else f"API listens on {args.port}"
        return refuse(f"--port: {exc}; the {where}: give another --port, or 0 for free ones")
    return 0
