"""Stand-ins for the signing and packaging tools of macOS and Windows (``codesign``,
``security``, ``xcrun``, ``plutil``, ``spctl``, ``ditto``, ``uuidgen``, ``hdiutil``,
``signtool``, ``makensis``), put first on PATH so that the signing scripts' control flow can be
run on any machine with a POSIX shell.

Each records its arguments, in order, in one log, and does no more than the scripts need to go
on: print an identity or an accepted notarization, read a value from a plist or JSON file,
write the file it is told to write, note the bytes of the certificate file it is handed. They
prove which commands run, in which order, with which arguments; not that a real signature or
ticket is valid (the release workflow checks those on its macOS and Windows runners).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

TOOLS = (
    "codesign",
    "security",
    "xcrun",
    "plutil",
    "spctl",
    "ditto",
    "uuidgen",
    "hdiutil",
    "signtool",
    "makensis",
)
IDENTITY = "0123456789ABCDEF0123456789ABCDEF01234567"

_SCRIPT = r"""
import hashlib, json, os, plistlib, sys
from pathlib import Path

tool, args = Path(sys.argv[0]).name, sys.argv[1:]
entry = {"tool": tool, "args": args}

def after(flag):
    return args[args.index(flag) + 1] if flag in args else None

if tool == "security" and args[:1] == ["list-keychains"] and "-s" not in args:
    print('    "/Users/runner/Library/Keychains/login.keychain-db"')
elif tool == "security" and args[:1] == ["find-identity"]:
    print('  1) IDENTITY "Developer ID Application: Example Clinic Software (TEAM123456)"')
    print("     1 valid identities found")
elif tool == "security" and args[:1] == ["import"]:
    entry["sha256"] = hashlib.sha256(Path(args[1]).read_bytes()).hexdigest()
elif tool == "xcrun" and args[:2] == ["notarytool", "submit"]:
    status = os.environ.get("FAKE_NOTARY_STATUS", "Accepted")
    print(json.dumps({"id": "fake-submission-1", "status": status, "message": "fake"}))
elif tool == "plutil" and args[:1] == ["-extract"]:
    key, file = args[1], args[-1]
    raw = Path(file).read_bytes()
    try:
        data = json.loads(raw)
    except ValueError:
        data = plistlib.loads(raw)
    if key not in data:
        sys.exit(f"plutil: no value at {key}")
    print(data[key])
elif tool == "uuidgen":
    print("6F1C2A3B-0000-4000-8000-00000000FAKE")
elif tool == "ditto" and "-c" in args:
    Path(args[-1]).write_bytes(b"PK fake zip")
elif tool == "hdiutil" and args[:1] == ["create"]:
    Path(args[-1]).write_bytes(b"fake dmg")
elif tool == "signtool" and args[:1] == ["sign"]:
    pfx = Path(after("/f"))
    entry["pfx_existed"] = pfx.exists()
    entry["sha256"] = hashlib.sha256(pfx.read_bytes()).hexdigest() if pfx.exists() else None
elif tool == "makensis":
    out = next(arg.split("=", 1)[1] for arg in args if arg[2:].startswith("OUTFILE="))
    Path(out).write_bytes(b"MZ fake installer")

with open(os.environ["FAKE_TOOLS_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps(entry) + "\n")
""".replace("IDENTITY", IDENTITY)


class FakeTools:
    """The stand-ins' folder and their log."""

    def __init__(self, folder: Path) -> None:
        self.bin = folder / "bin"
        self.log = folder / "calls.jsonl"
        self.bin.mkdir(parents=True)
        for name in TOOLS:
            tool = self.bin / name
            tool.write_text(f"#!{sys.executable}\n{_SCRIPT}", encoding="utf-8")
            tool.chmod(0o755)

    def calls(self) -> list[dict[str, Any]]:
        if not self.log.exists():
            return []
        lines = self.log.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines]

    def record(self, tool: str, *args: str) -> None:
        """A step of the test's own (e.g. the smoke test) in the same log."""
        with self.log.open("a", encoding="utf-8") as log:
            log.write(json.dumps({"tool": tool, "args": list(args)}) + "\n")

    def index(self, tool: str, *args: str) -> int:
        """The position of the first call of ``tool`` whose arguments hold all of ``args``."""
        for position, call in enumerate(self.calls()):
            if call["tool"] == tool and all(arg in call["args"] for arg in args):
                return position
        raise AssertionError(f"no call of {tool} with {args}: {self.calls()}")
