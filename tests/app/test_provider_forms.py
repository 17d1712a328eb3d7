"""Required patient details follow the chosen API (``providers.registry``)."""

from __future__ import annotations

from datetime import UTC, datetime

from frontdesk.app.booking_checks import form_problems_of
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.catalog import Catalog, Policy
from frontdesk.providers.registry import PROVIDERS, form_for


def missing(provider: str, **fields: str) -> set[str]:
    request = BookingRequest(
        connection_id="c",
        service_id="s",
        start=datetime(2027, 6, 15, 9, tzinfo=UTC),
        **fields,  # type: ignore[arg-type]
    )
    catalog = Catalog(Policy("UTC"))
    return {
        v.field or ""
        for v in form_problems_of(request, catalog, form_for(provider).patient_required)
    }


def test_each_api_asks_for_its_own_patient_details() -> None:
    assert missing("huskyvoice") == {"patient_name", "patient_phone"}
    # meetergo: the email too, unless the meeting type allows phone-only booking; the
    # offline rules judge that per meeting type (tests/integration/test_meetergo_sync.py)
    assert missing("meetergo") == {"patient_name"}
    assert missing("carevalidate") == {"patient_email"}
    assert missing("vantax") == {"patient_name", "patient_phone", "patient_email"}
    assert missing("an-api-not-described-yet") == {"patient_name", "patient_phone"}


def test_a_given_email_must_look_like_one() -> None:
    assert missing("meetergo", patient_name="A B", patient_email="not-an-email") == {
        "patient_email"
    }
    assert missing("meetergo", patient_name="A B", patient_email="a.b@example.org") == set()


def test_every_declaration_is_filed_under_its_own_name() -> None:
    assert all(spec.name == key == spec.form.provider for key, spec in PROVIDERS.items())
