"""API keys: in the OS keyring, never in the database, settings or logs.

Where the machine has no keyring backend, keys go to a file readable only by the user and the
fallback is said plainly (``warning``), so clinic IT can fix the machine.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import keyring
import keyring.errors
from keyring.backends import fail

from frontdesk.domain.sensitive import remember

SERVICE = "FrontDesk"
log = logging.getLogger("frontdesk.app")


def _keyring_usable() -> bool:
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return False
    priority = getattr(backend, "priority", 1)
    return bool(priority is None or priority > 0)


class Credentials:
    def __init__(self, fallback_file: Path, use_keyring: bool | None = None) -> None:
        self.fallback_file = fallback_file
        self.use_keyring = _keyring_usable() if use_keyring is None else use_keyring
        self.warning: str | None = None
        if not self.use_keyring:
            self.warning = (
                "No system keyring is available on this computer; API keys are stored in "
                f"{fallback_file}, readable only by this user account."
            )

    def set(self, connection_id: str, api_key: str) -> None:
        remember(api_key)  # never logged: masked wherever a log shows it (read: app.connections)
        if self.use_keyring:
            try:
                keyring.set_password(SERVICE, connection_id, api_key)
                return
            except keyring.errors.KeyringError as exc:
                log.warning("keyring refused the key (%s); using the protected file", exc)
                self.use_keyring = False
        keys = self._read_file()
        keys[connection_id] = api_key
        self._write_file(keys)

    def get(self, connection_id: str) -> str | None:
        if self.use_keyring:
            try:
                return keyring.get_password(SERVICE, connection_id)
            except keyring.errors.KeyringError as exc:
                log.warning("keyring unavailable (%s); reading the protected file", exc)
        return self._read_file().get(connection_id)

    def _read_file(self) -> dict[str, str]:
        if not self.fallback_file.exists():
            return {}
        data = json.loads(self.fallback_file.read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data.items()}

    def _write_file(self, keys: dict[str, str]) -> None:
        self.fallback_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.fallback_file.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(keys, handle)
        os.replace(tmp, self.fallback_file)
        os.chmod(self.fallback_file, 0o600)
