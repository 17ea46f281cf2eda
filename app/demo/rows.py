"""Plain row dicts for bulk inserts: every column present, ids allocated up front.

The demo generator writes hundreds of thousands of rows, so it skips ORM objects (about 80 µs
each) and builds dicts with every column of the table, ready for one `executemany` per batch.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from pydantic_core import PydanticUndefined
from sqlmodel import SQLModel

from models import (
    Act,
    Case,
    CasePerson,
    Citation,
    Consent,
    Evidence,
    Intervention,
    Involvement,
    OfficialResponse,
    Person,
    Source,
)

# Insert order: every foreign key points at a table earlier in the list. The one cycle
# (official_response.citation_id → citation) is filled in afterwards by an update.
DEMO_MODELS: tuple[type[SQLModel], ...] = (
    Case,
    Evidence,
    Person,
    CasePerson,
    Act,
    Involvement,
    Source,
    OfficialResponse,
    Citation,
    Intervention,
    Consent,
)


def table_of(model: type[SQLModel]) -> sa.Table:
    """The Core table behind a SQLModel table class."""
    return model.__table__  # type: ignore[attr-defined, no-any-return]


def column_defaults(model: type[SQLModel]) -> dict[str, Any]:
    """Every column of `model` with its declared default (None where it has a factory)."""
    columns = table_of(model).c
    defaults: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name in columns:
            defaults[name] = None if info.default is PydanticUndefined else info.default
    return defaults


@dataclass
class RowBatch:
    """Rows waiting to be written, per table, plus the response → citation links to set after."""

    rows: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {table_of(m).name: [] for m in DEMO_MODELS}
    )
    response_citations: list[tuple[int, int]] = field(default_factory=list)
    cases: int = 0

    def add(self, model: type[SQLModel], row: dict[str, Any]) -> None:
        self.rows[table_of(model).name].append(row)

    def extend(self, other: RowBatch) -> None:
        for name, rows in other.rows.items():
            self.rows[name].extend(rows)
        self.response_citations.extend(other.response_citations)
        self.cases += other.cases

    def count(self, model: type[SQLModel]) -> int:
        return len(self.rows[table_of(model).name])

    def total(self) -> int:
        return sum(len(rows) for rows in self.rows.values())


class IdAllocator:
    """Hands out ids per table, continuing after the highest id already in the database."""

    def __init__(self, start: dict[str, int]) -> None:
        self._next = dict(start)

    @classmethod
    def fresh(cls, models: Iterable[type[SQLModel]] = DEMO_MODELS) -> IdAllocator:
        """Ids from 1, as in an empty database."""
        return cls({table_of(m).name: 1 for m in models})

    def take(self, model: type[SQLModel]) -> int:
        name = table_of(model).name
        value = self._next[name]
        self._next[name] = value + 1
        return value

    def peek(self, model: type[SQLModel]) -> int:
        return self._next[table_of(model).name]


class RowFactory:
    """Builds a complete row dict for a table: defaults, a fresh id, then the given values."""

    def __init__(self, ids: IdAllocator) -> None:
        self.ids = ids
        self._defaults = {model: column_defaults(model) for model in DEMO_MODELS}

    def new(self, model: type[SQLModel], **values: Any) -> dict[str, Any]:
        row = dict(self._defaults[model])
        if "id" not in values:
            row["id"] = self.ids.take(model)
        row.update(values)
        return row
