"""The sending role of a connection: one sender (a process, a desk) at a time sends a
connection's operations and refreshes it, so the API key's documented rate is kept by one
pacer however many desks share the store; the others leave the work to it (the outbox is
shared) and see its results in the store.

The role is a lease in the store, taken and renewed in one write transaction: free, expired,
already ours, or held by a sender that is gone (``abandoned``: a process of this computer that
has ended) is ours; otherwise it stays with its holder. A holder renews it while it works and
gives it up when it stops; a holder that died loses it when the lease runs out. The holder's
pacer keeps its requests of the rate window with the role (one small write per request), so a
holder taking over goes on pacing from them rather than from nothing: the key's rate holds
across a hand-over, a crash included."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import update

from frontdesk.domain.timeutil import utc_now
from frontdesk.storage.db import Database
from frontdesk.storage.tables import SendingRoleRow

# How long the role holds without a renewal: longer than a sync cycle (the desk's is 30 s).
ROLE_LEASE = timedelta(seconds=90)


class SendingRoles:
    """Taking, renewing and giving up connections' sending roles."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def take_role(
        self,
        connection_id: str,
        owner: str,
        now: datetime,
        *,
        lease: timedelta = ROLE_LEASE,
        abandoned: Callable[[str], bool] | None = None,
    ) -> bool:
        """Take or renew the connection's sending role for ``owner``; False while another
        live sender holds it."""
        with self.db.write() as s:
            row = s.get(SendingRoleRow, connection_id)
            if row is None:
                s.add(SendingRoleRow(connection_id=connection_id, holder=owner, until=now + lease))
                return True
            free = row.holder == owner or row.until <= now
            if not free and (abandoned is None or not abandoned(row.holder)):
                return False
            row.holder, row.until = owner, now + lease
            return True

    def role_holder(self, connection_id: str, now: datetime) -> str | None:
        """Who holds the connection's sending role now (None: nobody)."""
        with self.db.read() as s:
            row = s.get(SendingRoleRow, connection_id)
            return row.holder if row is not None and row.until > now else None

    def note_requests(self, connection_id: str, owner: str, sent: list[float]) -> None:
        """Keep the holder's requests within the rate window (epoch seconds) with its role,
        for the pacer of whoever holds it next."""
        with self.db.write() as s:
            row = s.get(SendingRoleRow, connection_id)
            if row is not None and row.holder == owner:
                row.recent = sent

    def role_requests(self, connection_id: str) -> list[float]:
        """The requests the connection's holders made within the rate window, as last kept."""
        with self.db.read() as s:
            row = s.get(SendingRoleRow, connection_id)
            return list(row.recent or []) if row is not None else []

    def give_up_roles(self, owner: str) -> None:
        """``owner`` stops: its roles are free at once (their recent requests are kept)."""
        with self.db.write() as s:
            s.execute(
                update(SendingRoleRow)
                .where(SendingRoleRow.holder == owner)
                .values(until=utc_now() - timedelta(seconds=1))
            )
