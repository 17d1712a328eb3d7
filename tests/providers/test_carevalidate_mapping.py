"""CareValidate mapping, options and answer classification on canned answers (no network): the
connector's HTTP client is replaced by a script of `Answer`s, so every request it makes is
seen and every documented (and undocumented) answer can be fed to it."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.verdict import Severity
from frontdesk.providers.base import (
    Accepted,
    Ambiguous,
    ApiError,
    CannotTell,
    Refused,
    RetryLater,
)
from frontdesk.providers.carevalidate import CareValidateConnector, mapping, options, pull
from frontdesk.providers.carevalidate.wire import CvItem, CvLink
from frontdesk.providers.http import Answer, TransportError

TELE = "85f13305-0647-4473-9e63-0a56af405f6f"
FOLLOW = "5d0c2a8e-4b7f-4f0e-9a41-2c6f3e1b7d90"
ANA = "Dr. Ana Ruiz"
START = datetime.now(UTC).replace(microsecond=0, second=0, minute=30) + timedelta(days=9)
OPTIONS = {"provider_states": "ca, ny", "timezone": "America/Los_Angeles"}
LINKS = {
    "status": 200,
    "success": True,
    "message": "Providers Availability link fetched successfully",
    "data": [
        {
            "providerName": ANA,
            "calendlyLink": "https://calendly.com/ana-ruiz/telehealth-consultation",
            "eventTypeId": TELE,
        },
        {
            "providerName": ANA,
            "calendlyLink": "https://calendly.com/ana-ruiz/follow-up",
            "eventTypeId": FOLLOW,
            "unknownMember": {"ignored": True},
        },
    ],
}


def stamp(instant: datetime) -> str:
    return instant.strftime("%Y-%m-%dT%H:%M:%SZ")


def item(ident: str = "apt-1", start: datetime = START, minutes: int = 30, **more: Any) -> dict:
    return {
        "id": ident,
        "createdAt": "2024-01-15T10:00:00Z",
        "updatedAt": "2024-01-15T10:00:00Z",
        "title": "Mary Ann Smith",
        "start": stamp(start),
        "end": stamp(start + timedelta(minutes=minutes)),
        "topic": "Telehealth",
        "description": "",
        "color": "#FF5733",
        "isEditable": True,
        "agentEventId": "agent-event-id",
        "agentName": ANA,
        "status": "CONFIRMED",
        "isDeleted": False,
        "meetingDetails": {},
        "case": {"id": "case-id"},
        **more,
    }


def listed(*items: dict) -> dict:
    return {"status": 200, "success": True, "message": "Appointments fetched successfully",
            "data": list(items)}  # fmt: skip


SCHEDULED = {"status": 200, "success": True, "message": "Meeting scheduled successfully"}
CANCELLED = {"status": 200, "success": True, "message": "Meeting cancelled successfully"}
INVALID = {"status": 400, "success": False, "message": "Invalid request", "error": "x failed"}


def answer(status: int, body: object, **headers: str) -> Answer:
    text = body if isinstance(body, str) else json.dumps(body)
    return Answer(status, {k.lower().replace("_", "-"): v for k, v in headers.items()}, text)


class Script:
    """The connector's HTTP client: answers in order, and every request it was sent."""

    def __init__(self, *answers: Answer | Exception) -> None:
        self.answers = list(answers)
        self.sent: list[tuple[str, str, dict[str, Any] | None, Any]] = []

    def request(self, method: str, path: str, *, params: Any = None, body: Any = None,
                headers: Any = None) -> Answer:  # fmt: skip
        self.sent.append((method, path, dict(params) if params else None, body))
        got = self.answers.pop(0)
        if isinstance(got, Exception):
            raise got
        return got

    def close(self) -> None:
        pass


def scripted(*answers: Answer | Exception, **opts: str) -> tuple[CareValidateConnector, Script]:
    connector = CareValidateConnector("c", "http://127.0.0.1:9", "key", {**OPTIONS, **opts})
    script = Script(*answers)
    connector._http = script  # type: ignore[assignment]
    return connector, script


def desk_booking(**changes: Any) -> Booking:
    booking = Booking(
        id="bk-1",
        connection_id="c",
        service_id=TELE,
        resource_id=ANA,
        start=START,
        end=START + timedelta(minutes=30),
        patient_name="Mary Ann Smith",
        patient_phone="+12125550100",
        patient_email="mary@example.com",
        external_ref="bk-1",
    )
    return booking.with_changes(**changes)


# -- options and bodies ----------------------------------------------------------------------
def test_options_are_read_and_checked() -> None:
    read = options.read_options(
        {**OPTIONS, "durations": f"{TELE}=30, {FOLLOW}=15", "duration_minutes": "20"}
    )
    assert read.provider_states == "CA,NY" and read.problem is None
    assert read.duration(FOLLOW) == (15, True) and read.duration("other") == (20, False)
    assert options.read_options({}).provider_states is None
    for bad, word in (
        ({"provider_states": "CA,XX"}, "XX is not a US state code"),
        ({"provider_states": " , "}, "at least one US state code"),
        ({"provider_states": "CA", "timezone": "PST"}, "timezone"),
        ({"provider_states": "CA", "location": "phone"}, "location"),
        ({"provider_states": "CA", "durations": "abc"}, "durations"),
        ({"provider_states": "CA", "duration_minutes": "0"}, "duration_minutes"),
    ):
        assert word in (options.read_options(bad).problem or ""), bad


def test_split_name() -> None:
    assert mapping.split_name("Mary Ann  Smith") == ("Mary Ann", "Smith")
    assert mapping.split_name("Cher") == ("Cher", None)
    assert mapping.split_name("  ") == (None, None)


def test_create_body_from_a_desk_booking() -> None:
    body = mapping.create_body(desk_booking(), "America/Los_Angeles", "zoom_conference")
    assert body == {
        "eventTypeId": TELE,
        "startTime": stamp(START),  # as the page's example: no milliseconds
        "email": "mary@example.com",
        "timezone": "America/Los_Angeles",
        "location": "zoom_conference",
        "firstName": "Mary Ann",
        "lastName": "Smith",
        "tracking": {
            "utmCampaign": None,
            "utmSource": None,
            "utmMedium": None,
            "utmContent": None,
            "utmTerm": None,
            "salesforceUuid": "bk-1",
        },
    }
    custom = desk_booking(extra={"timezone": "Asia/Kolkata", "location": "webex_conference"})
    body = mapping.create_body(custom, "UTC", "zoom_conference")
    assert (body["timezone"], body["location"]) == ("Asia/Kolkata", "webex_conference")


# -- catalog ---------------------------------------------------------------------------------
def test_catalog_from_provider_availability_only() -> None:
    connector, script = scripted(
        answer(404, {"status": 404, "success": False, "message": "Not found"}),
        answer(200, LINKS),
        answer(200, LINKS),
        durations=f"{TELE}=30",
    )
    catalog = connector.pull_catalog([])
    first, second = script.sent
    assert first[1] == "api/v1/provider-availability"  # production's path first
    assert second[1] == "api/v1/calendar/provider-availability"  # staging's on a 404
    assert first[2] == {"provider_states": "CA,NY"}
    assert [(s.id, s.name, s.duration_minutes) for s in catalog.services] == [
        (TELE, "Telehealth Consultation", 30),
        (FOLLOW, "Follow Up", 30),
    ]
    assert catalog.services[1].extra["durationAssumed"] is True
    assert catalog.services[0].extra["providers"] == [ANA]
    assert [(r.id, r.name, r.kind) for r in catalog.resources] == [(ANA, ANA, "provider")]
    assert catalog.windows == [] and catalog.policy.timezone == "America/Los_Angeles"
    connector.pull_catalog([])
    assert script.sent[2][1] == "api/v1/calendar/provider-availability"  # remembered


def test_catalog_needs_provider_states_and_reads_refusals() -> None:
    connector, script = scripted()
    connector.options = options.read_options({})
    with pytest.raises(ApiError, match="provider_states") as missing:
        connector.pull_catalog([])
    assert not missing.value.retry and script.sent == []
    connector, _ = scripted(answer(400, {**INVALID, "error": "Invalid state codes"}))
    with pytest.raises(ApiError, match="HTTP 400 Invalid state codes") as bad:
        connector.pull_catalog([])
    assert not bad.value.retry
    connector, _ = scripted(answer(429, {"status": 429}, Retry_After="9"))
    with pytest.raises(ApiError) as busy:
        connector.pull_catalog([])
    assert busy.value.retry and busy.value.not_before_s == 9


def test_service_names_from_the_calendly_link() -> None:
    assert mapping.service_name("https://calendly.com/p/weight-check_in", "x") == "Weight Check In"
    assert mapping.service_name(None, "0123456789") == "Event type 01234567"
    assert mapping.service_name("https://calendly.com/p", "0123456789") == "Event type 01234567"


# -- list items ------------------------------------------------------------------------------
def lengths() -> mapping.Lengths:
    return mapping.Lengths({ANA: [(TELE, 30), (FOLLOW, 15)], "Dr. One": [("only", 45)]}, 30)


def test_an_item_seen_only_remotely() -> None:
    booking = mapping.booking_from_item(CvItem.model_validate(item()), "c", lengths())
    assert booking.id == mapping.local_booking_id("c", "apt-1") and booking.remote_id == "apt-1"
    assert (booking.start, booking.end - booking.start) == (START, timedelta(minutes=30))
    assert (booking.service_id, booking.resource_id) == (TELE, ANA)  # the one 30-minute type
    assert booking.patient_name == "Mary Ann Smith" and booking.patient_email is None
    assert booking.visit_status is VisitStatus.BOOKED
    assert booking.sync_state is SyncState.CONFIRMED
    assert booking.extra["cvCaseId"] == "case-id" and "cvStatus" not in booking.extra
    odd = CvItem.model_validate(
        item(minutes=20, agentName="Someone", status="PENDING", title=7, case="x", end=None)
    )
    other = mapping.booking_from_item(odd, "c", lengths())
    assert (other.service_id, other.resource_id) == ("", "")  # not told: left open
    assert other.patient_name == "CareValidate appointment"  # an unreadable title is absent
    assert other.end - other.start == timedelta(minutes=30) and other.extra["cvStatus"] == "PENDING"
    only = CvItem.model_validate(item(agentName="Dr. One", minutes=60))
    assert mapping.booking_from_item(only, "c", lengths()).service_id == "only"


def test_a_desk_booking_keeps_its_fields_when_listed() -> None:
    desk = desk_booking(visit_status=VisitStatus.CANCELLED, sync_state=SyncState.PENCILLED)
    seen = mapping.listed_desk_booking(desk, CvItem.model_validate(item(minutes=45)), 30)
    assert (seen.id, seen.external_ref, seen.remote_id) == ("bk-1", "bk-1", "apt-1")
    assert seen.patient_name == "Mary Ann Smith" and seen.patient_phone == "+12125550100"
    assert seen.end - seen.start == timedelta(minutes=45)  # the list's end
    assert seen.visit_status is VisitStatus.BOOKED and seen.sync_state is SyncState.CONFIRMED


# -- writes ----------------------------------------------------------------------------------
def test_a_200_is_accepted_and_the_id_looked_up_at_once() -> None:
    connector, script = scripted(answer(200, SCHEDULED), answer(200, listed(item())))
    outcome = connector.create(desk_booking(), "k")
    assert isinstance(outcome, Accepted) and not outcome.replayed
    assert outcome.booking.remote_id == "apt-1"
    assert outcome.booking.sync_state is SyncState.CONFIRMED
    assert outcome.booking.extra[mapping.HELD_START].startswith(START.strftime("%Y-%m-%dT%H:%M"))
    (_, path, _, body), (_, lookup, params, _) = script.sent
    assert path == "api/v1/calendar/appointments" and body["eventTypeId"] == TELE
    assert lookup == "api/v1/calendar/appointments"
    assert params == {
        "user_email": "mary@example.com",
        "start_date": (START.date() - timedelta(days=1)).isoformat(),
        "end_date": (START.date() + timedelta(days=1)).isoformat(),
    }


@pytest.mark.parametrize(
    "lookup",
    [
        answer(429, {"status": 429, "success": False, "message": "Rate limit exceeded"}),
        answer(200, listed()),
        answer(200, "<html>"),
        TransportError("timeout", True, "read"),
    ],
)
def test_a_200_stays_accepted_without_an_id(lookup: Answer | Exception) -> None:
    connector, _ = scripted(answer(200, SCHEDULED), lookup)
    outcome = connector.create(desk_booking(), "k")
    assert isinstance(outcome, Accepted) and outcome.booking.remote_id is None
    assert outcome.booking.sync_state is SyncState.CONFIRMED


def outcome_of(first: Answer | Exception) -> object:
    connector, _ = scripted(first, answer(200, listed()))
    return connector.create(desk_booking(), "k")


def test_refusals_and_retries_by_status() -> None:
    bad = outcome_of(answer(400, {**INVALID, "error": "email must be a valid email address"}))
    assert isinstance(bad, Refused) and not bad.credentials
    assert (bad.verdict.status, bad.verdict.code, bad.verdict.field) == (400, None, "patient_email")
    assert bad.verdict.message == "email must be a valid email address"
    key = outcome_of(answer(401, {"status": 401, "success": False, "message": "Unauthorized"}))
    assert isinstance(key, Refused) and key.credentials and key.verdict.message == "Unauthorized"
    html = outcome_of(answer(400, "<html>oops</html>"))  # unreadable 4xx: a refusal, by status
    assert isinstance(html, Refused) and html.verdict.status == 400
    assert "could not be read" in (html.verdict.message or "")
    limited = outcome_of(answer(429, {"status": 429}, Retry_After="7"))
    assert isinstance(limited, RetryLater) and limited.not_before_s == 7 and limited.untouched
    dated = outcome_of(answer(503, {}, Retry_After="Wed, 21 Oct 2099 07:28:00 GMT"))
    assert isinstance(dated, RetryLater) and (dated.not_before_s or 0) > 0 and not dated.untouched
    assert isinstance(outcome_of(answer(200, "<html>")), Ambiguous)  # a 2xx nobody can read
    assert isinstance(outcome_of(answer(200, {**SCHEDULED, "success": False})), Ambiguous)
    assert isinstance(outcome_of(TransportError("timeout", True, "read")), Ambiguous)
    never = outcome_of(TransportError("connect", False, "refused"))
    assert isinstance(never, RetryLater) and never.untouched


def test_cancel_sends_the_documented_body_and_reads_either_200() -> None:
    for message in ("Meeting cancelled successfully", "Meeting schedule successfully"):
        connector, script = scripted(answer(200, {**CANCELLED, "message": message}))
        done = connector.cancel(desk_booking(remote_id="apt-1"), "k")
        assert isinstance(done, Accepted)
        assert done.booking.visit_status is VisitStatus.CANCELLED
        assert script.sent == [
            (
                "POST",
                "api/v1/calendar/appointments/cancel",
                None,
                {"email": "mary@example.com", "appointmentId": "apt-1"},
            )
        ]


def test_cancel_without_an_id_looks_it_up_first_and_waits_while_unlisted() -> None:
    connector, script = scripted(answer(200, listed(item())), answer(200, CANCELLED))
    done = connector.cancel(desk_booking(), "k")
    assert isinstance(done, Accepted) and done.booking.remote_id == "apt-1"
    assert script.sent[1][3] == {"email": "mary@example.com", "appointmentId": "apt-1"}
    for lookup in (answer(200, listed()), answer(404, {"status": 404}), answer(503, {})):
        connector, script = scripted(lookup)
        waits = connector.cancel(desk_booking(), "k")
        assert isinstance(waits, RetryLater) and waits.untouched and len(script.sent) == 1
    nothing, script = scripted()
    refused = nothing.cancel(desk_booking(patient_email=None, remote_id="apt-1"), "k")
    assert isinstance(refused, Refused) and refused.verdict.field == "patient_email"
    unmovable = nothing.reschedule(desk_booking(patient_email=None, remote_id="apt-1"), "k")
    assert isinstance(unmovable, Refused) and unmovable.verdict.field == "patient_email"
    assert script.sent == []


def test_a_refused_cancel_of_an_unlisted_appointment_is_done() -> None:
    connector, _ = scripted(answer(400, {**INVALID, "error": "gone"}), answer(200, listed()))
    again = connector.cancel(desk_booking(remote_id="apt-1"), "k")  # after a lost answer
    assert isinstance(again, Accepted) and again.replayed
    assert again.booking.visit_status is VisitStatus.CANCELLED
    connector, _ = scripted(answer(400, {**INVALID, "error": "nope"}), answer(200, listed(item())))
    still = connector.cancel(desk_booking(remote_id="apt-1"), "k")
    assert isinstance(still, Refused)
    assert "CareValidate refused the cancel: nope" in (still.verdict.message or "")
    assert "pages do not say the two are the same" in (still.verdict.message or "")


# -- lookups after a lost answer -------------------------------------------------------------
def test_find_existing_uses_the_documented_list_only() -> None:
    connector, script = scripted(answer(200, listed(item("other", START + timedelta(hours=1)))))
    assert connector.find_existing(desk_booking()) is None
    assert set(script.sent[0][2] or {}) == {"user_email", "start_date", "end_date"}
    connector, _ = scripted(answer(200, listed(item())))
    found = connector.find_existing(desk_booking())
    assert found is not None and found.remote_id == "apt-1" and found.id == "bk-1"
    connector, _ = scripted(answer(404, {"status": 404, "message": "NotFoundError"}))
    assert connector.find_existing(desk_booking()) is None  # an unknown user has nothing
    connector, _ = scripted(answer(400, {**INVALID, "error": "User not found"}))
    assert connector.find_existing(desk_booking()) is None


@pytest.mark.parametrize(
    ("first", "changes"),
    [
        (answer(400, INVALID), {}),  # a refusal that tells nothing
        (answer(422, "<html>"), {}),
        (answer(200, listed(item("a", agentName="X"), item("b", agentName="Y"))), {}),
        (None, {"start": START - timedelta(days=30)}),  # the list shows future ones only
        (None, {"patient_email": None}),
    ],
)
def test_find_existing_cannot_tell(first: Answer | None, changes: dict[str, Any]) -> None:
    connector, _ = scripted(*([first] if first else []))
    with pytest.raises(CannotTell):
        connector.find_existing(desk_booking(**changes))


def test_find_existing_leaves_the_retryable_to_the_engine() -> None:
    connector, _ = scripted(answer(503, {}))
    with pytest.raises(ApiError):
        connector.find_existing(desk_booking())


# -- pulls in the desk's terms ---------------------------------------------------------------
def desk_terms(
    items: list[dict], desk: list[Booking], find: Callable[[Booking], CvItem | None]
) -> list[Booking]:
    now = datetime.now(UTC)
    return pull.in_desk_terms(
        [CvItem.model_validate(i) for i in items],
        desk,
        find,
        "c",
        lengths(),
        now,
        now + timedelta(days=300),
    )


def never(booking: Booking) -> CvItem | None:
    raise AssertionError("no lookup expected")


def test_a_pull_ties_an_untied_desk_booking_by_email_and_start() -> None:
    untied = desk_booking(sync_state=SyncState.CONFIRMED)
    found = desk_terms([item()], [untied], lambda b: CvItem.model_validate(item()))
    assert [(b.id, b.remote_id, b.external_ref) for b in found] == [("bk-1", "apt-1", "bk-1")]


def test_a_pull_never_adds_a_second_copy_of_an_untied_booking() -> None:
    def cannot(booking: Booking) -> CvItem | None:
        raise ApiError("busy", retry=True)

    untied = desk_booking(sync_state=SyncState.CONFIRMED)
    assert desk_terms([item()], [untied], cannot) == []  # held back until tied
    sending = desk_booking(sync_state=SyncState.PENCILLED)  # its create may be on its way
    assert desk_terms([item()], [sending], never) == []
    refused = desk_booking(sync_state=SyncState.NEEDS_ATTENTION, problem_code=None)
    assert [b.remote_id for b in desk_terms([item()], [refused], never)] == ["apt-1"]


def test_missing_from_a_pull_is_flagged_never_cancelled() -> None:
    linked = desk_booking(remote_id="gone", sync_state=SyncState.CONFIRMED)
    (flagged,) = desk_terms([], [linked], never)
    assert flagged.visit_status is VisitStatus.BOOKED  # kept, not cancelled
    assert (flagged.sync_state, flagged.problem_code) == (
        SyncState.NEEDS_ATTENTION,
        pull.NOT_LISTED,
    )
    assert "No longer listed by CareValidate" in (flagged.problem_message or "")
    back = desk_terms([item("gone")], [flagged], never)
    assert back[0].sync_state is SyncState.CONFIRMED and back[0].problem_code is None
    untied = desk_booking(sync_state=SyncState.CONFIRMED)
    (never_listed,) = desk_terms([], [untied], lambda b: None)
    assert never_listed.remote_id is None and never_listed.problem_code == pull.NOT_LISTED
    past = desk_booking(remote_id="old", start=START - timedelta(days=20))
    moving = desk_booking(remote_id="moving", sync_state=SyncState.PENCILLED)
    done = desk_booking(remote_id="done", visit_status=VisitStatus.CANCELLED,
                        sync_state=SyncState.CONFIRMED)  # fmt: skip
    assert desk_terms([], [past, moving, done], never) == []
    assert desk_terms([item("done")], [done], never) == []  # an acknowledged cancel stays


def test_provider_availability_item_needs_its_documented_members() -> None:
    link = CvLink.model_validate({"providerName": ANA, "eventTypeId": TELE})
    assert link.calendlyLink is None


def test_predict_create_risks_speak_in_desk_fields() -> None:
    connector, _ = scripted(answer(200, LINKS))
    catalog = connector.pull_catalog([])
    now = datetime.now(UTC)
    assert connector.predict_create(desk_booking(), catalog, [], now).accepted
    missing = connector.predict_create(desk_booking(patient_email=None), catalog, [], now)
    assert (missing.status, missing.message, missing.field) == (
        400,
        "email is required",
        "patient_email",
    )
    other = desk_booking(id="other", service_id=FOLLOW, start=START + timedelta(minutes=15))
    risk = connector.predict_create(desk_booking(), catalog, [other], now)
    assert risk.accepted and risk.severity is Severity.RISK and risk.field == "start"
    assert connector.judges_any_day and connector.rate_per_minute == 500
    assert connector.idempotent_creates is False
