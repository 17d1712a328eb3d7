"""The clinic's settings of a profile: its time zone, its phone region, its paper, the desk's
language, and how long the desk may stay idle before it locks itself (5 minutes unless set; 1
to 240).

One clock: every time the desk shows or takes (grid, dialogs, openings, history, day sheet, CLI)
is in the clinic's zone, whatever zone the computer or each booking system runs in. By default
it is the computer's zone; the phone region defaults to the country of the clinic's zone, the
paper to the region's (Letter in the US and Canada, A4 elsewhere).

A frozen dataclass that checks itself when made (``ClinicSettings(...)``,
:meth:`ClinicSettings.from_mapping`, :meth:`ClinicSettings.changed`): a value it cannot keep
raises :class:`SettingsRefused`, naming the field and why. No pydantic here: this module is on
the cold start's path. Saved atomically as ``clinic.json`` in the profile's config folder
(unknown keys in it are ignored). A file that cannot be read (hand-edited, half-written by an
older version) gives the defaults and a warning, never a crash; ``save`` replaces it in one step.
"""

from __future__ import annotations

import dataclasses
import importlib.resources
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from frontdesk.app.languages import LANGUAGES
from frontdesk.app.private_files import private_dir, write_private
from frontdesk.domain.timeutil import zone

log = logging.getLogger("frontdesk.app")

FILE_NAME = "clinic.json"
LETTER_REGIONS = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PA", "DO"})
Paper = Literal["auto", "A4", "Letter"]
PAPERS: tuple[Paper, ...] = ("auto", "A4", "Letter")
DEFAULT_IDLE_LOCK = 5  # minutes
MAX_IDLE_LOCK = 240


class SettingsRefused(ValueError):
    """A clinic setting that cannot be kept: ``field`` (its name, or ``settings`` for the
    whole) and ``why`` (a sentence naming the value and what to do)."""

    def __init__(self, field: str, why: str) -> None:
        super().__init__(field, why)
        self.field = field
        self.why = why

    def __str__(self) -> str:
        return f"{self.field}: {self.why}"


def _text(field: str, value: object, expected: str) -> str | None:
    """``value`` stripped; None for None or blank; refused if it is not text."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise SettingsRefused(field, f"expected {expected} as text, not {value!r}")
    return value.strip() or None


def _known_zone(value: object) -> str | None:
    name = _text("timezone", value, "a time zone's name such as Europe/Berlin")
    if name is None:
        return None
    try:
        zone(name)
    except ValueError as exc:  # its words name the zone
        raise SettingsRefused("timezone", str(exc)) from None
    return name


def _known_region(value: object) -> str | None:
    code = _text("phone_region", value, "a country code such as GB")
    if code is None:
        return None
    import phonenumbers  # only where a region is set (its import takes tens of ms)

    if code.upper() not in phonenumbers.SUPPORTED_REGIONS:
        raise SettingsRefused(
            "phone_region", f"unknown phone region {value!r}; use a country code such as GB"
        )
    return code.upper()


def _known_paper(value: object) -> Paper:
    for paper in PAPERS:
        if value == paper and isinstance(value, str):
            return paper
    raise SettingsRefused("paper", f"unknown paper {value!r}; use 'auto', 'A4' or 'Letter'")


def _idle_minutes(value: object) -> int:
    """A whole number of minutes, 1 to MAX_IDLE_LOCK; as the file or a form may give it: an
    int, a whole float (``5.0``) or digits as text (``"5"``); never a bool."""
    minutes: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        minutes = value
    elif isinstance(value, float) and value.is_integer():
        minutes = int(value)
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        minutes = int(value.strip())
    if minutes is None or not 1 <= minutes <= MAX_IDLE_LOCK:
        raise SettingsRefused(
            "idle_lock_minutes",
            f"expected a whole number of minutes from 1 to {MAX_IDLE_LOCK}, not {value!r}",
        )
    return minutes


def _spoken(value: object) -> str | None:
    code = _text("language", value, "a language code such as de")
    if code is None:
        return None
    if code.lower() not in LANGUAGES:
        spoken = ", ".join(f"{c} ({name})" for c, name in LANGUAGES.items())
        raise SettingsRefused(
            "language", f"the desk does not speak {value!r}; choose one of {spoken}"
        )
    return code.lower()


@dataclass(frozen=True, slots=True)
class ClinicSettings:
    """What the clinic sets once; ``None`` / ``"auto"`` mean "as this computer suggests".

    Made only checked: each value is checked (and tidied: a zone stripped, a region
    upper-cased, a language lower-cased, blank as None) in field order, the first refused
    raising :class:`SettingsRefused`."""

    timezone: str | None = None
    phone_region: str | None = None
    paper: Paper = "auto"
    # the desk locks itself after this long without a key, a click or a scroll
    idle_lock_minutes: int = DEFAULT_IDLE_LOCK
    # the desk's language (app.languages.LANGUAGES); None: the computer's, where spoken
    language: str | None = None

    def __post_init__(self) -> None:
        tidy = object.__setattr__  # a frozen dataclass sets its own fields only this way
        tidy(self, "timezone", _known_zone(self.timezone))
        tidy(self, "phone_region", _known_region(self.phone_region))
        tidy(self, "paper", _known_paper(self.paper))
        tidy(self, "idle_lock_minutes", _idle_minutes(self.idle_lock_minutes))
        tidy(self, "language", _spoken(self.language))

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> ClinicSettings:
        """The settings a mapping (``clinic.json``'s object) names; keys it does not know
        are ignored, a key it lacks keeps its default."""
        if not isinstance(data, Mapping):
            raise SettingsRefused(
                "settings", f"expected an object of settings (names and values), not {data!r}"
            )
        return cls(
            timezone=_known_zone(data.get("timezone")),
            phone_region=_known_region(data.get("phone_region")),
            paper=_known_paper(data.get("paper", "auto")),
            idle_lock_minutes=_idle_minutes(data.get("idle_lock_minutes", DEFAULT_IDLE_LOCK)),
            language=_spoken(data.get("language")),
        )

    def changed(self, **update: object) -> ClinicSettings:
        """These settings with ``update``'s fields set, checked; an unknown name is a
        ``TypeError`` (a mistake in the code, not in what was typed)."""
        unknown = sorted(set(update) - set(FIELDS))
        if unknown:
            raise TypeError(f"ClinicSettings has no setting {', '.join(unknown)}")
        return ClinicSettings.from_mapping({**self.as_dict(), **update})

    def as_dict(self) -> dict[str, object]:
        """The settings as ``clinic.json`` keeps them (JSON-ready)."""
        return {name: getattr(self, name) for name in FIELDS}

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


FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(ClinicSettings))


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
        return ClinicSettings.from_mapping(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return ClinicSettings()
    except (OSError, ValueError) as exc:  # SettingsRefused is a ValueError too
        log.warning("%s cannot be read (%s); the clinic's defaults apply", path.name, exc)
        return ClinicSettings()


def save(config_dir: Path, settings: ClinicSettings) -> None:
    """Write the settings in one step (a reader never sees half a file)."""
    private_dir(config_dir)
    write_private(config_dir / FILE_NAME, json.dumps(settings.as_dict(), indent=2))
