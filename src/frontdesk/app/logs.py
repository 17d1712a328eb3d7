"""Logging: one rotating file per profile, one named logger per package.

Nothing patient-identifying is ever passed to a logger (names, phones, emails, keys); the
filter below is a second line of defence that masks anything shaped like a key or a phone.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

_SECRETS = re.compile(r"(sk_(live|test)_[A-Za-z0-9_]+|Bearer\s+\S+|\+?\d[\d\s().-]{7,}\d)")


class RedactFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = _SECRETS.sub("[redacted]", message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def configure(log_dir: Path, verbose: bool = False) -> Path:
    """Send ``frontdesk.*`` logs to ``log_dir/frontdesk.log``; returns the file's path."""
    path = log_dir / "frontdesk.log"
    root = logging.getLogger("frontdesk")
    for handler in list(root.handlers):
        if getattr(handler, "_frontdesk", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8", delay=True
    )
    handler._frontdesk = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactFilter())
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    return path
