"""The release pipeline's files, read the way GitHub and macOS read them: the workflows build,
smoke-test and publish what they promise, a tag build cannot be published unsigned, and the
Info.plist names the app. (The signing steps themselves: test_signing.py.)"""

from __future__ import annotations

import hashlib
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
WINDOWS_SECRETS = ("WINDOWS_CERT_PFX", "WINDOWS_CERT_PASSWORD")
ON_A_TAG = "startsWith(github.ref, 'refs/tags/')"


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


def _step(job: dict[str, Any], says: str) -> tuple[int, dict[str, Any]]:
    """The first step of ``job`` whose command holds ``says``, and its position."""
    for position, step in enumerate(job["steps"]):
        if says in step.get("run", ""):
            return position, step
    raise AssertionError(f"no step runs {says!r}")


@pytest.mark.parametrize(
    ("job", "secrets"), [("windows", WINDOWS_SECRETS), ("macos", SECRETS)], ids=["windows", "macos"]
)
def test_a_tag_build_fails_first_without_its_signing_secrets(
    job: str, secrets: tuple[str, ...]
) -> None:
    steps = _workflow("release.yml")["jobs"][job]
    checked, check = _step(steps, f"packaging/signing.py check {job}")
    assert check["if"] == ON_A_TAG  # on a tag only, and before the tests and the build
    assert set(check["env"]) == set(secrets)
    assert all(check["env"][name] == f"${{{{ secrets.{name} }}}}" for name in secrets)
    tested, _ = _step(steps, "uv run pytest")
    built, build = _step(steps, f"packaging/build.py {job}")
    assert checked < tested < built
    # the build itself is a release on a tag: signed, or it fails (test_signing.py)
    assert f"${{{{ {ON_A_TAG} && '--release' || '' }}}}" in build["run"]
    assert set(build["env"]) == set(secrets)


def test_publish_needs_the_signed_builds_and_runs_on_tags_only() -> None:
    jobs = _workflow("release.yml")["jobs"]
    assert jobs["publish"]["if"] == ON_A_TAG
    assert set(jobs["publish"]["needs"]) >= {"windows", "macos"}
    assert not any("if" in jobs[name] for name in ("windows", "macos"))  # never skipped


def test_the_windows_job_signs_the_executables_before_nsis_and_the_installer_after() -> None:
    """The job's build step is ``build.py windows``, whose packaging signs FrontDesk.exe and
    frontdesk-cli.exe, runs makensis over them, then signs the installer (that order is run with
    stand-ins in test_signing.py); on a tag, the installer and the executables it installed must
    then carry valid signatures."""
    windows = _workflow("release.yml")["jobs"]["windows"]
    built, build = _step(windows, "packaging/build.py windows")
    nsis, _ = _step(windows, "makensis")  # NSIS is installed before the build runs it
    installed, install = _step(windows, "Get-AuthenticodeSignature")
    assert nsis < built < installed
    assert set(build["env"]) == set(WINDOWS_SECRETS)
    assert f"${{{{ {ON_A_TAG} }}}}" in install["run"]
    for checked in ("$setup", "$app\\FrontDesk.exe", "$app\\frontdesk-cli.exe"):
        assert checked in install["run"]
    assert 'Status -ne "Valid"' in install["run"]


def test_the_macos_job_checks_the_stapled_app_and_dmg_on_a_tag() -> None:
    macos = _workflow("release.yml")["jobs"]["macos"]
    built, _ = _step(macos, "packaging/build.py macos")
    checked, check = _step(macos, "stapler validate")
    assert built < checked and check["if"] == ON_A_TAG
    runs = check["run"]
    assert 'xcrun stapler validate "$dmg"' in runs
    assert 'xcrun stapler validate "$mount/FrontDesk.app"' in runs  # the app inside the DMG
    assert 'codesign --verify --deep --strict --verbose=2 "$mount/FrontDesk.app"' in runs
    assert 'spctl --assess --type execute --verbose=2 "$mount/FrontDesk.app"' in runs
    assert "spctl --assess --type open" in runs


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
