"""The connections to the booking systems and their cached catalogs (policy, services,
resources and the windows of each day), held in memory per span until a catalog is saved
again; ``repo.catalogs`` (:class:`CatalogStore`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select

from frontdesk.domain.catalog import Catalog, Policy, Resource, Service, Window
from frontdesk.domain.timeutil import utc_now
from frontdesk.storage.db import Database
from frontdesk.storage.rows import WINDOWS_SQL, plain_rows, windows_of_tuples
from frontdesk.storage.tables import ConnectionRow, ResourceRow, ServiceRow, WindowRow

__all__ = ["CatalogStore", "ConnectionRecord"]


@dataclass(frozen=True, slots=True)
class ConnectionRecord:
    """A connection to one remote API (its key lives in the keyring, not here)."""

    id: str
    name: str
    provider: str
    base_url: str
    options: dict[str, Any]
    last_fresh_at: datetime | None


class CatalogStore:
    """The connections and the catalogs cached for them."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._held: dict[tuple[str, date, date], Catalog] = {}
        self._generation = 0

    # -- connections -------------------------------------------------------------------
    def add_connection(self, record: ConnectionRecord) -> None:
        with self.db.write() as s:
            s.add(
                ConnectionRow(
                    id=record.id,
                    name=record.name,
                    provider=record.provider,
                    base_url=record.base_url,
                    options=record.options,
                    policy={},
                    last_fresh_at=None,
                    created_at=utc_now(),
                )
            )

    def update_connection(self, record: ConnectionRecord) -> None:
        with self.db.write() as s:
            row = s.get_one(ConnectionRow, record.id)
            row.name, row.base_url, row.options = record.name, record.base_url, record.options

    def connections(self) -> list[ConnectionRecord]:
        with self.db.read() as s:
            rows = s.scalars(select(ConnectionRow).order_by(ConnectionRow.name))
            return [self._connection(r) for r in rows]

    def connection_by_name(self, name: str) -> ConnectionRecord | None:
        with self.db.read() as s:
            row = s.scalar(select(ConnectionRow).where(ConnectionRow.name == name))
            return None if row is None else self._connection(row)

    @staticmethod
    def _connection(row: ConnectionRow) -> ConnectionRecord:
        return ConnectionRecord(
            row.id, row.name, row.provider, row.base_url, dict(row.options), row.last_fresh_at
        )

    # -- catalog -----------------------------------------------------------------------
    def save_catalog(
        self, connection_id: str, catalog: Catalog, days: Iterable[date], *, fresh: bool = True
    ) -> None:
        """Replace the policy, services, resources and the windows of ``days`` in one
        transaction (the windows of other days are kept); ``fresh``: the catalog itself was
        read now (the connection's ``last_fresh_at``), not only some days' windows."""
        day_list = list(days)
        self._generation += 1
        self._held.clear()
        with self.db.write() as s:
            row = s.get_one(ConnectionRow, connection_id)
            p = catalog.policy
            row.policy = {
                "timezone": p.timezone,
                "duplicate_prevention": p.duplicate_prevention,
                "allow_cancellation": p.allow_cancellation,
                "cancellation_notice_hours": p.cancellation_notice_hours,
                "extra": dict(p.extra),
            }
            if fresh:
                row.last_fresh_at = utc_now()
            s.execute(delete(ServiceRow).where(ServiceRow.connection_id == connection_id))
            s.execute(delete(ResourceRow).where(ResourceRow.connection_id == connection_id))
            s.execute(
                delete(WindowRow).where(
                    WindowRow.connection_id == connection_id, WindowRow.day.in_(day_list)
                )
            )
            s.add_all(
                ServiceRow(connection_id=connection_id, **_fields(sv)) for sv in catalog.services
            )
            s.add_all(
                ResourceRow(connection_id=connection_id, **_fields(r)) for r in catalog.resources
            )
            s.add_all(WindowRow(connection_id=connection_id, **_fields(w)) for w in catalog.windows)
        self._generation += 1
        self._held.clear()

    def policy(self, connection_id: str) -> Policy:
        """The connection's cached organisation policy (zone, cancellation rules)."""
        with self.db.read() as s:
            conn = s.get_one(ConnectionRow, connection_id)
            return Policy(**conn.policy) if conn.policy else Policy(timezone="UTC")

    def catalog(self, connection_id: str, first: date, last: date) -> Catalog:
        """The cached catalog with the windows of local days ``first``..``last``.

        Kept in memory until the connection's catalog is saved again (every check and
        screen asks for it; a month of 30 resources is thousands of windows). Callers must
        not change what they get back.
        """
        key = (connection_id, first, last)
        generation = self._generation
        found = self._held.get(key)
        if found is not None:
            return found
        catalog = self._read_catalog(connection_id, first, last)
        if generation == self._generation:  # no save_catalog ran meanwhile
            if len(self._held) >= 32:
                self._held.clear()
            self._held[key] = catalog
        return catalog

    def forget_catalogs(self) -> None:
        """Read the catalogs from the store again: another process (the desk's sync worker)
        saved some, which this process's memory cannot know of."""
        self._generation += 1
        self._held.clear()

    def _read_catalog(self, connection_id: str, first: date, last: date) -> Catalog:
        if first <= last:  # the policy, services and resources come from the cache too
            rest = self.catalog(connection_id, date.max, date.min)
            return replace(rest, windows=self._read_windows(connection_id, first, last))
        with self.db.read() as s:
            conn = s.get_one(ConnectionRow, connection_id)
            policy = Policy(**conn.policy) if conn.policy else Policy(timezone="UTC")
            services = s.scalars(
                select(ServiceRow).where(ServiceRow.connection_id == connection_id)
            )
            resources = s.scalars(
                select(ResourceRow)
                .where(ResourceRow.connection_id == connection_id)
                .order_by(ResourceRow.name)
            )
            return Catalog(
                policy=policy,
                services=[
                    Service(r.id, r.name, r.duration_minutes, r.color, r.active, dict(r.extra))
                    for r in services
                ],
                resources=[
                    Resource(r.id, r.name, r.kind, r.color, dict(r.extra)) for r in resources
                ],
            )

    def _read_windows(self, connection_id: str, first: date, last: date) -> list[Window]:
        params = (connection_id, first.isoformat(), last.isoformat())
        with self.db.read() as s:
            return windows_of_tuples(plain_rows(s, WINDOWS_SQL, params))


def _fields(obj: object) -> dict[str, Any]:
    slots: tuple[str, ...] = getattr(type(obj), "__slots__", ())
    values = {name: getattr(obj, name) for name in slots}
    return {k: dict(v) if isinstance(v, Mapping) else v for k, v in values.items()}
