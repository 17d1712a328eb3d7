"""The local cache: SQLAlchemy tables, repositories and Alembic migrations. The only package
that imports SQLAlchemy."""
