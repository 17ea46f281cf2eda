"""Searching cases: the one function the search page, the CSV export, the advocacy report and
the benchmark all call.

A search is a few short queries. Counting: one pass over the matching cases gathers every
case's packed facet bits, which numpy counts (`app.search.facets`). Ordering: by relevance, one
query reads the newest `RANK_WINDOW` matches with their scores (and, when that is every match,
it is the count too); by date, a page query on the date index. Then the hits' own text, for
titles and snippets.

Relevance over a huge match set (a word found in most cases) is bounded: the engine ranks the
`RANK_WINDOW` most recently recorded matches and the rest follow, newest first; the page says
so. Counts and facets always cover every match.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np
import sqlalchemy as sa
from markupsafe import Markup
from sqlalchemy.engine import Connection, Row
from sqlmodel import Session

from app.search import facets, snippets
from app.search.documents import CaseRecords, body_texts, person_names
from app.search.engines import FullTextEngine, engine_for
from app.search.filters import SearchQuery, SortOrder
from app.search.index import IndexCodes, index_codes
from app.search.query import ParsedQuery, Term, parse_query
from app.search.visibility import visible_confidentiality
from app.security import Permission
from app.services.actor import Actor
from models.case import Case
from models.enums import ActType, Confidentiality, ViolationStatus, WorkflowState
from models.partial_date import add_months
from models.search import SearchCase

RANK_WINDOW = 2_000
DISTRICTS_SHOWN = 15


@dataclass(frozen=True)
class FacetCount:
    """One value of a facet with the number of matching cases that have it."""

    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class FacetResult:
    """A facet's values with counts, for the filters beside the results."""

    key: str
    label: str
    counts: list[FacetCount]


@dataclass(frozen=True)
class SearchHit:
    """One matching case as a result list shows it."""

    case_id: int
    reference: str
    title: Markup
    snippet: Markup
    district: str | None
    date_earliest: date | None
    date_latest: date | None
    violation_status: ViolationStatus
    workflow_state: WorkflowState
    act_types: list[ActType]
    victims: str

    @property
    def when(self) -> str:
        """The incident dates as people read them."""
        return span_text(self.date_earliest, self.date_latest)


@dataclass(frozen=True)
class SearchResults:
    """A page of hits with the total, the facet counts and anything the user should know."""

    query: SearchQuery
    hits: list[SearchHit]
    total: int
    facets: list[FacetResult]
    notices: list[str] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.query.per_page))

    @property
    def first_number(self) -> int:
        """The position of the page's first hit among all hits (1-based)."""
        return (self.query.page - 1) * self.query.per_page + 1


def search_cases(session: Session, query: SearchQuery, *, actor: Actor) -> SearchResults:
    """Search the cases `actor` may see: a page of hits, the total, and facet counts."""
    actor.require(Permission.view_cases)
    connection = session.connection()
    engine = engine_for(connection)
    engine.prepare(connection)
    parsed = parse_query(query.text)
    plan = _Plan(engine, parsed, query, actor)
    offset = (query.page - 1) * query.per_page
    found = plan.run(connection, offset=offset, limit=query.per_page)
    total, ids = found.total, found.ids
    notices = [*query.notices, *parsed.notices]
    if query.text.strip() and parsed.is_empty:
        notices.append("The search had no words to look for; showing every case.")
    if found.window_only:
        notices.append(
            f"{total:,} cases match: the best matches are ranked among the {RANK_WINDOW:,} "
            "most recently recorded, then the rest follow newest first. Add words or filters "
            "to narrow the search."
        )
    codes = index_codes(connection)
    if not codes.current:
        notices.append(
            "The search index was built by an older version of Casebook and needs rebuilding "
            "(an administrator runs `casebook reindex`); counts may be wrong until then."
        )
    hits = _hits(connection, ids, parsed.highlight_terms())
    tally = facets.count_facets(found.bits)
    return SearchResults(
        query=query,
        hits=hits,
        total=total,
        facets=_facet_results(codes, query, tally),
        notices=notices,
    )


def matching_case_ids(
    session: Session, query: SearchQuery, *, actor: Actor, limit: int | None = None
) -> list[int]:
    """The ids of every case the search finds for `actor`, in the search's order (for exports
    and reports; `query.page` is ignored)."""
    actor.require(Permission.view_cases)
    connection = session.connection()
    plan = _Plan(engine_for(connection), parse_query(query.text), query, actor)
    return plan.run(connection, offset=0, limit=limit, with_bits=False).ids


@dataclass(frozen=True)
class _Found:
    """What one search found: the total, every match's facet bits, and the ids asked for."""

    total: int
    bits: Any
    ids: list[int]
    window_only: bool = False


class _Plan:
    """The FROM and WHERE of one search, from constant SQL fragments and bound values."""

    def __init__(
        self, engine: FullTextEngine, parsed: ParsedQuery, query: SearchQuery, actor: Actor
    ) -> None:
        self.engine = engine
        self.sort = query.sort
        visible = visible_confidentiality(actor.role)
        self.params: dict[str, Any] = {}
        self.conditions: list[str] = []
        expanding: list[str] = []
        if visible != frozenset(Confidentiality):  # roles that see every case skip the test
            self.conditions.append("sc.confidentiality IN :visible")
            self.params["visible"] = sorted(visible)
            expanding.append("visible")
        compiled = engine.compile(parsed)
        self.ranked = compiled is not None
        if compiled is not None:
            self.source = engine.text_from
            self.conditions.append(engine.match())
            self.params["match"] = compiled
        else:
            self.source = "search_case sc"
            excluded = [term for clause in parsed.negative for term in clause.terms]
            if excluded:
                self.conditions.append(engine.not_matching())
                self.params["match"] = engine.compile_any(excluded)
        for facet in facets.FACETS:
            chosen = query.selected.get(facet.key)
            if chosen:
                name = f"mask_{facet.key}"
                self.conditions.append(f"(sc.facet_bits & :{name}) <> 0")
                self.params[name] = facet.mask(chosen)
        if query.districts:
            self.conditions.append("sc.district IN :districts")
            self.params["districts"] = sorted(query.districts)
            expanding.append("districts")
        if query.date_from:
            self.conditions.append("sc.date_latest >= :date_from")
            self.params["date_from"] = query.date_from
        if query.date_to:
            self.conditions.append("sc.date_earliest <= :date_to")
            self.params["date_to"] = query.date_to
        self.expanding = expanding

    def _sql(self, select: str, extra: Sequence[str] = (), tail: str = "") -> sa.TextClause:
        where = " AND ".join([*self.conditions, *extra]) or "1 = 1"
        statement = sa.text(f"SELECT {select} FROM {self.source} WHERE {where} {tail}")  # noqa: S608 (constant fragments; values are bound)
        return statement.bindparams(
            *(sa.bindparam(name, expanding=True) for name in self.expanding)
        )

    def run(
        self, connection: Connection, *, offset: int, limit: int | None, with_bits: bool = True
    ) -> _Found:
        """The total, the facet bits and `limit` ids from `offset` on (all if None), in order.

        By relevance, one query reads the newest `RANK_WINDOW` matches with their scores and
        facet bits; when that is all of them (most searches), it is the whole answer. Only a
        larger match set needs the counting pass, and its results beyond the window follow
        newest first."""
        if self.sort is SortOrder.relevance and self.ranked:
            return self._by_relevance(connection, offset, limit, with_bits)
        total, bits = self._count(connection, with_bits)
        ids = self._page(connection, _DATE_ORDER[self.sort], (), offset, limit)
        return _Found(total, bits, ids)

    def _by_relevance(
        self, connection: Connection, offset: int, limit: int | None, with_bits: bool
    ) -> _Found:
        newest_first = f"ORDER BY {self.engine.text_id} DESC LIMIT :window"
        statement = self._sql(
            f"sc.case_id, sc.facet_bits, {self.engine.score()}", tail=newest_first
        )
        window = connection.execute(statement, {**self.params, "window": RANK_WINDOW}).all()
        ranked = [row[0] for row in sorted(window, key=lambda row: (row[2], -row[0]))]
        end = None if limit is None else offset + limit
        if len(window) < RANK_WINDOW:
            bits = np.array([row[1] for row in window], dtype=np.int64) if with_bits else None
            return _Found(len(window), bits, ranked[offset:end])
        total, bits = self._count(connection, with_bits)
        ids = ranked[offset:end]
        wanted = None if limit is None else limit - len(ids)
        if wanted is None or wanted > 0:
            self.params["window_start"] = window[-1][0]
            older = [f"{self.engine.text_id} < :window_start"]
            skip = max(0, offset - len(ranked))
            ids += self._page(connection, "sc.case_id DESC", older, skip, wanted)
        return _Found(total, bits, ids, window_only=True)

    def _count(self, connection: Connection, with_bits: bool) -> tuple[int, Any]:
        """How many cases match, and (optionally) their facet bits."""
        select = f"count(*), {self.engine.joined_bits}" if with_bits else "count(*), NULL"
        total, joined = connection.execute(self._sql(select), self.params).one()
        return int(total), facets.parse_bits(joined) if with_bits else None

    def _page(
        self,
        connection: Connection,
        order: str,
        extra: Sequence[str],
        offset: int,
        limit: int | None,
    ) -> list[int]:
        tail = f"ORDER BY {order} LIMIT :limit OFFSET :offset"
        statement = self._sql("sc.case_id", extra, tail=tail)
        params = {**self.params, "limit": -1 if limit is None else limit, "offset": offset}
        if limit is None and self.engine.name == "postgresql":
            params["limit"] = None  # LIMIT NULL is "no limit" there
        return list(connection.execute(statement, params).scalars())


# Undated cases last either way; newest first can walk ix_search_case_date backwards.
_DATE_ORDER = {
    SortOrder.newest: "sc.date_earliest DESC NULLS LAST, sc.case_id DESC",
    SortOrder.oldest: "sc.date_earliest ASC NULLS LAST, sc.case_id ASC",
    SortOrder.relevance: "sc.date_earliest DESC NULLS LAST, sc.case_id DESC",
}


def _hits(connection: Connection, ids: list[int], terms: Sequence[Term]) -> list[SearchHit]:
    if not ids:
        return []
    case = Case.__table__.c  # type: ignore[attr-defined]
    indexed = SearchCase.__table__.c  # type: ignore[attr-defined]
    rows = {
        row.id: row
        for row in connection.execute(
            sa.select(
                case.id,
                case.reference,
                case.title,
                case.narrative,
                case.violation_status,
                case.workflow_state,
                indexed.district,
                indexed.date_earliest,
                indexed.date_latest,
                indexed.victims,
                indexed.facet_bits,
            )
            .join(SearchCase.__table__, indexed.case_id == case.id)  # type: ignore[attr-defined]
            .where(case.id.in_(ids))
        )
    }
    found = [rows[case_id] for case_id in ids if case_id in rows]
    marker = snippets.Highlighter(terms)
    snippets_by_id = _snippets(connection, found, marker)
    act_facet = facets.FACET_BY_KEY["act_type"]
    return [
        SearchHit(
            case_id=row.id,
            reference=row.reference,
            title=marker.whole(row.title),
            snippet=snippets_by_id[row.id],
            district=row.district,
            date_earliest=row.date_earliest,
            date_latest=row.date_latest,
            violation_status=row.violation_status,
            workflow_state=row.workflow_state,
            act_types=facets.values_of(row.facet_bits, act_facet),  # type: ignore[misc]
            victims=row.victims,
        )
        for row in found
    ]


def _snippets(
    connection: Connection, rows: list[Row[Any]], marker: snippets.Highlighter
) -> dict[int, Markup]:
    """Each hit's snippet: from its narrative or victims' names, else from the rest of its
    indexed text (loaded only for the hits that need it), else the narrative's opening."""
    result: dict[int, Markup] = {}
    for row in rows:
        found = marker.window(row.narrative) or marker.window(row.victims)
        if found is not None:
            result[row.id] = found
    elsewhere = [row.id for row in rows if row.id not in result]
    if elsewhere and marker.active:
        records = CaseRecords.load(connection, elsewhere)
        for case in records.cases:
            people = records.people.get(case.id, [])
            names = [text for person, _ in people for text in person_names(person)]
            for text in [*names, *body_texts(records, case, people)]:
                found = marker.window(text)
                if found is not None:
                    result[case.id] = found
                    break
    for row in rows:
        if row.id not in result:
            result[row.id] = snippets.opening(row.narrative)
    return result


def _facet_results(
    codes: IndexCodes, query: SearchQuery, tally: facets.FacetTally
) -> list[FacetResult]:
    results = []
    for facet in facets.FACETS:
        counts = tally.values[facet.key]
        shown = []
        for member in facet.values:
            selected = query.is_selected(facet.key, member.value)
            if counts[member.value] or selected:
                shown.append(FacetCount(member.value, member.label, counts[member.value], selected))
        results.append(FacetResult(facet.key, facet.label, shown))
    results.insert(2, _district_result(codes, query, tally))
    return results


def _district_result(
    codes: IndexCodes, query: SearchQuery, tally: facets.FacetTally
) -> FacetResult:
    names = codes.districts
    counts: dict[str, int] = {}
    for district_code, count in tally.districts.items():
        if district_code == 0:
            continue
        labels = names.get(district_code, [])
        label = labels[0] if len(labels) == 1 else "Other districts"
        counts[label] = counts.get(label, 0) + count
    shown = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:DISTRICTS_SHOWN]
    listed = {name for name, _ in shown}
    shown += [(name, counts.get(name, 0)) for name in sorted(query.districts) if name not in listed]
    return FacetResult(
        "district",
        "District",
        [FacetCount(name, name, count, name in query.districts) for name, count in shown],
    )


def span_text(earliest: date | None, latest: date | None) -> str:
    """A span of days as people write it: "12 March 2025", "March 2025", "2024",
    "2 March 2024 – 5 May 2025", or "date unknown"."""
    if earliest is None and latest is None:
        return "date unknown"
    if earliest is None or latest is None:
        return _day(earliest or latest)  # type: ignore[arg-type]
    if earliest == latest:
        return _day(earliest)
    if (earliest.month, earliest.day, latest.month, latest.day) == (1, 1, 12, 31):
        return (
            str(earliest.year) if earliest.year == latest.year else f"{earliest.year}–{latest.year}"
        )
    if earliest.day == 1 and latest == add_months(earliest, 1) - timedelta(days=1):
        return earliest.strftime("%B %Y")
    return f"{_day(earliest)} – {_day(latest)}"


def _day(day: date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"
