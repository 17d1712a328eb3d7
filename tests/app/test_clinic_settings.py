"""The clinic's settings check themselves without pydantic: each value refused names its field
and says why (``SettingsRefused``), whether made directly, from ``clinic.json``'s object or by
``changed``; the file keeps them as JSON, ignores keys it does not know, and a broken file gives
the defaults with a warning. A fresh interpreter tells that the module loads no pydantic."""

from __future__ import annotations

import dataclasses
import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from frontdesk.app import settings
from frontdesk.app.settings import MAX_IDLE_LOCK, ClinicSettings, SettingsRefused

# (field, value, words the refusal says)
REFUSED = [
    ("timezone", "Mars/Olympus", "unknown time zone 'Mars/Olympus'"),
    ("timezone", 5, "expected a time zone's name such as Europe/Berlin as text, not 5"),
    ("phone_region", "XX", "unknown phone region 'XX'; use a country code such as GB"),
    ("phone_region", ["GB"], "expected a country code such as GB as text"),
    ("paper", "a4", "unknown paper 'a4'; use 'auto', 'A4' or 'Letter'"),
    ("paper", None, "unknown paper None"),
    ("idle_lock_minutes", 0, f"whole number of minutes from 1 to {MAX_IDLE_LOCK}, not 0"),
    ("idle_lock_minutes", MAX_IDLE_LOCK + 1, f"not {MAX_IDLE_LOCK + 1}"),
    ("idle_lock_minutes", True, "not True"),  # a bool is not a number
    ("idle_lock_minutes", None, "not None"),
    ("idle_lock_minutes", 2.5, "not 2.5"),
    ("idle_lock_minutes", "five", "not 'five'"),
    ("idle_lock_minutes", "-3", "not '-3'"),
    ("language", "fr", "the desk does not speak 'fr'; choose one of en (English), de (Deutsch)"),
    ("language", 3, "expected a language code such as de as text, not 3"),
]


def test_the_defaults_are_the_computers() -> None:
    default = ClinicSettings()
    assert default.as_dict() == {
        "timezone": None,
        "phone_region": None,
        "paper": "auto",
        "idle_lock_minutes": 5,
        "language": None,
    }
    assert ClinicSettings.from_mapping({}) == default
    assert default.zone == settings.computer_zone()


def test_values_are_tidied_as_they_are_kept() -> None:
    made = ClinicSettings(
        timezone=" Europe/London ", phone_region=" us", paper="Letter", language="DE"
    )
    assert made.as_dict() == {
        "timezone": "Europe/London",
        "phone_region": "US",
        "paper": "Letter",
        "idle_lock_minutes": 5,
        "language": "de",
    }
    blank = ClinicSettings(timezone="  ", phone_region="", language=" ")
    assert (blank.timezone, blank.phone_region, blank.language) == (None, None, None)
    london = ClinicSettings(timezone="Europe/London")
    assert (london.region, london.paper_size) == ("GB", "A4")
    assert ClinicSettings(timezone="America/Chicago").paper_size == "Letter"


@pytest.mark.parametrize(("field", "value", "words"), REFUSED)
def test_each_refused_value_names_its_field(field: str, value: object, words: str) -> None:
    for make in (
        lambda: ClinicSettings(**{field: value}),  # type: ignore[arg-type]
        lambda: ClinicSettings.from_mapping({field: value}),
        lambda: ClinicSettings().changed(**{field: value}),
    ):
        with pytest.raises(SettingsRefused) as refused:
            make()
        assert refused.value.field == field
        assert words in refused.value.why, refused.value.why
        assert str(refused.value) == f"{field}: {refused.value.why}"
        assert isinstance(refused.value, ValueError)


@pytest.mark.parametrize("minutes", [7, 7.0, "7", " 7 "])
def test_idle_minutes_may_come_as_json_gives_them(minutes: object) -> None:
    assert ClinicSettings.from_mapping({"idle_lock_minutes": minutes}).idle_lock_minutes == 7


def test_the_first_refused_field_is_named() -> None:
    with pytest.raises(SettingsRefused) as refused:
        ClinicSettings.from_mapping({"language": "fr", "timezone": "Mars/Olympus"})
    assert refused.value.field == "timezone"


def test_a_mapping_that_is_not_one_is_refused_in_words() -> None:
    with pytest.raises(SettingsRefused) as refused:
        ClinicSettings.from_mapping(["Europe/London"])  # type: ignore[arg-type]
    assert refused.value.field == "settings"
    assert refused.value.why.startswith("expected an object of settings")


def test_keys_it_does_not_know_are_ignored() -> None:
    read = ClinicSettings.from_mapping({"timezone": "Asia/Kolkata", "theme": "dark"})
    assert read == ClinicSettings(timezone="Asia/Kolkata")


def test_changed_checks_and_keeps_the_original() -> None:
    kept = ClinicSettings(timezone="Europe/Berlin", paper="A4")
    moved = kept.changed(phone_region="gb", idle_lock_minutes=30)
    assert moved == ClinicSettings(
        timezone="Europe/Berlin", phone_region="GB", paper="A4", idle_lock_minutes=30
    )
    assert kept.phone_region is None and kept.idle_lock_minutes == 5
    with pytest.raises(TypeError, match="no setting colour"):
        kept.changed(colour="blue")
    with pytest.raises(dataclasses.FrozenInstanceError):
        kept.paper = "Letter"  # type: ignore[misc]


def test_the_file_keeps_them_and_ignores_keys_it_does_not_know(tmp_path: Path) -> None:
    chosen = ClinicSettings(timezone="Asia/Kolkata", phone_region="IN", idle_lock_minutes=12)
    settings.save(tmp_path, chosen)
    path = tmp_path / settings.FILE_NAME
    assert json.loads(path.read_text(encoding="utf-8")) == chosen.as_dict()
    assert settings.load(tmp_path) == chosen
    path.write_text(json.dumps({**chosen.as_dict(), "from_a_newer_desk": [1]}), encoding="utf-8")
    assert settings.load(tmp_path) == chosen
    assert settings.load(tmp_path / "nowhere") == ClinicSettings()


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("{not json", "cannot be read"),
        ('{"timezone": "Mars/Olympus"}', "timezone: unknown time zone 'Mars/Olympus'"),
        ('{"idle_lock_minutes": 0}', "idle_lock_minutes: expected a whole number"),
        ('["Europe/London"]', "settings: expected an object of settings"),
    ],
)
def test_a_broken_file_gives_the_defaults_and_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, text: str, said: str
) -> None:
    (tmp_path / settings.FILE_NAME).write_text(text, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="frontdesk.app"):
        assert settings.load(tmp_path) == ClinicSettings()
    assert "clinic.json cannot be read" in caplog.text and said in caplog.text


def test_the_settings_load_no_pydantic() -> None:
    """On the cold start's path: a fresh interpreter that has imported the module and read
    and checked settings with it has not imported pydantic."""
    script = (
        "import sys; from frontdesk.app.settings import ClinicSettings; "
        "s = ClinicSettings.from_mapping({'timezone': 'Europe/London', 'language': 'de', "
        "'phone_region': 'GB', 'idle_lock_minutes': 9}); "
        "print(s.paper_size, 'pydantic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["A4", "False"]
