"""Code signing for the installers: Authenticode on Windows (``signtool``), Developer ID
signing, notarization and stapling on macOS (``macos/sign_and_notarize.sh``).

A **release build** (``build.py windows|macos --release``; the release workflow passes it on a
tag) must be signed: a missing secret fails it, naming the secret, before anything is built.
Any other build (CI, a local or a fork's build) signs when the secrets are set and otherwise
says that it leaves the files unsigned, and which secrets are not set.

Windows reads, from the environment:

- ``WINDOWS_CERT_PFX``: the code-signing certificate and its key, a ``.pfx`` file, base64;
- ``WINDOWS_CERT_PASSWORD``: its password;
- optional ``WINDOWS_TIMESTAMP_URL``: an RFC 3161 timestamp server (default below).

The ``.pfx`` is decoded into a private temporary folder for as long as the signing lasts and
removed after. Each file is signed with SHA-256 and an RFC 3161 timestamp (``signtool sign /fd
SHA256 /tr URL /td SHA256``), then verified under the default Authenticode policy (``signtool
verify /pa``). macOS's secrets are listed at the top of the script, which checks them itself.

Only the standard library.
"""

from __future__ import annotations

import base64
import binascii
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAC_SCRIPT = HERE / "macos" / "sign_and_notarize.sh"
WINDOWS_SECRETS = ("WINDOWS_CERT_PFX", "WINDOWS_CERT_PASSWORD")
TIMESTAMP_URL = "http://timestamp.digicert.com"
DESCRIPTION = "FrontDesk"  # what Windows shows as the signed program's name

Signer = Callable[[Sequence[Path]], None]


class SigningError(RuntimeError):
    """Signing could not be done, or a release would be unsigned; the message says why."""


def missing(names: Sequence[str]) -> list[str]:
    """The secrets among ``names`` that are not set (or empty) in the environment."""
    return [name for name in names if not os.environ.get(name)]


def check(target: str) -> None:
    """Raise unless every secret a release of ``target`` is signed with is set."""
    if target == "windows":
        absent = missing(WINDOWS_SECRETS)
        if absent:
            raise SigningError(
                "a release must be Authenticode-signed, and these secrets are not set: "
                + " ".join(absent)
            )
    elif target == "macos":
        result = subprocess.run(
            ["bash", str(MAC_SCRIPT), "--release", "check"],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            said = result.stderr.strip() or f"exit code {result.returncode}"
            raise SigningError(said.removeprefix("sign_and_notarize: "))


def _run(cmd: Sequence[str], hide: Sequence[str] = ()) -> None:
    shown = " ".join("***" if part in hide else part for part in cmd)
    print("$", shown, flush=True)
    result = subprocess.run(list(cmd), check=False)
    if result.returncode != 0:
        raise SigningError(f"{Path(cmd[0]).name} failed with exit code {result.returncode}")


# -- macOS -----------------------------------------------------------------------------------
def mac_sign(kind: str, path: Path, *, release: bool) -> None:
    """``app``: sign, notarize and staple the .app; ``dmg``: the same for the DMG. Outside a
    release, without the secrets, the script says it skips."""
    _run(["bash", str(MAC_SCRIPT), *(["--release"] if release else []), kind, str(path)])


# -- Windows ---------------------------------------------------------------------------------
def find_signtool() -> str | None:
    """``signtool`` on PATH, else the newest one of an installed Windows SDK."""
    found = shutil.which("signtool")
    if found:
        return found
    base = os.environ.get("PROGRAMFILES(X86)")
    if not base:
        return None
    kits = sorted(
        (Path(base) / "Windows Kits" / "10" / "bin").glob("10.*/x64/signtool.exe"),
        key=lambda path: tuple(int(n) for n in path.parent.parent.name.split(".") if n.isdigit()),
    )
    return str(kits[-1]) if kits else None


def _certificate() -> bytes:
    text = "".join(os.environ["WINDOWS_CERT_PFX"].split())  # base64 tools wrap lines
    try:
        return base64.b64decode(text, validate=True)
    except binascii.Error as exc:
        raise SigningError(f"WINDOWS_CERT_PFX is not base64 ({exc}): encode the .pfx") from exc


@contextmanager
def authenticode(*, release: bool) -> Iterator[Signer]:
    """A function that Authenticode-signs and verifies files, usable inside the block (the
    certificate is removed when it ends); without the secrets outside a release, one that says
    the files stay unsigned. A release without them raises :class:`SigningError`."""
    absent = missing(WINDOWS_SECRETS)
    if absent:
        if release:
            check("windows")  # raises, naming them

        def skip(paths: Sequence[Path]) -> None:
            names = ", ".join(path.name for path in paths)
            print(
                f"signing: not a release build, Authenticode signing skipped: {names} stay "
                f"unsigned (not set: {' '.join(absent)})",
                flush=True,
            )

        yield skip
        return
    signtool = find_signtool()
    if signtool is None:
        raise SigningError("signtool not found: install the Windows SDK (its Signing Tools)")
    password = os.environ["WINDOWS_CERT_PASSWORD"]
    url = os.environ.get("WINDOWS_TIMESTAMP_URL") or TIMESTAMP_URL
    with tempfile.TemporaryDirectory(prefix="frontdesk-signing-") as folder:
        pfx = Path(folder) / "certificate.pfx"
        pfx.touch(mode=0o600)
        pfx.write_bytes(_certificate())

        def sign(paths: Sequence[Path]) -> None:
            files = [str(path) for path in paths]
            certificate = ["/f", str(pfx), "/p", password]
            digests = ["/fd", "SHA256", "/tr", url, "/td", "SHA256"]  # file; RFC 3161 stamp
            _run([signtool, "sign", *certificate, *digests, "/d", DESCRIPTION, *files], [password])
            _run([signtool, "verify", "/pa", "/v", *files])
            print(f"signed: {', '.join(path.name for path in paths)}", flush=True)

        yield sign


def main(argv: list[str]) -> int:
    """``signing.py check windows|macos``: exit 1 naming the secrets a release lacks."""
    if len(argv) != 2 or argv[0] != "check" or argv[1] not in ("windows", "macos"):
        print("usage: signing.py check windows|macos", file=sys.stderr)
        return 2
    try:
        check(argv[1])
    except SigningError as exc:
        print(f"signing: {exc}", file=sys.stderr)
        return 1
    print(f"signing: the {argv[1]} signing secrets are set")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
