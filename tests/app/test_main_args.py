"""``frontdesk`` sends a subcommand to the headless tools and anything else to the desk, past
the options that take a value."""

from __future__ import annotations

from frontdesk.main import first_positional


def test_the_subcommand_is_found_past_options_and_their_values() -> None:
    assert first_positional(["--database-url", "postgresql://desk@db/clinic", "sync"]) == "sync"
    assert first_positional(["--profile-dir", "/srv/fd", "--verbose", "import", "x.csv"]) == (
        "import"
    )
    assert first_positional(["--database-url=postgresql://db/clinic", "sync"]) == "sync"
    assert first_positional(["--demo"]) is None


def test_the_desks_help_names_every_headless_tool(capsys) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from frontdesk.cli import SUBCOMMANDS
    from frontdesk.main import main

    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    said = " ".join(capsys.readouterr().out.split())
    assert "frontdesk COMMAND [--help]" in said
    assert all(f" {command}," in said or f" {command}." in said for command in SUBCOMMANDS)


def test_the_version_is_said_on_standard_output(capsys) -> None:  # type: ignore[no-untyped-def]
    """What the packaged build's smoke check reads (packaging/build.py): ``--version`` on
    stdout, as argparse's own action says it."""
    import pytest

    import frontdesk
    from frontdesk.main import main

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    out = capsys.readouterr()
    assert out.out == f"FrontDesk {frontdesk.__version__}\n" and out.err == ""
