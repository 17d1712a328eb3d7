"""A VantaX connection needs its sub-account and the clinic's time zone (VantaX documents no
zone, and the desk never falls back to UTC): without them, or with a zone that is not IANA,
the connection is refused where it is made, in words that name the option."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontdesk.app.connection_setup import check_connection, update_connection
from frontdesk.app.connections import ConnectionError_
from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.main import main

SUB, ZONE = "sub_8a1f4c2e", "America/New_York"
URL = "http://127.0.0.1:9/v1"


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"sub_account_id": SUB}, "timezone"),
        ({"sub_account_id": SUB, "timezone": "Mars/Olympus_Mons"}, "timezone"),
        ({"timezone": ZONE}, "sub_account_id"),
    ],
)
def test_a_connection_without_its_options_is_not_saved(
    tmp_path: Path, options: dict[str, object], field: str
) -> None:
    ctx = AppContext(Paths.resolve(tmp_path / "profile"), use_keyring=False)
    try:
        with pytest.raises(ConnectionError_) as refused:
            ctx.connect("vantax", "Downtown", URL, "vx_live_x", options)
        assert str(refused.value).startswith(f"{field}: ")
        assert ctx.connections() == []
        checked = check_connection("vantax", URL, "vx_live_x", options)
        assert not checked.ok and f"{field}: " in checked.message
    finally:
        ctx.close()


def test_editing_a_connection_keeps_its_options_valid(tmp_path: Path) -> None:
    ctx = AppContext(Paths.resolve(tmp_path / "profile"), use_keyring=False)
    try:
        record = ctx.connect(
            "vantax", "Downtown", URL, "vx_live_x", {"sub_account_id": SUB, "timezone": ZONE}
        )
        with pytest.raises(ConnectionError_, match=r"^timezone: "):
            update_connection(
                ctx.repo, ctx.credentials, record, "Downtown", URL, None, {"sub_account_id": SUB}
            )
        assert ctx.connections()[0].options["timezone"] == ZONE
    finally:
        ctx.close()


def test_validate_names_the_missing_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    request = tmp_path / "request.json"
    request.write_text(json.dumps({}))
    argv = ["validate", "--provider", "vantax", "--base-url", URL, "--api-key", "k"]
    assert main([*argv, str(request), "--option", f"sub_account_id={SUB}"]) == 2
    assert "timezone: required" in capsys.readouterr().err
