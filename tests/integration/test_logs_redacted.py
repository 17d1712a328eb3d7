"""No patient's name, phone, email or note and no API key in the log, stdout or stderr, at the
most verbose level, against the real sandboxes: a CSV import, a sync, a clash and an outcome
unknown, with every logger at DEBUG (ours, httpx's, httpcore's, the sandboxes' uvicorn with its
access log). Stand-ins for careless code (``careless``) log the values outright, in a third
party's logger, an exception's traceback and a JSON body, as a library one day might.

The negative control runs the same with the masking turned off: the values are in the log
(phones and emails in httpx's URLs among them), so the test finds a leak when there is one."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest

from frontdesk.app import logs
from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.domain.booking import SyncState
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.outbox import OperationState
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.main import main
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.fault_spec import FaultSpec
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID
from frontdesk.sandbox.meetergo.state import MeetergoState
from support.clinic import MAIN, next_weekday
from support.meetergo import ANNA, CHECK_IN, OPTIONS, next_tuesday
from support.meetergo import API_KEY as MEETERGO_KEY
from support.meetergo import at as berlin
from support.net import MovableClock

ZONE = "Europe/London"
VANTAX = {"sub_account_id": "sub_8a1f4c2e", "timezone": "America/New_York"}
UVICORN = ("uvicorn", "uvicorn.error", "uvicorn.access", "uvicorn.asgi")

# (name, phone, email, notes) of each patient, as typed
IMPORTED = [
    ("Zoë Hartmann-Öztürk", "+44 20 7946 0321", "zoe.hartmann@example.org", "Allergic to latex"),
    ("Brannagh O'Callaghan", "+442079460322", "brannagh@example.net", "Needs step-free access"),
    ("Tobiah Wexford", "+44 (20) 7946-0323", "t.wexford@example.com", "Interpreter: Polish"),
]
REFUSED = ("Ingeborg Quennell", "+442079460324", "ingeborg@example.com", "Refused row")
CLASH = ("Perpetua Skelmersdale", "+442079460325", "perpetua@example.org", "Moved twice")
VANTAX_PATIENT = ("Amelia Hartigan", "+1 212 555 0188", "amelia.h@example.com", "Knee review")
UNKNOWN = ("Erika Mustermann", "+4930123456", "erika@example.com", "Prefers mornings")
PATIENTS = [*IMPORTED, REFUSED, CLASH, VANTAX_PATIENT, UNKNOWN]
# every value, and each surname alone
VALUES = [v for patient in PATIENTS for v in patient] + [p[0].split()[-1] for p in PATIENTS]


def forms(value: str) -> set[str]:
    """What must not be in the log of ``value``: as typed, in a JSON body, in a URL, and a
    phone's digits."""
    found = {value, json.dumps(value)[1:-1], quote(value, safe=""), quote_plus(value, safe="")}
    if value.startswith("+"):
        digits = "".join(c for c in value if c.isdigit())
        found |= {digits, "+" + digits}
    return found


def leaks(text: str, values: list[str]) -> list[str]:
    low = text.lower()
    return sorted({v for value in values for v in forms(value) if v.lower() in low})


@pytest.fixture
def verbose(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every logger at DEBUG into the profile's log, as ``--verbose`` asks; put back after."""
    monkeypatch.setenv(logs.VERBOSE_ENV, "1")
    before = {name: logging.getLogger(name).level for name in (*UVICORN, "httpx", "httpcore")}
    propagate = logging.getLogger("uvicorn.access").propagate
    yield
    logs.detach()
    logs.want_verbose(None)
    for name, level in before.items():
        logging.getLogger(name).setLevel(level)
    logging.getLogger("uvicorn.access").propagate = propagate


def loud() -> None:
    """The sandboxes' uvicorn at DEBUG, with its access log (each request's path and query),
    which it keeps off and at WARNING by itself."""
    for name in UVICORN:
        logging.getLogger(name).setLevel(logging.DEBUG)
    logging.getLogger("uvicorn.access").propagate = True


def write_csv(path: Path, day: date) -> None:
    lines = ["patient_name,start,service,resource,patient_phone,patient_email,notes"]
    for n, (name, phone, email, notes) in enumerate(IMPORTED):
        lines.append(
            f'"{name}",{day} 09:{10 * n:02d},General Checkup,Main Branch,'
            f'"{phone}",{email},"{notes}"'
        )
    name, phone, email, notes = REFUSED
    lines.append(f'"{name}",{day} 09:40,Massage,Main Branch,"{phone}",{email},"{notes}"')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def request(
    connection_id: str, service: str, resource: str, start: object, who: tuple[str, str, str, str]
) -> BookingRequest:
    name, phone, email, notes = who
    return BookingRequest.model_validate(
        {
            "connection_id": connection_id,
            "service_id": service,
            "resource_id": resource,
            "start": start,
            "patient_name": name,
            "patient_phone": phone,
            "patient_email": email,
            "notes": notes,
        }
    )


def careless(ctx: AppContext) -> None:
    """What a careless library or a later change might log: keys in a header dict, a body
    with a patient's values (JSON-escaped), an exception's traceback quoting them."""
    for record in ctx.connections():
        key = ctx.credentials.get(record.id)
        logging.getLogger("somelib.http").debug(
            "sending headers %s", {"Authorization": f"Bearer {key}"}
        )
    name, phone, email, notes = IMPORTED[0]
    body = {"patient": {"name": name, "phone": phone, "email": email, "notes": notes}}
    logging.getLogger("somelib.http").debug("body: %s", json.dumps(body))
    name, phone, email, notes = CLASH
    try:
        raise ValueError(f"could not book {name} ({phone}, {email}): {notes}")
    except ValueError:
        logging.getLogger("frontdesk.sync").exception("an unexpected error")


def scenario(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str, list[str]]:
    """Import, sync, a clash and an outcome unknown; returns the log, stdout and stderr, and
    the keys used."""
    profile = tmp_path / "desk"
    faults = FaultSpec()  # none at random; the outcome unknown's drop is scripted
    with SandboxServer(
        rate_limit=0, providers=("huskyvoice", "meetergo", "vantax"), faults=faults
    ) as server:
        loud()
        meetergo = server.provider("meetergo")
        vantax = server.provider("vantax")
        mg_state = meetergo.build.state
        assert isinstance(mg_state, MeetergoState)
        mg_state.forbidden.add("provisional-booking")  # so a lost create cannot be looked up
        keys = [server.api_key, MEETERGO_KEY, vantax.build.api_key]

        ctx = AppContext(Paths.resolve(profile), use_keyring=False)
        try:
            ctx.connect("huskyvoice", "Clinic", server.base_url, server.api_key)
            ctx.connect("meetergo", "Praxis", meetergo.base_url, MEETERGO_KEY, OPTIONS)
            ctx.connect("vantax", "Downtown", vantax.base_url, vantax.build.api_key, VANTAX)
            for cid in ctx.connectors:
                ctx.engine.pull(cid)
        finally:
            ctx.close()

        csv_file = tmp_path / "bookings.csv"
        write_csv(csv_file, next_weekday(1))
        base = ["--verbose", "--profile-dir", str(profile)]
        assert main([*base, "import", str(csv_file), "--connection", "Clinic"]) == 1
        assert main([*base, "sync", "--once"]) == 0
        assert len(server.state.appointments()) == len(IMPORTED)

        ctx = AppContext(Paths.resolve(profile), use_keyring=False)
        ctx.engine.clock = clock = MovableClock()
        try:
            ids = {r.name: r.id for r in ctx.connections()}
            # VantaX: the patient's contact is looked up by phone first (in the URL's query)
            start = local_to_utc(next_weekday(2, 10), time(10, 0), "America/New_York").instant
            ctx.booking.book(
                request(ids["Downtown"], "svc_cal_22f9", "cal_22f9", start, VANTAX_PATIENT)
            )
            assert ctx.engine.drain().confirmed == 2  # the contact, then the appointment

            # a clash: moved at the desk while the phone agent moved it remotely
            day = next_weekday(3, 9)
            ten = local_to_utc(day, time(10, 0), ZONE).instant
            booking = ctx.booking.book(request(ids["Clinic"], GENERAL_CHECKUP_ID, MAIN, ten, CLASH))
            assert ctx.engine.drain().confirmed == 1
            ctx.booking.reschedule(booking.id, local_to_utc(day, time(11, 0), ZONE).instant)
            stored = ctx.repo.booking(booking.id)
            assert stored is not None and stored.remote_id is not None
            three = local_to_utc(day, time(15, 0), ZONE).instant
            when = three.strftime("%Y-%m-%dT%H:%M:%S.000Z")
            assert server.state.patch(stored.remote_id, {"appointment_date": when}).status == 200
            ctx.engine.pull(ids["Clinic"])
            assert ctx.repo.remote.clash(booking.id) is not None

            # an outcome unknown: meetergo's answer to a create is lost, and no list can tell
            tuesday = next_tuesday()
            ctx.engine.pull(ids["Praxis"])  # its meeting types known: the create is sent first
            ctx.booking.book(request(ids["Praxis"], CHECK_IN, ANNA, berlin(tuesday, 10), UNKNOWN))
            server.injectors["meetergo"].script(["drop"])
            ctx.engine.drain()
            clock.advance(600)
            ctx.engine.drain()
            assert ctx.repo.outbox.unknown_count() == 1
            assert ctx.repo.outbox.operations([OperationState.UNKNOWN])[0][1].sync_state is (
                SyncState.OUTCOME_UNKNOWN
            )
            careless(ctx)
        finally:
            ctx.close()
    logs.detach()  # flushed and closed
    text = "\n".join(
        p.read_text(encoding="utf-8") for p in sorted((profile / "logs").glob("frontdesk.log*"))
    )
    out, err = capsys.readouterr()
    return text, out + err, keys


def test_no_patient_value_or_key_in_the_verbose_log(
    verbose: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log, printed, keys = scenario(tmp_path, capsys)
    # the log is the verbose one: every library's records, from DEBUG up
    for seen in ("DEBUG httpcore", "INFO httpx: HTTP Request", "uvicorn.access", "INFO frontdesk"):
        assert seen in log
    assert "outcome unknown" in log and "[redacted]" in log
    values = VALUES + keys
    assert leaks(log, values) == []
    assert leaks(printed, values) == []


def test_negative_control_without_masking_the_log_leaks(
    verbose: None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(logs, "redact", lambda text: text)
    log, _, keys = scenario(tmp_path, capsys)
    found = set(leaks(log, VALUES + keys))
    assert "[redacted]" not in log
    # httpx's and uvicorn's own records: the VantaX contact search has the phone in its URL
    assert "search=%2B12125550188" in log and "12125550188" in found
    # and what the stand-ins log: keys, a name, phone, email and note, a traceback's text
    assert set(keys) <= found
    assert set(CLASH) <= found and json.dumps(IMPORTED[0][0])[1:-1] in found
