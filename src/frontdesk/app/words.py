"""Counting in plain words: "1 booking", "3 bookings", never "booking(s)"."""

from __future__ import annotations


def counted(n: int, word: str, words: str | None = None) -> str:
    """``n`` and the word in the right number (``words``: an irregular plural)."""
    return f"{n} {word}" if n == 1 else f"{n} {words or word + 's'}"
