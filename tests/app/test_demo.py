"""The five-API demo against real sandboxes on loopback: one connection per API with the
options it needs, a pull that fills bookings from each, and a kept profile re-pointed at the
next run's ports and keys."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from frontdesk.app.demo import ALL_PROVIDERS, DEMO_CONNECTION, Demo, connection_name
from frontdesk.app.desk import clinic_zone
from frontdesk.storage.repo import ConnectionRecord

EVER = (datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Demo]:
    running = Demo(tmp_path / "profile", providers=ALL_PROVIDERS)
    try:
        yield running
    finally:
        running.close()


def by_provider(demo: Demo) -> dict[str, ConnectionRecord]:
    return {r.provider: r for r in demo.context.connections()}


def test_one_connection_per_api_with_its_sandboxs_address_key_and_options(demo: Demo) -> None:
    records = by_provider(demo)
    assert set(records) == set(ALL_PROVIDERS) and len(demo.context.connections()) == 5
    assert set(demo.context.connectors) == {r.id for r in records.values()}
    for provider, record in records.items():
        served = demo.server.provider(provider)
        assert record.name == connection_name(provider)
        assert record.base_url == served.base_url
        assert demo.context.credentials.get(record.id) == served.build.api_key
    assert records["huskyvoice"].name == DEMO_CONNECTION
    assert records["vantax"].name == "Demo: VantaX sandbox"
    assert records["vantax"].options["sub_account_id"] == "sub_8a1f4c2e"
    assert records["meetergo"].options["api_user_id"]
    assert records["vastal"].options["plan"] == "Starter"
    # every demo clinic keeps its hours on the desk's own clock
    zone = demo.context.clinic_zone
    for provider in ("vantax", "vastal", "meetergo", "carevalidate"):
        assert records[provider].options["timezone"] == zone, provider
    assert demo.context.connections()[0].provider == "huskyvoice"


def test_a_pull_fills_bookings_from_every_api(demo: Demo) -> None:
    demo.pull_first()
    first = by_provider(demo)["huskyvoice"].id
    assert {b.connection_id for b in demo.context.repo.bookings_between(*EVER)} == {first}
    zone = clinic_zone(demo.context)
    demo.pull()
    for provider, record in by_provider(demo).items():
        remote = demo.server.provider(provider).build.state.appointments()  # type: ignore[attr-defined]
        cached = demo.context.repo.bookings_between(*EVER, connection_id=record.id)
        assert len(cached) == len(remote) > 0, provider
        assert demo.context.repo.catalogs.catalog(
            record.id, EVER[0].date(), EVER[0].date()
        ).resources
    assert clinic_zone(demo.context) == zone == demo.context.settings.zone  # one clock


def test_a_kept_profile_is_pointed_at_the_next_runs_sandboxes(tmp_path: Path) -> None:
    first = Demo(tmp_path / "kept", providers=ALL_PROVIDERS)
    before = by_provider(first)
    for record in before.values():  # as a run long gone left them
        first.context.repo.catalogs.update_connection(
            replace(record, base_url="http://127.0.0.1:9/gone")
        )
        first.context.credentials.set(record.id, "stale-key")
    first.close()
    again = Demo(tmp_path / "kept", providers=ALL_PROVIDERS)
    try:
        after = by_provider(again)
        assert {p: r.id for p, r in after.items()} == {p: r.id for p, r in before.items()}
        for provider, record in after.items():
            served = again.server.provider(provider)
            assert record.base_url == served.base_url
            assert again.context.credentials.get(record.id) == served.build.api_key
            assert record.options == before[provider].options
        assert set(again.context.connectors) == {r.id for r in after.values()}
        again.pull()
        for record in after.values():
            assert again.context.repo.bookings_between(*EVER, connection_id=record.id)
    finally:
        again.close()


def test_the_default_demo_is_huskyvoice_alone(tmp_path: Path) -> None:
    single = Demo(tmp_path / "one")
    try:
        assert [(r.provider, r.name) for r in single.context.connections()] == [
            ("huskyvoice", DEMO_CONNECTION)
        ]
        assert [s.name for s in single.server.servers] == ["huskyvoice"]
    finally:
        single.close()


def test_a_quick_start_connects_the_first_api_and_finish_the_others(tmp_path: Path) -> None:
    quick = Demo(tmp_path / "quick", providers=ALL_PROVIDERS, quick_start=True)
    try:
        assert [r.provider for r in quick.context.connections()] == ["huskyvoice"]
        assert quick.server.provider("huskyvoice").build.state.appointments()  # type: ignore[attr-defined]
        assert not quick.server.provider("meetergo").build.state.appointments()  # type: ignore[attr-defined]
        assert quick.finish() is True
        assert {r.provider for r in quick.context.connections()} == set(ALL_PROVIDERS)
        assert quick.server.provider("meetergo").build.state.appointments()  # type: ignore[attr-defined]
        assert quick.finish() is False
        quick.context.reload_connectors()
        assert len(quick.context.connectors) == 5
    finally:
        quick.close()


def test_a_kept_profile_shows_the_same_week_after_a_restart(tmp_path: Path) -> None:
    """The sandboxes keep what they held: a restart neither seeds a second week beside the
    first nor loses a booking made at the desk."""
    first = Demo(tmp_path / "kept", providers=ALL_PROVIDERS)
    first.pull()
    cid = first.connection_id("huskyvoice")
    made = first.context.repo.bookings_between(*EVER, connection_id=cid)[0]
    before = {
        r.id: sorted(
            (b.start, b.patient_name)
            for b in first.context.repo.bookings_between(*EVER, connection_id=r.id)
        )
        for r in first.context.connections()
    }
    remote_before = {
        p: len(first.server.provider(p).build.state.appointments())  # type: ignore[attr-defined]
        for p in ALL_PROVIDERS
    }
    first.close()
    again = Demo(tmp_path / "kept", providers=ALL_PROVIDERS)
    try:
        again.pull()
        after = {
            r.id: sorted(
                (b.start, b.patient_name)
                for b in again.context.repo.bookings_between(*EVER, connection_id=r.id)
            )
            for r in again.context.connections()
        }
        assert after == before  # the same week, once
        for provider, count in remote_before.items():
            state = again.server.provider(provider).build.state
            assert len(state.appointments()) == count, provider  # type: ignore[attr-defined]
        assert again.context.repo.booking(made.id) is not None
    finally:
        again.close()


def test_a_hostile_kept_state_is_not_run(tmp_path: Path) -> None:
    import pickle

    from frontdesk.sandbox.registry import EMULATORS

    class Boom:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (print, ("pwned",))

    path = tmp_path / "evil.state"
    path.write_bytes(pickle.dumps({"_appointments": Boom()}))
    state = object()
    assert EMULATORS["huskyvoice"].load(state, path) is False


def test_the_demo_names_every_api_of_the_registry_in_its_order() -> None:
    """``ALL_PROVIDERS`` is written out (the registry is imported after the first paint); it
    stays the registry's, and every API has its sandbox emulator."""
    from frontdesk.providers.registry import PROVIDERS
    from frontdesk.sandbox.registry import EMULATORS

    assert tuple(PROVIDERS) == ALL_PROVIDERS
    assert set(ALL_PROVIDERS) <= set(EMULATORS)
