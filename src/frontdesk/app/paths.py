"""Where FrontDesk keeps its files: the platform's user dirs, or all under ``--profile-dir``.

The folders are created the user's own (``app.private_files``: 0700, or the user's own access
list on Windows); :meth:`Paths.tighten` makes an older profile's loose modes private."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

from frontdesk import APP_NAME
from frontdesk.app.private_files import private_dir, tighten


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
        for folder in paths.folders:
            private_dir(folder)
        return paths

    @property
    def folders(self) -> tuple[Path, ...]:
        """The profile's own folders (one where the platform keeps two in the same place)."""
        return tuple(dict.fromkeys((self.data_dir, self.config_dir, self.log_dir)))

    def tighten(self) -> int:
        """Make every folder and file of the profile the user's own; how many were loose."""
        return sum(tighten(folder) for folder in self.folders)

    @property
    def database(self) -> Path:
        return self.data_dir / "frontdesk.sqlite3"

    @property
    def credentials_file(self) -> Path:
        return self.config_dir / "credentials.json"
