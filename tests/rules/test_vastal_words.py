"""Vastal's risks are the desk's own sentences: said in the installed language, each part
translated before its number is filled in; English without a translator."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from frontdesk.domain import translation
from frontdesk.rules.vastal import risk


@pytest.fixture
def marked() -> Iterator[None]:
    translation.install(lambda c, t, d=None, n=-1: f"<{c}:{t}>")
    yield
    translation.install(None)


def test_a_risk_is_said_in_the_installed_language(marked: None) -> None:
    said = risk("MIN_NOTICE", n=24).message
    assert said == (
        "<Verdicts:This type asks for 24 hours' notice.> "
        "<Verdicts:Vastal may refuse it, or accept it as a manual booking.>"
    )
    assert risk("NAMED_SCHEDULE", name="Winter").message == (
        "<Verdicts:This type follows Vastal's named schedule Winter, whose hours no Vastal "
        "endpoint shows; Vastal checks the time when the booking is sent.>"
    )


def test_without_a_translator_a_risk_reads_as_before() -> None:
    assert risk("DAILY_LIMIT", n=3).message == (
        "This type's daily limit (3) is reached. "
        "Vastal may refuse it, or accept it as a manual booking."
    )
