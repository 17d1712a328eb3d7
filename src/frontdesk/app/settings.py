"""The clinic's settings of a profile: its time zone, its phone region, its paper, the desk's
language, and how long the desk may stay idle before it locks itself (5 minutes unless set; 1
to 240).

One clock: every time the desk shows or takes (grid, dialogs, openings, history, day sheet, CLI)
is in the clinic's zone, whatever zone the computer or each booking system runs in. By default
it is the computer's zone; the phone region defaults to the country of the clinic's zone, the
paper to the region's (Letter in the US and Canada, A4 elsewhere).

A pydantic model saved atomically as ``clinic.json`` in the profile's config folder. A file that
cannot be read (hand-edited, half-written by an older version) gives the defaults and a warning,
never a crash; ``save`` replaces it in one step.
"""

from __future__ import annotations

import importlib.resources
import json
import logging
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from frontdesk.app.private_files import private_dir, write_private
from frontdesk.domain.timeutil import zone

log = logging.getLogger("frontdesk.app")

FILE_NAME = "clinic.json"
LETTER_REGIONS = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PA", "DO"})
Paper = Literal["auto", "A4", "Letter"]
DEFAULT_IDLE_LOCK = 5  # minutes
MAX_IDLE_LOCK = 240


class ClinicSettings(BaseModel):
    """What the clinic sets once; ``None`` / ``"auto"`` mean "as this computer suggests"."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    timezone: str | None = None
    phone_region: str | None = None
    paper: Paper = "auto"
    # the desk locks itself after this long without a key, a click or a scroll
    idle_lock_minutes: int = Field(default=DEFAULT_IDLE_LOCK, ge=1, le=MAX_IDLE_LOCK)
    # the desk's language (app.languages.LANGUAGES); None: the computer's, where spoken
    language: str | None = None

    @field_validator("language")
    @classmethod
    def _spoken(cls, value: str | None) -> str | None:
        from frontdesk.app.languages import LANGUAGES

        if value is None or not value.strip():
            return None
        code = value.strip().lower()
        if code not in LANGUAGES:
            spoken = ", ".join(f"{c} ({name})" for c, name in LANGUAGES.items())
            raise ValueError(f"the desk does not speak {value!r}; choose one of {spoken}")
        return code

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        zone(value.strip())  # ValueError names the zone
        return value.strip()

    @field_validator("phone_region")
    @classmethod
    def _known_region(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        import phonenumbers

        region = value.strip().upper()
        if region not in phonenumbers.SUPPORTED_REGIONS:
            raise ValueError(f"unknown phone region {value!r}; use a country code such as GB")
        return region

    # -- what the desk uses -----------------------------------------------------------
    @property
    def zone(self) -> str:
        """The clinic's IANA zone: the one set, else the computer's."""
        return self.timezone or computer_zone()

    @property
    def region(self) -> str | None:
        """The region phone numbers are read in: the one set, else the zone's country."""
        return self.phone_region or zone_country(self.zone)

    @property
    def paper_size(self) -> Literal["A4", "Letter"]:
        if self.paper != "auto":
            return self.paper
        return "Letter" if self.region in LETTER_REGIONS else "A4"


def computer_zone() -> str:
    """This computer's IANA zone name (``UTC`` where it cannot be told)."""
    import tzlocal

    try:
        name = tzlocal.get_localzone_name()
    except Exception:  # tzlocal raises its own errors for a broken setup
        name = None
    if not name:
        return "UTC"
    try:
        zone(name)
    except ValueError:
        return "UTC"
    return name


def _tzdata_table(*parts: str) -> list[str]:
    """The lines of one of tzdata's tables; none (and a warning) where the package or the
    table is missing (a broken install): the desk then asks for numbers with their +code
    rather than failing."""
    try:
        table = importlib.resources.files("tzdata").joinpath(*parts)
        return table.read_text(encoding="utf-8").splitlines()
    except (ModuleNotFoundError, OSError) as exc:
        log.warning("the time zone database's %s could not be read: %s", parts[-1], exc)
        return []


@cache
def _zone_countries() -> dict[str, str]:
    countries: dict[str, str] = {}
    for line in _tzdata_table("zoneinfo", "zone.tab"):
        if line.startswith("#") or not line.strip():
            continue
        code, _, name = line.split("\t")[:3]
        countries[name] = code
    return countries


def zone_country(zone_name: str) -> str | None:
    """The country (ISO 3166 code) of an IANA zone, e.g. ``GB`` for ``Europe/London``."""
    import phonenumbers

    code = _zone_countries().get(zone_name)
    return code if code in phonenumbers.SUPPORTED_REGIONS else None


@cache
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for line in _tzdata_table("zoneinfo", "iso3166.tab"):
        if line.startswith("#") or "\t" not in line:
            continue
        code, name = line.split("\t")[:2]
        names[code] = name
    return names


_PLAIN_NAMES = {"GB": "the United Kingdom", "US": "the United States"}


def region_name(region: str) -> str:
    """A region's name in words (``the United Kingdom`` for ``GB``), else its code."""
    return _PLAIN_NAMES.get(region) or _country_names().get(region, region)


def load(config_dir: Path) -> ClinicSettings:
    """The profile's clinic settings; the defaults where there are none or they are broken."""
    path = config_dir / FILE_NAME
    try:
        return ClinicSettings.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return ClinicSettings()
    except (OSError, ValueError, ValidationError) as exc:
        log.warning("%s cannot be read (%s); the clinic's defaults apply", path.name, exc)
        return ClinicSettings()


def save(config_dir: Path, settings: ClinicSettings) -> None:
    """Write the settings in one step (a reader never sees half a file)."""
    private_dir(config_dir)
    write_private(config_dir / FILE_NAME, json.dumps(settings.model_dump(mode="json"), indent=2))
