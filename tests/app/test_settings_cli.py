"""``frontdesk settings`` as the desk: anyone may read the clinic's settings, only an
administrator changes them (``--admin NAME`` and the PIN from standard input or the terminal,
never an argument), each refusal one plain line, exit 2, nothing changed. A real subprocess:
the PIN is read from its standard input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def settings(profile: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "frontdesk", "--profile-dir", str(profile), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_only_an_administrator_changes_the_clinics_settings(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    # no staff yet: no administrator to ask (as `staff add` makes the first without a PIN)
    done = settings(profile, "settings", "--paper", "A4")
    assert done.returncode == 0, done.stderr
    assert settings(profile, "staff", "add", "Anna Berg", stdin="2580\n").returncode == 0
    added = settings(profile, "staff", "add", "Ben", "--admin", "Anna Berg", stdin="2580\n1357\n")
    assert added.returncode == 0, added.stderr

    letter = ("settings", "--paper", "Letter")
    refused = settings(profile, *letter)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "--admin: name the administrator" in refused.stderr
    assert "nothing was changed" in refused.stderr
    wrong = settings(
        profile, "settings", "--paper", "Letter", "--admin", "Anna Berg", stdin="1111\n"
    )
    assert wrong.returncode == 2 and "do not match" in wrong.stderr
    staff = settings(profile, *letter, "--admin", "Ben", stdin="1357\n")
    assert staff.returncode == 2 and "Only an administrator" in staff.stderr
    none = settings(profile, *letter, "--admin", "Anna Berg")
    assert none.returncode == 2 and "PIN: none given" in none.stderr
    shown = settings(profile, "settings")  # reading stays open
    assert shown.returncode == 0 and json.loads(shown.stdout)["paper"] == "A4"

    done = settings(
        profile, "settings", "--paper", "Letter", "--admin", "Anna Berg", stdin="2580\n"
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["paper"] == "Letter"
    # the administrator signed in for it, under their own name, in the audit trail
    audit = settings(profile, "audit", "--event", "signed in")
    assert audit.returncode == 0, audit.stderr
    assert "Anna Berg" in audit.stdout and "command line" in audit.stdout
