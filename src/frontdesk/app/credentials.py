"""API keys: in the OS keyring, never in the database, settings or logs.

Never silently elsewhere:

- A machine with **no keyring backend at all** keeps keys in a file only the user may read
  (0600, ``credentials.json`` in the profile's config folder), and says so at every start
  (``warning``) until a keyring is installed: keys found in the file then move into it.
- A keyring that **refuses** (locked, failing) raises :class:`KeyringUnavailable`, saying what
  happened; the key goes to the file only when the person agreed (``allow_file=True``: the
  CLI's ``--allow-key-file`` or its prompt, the desk's dialog). A key kept there is stated at
  every start too, and moved into the keyring once it works.
- A credentials file that cannot be read is :class:`CredentialsFileError`, naming the file and
  what to do, never a traceback, and never overwritten (other keys would be lost).

A caller that chooses the file itself (``use_keyring=False``: the demo's sandbox keys, tests)
gets no warning: nothing is wrong to fix.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from frontdesk.app.private_files import private_dir, write_private
from frontdesk.domain.sensitive import remember
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, both, translate

SERVICE = "FrontDesk"
CACHE_KEY_PREFIX = "cache-key:"  # the encrypted cache's key, kept beside the API keys
log = logging.getLogger("frontdesk.app")


class KeyringUnavailable(Exception):
    """The system keyring exists but refused (locked, failing); the message says what happened
    and what to do, ``reason`` only what happened ("it is locked"). Nothing was stored."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message

    @property
    def said_reason(self) -> str:
        """``reason`` in the desk's language where it is one the desk words ("it is locked",
        "it failed: …"; what failed is the backend's own name and text)."""
        from frontdesk.domain.translation import translate

        if self.reason == "it is locked":
            return translate("Store", "it is locked")
        if self.reason.startswith("it failed: "):
            what = self.reason.removeprefix("it failed: ")
            return translate("Store", "it failed: {what}").format(what=what)
        return self.reason


class CredentialsFileError(Exception):
    """The credentials file cannot be read; the message names it and says what to do
    (``words``: the same in the desk's language)."""

    def __init__(self, message: str, words: str | None = None) -> None:
        super().__init__(message)
        self.words = words or message


_UNREADABLE = QT_TRANSLATE_NOOP(
    "Store",
    "credentials file: {file} cannot be read ({why}). Do not delete it: it may also hold the key "
    "of this desk's encrypted cache. Put back a backup of it if there is one; otherwise move it "
    "to another folder and keep it there, then give the API keys again ('frontdesk connections "
    "edit NAME --api-key-stdin'). If the cache's key was in it, FrontDesk then says the cache "
    "cannot be opened, and what to do.",
)
_NOT_OURS = QT_TRANSLATE_NOOP("Store", "it is not the JSON FrontDesk writes")


if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

NO_KEYRING = "none"
MEMORY_FILE = "keyring-backend.json"  # beside the protected file: which keyring was found


def _usable(backend: KeyringBackend) -> bool:
    from keyring.backends import fail

    if isinstance(backend, fail.Keyring):
        return False
    priority = getattr(backend, "priority", 1)
    return bool(priority is None or priority > 0)


def _name(backend: KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


def _detect(memory: Path) -> bool:
    """Whether a usable system keyring exists, found by keyring's full search of every
    installed backend (about 60 ms, and the backends' imports), and remembered."""
    import keyring

    backend = keyring.get_keyring()
    usable = _usable(backend)
    try:
        private_dir(memory.parent)
        write_private(memory, json.dumps({"backend": _name(backend) if usable else NO_KEYRING}))
    except OSError:
        log.debug("which keyring was found could not be remembered")
    return usable


def _keyring_usable(memory: Path) -> bool:
    """Whether keys go to the system keyring. The keyring found at the last start is asked
    again directly (its backend alone loaded and checked) rather than searched for among
    every backend; a computer that had none is taken to have none still, which
    :meth:`Credentials.recheck` confirms after the desk's first paint. A keyring chosen in
    this process already (the tests', ``keyring.set_keyring``) or by the environment
    (``PYTHON_KEYRING_BACKEND``) is asked as keyring itself would."""
    core = sys.modules.get("keyring.core")
    if os.environ.get("PYTHON_KEYRING_BACKEND") or (
        core is not None and getattr(core, "_keyring_backend", None) is not None
    ):
        import keyring

        return _usable(keyring.get_keyring())
    try:
        remembered = json.loads(memory.read_text(encoding="utf-8")).get("backend")
    except (OSError, ValueError, AttributeError):
        remembered = None
    if remembered == NO_KEYRING:
        return False
    if isinstance(remembered, str):
        import keyring
        import keyring.core

        try:
            backend = keyring.core.load_keyring(remembered)  # raises where no longer viable
        except Exception:
            log.info("the keyring found at the last start is gone: looking for one again")
        else:
            if _usable(backend):
                keyring.set_keyring(backend)
                return True
    return _detect(memory)


def _why(exc: BaseException) -> str:
    """What the keyring's refusal means, in words (never the key: keyring errors hold none)."""
    import keyring.errors

    if isinstance(exc, keyring.errors.KeyringLocked):
        return "it is locked"
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"it failed: {type(exc).__name__}" + (f" ({text})" if text else "")


class Credentials:
    def __init__(self, fallback_file: Path, use_keyring: bool | None = None) -> None:
        self.fallback_file = fallback_file
        self._memory = fallback_file.with_name(MEMORY_FILE)
        self.has_keyring = _keyring_usable(self._memory) if use_keyring is None else use_keyring
        self._file_chosen = use_keyring is False  # by the caller: nothing to fix or to say

    def recheck(self) -> bool:
        """Search every keyring backend again where the last start had found none (off the
        GUI thread, after the first paint: it takes a while); True when one exists now, which
        the next start uses (the keys in the protected file then move into it)."""
        if self.has_keyring or self._file_chosen:
            return False
        found = _detect(self._memory)
        if found:
            log.info("a system keyring is available now: FrontDesk uses it from the next start")
        return found

    @property
    def use_keyring(self) -> bool:
        """Whether keys go to the system keyring (else to the protected file)."""
        return self.has_keyring

    @property
    def warning(self) -> str | None:
        """What to say at every start while keys are (or would be) kept in the file."""
        if self._file_chosen:
            return None
        if not self.has_keyring:
            return (
                "No system keyring is available on this computer: API keys and the cache's "
                f"key are kept in {self.fallback_file}, readable only by this user account. "
                "Install a keyring (the desktop's secret service) to keep them there instead."
            )
        try:
            names = list(self._read_file())
        except CredentialsFileError as exc:
            return str(exc)
        kept = sum(1 for n in names if not n.startswith(CACHE_KEY_PREFIX))
        what = [f"{kept} API key{'s' if kept > 1 else ''}"] if kept else []
        if len(names) > kept:
            what.append("the cache's key")
        if what:
            verb = "are" if kept > 1 or len(what) > 1 else "is"
            return (
                f"{' and '.join(what)} {verb} kept in {self.fallback_file} "
                "(readable only by this user account), not in the system keyring, which "
                "refused when it was saved; it moves into the keyring once the keyring works."
            )
        return None

    def set(self, connection_id: str, api_key: str, allow_file: bool = False) -> str:
        """Keep ``api_key``; returns where ("keyring" or "file"). Raises
        :class:`KeyringUnavailable` when the keyring refuses and ``allow_file`` is False."""
        remember(api_key)  # never logged: masked wherever a log shows it (read: app.connections)
        if self.has_keyring:
            import keyring

            try:
                keyring.set_password(SERVICE, connection_id, api_key)
            except Exception as exc:  # any backend's failure: said, never silent
                if not allow_file:
                    raise KeyringUnavailable(
                        f"api-key: the system keyring did not take the key: {_why(exc)}. "
                        "Unlock it (or fix it) and try again, or agree to keep the key in "
                        f"{self.fallback_file}, readable only by this user account. "
                        "Nothing was saved.",
                        _why(exc),
                    ) from exc
                log.warning("keyring refused a key (%s); kept in the protected file", _why(exc))
            else:
                self._drop_from_file(connection_id)
                return "keyring"
        keys = self._read_file()
        keys[connection_id] = api_key
        self._write_file(keys)
        return "file"

    def get(self, connection_id: str) -> str | None:
        """The key of ``connection_id``, None when none is kept. Raises
        :class:`KeyringUnavailable` when the keyring cannot be read and the file has none."""
        if not self.has_keyring:
            return self._read_file().get(connection_id)
        import keyring

        try:
            found = keyring.get_password(SERVICE, connection_id)
        except Exception as exc:  # locked or failing
            in_file = self._read_file().get(connection_id)  # kept there with consent
            if in_file is not None:
                return in_file
            raise KeyringUnavailable(
                f"api-key: the system keyring could not be read: {_why(exc)}. Unlock it, "
                "then sync again.",
                _why(exc),
            ) from exc
        if found is not None:
            return found
        in_file = self._read_file().get(connection_id)
        if in_file is not None:  # agreed to earlier: into the keyring now that it works
            try:
                keyring.set_password(SERVICE, connection_id, in_file)
            except Exception:
                log.info("a key kept in the protected file stays there: the keyring refused")
            else:
                self._drop_from_file(connection_id)
                log.info("a key kept in the protected file moved into the system keyring")
        return in_file

    def has(self, connection_id: str) -> bool | None:
        """Whether a key is kept for ``connection_id``; None when that cannot be told."""
        try:
            return self.get(connection_id) is not None
        except (KeyringUnavailable, CredentialsFileError):
            return None

    def delete(self, connection_id: str) -> None:
        """Forget the key wherever it is kept (the keyring and the file)."""
        if self.has_keyring:
            import keyring
            import keyring.errors

            try:
                keyring.delete_password(SERVICE, connection_id)
            except keyring.errors.PasswordDeleteError:
                pass  # none there
            except Exception as exc:
                raise KeyringUnavailable(
                    f"api-key: the system keyring did not let the key be deleted: {_why(exc)}. "
                    "Unlock it and try again.",
                    _why(exc),
                ) from exc
        self._drop_from_file(connection_id)

    # -- the protected file ------------------------------------------------------------
    def _read_file(self) -> dict[str, str]:
        try:
            text = self.fallback_file.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError) as exc:
            why = str(getattr(exc, "strerror", None) or exc)  # the system's words
            raise self._unreadable(why, why) from exc
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise self._unreadable(_NOT_OURS, translate("Store", _NOT_OURS)) from exc
        if not isinstance(data, dict):
            raise self._unreadable(_NOT_OURS, translate("Store", _NOT_OURS))
        return {str(k): str(v) for k, v in data.items()}

    def _unreadable(self, why: str, why_words: str) -> CredentialsFileError:
        english, _ = both("Store", _UNREADABLE, file=self.fallback_file, why=why)
        said = translate("Store", _UNREADABLE).format(file=self.fallback_file, why=why_words)
        return CredentialsFileError(english, said)

    def _drop_from_file(self, connection_id: str) -> None:
        if not self.fallback_file.exists():
            return
        try:
            keys = self._read_file()
        except CredentialsFileError as exc:  # no key of ours can be read from it either
            log.warning("%s", exc)
            return
        if keys.pop(connection_id, None) is not None:
            self._write_file(keys)

    def _write_file(self, keys: dict[str, str]) -> None:
        private_dir(self.fallback_file.parent)
        write_private(self.fallback_file, json.dumps(keys))
