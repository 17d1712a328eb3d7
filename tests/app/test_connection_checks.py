"""What a connection may be: an https:// address (plain http:// only to this computer, where the
sandbox runs), and option values of the kind each API's declaration says (whole numbers above
0, IANA zones, one of a list, the API's own forms), each refusal naming the option; a value
stored before these checks is named when the desk starts, not turned into a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontdesk.app.connection_setup import check_connection
from frontdesk.app.connections import ConnectionError_, build_connector, check_base_url
from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.storage.repo import ConnectionRecord


@pytest.mark.parametrize(
    "url",
    [
        "https://api.huskyvoice.ai/v1",
        "http://127.0.0.1:8765/v1",
        "http://127.8.9.10/v1",
        "http://localhost:8765/v1",
        "http://[::1]:8765/v1",
        " HTTPS://Api.Vantaxai.com/v1 ",
    ],
)
def test_https_anywhere_and_http_only_to_this_computer(url: str) -> None:
    assert check_base_url(url) == url.strip()


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("http://api.huskyvoice.ai/v1", "base_url: plain http:// would send the API key"),
        ("http://192.168.1.20:8765/v1", "to 192.168.1.20 unencrypted"),
        ("http://localhost.example.com/v1", "plain http://"),
        ("ftp://api.huskyvoice.ai", "base_url: the address must start with https://"),
        ("https://", "base_url: name the server"),
        ("https://[::1/v1", "base_url: "),
    ],
)
def test_other_addresses_are_refused_naming_base_url(url: str, said: str) -> None:
    with pytest.raises(ConnectionError_) as refused:
        check_base_url(url)
    assert said in str(refused.value)


@pytest.mark.parametrize(
    ("provider", "options", "said"),
    [
        ("huskyvoice", {"rate_per_minute": "abc"}, "rate_per_minute: 'abc' is not a whole number"),
        ("huskyvoice", {"rate_per_minute": "-5"}, "rate_per_minute: '-5' is not a whole number"),
        ("huskyvoice", {"rate_per_minute": "2.5"}, "rate_per_minute: '2.5'"),
        ("huskyvoice", {"timezone": "Europe/Londn"}, "timezone: 'Europe/Londn' is not an IANA"),
        ("huskyvoice", {"unsafe_disable_idempotency": "maybe"}, "unsafe_disable_idempotency:"),
        ("huskyvoice", {"tz": "UTC"}, "option: 'tz' is not an option of HuskyVoice connections"),
        ("meetergo", {"api_user_id": "u1"}, "timezone: required for meetergo connections"),
        ("carevalidate", {"provider_states": "CA,ZZ"}, "provider_states: ZZ is not a US state"),
        (
            "carevalidate",
            {"provider_states": "CA", "location": "skype"},
            "location: 'skype' is not one of google_conference",
        ),
        (
            "carevalidate",
            {"provider_states": "CA", "duration_minutes": "half an hour"},
            "duration_minutes: 'half an hour' is not a length in whole minutes",
        ),
        ("vastal", {"timezone": "UTC", "plan": "Gold"}, "plan: 'Gold' is not a Vastal plan"),
    ],
)
def test_option_values_are_checked_naming_the_option(
    tmp_path: Path, provider: str, options: dict[str, object], said: str
) -> None:
    context = AppContext(Paths.resolve(tmp_path / "profile"), use_keyring=False)
    try:
        with pytest.raises(ConnectionError_) as refused:
            context.connect(provider, "Clinic", "http://127.0.0.1:9/v1", "k", options)
        assert said in str(refused.value)
        assert context.connections() == []
    finally:
        context.close()


def test_good_values_of_every_kind_are_kept(tmp_path: Path) -> None:
    context = AppContext(Paths.resolve(tmp_path / "profile"), use_keyring=False)
    try:
        record = context.connect(
            "vastal",
            "Clinic",
            "http://127.0.0.1:9/v1",
            "k",
            {"timezone": "America/New_York", "plan": "Enterprise 50000", "rate_per_minute": 900},
        )
        assert context.connectors[record.id].rate_per_minute == 900
    finally:
        context.close()


def test_the_desks_test_refuses_before_it_sends_the_key() -> None:
    remote = check_connection("huskyvoice", "http://api.huskyvoice.ai/v1", "sk_live_x")
    assert not remote.ok and remote.message.startswith("Check the address: plain http://")
    wrong = check_connection("huskyvoice", "http://127.0.0.1:9/v1", "k", {"timezone": "Mars"})
    assert not wrong.ok and "timezone: 'Mars'" in wrong.message


def test_a_wrong_value_stored_earlier_is_named_when_the_desk_starts(tmp_path: Path) -> None:
    context = AppContext(Paths.resolve(tmp_path / "profile"), use_keyring=False)
    try:  # as an older version let it in: written straight to the store
        for n, (url, options) in enumerate(
            [("http://127.0.0.1:9/v1", {"rate_per_minute": "abc"}), ("http://x.example/v1", {})]
        ):
            record = ConnectionRecord(f"c{n}", f"Clinic {n}", "huskyvoice", url, options, None)
            context.repo.catalogs.add_connection(record)
            context.credentials.set(record.id, "k")
            with pytest.raises(ConnectionError_):
                build_connector(record, context.credentials)
        context.reload_connectors()  # the desk still starts; each says why it is unusable
        assert context.connectors == {}
        assert context.connector_problems["c0"].startswith("rate_per_minute: 'abc'")
        assert context.connector_problems["c1"].startswith("base_url: plain http://")
    finally:
        context.close()


def test_each_kind_of_option_says_what_it_takes() -> None:
    from frontdesk.providers.spec import OptionField, OptionKind

    number = OptionField("ratio", "Ratio", kind=OptionKind.NUMBER)
    assert number.problem("1.5") is None and number.problem(" ") is None
    assert number.problem("0") == "ratio: '0' is not a number above 0"
    assert number.problem("inf") == "ratio: 'inf' is not a number above 0"
    flag = OptionField("on", "On", kind=OptionKind.FLAG)
    assert flag.problem("TRUE") is None and flag.problem("no") is None
    assert flag.problem("sometimes") == "on: 'sometimes' is not 1 or true, 0 or false"
    choice = OptionField("size", "Size", kind=OptionKind.CHOICE, choices=("S", "M"))
    assert choice.problem("M") is None and choice.problem("XL") == "size: 'XL' is not one of S, M"
