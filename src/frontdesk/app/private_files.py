"""Patient data at rest: the profile's folders and files are the user's own, whatever the umask.

A profile's folders (data, config, logs, and any folder FrontDesk creates on the way to them)
are 0700 and every file in them 0600 on macOS and Linux: the cache (SQLite makes its
``-wal``/``-shm``/``-journal`` files with the database file's mode, so the file is made 0600
before SQLite first opens it), the logs, the settings, the credentials fallback file, the desk
lock, the copies made before a migration. An existing profile with looser modes is tightened
when it is opened (:func:`tighten`). A file created for the user elsewhere (a day sheet saved
as PDF) is made 0600 too (:func:`private_file`).

On Windows the equivalent is the folder's access list: inheritance from the parent is cut and
only the user is granted access, inherited by everything created inside (``icacls``, run once
per folder when the profile opens). Mode bits mean little there, so files are left to inherit.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

log = logging.getLogger("frontdesk.app")

DIR_MODE = 0o700
FILE_MODE = 0o600
WINDOWS = sys.platform == "win32"


def private_dir(folder: Path) -> Path:
    """``folder``, created as needed; it and every folder created on the way are the user's
    own (0700, or the user's own access list on Windows). Folders that existed above it are
    left as they were."""
    missing: list[Path] = []
    probe = folder
    while not probe.exists() and probe.parent != probe:
        missing.append(probe)
        probe = probe.parent
    for made in reversed(missing):
        with contextlib.suppress(FileExistsError):  # made meanwhile by another process
            made.mkdir(mode=DIR_MODE)
        _restrict(made, directory=True)
    _restrict(folder, directory=True)
    return folder


def private_file(path: Path) -> Path:
    """Create ``path`` empty when missing, and make it readable and writable by the user only
    (an existing file keeps its content)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
    try:
        if not WINDOWS:
            os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)
    return path


def open_private(path: Path, truncate: bool = True) -> int:
    """A file descriptor of ``path`` opened for writing, 0600 whatever the umask."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if truncate else 0)
    fd = os.open(path, flags, FILE_MODE)
    if not WINDOWS:
        os.fchmod(fd, FILE_MODE)
    return fd


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` in one step (a reader never sees half a file), 0600."""
    tmp = path.with_name(path.name + ".tmp")
    with os.fdopen(open_private(tmp), "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def tighten(folder: Path) -> int:
    """Make ``folder`` and everything in it the user's own (folders 0700, files 0600); links
    are not followed. Returns how many modes were changed (on Windows: the folder's list)."""
    if WINDOWS:
        _restrict(folder, directory=True)
        return 0
    changed = 0
    for root, dirs, files in os.walk(folder, followlinks=False):
        for name, mode in (
            [(root, DIR_MODE)]
            + [(os.path.join(root, d), DIR_MODE) for d in dirs]
            + [(os.path.join(root, f), FILE_MODE) for f in files]
        ):
            changed += _chmod(Path(name), mode)
    return changed


def keep_logs_private(logger: logging.Logger) -> None:
    """Make the files ``logger``'s rotating handlers write 0600, now and after each rotation
    (the handler's documented ``rotator`` hook: the file it opens next exists already, 0600)."""
    for handler in logger.handlers:
        if isinstance(handler, logging.handlers.BaseRotatingHandler):
            private_file(Path(handler.baseFilename))
            handler.rotator = _rotate_privately


def _rotate_privately(source: str, dest: str) -> None:
    if os.path.exists(source):
        os.replace(source, dest)
    private_file(Path(source))


def _chmod(path: Path, mode: int) -> int:
    try:
        found = path.lstat()
    except FileNotFoundError:  # gone meanwhile (a -shm file of a closing connection)
        return 0
    if stat.S_ISLNK(found.st_mode) or stat.S_IMODE(found.st_mode) == mode:
        return 0
    if found.st_uid != os.getuid():  # not ours to change (a shared folder); said, not fatal
        log.warning("%s belongs to another user; its mode is left as it is", path.name)
        return 0
    try:
        os.chmod(path, mode)
    except OSError as exc:
        log.warning("%s could not be made private: %s", path.name, exc.strerror)
        return 0
    return 1


def _restrict(path: Path, directory: bool) -> None:
    if not WINDOWS:
        _chmod(path, DIR_MODE if directory else FILE_MODE)
        return
    _windows_own_acl(path, directory)  # pragma: no cover - Windows only


def _windows_own_acl(path: Path, directory: bool) -> None:  # pragma: no cover - Windows only
    """Cut ``path``'s inherited access and grant only this user full control, inherited by
    files and folders made inside (``icacls /inheritance:r /grant:r``)."""
    user = os.environ.get("USERNAME")
    if not user:
        log.warning("no user name; %s keeps its inherited access list", path.name)
        return
    domain = os.environ.get("USERDOMAIN")
    who = f"{domain}\\{user}" if domain else user
    grant = f"{who}:(OI)(CI)F" if directory else f"{who}:F"
    try:
        done = subprocess.run(
            ["icacls", str(path), "/inheritance:r", "/grant:r", grant, "/Q"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("icacls could not restrict %s: %s", path.name, exc)
        return
    if done.returncode != 0:
        log.warning("icacls could not restrict %s: %s", path.name, done.stderr.strip())


def write_whole(path: Path, data: bytes, error: type[Exception]) -> Path:
    """Write ``data`` to ``path`` whole (a half-written file never replaces an older one),
    readable and writable by its owner only whatever mode an older file had; a failure is
    raised as ``error`` naming the ``-o`` file."""
    target = path.expanduser().absolute()
    try:
        found = os.lstat(target)
    except FileNotFoundError:
        found = None
    except OSError as exc:
        raise error(f"-o: cannot write {target}: {exc.strerror}") from exc
    if found is not None and not stat.S_ISREG(found.st_mode):  # never replaced by a file
        raise error(
            f"-o: {target} is not a plain file (a folder, a device or a link); give the name "
            "of a file to write"
        )
    try:
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".part"
        )
    except OSError as exc:
        raise error(f"-o: cannot write in {target.parent}: {exc.strerror}") from exc
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise error(f"-o: cannot write {target}: {exc.strerror}") from exc
    return target
