"""The desk's words before any translator is installed: English, counts in their number."""

from __future__ import annotations

from frontdesk.domain.translation import english, install, translate


def test_english_says_a_count_in_its_number() -> None:
    install(None)
    assert translate("Ctx", "%n booking(s)", None, 1) == "1 booking"
    assert translate("Ctx", "%n booking(s)", None, 3) == "3 bookings"
    assert translate("Ctx", "%n match(es)", None, 0) == "0 matches"
    assert english("Ctx", "Booked %n time(s); use this patient", None, 2) == (
        "Booked 2 times; use this patient"
    )
    assert translate("Ctx", "Keep (s) as typed") == "Keep (s) as typed"  # no count: as written
