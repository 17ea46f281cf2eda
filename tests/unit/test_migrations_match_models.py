"""The migrations build exactly the schema the models declare (a missing migration fails here)."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import models  # noqa: F401  (registers every table)
from app.db import upgrade
from models.search import include_in_schema_comparison


def schema_differences(url: str) -> list[object]:
    """Alembic's list of differences between the migrated database at `url` and the models."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            opts = {"compare_type": True, "include_name": include_in_schema_comparison}
            context = MigrationContext.configure(connection, opts=opts)
            return list(compare_metadata(context, SQLModel.metadata))
    finally:
        engine.dispose()


def test_migrated_sqlite_database_matches_the_models(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'casebook.db'}"
    upgrade(url)
    assert schema_differences(url) == []


def test_migrations_create_every_table_the_models_declare(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'casebook.db'}"
    upgrade(url)
    engine = sa.create_engine(url)
    tables = set(sa.inspect(engine).get_table_names())
    engine.dispose()
    assert set(SQLModel.metadata.tables) <= tables


def test_suite_database_matches_the_models(database_url: str) -> None:
    """The suite's own migrated database: PostgreSQL when TEST_DATABASE_URL is set."""
    assert schema_differences(database_url) == []
