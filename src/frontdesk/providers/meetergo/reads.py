"""The meetergo connector's reads: who the company's users are, their meeting types, the
spots, the appointments and the provisional bookings (docs/providers.md, "meetergo").

Owns the ``x-meetergo-api-user-id`` header: sent only on the endpoints whose pages require
it, naming the user the read acts for (a platform key may act for any user of the company,
chosen per request; a personal access token ``rgo-…`` never sends it and always acts as its
owner). Lists that are "for the authenticated user" are read once per user. A read refused
with a 4xx raises :class:`ReadRefused` (an ``ApiError`` that keeps the status and body).
"""

from __future__ import annotations

import logging
import zoneinfo
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from frontdesk.domain.timeutil import utc_now
from frontdesk.providers.answers import parse
from frontdesk.providers.base import ApiError, retry_after_seconds
from frontdesk.providers.connector_base import HttpConnector
from frontdesk.providers.http import Answer, BadAnswer, TransportError
from frontdesk.providers.meetergo import mapping
from frontdesk.providers.meetergo.mapping import TypeFacts
from frontdesk.providers.meetergo.wire import (
    MgAppointment,
    MgAppointmentPage,
    MgAvailability,
    MgError,
    MgMeetingType,
    MgMeetingTypeList,
    MgProvisional,
    MgProvisionalPage,
    MgUser,
    MgUsers,
)

log = logging.getLogger("frontdesk.providers")

USER_HEADER = "x-meetergo-api-user-id"
MISSING_USER = "Missing required header 'x-meetergo-api-user-id'"
TOKEN_PREFIX = "rgo-"
PAGE = 100  # asked per page; an account that refuses it gets the page example's 20
SMALL_PAGE = 20
MAX_PAGES = 200
MAX_RANGE_DAYS = 31
DEFAULT_ZONE = "UTC"  # "All API times are in UTC by default"
_TYPES = TypeAdapter(list[MgMeetingType])
M = TypeVar("M", bound=BaseModel)


class ReadRefused(ApiError):
    """A read answered with a 4xx other than 429: its status and error body (if readable)."""

    def __init__(self, message: str, status: int, error: MgError | None) -> None:
        # 401: the key itself was refused (a 403 may be one endpoint's permission only)
        super().__init__(message, retry=False, credentials=status == 401)
        self.status = status
        self.error = error


def error_of(answer: Answer) -> MgError | None:
    try:
        return parse(MgError, answer)
    except BadAnswer:
        return None


def describe(answer: Answer) -> str:
    """A refused answer in words, naming a missing user id plainly."""
    body = error_of(answer)
    if body is None:
        return f"HTTP {answer.status}"
    if missing_user(body):
        return f"HTTP {answer.status}: the API user id is missing ({body.text})"
    return f"HTTP {answer.status} {body.error}: {body.text}"


def missing_user(body: MgError | None) -> bool:
    """The documented 400 for an API key sent without the user header."""
    return body is not None and body.text.startswith(MISSING_USER)


def valid_zone(name: str) -> bool:
    """An IANA time zone name (``Europe/Berlin``)."""
    return name in zoneinfo.available_timezones()


def _chunks(days: list[date]) -> list[tuple[date, date]]:
    """``days`` as ranges of at most 31 days (**[ours]**: no limit is documented)."""
    if not days:
        return []
    first, last = min(days), max(days)
    ranges: list[tuple[date, date]] = []
    while first <= last:
        end = min(last, first + timedelta(days=MAX_RANGE_DAYS - 1))
        ranges.append((first, end))
        first = end + timedelta(days=1)
    return ranges


class MeetergoReads(HttpConnector):
    """The reading half of the connector; ``MeetergoConnector`` adds the writes."""

    def __init__(
        self,
        connection_id: str,
        base_url: str,
        api_key: str,
        api_user_id: str | None,
        zone: str | None,
        timeout: float,
    ) -> None:
        super().__init__(connection_id, base_url, {"Authorization": f"Bearer {api_key}"}, timeout)
        self.personal_token = api_key.strip().startswith(TOKEN_PREFIX)
        self.api_user = None if self.personal_token else api_user_id
        self.zone_option = zone  # the connection's; None: the API user's own, else UTC
        self.zone = zone or DEFAULT_ZONE
        self.names: dict[str, str] = {}  # user id → display name
        self.all_users = False  # whether every user of the company is known
        self.owner: str | None = None  # a personal token's owner, when known
        self.facts: dict[str, TypeFacts] = {}
        self._page = PAGE

    # -- the header ----------------------------------------------------------------------
    def headers_for(self, user: str | None) -> dict[str, str]:
        """The user header for an endpoint that requires it: none with a personal token."""
        if self.personal_token:
            return {}
        acting = user or self.api_user
        return {USER_HEADER: acting} if acting else {}

    def read(
        self,
        path: str,
        params: dict[str, str | int] | None = None,
        user: str | None = None,
        *,
        as_user: bool = True,
    ) -> Answer:
        """A GET whose answer is 2xx; else ApiError (retry on network, 429, 5xx) or
        ReadRefused. ``as_user``: the endpoint documents the user header."""
        headers = self.headers_for(user) if as_user else {}
        try:
            answer = self._http.request("GET", path, params=params, headers=headers)
        except TransportError as exc:
            raise ApiError(f"network: {exc}", retry=True) from exc
        if answer.status == 429 or answer.status >= 500:
            wait = retry_after_seconds(answer.header("retry-after"), utc_now())
            raise ApiError(f"HTTP {answer.status} on GET {path}", retry=True, not_before_s=wait)
        if answer.status >= 400:
            raise ReadRefused(f"{describe(answer)} on GET {path}", answer.status, error_of(answer))
        return answer

    def acting_users(self) -> list[str | None]:
        """The users whose lists are read: every known user with a platform key; the owner
        alone (no header) with a personal token."""
        if self.personal_token:
            return [None]
        if not self.names:
            self.load_users()
        return list(self.names) or [self.api_user]

    # -- users ---------------------------------------------------------------------------
    def load_users(self) -> None:
        """``GET /v4/user`` (admin only), else ``GET /v4/user/me``, else the API user; a
        refusal other than 403 / 404 (a wrong key, a missing user id) is raised."""
        self.names, self.all_users = {}, False
        if not self.personal_token:
            try:
                users = parse(MgUsers, self.read("user")).users
            except ReadRefused as exc:
                if exc.status not in (403, 404):
                    raise  # the key or the user id is wrong: not a matter of rights
                log.info("meetergo user list refused (HTTP %s): reading one user", exc.status)
            else:
                self.names = {u.id: u.display_name for u in users}
                self.all_users = bool(users)
                self._take_zone(next((u for u in users if u.id == self.api_user), None))
                if self.names:
                    return
        try:
            me = parse(MgUser, self.read("user/me", as_user=not self.personal_token))
        except ReadRefused as exc:
            if exc.status not in (403, 404):
                raise
            if self.api_user:
                self.names = {self.api_user: f"meetergo user {self.api_user[:8]}"}
            return
        self.names = {me.id: me.display_name}
        self._take_zone(me)
        if self.personal_token:
            self.owner = me.id

    def _take_zone(self, user: MgUser | None) -> None:
        """Without a ``timezone`` option, the API user's own zone (a user's documented
        ``timezone``), else UTC, the API's default **[ours]**."""
        wanted = user.timezone if user is not None else None
        if self.zone_option is None and wanted and valid_zone(wanted):
            self.zone = wanted

    # -- meeting types -------------------------------------------------------------------
    def _type_list(self, user: str | None) -> list[MgMeetingType]:
        data = self.read("meeting-type", user=user).json()
        try:
            if isinstance(data, dict):
                return MgMeetingTypeList.model_validate(data).meetingTypes
            return _TYPES.validate_python(data)
        except ValidationError as exc:
            raise BadAnswer(f"meeting types answer is malformed: {exc.errors()[0]['msg']}") from exc

    def load_types(self) -> list[TypeFacts]:
        """Every user's meeting types, each with its details (``GET /v4/meeting-type/{id}``
        where the list leaves its settings out)."""
        found: dict[str, MgMeetingType] = {}
        associated: dict[str, list[str]] = {}
        for user in self.acting_users():
            for t in self._type_list(user):
                found.setdefault(t.id, t)
                associated.setdefault(t.id, []).append(user or self.owner or "")
        facts: dict[str, TypeFacts] = {}
        for type_id, t in found.items():
            if not t.detailed:
                t = self._detail(type_id, associated[type_id][0] or None) or t
            if t.enabled is False:
                continue
            facts[type_id] = mapping.facts_of(t, associated[type_id], self.all_users)
        self.facts = facts
        return list(facts.values())

    def _detail(self, type_id: str, user: str | None) -> MgMeetingType | None:
        try:
            return parse(MgMeetingType, self.read(f"meeting-type/{type_id}", user=user))
        except ReadRefused as exc:
            log.warning("meetergo meeting type detail refused (HTTP %s)", exc.status)
            return None

    def type_facts(self, type_id: str) -> TypeFacts:
        """A meeting type's facts, read alone when the catalog has not been pulled."""
        if type_id not in self.facts:
            t = parse(MgMeetingType, self.read(f"meeting-type/{type_id}"))
            self.facts[type_id] = mapping.facts_of(t, [], False)
        return self.facts[type_id]

    # -- spots ---------------------------------------------------------------------------
    def spots(self, facts: TypeFacts, minutes: int, first: date, last: date) -> list[str]:
        """``GET /v4/booking-availability`` (no user header: the page says it needs none),
        in the connection's zone; a round-robin's members as ``hostIds``."""
        params: dict[str, str | int] = {
            "meetingTypeId": facts.id,
            "start": first.isoformat(),
            "end": last.isoformat(),
            "timezone": self.zone,
        }
        if minutes != facts.type.minutes:
            params["meetingDuration"] = minutes
        if facts.kind == "round-robin" and facts.type.queueId:
            params["queueId"] = facts.type.queueId
            if facts.members:
                params["hostIds"] = ",".join(facts.members)
        body = parse(MgAvailability, self.read("booking-availability", params, as_user=False))
        starts = body.starts()
        if starts is None:
            raise BadAnswer("availability answer has no dates, slots or availableSlots")
        return starts

    def windows(self, facts: TypeFacts, days: list[date]) -> list[Any]:
        """A type's spot windows on ``days``; none (and a warning) when meetergo refuses
        its availability with a 400 or 404 ("Meeting Type Not Found"), so one broken type
        does not stop the others **[ours]**."""
        wanted = set(days)
        found = []
        for minutes in facts.durations():
            for first, last in _chunks(days):
                try:
                    starts = self.spots(facts, minutes, first, last)
                except ReadRefused as exc:
                    if exc.status not in (400, 404):
                        raise
                    log.warning("meetergo refused a meeting type's spots (HTTP %s)", exc.status)
                    return []
                found += mapping.spot_windows(facts, minutes, self.zone, starts, wanted)
        return found

    # -- lists ---------------------------------------------------------------------------
    def _pages(self, path: str, model: type[M], user: str | None, **more: str) -> Iterator[M]:
        """Each page of a ``page`` / ``limit`` list until one comes back short."""
        for page in range(1, MAX_PAGES + 1):
            params: dict[str, str | int] = {"page": page, "limit": self._page, **more}
            try:
                answer = self.read(path, params, user)
            except ReadRefused as exc:
                if exc.status != 400 or self._page == SMALL_PAGE:
                    raise
                self._page = SMALL_PAGE  # a limit the account refuses: the page's own 20
                params["limit"] = self._page
                answer = self.read(path, params, user)
            yield parse(model, answer)

    def appointments(self, users: list[str | None] | None = None) -> list[MgAppointment]:
        """``GET /v4/appointment/paginated`` for each user (deduplicated by id)."""
        seen: dict[str, MgAppointment] = {}
        for user in self.acting_users() if users is None else users:
            for body in self._pages("appointment/paginated", MgAppointmentPage, user):
                for record in body.appointments:
                    seen.setdefault(record.id, record)
                if len(body.appointments) < self._page:
                    break
        return list(seen.values())

    def provisional(
        self, users: list[str | None] | None = None, status: str | None = None
    ) -> list[MgProvisional]:
        """``GET /v4/provisional-booking/paginated`` for each user, filtered by ``status``
        when given (deduplicated by id)."""
        seen: dict[str, MgProvisional] = {}
        more = {"status": status} if status else {}
        for user in self.acting_users() if users is None else users:
            count = 0
            for body in self._pages(
                "provisional-booking/paginated", MgProvisionalPage, user, **more
            ):
                for item in body.provisionalBookings:
                    seen.setdefault(item.id, item)
                count += len(body.provisionalBookings)
                short = len(body.provisionalBookings) < self._page
                if short or (body.total is not None and count >= body.total):
                    break
        return list(seen.values())
