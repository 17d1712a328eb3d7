"""CareValidate's reads, as the connector makes them: provider availability (the catalog) and
the appointment list (pulls and every lookup).

Owns the documented parameters and nothing else: `provider_states` (+ optional
`provider_email`) on provider availability, tried at the production page's path first and at
the staging page's on a 404; `start_date`/`end_date` (YYYY-MM-DD) and `user_email` on the list.
A list for an email CareValidate does not know answers NotFoundError: that is "no
appointments". The day bounds' zone is not documented, so a lookup around an instant asks for
the day before to the day after (UTC dates) and matches the instant itself.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from frontdesk.domain.timeutil import utc_now
from frontdesk.providers.answers import parse
from frontdesk.providers.base import ApiError, retry_after_seconds
from frontdesk.providers.carevalidate import mapping
from frontdesk.providers.carevalidate.wire import CvEnvelope, CvItem, CvItems
from frontdesk.providers.http import Answer, BadAnswer, HttpClient, TransportError

log = logging.getLogger("frontdesk.providers")

LIST = "api/v1/calendar/appointments"
AVAILABILITY_PATHS = (
    "api/v1/provider-availability",  # docs.careglp.com (production)
    "api/v1/calendar/provider-availability",  # docs-staging.careglp.com
)
# The desk's reads: one list request per chunk of days [ours: the list has no pagination].
CHUNK_DAYS = 31
AHEAD_DAYS = 366
_NOT_FOUND_WORDS = ("not found", "notfound", "does not exist")


class LookupRefused(ApiError):
    """The list refused a lookup with a 4xx that is not "no such user": it tells nothing."""

    def __init__(self, status: int, text: str) -> None:
        super().__init__(f"HTTP {status} {text}".strip(), retry=False)
        self.status = status


class Undecidable(Exception):
    """Several listed appointments could be the one looked for."""


def fail_text(answer: Answer) -> str:
    """The server's words on a refusal: a 400's `error`, else `message`; '' if unreadable."""
    try:
        body = parse(CvEnvelope, answer)
    except BadAnswer:
        return ""
    return body.error or body.message or ""


def _wait(answer: Answer) -> float | None:
    return retry_after_seconds(answer.header("retry-after"), utc_now())


def get(http: HttpClient, path: str, params: dict[str, str | int]) -> Answer:
    """A GET that answered 2xx or a 4xx worth reading; ApiError on network, 429 and 5xx."""
    try:
        answer = http.request("GET", path, params=params)
    except TransportError as exc:
        raise ApiError(f"network: {exc}", retry=True) from exc
    if answer.status == 429 or answer.status >= 500:
        raise ApiError(f"HTTP {answer.status} on GET {path}", True, _wait(answer))
    return answer


def refused(answer: Answer, path: str) -> ApiError:
    text = fail_text(answer) or "(the answer could not be read)"
    refused_key = answer.status in (401, 403)
    return ApiError(
        f"HTTP {answer.status} {text} on GET {path}", retry=False, credentials=refused_key
    )


def read_links(
    http: HttpClient, params: dict[str, str | int], preferred: str | None
) -> tuple[Answer, str]:
    """Provider availability, at the path that answered last time, else production first and
    staging on a 404. Returns the 2xx answer and its path; ApiError otherwise."""
    paths = [preferred] if preferred else list(AVAILABILITY_PATHS)
    answer: Answer | None = None
    for path in paths:
        answer = get(http, path, params)
        if 200 <= answer.status < 300:
            return answer, path
        if answer.status != 404:
            raise refused(answer, path)
    assert answer is not None
    if preferred:  # the remembered path went away: try both again
        return read_links(http, params, None)
    raise refused(answer, paths[-1])


def list_dates(http: HttpClient, first: date, last: date) -> list[CvItem]:
    """Every listed appointment overlapping the days `[first, last]`, in chunks, once each."""
    seen: dict[str, CvItem] = {}
    cursor = first
    while cursor <= last:
        stop = min(last, cursor + timedelta(days=CHUNK_DAYS - 1))
        params: dict[str, str | int] = {
            "start_date": cursor.isoformat(),
            "end_date": stop.isoformat(),
        }
        answer = get(http, LIST, params)
        if not 200 <= answer.status < 300:
            raise refused(answer, LIST)
        for item in parse(CvItems, answer).data:
            seen.setdefault(item.id, item)  # the overlap rule lists a boundary one twice
        cursor = stop + timedelta(days=1)
    return list(seen.values())


def list_for(http: HttpClient, email: str, around: datetime) -> list[CvItem]:
    """The listed appointments of the user `email` whose days touch `around` ± 1 day; none when
    CareValidate does not know the user. :class:`LookupRefused` on another 4xx."""
    day = around.date()
    params: dict[str, str | int] = {
        "user_email": email,
        "start_date": (day - timedelta(days=1)).isoformat(),
        "end_date": (day + timedelta(days=1)).isoformat(),
    }
    answer = get(http, LIST, params)
    if 200 <= answer.status < 300:
        return parse(CvItems, answer).data
    text = fail_text(answer)
    if answer.status == 404 or any(w in text.casefold() for w in _NOT_FOUND_WORDS):
        return []  # NotFoundError: a user with no appointments [doc: "if user does not exist"]
    raise LookupRefused(answer.status, text or "(the answer could not be read)")


def pick(items: Sequence[CvItem], start: datetime, provider: str | None) -> CvItem | None:
    """The item that starts at `start` (the same instant); when several do, the one whose
    `agentName` is `provider`. :class:`Undecidable` when that still leaves several."""
    same = []
    for item in items:
        try:
            if mapping.instant(item.start, "start") == start:
                same.append(item)
        except BadAnswer:
            raise Undecidable(f"appointment {item.id} has an unreadable start") from None
    if len(same) <= 1:
        return same[0] if same else None
    mine = [i for i in same if provider and i.agentName == provider]
    if len(mine) == 1:
        return mine[0]
    raise Undecidable(f"{len(same)} appointments of this patient start at that time")
