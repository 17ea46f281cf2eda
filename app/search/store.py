"""`search_case` held in memory as numpy arrays: a search filters, counts and orders its matches
there, so the database only has to say which cases match the words.

One copy per process and database. Every write to the index stores a new random generation
token (`app.search.index`); a search reads the token with the code table, and reloads the copy
when the token (or the highest indexed case) differs from the one the copy was built from.
A token never repeats, so a rolled-back write cannot leave a copy that looks current.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from app.search.facets import FACET_BY_KEY
from app.search.filters import SearchQuery
from models.enums import Confidentiality

_LEVELS = list(Confidentiality)
_LEVEL_CODE = {level.value: code for code, level in enumerate(_LEVELS)}
# A missing date never meets a range: the earliest day is "after everything", the latest
# "before everything".
_NO_EARLIEST = np.iinfo(np.int64).max
_NO_LATEST = np.iinfo(np.int64).min


@dataclass(frozen=True)
class CaseTable:
    """Every indexed case's row of `search_case`, column by column, in case id order."""

    key: tuple[object, ...]
    ids: np.ndarray
    bits: np.ndarray
    levels: np.ndarray
    districts: np.ndarray
    earliest: np.ndarray
    latest: np.ndarray

    @classmethod
    def load(cls, connection: Connection, key: tuple[object, ...]) -> CaseTable:
        """Read `search_case` whole: one scan, each column aggregated into one string (far
        quicker to read than a hundred thousand rows)."""
        postgres = connection.dialect.name == "postgresql"
        statement = _POSTGRES_LOAD if postgres else _SQLITE_LOAD
        ids, levels, bits, earliest, latest, districts = connection.execute(statement).one()
        table = cls(
            key=key,
            ids=_numbers(ids),
            bits=_numbers(bits),
            levels=_numbers(levels).astype(np.int8),
            districts=np.array(
                [name or None for name in districts.split(_SEPARATOR)] if ids else [],
                dtype=object,
            ),
            earliest=_numbers(earliest),
            latest=_numbers(latest),
        )
        if len(table.districts) != len(table.ids):  # a district name held the separator
            raise ValueError("A district name contains a control character; fix it and reindex.")
        order = np.argsort(table.ids, kind="stable")
        return cls(
            key=key,
            ids=table.ids[order],
            bits=table.bits[order],
            levels=table.levels[order],
            districts=table.districts[order],
            earliest=table.earliest[order],
            latest=table.latest[order],
        )

    def positions_of(self, case_ids: np.ndarray) -> np.ndarray:
        """Where these case ids are in the table (ids it does not hold are left out)."""
        found = np.searchsorted(self.ids, case_ids)
        inside = found < len(self.ids)
        found, wanted = found[inside], case_ids[inside]
        return found[self.ids[found] == wanted]

    def select(
        self,
        query: SearchQuery,
        visible: Iterable[Confidentiality],
        *,
        within: np.ndarray | None = None,
        without: np.ndarray | None = None,
    ) -> np.ndarray:
        """The positions, in case id order, of the cases that pass every filter of `query`,
        that `visible` admits, and that are among `within` / not among `without` (case ids,
        ascending)."""
        # With words, only their matches are looked at (often few); without, every case.
        everything = np.arange(len(self.ids))
        positions = everything if within is None else self.positions_of(within)
        if without is not None:
            excluded = self.positions_of(without)
            positions = np.setdiff1d(positions, excluded, assume_unique=True)
        allowed = np.zeros(len(_LEVELS), dtype=bool)
        allowed[[_LEVEL_CODE[level.value] for level in visible]] = True
        keep = allowed[self.levels[positions]]
        if query.selected:
            bits = self.bits[positions]
            for key, values in query.selected.items():
                keep &= (bits & FACET_BY_KEY[key].mask(values)) != 0
        if query.districts:
            keep &= np.isin(self.districts[positions], sorted(query.districts))
        if query.date_from:
            keep &= self.latest[positions] >= query.date_from.toordinal()
        if query.date_to:
            keep &= self.earliest[positions] <= query.date_to.toordinal()
        return positions[keep]

    def by_date(self, positions: np.ndarray, *, newest: bool) -> np.ndarray:
        """`positions` ordered by the incident's earliest day (undated cases last), then by
        case id the same way round."""
        order = self.newest_first if newest else self.oldest_first
        chosen = np.zeros(len(self.ids), dtype=bool)
        chosen[positions] = True
        return order[chosen[order]]

    @cached_property
    def newest_first(self) -> np.ndarray:
        """Every position, most recent incident first (undated last)."""
        return self._date_order(-1)

    @cached_property
    def oldest_first(self) -> np.ndarray:
        """Every position, oldest incident first (undated last)."""
        return self._date_order(1)

    def _date_order(self, sign: int) -> np.ndarray:
        dated = self.earliest != _NO_EARLIEST
        keys = (sign * self.ids, sign * np.where(dated, self.earliest, 0), ~dated)
        return np.lexsort(keys)


def _numbers(joined: str | None) -> np.ndarray:
    if not joined:
        return np.zeros(0, dtype=np.int64)
    return np.fromstring(joined, dtype=np.int64, sep=",")


_SEPARATOR = "\x1f"  # the unit separator: never typed into a district name
_LEVEL_CASE = (
    "CASE confidentiality "
    + " ".join(f"WHEN '{level.value}' THEN {code}" for code, level in enumerate(_LEVELS))
    + " END"
)
# Day numbers as date.toordinal() counts them (1 January of year 1 is day 1).
_SQLITE_DAY = "CAST(julianday({column}) - 1721424.5 AS INTEGER)"
_POSTGRES_DAY = "({column} - DATE '0001-01-01' + 1)"


def _load_statement(aggregate: str, day: str) -> sa.TextClause:
    columns = [
        "case_id",
        _LEVEL_CASE,
        "facet_bits",
        f"coalesce({day.format(column='date_earliest')}, {_NO_EARLIEST})",
        f"coalesce({day.format(column='date_latest')}, {_NO_LATEST})",
    ]
    parts = [aggregate.format(value=column, separator="','") for column in columns]
    parts.append(aggregate.format(value="coalesce(district, '')", separator=f"'{_SEPARATOR}'"))
    return sa.text(f"SELECT {', '.join(parts)} FROM search_case")  # noqa: S608 (constant SQL)


_SQLITE_LOAD = _load_statement("group_concat({value}, {separator})", _SQLITE_DAY)
_POSTGRES_LOAD = _load_statement(
    "string_agg(CAST({value} AS text), {separator} ORDER BY case_id)", _POSTGRES_DAY
)


_TABLES: dict[str, CaseTable] = {}
_LOCK = threading.Lock()


def case_table(connection: Connection, key: tuple[object, ...]) -> CaseTable:
    """This process's copy of `search_case` for the connection's database, reloaded when `key`
    (the index's generation token and highest case id) has changed."""
    database = connection.engine.url.render_as_string(hide_password=True)
    table = _TABLES.get(database)
    if table is not None and table.key == key:
        return table
    with _LOCK:
        table = _TABLES.get(database)
        if table is None or table.key != key:
            table = CaseTable.load(connection, key)
            _TABLES[database] = table
    return table
