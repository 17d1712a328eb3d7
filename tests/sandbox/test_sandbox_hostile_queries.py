"""Hostile query parameters and write bodies beyond create, against the five sandbox APIs over
real HTTP (the sibling of test_sandbox_hostile_bodies): every read endpoint's parameters get
dates at the calendar's ends (years 0001 and 9999), wrong types, huge numbers and odd text, one
at a time, as ranges and as generated sets: never a 5xx, always a JSON answer (the writes beyond
create are in test_sandbox_hostile_writes)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.carevalidate.clinic import TELEHEALTH_ID
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID, MAIN_BRANCH_ID
from frontdesk.sandbox.vantax.clinic import AGENCY_KEY
from support.hostile import PROVIDERS, Wire
from support.meetergo import ANNA, CONSULT

DAY = (date.today() + timedelta(days=14)).isoformat()
WEEK_ON = (date.today() + timedelta(days=21)).isoformat()
Params = dict[str, str]


@dataclass(frozen=True)
class Reads:
    """An API's read endpoints (``{id}``: a booking made first) with parameters they accept,
    and every parameter name any of its reads looks at."""

    paths: dict[str, Params]
    names: tuple[str, ...]
    ranges: tuple[tuple[str, str], ...]  # pairs that bound a period
    keys: dict[str, str] | None = None  # paths read with another bearer key than the writes'


READS: dict[str, Reads] = {
    "huskyvoice": Reads(
        {
            "/appointments": {},
            "/appointments/{id}": {},
            "/services": {},
            "/appointment-config": {},
            "/appointment-slots/availability": {
                "date": DAY,
                "branch_id": MAIN_BRANCH_ID,
                "appointment_type": GENERAL_CHECKUP_ID,
            },
        },
        (
            "date",
            "start_date",
            "end_date",
            "status",
            "branch_id",
            "appointment_type",
            "session",
            "batch",
            "page",
            "limit",
            "search",
        ),
        (("start_date", "end_date"),),
    ),
    "vantax": Reads(
        {
            "/appointments": {"sub_account_id": "sub_8a1f4c2e"},
            "/appointments/{id}": {"sub_account_id": "sub_8a1f4c2e"},
            "/contacts": {"sub_account_id": "sub_8a1f4c2e"},
            "/calendars": {"sub_account_id": "sub_8a1f4c2e"},
            "/calendars/cal_22f9": {"sub_account_id": "sub_8a1f4c2e"},
            "/agency/sub-accounts": {},
        },
        (
            "sub_account_id",
            "start_date",
            "end_date",
            "status",
            "calendar_id",
            "agent_id",
            "limit",
            "starting_after",
            "search",
            "is_active",
        ),
        (("start_date", "end_date"),),
        {"/agency/sub-accounts": AGENCY_KEY},
    ),
    "vastal": Reads(
        {
            "/calendar/appointments": {},
            "/calendar/appointment-types": {},
            "/calendar/availability": {},
        },
        ("status", "from", "to", "limit", "page", "is_active"),
        (("from", "to"),),
    ),
    "meetergo": Reads(
        {
            "/user": {},
            "/user/me": {},
            "/meeting-type": {},
            f"/meeting-type/{CONSULT}": {},
            "/booking-availability": {
                "meetingTypeId": CONSULT,
                "start": DAY,
                "end": WEEK_ON,
                "hostIds": ANNA,
            },
            "/appointment/paginated": {},
            "/provisional-booking/paginated": {},
            "/appointment/{id}": {},
        },
        (
            "meetingTypeId",
            "start",
            "end",
            "timezone",
            "meetingDuration",
            "hostIds",
            "page",
            "limit",
            "status",
        ),
        (("start", "end"),),
    ),
    "carevalidate": Reads(
        {
            "/api/v1/calendar/appointments": {
                "user_email": "invitee@example.com",
                "start_date": DAY,
                "end_date": WEEK_ON,
            },
            "/api/v1/calendar/provider-availability": {"provider_states": "CA"},
            "/api/v1/provider-availability": {
                "start_time": f"{DAY}T00:00:00Z",
                "end_time": f"{WEEK_ON}T00:00:00Z",
                "provider_states": "CA",
                "event_type_id": TELEHEALTH_ID,
            },
        },
        (
            "user_email",
            "start_date",
            "end_date",
            "provider_states",
            "provider_email",
            "event_type_id",
            "start_time",
            "end_time",
            "status",
        ),
        (("start_date", "end_date"), ("start_time", "end_time")),
    ),
}
EDGE_DATES = [
    "0001-01-01",
    "9999-12-31",
    "0001-01-01T00:00:00Z",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59Z",
    "9999-12-31T23:59:59-14:00",
]
ODD_TEXT = [
    "",
    "-1",
    "0",
    "9" * 400,
    "1e308",
    "nan",
    "-inf",
    "true",
    "[]",
    "{}",
    "[1, 2]",
    '{"a": 1}',
    "\x00",
    "\u202e\U0001f600",
    "x" * 5_000,
]


def get(w: Wire, path: str, params: Params | list[tuple[str, str]]) -> httpx.Response:
    key = (READS[w.api.name].keys or {}).get(path)
    headers = {**w.headers, "Authorization": f"Bearer {key}"} if key else w.headers
    return w.http.get(w.server.base_url + path, params=params, headers=headers)


def assert_answered(answer: httpx.Response, what: str) -> None:
    assert answer.status_code < 500, (what, answer.status_code, answer.text[:300])
    answer.json()  # a JSON answer, refused or not


@pytest.mark.parametrize("name", PROVIDERS)
def test_every_query_parameter_with_an_edge_date_or_a_wrong_type_is_answered(
    five: SandboxServer, http: httpx.Client, name: str
) -> None:
    w = Wire(five, name, http)
    w.reset()
    ident = w.book()
    reads = READS[name]
    answered = 0
    for template, good in reads.paths.items():
        path = template.replace("{id}", ident)
        assert get(w, path, good).status_code == 200, path  # the sweep starts from a good read
        for param in reads.names:
            for value in [*EDGE_DATES, *ODD_TEXT]:
                answer = get(w, path, {**good, param: value})
                assert_answered(answer, f"{name} {path}: {param} = {value!r:.40}")
                answered += 1
            twice = get(w, path, [*good.items(), (param, "1"), (param, "[]")])
            assert_answered(twice, f"{name} {path}: {param} twice")
        for low, high in reads.ranges:  # the widest period, and one upside down
            for first, last in (
                ("0001-01-01", "9999-12-31"),
                ("9999-12-31", "0001-01-01"),
                ("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"),
            ):
                answer = get(w, path, {**good, low: first, high: last})
                assert_answered(answer, f"{name} {path}: {low}={first} {high}={last}")
        if "{id}" in template:
            for odd in ("9" * 400, "%00", "..", "x" * 2_000, "[]"):
                answer = get(w, template.replace("{id}", odd), good)
                assert_answered(answer, f"{name} {template}: id {odd!r:.20}")
    assert answered


ODD_PARAM = st.one_of(
    st.sampled_from([*EDGE_DATES, *ODD_TEXT]),
    st.text(max_size=20),
    st.integers(-(10**30), 10**30).map(str),
    st.builds(
        lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}",
        st.sampled_from([1, 2, 1970, 9998, 9999]),
        st.integers(0, 13),
        st.integers(0, 32),
    ),
)


@pytest.mark.parametrize("name", PROVIDERS)
def test_generated_query_parameters_never_get_a_5xx(
    five: SandboxServer, http: httpx.Client, name: str
) -> None:
    w = Wire(five, name, http)
    w.reset()
    ident = w.book()
    reads = READS[name]

    @settings(max_examples=40, deadline=None, database=None)
    @given(
        template=st.sampled_from(sorted(reads.paths)),
        changed=st.dictionaries(st.sampled_from(reads.names), ODD_PARAM, max_size=4),
    )
    def check(template: str, changed: Params) -> None:
        path = template.replace("{id}", ident)
        answer = get(w, path, {**reads.paths[template], **changed})
        assert_answered(answer, f"{name} {path}: {changed!r:.200}")

    check()


def test_a_vastal_list_bound_past_the_calendars_end_is_a_400_in_the_calendar_form(
    five: SandboxServer, http: httpx.Client
) -> None:
    w = Wire(five, "vastal", http)
    w.reset()
    answer = get(w, "/calendar/appointments", {"to": "9999-12-31"})  # its next day: year 10000
    assert (answer.status_code, answer.json()) == (400, {"error": "to is out of range"})
    for inside in ({"to": "9999-12-30"}, {"from": "0001-01-01"}):  # the org is west of UTC
        assert get(w, "/calendar/appointments", inside).json() == {"appointments": []}
