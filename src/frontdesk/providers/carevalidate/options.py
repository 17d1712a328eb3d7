"""A CareValidate connection's options, read and checked once (docs/providers.md, CareValidate,
"Connection options").

Owns what the API needs from the desk but cannot tell it: the US states whose providers are
listed (`provider_states`, required by provider availability [doc]), an optional provider
filter, the clinic's time zone, the meeting `location`, and the event types' lengths (no
CareValidate answer carries a duration or a zone: **[ours]** defaults). A bad option is an
:class:`OptionError` whose text names the option and says what it takes.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass, field

from frontdesk.domain.translation import translate
from frontdesk.providers.spec import option_text

DEFAULT_LOCATION = "google_conference"
DEFAULT_ZONE = "UTC"
DEFAULT_MINUTES = 30
LOCATIONS = (
    "google_conference",
    "zoom_conference",
    "gotomeeting_conference",
    "microsoft_teams_conference",
    "webex_conference",
)
# "Each state code must be a valid US state abbreviation (e.g., CA, NY, TX, FL)" [doc]; which
# codes count is not said: the 50 states and DC [ours].
US_STATES = frozenset(
    (  # noqa: SIM905
        "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
        "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC"
    ).split()
)


class OptionError(ValueError):
    """A connection option is missing or wrong; the text says which and what it takes."""


@dataclass(frozen=True, slots=True)
class CvOptions:
    provider_states: str | None = None  # "CA,NY" as sent; None: not set (reads refuse)
    provider_email: str | None = None
    timezone: str = DEFAULT_ZONE
    zone_given: bool = False
    location: str = DEFAULT_LOCATION
    default_minutes: int = DEFAULT_MINUTES
    minutes: Mapping[str, int] = field(default_factory=dict)
    problem: str | None = None  # the first bad option, said when a read needs the options

    def duration(self, event_type_id: str) -> tuple[int, bool]:
        """The event type's length in minutes, and whether it was configured (else assumed)."""
        if event_type_id in self.minutes:
            return self.minutes[event_type_id], True
        return self.default_minutes, False


def states_of(text: str) -> str:
    """`provider_states` as sent: codes trimmed, upper-cased, comma-joined; OptionError when
    empty or when a code is not a US state."""
    codes = [part.strip().upper() for part in text.split(",") if part.strip()]
    if not codes:
        raise OptionError(
            translate("Connections", "provider_states: give at least one US state code, e.g. CA,NY")
        )
    wrong = [c for c in codes if c not in US_STATES]
    if wrong:
        said = translate(
            "Connections", "provider_states: {codes} is not a US state code (two letters, e.g. CA)"
        )
        raise OptionError(said.format(codes=", ".join(wrong)))
    return ",".join(dict.fromkeys(codes))


def _minutes(text: str, what: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        value = 0
    if not 1 <= value <= 24 * 60:
        said = translate("Connections", "{key}: {value} is not a length in whole minutes")
        raise OptionError(said.format(key=what, value=repr(text.strip())))
    return value


def minutes_of(text: str) -> int:
    """`duration_minutes`: a length in whole minutes, at most a day."""
    return _minutes(text, "duration_minutes")


def durations_of(text: str) -> dict[str, int]:
    """`durations`: `<eventTypeId>=<minutes>` pairs, comma-separated."""
    found: dict[str, int] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        key, sep, value = part.partition("=")
        if not sep or not key.strip():
            said = translate("Connections", "durations: {value} is not <eventTypeId>=<minutes>")
            raise OptionError(said.format(value=repr(part)))
        found[key.strip()] = _minutes(value, "durations")
    return found


def read_options(options: Mapping[str, object]) -> CvOptions:
    """The connection's options; a wrong one is kept as ``problem`` (the connector still builds,
    so the desk can show the connection and say what to fix)."""
    try:
        return _read(options)
    except OptionError as exc:
        states = option_text(options, "provider_states")
        return CvOptions(provider_states=None if states is None else "", problem=str(exc))


def _read(options: Mapping[str, object]) -> CvOptions:
    states = option_text(options, "provider_states")
    zone = option_text(options, "timezone")
    if zone is not None and zone not in zoneinfo.available_timezones():
        said = translate(
            "Connections", "timezone: {value} is not an IANA time zone (America/New_York)"
        )
        raise OptionError(said.format(value=repr(zone)))
    location = option_text(options, "location") or DEFAULT_LOCATION
    if location not in LOCATIONS:
        said = translate("Connections", "location: use one of {choices}")
        raise OptionError(said.format(choices=", ".join(LOCATIONS)))
    default = option_text(options, "duration_minutes")
    durations = option_text(options, "durations")
    return CvOptions(
        provider_states=None if states is None else states_of(states),
        provider_email=option_text(options, "provider_email"),
        timezone=zone or DEFAULT_ZONE,
        zone_given=zone is not None,
        location=location,
        default_minutes=DEFAULT_MINUTES
        if default is None
        else _minutes(default, "duration_minutes"),
        minutes=durations_of(durations) if durations else {},
    )
