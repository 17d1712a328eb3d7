"""What the rest of FrontDesk knows about one remote booking API: its declaration.

Each API's package (`providers/<api>/`) exports one `PROVIDER` (a :class:`ProviderSpec`):
its name and title, how to build its connector from a connection's settings, what the desk's
forms ask for (:class:`ProviderForm`), and what the API can and cannot do (which visit statuses
it holds, what happens after a lost answer, whether it keeps patients as records of their
own). `providers.registry` lists them; the connections, the forms, the demo, the booking
service and the sync panel read that list instead of keeping registries of their own.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from frontdesk.domain.booking import VisitStatus
from frontdesk.domain.timeutil import zone
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate
from frontdesk.providers.base import Connector

PATIENT_FIELDS = ("patient_name", "patient_phone", "patient_email")


class OptionKind(enum.Enum):
    """What an option's value must be; the value is what a refusal says it should be."""

    TEXT = "text"
    ZONE = "an IANA time zone name such as Europe/Berlin"
    WHOLE = "a whole number above 0"
    NUMBER = "a number above 0"
    CHOICE = "one of"
    FLAG = "1 or true, 0 or false"


# an option's refusal for its kind, in the desk's language where shown (``key`` stays)
NOT_OF_KIND = {
    OptionKind.ZONE: QT_TRANSLATE_NOOP(
        "Connections", "{key}: {value} is not an IANA time zone name such as Europe/Berlin"
    ),
    OptionKind.WHOLE: QT_TRANSLATE_NOOP(
        "Connections", "{key}: {value} is not a whole number above 0"
    ),
    OptionKind.NUMBER: QT_TRANSLATE_NOOP("Connections", "{key}: {value} is not a number above 0"),
    OptionKind.CHOICE: QT_TRANSLATE_NOOP("Connections", "{key}: {value} is not one of {choices}"),
    OptionKind.FLAG: QT_TRANSLATE_NOOP(
        "Connections", "{key}: {value} is not 1 or true, 0 or false"
    ),
}
FLAG_WORDS = {"1": True, "true": True, "yes": True, "0": False, "false": False, "no": False}


@dataclass(frozen=True, slots=True)
class OptionField:
    """One extra connection setting, stored in the connection's ``options``.

    ``kind`` (and ``choices`` for a choice) says what its value must be; ``check``, where the
    API needs more (a list of US states), raises ``ValueError`` naming the option."""

    key: str
    label: str
    hint: str = ""
    required: bool = False
    secret: bool = False  # goes to the keyring with the key, never into options
    kind: OptionKind = OptionKind.TEXT
    choices: tuple[str, ...] = ()
    check: Callable[[str], object] | None = None
    listed: bool = True  # named when an unknown option is refused (a test switch is not)

    def problem(self, value: object) -> str | None:
        """Why ``value`` will not do, as ``key: reason``; None when it will (or is blank)."""
        text = "" if value is None else str(value).strip()
        if not text:
            return None
        kind = self.kind
        wrong = translate("Connections", NOT_OF_KIND.get(kind, "")).format(
            key=self.key, value=repr(text), choices=", ".join(self.choices)
        )
        if kind is OptionKind.ZONE and not _is_zone(text):
            return wrong
        if kind is OptionKind.WHOLE and not (text.isdigit() and int(text) > 0):
            return wrong
        if kind is OptionKind.NUMBER and not _positive(text):
            return wrong
        if kind is OptionKind.CHOICE and text not in self.choices:
            return wrong
        if kind is OptionKind.FLAG and text.lower() not in FLAG_WORDS:
            return wrong
        if self.check is not None:
            try:
                self.check(text)
            except ValueError as exc:
                why = str(exc)
                named = f"{self.key}:" in why.split(" ", 1)[0]  # a translation may mark it
                return why if named else f"{self.key}: {why}"
        return None


def _is_zone(text: str) -> bool:
    try:
        zone(text)
    except ValueError:
        return False
    return True


def _positive(text: str) -> bool:
    try:
        number = float(text)
    except ValueError:
        return False
    return number > 0 and number != float("inf")


# Options every connection may have, whatever its API (not asked for by the desk's forms).
COMMON_OPTIONS: tuple[OptionField, ...] = (
    OptionField(
        "rate_per_minute",
        "Requests a minute",
        "a plan above the API's documented rate, or a scaled-up sandbox",
        kind=OptionKind.WHOLE,
    ),
    OptionField(  # for the crash test's negative control only
        "unsafe_disable_idempotency", "Resend without a key", kind=OptionKind.FLAG, listed=False
    ),
)


@dataclass(frozen=True, slots=True)
class ProviderForm:
    """What the connections dialog and the booking dialog ask for on this API."""

    provider: str
    base_url: str = "https://"
    key_label: str = "API key"
    key_hint: str = ""
    patient_required: frozenset[str] = frozenset({"patient_name", "patient_phone"})
    options: tuple[OptionField, ...] = field(default_factory=tuple)


class LostCreate(enum.Enum):
    """What the sync engine does after a create whose answer was lost."""

    REPLAYED = "resent: the booking system replays its first answer for the same key"
    LOOKED_UP = "looked up before it is sent again"
    # looked up, but where no documented list can tell, a person settles it (outcome unknown)
    LOOKED_UP_OR_UNKNOWN = "looked up; where no lookup can tell, a person settles it"


# connection_id, base_url, api_key, options -> a connector
ConnectorFactory = Callable[[str, str, str, Mapping[str, object]], Connector]


@dataclass(frozen=True, slots=True)
class ProviderSpec:
    """One remote booking API, as the rest of the code sees it.

    ``remote_statuses``: the visit statuses the booking system itself holds and the desk sends
    (booked and cancelled at least); any other mark (arrived, say) is the desk's own, kept
    in the cache and synced nowhere. ``patient_record``: what the API calls a patient's own
    record (VantaX's contacts), None where the patient travels inside the booking.
    """

    name: str
    title: str
    connect: ConnectorFactory
    form: ProviderForm
    remote_statuses: frozenset[VisitStatus]
    lost_create: LostCreate
    patient_record: str | None = None
    # what the booking system lets the desk change on a booking it already holds, beyond
    # its time and place (which its own rules judge, as for a drag): e.g. "notes"; the
    # service and the patient's details are fixed once it holds the booking unless named here
    changeable: frozenset[str] = frozenset()
    # where the API documents no working hours for its resources, why (the desk says so and
    # shades nothing rather than guess; docs/providers.md); None: its windows are the hours
    no_hours: str | None = None

    def holds(self, status: VisitStatus) -> bool:
        """Whether the booking system keeps ``status`` (else it is the desk's own mark)."""
        return status in self.remote_statuses

    def as_remote(self, status: VisitStatus) -> VisitStatus:
        """``status`` as the booking system sees it: a mark it does not keep is "booked"."""
        return status if self.holds(status) else VisitStatus.BOOKED


def option_text(options: Mapping[str, object], key: str) -> str | None:
    """A connection option as text, None where it is missing or blank."""
    value = options.get(key)
    text = "" if value is None else str(value).strip()
    return text or None


def option_problems(
    spec: ProviderSpec, options: Mapping[str, object], unknown: bool = True
) -> list[str]:
    """What is wrong with ``options`` for ``spec``'s API, one ``key: reason`` each: a value of
    the wrong kind, a required option missing, and (``unknown``) an option the API has not."""
    fields = {f.key: f for f in (*spec.form.options, *COMMON_OPTIONS)}
    problems: list[str] = []
    for key, value in options.items():
        found = fields.get(key)
        if found is None:
            if unknown:
                known = ", ".join(f.key for f in fields.values() if f.listed)
                said = translate(
                    "Connections",
                    "option: {key} is not an option of {system} connections ({known})",
                )
                problems.append(said.format(key=repr(key), system=spec.title, known=known))
            continue
        problem = found.problem(value)
        if problem is not None:
            problems.append(problem)
    for required in spec.form.options:
        if required.required and option_text(options, required.key) is None:
            hint = f": {translate('Connections', required.hint)}" if required.hint else ""
            said = translate("Connections", "{key}: required for {system} connections")
            problems.append(said.format(key=required.key, system=spec.title) + hint)
    return problems
