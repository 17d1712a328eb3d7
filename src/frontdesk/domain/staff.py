"""Staff who sign in to the desk: a name, a role (an administrator manages staff, connections,
clinic settings and reads the audit trail; staff book), whether they may still sign in, and
how many wrong PINs in a row were typed for them (with the time they are locked out until).

The PIN's hash is the store's and the sign-in's business (``app.pins``), never held here.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from frontdesk.domain.translation import translate

# wrong PINs in a row before a member is locked out, the first lockout, and the longest
FREE_ATTEMPTS = 5
FIRST_LOCKOUT = timedelta(seconds=30)
LONGEST_LOCKOUT = timedelta(minutes=15)
NAME_WIDTH = 100


class Role(enum.StrEnum):
    ADMIN = "admin"
    STAFF = "staff"


@dataclass(frozen=True, slots=True)
class StaffMember:
    id: int
    name: str
    role: Role
    disabled: bool = False
    failed: int = 0  # wrong PINs in a row
    locked_until: datetime | None = None
    last_sign_in: datetime | None = None

    @property
    def admin(self) -> bool:
        return self.role is Role.ADMIN


def name_key(name: str) -> str:
    """The form two names are the same in (``Anna Berg`` and ``anna  berg``)."""
    return " ".join(name.split()).casefold()


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a staff member's name, or None."""
    shown = " ".join(name.split())
    if not shown:
        return translate("Staff", "Type the staff member's name.")
    if len(shown) > NAME_WIDTH:
        return translate("Staff", "A name is at most {most} characters.").format(most=NAME_WIDTH)
    if any(not ch.isprintable() for ch in shown):
        return translate("Staff", "A name holds letters, digits, spaces and punctuation only.")
    return None


def lockout_after(failed: int) -> timedelta | None:
    """How long a member is locked out after ``failed`` wrong PINs in a row: nothing for the
    first few, then 30 seconds, doubling with each further one, at most 15 minutes."""
    if failed < FREE_ATTEMPTS:
        return None
    doubled: timedelta = FIRST_LOCKOUT * 2 ** min(failed - FREE_ATTEMPTS, 10)
    return min(doubled, LONGEST_LOCKOUT)
