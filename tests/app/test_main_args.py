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
