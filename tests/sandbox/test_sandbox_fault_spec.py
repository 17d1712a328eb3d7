"""The ``--faults`` spec: parsing with plain errors, and each fault as a client sees it."""

from __future__ import annotations

import httpx
import pytest

from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.fault_spec import FaultSpec, FaultSpecError


def test_parse_spec() -> None:
    spec = FaultSpec.parse("5xx=0.1, 429=0.05,drop=0.2,seed=7,slow_s=0.5,retry_after=3")
    assert spec.rates == {"5xx": 0.1, "429": 0.05, "drop": 0.2}
    assert (spec.seed, spec.slow_s, spec.retry_after_s) == (7, 0.5, 3)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("5xx", "key=value"),
        ("boom=0.1", "unknown fault"),
        ("5xx=2", "between 0 and 1"),
        ("5xx=0.6,drop=0.6", "more than 1"),
        ("seed=x", "needs a number"),
    ],
)
def test_bad_specs_say_what_is_wrong(text: str, words: str) -> None:
    with pytest.raises(FaultSpecError, match=words):
        FaultSpec.parse(text)


def test_scripted_faults_reach_the_client() -> None:
    spec = FaultSpec(rates={}, slow_s=0.05, retry_after_s=4)
    with SandboxServer(rate_limit=0, faults=spec) as server:
        injector = server.injectors["huskyvoice"]
        headers = {"Authorization": f"Bearer {server.api_key}"}
        with httpx.Client(base_url=server.base_url + "/", headers=headers, timeout=5) as http:
            injector.script(["5xx", "429", "429", "garbage", None])
            assert http.get("services").status_code == 503
            first = http.get("services")
            assert (first.status_code, first.headers["retry-after"]) == (429, "4")
            second = http.get("services")
            assert second.headers["retry-after"].endswith("GMT")  # as an HTTP date
            garbage = http.get("services")
            assert garbage.status_code == 200 and garbage.text.startswith("<html>")
            assert http.get("services").json()["success"] is True
            injector.script(["reset"])
            with pytest.raises(httpx.RemoteProtocolError):
                http.get("services")
            # the test endpoints are never faulted
            injector.script(["5xx"])
            assert httpx.get(f"{server.root_url}/__sandbox__/appointments").status_code == 200
        assert injector.stats.counts["429"] == 2
