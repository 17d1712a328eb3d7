"""Build, smoke-test and package the FrontDesk desk: the one entry point for every platform.

    python packaging/build.py linux|windows|macos [--release] [--dist DIR] [--work DIR]
    python packaging/build.py smoke EXECUTABLE [--windowed] [--version X.Y.Z]
    python packaging/build.py nsis [--program-dir DIR] [--out FILE]

A platform target renders the icons (``icons.py``), freezes the app with PyInstaller
(``frontdesk.spec``, onedir), smoke-tests the frozen executable and prints the bundle's size.
Then ``windows`` Authenticode-signs the two executables, compiles the NSIS installer
(``windows/frontdesk.nsi``) over them and signs the installer; ``macos`` signs, notarizes and
staples the app, makes the DMG of it and signs, notarizes and staples the DMG (``macos/``).
With ``--release`` (the release workflow's tag builds) signing is required: a missing secret
fails the build before anything is frozen; without it, signing is skipped, and said to be,
when the secrets are not set (``signing.py``). Every artifact gets a ``.sha256`` file beside it.

The smoke test runs ``<app> --version`` (must print the pyproject version, so the package
metadata made it into the bundle) and ``<app> --demo --smoke-test --profile-dir <tmp>``: the
frozen app migrates a new database with Alembic, starts the sandbox (uvicorn) in-process, pulls
the demo clinic and builds the main window and the About dialog offscreen, which must show the
same version. It must exit 0, say so on stdout, write nothing to stderr beyond the allow-list
below, and log no ERROR. Then ``<app> connect`` runs headless (on Windows the API key must land
in Credential Manager).

``nsis`` compiles the installer script; without ``--program-dir`` it compiles it against a
stand-in program tree, which is how a Linux machine proves the script compiles (``makensis``).

Only the standard library at the top: PySide6 is imported by ``icons.py`` when icons are drawn,
PyInstaller runs as a child process.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

from signing import SigningError, authenticode, mac_sign
from signing import check as check_signing

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
APP_NAME = "FrontDesk"
SPEC = HERE / "frontdesk.spec"
NSIS_SCRIPT = HERE / "windows" / "frontdesk.nsi"
SMOKE_LINE = "FrontDesk smoke test: main window built"
SMOKE_TIMEOUT_S = 300
# Qt modules the desk does not use; a bundle carrying any of them has leaked (see the spec).
UNWANTED_QT = ("Qml", "Quick", "Network", "WebEngine", "3D", "Multimedia", "Pdf", "Designer")

# What the frozen app may say on stderr during a smoke test; any other line fails it.
STDERR_ALLOWED = (
    # the offscreen platform cannot pass size hints to a window manager
    re.compile(r"This plugin does not support propagateSizeHints\(\)"),
    # a machine without a keyring backend: keys go to a protected file, said plainly
    re.compile(r"No system keyring is available on this computer"),
)


class BuildError(RuntimeError):
    """A step failed; the message says which and why."""


@dataclass(frozen=True)
class Layout:
    """Where a target's frozen app lives and how to run it."""

    bundle: Path  # the folder (or .app) that ships
    executable: Path  # what the shortcuts open
    cli: Path | None  # the console twin, where the main one is windowed (Windows)


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def project_version() -> str:
    """The version in pyproject.toml, checked against the installed package's metadata."""
    version = pyproject_version()
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        installed = installed_version("frontdesk")
    except PackageNotFoundError as exc:
        raise BuildError("frontdesk is not installed in this environment: run `uv sync`") from exc
    if installed != version:
        raise BuildError(
            f"the installed frontdesk is {installed} but pyproject.toml says {version}: "
            "run `uv sync` so the bundle carries the right metadata"
        )
    return version


def machine() -> str:
    """The CPU architecture as installers name it."""
    arch = platform.machine().lower()
    if arch in ("amd64", "x86_64"):
        return "x64" if sys.platform == "win32" else "x86_64"
    if arch in ("arm64", "aarch64"):
        return "arm64"
    return arch


def windows_file_version(version: str) -> str:
    """``0.1.0`` → ``0.1.0.0``: Windows version resources want four numbers."""
    numbers = [int(part) for part in re.findall(r"\d+", version.split("+")[0])[:4]]
    return ".".join(str(n) for n in [*numbers, 0, 0, 0, 0][:4])


def layout(target: str, dist: Path) -> Layout:
    if target == "macos":
        app = dist / f"{APP_NAME}.app"
        return Layout(app, app / "Contents" / "MacOS" / APP_NAME, None)
    bundle = dist / APP_NAME
    if target == "windows":
        return Layout(bundle, bundle / f"{APP_NAME}.exe", bundle / "frontdesk-cli.exe")
    return Layout(bundle, bundle / APP_NAME, None)


def tree_size(path: Path) -> int:
    """Bytes in the files under ``path`` (symlinks not followed, not counted twice)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def write_sha256(artifact: Path) -> Path:
    """``<artifact>.sha256`` in the format ``sha256sum -c`` reads."""
    digest = hashlib.sha256()
    with artifact.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    out = artifact.with_name(artifact.name + ".sha256")
    # "\n" even on Windows: the release job checks the sums with sha256sum on Linux
    out.write_text(f"{digest.hexdigest()}  {artifact.name}\n", encoding="utf-8", newline="\n")
    return out


def run(cmd: list[str], **kwargs: object) -> None:
    print("$", " ".join(cmd), flush=True)
    result = subprocess.run(cmd, check=False, **kwargs)  # type: ignore[call-overload]
    if result.returncode != 0:
        raise BuildError(f"{Path(cmd[0]).name} failed with exit code {result.returncode}")


# -- freezing --------------------------------------------------------------------------------
def freeze(target: str, dist: Path, work: Path, version: str) -> Layout:
    """Icons, then PyInstaller; returns where the frozen app is."""
    sys.path.insert(0, str(HERE))
    from icons import write_icons

    icons = work / "icons"
    write_icons(icons)
    from translations import release

    translations = work / "translations"
    release(translations)  # the installers carry the translations compiled
    started = time.monotonic()
    run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(SPEC),
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work / "pyinstaller"),
            "--",
            "--target",
            target,
            "--icons",
            str(icons),
            "--version",
            version,
            "--translations",
            str(translations),
        ],
        cwd=ROOT,
    )
    where = layout(target, dist)
    if not where.executable.exists():
        raise BuildError(f"PyInstaller did not produce {where.executable}")
    print(f"frozen in {time.monotonic() - started:.0f} s: {where.bundle}")
    check_bundle(where, target)
    return where


def check_bundle(where: Layout, target: str) -> None:
    """The files the app finds by path are where it looks for them."""
    base = where.bundle
    if target == "macos":
        base = where.bundle / "Contents" / "Resources"
    else:
        base = where.bundle / "_internal"
    required = [
        base / "frontdesk" / "resources" / "icons" / "frontdesk.svg",
        base / "frontdesk" / "storage" / "migrations" / "env.py",
        base / "frontdesk" / "storage" / "migrations" / "script.py.mako",
        # the desk's languages, compiled (packaging/translations.py)
        base / "frontdesk" / "translations" / "frontdesk_de.qm",
        base / "frontdesk" / "translations" / "frontdesk_hi.qm",
    ]
    missing = [str(path) for path in required if not path.exists()]
    versions = list((base / "frontdesk" / "storage" / "migrations" / "versions").glob("*.py"))
    if not versions:
        missing.append("frontdesk/storage/migrations/versions/*.py")
    if not list(base.glob("frontdesk-*.dist-info/METADATA")):
        missing.append("frontdesk-*.dist-info")
    if missing:
        raise BuildError("the bundle lacks: " + ", ".join(missing))
    names = {path.name for path in where.bundle.rglob("*")}
    unwanted = [
        module
        for module in UNWANTED_QT
        if any(
            name.startswith((f"Qt{module}", f"Qt6{module}", f"libQt6{module}")) for name in names
        )
    ]
    if unwanted:
        raise BuildError("the bundle carries unused Qt modules: " + ", ".join(unwanted))


# -- smoke test ------------------------------------------------------------------------------
def smoke(executable: Path, version: str | None, *, windowed: bool = False) -> None:
    """Run the frozen app's own checks; raise with its output if anything is off.

    ``windowed``: a Windows GUI executable, whose stdout may be absent when no console is
    attached; only its exit code and log are checked (its console twin is checked fully).
    """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
    env.pop("PYTHONPATH", None)  # the frozen app must find everything inside itself
    if version is not None and not windowed:
        shown = _run_app([str(executable), "--version"], env, timeout=60)
        if shown.returncode != 0 or shown.stdout.strip() != f"{APP_NAME} {version}":
            raise BuildError(
                f"`{executable.name} --version` said {shown.stdout.strip()!r} "
                f"(exit {shown.returncode}), expected {APP_NAME} {version!r}\n{shown.stderr}"
            )
    with tempfile.TemporaryDirectory(prefix="frontdesk-smoke-") as profile:
        started = time.monotonic()
        cmd = [str(executable), "--demo", "--smoke-test", "--profile-dir", profile]
        result = _run_app(cmd, env, timeout=SMOKE_TIMEOUT_S)
        elapsed = time.monotonic() - started
        log_file = Path(profile) / "logs" / "frontdesk.log"
        log_text = log_file.read_text(encoding="utf-8") if log_file.exists() else ""
        problems = []
        if result.returncode != 0:
            problems.append(f"exit code {result.returncode}")
        silent = windowed and not result.stdout.strip()  # a GUI exe that has no console
        if not silent and SMOKE_LINE not in result.stdout:
            problems.append(f"no {SMOKE_LINE!r} on stdout")
        about = f"About says Version {version}"
        if not silent and version is not None and about not in result.stdout:
            problems.append(f"no {about!r} on stdout (the dist-info did not make it in?)")
        unexpected = [
            line
            for line in result.stderr.splitlines()
            if line.strip() and not any(allowed.search(line) for allowed in STDERR_ALLOWED)
        ]
        if unexpected:
            problems.append("unexpected stderr:\n  " + "\n  ".join(unexpected[:40]))
        errors = [line for line in log_text.splitlines() if re.search(r" (ERROR|CRITICAL) ", line)]
        if errors:
            problems.append("errors in the log:\n  " + "\n  ".join(errors[:20]))
        if not (Path(profile) / "data" / "frontdesk.sqlite3").exists():
            problems.append("no database was created (migrations did not run)")
        if problems:
            raise BuildError(
                f"smoke test of {executable} failed: " + "; ".join(problems) + "\n--- stdout\n"
                f"{result.stdout}\n--- stderr\n{result.stderr}\n--- log\n{log_text}"
            )
    print(f"smoke test passed in {elapsed:.1f} s: {executable}")


def _run_app(cmd: list[str], env: dict[str, str], timeout: int) -> subprocess.CompletedProcess[str]:
    print("$", " ".join(cmd), flush=True)
    try:
        return subprocess.run(
            cmd,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise BuildError(f"{cmd[0]} did not finish within {timeout} s") from exc


def smoke_headless(executable: Path, *, require_keyring: bool) -> None:
    """``connect`` through the frozen CLI: a migrated database, encrypted by the bundled
    SQLCipher, the keyring backends (found through package metadata, a classic casualty of
    freezing) and JSON on stdout."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    env.pop("PYTHONPATH", None)
    with tempfile.TemporaryDirectory(prefix="frontdesk-cli-") as profile:
        cmd = [str(executable), "--profile-dir", profile, "connect", "huskyvoice"]
        cmd += ["--name", "Smoke test", "--base-url", "http://127.0.0.1:9/v1"]
        cmd += ["--api-key", "sk_test_smoke"]
        result = _run_app(cmd, env, timeout=120)
        try:
            connection_id = str(json.loads(result.stdout)["id"])
        except (ValueError, KeyError, TypeError):
            connection_id = ""
        cache = Path(profile) / "data" / "frontdesk.sqlite3"
        migrated = cache.exists()
        # encrypted by the bundled SQLCipher: no SQLite header, a random salt instead
        encrypted = migrated and not cache.read_bytes()[:16].startswith(b"SQLite format 3")
        if result.returncode != 0 or not connection_id or not migrated or not encrypted:
            raise BuildError(
                f"`{executable.name} connect` failed (exit {result.returncode})\n"
                f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
            )
        fallback = "No system keyring is available" in result.stderr
        if fallback and require_keyring:
            raise BuildError(f"the frozen app found no keyring backend:\n{result.stderr}")
        if not fallback:
            _forget_key(connection_id)
            _forget_key(f"cache-key:{cache.resolve()}")  # app.cache_key.key_name
    where = "a protected file (no keyring on this machine)" if fallback else "the OS keyring"
    print(f"headless command passed, API key stored in {where}: {executable}")


def smoke_sync_worker(executable: Path) -> None:
    """The desk's sync worker as the frozen desk starts it (``app/sync_wire.worker_command``:
    the bundle's executable, on Windows its console twin, with the hidden ``sync-worker``): told
    a fresh profile on stdin, it opens it, says it is ready on stdout, and ends when its stdin
    closes, as it does when the desk ends."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    env.pop("PYTHONPATH", None)
    with tempfile.TemporaryDirectory(prefix="frontdesk-worker-") as profile:
        root = Path(profile)
        paths = {k: str(root / k) for k in ("data", "config", "logs")}
        opening = {"do": "open", "paths": paths, "use_keyring": False, "interval_s": 30}
        for folder in paths.values():
            Path(folder).mkdir(mode=0o700)
        cmd = [str(executable), "sync-worker"]
        print("$", " ".join(cmd), flush=True)
        try:
            result = subprocess.run(
                cmd,
                env=env,
                input=json.dumps(opening) + "\n",  # then stdin closes: the desk is gone
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=120,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise BuildError(f"{cmd[0]} sync-worker did not end when its stdin closed") from exc
        said = [line for line in result.stdout.splitlines() if line.strip()]
        events = []
        for line in said:
            try:
                events.append(json.loads(line).get("event"))
            except (ValueError, AttributeError):
                events.append(None)  # a stray line on the worker's pipe breaks the desk
        if result.returncode != 0 or "ready" not in events or None in events:
            raise BuildError(
                f"`{executable.name} sync-worker` failed (exit {result.returncode}, said "
                f"{events})\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
            )
    print(f"sync worker passed: {executable} sync-worker")


def _forget_key(connection_id: str) -> None:
    """Take the smoke test's key out of this machine's keyring again."""
    try:
        import keyring

        keyring.delete_password(APP_NAME, connection_id)
    except Exception as exc:  # a leftover test key is untidy, not a failed build
        print(f"note: could not remove the smoke test's key from the keyring: {exc}")


def smoke_layout(where: Layout, version: str) -> None:
    if where.cli is not None:  # Windows: the console twin says everything, the GUI exe exits 0
        smoke(where.cli, version)
        smoke(where.executable, version, windowed=True)
    else:
        smoke(where.executable, version)
    smoke_headless(where.cli or where.executable, require_keyring=sys.platform == "win32")
    smoke_sync_worker(where.cli or where.executable)


# -- Windows: NSIS ---------------------------------------------------------------------------
def package_windows(where: Layout, dist: Path, version: str, icon: Path, *, release: bool) -> Path:
    """The executables Authenticode-signed, the installer compiled over them, then signed."""
    setup = dist / f"{APP_NAME}-{version}-windows-{machine()}-setup.exe"
    with authenticode(release=release) as sign:
        sign([where.executable, *([where.cli] if where.cli else [])])
        compile_nsis(where.bundle, setup, version, icon)
        sign([setup])
    return setup


def find_makensis() -> str | None:
    found = shutil.which("makensis")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and (Path(base) / "NSIS" / "makensis.exe").exists():
            return str(Path(base) / "NSIS" / "makensis.exe")
    return None


def compile_nsis(program_dir: Path, out: Path, version: str, icon: Path) -> Path:
    """Compile ``windows/frontdesk.nsi`` over ``program_dir`` into the installer ``out``."""
    makensis = find_makensis()
    if makensis is None:
        raise BuildError(
            "makensis not found: install NSIS (apt-get install nsis; Windows: choco install nsis)"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    # makensis takes /D before the script; on Windows it reads options with / or -
    flag = "/" if sys.platform == "win32" else "-"
    run(
        [
            makensis,
            f"{flag}V2",
            f"{flag}WX",  # a warning fails the build
            f"{flag}DVERSION={version}",
            f"{flag}DVI_VERSION={windows_file_version(version)}",
            f"{flag}DPROGRAM_DIR={program_dir.resolve()}",
            f"{flag}DOUTFILE={out.resolve()}",
            f"{flag}DICON={icon.resolve()}",
            str(NSIS_SCRIPT),
        ]
    )
    if not out.exists():
        raise BuildError(f"makensis did not write {out}")
    return out


def nsis_check(out: Path | None, program_dir: Path | None, version: str) -> Path:
    """Compile the installer script; against a stand-in program tree unless one is given."""
    sys.path.insert(0, str(HERE))
    from icons import write_icons

    with tempfile.TemporaryDirectory(prefix="frontdesk-nsis-") as tmp:
        icon = write_icons(Path(tmp) / "icons")["ico"]
        if program_dir is None:
            program_dir = Path(tmp) / "program"
            (program_dir / "_internal").mkdir(parents=True)
            for name in (f"{APP_NAME}.exe", "frontdesk-cli.exe"):
                (program_dir / name).write_bytes(b"MZ stand-in for the frozen executable\n")
            (program_dir / "_internal" / "base_library.zip").write_bytes(b"stand-in\n")
        target = out or Path(tmp) / "setup.exe"
        compile_nsis(program_dir, target, version, icon)
        print(f"installer script compiled: {megabytes(tree_size(target))}")
        return target


# -- macOS: signing and the DMG --------------------------------------------------------------
def package_macos(where: Layout, dist: Path, version: str, *, release: bool) -> Path:
    """The app signed, notarized and stapled, smoke-tested again, put in a DMG, and the DMG
    signed, notarized and stapled: the DMG holds the stapled app."""
    mac_sign("app", where.bundle, release=release)
    smoke(where.executable, version)  # signing must not have broken it
    dmg = make_dmg(where.bundle, dist / f"{APP_NAME}-{version}-macos-{machine()}.dmg", version)
    mac_sign("dmg", dmg, release=release)
    return dmg


def make_dmg(app: Path, out: Path, version: str) -> Path:
    """A compressed DMG holding the app and a link to /Applications to drag it onto."""
    hdiutil = shutil.which("hdiutil")
    if hdiutil is None:
        raise BuildError("hdiutil is missing: DMGs are made on macOS")
    with tempfile.TemporaryDirectory(prefix="frontdesk-dmg-") as tmp:
        staging = Path(tmp) / APP_NAME
        staging.mkdir()
        run(["ditto", str(app), str(staging / app.name)])  # keeps symlinks, signatures, xattrs
        (staging / "Applications").symlink_to("/Applications")
        out.unlink(missing_ok=True)
        run(
            [
                hdiutil,
                "create",
                "-volname",
                f"{APP_NAME} {version}",
                "-srcfolder",
                str(staging),
                "-fs",
                "HFS+",
                "-format",
                "UDZO",
                "-ov",
                str(out),
            ]
        )
    return out


# -- targets ---------------------------------------------------------------------------------
def build(target: str, dist: Path, work: Path, *, release: bool = False) -> list[Path]:
    """Freeze, smoke-test, package and sign ``target``; returns the artifacts made. A
    ``release`` is signed or fails (at once, when a secret is missing)."""
    host = {"linux": "linux", "win32": "windows", "darwin": "macos"}.get(sys.platform)
    if target != host:
        raise BuildError(f"{target} bundles are built on {target}; this is {sys.platform}")
    if release:
        check_signing(target)
    version = project_version()
    started = time.monotonic()
    where = freeze(target, dist, work, version)
    smoke_layout(where, version)
    print(f"bundle size: {megabytes(tree_size(where.bundle))} ({where.bundle})")
    artifacts: list[Path] = []
    if target == "windows":
        icon = work / "icons" / "frontdesk.ico"
        artifacts.append(package_windows(where, dist, version, icon, release=release))
    elif target == "macos":
        artifacts.append(package_macos(where, dist, version, release=release))
    for artifact in artifacts:
        write_sha256(artifact)
        print(f"installer: {artifact} ({megabytes(tree_size(artifact))})")
    print(f"{target} build done in {time.monotonic() - started:.0f} s")
    return artifacts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="packaging/build.py", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for target in ("linux", "windows", "macos"):
        one = sub.add_parser(target, help=f"freeze, smoke-test and package for {target}")
        one.add_argument("--dist", type=Path, default=ROOT / "dist", help="where bundles go")
        one.add_argument("--work", type=Path, default=ROOT / "build", help="scratch space")
        one.add_argument(
            "--release",
            action="store_true",
            help="a release: signed or failed (a missing signing secret fails the build)",
        )
    smoke_cmd = sub.add_parser("smoke", help="smoke-test a frozen executable")
    smoke_cmd.add_argument("executable", type=Path)
    smoke_cmd.add_argument("--windowed", action="store_true", help="a Windows GUI executable")
    smoke_cmd.add_argument("--version", help="the version it must report (default: pyproject)")
    nsis = sub.add_parser("nsis", help="compile the Windows installer script")
    nsis.add_argument("--program-dir", type=Path, help="a frozen Windows app (default: stand-in)")
    nsis.add_argument("--out", type=Path, help="the installer to write (default: discarded)")
    args = parser.parse_args(argv)
    try:
        if args.command == "smoke":
            smoke(args.executable, args.version or pyproject_version(), windowed=args.windowed)
        elif args.command == "nsis":
            nsis_check(args.out, args.program_dir, pyproject_version())
        else:
            build(args.command, args.dist.resolve(), args.work.resolve(), release=args.release)
    except (BuildError, SigningError) as exc:
        print(f"build.py: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
