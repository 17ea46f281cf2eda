"""Searching cases: the one function the search page, the CSV export, the advocacy report and
the benchmark all call.

A search asks the database only what needs the full-text index: the ids of the cases matching
the words (one query) and, to order by relevance, the scores of the newest `RANK_WINDOW` of
them (one more). Filtering, permissions, facet counts and date order happen on this process's
in-memory copy of `search_case` (`app.search.store`, numpy), then the page's cases are read
for titles and snippets.

Relevance over a huge match set (a word found in most cases) is bounded: the engine ranks the
`RANK_WINDOW` most recently recorded matches and the rest follow, newest first; the page says
so. Counts and facets always cover every match.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

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
from app.search.store import case_table
from app.security import Permission, visible_confidentiality
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
    codes = index_codes(connection)
    found = _Search(connection, engine, codes, parsed, query, actor)
    offset = (query.page - 1) * query.per_page
    ids = found.ordered(offset, query.per_page)
    notices = [*query.notices, *parsed.notices]
    if query.text.strip() and parsed.is_empty:
        notices.append("The search had no words to look for; showing every case.")
    if found.window_only:
        notices.append(
            f"{found.total:,} cases match: the best matches are ranked among the "
            f"{RANK_WINDOW:,} most recently recorded, then the rest follow newest first. Add "
            "words or filters to narrow the search."
        )
    if not codes.current:
        notices.append(
            "The search index was built by an older version of Casebook and needs rebuilding "
            "(an administrator runs `casebook reindex`); counts may be wrong until then."
        )
    visible = visible_confidentiality(actor.role)
    hits = _hits(connection, ids, parsed.highlight_terms(), visible)
    tally = facets.count_facets(found.table.bits[found.positions])
    return SearchResults(
        query=query,
        hits=hits,
        total=found.total,
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
    engine = engine_for(connection)
    found = _Search(
        connection, engine, index_codes(connection), parse_query(query.text), query, actor
    )
    return found.ordered(0, limit)


class _Search:
    """One search: the database finds the cases matching the words; the in-memory copy of
    `search_case` (`app.search.store`) filters them, counts them and orders them."""

    def __init__(
        self,
        connection: Connection,
        engine: FullTextEngine,
        codes: IndexCodes,
        parsed: ParsedQuery,
        query: SearchQuery,
        actor: Actor,
    ) -> None:
        self.connection = connection
        self.engine = engine
        self.sort = query.sort
        self.table = case_table(connection, codes.version)
        self.match = engine.compile(parsed)
        within = without = None
        if self.match is not None:
            within = engine.matching_ids(connection, self.match)
        else:
            excluded = [term for clause in parsed.negative for term in clause.terms]
            if excluded:
                without = engine.matching_ids(connection, engine.compile_any(excluded))
        visible = visible_confidentiality(actor.role)
        self.positions = self.table.select(query, visible, within=within, without=without)
        self.total = len(self.positions)
        self.window_only = (
            self.match is not None and self.sort is SortOrder.relevance and self.total > RANK_WINDOW
        )

    def ordered(self, offset: int, limit: int | None) -> list[int]:
        """`limit` case ids from `offset` on (all if None), in the search's order."""
        end = self.total if limit is None else min(self.total, offset + limit)
        if offset >= end:
            return []
        ids = self.table.ids
        if self.match is None or self.sort is not SortOrder.relevance:
            newest = self.sort is not SortOrder.oldest
            return ids[self.table.by_date(self.positions, newest=newest)[offset:end]].tolist()
        # Relevance: the newest RANK_WINDOW matches by score, then the older ones newest first.
        window = ids[self.positions[-RANK_WINDOW:]]
        ranked: list[int] = []
        if offset < len(window):
            scores = self.engine.scores(self.connection, self.match, window)
            ranked = sorted(
                window.tolist(), key=lambda case_id: (scores.get(case_id, 0.0), -case_id)
            )
        older = ids[self.positions[:-RANK_WINDOW]][::-1] if self.window_only else ids[:0]
        head = ranked[offset:end]
        rest = end - offset - len(head)
        if rest <= 0:
            return head
        start = max(0, offset - len(window))
        return head + older[start : start + rest].tolist()


def case_summaries(
    connection: Connection, ids: Sequence[int], visible: Iterable[Confidentiality]
) -> list[Row[Any]]:
    """The listed cases' own and indexed fields, in the order of `ids`; a case that is not
    (or no longer) indexed or visible is left out, since the in-memory copy that chose the ids
    may be a moment older than the rows read here."""
    case = Case.__table__.c  # type: ignore[attr-defined]
    indexed = SearchCase.__table__.c  # type: ignore[attr-defined]
    statement = (
        sa.select(
            case.id,
            case.reference,
            case.title,
            case.narrative,
            case.violation_status,
            case.workflow_state,
            case.confidentiality,
            indexed.district,
            indexed.date_earliest,
            indexed.date_latest,
            indexed.victims,
            indexed.facet_bits,
        )
        .join(SearchCase.__table__, indexed.case_id == case.id)  # type: ignore[attr-defined]
        .where(case.id.in_(list(ids)), indexed.confidentiality.in_(sorted(visible)))
    )
    rows = {row.id: row for row in connection.execute(statement)}
    return [rows[case_id] for case_id in ids if case_id in rows]


def _hits(
    connection: Connection,
    ids: list[int],
    terms: Sequence[Term],
    visible: frozenset[Confidentiality],
) -> list[SearchHit]:
    """The page's cases with their titles and snippets marked."""
    if not ids:
        return []
    found = case_summaries(connection, ids, visible)
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
            found = next(
                (
                    window
                    for text, is_name in [
                        *((name, True) for name in names),
                        *((text, False) for text in body_texts(records, case, people)),
                    ]
                    if (window := marker.window(text, names=is_name)) is not None
                ),
                None,
            )
            if found is not None:
                result[case.id] = found
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
