"""Staff in the store: who may sign in, their role, their PIN's hash, wrong PINs in a row.

Every change of a member (added, PIN reset, disabled, enabled, a sign-in and a refused one)
writes its audit line in the same transaction. What must hold across desks is decided inside
the write lock: a name is taken once; the first administrator is made only while there is no
staff at all; the last active administrator cannot be disabled.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk.domain.audit import AuditEntry
from frontdesk.domain.staff import Role, StaffMember, lockout_after, name_key
from frontdesk.storage.audit import add_audit
from frontdesk.storage.db import Database
from frontdesk.storage.plain import StaffRefused as StaffRefused
from frontdesk.storage.tables import StaffRow


def member_of(row: StaffRow) -> StaffMember:
    return StaffMember(
        id=row.id,
        name=row.name,
        role=Role(row.role),
        disabled=row.disabled,
        failed=row.failed,
        locked_until=row.locked_until,
        last_sign_in=row.last_sign_in,
    )


def _by_name(s: Session, name: str) -> StaffRow | None:
    return s.scalar(select(StaffRow).where(StaffRow.key == name_key(name)))


def _named(s: Session, name: str) -> StaffRow:
    row = _by_name(s, name)
    if row is None:
        raise StaffRefused(f"There is no staff member named {name!r}.")
    return row


class StaffStore:
    """The staff of one store."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def staff_count(self) -> int:
        """How many members there are, disabled ones included (none: the first start)."""
        with self.db.read() as s:
            return int(s.scalar(select(func.count()).select_from(StaffRow)) or 0)

    def staff_members(self) -> list[StaffMember]:
        with self.db.read() as s:
            return [member_of(r) for r in s.scalars(select(StaffRow).order_by(StaffRow.key))]

    def staff_member(self, name: str) -> StaffMember | None:
        with self.db.read() as s:
            row = _by_name(s, name)
            return None if row is None else member_of(row)

    def staff_pin(self, name: str) -> tuple[StaffMember, str] | None:
        """The member and their PIN's hash, to check a PIN typed for them."""
        with self.db.read() as s:
            row = _by_name(s, name)
            return None if row is None else (member_of(row), row.pin_hash)

    def add_staff(
        self,
        name: str,
        role: Role,
        pin_hash: str,
        audit: AuditEntry,
        now: datetime,
        *,
        first: bool = False,
    ) -> StaffMember:
        """Add a member; ``first``: only while there is no staff at all (the first start's
        administrator, made once however many desks start together)."""
        shown = " ".join(name.split())
        with self.db.write() as s:
            if first and s.scalar(select(func.count()).select_from(StaffRow)):
                raise StaffRefused("Staff were added meanwhile: sign in instead.")
            if _by_name(s, shown) is not None:
                raise StaffRefused(f"There is already a staff member named {shown!r}.")
            row = StaffRow(
                key=name_key(shown),
                name=shown,
                role=role.value,
                pin_hash=pin_hash,
                disabled=False,
                failed=0,
                locked_until=None,
                created_at=now,
                last_sign_in=None,
            )
            s.add(row)
            s.flush()
            add_audit(s, audit)
            return member_of(row)

    def set_pin(self, name: str, pin_hash: str, audit: AuditEntry | None) -> None:
        """A new PIN (a reset by an administrator, audited; or the same PIN hashed again with
        today's parameters at a sign-in, not audited); clears a lockout."""
        with self.db.write() as s:
            row = _named(s, name)
            row.pin_hash, row.failed, row.locked_until = pin_hash, 0, None
            if audit is not None:
                add_audit(s, audit)

    def set_disabled(self, name: str, disabled: bool, audit: AuditEntry) -> StaffMember:
        """Disable (or enable again) a member; the last active administrator stays."""
        with self.db.write() as s:
            row = _named(s, name)
            if disabled and row.role == Role.ADMIN.value and not row.disabled:
                admins = s.scalar(
                    select(func.count())
                    .select_from(StaffRow)
                    .where(StaffRow.role == Role.ADMIN.value, StaffRow.disabled.is_(False))
                )
                if (admins or 0) <= 1:
                    raise StaffRefused(
                        f"{row.name} is the only active administrator: add another first."
                    )
            row.disabled = disabled
            if not disabled:
                row.failed, row.locked_until = 0, None
            add_audit(s, audit)
            return member_of(row)

    def sign_in_failed(self, member_id: int, now: datetime, audit: AuditEntry) -> StaffMember:
        """A wrong PIN: one more in a row, and a lockout once there were too many."""
        with self.db.write() as s:
            row = s.get_one(StaffRow, member_id)
            row.failed += 1
            wait = lockout_after(row.failed)
            row.locked_until = now + wait if wait is not None else None
            add_audit(s, audit)
            return member_of(row)

    def sign_in_succeeded(self, member_id: int, now: datetime, audit: AuditEntry) -> StaffMember:
        with self.db.write() as s:
            row = s.get_one(StaffRow, member_id)
            row.failed, row.locked_until, row.last_sign_in = 0, None, now
            add_audit(s, audit)
            return member_of(row)

    def note_refused(self, audit: AuditEntry) -> None:
        """A sign-in refused for a name no member has (no member to count it against)."""
        with self.db.write() as s:
            add_audit(s, audit)
