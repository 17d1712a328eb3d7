"""A new SQLite cache is made from the snapshot of the schema the migrations build
(``storage.schema_snapshot``), never different from what Alembic would have made."""

from __future__ import annotations

from pathlib import Path

import alembic.command
import pytest

from frontdesk.storage import schema_snapshot
from frontdesk.storage.db import HEADS, Database, create_db_engine, migrate, sqlite_url, stamped

REGENERATE = "uv run python -m frontdesk.storage.schema_snapshot"


def _alembic_schema(tmp_path: Path) -> list[str]:
    path = tmp_path / "by-alembic.sqlite3"
    engine = create_db_engine(sqlite_url(path))
    try:
        migrate(engine, path, snapshot=False)
        return schema_snapshot.dump(engine)
    finally:
        engine.dispose()


def test_the_snapshot_is_what_the_migrations_build(tmp_path: Path) -> None:
    built = _alembic_schema(tmp_path)
    written = schema_snapshot.SNAPSHOT.read_text(encoding="utf-8")
    assert written == schema_snapshot.render(built, HEADS), (
        f"migrations/schema_sqlite.sql is not what the migrations build: run {REGENERATE}"
    )


def test_a_new_cache_is_made_from_it_without_alembic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _alembic_schema(tmp_path)

    def refused(*_args: object, **_kw: object) -> None:
        raise AssertionError("Alembic ran for a new cache")

    monkeypatch.setattr(alembic.command, "upgrade", refused)
    db = Database.open(tmp_path / "new.sqlite3", key=b"k" * 32)
    try:
        assert stamped(db.engine) == set(HEADS)
        assert schema_snapshot.dump(db.engine) == expected
        from alembic.autogenerate import compare_metadata
        from alembic.runtime.migration import MigrationContext

        from frontdesk.storage.tables import Base

        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        db.close()


def test_a_snapshot_of_other_heads_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    older = tmp_path / "older.sql"
    older.write_text(
        schema_snapshot.SNAPSHOT.read_text(encoding="utf-8").replace(
            schema_snapshot.HEADS_LINE, schema_snapshot.HEADS_LINE + "0001 ", 1
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(schema_snapshot, "SNAPSHOT", older)
    ran: list[str] = []
    upgrade = alembic.command.upgrade

    def counted(*args: object, **kw: object) -> None:
        ran.append("alembic")
        upgrade(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(alembic.command, "upgrade", counted)
    db = Database.open(tmp_path / "new.sqlite3")
    try:
        assert ran == ["alembic"] and stamped(db.engine) == set(HEADS)
    finally:
        db.close()
