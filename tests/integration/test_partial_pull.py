"""A refresh against a real HuskyVoice sandbox over loopback, on each kind of store: with one
failed request it keeps every part it fetched and reads only the failed part again at the next
cycle, saying meanwhile which part is stale."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, time, timedelta
from typing import Any

import pytest

from frontdesk.app import sync_status
from frontdesk.app.context import AppContext
from frontdesk.domain.booking import Booking
from frontdesk.domain.timeutil import local_to_utc, to_local
from frontdesk.providers.base import ApiError
from frontdesk.providers.huskyvoice import mapping
from frontdesk.providers.huskyvoice.client import HuskyVoiceConnector
from frontdesk.rules.huskyvoice import SLOTS_DAYS, SLOTS_READ_AT, SLOTS_READ_BY_DAY
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.fault_spec import FaultSpec
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID
from frontdesk.sync.loop import SyncLoop
from support.clinic import MAIN, next_weekday

MakeContext = Callable[[str, str], AppContext]
ZONE = "Europe/London"
# a refresh reads the configuration, the services, then each day's availability (yesterday
# first, CATALOG_DAYS ahead), then the appointments
BEFORE_DAYS = 2


# each test twice: on a desk's SQLite cache and on a clinic's PostgreSQL store
pytestmark = pytest.mark.usefixtures("on_each_store")


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(rate_limit=0, providers=("huskyvoice",), faults=FaultSpec()) as server:
        yield server


def _asked(ctx: AppContext, cid: str) -> list[tuple[str, dict[str, Any]]]:
    """Every request the connection's client makes from now on (path, query)."""
    connector = ctx.connectors[cid]
    assert isinstance(connector, HuskyVoiceConnector)
    http = connector._http
    sent = http.request
    asked: list[tuple[str, dict[str, Any]]] = []

    def request(method: str, path: str, **kw: Any) -> Any:
        asked.append((path, dict(kw.get("params") or {})))
        return sent(method, path, **kw)

    http.request = request  # type: ignore[method-assign]
    return asked


def _windows(ctx: AppContext, cid: str, day: date) -> set[str]:
    ctx.repo.catalogs.forget_catalogs()
    return {w.window_id for w in ctx.repo.catalogs.catalog(cid, day, day).windows}


def _elsewhere(server: SandboxServer, day: date) -> str:
    """A booking made through another channel (no reference of ours); its appointment id."""
    start = local_to_utc(day, time(11, 0), ZONE).instant
    other = Booking(
        id="phone-1",
        connection_id="c",
        service_id=GENERAL_CHECKUP_ID,
        resource_id=MAIN,
        start=start,
        end=start + timedelta(minutes=30),
        patient_name="Rang Up",
        patient_phone="+442079460111",
    )
    answer = server.state.create(mapping.create_body(other, with_reference=False))
    assert answer.status == 201, answer.body
    return str(answer.body["appointment_id"])


def test_one_failed_request_costs_only_its_day_which_the_next_cycle_reads_again(
    sandbox: SandboxServer, make_context: MakeContext
) -> None:
    ctx = make_context(sandbox.base_url, sandbox.api_key)
    cid = ctx.connections()[0].id
    loop = SyncLoop(ctx.engine, pull_every_s=300, forced_pull_s=0)
    assert loop.cycle().pulled == {cid: 0}  # the first refresh: all of it
    today = to_local(ctx.engine.clock(), ZONE).date()
    days = [today + timedelta(days=i) for i in range(-1, ctx.engine.catalog_days)]
    failing, other = [d for d in days[10:] if _windows(ctx, cid, d)][:2]  # open days
    assert other > failing  # read after the failed request
    before_failing, before_other = _windows(ctx, cid, failing), _windows(ctx, cid, other)
    first_read = ctx.repo.catalogs.policy(cid).extra[SLOTS_READ_AT]
    # meanwhile at the clinic: both days' first window closed, a booking made by phone
    state = sandbox.state
    closed_failing, closed_other = sorted(before_failing)[0], sorted(before_other)[0]
    state.close_window(closed_failing, failing)
    state.close_window(closed_other, other)
    phoned = next_weekday(2)
    remote_id = _elsewhere(sandbox, phoned)

    sandbox.injectors["huskyvoice"].script([None] * (BEFORE_DAYS + days.index(failing)) + ["5xx"])
    asked = _asked(ctx, cid)
    report = loop.cycle(forced=True)  # a full refresh, one of whose requests fails
    assert report.pulled == {cid: 1} and not report.pull_errors
    stale = report.stale[cid]
    assert set(stale) == {f"day:{failing.isoformat()}"}
    assert ctx.engine.health[cid].stale == stale and ctx.engine.health[cid].online
    assert _windows(ctx, cid, other) == before_other - {closed_other}  # fetched: kept
    assert _windows(ctx, cid, failing) == before_failing  # failed: as cached, not emptied
    assert len(ctx.booking.catalog_for(cid).services) > 0
    policy = ctx.repo.catalogs.policy(cid).extra  # the kept day counts from its own read
    assert policy[SLOTS_READ_AT] > first_read
    assert policy[SLOTS_READ_BY_DAY] == {failing.isoformat(): first_read}
    assert failing.isoformat() in policy[SLOTS_DAYS]
    pulled = ctx.repo.bookings_between(
        local_to_utc(phoned, time(0), ZONE).instant,
        local_to_utc(phoned + timedelta(days=1), time(0), ZONE).instant,
        cid,
    )
    assert remote_id in {b.remote_id for b in pulled}  # the bookings part was kept
    assert len(asked) == len(days) + 3  # every part was asked for once
    words = sync_status.stale_lines(stale, ZONE)
    assert words[0].startswith("Openings of ") and "could not be refreshed since" in words[0]
    assert sync_status.stale_label(stale) == "openings of 1 day not refreshed"

    asked.clear()
    report = loop.cycle()  # the next cycle: only the failed part, once
    assert asked == [("appointment-slots/availability", {"date": failing.isoformat()})]
    assert report.pulled == {cid: 0} and report.stale == {} and not report.pull_errors
    assert _windows(ctx, cid, failing) == before_failing - {closed_failing}
    read_again = ctx.repo.catalogs.policy(cid).extra[SLOTS_READ_BY_DAY][failing.isoformat()]
    assert read_again > policy[SLOTS_READ_AT]
    assert ctx.engine.health[cid].stale == {}
    asked.clear()
    assert loop.cycle().pulled == {} and asked == []  # nothing stale, nothing old


def test_the_same_fault_fails_a_whole_catalog_read(
    sandbox: SandboxServer, make_context: MakeContext
) -> None:
    """The negative control: the scripted fault does hit the catalog's reads (all or
    nothing when read as one), so the test above keeps parts it would otherwise lose."""
    ctx = make_context(sandbox.base_url, sandbox.api_key)
    cid = ctx.connections()[0].id
    connector = ctx.connectors[cid]
    today = to_local(ctx.engine.clock(), ZONE).date()
    days = [today + timedelta(days=i) for i in range(-1, ctx.engine.catalog_days)]
    sandbox.injectors["huskyvoice"].script([None] * (BEFORE_DAYS + 17) + ["5xx"])
    with pytest.raises(ApiError, match="HTTP 503"):
        connector.pull_catalog(days)
