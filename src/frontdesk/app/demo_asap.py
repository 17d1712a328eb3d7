"""The demo clinic's ASAP list: two patients waiting for an earlier check-up, put on it when
the demo first connects its HuskyVoice sandbox (a kept demo profile keeps what became of them)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from frontdesk.app import asap
from frontdesk.domain.asap import PartOfDay
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID, MAIN_BRANCH_ID

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext


def seed_asap(context: AppContext, connection_id: str) -> None:
    """Two sample entries for the demo's HuskyVoice connection ``connection_id``."""
    today = asap.today(context)
    samples = (
        asap.AsapForm(
            patient_name="Priya Raman",
            patient_phone="+442079460871",
            connection_id=connection_id,
            service_id=GENERAL_CHECKUP_ID,
            resource_id=MAIN_BRANCH_ID,
            weekdays=frozenset({0, 2, 4}),
            parts=frozenset({PartOfDay.MORNING}),
            until=today + timedelta(days=21),
            note="Can come at 30 minutes' notice",
        ),
        asap.AsapForm(
            patient_name="Tom Okafor",
            patient_phone="+442079460872",
            connection_id=connection_id,
            service_id=GENERAL_CHECKUP_ID,
            parts=frozenset({PartOfDay.AFTERNOON, PartOfDay.EVENING}),
            until=today + timedelta(days=10),
            note="After school only",
        ),
    )
    for form in samples:
        asap.add(context, form)
