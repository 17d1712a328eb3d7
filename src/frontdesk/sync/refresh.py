"""Refreshing one connection's cache from its booking system, part by part.

A refresh has parts: the catalog (policy, services, resources and, on most APIs, the windows of
every cached day, read together), each day's windows where the API reads a day with a request
of its own (:class:`~frontdesk.providers.base.ReadsDaysApart`: HuskyVoice's availability, 23 of
a refresh's couple of dozen requests), and the remote bookings. Every part fetched is saved; a
part whose request fails is left as the cache holds it and named *stale*, so one failed request
costs only its own part. The engine keeps the stale parts (and since when) in the connection's
health, which the desk shows; the next cycle reads only those again, through the same pacer,
until the next full refresh reads everything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from frontdesk.providers.base import ApiError, Connector, PartialCatalog, ReadsDaysApart
from frontdesk.providers.http import BadAnswer
from frontdesk.storage.repo import Repository
from frontdesk.sync.parts import BOOKINGS, CATALOG, day_part


@dataclass
class Refreshed:
    """What one refresh did: bookings changed, the parts fetched, the parts that failed."""

    changed: int = 0
    fetched: set[str] = field(default_factory=set)
    failed: dict[str, Exception] = field(default_factory=dict)


def refresh(
    repo: Repository,
    cid: str,
    connector: Connector,
    days: list[date],
    since: datetime | None,
    wanted: set[str] | None = None,
    *,
    catalog_read: bool = False,
) -> Refreshed:
    """Read the parts ``wanted`` (None: all) of connection ``cid`` for local ``days`` and save
    each one fetched. A refused key raises (the connection waits for a person).
    ``catalog_read``: this connector has read the catalog before; until it has, its bookings
    are not read without it (a connector maps them with what its catalog read told it)."""
    done = Refreshed()
    if wanted is None or CATALOG in wanted:
        _catalog(repo, cid, connector, days, done)
    elif isinstance(connector, ReadsDaysApart):
        stale = [d for d in days if day_part(d) in wanted]
        if stale:
            _days(repo, cid, connector, stale, done)
    if wanted is not None and BOOKINGS not in wanted:
        return done
    if CATALOG in done.failed and not catalog_read:
        done.failed[BOOKINGS] = done.failed[CATALOG]  # not asked: read with the catalog
    else:
        try:
            remote = connector.pull_bookings(since)
        except (ApiError, BadAnswer) as exc:
            _failed(done, [BOOKINGS], exc)
        else:
            done.changed = repo.remote.merge_remote(cid, remote)
            done.fetched.add(BOOKINGS)
    return done


def _catalog(
    repo: Repository, cid: str, connector: Connector, days: list[date], done: Refreshed
) -> None:
    try:
        if isinstance(connector, ReadsDaysApart):
            cached = repo.catalogs.catalog(cid, date.max, date.min)  # no windows
            read = connector.pull_catalog_apart(days, cached)
        else:
            read = PartialCatalog(connector.pull_catalog(days), {})
    except (ApiError, BadAnswer) as exc:
        _failed(done, [CATALOG], exc)
        return
    _save(repo, cid, days, read, done, fresh=True)
    done.fetched.add(CATALOG)


def _days(
    repo: Repository, cid: str, connector: ReadsDaysApart, days: list[date], done: Refreshed
) -> None:
    try:
        read = connector.pull_days(days, repo.catalogs.catalog(cid, date.max, date.min))
    except (ApiError, BadAnswer) as exc:
        _failed(done, [day_part(d) for d in days], exc)
        return
    _save(repo, cid, days, read, done, fresh=False)


def _save(
    repo: Repository,
    cid: str,
    days: list[date],
    read: PartialCatalog,
    done: Refreshed,
    *,
    fresh: bool,
) -> None:
    """Save what was read: the windows of the days read (a failed day keeps its own)."""
    got = [d for d in days if d not in read.failed]
    if fresh or got:
        repo.catalogs.save_catalog(cid, read.catalog, got, fresh=fresh)
    done.fetched.update(day_part(d) for d in got)
    for day, exc in read.failed.items():
        _failed(done, [day_part(day)], exc)


def _failed(done: Refreshed, parts: list[str], exc: Exception) -> None:
    if isinstance(exc, ApiError) and exc.credentials:
        raise exc  # the key is refused: nothing more can be read
    for part in parts:
        done.failed[part] = exc
