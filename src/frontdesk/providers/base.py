"""What every connector offers the sync engine and the desk, and the outcomes of a send.

A send ends in exactly one of four outcomes; the sync engine acts on the outcome, never on
HTTP details:

* :class:`Accepted`: the remote holds the change; carries the booking as the remote now has it.
* :class:`Refused`: the remote said no for a reason a person must look at.
* :class:`RetryLater`: try again, not before ``not_before_s`` seconds (429, 5xx, network).
* :class:`Ambiguous`: the request may have been acted on and no answer came.

After an ambiguous create the engine asks ``find_existing`` before it sends again; a connector
whose API cannot be asked (nothing lists the booking) raises :class:`CannotTell`, and the
operation waits, outcome unknown, for a person to settle it.
"""

from __future__ import annotations

import email.utils
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol, runtime_checkable

from frontdesk.domain.booking import Booking
from frontdesk.domain.catalog import Catalog
from frontdesk.domain.neighbours import Match
from frontdesk.domain.verdict import Verdict


@dataclass(frozen=True, slots=True)
class Accepted:
    booking: Booking
    replayed: bool = False
    # for a patient's record (``create_patient``): its id at the remote (VantaX's contact id)
    patient_ref: str | None = None


@dataclass(frozen=True, slots=True)
class Refused:
    verdict: Verdict
    credentials: bool = False  # 401/403: the connection's key must be fixed


@dataclass(frozen=True, slots=True)
class RetryLater:
    reason: str
    not_before_s: float | None = None
    # True only where the request surely was not acted on (a 429, a connection that never
    # opened, a read before the write failed): the next attempt need not reconcile first.
    # False (the default) keeps an earlier attempt's "may have arrived" mark.
    untouched: bool = False


@dataclass(frozen=True, slots=True)
class Ambiguous:
    reason: str


Outcome = Accepted | Refused | RetryLater | Ambiguous


class ApiError(Exception):
    """A catalog or pull call was refused or failed; ``retry`` says whether to try later;
    ``credentials``: the API refused the key (401/403), so the connection waits for a person."""

    def __init__(
        self,
        message: str,
        retry: bool,
        not_before_s: float | None = None,
        credentials: bool = False,
    ) -> None:
        super().__init__(message)
        self.retry = retry
        self.not_before_s = not_before_s
        self.credentials = credentials


class CannotTell(Exception):
    """Raised by ``find_existing``: no lookup can tell whether an earlier create arrived.

    E.g. a meetergo provisional booking (double opt-in, host confirmation) when the API user
    may not read the provisional list, or a CareValidate lookup that finds several candidates.
    The engine then neither resends (a second booking would be a duplicate) nor closes the
    operation: it waits, outcome unknown, for a person (or a later pull that finds it).
    """


class Connector(Protocol):
    """One configured connection to a remote booking API."""

    provider: str
    connection_id: str
    # The API key's documented limit: ``rate_per_minute`` on average, counted over any
    # ``rate_window_s`` seconds, so ``rate_per_minute * rate_window_s / 60`` requests may go
    # at once within one window (meetergo's burst of 200 over 120 s, Vastal's hourly plan).
    rate_per_minute: float
    rate_window_s: float
    idempotent_creates: bool
    # The API keeps patients as records of their own that a booking names (VantaX's contacts):
    # the desk queues a CREATE_PATIENT before the create of a patient whose record it does not
    # know, and the create waits for it. The other APIs take the patient inside the booking.
    creates_patients: bool

    def set_pacer(
        self, pace: Callable[[], None], answered: Callable[[], None] | None = None
    ) -> None:
        """Install a callable that blocks until the next request may go, and one told when a
        request's answer (or failure) came back."""

    def pull_catalog(self, days: list[date]) -> Catalog: ...

    def pull_bookings(self, since: datetime | None) -> list[Booking]: ...

    def create(self, booking: Booking, idempotency_key: str) -> Outcome: ...

    def reschedule(self, booking: Booking, idempotency_key: str) -> Outcome: ...

    def cancel(self, booking: Booking, idempotency_key: str) -> Outcome: ...

    def set_status(self, booking: Booking, idempotency_key: str) -> Outcome: ...

    def create_patient(self, booking: Booking, idempotency_key: str) -> Outcome:
        """Make the remote record of ``booking``'s patient (a ``CREATE_PATIENT``); ``Accepted``
        carries its id in ``patient_ref``. Safe to send again with the same key after a lost
        answer. Only ever sent where ``creates_patients``."""
        ...

    def predict_create(
        self, booking: Booking, catalog: Catalog, others: list[Booking], now: datetime
    ) -> Verdict: ...

    def context_days(self, day: date) -> tuple[date, date]:
        """The first and last org-local days (the catalog's zone) whose cached bookings
        ``predict_create`` reads for a booking starting on local ``day``: the desk hands it
        the bookings starting on those days (declared by each API's rules module)."""
        ...

    def neighbour_keys(self, booking: Booking, catalog: Catalog) -> frozenset[Hashable] | None:
        """Keys that tell, of the bookings of its context days, the ones ``predict_create``
        can weigh against ``booking`` (and it against them): only those sharing a key with it.
        None: every one. An import hands each row only those (``app.import_days``)."""
        ...

    def neighbour_reads(self, booking: Booking, catalog: Catalog) -> tuple[Match, ...] | None:
        """``neighbour_keys`` in the cache's columns (``domain.neighbours``): every booking
        sharing a key with ``booking`` meets one of these matches, so an import reads only the
        cached bookings that do. None: no such matches (the whole days are read)."""
        ...

    def predict_body(
        self, body: object, catalog: Catalog, bookings: list[Booking], now: datetime
    ) -> Verdict:
        """What the create endpoint would answer to this exact wire body (``validate``)."""
        ...

    def days_for_body(self, body: object) -> list[date]:
        """The dates whose catalog ``predict_body`` needs for this body (may be empty)."""
        ...

    def find_existing(self, booking: Booking) -> Booking | None:
        """After a create whose answer was lost: the remote copy of ``booking``, if any.

        Connectors whose API honours an idempotency key may simply return ``None`` (a resend
        is safe); the others look the booking up (by time, type and patient). Raises
        :class:`CannotTell` where no lookup can tell whether it arrived.
        """
        ...

    def close(self) -> None: ...


# The desk's cached bookings of one connection starting in ``[first, last)``.
DeskView = Callable[[datetime, datetime], list[Booking]]


@dataclass(frozen=True, slots=True)
class PartialCatalog:
    """What a catalog read fetched: ``catalog`` holds the windows of every day read; each day
    in ``failed`` could not be read (the error says why) and keeps what the cache holds."""

    catalog: Catalog
    failed: Mapping[date, Exception]


@runtime_checkable
class ReadsDaysApart(Protocol):
    """A connector that reads each day's windows with a request of its own (HuskyVoice's
    availability per date): a day whose read fails is left as cached and read again later,
    instead of failing the whole refresh (optional; the sync engine asks ``isinstance``)."""

    def pull_catalog_apart(self, days: list[date], cached: Catalog) -> PartialCatalog:
        """``pull_catalog``, a day that cannot be read left out (``failed``); ``cached``: the
        catalog as the cache holds it (what a failed day keeps). Raises ``ApiError`` or
        ``BadAnswer`` when the catalog itself (policy, services) cannot be read."""
        ...

    def pull_days(self, days: list[date], cached: Catalog) -> PartialCatalog:
        """Only the windows of ``days`` read again, onto ``cached`` (its policy, services and
        resources), after a catalog read by this connector; those that fail again in
        ``failed``."""
        ...


@runtime_checkable
class SeesDeskBookings(Protocol):
    """A connector that reads the desk's cached bookings of its own connection (optional: the
    sync engine installs the view where a connector has ``set_desk_view``; none of the others
    does). CareValidate's book answer has no id and its list has no reference of ours, so its
    pull ties the desk's bookings to listed appointments itself."""

    def set_desk_view(self, view: DeskView) -> None: ...


class PatientInBooking:
    """For the connectors whose API takes the patient inside the booking: they keep no patient
    records, so the desk never queues a CREATE_PATIENT for them."""

    creates_patients = False

    def create_patient(self, booking: Booking, idempotency_key: str) -> Outcome:
        return Refused(
            Verdict(400, "NOT_SUPPORTED", "This booking system keeps no patient records of its own")
        )


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """``Retry-After`` as seconds from ``now``: delta-seconds or an HTTP date; None if absent."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())
