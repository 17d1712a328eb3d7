"""The patient index: kept on every booking write and merge, searched by prefix of any name
word, phone form or email, and filled from already cached bookings by its migration."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import text

from frontdesk.domain.booking import Booking, SyncState
from frontdesk.domain.outbox import OperationKind
from frontdesk.storage.db import Database, create_db_engine, sqlite_url
from frontdesk.storage.patients import query_terms
from frontdesk.storage.repo import Repository
from support.bookings import T0
from support.bookings import booking as a_booking
from support.cache_keys import TEST_KEY


def booking(n: int, name: str, phone: str, email: str | None = None, days: int = 0) -> Booking:
    return a_booking(
        n,
        T0 + timedelta(days=days),
        patient_name=name,
        patient_phone=phone,
        patient_email=email,
        remote_id=f"r-{n}",
        sync_state=SyncState.CONFIRMED,
    )


def names(repo: Repository, typed: str) -> list[str]:
    return [p.name for p in repo.search_patients(typed)]


def test_found_by_any_name_word_phone_form_or_email(repo: Repository) -> None:
    repo.book(
        booking(1, "Amelia Hart-Okafor", "+442079460123", "amelia@example.org"),
        OperationKind.CREATE,
        {},
        "k1",
        "desk",
    )
    repo.remote.merge_remote("conn-1", [booking(2, "Oliver Hart", "020 7946 0456", days=3)])
    assert names(repo, "ame") == ["Amelia Hart-Okafor"]
    assert names(repo, "okaf") == ["Amelia Hart-Okafor"]
    assert names(repo, "hart") == ["Oliver Hart", "Amelia Hart-Okafor"]  # latest first
    assert names(repo, "Hart ol") == ["Oliver Hart"]  # every word must match
    assert names(repo, "+44 20 7946 0123") == ["Amelia Hart-Okafor"]
    assert names(repo, "020 7946 01") == ["Amelia Hart-Okafor"]
    assert names(repo, "2079460456") == ["Oliver Hart"]
    assert names(repo, "amelia@exa") == ["Amelia Hart-Okafor"]
    assert names(repo, "zed") == []
    assert names(repo, "  ") == []


def test_one_patient_per_name_and_phone(repo: Repository) -> None:
    repo.remote.merge_remote(
        "conn-1",
        [
            booking(1, "Isla Chen", "+442079460001"),
            booking(2, "isla  chen", "+44 20 7946 0001", days=7),
            booking(3, "Isla Chen", "+442079460002", days=1),
        ],
    )
    found = repo.search_patients("isla")
    assert [(p.phone, p.bookings) for p in found] == [
        ("+442079460001", 2),  # seen last on day 7
        ("+442079460002", 1),
    ]
    assert found[0].last_seen == T0 + timedelta(days=7)


def test_query_terms() -> None:
    assert query_terms("+44 (0)20-7946-0") == ["4402079460"]
    assert query_terms("07700") == ["7700"]
    assert query_terms("Anne-Marie  O'Neil") == ["anne", "marie", "o", "neil"]
    assert query_terms("") == []


def test_migration_fills_the_index_from_cached_bookings(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = Database.open(path, TEST_KEY)
    repo = Repository(db)
    from frontdesk.storage.repo import ConnectionRecord

    repo.catalogs.add_connection(
        ConnectionRecord("conn-1", "C", "huskyvoice", "http://x/v1", {}, None)
    )
    repo.remote.merge_remote("conn-1", [booking(1, "Theo Walsh", "+442079460777")])
    with db.engine.begin() as conn:  # back to before the index existed
        conn.execute(text("DROP TABLE patient_terms"))
        conn.execute(text("DROP TABLE patients"))
        conn.execute(text("DROP INDEX ix_bookings_patient_phone"))
        conn.execute(text("DROP INDEX ix_bookings_attention"))
        conn.execute(text("ALTER TABLE bookings DROP COLUMN remote_base"))  # 0004
        conn.execute(text("DROP INDEX ix_bookings_calendar"))  # 0005
        conn.execute(text("CREATE INDEX ix_bookings_start ON bookings (start)"))
        conn.execute(text("DROP INDEX ix_bookings_patient_name"))  # 0006
        conn.execute(text("ALTER TABLE outbox DROP COLUMN takeovers"))  # 0015
        conn.execute(text("ALTER TABLE outbox DROP COLUMN claimed_by"))  # 0007
        conn.execute(text("ALTER TABLE outbox DROP COLUMN claimed_until"))
        conn.execute(text("DROP TABLE sending_roles"))  # 0008
        conn.execute(text("DROP TABLE audit"))  # 0009 (its triggers go with it)
        conn.execute(text("DROP TABLE staff"))
        conn.execute(text("DROP TABLE asap_freed"))  # 0013
        conn.execute(text("DROP TABLE asap"))
        conn.execute(text("DROP TABLE confirmation_attempts"))  # 0012
        conn.execute(text("DROP TABLE arrivals"))
        conn.execute(text("DROP TABLE blockouts"))  # 0011
        for table in (
            *("pinboard", "series_members", "series"),  # 0014
            *("column_view_members", "column_views", "column_resources"),  # 0010
            *("clinic_columns", "column_revision"),
        ):
            conn.execute(text(f"DROP TABLE {table}"))
        conn.execute(text("UPDATE alembic_version SET version_num = '0002'"))
    db.close()
    reopened = Database.open(path, TEST_KEY)  # an encrypted cache migrates from 0002
    try:
        assert names(Repository(reopened), "walsh") == ["Theo Walsh"]
        assert names(Repository(reopened), "alsh") == ["Theo Walsh"]  # 0006: any part
        assert names(Repository(reopened), "0207946077") == ["Theo Walsh"]
    finally:
        reopened.close()
    assert create_db_engine(sqlite_url(path))  # the file is still a plain SQLite cache


def test_bulk_import_fills_the_index_in_one_go(repo: Repository) -> None:
    repo.remote.merge_remote("conn-1", [booking(1, "Freya Price", "+442079460111")])
    repo.import_bookings(
        [
            booking(2, "Freya Price", "+442079460111", "freya@example.org", days=2),
            booking(3, "Leo Singh", "+442079460222"),
            booking(4, "Leo Singh", "+442079460222", days=5),
        ]
    )
    found = {p.name: p for p in repo.search_patients("price")} | {
        p.name: p for p in repo.search_patients("singh")
    }
    assert (found["Freya Price"].bookings, found["Freya Price"].email) == (2, "freya@example.org")
    assert found["Leo Singh"].bookings == 2
    assert found["Leo Singh"].last_seen == T0 + timedelta(days=5)
    assert names(repo, "0207946022") == ["Leo Singh"]
    assert names(repo, "freya@") == ["Freya Price"]  # the email came with the import


def test_the_catalog_is_kept_until_it_is_saved_again(repo: Repository) -> None:
    from datetime import date, time

    from frontdesk.domain.catalog import Catalog, Policy, Resource, Service, Window

    day = date(2027, 6, 15)

    def catalog(capacity: int) -> Catalog:
        return Catalog(
            Policy("Europe/London"),
            [Service("s", "S", 30)],
            [Resource("r", "R")],
            [Window("w", "r", day, time(9), time(12), "Morning", "MA", True, capacity)],
        )

    repo.catalogs.save_catalog("conn-1", catalog(6), [day])
    first = repo.catalogs.catalog("conn-1", day, day)
    assert repo.catalogs.catalog("conn-1", day, day) is first  # served from memory
    repo.catalogs.save_catalog("conn-1", catalog(4), [day])
    assert repo.catalogs.catalog("conn-1", day, day).windows[0].capacity == 4


def test_any_part_of_a_name_finds_the_patient(repo: Repository) -> None:
    repo.remote.merge_remote(
        "conn-1",
        [
            booking(1, "Amelia Robinson", "+442079460101"),
            booking(2, "Jean-Luc Picard", "+442079460102"),
            booking(3, "Mel Gibson", "+442079460103"),
        ],
    )
    assert sorted(names(repo, "mel")) == ["Amelia Robinson", "Mel Gibson"]
    assert sorted(names(repo, "son")) == ["Amelia Robinson", "Mel Gibson"]
    assert names(repo, "luc pic") == ["Jean-Luc Picard"]
    assert repo.count_patients("son") == 2


def test_every_match_is_counted_and_paged(repo: Repository) -> None:
    repo.remote.merge_remote(
        "conn-1", [booking(n, f"Pat Number{n:03d}", f"+4420794{n:05d}") for n in range(1, 131)]
    )
    assert repo.count_patients("pat") == 130
    first = repo.search_patients("pat", limit=100)
    rest = repo.search_patients("pat", limit=100, offset=100)
    assert len(first) == 100 and len(rest) == 30
    assert {p.name for p in first} | {p.name for p in rest} == {
        f"Pat Number{n:03d}" for n in range(1, 131)
    }


def test_a_patient_with_no_phone_has_their_appointments(repo: Repository) -> None:
    repo.remote.merge_remote(
        "conn-1",
        [booking(1, "Nora Nophone", ""), booking(2, "Nora Nophone", ""), booking(3, "Other", "")],
    )
    (nora,) = repo.search_patients("nora")
    assert nora.phone == ""
    found = repo.bookings_of_patient(nora)
    assert len(found) == 2 and {b.patient_name for b in found} == {"Nora Nophone"}
