"""The clinic settings read a zone's country from tzdata's own tables; where the package is
missing (a frozen app built without it), the desk degrades to "no region" with a warning
instead of failing the start."""

from __future__ import annotations

import importlib.resources

import pytest

from frontdesk.app import settings


def test_a_zones_country_comes_from_tzdata() -> None:
    assert settings.zone_country("Europe/London") == "GB"
    assert settings.region_name("DE") == "Germany"


def test_without_tzdata_there_is_no_region_and_no_crash(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def missing(_package: str) -> None:
        raise ModuleNotFoundError("No module named 'tzdata'")

    settings._zone_countries.cache_clear()
    settings._country_names.cache_clear()
    monkeypatch.setattr(importlib.resources, "files", missing)
    try:
        assert settings.zone_country("Europe/London") is None
        assert settings.region_name("DE") == "DE"
        assert settings.ClinicSettings(timezone="Europe/London").region is None
        assert "zone.tab could not be read" in caplog.text
    finally:
        settings._zone_countries.cache_clear()
        settings._country_names.cache_clear()
