"""Which cached bookings a new booking's offline checks can weigh, said in columns a store can
filter on: what narrows an import's read of a busy day to the few bookings its rows need.

An API's rules say which bookings of a day they weigh against a new one by *neighbour keys*
(``Connector.neighbour_keys``: a branch, a patient for a service, a reference...), opaque values
computed from each booking. A :class:`Match` says the same in the cache's own terms: a few
column tests that must all hold. A rule set's matches for a booking must hold for every booking
that shares a key with it (they may hold for more: the keys are checked again on what is read),
and it declares none where some bookings have no keys (those weigh against every booking).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The booking columns a test may name: text columns, compared as stored.
COLUMNS = frozenset(
    {"id", "resource_id", "service_id", "patient_phone", "patient_name", "external_ref"}
)
_NOT_DIGITS = re.compile(r"[^0-9]")


@dataclass(frozen=True, slots=True)
class ColumnTest:
    """``column`` equals ``value``; or with ``digits``, the column's text holds the digits of
    ``value`` in their order, whatever is between them (a phone however it was written: every
    text whose digits are ``value``'s passes, and a few others)."""

    column: str
    value: str
    digits: bool = False

    def __post_init__(self) -> None:
        if self.column not in COLUMNS:
            raise ValueError(f"{self.column!r} is not a column a neighbour match may test")

    def holds(self, text: str | None) -> bool:
        """Whether a booking whose column holds ``text`` passes (what the store answers)."""
        if text is None:
            return False
        if not self.digits:
            return text == self.value
        wanted = _NOT_DIGITS.sub("", self.value)
        found = iter(text)
        return all(digit in found for digit in wanted)  # each digit after the one before


Match = tuple[ColumnTest, ...]  # every test holds


def equals(column: str, value: str) -> Match:
    return (ColumnTest(column, value),)
