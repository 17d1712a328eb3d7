"""Time handling: UTC storage, the clinic's zone, daylight-saving gaps and folds."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from frontdesk.domain.timeutil import (
    WallTimeKind,
    iso_utc,
    local_day_bounds,
    local_to_utc,
    parse_iso_instant,
    to_local,
    zone,
)


def test_summer_and_winter_offsets_in_london() -> None:
    summer = local_to_utc(date(2027, 7, 6), time(9, 30), "Europe/London")
    winter = local_to_utc(date(2027, 1, 5), time(9, 30), "Europe/London")
    assert summer.instant == datetime(2027, 7, 6, 8, 30, tzinfo=UTC)
    assert winter.instant == datetime(2027, 1, 5, 9, 30, tzinfo=UTC)
    assert summer.kind is WallTimeKind.NORMAL


def test_spring_forward_gap_is_reported() -> None:
    # 2027-03-28 01:30 never happens in London (clocks jump 01:00 -> 02:00)
    result = local_to_utc(date(2027, 3, 28), time(1, 30), "Europe/London")
    assert result.kind is WallTimeKind.GAP


def test_fall_back_fold_takes_first_occurrence() -> None:
    # 2027-10-31 01:30 happens twice in London; the first is still BST (UTC+1)
    result = local_to_utc(date(2027, 10, 31), time(1, 30), "Europe/London")
    assert result.kind is WallTimeKind.FOLD
    assert result.instant == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)


def test_local_day_on_a_dst_day_is_23_or_25_hours() -> None:
    start, end = local_day_bounds(date(2027, 3, 28), "Europe/London")
    assert (end - start).total_seconds() == 23 * 3600
    start, end = local_day_bounds(date(2027, 10, 31), "Europe/London")
    assert (end - start).total_seconds() == 25 * 3600


def test_to_local_and_wire_format_round_trip() -> None:
    instant = datetime(2027, 6, 15, 9, 30, tzinfo=UTC)
    assert to_local(instant, "Europe/London").hour == 10
    assert iso_utc(instant) == "2027-06-15T09:30:00.000Z"
    assert parse_iso_instant("2027-06-15T09:30:00.000Z") == instant


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-06-15", datetime(2027, 6, 15, tzinfo=UTC)),
        ("2027-06-15T10:30:00+01:00", datetime(2027, 6, 15, 9, 30, tzinfo=UTC)),
        ("2027-06-15T09:30:00", datetime(2027, 6, 15, 9, 30, tzinfo=UTC)),
        ("15/06/2027", None),
        ("", None),
        ("tomorrow", None),
    ],
)
def test_parse_iso_instant(text: str, expected: datetime | None) -> None:
    assert parse_iso_instant(text) == expected


def test_unknown_zone_names_the_zone() -> None:
    with pytest.raises(ValueError, match="Mars/Olympus"):
        zone("Mars/Olympus")
