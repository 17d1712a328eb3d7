"""The sandbox server itself: cut answers, restarts on the same port, the CLI entry point."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

import frontdesk.sandbox
from frontdesk.sandbox import SandboxServer

Body = Callable[..., dict[str, Any]]


def test_describe(sandbox: SandboxServer) -> None:
    assert sandbox.base_url == f"http://127.0.0.1:{sandbox.port}/v1"
    assert sandbox.describe() == [
        {
            "provider": "huskyvoice",
            "base_url": sandbox.base_url,
            "api_key": "sk_test_frontdesk_demo",
        }
    ]


def test_a_dropped_answer_is_committed(
    client: httpx.Client, sandbox: SandboxServer, body: Body
) -> None:
    sandbox.state.faults.drop_next_answers(1)
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        client.post("/appointments", json=body(external_reference_id="op-1"))
    stored = sandbox.state.appointments()
    assert len(stored) == 1 and stored[0]["external_reference_id"] == "op-1"
    assert sandbox.state.faults.dropped == 1
    # The retry finds the booking by its reference and writes nothing more.
    retry = client.post("/appointments", json=body(external_reference_id="op-1"))
    assert retry.status_code == 200 and retry.json()["idempotent"] is True
    assert retry.json()["appointment_id"] == stored[0]["appointment_id"]
    assert len(sandbox.state.appointments()) == 1


def test_faults_over_http(client: httpx.Client, sandbox: SandboxServer, body: Body) -> None:
    made = client.post("/appointments", json=body()).json()["appointment_id"]
    with httpx.Client(base_url=sandbox.root_url) as admin:
        armed = admin.post("/__sandbox__/faults", json={"drop_next_answers": 2})
        assert armed.json() == {"success": True, "data": {"drop_next_answers": 2}}
        with pytest.raises(httpx.TransportError):
            client.patch(f"/appointments/{made}", json={"status": "cancelled"})
        with pytest.raises(httpx.TransportError):
            client.post("/appointments", json=body(parent_phone="+442079460555"))
        # Reads are never cut, and the fault is spent.
        assert client.get(f"/appointments/{made}").json()["data"]["status"] == "cancelled"
        assert (
            client.post("/appointments", json=body(parent_phone="+442079460556")).status_code == 201
        )
        dump = admin.get("/__sandbox__/appointments").json()["data"]
        assert len(dump) == 3
        bad_bodies: list[Any] = [{"drop_next_answers": -1}, {"drop_next_answers": "2"}, {}, []]
        for bad in bad_bodies:
            assert admin.post("/__sandbox__/faults", json=bad).status_code == 400


def test_stop_and_start_again_on_the_same_port(body: Body) -> None:
    server = SandboxServer(rate_limit=0).start()
    try:
        port = server.port
        headers = {"Authorization": f"Bearer {server.api_key}"}
        with httpx.Client(base_url=server.base_url, headers=headers, timeout=5.0) as http:
            assert http.post("/appointments", json=body()).status_code == 201
            server.stop()
            with pytest.raises(httpx.ConnectError):
                http.get("/services")
            server.start()
            assert server.port == port
            # Same object: same state; the client's pooled connection is not in the way.
            assert len(http.get("/appointments").json()["data"]) == 1
            server.stop()
            with SandboxServer(port=port, rate_limit=0) as fresh:
                assert fresh.base_url == f"http://127.0.0.1:{port}/v1"
                assert http.get("/appointments").json()["data"] == []
    finally:
        server.stop()


def test_a_taken_port_is_an_error(sandbox: SandboxServer) -> None:
    with pytest.raises(OSError):
        SandboxServer(port=sandbox.port).start()


def test_run_forever_prints_its_apis_and_stops_on_sigterm(tmp_path: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("SIGTERM to a child is POSIX")
    src = Path(frontdesk.sandbox.__file__).resolve().parents[2]
    clinic = tmp_path / "clinic.json"
    clinic.write_text(json.dumps({"duplicate_prevention": False}), encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")]),
    }
    code = (
        "from frontdesk.sandbox.server import run_forever; "
        f"run_forever('127.0.0.1', 0, 7, {str(clinic)!r})"
    )
    with subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    ) as child:
        try:
            assert child.stdout is not None
            line = json.loads(child.stdout.readline())
            assert line["provider"] == "huskyvoice" and line["api_key"] == "sk_test_frontdesk_demo"
            headers = {"Authorization": f"Bearer {line['api_key']}"}
            response = httpx.get(line["base_url"] + "/appointment-config", headers=headers)
            assert response.json()["data"]["duplicate_prevention"] is False
            # the limit given (7 a minute) is the one applied: six more pass, the eighth is 429
            statuses = [
                httpx.get(line["base_url"] + "/services", headers=headers).status_code
                for _ in range(7)
            ]
            assert statuses == [200] * 6 + [429]
            child.send_signal(signal.SIGTERM)
            assert child.wait(timeout=10) == 0
        finally:
            if child.poll() is None:
                child.kill()
            assert child.stderr is not None
            child.stderr.read()
