"""The log: every record of every logger cleaned as it is made (by value first, then by shape),
booking ids, dates and times readable, and ``--verbose`` writing every library's records."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontdesk.app import logs
from frontdesk.domain import sensitive
from frontdesk.domain.sensitive import MASK
from frontdesk.main import main


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = logs.configure(tmp_path, verbose=False)
    yield path
    logs.detach()
    logs.want_verbose(None)


def written(path: Path) -> str:
    for handler in logging.getLogger("frontdesk").handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "text",
    [
        # what the old filter masked: booking ids, ISO dates and times, counts
        "booking 6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f moved to 2027-06-15 09:30",
        "op 1234 (create) retry in 12.5s: 2027-06-15T09:30:00+02:00 .. 2027-06-15T10:00:00Z",
        "import:desk-01 queued 1200 rows (45 refused) in 0.83 s; remote id 20270615093012",
        "HuskyVoice appointment f47ac10b-58cc-4372-a567-0e02b2c3d479 at 2027-06-15 (9:30-10:00)",
        "store: postgresql://frontdesk@db.clinic.local:5432/frontdesk",
        "api-key: no API key stored for connection 'Clinic'; add it again",
    ],
)
def test_ids_dates_and_times_stay_readable(text: str) -> None:
    assert logs.redact(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (
            "Authorization: Bearer sk_live_4eC39HqLyjWDarjtT1zdp7dc",
            "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
        ),
        ("key sk_test_frontdesk_demo refused", "sk_test_frontdesk_demo"),  # HuskyVoice
        ("x-api-key: vx_live_sandbox_uptown", "vx_live_sandbox_uptown"),  # VantaX
        ("with vst_test_5f2c9a7e41d84b03", "vst_test_5f2c9a7e41d84b03"),  # Vastal
        (  # meetergo's platform key, as given and in a URL
            "ak_live:6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f:sandboxsecret",
            "sandboxsecret",
        ),
        ("k=ak_live%3A6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f%3Aabc", "abc"),
        ("token rgo-7c1e9a2b4d6f8a0c2e4b6d8f0a2c4e6b", "rgo-7c1e9a2b4d6f8a0c"),  # meetergo PAT
        ("cv-api-key: cv_test_frontdesk_demo", "cv_test_frontdesk_demo"),  # CareValidate
        ('{"api_key": "0f9e8d7c6b5a49382716"}', "0f9e8d7c6b5a49382716"),
        ("Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc", "eyJhbGciOiJIUzI1NiJ9"),
        ("mail jane.doe+desk@example.co.uk or jane%40example.org", "example"),
        ("call +44 20 7946 0958 or +1 (212) 555-0199", "7946"),
        ("call +44 20 7946 0958 or +1 (212) 555-0199", "555"),
        ("GET /contacts?search=%2B12125550188", "12125550188"),
    ],
)
def test_what_looks_like_a_key_an_email_or_a_phone_is_masked(text: str, secret: str) -> None:
    cleaned = logs.redact(text)
    assert secret not in cleaned and MASK in cleaned, cleaned


def test_a_seen_value_is_masked_whatever_its_shape() -> None:
    sensitive.remember("plainkey-f1e2d3c4b5a6", "Wilhelmina Quast")
    assert logs.redact("key plainkey-f1e2d3c4b5a6 of Wilhelmina Quast") == f"key {MASK} of {MASK}"


def test_a_seen_first_name_inside_an_email_leaves_no_part_of_it() -> None:
    """Shapes first, then the values seen: a first name remembered from a booking must not
    cut an address in two, the part after it left unmasked (found when the providers' tests
    ran first and remembered 'jane')."""
    sensitive.remember("zebulon")
    cleaned = logs.redact("mail zebulon%40example.org or zebulon.doe@example.co.uk")
    assert "example" not in cleaned and "zebulon" not in cleaned, cleaned


def test_every_part_of_a_record_is_cleaned_in_the_file(log_file: Path) -> None:
    sensitive.remember_patient("Hieronymus Bellweather", "+442079460777", "hb@example.org")
    log = logging.getLogger("frontdesk.sync")
    log.info("booked %s (%s)", "Hieronymus Bellweather", "+44 20 7946 0777")
    try:
        raise RuntimeError("no answer for Hieronymus Bellweather <hb@example.org>")
    except RuntimeError:
        log.exception("failed")
    log.warning("where: %s", "Hieronymus Bellweather", stack_info=True)
    log.error("a format and arguments that do not fit %d", "Hieronymus Bellweather")
    text = written(log_file)
    assert "Hieronymus" not in text and "7946 0777" not in text and "hb@example" not in text
    assert f"booked {MASK} ({MASK})" in text
    assert f"RuntimeError: no answer for {MASK} <{MASK}>" in text
    assert "Traceback (most recent call last)" in text and "Stack (most recent call last)" in text
    assert "do not fit" in text


def test_other_loggers_records_are_cleaned_as_they_are_made(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    logs.install()
    access = logging.getLogger("uvicorn.access")  # a started sandbox keeps it to itself
    monkeypatch.setattr(access, "propagate", True)
    monkeypatch.setattr(access, "level", logging.INFO)
    sensitive.remember("Cornelius Fairweather-Ng")
    with caplog.at_level(logging.INFO):
        logging.getLogger("httpx").info("HTTP Request: GET /p?name=Cornelius+Fairweather-Ng")
        # uvicorn's access log formatter unpacks its five arguments: their shape is kept
        access.info(
            '%s - "%s %s HTTP/%s" %d',
            "127.0.0.1:5",
            "GET",
            "/p/Cornelius Fairweather-Ng",
            "1.1",
            200,
        )
    first, record = caplog.records
    assert first.getMessage() == f"HTTP Request: GET /p?name={MASK}"
    assert isinstance(record.args, tuple) and len(record.args) == 5
    assert record.getMessage() == f'127.0.0.1:5 - "GET /p/{MASK} HTTP/1.1" 200'


def test_a_desks_log_holds_its_own_records_and_verbose_every_librarys(tmp_path: Path) -> None:
    quiet, loud = tmp_path / "quiet", tmp_path / "loud"
    try:
        assert main(["--profile-dir", str(quiet), "settings"]) == 0
        logging.getLogger("frontdesk.app").info("a desk's record")
        logging.getLogger("httpx").info("a library's record")
        assert main(["--verbose", "--profile-dir", str(loud), "settings"]) == 0
        logging.getLogger("httpx").debug("a library's debug record")
    finally:
        logs.detach()
        logs.want_verbose(None)
    quiet_text = (quiet / "logs" / "frontdesk.log").read_text(encoding="utf-8")
    loud_text = (loud / "logs" / "frontdesk.log").read_text(encoding="utf-8")
    assert "INFO frontdesk.app: a desk's record" in quiet_text
    assert "httpx" not in quiet_text  # a library's info record: only when verbose
    assert "DEBUG httpx: a library's debug record" in loud_text


def test_verbose_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(logs.VERBOSE_ENV, "1")
    assert logs.wants_verbose()
    monkeypatch.setenv(logs.VERBOSE_ENV, "0")
    assert not logs.wants_verbose()


class _Unprintable:
    def __str__(self) -> str:
        raise RuntimeError("no")

    __repr__ = __str__


def test_a_record_that_cannot_be_cleaned_is_left_out_not_raised(log_file: Path) -> None:
    log = logging.getLogger("frontdesk.app")
    log.warning("about %s", _Unprintable())  # neither raises nor writes what it could not read
    sensitive.remember("Leopoldine Strachwitz")
    # a record made elsewhere (another process, a queue) is cleaned by the file itself
    record = logging.makeLogRecord(
        {
            "name": "frontdesk.app",
            "levelno": logging.INFO,
            "levelname": "INFO",
            "msg": "for %s",
            "args": ("Leopoldine Strachwitz",),
        }
    )
    for handler in logging.getLogger("frontdesk").handlers:
        handler.handle(record)
    text = written(log_file)
    assert "(a record that could not be cleaned; left out)" in text
    assert f"INFO frontdesk.app: for {MASK}" in text and "Leopoldine" not in text
