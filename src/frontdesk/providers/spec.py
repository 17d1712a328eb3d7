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
from frontdesk.providers.base import Connector

PATIENT_FIELDS = ("patient_name", "patient_phone", "patient_email")


@dataclass(frozen=True, slots=True)
class OptionField:
    """One extra connection setting, stored in the connection's ``options``."""

    key: str
    label: str
    hint: str = ""
    required: bool = False
    secret: bool = False  # goes to the keyring with the key, never into options


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
