"""The registry of values never to log: each value masked in the forms a log shows it in, as a
whole word, without regard to case; nothing too short; bounded (least recently seen dropped
first); safe from many threads; filled where bookings, requests and patients are built."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from frontdesk.domain import sensitive
from frontdesk.domain.booking import Booking
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.sensitive import MASK, SeenValues


def test_a_value_is_masked_in_every_form_a_log_shows_it_in() -> None:
    seen = SeenValues()
    seen.patient("Zoë van der Berg", "+31 20 555 0142", "zoe@example.nl", "Line one\nline two")
    for text in (
        "Zoë van der Berg",
        "ZOË VAN DER BERG",  # any case
        '{"name": "Zo\\u00eb van der Berg"}',  # a JSON body
        "?name=Zo%C3%AB+van+der+Berg",  # a query string
        "/patients/Zo%C3%AB%20van%20der%20Berg",  # a path
        "tel +31 20 555 0142, +31205550142, 31205550142, %2B31205550142",
        "zoe@example.nl zoe%40example.nl ZOE@EXAMPLE.NL",
        "Line one\\nline two",  # the note as JSON writes it
        "line two",  # one of its lines alone
    ):
        cleaned = seen.redact(text)
        assert "berg" not in cleaned.lower() and "0142" not in cleaned, cleaned
        assert "zoe" not in cleaned.lower() and "line two" not in cleaned.lower(), cleaned
        assert MASK in cleaned


def test_only_whole_words_are_masked() -> None:
    seen = SeenValues()
    seen.remember("Ann", "4930123456")
    assert seen.redact("Ann's booking; Annual report; Joanne") == (
        f"{MASK}'s booking; Annual report; Joanne"
    )
    assert seen.redact("id 149301234567 and 4930123456") == f"id 149301234567 and {MASK}"


def test_short_empty_and_non_text_values_are_not_kept() -> None:
    seen = SeenValues()
    seen.patient("Al", "  ", None, 42)
    seen.remember("", "ab", "  x ", None)
    assert len(seen) == 0
    assert seen.redact("Al ab x 42") == "Al ab x 42"


def test_only_what_was_seen_is_masked() -> None:
    seen = SeenValues()
    seen.remember("sk_weird_format_123")
    text = "booking 6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f at 2027-06-15T09:30:00+02:00, op 12"
    assert seen.redact(text) == text
    assert seen.redact("key=sk_weird_format_123") == f"key={MASK}"


def test_memory_is_bounded_and_the_least_recently_seen_go_first() -> None:
    seen = SeenValues(capacity=3)
    seen.remember("alpha1", "bravo2", "charlie3")
    seen.remember("alpha1")  # seen again: now the most recent
    seen.remember("delta4")  # over the cap: bravo2 goes
    assert len(seen) == 3
    assert seen.redact("alpha1 bravo2 charlie3 delta4") == f"{MASK} bravo2 {MASK} {MASK}"
    seen.remember(*(f"value{n:04d}" for n in range(1000)))
    assert len(seen) == 3
    assert seen.redact("value0998 alpha1") == f"{MASK} alpha1"


def test_a_form_shared_by_two_values_stays_while_either_does() -> None:
    seen = SeenValues(capacity=2)
    seen.remember("Anna Berg", "ANNA BERG")  # one form, two values
    seen.remember("Carl Dahl")  # "Anna Berg" goes; "ANNA BERG" keeps the form
    assert seen.redact("anna berg") == MASK


def test_many_threads_register_and_redact_at_once() -> None:
    seen = SeenValues(capacity=100_000)
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def work(n: int) -> None:
        try:
            start.wait()
            for i in range(500):
                seen.patient(f"Patient{n}x{i} Surname{n}", f"+4420794{n:02d}{i:04d}")
                assert MASK in seen.redact(f"log line for Patient{n}x{i} Surname{n}")
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(seen) == 8 * 500 * 2
    assert seen.redact("Patient3x499 Surname3 +4420794030499") == f"{MASK} {MASK}"


def test_bookings_and_requests_register_their_patient_values() -> None:
    start = datetime(2027, 6, 15, 9, tzinfo=UTC)
    Booking(
        "b-1",
        "c-1",
        "s",
        "r",
        start,
        start + timedelta(minutes=30),
        "Quirinus Abernathy",
        "+442079460991",
        patient_email="quirinus@example.org",
        notes="Uses a wheelchair",
    )
    text = "Quirinus Abernathy +442079460991 quirinus@example.org Uses a wheelchair"
    assert sensitive.redact(text) == " ".join([MASK] * 4)
    # a request refused by its own checks still registers what it was given; the error
    # quotes a long note by its ends
    note = "Ottilie Varga-Nyberg's history: " + "see the letter. " * 200 + "Daughter: Ilse."
    with pytest.raises(ValidationError) as refused:
        BookingRequest(connection_id="c-1", patient_name="Ottilie Varga-Nyberg", notes=note)
    error = str(refused.value)
    assert "Ottilie Varga-Nyberg's h" in error and "Daughter: Ilse." in error
    cleaned = sensitive.redact(error)
    assert "Ottilie" not in cleaned and "Ilse" not in cleaned, cleaned
    assert f'input_value="{MASK}...{MASK}"' in cleaned


def test_a_calendar_full_of_patients_is_indexed_off_the_logging_thread() -> None:
    """Past BACKGROUND_AFTER rows, a thread of its own takes them into the index, so the first
    log line after a week is read does not pay for it; a redact still masks everything seen
    up to its call, indexed or not."""
    import time

    seen = SeenValues()
    rows = [(f"Patient{n:05d} Example", f"+44 20 7946 {n:04d}") for n in range(3_000)]
    seen.patients(rows)
    deadline = time.monotonic() + 30
    while seen.waiting and time.monotonic() < deadline:
        time.sleep(0.01)
    assert seen.waiting == 0  # taken in without any redact
    seen.patient("Just Remembered", "+44 20 7946 9999")  # not yet indexed: redact takes it
    cleaned = seen.redact("Patient00042 Example, Just Remembered, +442079460042")
    assert cleaned == f"{MASK}, {MASK}, {MASK}"
