"""A search as a value: text, filters, order and page, to and from a shareable query string.

Everything about a search lives in its URL, so a search can be bookmarked, shared, saved and
handed to the advocacy report. Reading a URL never fails: unknown filter values, bad dates and
absurd page numbers are dropped or clamped (with a notice), never a 500.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any
from urllib.parse import urlencode

from werkzeug.datastructures import MultiDict

from app.search.facets import FACET_BY_KEY, FACETS
from models.enums import Category
from models.partial_date import PartialDate

PER_PAGE_CHOICES = (20, 50, 100)
MAX_PAGE = 5000
MAX_DISTRICTS = 50


class SortOrder(Category):
    """How results are ordered."""

    relevance = "relevance", "Best match"
    newest = "newest", "Most recent incident first"
    oldest = "oldest", "Oldest incident first"


@dataclass(frozen=True)
class SearchQuery:
    """One search: `selected` maps a facet key (see `app.search.facets.FACETS`) to the values
    a case must have one of; `date_from`/`date_to` keep cases whose acts overlap the range."""

    text: str = ""
    selected: Mapping[str, frozenset[str]] = field(default_factory=dict)
    districts: frozenset[str] = frozenset()
    date_from: date | None = None
    date_to: date | None = None
    sort: SortOrder = SortOrder.relevance
    page: int = 1
    per_page: int = PER_PAGE_CHOICES[0]
    notices: tuple[str, ...] = ()

    @classmethod
    def of(cls, text: str = "", **filters: Any) -> SearchQuery:
        """A query from keyword arguments: facet keys take iterables of values
        (`act_type=[ActType.arrest]`), plus `districts`, `date_from`, `date_to`, `sort`."""
        selected = {
            key: frozenset(FACET_BY_KEY[key].values(v).value for v in filters.pop(key))
            for key in list(filters)
            if key in FACET_BY_KEY
        }
        if "districts" in filters:
            filters["districts"] = frozenset(filters["districts"])
        return cls(text=text, selected=selected, **filters)

    @classmethod
    def from_args(cls, args: Mapping[str, Any] | MultiDict[str, str]) -> SearchQuery:
        """The search a query string describes (what `to_args` writes)."""
        multi = args if isinstance(args, MultiDict) else MultiDict(args)
        notices: list[str] = []
        selected = {}
        for facet in FACETS:
            known = {member.value for member in facet.values}
            values = frozenset(v for v in multi.getlist(facet.key) if v in known)
            if values:
                selected[facet.key] = values
        districts = frozenset(d.strip()[:100] for d in multi.getlist("district") if d.strip())
        date_from = _date_arg(multi.get("from"), "from", notices)
        date_to = _date_arg(multi.get("to"), "to", notices)
        sort = SortOrder(multi.get("sort")) if multi.get("sort") in set(SortOrder) else None
        per_page = _int_arg(multi.get("per_page"), PER_PAGE_CHOICES[0])
        return cls(
            text=(multi.get("q") or "")[:10_000],
            selected=selected,
            districts=frozenset(sorted(districts)[:MAX_DISTRICTS]),
            date_from=date_from.earliest if date_from else None,
            date_to=date_to.latest if date_to else None,
            sort=sort or (SortOrder.relevance if multi.get("q") else SortOrder.newest),
            page=min(max(_int_arg(multi.get("page"), 1), 1), MAX_PAGE),
            per_page=per_page if per_page in PER_PAGE_CHOICES else PER_PAGE_CHOICES[0],
            notices=tuple(notices),
        )

    def to_args(self, *, page: int | None = None) -> list[tuple[str, str]]:
        """The query string pairs that describe this search (page 1 is left out)."""
        pairs: list[tuple[str, str]] = []
        if self.text:
            pairs.append(("q", self.text))
        for facet in FACETS:
            pairs.extend((facet.key, value) for value in sorted(self.selected.get(facet.key, ())))
        pairs.extend(("district", district) for district in sorted(self.districts))
        if self.date_from:
            pairs.append(("from", self.date_from.isoformat()))
        if self.date_to:
            pairs.append(("to", self.date_to.isoformat()))
        pairs.append(("sort", self.sort.value))
        if self.per_page != PER_PAGE_CHOICES[0]:
            pairs.append(("per_page", str(self.per_page)))
        wanted_page = self.page if page is None else page
        if wanted_page > 1:
            pairs.append(("page", str(wanted_page)))
        return pairs

    def query_string(self, *, page: int | None = None) -> str:
        """`to_args` encoded for a URL."""
        return urlencode(self.to_args(page=page))

    def with_page(self, page: int) -> SearchQuery:
        return replace(self, page=page)

    def is_selected(self, facet_key: str, value: str) -> bool:
        return value in self.selected.get(facet_key, ())

    @property
    def has_filters(self) -> bool:
        """True when anything but the text narrows the search."""
        return bool(self.selected or self.districts or self.date_from or self.date_to)


def _date_arg(text: str | None, name: str, notices: list[str]) -> PartialDate | None:
    if not text or not text.strip():
        return None
    try:
        parsed = PartialDate.parse(text[:100])
    except ValueError:
        notices.append(f"The '{name}' date was not understood and was left out.")
        return None
    return parsed if parsed.is_known else None


def _int_arg(text: str | None, default: int) -> int:
    try:
        return int((text or "").strip()[:9])
    except ValueError:
        return default
