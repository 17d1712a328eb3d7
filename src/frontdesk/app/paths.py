"""Where FrontDesk keeps its files: the platform's user dirs, or all under ``--profile-dir``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

from frontdesk import APP_NAME


def resource_path(name: str) -> Path:
    """A shipped resource: inside the installed package, or in the source tree's resources/."""
    package = Path(__file__).resolve().parent.parent
    for root in (package / "resources", package.parent.parent / "resources"):
        candidate = root / name
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"resource {name!r} is missing from this installation")


@dataclass(frozen=True, slots=True)
class Paths:
    data_dir: Path
    config_dir: Path
    log_dir: Path

    @classmethod
    def resolve(cls, profile_dir: Path | None = None) -> Paths:
        if profile_dir is not None:
            root = profile_dir.expanduser().resolve()
            paths = cls(root / "data", root / "config", root / "logs")
        else:
            paths = cls(
                Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
                Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
                Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
            )
        for folder in (paths.data_dir, paths.config_dir, paths.log_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return paths

    @property
    def database(self) -> Path:
        return self.data_dir / "frontdesk.sqlite3"

    @property
    def credentials_file(self) -> Path:
        return self.config_dir / "credentials.json"
