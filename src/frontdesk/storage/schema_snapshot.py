"""A new SQLite cache made from a snapshot of the schema the migrations build, not by running
them: Alembic and its fifteen scripts cost a fresh desk (and every demo start) about half a
second before its first paint, for tables that are the same each time.

``migrations/schema_sqlite.sql`` holds, for the revisions in ``HEADS``, the statements
SQLite itself kept for each table, index and trigger after Alembic had run every migration
on an empty file (``sqlite_master``, in creation order), and the revisions' stamp. A test
migrates an empty file with Alembic and compares its schema with the snapshot, so the two
cannot drift; after a new migration, ``uv run python -m frontdesk.storage.schema_snapshot``
writes it again. A snapshot made for other heads is not used (Alembic runs as before), and a
shared PostgreSQL store is always migrated by Alembic.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import Engine

SNAPSHOT = Path(__file__).with_name("migrations") / "schema_sqlite.sql"
HEADS_LINE = "-- heads: "
END = ";\n"


def dump(engine: Engine) -> list[str]:
    """The schema's statements as SQLite keeps them, in the order they were made."""
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL "
            "AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
        ).all()
        conn.rollback()
    return [str(r[0]).strip() for r in rows]


def render(statements: list[str], heads: frozenset[str]) -> str:
    for statement in statements:
        if END in statement:  # the snapshot is read back split at ";" + new line
            raise ValueError(f"a statement spans ';' and a new line: {statement[:60]!r}")
    stamp = ", ".join(f"('{h}')" for h in sorted(heads))
    body = "".join(s + END for s in statements)
    return (
        f"{HEADS_LINE}{' '.join(sorted(heads))}\n"
        "-- written by: uv run python -m frontdesk.storage.schema_snapshot (never by hand)\n"
        f"{body}INSERT INTO alembic_version (version_num) VALUES {stamp}{END}"
    )


def _read(heads: frozenset[str]) -> list[str] | None:
    try:
        text = SNAPSHOT.read_text(encoding="utf-8")
    except OSError:
        return None
    first, _, rest = text.partition("\n")
    if not first.startswith(HEADS_LINE) or frozenset(first[len(HEADS_LINE) :].split()) != heads:
        return None
    lines = [line for line in rest.splitlines(keepends=True) if not line.startswith("--")]
    return [s.strip() for s in "".join(lines).split(END) if s.strip()]


def create(engine: Engine, heads: frozenset[str]) -> bool:
    """Make the schema of an empty SQLite cache from the snapshot, in one transaction; False
    (nothing done) where no snapshot for ``heads`` is at hand."""
    statements = _read(heads)
    if statements is None or engine.dialect.name != "sqlite":
        return False
    with engine.begin() as conn:
        for statement in statements:
            conn.exec_driver_sql(statement)
    return True


def main() -> None:
    """Write the snapshot: run every migration on an empty file with Alembic, then dump it."""
    import tempfile

    from frontdesk.storage.db import HEADS, create_db_engine, migrate, sqlite_url

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "schema.sqlite3"
        engine = create_db_engine(sqlite_url(path))
        migrate(engine, path, snapshot=False)
        SNAPSHOT.write_text(render(dump(engine), HEADS), encoding="utf-8")
        engine.dispose()
    print(f"wrote {SNAPSHOT}", file=sys.stderr)


if __name__ == "__main__":
    main()
