"""Releases cannot ship unsigned: the signing steps' control flow, run here with stand-ins for
macOS's and Windows's tools that record their calls (``support/fake_tools.py``).

- A release without a secret fails, naming it, before anything is signed or built; any other
  build skips signing and says so.
- macOS: the app is signed inside out with the hardened runtime, verified, notarized as a zip
  and stapled; the DMG is made of the stapled app, then signed, notarized and stapled.
- Windows: both executables are Authenticode-signed (SHA-256, RFC 3161 timestamp) and verified
  before NSIS packs them, the installer after it is built; the certificate file is gone after.

The stand-ins cannot say whether a real signature is valid; the release workflow checks that on
its runners (spctl, stapler validate, Get-AuthenticodeSignature).
"""

from __future__ import annotations

import base64
import hashlib
import os
import plistlib
import shutil
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from support.fake_tools import IDENTITY, FakeTools

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "macos" / "sign_and_notarize.sh"
MAC_SECRETS = ("MACOS_CERT_P12", "MACOS_CERT_PASSWORD", "APPLE_ID", "APPLE_TEAM_ID")
MAC_SECRETS += ("APPLE_APP_PASSWORD",)
WINDOWS_SECRETS = ("WINDOWS_CERT_PFX", "WINDOWS_CERT_PASSWORD")
P12 = b"\x30\x82 a Developer ID certificate and its key"
PFX = b"\x30\x82 an Authenticode certificate and its key"
PASSWORD = "pfx-password-not-to-be-printed"

needs_bash = pytest.mark.skipif(sys.platform == "win32", reason="the macOS script needs bash")
needs_file = pytest.mark.skipif(
    shutil.which("file") is None, reason="the script finds Mach-O files with `file`"
)


@pytest.fixture(autouse=True)
def no_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (*MAC_SECRETS, *WINDOWS_SECRETS, "MACOS_SIGN_IDENTITY", "WINDOWS_TIMESTAMP_URL"):
        monkeypatch.delenv(name, raising=False)


def mac_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MACOS_CERT_P12", base64.b64encode(P12).decode())
    monkeypatch.setenv("MACOS_CERT_PASSWORD", "p12-password")
    monkeypatch.setenv("APPLE_ID", "release@example.org")
    monkeypatch.setenv("APPLE_TEAM_ID", "TEAM123456")
    monkeypatch.setenv("APPLE_APP_PASSWORD", "abcd-efgh-ijkl-mnop")


def script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(SCRIPT), *args], capture_output=True, text=True, check=False)


def mach_o(path: Path, filetype: int) -> Path:
    """A Mach-O header (arm64; 2 executable, 6 library, 8 bundle), as `file` recognises it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(struct.pack("<IiiIIIII", 0xFEEDFACF, 0x0100000C, 0, filetype, 0, 0, 0, 0))
    return path


def app_bundle(root: Path) -> Path:
    app = root / "FrontDesk.app"
    contents = app / "Contents"
    (contents / "MacOS").mkdir(parents=True)
    with (contents / "Info.plist").open("wb") as handle:
        plistlib.dump({"CFBundleExecutable": "FrontDesk"}, handle)
    mach_o(contents / "MacOS" / "FrontDesk", 2)
    mach_o(contents / "Frameworks" / "libssl.3.dylib", 6)
    mach_o(contents / "Frameworks" / "frontdesk" / "_speedups.cpython-311-darwin.so", 8)
    qt = contents / "Frameworks" / "QtCore.framework"
    mach_o(qt / "Versions" / "A" / "QtCore", 6)
    (contents / "Resources").mkdir()
    (contents / "Resources" / "base_library.zip").write_bytes(b"PK not Mach-O")
    return app


def signed(tools: FakeTools) -> list[str]:
    """What codesign signed, in order."""
    return [
        c["args"][-1] for c in tools.calls() if c["tool"] == "codesign" and "--sign" in c["args"]
    ]


# -- macOS: no secrets -----------------------------------------------------------------------
@needs_bash
@pytest.mark.parametrize("kind", ["app", "dmg"])
def test_a_release_without_the_secrets_fails_naming_them(
    kind: str, tmp_path: Path, fake_tools: FakeTools, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APPLE_ID", "release@example.org")  # one of five set
    target = app_bundle(tmp_path) if kind == "app" else tmp_path / "FrontDesk.dmg"
    if kind == "dmg":
        target.write_bytes(b"dmg")
    result = script("--release", kind, str(target))
    assert result.returncode == 1, result.stdout + result.stderr
    said = result.stderr
    assert "a release must be signed and notarized" in said and "build fails" in said
    for name in ("MACOS_CERT_P12", "MACOS_CERT_PASSWORD", "APPLE_TEAM_ID", "APPLE_APP_PASSWORD"):
        assert name in said
    assert "APPLE_ID" not in said  # the one that is set is not named
    assert fake_tools.calls() == []  # nothing was signed, no keychain made


@needs_bash
@pytest.mark.parametrize("kind", ["app", "dmg"])
def test_a_build_that_is_no_release_skips_signing_and_says_so(
    kind: str, tmp_path: Path, fake_tools: FakeTools
) -> None:
    target = tmp_path / "FrontDesk.app"
    target.mkdir()
    result = script(kind, str(target))
    assert result.returncode == 0, result.stderr
    assert "not a release build, signing skipped" in result.stdout
    assert f"{target} stays unsigned" in result.stdout
    assert all(name in result.stdout for name in MAC_SECRETS)
    assert fake_tools.calls() == []


@needs_bash
def test_the_release_check_names_what_is_missing(
    signing_script: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = script("check")
    assert checked.returncode == 1 and all(name in checked.stderr for name in MAC_SECRETS)
    with pytest.raises(signing_script.SigningError, match=r"MACOS_CERT_P12 .*APPLE_APP_PASSWORD"):
        signing_script.check("macos")
    mac_secrets(monkeypatch)
    assert script("check").returncode == 0
    signing_script.check("macos")  # no error


@needs_bash
@needs_file
def test_a_release_without_macos_tools_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mac_secrets(monkeypatch)
    monkeypatch.setenv("PATH", "/usr/bin:/bin")  # no codesign here (nor on any Linux)
    if Path("/usr/bin/codesign").exists():
        pytest.skip("this machine has macOS's tools")
    result = script("--release", "app", str(app_bundle(tmp_path)))
    assert result.returncode == 1 and "not found: codesign" in result.stderr


# -- macOS: signing, notarizing and stapling -------------------------------------------------
@needs_bash
@needs_file
def test_the_app_is_signed_inside_out_verified_notarized_and_stapled(
    tmp_path: Path, fake_tools: FakeTools, monkeypatch: pytest.MonkeyPatch
) -> None:
    mac_secrets(monkeypatch)
    app = app_bundle(tmp_path)
    result = script("--release", "app", str(app))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{app} signed, notarized and stapled" in result.stdout

    order = signed(fake_tools)
    frameworks = app / "Contents" / "Frameworks"
    inner = {
        str(frameworks / "libssl.3.dylib"),
        str(frameworks / "frontdesk" / "_speedups.cpython-311-darwin.so"),
        str(frameworks / "QtCore.framework" / "Versions" / "A" / "QtCore"),
    }
    assert set(order[:3]) == inner  # every Mach-O file but the main one, and nothing else
    assert order[3:] == [
        str(frameworks / "QtCore.framework"),  # then the frameworks
        f"{app}/Contents/MacOS/FrontDesk",  # then the main executable and the bundle
        str(app),
    ]
    for call in fake_tools.calls():
        if call["tool"] == "codesign" and "--sign" in call["args"]:
            args = call["args"]
            assert args[args.index("--sign") + 1] == IDENTITY
            assert "--timestamp" in args and args[args.index("--options") + 1] == "runtime"
            entitled = call["args"][-1] in (str(app), f"{app}/Contents/MacOS/FrontDesk")
            assert ("--entitlements" in args) == entitled

    zipped = next(c for c in fake_tools.calls() if c["tool"] == "ditto")["args"]
    assert zipped[:4] == ["-c", "-k", "--keepParent", str(app)]
    steps = [
        fake_tools.index("codesign", "--sign", str(app)),
        fake_tools.index("codesign", "--verify", "--deep", "--strict", str(app)),
        fake_tools.index("ditto", "-c", str(app)),
        fake_tools.index("xcrun", "notarytool", "submit", zipped[-1], "--wait"),
        fake_tools.index("xcrun", "stapler", "staple", str(app)),
        fake_tools.index("xcrun", "stapler", "validate", str(app)),
        fake_tools.index("spctl", "--assess", "--type", "execute", str(app)),
    ]
    assert steps == sorted(steps)
    submit = fake_tools.calls()[steps[3]]["args"]
    for flag, value in (("--apple-id", "release@example.org"), ("--team-id", "TEAM123456")):
        assert submit[submit.index(flag) + 1] == value
    assert submit[submit.index("--password") + 1] == "abcd-efgh-ijkl-mnop"
    assert "abcd-efgh-ijkl-mnop" not in result.stdout + result.stderr

    # the certificate went in decoded, into a keychain deleted at the end, with its folder
    imported = next(c for c in fake_tools.calls() if c["args"][:1] == ["import"])
    assert imported["sha256"] == hashlib.sha256(P12).hexdigest()
    keychain = next(c for c in fake_tools.calls() if c["args"][:1] == ["create-keychain"])
    made = keychain["args"][-1]
    assert fake_tools.calls()[-1] == {"tool": "security", "args": ["delete-keychain", made]}
    assert not Path(made).parent.exists()


@needs_bash
def test_the_dmg_is_signed_notarized_and_stapled(
    tmp_path: Path, fake_tools: FakeTools, monkeypatch: pytest.MonkeyPatch
) -> None:
    mac_secrets(monkeypatch)
    dmg = tmp_path / "FrontDesk-0.1.0-macos-arm64.dmg"
    dmg.write_bytes(b"dmg")
    result = script("--release", "dmg", str(dmg))
    assert result.returncode == 0, result.stdout + result.stderr
    steps = [
        fake_tools.index("codesign", "--timestamp", "--sign", IDENTITY, str(dmg)),
        fake_tools.index("codesign", "--verify", "--strict", str(dmg)),
        fake_tools.index("xcrun", "notarytool", "submit", str(dmg), "--wait"),
        fake_tools.index("xcrun", "stapler", "staple", str(dmg)),
        fake_tools.index("xcrun", "stapler", "validate", str(dmg)),
        fake_tools.index("spctl", "--assess", "--type", "open", str(dmg)),
    ]
    assert steps == sorted(steps)


@needs_bash
@needs_file
def test_a_refused_notarization_fails_and_staples_nothing(
    tmp_path: Path, fake_tools: FakeTools, monkeypatch: pytest.MonkeyPatch
) -> None:
    mac_secrets(monkeypatch)
    monkeypatch.setenv("FAKE_NOTARY_STATUS", "Invalid")
    app = app_bundle(tmp_path)
    result = script("--release", "app", str(app))
    assert result.returncode == 1
    assert "ended 'Invalid'" in result.stderr
    fake_tools.index("xcrun", "notarytool", "log", "fake-submission-1")  # Apple's reasons
    assert not any(c["args"][:1] == ["stapler"] for c in fake_tools.calls())


@needs_bash
@needs_file
def test_the_dmg_holds_the_app_already_stapled(
    build_script: ModuleType,
    tmp_path: Path,
    fake_tools: FakeTools,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mac_secrets(monkeypatch)
    app = app_bundle(tmp_path / "dist")
    where = build_script.Layout(app, app / "Contents" / "MacOS" / "FrontDesk", None)
    monkeypatch.setattr(
        build_script, "smoke", lambda exe, version: fake_tools.record("smoke", str(exe))
    )
    dmg = build_script.package_macos(where, tmp_path / "dist", "0.1.0", release=True)
    assert dmg.exists() and dmg.name.startswith("FrontDesk-0.1.0-macos-")
    calls = fake_tools.calls()
    copied = next(  # the app copied into the DMG's folder (not zipped for the notary)
        n for n, c in enumerate(calls) if c["tool"] == "ditto" and c["args"][0] == str(app)
    )
    assert calls[copied]["args"][1].endswith("/FrontDesk/FrontDesk.app")
    steps = [
        fake_tools.index("xcrun", "stapler", "staple", str(app)),
        fake_tools.index("smoke", str(where.executable)),  # the signed app still starts
        copied,
        fake_tools.index("hdiutil", "create", str(dmg)),
        fake_tools.index("codesign", "--sign", IDENTITY, str(dmg)),
        fake_tools.index("xcrun", "notarytool", "submit", str(dmg)),
        fake_tools.index("xcrun", "stapler", "staple", str(dmg)),
    ]
    assert steps == sorted(steps)


# -- Windows ---------------------------------------------------------------------------------
def program(root: Path, build_script: ModuleType) -> Any:
    bundle = root / "FrontDesk"
    (bundle / "_internal").mkdir(parents=True)
    for name in ("FrontDesk.exe", "frontdesk-cli.exe"):
        (bundle / name).write_bytes(b"MZ stand-in")
    return build_script.Layout(bundle, bundle / "FrontDesk.exe", bundle / "frontdesk-cli.exe")


def test_windows_signs_the_executables_before_nsis_packs_them_and_the_installer_after(
    build_script: ModuleType,
    tmp_path: Path,
    fake_tools: FakeTools,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("WINDOWS_CERT_PFX", base64.encodebytes(PFX).decode())  # wrapped lines
    monkeypatch.setenv("WINDOWS_CERT_PASSWORD", PASSWORD)
    where = program(tmp_path, build_script)
    icon = tmp_path / "frontdesk.ico"
    setup = build_script.package_windows(where, tmp_path, "0.1.0", icon, release=True)
    exes = [str(where.executable), str(where.cli)]
    steps = [
        fake_tools.index("signtool", "sign", *exes),
        fake_tools.index("signtool", "verify", "/pa", *exes),
        fake_tools.index("makensis", f"-DPROGRAM_DIR={where.bundle.resolve()}"),
        fake_tools.index("signtool", "sign", str(setup)),
        fake_tools.index("signtool", "verify", "/pa", str(setup)),
    ]
    assert steps == sorted(steps)
    assert setup.exists() and setup.name.startswith("FrontDesk-0.1.0-windows-")
    signs = [c for c in fake_tools.calls() if c["args"][:1] == ["sign"]]
    assert len(signs) == 2
    for call in signs:
        args = call["args"]
        assert args[args.index("/fd") + 1] == "SHA256"
        assert args[args.index("/tr") + 1] == "http://timestamp.digicert.com"  # RFC 3161
        assert args[args.index("/td") + 1] == "SHA256"
        assert args[args.index("/p") + 1] == PASSWORD
        assert call["pfx_existed"] and call["sha256"] == hashlib.sha256(PFX).hexdigest()
    assert not Path(signs[0]["args"][signs[0]["args"].index("/f") + 1]).exists()  # removed
    out = capsys.readouterr().out
    assert PASSWORD not in out and "/p ***" in out


def test_a_windows_release_without_the_certificate_fails_naming_it(
    build_script: ModuleType,
    signing_script: ModuleType,
    tmp_path: Path,
    fake_tools: FakeTools,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WINDOWS_CERT_PASSWORD", PASSWORD)
    where = program(tmp_path, build_script)
    with pytest.raises(signing_script.SigningError, match=r"not set: WINDOWS_CERT_PFX$"):
        build_script.package_windows(where, tmp_path, "0.1.0", tmp_path / "i.ico", release=True)
    assert fake_tools.calls() == []  # no installer was made

    # build.py windows --release stops before it freezes anything
    frozen: list[str] = []
    monkeypatch.setattr(build_script, "freeze", lambda *a, **k: frozen.append("frozen"))
    monkeypatch.setattr(build_script.sys, "platform", "win32")
    with pytest.raises(signing_script.SigningError, match="Authenticode-signed"):
        build_script.build("windows", tmp_path / "dist", tmp_path / "work", release=True)
    monkeypatch.undo()
    assert frozen == []


def test_the_workflow_check_names_the_missing_windows_secrets(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in WINDOWS_SECRETS}
    checked = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "signing.py"), "check", "windows"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 1
    assert "not set: WINDOWS_CERT_PFX WINDOWS_CERT_PASSWORD" in checked.stderr


def test_windows_outside_a_release_says_the_files_stay_unsigned(
    build_script: ModuleType,
    tmp_path: Path,
    fake_tools: FakeTools,
    capsys: pytest.CaptureFixture[str],
) -> None:
    where = program(tmp_path, build_script)
    build_script.package_windows(where, tmp_path, "0.1.0", tmp_path / "i.ico", release=False)
    assert [c["tool"] for c in fake_tools.calls()] == ["makensis"]
    out = capsys.readouterr().out
    assert "not a release build, Authenticode signing skipped" in out
    assert "FrontDesk.exe, frontdesk-cli.exe stay unsigned" in out
    assert "not set: WINDOWS_CERT_PFX WINDOWS_CERT_PASSWORD" in out


def test_a_certificate_that_is_not_base64_is_said_so(
    build_script: ModuleType,
    signing_script: ModuleType,
    tmp_path: Path,
    fake_tools: FakeTools,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WINDOWS_CERT_PFX", "not base64 at all!")
    monkeypatch.setenv("WINDOWS_CERT_PASSWORD", PASSWORD)
    where = program(tmp_path, build_script)
    with pytest.raises(signing_script.SigningError, match="WINDOWS_CERT_PFX is not base64"):
        build_script.package_windows(where, tmp_path, "0.1.0", tmp_path / "i.ico", release=True)
    assert fake_tools.calls() == []
