"""Search: users' saved searches, and the tables the search index derives from the case records.

`SavedSearch` is user data. `SearchCase` and `SearchCode` are derived: `app.search.index` writes
them from the case tables on every change, and `casebook reindex` rebuilds them. The full-text
structure itself depends on the engine (an FTS5 table on SQLite, a tsvector table with a GIN
index on PostgreSQL) and is created in SQL by migration 0003 (see `app.search.engines`).
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from models.base import Tracked
from models.enums import Confidentiality
from models.types import enum_type


class SavedSearch(Tracked, table=True):
    """A search a user named to run again: everything about it is in `query_string`."""

    __tablename__ = "saved_search"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    name: str = Field(max_length=100)
    query_string: str = Field(default="", max_length=4000)


class SearchCase(SQLModel, table=True):
    """One row per live case: what filters, facet counts, permissions and date order need.

    `facet_bits` packs every facet value of the case into one integer (layout in
    `app.search.facets`), so counting facets over many thousand matches is one pass over one
    column. Dates span the case's acts (earliest start to latest end) for overlap filters.
    """

    __tablename__ = "search_case"
    case_id: int = Field(
        primary_key=True, foreign_key="case_file.id", sa_column_kwargs={"autoincrement": False}
    )
    confidentiality: Confidentiality = Field(sa_type=enum_type(Confidentiality))
    facet_bits: int = Field(sa_type=sa.BigInteger)
    district: str | None = Field(default=None, max_length=100)
    date_earliest: date | None = Field(default=None)
    date_latest: date | None = Field(default=None)
    victims: str = Field(default="", sa_type=sa.Text)


class SearchCode(SQLModel, table=True):
    """Small numbers the index hands out, by scheme: a code per district name (so a case's
    district fits in `facet_bits`), and the fingerprint of the facet layout the index was
    built with (scheme "layout"), so a layout change is noticed instead of miscounted."""

    __tablename__ = "search_code"

    scheme: str = Field(primary_key=True, max_length=20)
    name: str = Field(primary_key=True, max_length=100)
    code: int = Field(default=0)


# The full-text structures are created in SQL by the migrations and differ by engine (an FTS5
# virtual table and its shadow tables on SQLite; a tsvector table with a GIN index, and a
# trigram index on person names, on PostgreSQL). Every such object's name starts with this
# prefix, and schema comparison skips it.
ENGINE_OBJECT_PREFIX = "search_fts"


def include_in_schema_comparison(name: str | None, type_: str, parent_names: object) -> bool:
    """False for the search index's engine-specific objects, which no model declares."""
    return not (name or "").startswith(ENGINE_OBJECT_PREFIX)
