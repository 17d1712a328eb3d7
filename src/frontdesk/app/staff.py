"""Who works at this desk: signing in with a name and a PIN, locking, and managing staff.

A ``StaffSession`` belongs to one ``AppContext``. The desk requires it (``require_sign_in``):
until a member signs in, and while the desk is locked, every change refuses with
``NotSignedIn`` instead of being written under nobody's name. The headless tools do not sign
in (but ``frontdesk staff`` asks an administrator's PIN): their changes are the command line's,
named after the computer's user. ``actor()`` is who acts now, for every booking's history and
audit line.

A wrong PIN is counted in the store against its member (so another desk or a restart does not
reset it); after five in a row the member is locked out for 30 seconds, doubling with each
further wrong PIN up to 15 minutes (``domain.staff.lockout_after``). Each sign-in, refused
sign-in, lock and change of staff writes an audit line. Only an administrator manages staff
(``require_admin``); the last active administrator cannot be disabled.
"""

from __future__ import annotations

import getpass
import math
from datetime import datetime
from typing import TYPE_CHECKING

from frontdesk.app import pins
from frontdesk.domain.audit import Actor, AuditEntry, AuditEvent, Changes
from frontdesk.domain.staff import Role, StaffMember, name_problem
from frontdesk.domain.timeutil import utc_now
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, plural, translate
from frontdesk.storage.plain import StaffRefused

if TYPE_CHECKING:
    from frontdesk.storage.repo import Repository

__all__ = [
    "NotAllowed",
    "NotSignedIn",
    "Role",
    "SignInRefused",
    "StaffMember",
    "StaffRefused",
    "StaffSession",
]

UNKNOWN_NAME = "(a name nobody has)"


class SignInRefused(Exception):
    """A sign-in that did not succeed; the message is for the person at the desk."""

    def __init__(self, message: str, wait_s: float = 0.0) -> None:
        super().__init__(message)
        self.wait_s = wait_s


class NotSignedIn(Exception):
    """A change at a desk nobody is signed in to (or that is locked)."""

    def __init__(self) -> None:
        super().__init__("Nobody is signed in to this desk: sign in first.")


class NotAllowed(Exception):
    """Something only an administrator may do."""


def command_line_user() -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        user = "unknown user"
    return f"command line ({user})"


def _seconds(until: datetime, now: datetime) -> int:
    return max(1, math.ceil((until - now).total_seconds()))


def _wait_words(seconds: int) -> str:
    if seconds < 90:
        return plural("Staff", "%n second(s)", seconds)
    return plural("Staff", "%n minute(s)", math.ceil(seconds / 60))


def _counts() -> None:  # for lupdate: the counted sentences (never called)
    translate("Staff", "%n second(s)", None, 1)
    translate("Staff", "%n minute(s)", None, 1)


def _no_match() -> str:
    return translate("Staff", "That name and PIN do not match. Check both and try again.")


def _too_many(name: str, wait: int) -> str:
    said = translate("Staff", "Too many wrong PINs for {name}: try again in {wait}.")
    return said.format(name=name, wait=_wait_words(wait))


class StaffSession:
    """The member signed in to one desk (or nobody), and what they may do."""

    def __init__(self, repo: Repository, desk: str) -> None:
        self.repo = repo
        self.desk = desk
        self.member: StaffMember | None = None
        self.locked = False
        self.required = False
        self.hint: str | None = None  # what the sign-in form says beside it (the demo's PINs)

    # -- who acts ---------------------------------------------------------------------
    def require_sign_in(self) -> None:
        """This is a desk: from now on a change needs a member signed in and unlocked."""
        self.required = True

    @property
    def signed_in(self) -> bool:
        return self.member is not None and not self.locked

    def actor(self) -> Actor:
        """Who acts now: the member signed in, else (a headless tool) the command line's
        user; at a desk nobody is signed in to, or that is locked, ``NotSignedIn``."""
        if self.member is not None and not self.locked:
            return Actor(self.member.name, self.desk)
        if self.required:
            raise NotSignedIn()
        return Actor(command_line_user(), self.desk)

    def _entry(
        self,
        event: AuditEvent,
        staff: str | None = None,
        *,
        changes: Changes | None = None,
        detail: str | None = None,
    ) -> AuditEntry:
        actor = Actor(staff, self.desk) if staff is not None else self.actor()
        return AuditEntry(event, actor, changes=changes or {}, detail=detail)

    # -- first start, signing in, locking ------------------------------------------------
    @property
    def first_start(self) -> bool:
        """No staff at all yet: the desk asks for the first administrator."""
        return self.repo.staff.staff_count() == 0

    def create_first_admin(self, name: str, pin: str) -> StaffMember:
        """The first administrator, signed in at once; refused once any staff exist."""
        shown = self._valid(name, pin)
        entry = self._entry(
            AuditEvent.STAFF_ADDED,
            staff=shown,
            changes={"name": [None, shown], "role": [None, Role.ADMIN.value]},
            detail="the first administrator, at the first start",
        )
        now = utc_now()
        member = self.repo.staff.add_staff(
            shown, Role.ADMIN, pins.hash_pin(pin), entry, now, first=True
        )
        signed = self.repo.staff.sign_in_succeeded(
            member.id, now, self._entry(AuditEvent.SIGNED_IN, staff=shown)
        )
        self.member, self.locked = signed, False
        return signed

    def check(self, name: str, pin: str, now: datetime | None = None) -> StaffMember:
        """The member ``name`` names if ``pin`` is theirs and they may sign in; otherwise
        ``SignInRefused`` (counted against the member, audited either way)."""
        now = now or utc_now()
        found = self.repo.staff.staff_pin(name)
        if found is None:
            pins.nobody_has_it()
            self.repo.staff.note_refused(
                self._entry(AuditEvent.SIGN_IN_REFUSED, staff=UNKNOWN_NAME, detail="unknown name")
            )
            raise SignInRefused(_no_match())
        member, encoded = found
        refused = self._entry(AuditEvent.SIGN_IN_REFUSED, staff=member.name)
        if member.locked_until is not None and member.locked_until > now:
            wait = _seconds(member.locked_until, now)
            self.repo.staff.note_refused(_with(refused, "locked out"))
            raise SignInRefused(_too_many(member.name, wait), wait)
        if not pins.verify_pin(pin, encoded):
            member = self.repo.staff.sign_in_failed(member.id, now, _with(refused, "wrong PIN"))
            message = _no_match()
            if member.locked_until is not None:
                wait = _seconds(member.locked_until, now)
                message = _too_many(member.name, wait)
                raise SignInRefused(message, wait)
            raise SignInRefused(message)
        if member.disabled:
            self.repo.staff.note_refused(_with(refused, "disabled"))
            said = translate("Staff", "{name} may no longer sign in here; ask an administrator.")
            raise SignInRefused(said.format(name=member.name))
        if pins.outdated(encoded):  # today's parameters, while the PIN is at hand
            self.repo.staff.set_pin(member.name, pins.hash_pin(pin), None)
        return member

    def sign_in(
        self, name: str, pin: str, detail: str | None = None, now: datetime | None = None
    ) -> StaffMember:
        """Sign ``name`` in (unlocking the desk, or switching to them)."""
        now = now or utc_now()
        member = self.check(name, pin, now)
        before = self.member
        if detail is None and before is not None and self.locked:
            detail = "unlocked" if before.id == member.id else f"took over from {before.name}"
        signed = self.repo.staff.sign_in_succeeded(
            member.id,
            now,
            self._entry(AuditEvent.SIGNED_IN, staff=member.name, detail=detail),
        )
        self.member, self.locked = signed, False
        return signed

    def lock(self, reason: str) -> None:
        """Lock the desk (``reason``: idle, by hand); unlocking needs a PIN."""
        if self.locked or self.member is None:
            self.locked = True
            return
        self.repo.audit.record(self._entry(AuditEvent.LOCKED, detail=reason))
        self.locked = True

    # -- what an administrator does --------------------------------------------------------
    def require_admin(self, what: str) -> StaffMember:
        """The member signed in, an administrator; else ``NotAllowed`` saying ``what``."""
        member = self.member
        if member is None or self.locked or not member.admin:
            raise NotAllowed(admin_only(what))
        return member

    @property
    def is_admin(self) -> bool:
        return self.member is not None and not self.locked and self.member.admin

    def staff(self) -> list[StaffMember]:
        return self.repo.staff.staff_members()

    def active_names(self) -> list[str]:
        """The names that may sign in (the sign-in form's list)."""
        return [m.name for m in self.repo.staff.staff_members() if not m.disabled]

    def add_staff(self, name: str, role: Role, pin: str) -> StaffMember:
        self.require_admin("add staff")
        shown = self._valid(name, pin)
        entry = self._entry(
            AuditEvent.STAFF_ADDED,
            changes={"name": [None, shown], "role": [None, role.value]},
        )
        return self.repo.staff.add_staff(shown, role, pins.hash_pin(pin), entry, utc_now())

    def reset_pin(self, name: str, pin: str) -> None:
        self.require_admin("reset a PIN")
        problem = pins.pin_problem(pin)
        if problem is not None:
            raise StaffRefused(problem)
        member = self._member(name)
        entry = self._entry(AuditEvent.PIN_RESET, detail=f"for {member.name}")
        self.repo.staff.set_pin(member.name, pins.hash_pin(pin), entry)

    def set_disabled(self, name: str, disabled: bool) -> StaffMember:
        me = self.require_admin("disable or enable staff")
        member = self._member(name)
        if disabled and member.id == me.id:
            raise StaffRefused(
                translate("Staff", "You cannot disable yourself; another administrator can.")
            )
        event = AuditEvent.STAFF_DISABLED if disabled else AuditEvent.STAFF_ENABLED
        return self.repo.staff.set_disabled(
            member.name, disabled, self._entry(event, detail=member.name)
        )

    def _member(self, name: str) -> StaffMember:
        member = self.repo.staff.staff_member(name)
        if member is None:
            said = translate("Staff", "There is no staff member named {name}.")
            raise StaffRefused(said.format(name=repr(name.strip())))
        return member

    @staticmethod
    def _valid(name: str, pin: str) -> str:
        problem = name_problem(name) or pins.pin_problem(pin)
        if problem is not None:
            raise StaffRefused(problem)
        return " ".join(name.split())


# what only an administrator may do, each said whole (a language puts the verb where it goes)
ADMIN_ONLY = {
    "read the audit trail": QT_TRANSLATE_NOOP(
        "Staff", "Only an administrator can read the audit trail."
    ),
    "add staff": QT_TRANSLATE_NOOP("Staff", "Only an administrator can add staff."),
    "reset a PIN": QT_TRANSLATE_NOOP("Staff", "Only an administrator can reset a PIN."),
    "disable or enable staff": QT_TRANSLATE_NOOP(
        "Staff", "Only an administrator can disable or enable staff."
    ),
    "change the clinic's columns": QT_TRANSLATE_NOOP(
        "Staff", "Only an administrator can change the clinic's columns."
    ),
    "change the clinic's settings": QT_TRANSLATE_NOOP(
        "Staff", "Only an administrator can change the clinic's settings."
    ),
}


def admin_only(what: str) -> str:
    """The refusal of ``what`` (``add staff``) to a member who is no administrator, in the
    desk's language where the desk knows it (the headless tools' own, in English)."""
    sentence = ADMIN_ONLY.get(what)
    if sentence is not None:
        return translate("Staff", sentence)
    return f"Only an administrator can {what}."  # the headless tools' (English) only


def _with(entry: AuditEntry, detail: str) -> AuditEntry:
    return AuditEntry(entry.event, entry.actor, entry.booking_id, entry.changes, detail)
