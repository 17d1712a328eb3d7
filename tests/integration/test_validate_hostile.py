"""``frontdesk validate`` given hostile REQUEST.json files, against the real sandbox of all five
APIs over loopback: a missing or unreadable file, bytes that are no UTF-8, no JSON, JSON that
is no object, nesting past what the parser or the APIs take, a lone surrogate, dates at the
calendar's ends (years 0001 and 9999). Each is exit 2 with one ``{"error": ...}`` line naming
the file or the field and what to do, never a traceback; a body the rules can judge is exit 0
or 1 with the predicted answer (a wrong type is the API's refusal, naming the field).
Hypothesis then generates files."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontdesk.cli.main import main
from frontdesk.cli.validate_cmd import EXIT_ACCEPTED, EXIT_CANNOT, EXIT_REFUSED, run
from frontdesk.sandbox import SandboxServer
from support.hostile import APIS, DATE_FIELD, PROVIDERS
from support.meetergo import ANNA

OPTIONS: dict[str, dict[str, str]] = {
    "huskyvoice": {},
    "vantax": {"sub_account_id": "sub_8a1f4c2e", "timezone": "America/New_York"},
    "vastal": {"timezone": "America/New_York"},
    "meetergo": {"timezone": "Europe/Berlin", "api_user_id": ANNA},
    "carevalidate": {"provider_states": "CA"},
}


@pytest.fixture(scope="module")
def five() -> Iterator[SandboxServer]:
    with SandboxServer(rate_limit=0, providers=PROVIDERS) as server:
        yield server


def argv(five: SandboxServer, name: str, request: Path, *extra: str) -> list[str]:
    server = five.provider(name)
    options = [f"--option={k}={v}" for k, v in OPTIONS[name].items()]
    return [
        "validate",
        "--provider",
        name,
        "--base-url",
        server.base_url,
        "--api-key",
        server.build.api_key,
        *options,
        *extra,
        str(request),
    ]


def said(capsys: pytest.CaptureFixture[str]) -> str:
    """The one ``{"error"}`` line printed; stderr holds no traceback."""
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    lines = out.out.strip().splitlines()
    assert len(lines) == 1, out.out
    message = json.loads(lines[0])["error"]
    assert isinstance(message, str)
    return message


FILES: list[tuple[str, bytes, str]] = [
    ("not UTF-8", b'{"patient_name": "Jos\xe9"}', "is not UTF-8 text (byte 22 is 0xe9); save it"),
    ("deep array", b"[" * 100_000 + b"]" * 100_000, "is nested too deeply to read"),
    ("deep object", b'{"a":' * 50_000 + b"1" + b"}" * 50_000, "is nested too deeply to read"),
    ("not JSON", b"appointment_date=tomorrow", "is not valid JSON (Expecting value at line 1"),
    ("NaN", b'{"duration": NaN}', "is not valid JSON (NaN is not a JSON value)"),
    ("digits", b'{"duration": ' + b"9" * 5000 + b"}", "(a number of more than 4,300 digits)"),
    ("a list", b"[]", "holds a list, not a JSON object"),
    ("a text", b'"book me"', "holds a text, not a JSON object"),
    ("a number", b"5", "holds a number, not a JSON object"),
    ("null", b"null", "holds null, not a JSON object"),
    ("empty", b"", "is not valid JSON"),
    ("deep field", b'{"notes": ' + b"[" * 70 + b"]" * 70 + b"}", "notes: nested more than 64"),
    ("surrogate", b'{"patient_name": "A\\udc00"}', "patient_name: holds \\udc00, half of a"),
    ("key", b'{"x": {"\\ud800": 1}}', "x.\ud800 (the name): holds \\ud800"),
    ("big file", b'{"notes": "' + b"x" * 1_000_001 + b'"}', "over 1,000,000 bytes; a request body"),
]


@pytest.mark.parametrize(("label", "content", "words"), FILES, ids=[f[0] for f in FILES])
def test_a_file_that_cannot_be_judged_is_named_exit_2(
    five: SandboxServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    label: str,
    content: bytes,
    words: str,
) -> None:
    request = tmp_path / "request.json"
    request.write_bytes(content)
    assert main(argv(five, "huskyvoice", request)) == EXIT_CANNOT
    message = said(capsys)
    assert message.startswith("REQUEST.json: "), message
    assert words in message, message


def test_a_missing_or_unreadable_file_is_said_before_the_key_is_asked_for(
    five: SandboxServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.json"
    no_key = ["--api-key-file", str(tmp_path / "no-key")]  # never read: the file comes first
    args = [a for a in argv(five, "vastal", missing) if a != "--api-key"]
    args.remove(five.provider("vastal").build.api_key)
    assert main(args[:-1] + no_key + args[-1:]) == EXIT_CANNOT
    assert (
        said(capsys)
        == f"REQUEST.json: cannot read {missing} (No such file or directory); check the path"
    )
    assert main(argv(five, "vastal", tmp_path)) == EXIT_CANNOT  # a directory
    assert f"cannot read {tmp_path} (" in said(capsys)


@pytest.mark.parametrize("name", PROVIDERS)
@pytest.mark.parametrize(
    "when", ["0001-01-01", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59Z", "9999-12-31"]
)
def test_a_date_at_the_calendars_end_names_its_field(
    five: SandboxServer, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, when: str
) -> None:
    request = tmp_path / "request.json"
    request.write_text(json.dumps({**APIS[name].good(), DATE_FIELD[name]: when}))
    assert main(argv(five, name, request)) == EXIT_CANNOT
    message = said(capsys)
    assert message.startswith(f"REQUEST.json: {DATE_FIELD[name]}: {when!r} is at the calendar")


@pytest.mark.parametrize("name", PROVIDERS)
def test_a_good_body_and_a_wrong_type_are_predictions(
    five: SandboxServer, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    request = tmp_path / "request.json"
    request.write_text(json.dumps(APIS[name].good()), encoding="utf-8")
    assert main(argv(five, name, request)) == EXIT_ACCEPTED, capsys.readouterr()
    capsys.readouterr()
    field = DATE_FIELD[name]
    request.write_text(json.dumps({**APIS[name].good(), field: 20270615}))
    assert main(argv(five, name, request)) == EXIT_REFUSED
    predicted = json.loads(capsys.readouterr().out)
    assert 400 <= predicted["status"] < 500 and field in predicted["message"], predicted


def test_a_wrong_option_is_named(
    five: SandboxServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    request = tmp_path / "request.json"
    request.write_text(json.dumps(APIS["vastal"].good()))
    args = argv(five, "vastal", request)
    args[args.index("--option=timezone=America/New_York")] = "--option=timezone=Mars/Base"
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("frontdesk validate: timezone: 'Mars/Base'") and "Traceback" not in err


def test_the_command_as_a_process_prints_no_traceback(five: SandboxServer, tmp_path: Path) -> None:
    request = tmp_path / "deep.json"
    request.write_bytes(b"[" * 200_000)
    done = subprocess.run(
        [sys.executable, "-m", "frontdesk", *argv(five, "meetergo", request)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == EXIT_CANNOT, done.stderr
    assert "Traceback" not in done.stderr
    assert json.loads(done.stdout)["error"].startswith("REQUEST.json: ")


# -- generated files ---------------------------------------------------------------------

ODD_DATES = st.builds(
    "{:04d}-{:02d}-{:02d}T{:02d}:00:00{}".format,
    st.sampled_from([1, 2, 1970, 2027, 9998, 9999]),
    st.integers(1, 12),
    st.integers(1, 31),
    st.integers(0, 24),
    st.sampled_from(["Z", "+14:00", "-14:00", ""]),
) | st.sampled_from(["0001-01-01", "9999-12-31", "0000-01-01", "+10000-01-01"])
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([10**400, 2**63, -(2**63) - 1]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.sampled_from(["\ud800", "\u0000", "\ufeff", "\u202e"]),
    ODD_DATES,
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


def nested(depth: int) -> bytes:
    return b'{"a":' * depth + b"1" + b"}" * depth if depth % 2 else b"[" * depth + b"]" * depth


@st.composite
def documents(draw: st.DrawFn, name: str) -> bytes:
    """Mostly a provider's good body with fields changed, dropped or added (so the rules are
    reached); else bytes, a JSON value of any kind, deep nesting, or another encoding."""
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return draw(st.binary(max_size=80))
    if kind == 1:
        return json.dumps(draw(VALUES), allow_nan=True).encode()
    if kind == 2:
        return nested(draw(st.integers(1, 5000)))
    body = APIS[name].good()
    if draw(st.booleans()):
        body[DATE_FIELD[name]] = draw(ODD_DATES)
    for _ in range(draw(st.integers(0, 3))):
        key = draw(st.sampled_from([*body, "unexpected"]))
        if draw(st.integers(0, 4)) == 0:
            body.pop(key, None)
        else:
            body[key] = draw(VALUES)
    text = json.dumps(body, ensure_ascii=draw(st.booleans()))
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "latin-1"]))
    return text.encode(
        encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace"
    )


@pytest.mark.parametrize("name", PROVIDERS)
def test_generated_files_get_a_documented_exit_code_and_never_a_traceback(
    five: SandboxServer, tmp_path_factory: pytest.TempPathFactory, name: str
) -> None:
    server = five.provider(name)
    request = tmp_path_factory.mktemp(name) / "request.json"

    @settings(
        max_examples=50,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(content=documents(name))
    def check(content: bytes) -> None:
        request.write_bytes(content)
        code, line = run(name, server.base_url, server.build.api_key, request, OPTIONS[name])
        printed: dict[str, Any] = json.loads(line)
        assert code in (EXIT_ACCEPTED, EXIT_REFUSED, EXIT_CANNOT), (content[:200], line)
        if code == EXIT_CANNOT:
            assert printed["error"].startswith("REQUEST.json: "), line
            assert "could not judge" not in printed["error"], (content[:300], line)
        else:
            assert set(printed) == {"status", "code", "message"}, line
            assert (code == EXIT_ACCEPTED) == (printed["status"] < 300), line

    check()
