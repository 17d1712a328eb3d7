"""Hostile request bodies against the five sandbox APIs over real HTTP: deep nesting, bytes
that are no UTF-8, NaN, lone surrogates, huge numbers, wrong types and dates at the calendar's
ends (years 0001 and 9999) in every field of create, reschedule and cancel. Each is refused
with a 4xx in the API's documented error shape, never a 500, and a refused request writes
nothing (the sandbox's own list of bookings is unchanged). Hypothesis then generates bodies."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.responses import MAX_DEPTH
from support.hostile import APIS, DATE_FIELD, PROVIDERS, Wire, with_value

DEEP_ARRAY = b"[" * 100_000 + b"]" * 100_000
DEEP_OBJECT = b'{"a":' * 50_000 + b"1" + b"}" * 50_000
RAW_BODIES: dict[str, bytes] = {
    "deep array": DEEP_ARRAY,
    "deep object": DEEP_OBJECT,
    "just too deep": b'{"x":' + b"[" * MAX_DEPTH + b"]" * MAX_DEPTH + b"}",
    "latin-1": b'{"patient_name": "Jos\xe9"}',
    "broken UTF-8": b'{"a": "\xc3\x28"}',
    "lone surrogate": b'{"a": "\\ud800"}',
    "NaN": b'{"a": NaN}',
    "Infinity": b'{"a": -Infinity}',
    "5,000 digits": b'{"a": ' + b"9" * 5_000 + b"}",
    "not JSON": b"<html>",
    "empty": b"",
    "a list": b"[]",
}
# for every field: wrong types, a huge number, odd text; for a field holding a date also:
WRONG_VALUES: list[Any] = [
    None,
    True,
    10**400,
    -(2**63),
    1e308,
    [[[[]]]],
    {"a": {"b": []}},
    "",
    "\u0000",
    "\u202e\U0001f600",
]
EDGE_DATES = [
    "0001-01-01",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31",
    "9999-12-31T23:59:59Z",
    "9999-12-31T23:59:59-14:00",
]
DATE = re.compile(r"\d{4}-\d\d-\d\d")


def wire(five: SandboxServer, http: httpx.Client, name: str) -> Wire:
    return Wire(five, name, http)


def operations(name: str) -> list[str]:
    return ["create", *APIS[name].ops]


CASES = [(name, op) for name in PROVIDERS for op in operations(name)]


def target(w: Wire, op: str) -> tuple[str, str, dict[str, Any]]:
    """A fresh state, and the method, path and good body of ``op`` (on a new booking)."""
    w.reset()
    if op == "create":
        return "POST", w.api.create, w.api.good()
    ident = w.book()
    spec = w.api.ops[op]
    return spec.method, spec.path.replace("{id}", ident), spec.body(ident)


def assert_refused_untouched(w: Wire, answer: httpx.Response, before: list[Any], what: str) -> None:
    assert answer.status_code < 500, (what, answer.status_code, answer.text[:300])
    assert w.refused_as_documented(answer), (what, answer.status_code, answer.text[:300])
    assert w.records() == before, what  # nothing written, nothing half-written


@pytest.mark.parametrize(("name", "op"), CASES)
def test_bodies_that_are_no_json_object_are_refused_as_documented(
    five: SandboxServer, http: httpx.Client, name: str, op: str
) -> None:
    w = wire(five, http, name)
    bodiless = op != "create" and w.api.ops[op].bodiless
    for label, raw in RAW_BODIES.items():
        if bodiless and not raw:
            continue
        method, path, _ = target(w, op)
        before = w.records()
        answer = w.send(method, path, raw)
        assert_refused_untouched(w, answer, before, f"{name} {op}: {label}")


def fields(body: dict[str, Any]) -> list[tuple[str, ...]]:
    """Every field, and the fields of an object-valued field (meetergo's attendee)."""
    found: list[tuple[str, ...]] = []
    for key, value in body.items():
        found.append((key,))
        if isinstance(value, dict):
            found.extend((key, inner) for inner in value)
    return found


@pytest.mark.parametrize(("name", "op"), CASES)
def test_every_field_with_a_wrong_type_or_an_edge_date_is_a_4xx(
    five: SandboxServer, http: httpx.Client, name: str, op: str
) -> None:
    w = wire(five, http, name)
    method, path, good = target(w, op)
    before = w.records()
    refused = 0
    for field in [*fields(good), ("unexpected",)]:
        value_now = good.get(field[0])
        dated = isinstance(value_now, str) and DATE.match(value_now)
        for value in [*WRONG_VALUES, *(EDGE_DATES if dated else [])]:
            answer = w.post_json(method, path, with_value(good, field, value))
            what = f"{name} {op}: {'.'.join(field)} = {value!r:.40}"
            assert answer.status_code < 500, (what, answer.text[:300])
            if answer.status_code >= 400:
                assert_refused_untouched(w, answer, before, what)
                refused += 1
            else:  # taken (an optional field, say): start again from a fresh booking
                method, path, good = target(w, op)
                before = w.records()
    assert refused  # the sweep did reach the refusals


# -- generated bodies --------------------------------------------------------------------

EDGE_YEARS = st.sampled_from([1, 2, 1969, 1970, 2038, 9998, 9999])
OFFSETS = st.sampled_from(["Z", "+14:00", "-14:00", "+00:00", "-23:59", "+05:30", ""])


@st.composite
def odd_dates(draw: st.DrawFn) -> str:
    if draw(st.booleans()):  # the calendar's very ends, where a day or an offset overflows
        return draw(st.sampled_from([*EDGE_DATES, "9999-12-31T23:00:00Z", "0001-01-01T05:00Z"]))
    year = draw(st.one_of(EDGE_YEARS, st.integers(1, 9999)))
    month, day = draw(st.integers(1, 12)), draw(st.integers(1, 31))
    text = f"{year:04d}-{month:02d}-{day:02d}"
    if draw(st.booleans()):
        hour, minute = draw(st.integers(0, 24)), draw(st.integers(0, 60))
        text += f"T{hour:02d}:{minute:02d}:00{draw(OFFSETS)}"
    return text


def nested(depth: int) -> Any:
    value: Any = []
    for n in range(depth):
        value = [value] if n % 2 else {"a": value}
    return value


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([10**400, -(10**400), 2**63, -(2**63) - 1]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=10),
    st.sampled_from(["\ud800", "x\udfff", "\u0000", "\ufeff", "\u202e", "\U0010ffff"]),
    odd_dates(),
)
VALUES = st.one_of(
    SCALARS,
    st.builds(nested, st.integers(1, 2 * MAX_DEPTH)),
    st.recursive(
        SCALARS,
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
        ),
        max_leaves=8,
    ),
)


@st.composite
def hostile_bodies(draw: st.DrawFn, name: str) -> bytes:
    """A good body with some fields changed, dropped or added; now and then raw bytes."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=64))
    good = APIS[name].good()
    body = json.loads(json.dumps(good))
    if draw(st.booleans()):
        body[DATE_FIELD[name]] = draw(odd_dates())
    keys = [*good, "unexpected"]
    for _ in range(draw(st.integers(0, 3))):
        key = draw(st.sampled_from(keys))
        if draw(st.integers(0, 4)) == 0:
            body.pop(key, None)
        else:
            body[key] = draw(VALUES)
    return json.dumps(body).encode()  # a lone surrogate goes out as the escape \\ud800


@pytest.mark.parametrize("name", PROVIDERS)
def test_generated_create_bodies_never_get_a_5xx_nor_half_a_booking(
    five: SandboxServer, http: httpx.Client, name: str
) -> None:
    w = wire(five, http, name)

    @settings(max_examples=50, deadline=None, database=None)
    @given(raw=hostile_bodies(name))
    def check(raw: bytes) -> None:
        w.reset()  # an empty sandbox: what a request leaves is all it wrote
        answer = w.send("POST", w.api.create, raw)
        assert answer.status_code < 500, (raw[:200], answer.text[:300])
        after = w.records()
        if answer.status_code >= 400:
            assert w.refused_as_documented(answer), (raw[:200], answer.text[:300])
            assert after == [], raw[:200]
        else:
            assert len(after) == 1, raw[:200]

    check()


@pytest.mark.parametrize(
    "field", ["bufferBeforeMinutes", "bufferAfterMinutes", "minNoticeHours", "maxDaysAhead"]
)
def test_a_vastal_type_cannot_be_set_so_that_its_bookings_overflow(
    five: SandboxServer, http: httpx.Client, field: str
) -> None:
    w = wire(five, http, "vastal")
    w.reset()
    for huge in (10**20, 10**400):
        changed = w.post_json(
            "PUT", "/calendar/appointment-types", {"id": "type_def456", field: huge}
        )
        assert changed.status_code == 400 and changed.json() == {"error": f"{field} is invalid"}
    booked = w.post_json("POST", w.api.create, w.api.good())
    assert booked.status_code == 200, booked.text
