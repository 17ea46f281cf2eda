"""Search: saved searches, the per-case search table, the full-text index (FTS5 on SQLite;
tsvector + GIN, and a pg_trgm index on person names where available, on PostgreSQL), and
`person.merged_into_id` for merged duplicates.

After upgrading a database that already holds cases, run `casebook reindex` once.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from models.types import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Objects named search_fts* are engine-specific and skipped by schema comparison
# (models.search.include_in_schema_comparison). Index documents are pre-normalised by the app
# (case-folded, diacritics stripped, Arabic-script letters unified), so the tokenizer only has
# to split on spaces: unicode61 on SQLite, the 'simple' configuration on PostgreSQL.
SQLITE_FTS = (
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "head, names, keys, body, tokenize = 'unicode61 remove_diacritics 0')"
)
POSTGRES_FTS = (
    "CREATE TABLE search_fts ("
    " case_id INTEGER PRIMARY KEY REFERENCES case_file (id),"
    " document tsvector NOT NULL)",
    "CREATE INDEX search_fts_document ON search_fts USING gin (document)",
)
POSTGRES_TRIGRAM = (
    "CREATE INDEX search_fts_person_trgm ON person USING gin (lower(full_name) gin_trgm_ops)"
)


def upgrade() -> None:
    op.create_table(
        "saved_search",
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("query_string", sa.String(4000), nullable=False),
    )
    op.create_index("ix_saved_search_user_id", "saved_search", ["user_id"])
    op.create_table(
        "search_case",
        sa.Column(
            "case_id",
            sa.Integer(),
            sa.ForeignKey("case_file.id"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column("confidentiality", sa.String(40), nullable=False),
        sa.Column("facet_bits", sa.BigInteger(), nullable=False),
        sa.Column("district", sa.String(100), nullable=True),
        sa.Column("date_earliest", sa.Date(), nullable=True),
        sa.Column("date_latest", sa.Date(), nullable=True),
        sa.Column("victims", sa.Text(), nullable=False),
    )
    op.create_table(
        "search_code",
        sa.Column("scheme", sa.String(20), primary_key=True),
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("code", sa.Integer(), nullable=False),
    )
    with op.batch_alter_table("person") as batch:
        batch.add_column(
            sa.Column(
                "merged_into_id",
                sa.Integer(),
                sa.ForeignKey("person.id", name="fk_person_merged_into_id"),
                nullable=True,
            )
        )
    _create_full_text_index()


def _create_full_text_index() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(SQLITE_FTS)
        return
    for statement in POSTGRES_FTS:
        op.execute(statement)
    # pg_trgm ships with PostgreSQL's contrib package but may be missing or not allowed for
    # this role; duplicate detection then relies on the spelling keys alone.
    try:
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except sa.exc.DBAPIError:
        return
    op.execute(POSTGRES_TRIGRAM)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS search_fts")
    op.execute("DROP INDEX IF EXISTS search_fts_person_trgm")
    with op.batch_alter_table("person") as batch:
        batch.drop_column("merged_into_id")
    op.drop_table("search_code")
    op.drop_table("search_case")
    op.drop_index("ix_saved_search_user_id", table_name="saved_search")
    op.drop_table("saved_search")
