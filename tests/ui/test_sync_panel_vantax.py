"""The sync panel on a VantaX connection: a new patient's contact waits in the queue as its
own line, in plain words ("VantaX contact for <time> <service>"), ahead of the appointment."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from frontdesk.app.context import AppContext
from frontdesk.app.desk import clinic_zone
from frontdesk.app.paths import Paths
from frontdesk.domain import dates
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.timeutil import to_local
from frontdesk.sandbox import SandboxServer
from frontdesk.ui.sync_panel import SyncPanelWidget

SUB = "sub_8a1f4c2e"
ZONE = "America/New_York"
START = (datetime.now(UTC) + timedelta(days=10)).replace(hour=15, minute=0, second=0, microsecond=0)


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    with SandboxServer(rate_limit=0, providers=("vantax",)) as server:
        api = server.provider("vantax")
        ctx = AppContext(Paths.resolve(tmp_path / "profile"), use_keyring=False)
        ctx.connect(
            "vantax",
            "Downtown",
            api.base_url,
            api.build.api_key,
            {"sub_account_id": SUB, "timezone": ZONE},
        )
        for cid in ctx.connectors:
            ctx.engine.pull(cid)
        try:
            yield ctx
        finally:
            ctx.close()


def test_the_contact_waits_as_its_own_line(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    booking = context.booking.book(
        BookingRequest(
            connection_id=context.connections()[0].id,
            service_id="svc_cal_22f9",
            resource_id="cal_22f9",
            start=START,
            patient_name="Amelia Hart",
            patient_phone="+1 212 555 0100",
            patient_email="amelia@example.com",
        )
    )
    panel = SyncPanelWidget(context)
    qtbot.addWidget(panel)
    panel.refresh()
    when = dates.moment(to_local(booking.start, clinic_zone(context)))
    rows = [panel.queue.topLevelItem(i) for i in range(panel.queue.topLevelItemCount())]
    assert [(r.text(1), r.text(2)) for r in rows] == [
        ("Amelia Hart", f"VantaX contact for {when} Dental cleaning"),
        ("Amelia Hart", "new booking"),
    ]
    context.engine.drain()
    panel.refresh()
    assert panel.counts() == (0, 0, 0)
