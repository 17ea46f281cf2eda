"""Which cases an advocacy report covers: the search page's current filters, as a query string.

The search (`app.search`) decides which cases match, with the same rules as its results page
(text, facets, districts, date overlap, and what the user's role may see), so the report covers
exactly what the user saw, every page of it. `--filter key=value` on the command line builds the
same query string (`q=`, `act_type=`, `status=`, `district=`, `from=`, `to=`…).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlmodel import Session
from werkzeug.datastructures import MultiDict

from app.search.facets import FACETS
from app.search.filters import SearchQuery
from app.search.service import matching_case_ids
from app.services.actor import Actor


@dataclass(frozen=True)
class ReportSelection:
    """The matched cases, the query that found them and that query in words."""

    case_ids: list[int]
    query: str
    description: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """One line for titles: "District: Kech (Turbat); Act: Torture" or "all cases"."""
        return "; ".join(self.description) or "all cases"


def filters_from_pairs(pairs: Iterable[str]) -> MultiDict[str, str]:
    """`key=value` pairs (the CLI's --filter) as query arguments; raises ValueError if malformed."""
    args: MultiDict[str, str] = MultiDict()
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--filter {pair!r}: write it as key=value, e.g. district=Quetta")
        args.add(key.strip(), value.strip())
    return args


def describe(query: SearchQuery) -> list[str]:
    """The search in words, one line per filter."""
    lines = []
    if query.text.strip():
        lines.append(f"Search: {query.text.strip()}")
    for facet in FACETS:
        chosen = sorted(query.selected.get(facet.key, ()))
        if chosen:
            labels = ", ".join(facet.values(value).label for value in chosen)
            lines.append(f"{facet.label}: {labels}")
    if query.districts:
        lines.append(f"District: {', '.join(sorted(query.districts))}")
    if query.date_from or query.date_to:
        start = query.date_from.isoformat() if query.date_from else "any date"
        end = query.date_to.isoformat() if query.date_to else "any date"
        lines.append(f"Acts dated between {start} and {end}")
    return lines


def select_report_cases(
    session: Session, args: MultiDict[str, str], *, actor: Actor
) -> ReportSelection:
    """Every case the search with these arguments matches for `actor`, in the search's order."""
    query = SearchQuery.from_args(args)
    case_ids = matching_case_ids(session, query, actor=actor)
    return ReportSelection(case_ids, query.query_string(page=1), describe(query))
