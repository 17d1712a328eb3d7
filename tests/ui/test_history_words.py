"""The history in plain words: no operation names or raw codes in the sentence, the booking
system's code and status in small print."""

from __future__ import annotations

from frontdesk.ui.wording import history_words


def test_a_confirmation_names_what_was_confirmed() -> None:
    assert history_words("synced", "create accepted", "x") == (
        "Confirmed by the booking system",
        "",
        "",
    )
    words, said, small = history_words("synced", "reschedule replayed: already held", "x")
    assert (words, said, small) == ("Move confirmed by the booking system", "", "it already had it")
    assert "set_status" not in history_words("synced", "set_status accepted", "x")[0]


def test_a_refusal_says_it_plainly_and_keeps_the_code_small() -> None:
    words, said, small = history_words(
        "refused", "HTTP 409 SLOT_FULL: Window has no remaining capacity", "Refused"
    )
    assert words == "Refused"
    assert said == "This session is fully booked. Pick another time or branch."
    assert small == "SLOT_FULL · HTTP 409"
    assert "HTTP" not in said


def test_sent_again_names_the_change_not_the_operation() -> None:
    assert history_words("sent again", "create_patient", "Sent again")[1] == "the patient's record"
    assert history_words("dismissed", "set_status", "Dismissed")[1] == "the status"
