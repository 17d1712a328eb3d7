"""Each API's neighbour keys leave out only bookings its offline checks cannot weigh: on random
days of bookings, a new booking's verdict among all of them is its verdict among those that
share a key with it (what an import hands each of its rows, ``app.import_days``); and where
its rules say the keys in the cache's columns too (``neighbour_reads``, what narrows an
import's read of a day), every booking sharing a key meets one of those matches."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.catalog import Catalog, Policy, Resource, Service, Window
from frontdesk.domain.neighbours import Match
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.domain.verdict import Verdict
from frontdesk.providers.base import Connector
from frontdesk.providers.carevalidate import CareValidateConnector
from frontdesk.providers.huskyvoice import HuskyVoiceConnector
from frontdesk.providers.meetergo import MeetergoConnector
from frontdesk.providers.vantax import VantaxConnector

NOW = datetime(2030, 1, 1, 9, 0, tzinfo=UTC)
DAY = date(2030, 3, 5)
ZONE = "Europe/London"
# one number written three ways: the duplicate rule compares digits
PHONES = ["+442079460001", "+44 20 7946 0001", "+442079460002", "+44-20-7946-0003"]


def at(day: date, minute: int) -> datetime:
    return local_to_utc(day, time(minute // 60, minute % 60), ZONE).instant


def neighbours(
    c: Connector, new: Booking, catalog: Catalog, others: list[Booking]
) -> list[Booking]:
    keys = c.neighbour_keys(new, catalog)

    def shares(other: Booking) -> bool:
        theirs = c.neighbour_keys(other, catalog)
        return keys is None or theirs is None or bool(keys & theirs)

    return [o for o in others if shares(o)]


def same_verdicts(
    c: Connector, cases: list[tuple[Booking, Catalog, list[Booking]]]
) -> Counter[str]:
    seen: Counter[str] = Counter()
    for new, catalog, others in cases:
        near = neighbours(c, new, catalog, others)
        verdict: Verdict = c.predict_create(new, catalog, others, NOW)
        assert c.predict_create(new, catalog, near, NOW) == verdict, (new, verdict)
        seen[verdict.code or f"{verdict.status} {verdict.message}"] += 1
        seen["left out"] += len(others) - len(near)
        reads = c.neighbour_reads(new, catalog)
        if reads is not None:
            missed = [o.id for o in near if not meets(o, reads)]
            assert not missed, (new, missed)
            seen["read"] += len([o for o in others if meets(o, reads)])
    return seen


def meets(booking: Booking, reads: tuple[Match, ...]) -> bool:
    """Whether the store would read ``booking`` for ``reads`` (as ``ColumnTest.holds`` says)."""
    return any(all(t.holds(getattr(booking, t.column)) for t in match) for match in reads)


def booking(n: int, rng: random.Random, **fields: object) -> Booking:
    start = at(DAY + timedelta(days=rng.choice([-1, 0, 0, 0, 1])), rng.randrange(0, 1435, 5))
    values: dict[str, object] = {
        "id": f"b-{n}",
        "connection_id": "c1",
        "service_id": "svc-1",
        "resource_id": "res-1",
        "start": start,
        "end": start + timedelta(minutes=rng.choice([15, 30, 90])),
        "patient_name": f"P {n}",
        "patient_phone": rng.choice(PHONES),
        "patient_email": "p@example.org",
        "external_ref": rng.choice([None, f"b-{n}", "ref-1"]),
        "visit_status": VisitStatus.CANCELLED if rng.random() < 0.1 else VisitStatus.BOOKED,
        "sync_state": rng.choice(list(SyncState)),
        **fields,
    }
    return Booking(**values)  # type: ignore[arg-type]


def test_huskyvoice_weighs_only_a_bookings_branch_patient_and_reference() -> None:
    c = HuskyVoiceConnector("c1", "http://127.0.0.1:9/v1", "sk_test_x")
    cases = []
    for seed in range(150):
        rng = random.Random(seed)
        branches = ["res-1", "res-2", "res-3"]
        windows = [
            Window(f"w-{b}-{n}", b, DAY, time(first), time(last), name, None, True,
                   rng.choice([1, 2, 3, None]), rng.choice([None, None, "svc-2"]))
            for b in branches
            for n, (name, first, last) in enumerate([("Morning", 8, 12), ("Afternoon", 12, 18)])
        ]  # fmt: skip
        extra = {"slots_read_at": (NOW - timedelta(hours=1)).isoformat()}
        catalog = Catalog(
            Policy(ZONE, duplicate_prevention=rng.random() < 0.8, extra=extra),
            [Service("svc-1", "One", 30), Service("svc-2", "Two", 15)],
            [Resource(b, b) for b in branches],
            windows,
        )
        others = []
        for n in range(rng.randrange(5, 40)):
            held = rng.random() < 0.4
            fields: dict[str, object] = {
                "resource_id": rng.choice(branches),
                "service_id": rng.choice(["svc-1", "svc-2"]),
            }
            if held:
                other = booking(n, rng, **fields)
                fields["extra"] = {"huskyvoice": {
                    "branch_id": other.resource_id, "from": other.start.isoformat(),
                    "to": other.end.isoformat(), "at": rng.choice([None, NOW.isoformat()]),
                }}  # fmt: skip
                fields["remote_id"] = f"r-{n}"
            others.append(booking(n, rng, **fields))
        start = at(DAY, rng.randrange(8 * 60, 18 * 60, 5))
        new = booking(99, rng, id="new", start=start, end=start + timedelta(minutes=30),
                      resource_id=rng.choice(branches), service_id=rng.choice(["svc-1", "svc-2"]),
                      visit_status=VisitStatus.BOOKED, sync_state=SyncState.PENCILLED)  # fmt: skip
        cases.append((new, catalog, others))
    seen = same_verdicts(c, cases)
    # not a vacuous run: full windows, duplicates, replays and acceptances all came up
    assert {"SLOT_FULL", "DUPLICATE_BOOKING"} <= set(seen), seen
    assert any(k.startswith("200 ") for k in seen) and any(k.startswith("201 ") for k in seen)
    assert seen["left out"] > 1000
    assert seen["read"] < sum(len(others) for _, _, others in cases)  # the reads narrow too


def test_vantax_weighs_and_reads_only_the_calendars_bookings() -> None:
    c = VantaxConnector("c1", "http://127.0.0.1:9/v1", "key", "sub-1", ZONE)
    rng = random.Random(7)
    catalog = Catalog(Policy(ZONE), [Service("svc-1", "One", 30)], [Resource("cal-1", "One")])
    others = [booking(n, rng, resource_id=rng.choice(["cal-1", "cal-2"])) for n in range(40)]
    new = booking(99, rng, id="new", resource_id="cal-1")
    near = neighbours(c, new, catalog, others)
    reads = c.neighbour_reads(new, catalog)
    assert reads is not None
    assert (
        [o for o in others if meets(o, reads)]
        == near
        == [o for o in others if o.resource_id == "cal-1"]
    )


def test_meetergo_weighs_only_the_hosts_bookings() -> None:
    c = MeetergoConnector("c1", "http://127.0.0.1:9/v4", "key", "host-1", ZONE)
    hosts = ["host-1", "host-2", "host-3"]
    cases = []
    for seed in range(150):
        rng = random.Random(seed)
        types = [
            Service(f"mt-{n}", f"Type {n}", rng.choice([15, 30, 60]), extra={
                "type": rng.choice(["one-to-one", "one-to-one", "group"]),
                "userId": rng.choice(hosts), "spots": rng.choice([1, 2]),
                "bufferBefore": rng.choice([0, 15]), "bufferAfter": rng.choice([0, 30]),
                "doubleOptIn": False, "requireHostConfirmation": False,
            })
            for n in range(3)
        ]  # fmt: skip
        chosen = rng.choice(types)
        minute = rng.randrange(8 * 60, 17 * 60, 15)
        end = minute + chosen.duration_minutes
        host = chosen.extra["userId"]
        opens, closes = time(minute // 60, minute % 60), time(end // 60, end % 60)
        spot = Window("spot", host, DAY, opens, closes, None, None, True, None, chosen.id, True)
        catalog = Catalog(Policy(ZONE), types, [Resource(h, h) for h in hosts], [spot])
        others = [
            booking(n, rng, resource_id=rng.choice(hosts), service_id=rng.choice(types).id)
            for n in range(rng.randrange(5, 40))
        ]
        if rng.random() < 0.5:  # a booking at the very spot
            others.append(booking(98, rng, resource_id=spot.resource_id, service_id=chosen.id,
                                  start=at(DAY, minute), sync_state=SyncState.CONFIRMED,
                                  visit_status=VisitStatus.BOOKED))  # fmt: skip
        start = at(DAY, minute)
        new = booking(99, rng, id="new", start=start, service_id=chosen.id,
                      end=start + timedelta(minutes=chosen.duration_minutes),
                      resource_id=rng.choice([*hosts, ""]), visit_status=VisitStatus.BOOKED,
                      sync_state=SyncState.PENCILLED)  # fmt: skip
        cases.append((new, catalog, others))
    seen = same_verdicts(c, cases)
    assert "Bad Request" in seen and any(k.startswith("201") for k in seen), seen  # blocked, free
    assert seen["left out"] > 300


def test_carevalidate_weighs_only_the_providers_bookings() -> None:
    c = CareValidateConnector("c1", "http://127.0.0.1:9/api/v1", "key", {"timezone": ZONE})
    cases = []
    for seed in range(150):
        rng = random.Random(seed)
        names = ["Dr A", "Dr B", "Dr C", "Dr D", "Dr E", "Dr F"]
        types = [
            Service(f"ev-{n}", f"Event {n}", 30, extra={"providers": rng.sample(names, 2)})
            for n in range(3)
        ]
        catalog = Catalog(Policy(ZONE), types, [Resource(n, n) for n in names], [])
        others = [
            booking(n, rng, resource_id=rng.choice([*names, ""]), service_id=rng.choice(types).id)
            for n in range(rng.randrange(5, 40))
        ]
        start = at(DAY, rng.randrange(8 * 60, 17 * 60, 5))
        new = booking(99, rng, id="new", start=start, end=start + timedelta(minutes=30),
                      service_id=rng.choice(types).id, resource_id=rng.choice([*names, ""]),
                      visit_status=VisitStatus.BOOKED)  # fmt: skip
        cases.append((new, catalog, others))
    seen = same_verdicts(c, cases)
    assert len([k for k in seen if k != "left out"]) == 2, seen  # overlaps and free times
    assert seen["left out"] > 300
