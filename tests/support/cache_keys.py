"""The key tests open their SQLite caches with: every cache the suite makes is encrypted, as a
desk's is (``frontdesk.storage.cipher``)."""

from __future__ import annotations

TEST_KEY = bytes(range(32))


def key_for(url: str) -> bytes | None:
    """The key for the store ``url`` names: :data:`TEST_KEY` for a SQLite cache, none for a
    PostgreSQL store."""
    return TEST_KEY if url.startswith("sqlite") else None
