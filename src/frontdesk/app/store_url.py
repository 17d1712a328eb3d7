"""Where a profile keeps the URL of a clinic's shared store, read without opening anything:
the environment variable and the profile's ``store.json`` (:mod:`frontdesk.app.store` checks,
keeps and opens it; this module imports no database layer, so a start can tell whether it
opens its own cache before it loads one)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

log = logging.getLogger("frontdesk.app")

ENV = "FRONTDESK_DATABASE_URL"
FILE_NAME = "store.json"


def saved_url(config_dir: Path) -> str | None:
    """The URL kept in the profile, if any (a broken file is logged and ignored)."""
    path = config_dir / FILE_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("%s cannot be read (%s); the desk's own cache is used", path.name, exc)
        return None
    url = data.get("database_url") if isinstance(data, dict) else None
    return url if isinstance(url, str) and url.strip() else None
