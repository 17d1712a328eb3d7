"""The release pipeline's files, read the way GitHub and macOS read them: the workflows build,
smoke-test and publish what they promise, the Info.plist names the app, and the signing script
steps aside when the signing secrets are absent."""

from __future__ import annotations

import hashlib
import os
import plistlib
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import frontdesk

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
MACOS = ROOT / "packaging" / "macos"
SECRETS = (
    "MACOS_CERT_P12",
    "MACOS_CERT_PASSWORD",
    "APPLE_ID",
    "APPLE_TEAM_ID",
    "APPLE_APP_PASSWORD",
)


def _workflow(name: str) -> dict[str, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads a bare `on:` as true
    return data  # type: ignore[no-any-return]


def _runs(job: dict[str, Any]) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def test_ci_runs_the_tests_on_three_systems() -> None:
    ci = _workflow("ci.yml")
    job = ci["jobs"]["tests"]
    assert set(job["strategy"]["matrix"]["os"]) == {
        "ubuntu-latest",
        "windows-latest",
        "macos-latest",
    }
    assert ci["env"]["QT_QPA_PLATFORM"] == "offscreen"
    assert "pip install --upgrade uv" in _runs(job)
    assert "bash .ci/run" in _runs(job) and "uv run pytest" in _runs(job)


def test_release_builds_on_tags_and_publishes_with_sums() -> None:
    release = _workflow("release.yml")
    assert release["on"]["push"]["tags"] == ["v*"]
    jobs = release["jobs"]
    assert jobs["windows"]["runs-on"] == "windows-latest"
    runners = {
        entry["runner"]: entry["arch"] for entry in jobs["macos"]["strategy"]["matrix"]["include"]
    }
    assert runners == {"macos-14": "arm64", "macos-15-intel": "x86_64"}
    for name in ("windows", "macos"):
        runs = _runs(jobs[name])
        assert "uv run pytest" in runs
        assert f"packaging/build.py {name}" in runs
        assert "packaging/build.py smoke" in runs  # the installed / mounted app, again
    assert "hdiutil attach" in _runs(jobs["macos"])
    assert '"/S"' in _runs(jobs["windows"])  # silent install, upgrade and uninstall
    publish = jobs["publish"]
    assert set(publish["needs"]) >= {"windows", "macos"}
    assert publish["permissions"] == {"contents": "write"}
    assert "sha256sum --check" in _runs(publish) and "SHA256SUMS.txt" in _runs(publish)
    assert "gh release" in _runs(publish)
    build_step = next(s for s in jobs["macos"]["steps"] if "build.py macos" in s.get("run", ""))
    assert set(build_step["env"]) == set(SECRETS)


def test_info_plist_names_the_app_for_macos() -> None:
    with (MACOS / "Info.plist").open("rb") as handle:
        info = plistlib.load(handle)
    assert info["CFBundleIdentifier"] == frontdesk.APP_ID
    assert info["CFBundleName"] == info["CFBundleDisplayName"] == frontdesk.APP_NAME
    assert info["CFBundleShortVersionString"] == info["CFBundleVersion"] == "@VERSION@"
    assert info["NSHighResolutionCapable"] is True
    assert info["NSRequiresAquaSystemAppearance"] is False  # follows dark mode
    assert info["CFBundleIconFile"] == "frontdesk.icns"


@pytest.mark.skipif(shutil.which("bash") is None or sys.platform == "win32", reason="needs bash")
def test_signing_is_skipped_not_failed_without_secrets(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in SECRETS}
    for kind in ("app", "dmg"):
        result = subprocess.run(
            ["bash", str(MACOS / "sign_and_notarize.sh"), kind, str(tmp_path)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert "skipped" in result.stdout and "MACOS_CERT_P12" in result.stdout


@pytest.mark.skipif(shutil.which("bash") is None or sys.platform == "win32", reason="needs bash")
def test_signing_refuses_a_missing_target(tmp_path: Path) -> None:
    result = subprocess.run(
        ["bash", str(MACOS / "sign_and_notarize.sh"), "app", str(tmp_path / "nope.app")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2


def test_sha256_files_read_back_with_sha256sum(build_script: Any, tmp_path: Path) -> None:
    artifact = tmp_path / "FrontDesk-0.1.0-windows-x64-setup.exe"
    artifact.write_bytes(b"MZ" + bytes(range(256)) * 64)
    sums = build_script.write_sha256(artifact)
    line = sums.read_bytes()
    digest = hashlib.sha256(artifact.read_bytes()).hexdigest()
    assert line == f"{digest}  {artifact.name}\n".encode()  # LF even when built on Windows
    if shutil.which("sha256sum") is not None:
        check = subprocess.run(
            ["sha256sum", "--check", "--strict", sums.name],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        assert check.returncode == 0, check.stdout + check.stderr
