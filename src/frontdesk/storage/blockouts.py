"""The blockouts in the store: added, changed, removed and read by span.

Every write marks the topic ``"blockouts"`` (``notices.changed_topic``), so the other desks
of a shared store re-read them within a second, and appends its audit line in the same
transaction. A change names the version it read: a blockout changed or removed by another
desk meanwhile is refused (:class:`BlockoutGone`) rather than overwritten.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update

from frontdesk.domain.audit import AuditEntry
from frontdesk.domain.blockouts import Blockout, Reason, Repeat
from frontdesk.domain.timeutil import utc_now
from frontdesk.storage import notices
from frontdesk.storage.audit import add_audit
from frontdesk.storage.db import Database
from frontdesk.storage.plain import BLOCKOUTS_TOPIC as TOPIC
from frontdesk.storage.plain import BlockoutGone as BlockoutGone
from frontdesk.storage.tables_blockouts import BlockoutRow


def _fields(blockout: Blockout) -> dict[str, object]:
    return {
        "connection_id": blockout.connection_id,
        "resource_id": blockout.resource_id,
        "start": blockout.start,
        "end": blockout.end,
        "reach": blockout.reach,
        "zone": blockout.zone,
        "reason": blockout.reason.value,
        "note": blockout.note,
        "repeat": blockout.repeat.value,
        "weeks": blockout.weeks,
        "until": blockout.until,
    }


def _of_row(row: BlockoutRow) -> Blockout:
    return Blockout(
        id=row.id,
        start=row.start,
        end=row.end,
        zone=row.zone,
        reason=Reason(row.reason),
        note=row.note or "",
        connection_id=row.connection_id,
        resource_id=row.resource_id,
        repeat=Repeat(row.repeat),
        weeks=row.weeks,
        until=row.until,
        version=row.version,
        created_by=row.created_by,
    )


class BlockoutStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, blockout: Blockout, audit: AuditEntry) -> Blockout:
        now = utc_now()
        with self.db.write() as s:
            s.add(
                BlockoutRow(
                    id=blockout.id,
                    version=1,
                    created_by=blockout.created_by[:100],
                    created_at=now,
                    updated_at=now,
                    **_fields(blockout),
                )
            )
            add_audit(s, audit)
            notices.changed_topic(s, TOPIC)
        return self.get(blockout.id) or blockout

    def change(self, blockout: Blockout, audit: AuditEntry) -> Blockout:
        """Store ``blockout``'s new fields over the version it was read at."""
        with self.db.write() as s:
            done = s.execute(
                update(BlockoutRow)
                .where(BlockoutRow.id == blockout.id, BlockoutRow.version == blockout.version)
                .values(version=blockout.version + 1, updated_at=utc_now(), **_fields(blockout))
            )
            if done.rowcount != 1:  # type: ignore[attr-defined]
                raise BlockoutGone(blockout.id)
            add_audit(s, audit)
            notices.changed_topic(s, TOPIC)
        return self.get(blockout.id) or blockout

    def remove(self, blockout: Blockout, audit: AuditEntry) -> None:
        with self.db.write() as s:
            done = s.execute(
                delete(BlockoutRow).where(
                    BlockoutRow.id == blockout.id, BlockoutRow.version == blockout.version
                )
            )
            if done.rowcount != 1:  # type: ignore[attr-defined]
                raise BlockoutGone(blockout.id)
            add_audit(s, audit)
            notices.changed_topic(s, TOPIC)

    def get(self, blockout_id: str) -> Blockout | None:
        with self.db.read() as s:
            row = s.get(BlockoutRow, blockout_id)
            return None if row is None else _of_row(row)

    def between(self, start: datetime, end: datetime) -> list[Blockout]:
        """Every blockout with an occurrence that may meet ``[start, end)``, first first."""
        with self.db.read() as s:
            rows = s.scalars(
                select(BlockoutRow)
                .where(BlockoutRow.start < end, BlockoutRow.reach > start)
                .order_by(BlockoutRow.start, BlockoutRow.id)
            )
            return [_of_row(row) for row in rows]
