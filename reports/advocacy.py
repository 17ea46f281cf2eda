"""The advocacy report over a search: counts in HRDAG wording, charts, a case table, summaries.

Counting follows HRDAG practice: the headline is "at least N unique victims documented as of
DATE"; every count is of unique victim persons (a person linked to several cases counts once,
and once per category); nothing here estimates prevalence or trends, and the report says so.
Cases the audience may not see are left out before anything is counted, and the report states
how many. Only plain counts and redacted case views leave this module.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from markupsafe import Markup

from models.act import Involvement
from models.enums import ActType as ActTypeEnum
from models.enums import (
    DatePrecision,
    DossierAudience,
    PerpetratorType,
    VictimStatus,
)
from models.partial_date import PartialDate, partial_date
from reports.charts import horizontal_bar_chart, monthly_column_chart
from reports.context import CaseBuilder
from reports.records import CaseRecords
from reports.redaction import redact_for
from reports.views import CaseView

INCLUSION_RULE = (
    "A person is counted when they are recorded as the victim of at least one act in a case "
    "that matches the selection below, that has not been deleted and that this edition may "
    "show; a case counts from the day it is entered, whatever its review state."
)
DEDUPLICATION = (
    "Each person is one record, linked to every case that concerns them; at entry, Casebook "
    "flags likely duplicates (same name in any spelling, father's name, district and date of "
    "birth) and documenters merge them. A person in several cases is counted once in the total "
    "and once in each category that applies to them, so category counts may add up to more than "
    "the total."
)


@dataclass(frozen=True)
class CountRow:
    """One category and the number of unique victims in it."""

    label: str
    count: int


@dataclass(frozen=True)
class CaseRow:
    """One line of the case table."""

    anchor: str
    reference: str
    date: str
    district: str
    acts: str
    victims: str
    violation_status: str


@dataclass(frozen=True)
class CaseSummary:
    """One case in a paragraph, from its structured records (no narrative)."""

    anchor: str
    reference: str
    title: str
    victims: str
    violation_status: str
    lines: list[str]


@dataclass(frozen=True)
class VictimCounts:
    """Unique-victim counts per category for a set of cases."""

    victims: frozenset[int]
    by_act_type: list[CountRow]
    by_district: list[CountRow]
    by_perpetrator: list[CountRow]
    by_status: list[CountRow]
    by_month: dict[tuple[int, int], int]
    month_unknown: int
    period: str | None


@dataclass(frozen=True)
class AdvocacyReport:
    """Everything the advocacy templates print."""

    cases_included: int
    cases_excluded: int
    as_of: str
    selection: list[str]
    counts: VictimCounts
    charts: dict[str, Markup]
    table: list[CaseRow]
    summaries: list[CaseSummary]
    withheld: list[str] = field(default_factory=list)

    @property
    def unique_victims(self) -> int:
        """How many distinct people the selected cases document as victims."""
        return len(self.counts.victims)

    @property
    def headline(self) -> str:
        """The HRDAG sentence: a floor on what is documented, never a prevalence figure."""
        victims = "unique victim" + ("" if self.unique_victims == 1 else "s")
        return f"At least {self.unique_victims} {victims} documented as of {self.as_of}"


def _rows(counter: Counter[str]) -> list[CountRow]:
    ranked = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    return [CountRow(label, count) for label, count in ranked]


def _unique_rows(people: dict[str, set[int]]) -> list[CountRow]:
    return _rows(Counter({label: len(ids) for label, ids in people.items()}))


def count_victims(cases: Sequence[CaseRecords]) -> VictimCounts:
    """Unique-victim counts per category; each person counts once per category."""
    per_type: dict[str, set[int]] = defaultdict(set)
    per_district: dict[str, set[int]] = defaultdict(set)
    per_perpetrator: dict[str, set[int]] = defaultdict(set)
    first_act: dict[int, PartialDate] = {}
    latest_status: dict[int, tuple[tuple[date, date, int], VictimStatus]] = {}
    victims: set[int] = set()
    for records in cases:
        victims |= {person.id for person in records.victims() if person.id is not None}
        involvements: dict[int | None, list[Involvement]] = defaultdict(list)
        for involvement in records.involvements:
            involvements[involvement.act_id].append(involvement)
        for act in records.acts:
            victim_row = records.people.get(act.victim_id)
            if victim_row is None or victim_row.id is None:
                continue
            victim = victim_row.id  # a merged record counts as the person it was merged into
            start = partial_date(act, "start")
            per_type[ActTypeEnum(act.act_type).label].add(victim)
            per_district[act.district or records.case.district or "District not recorded"].add(
                victim
            )
            for involvement in involvements[act.id]:
                per_perpetrator[PerpetratorType(involvement.perpetrator_type).label].add(victim)
            if victim not in first_act or start.sort_key() < first_act[victim].sort_key():
                first_act[victim] = start
            key = start.sort_key()
            if victim not in latest_status or key >= latest_status[victim][0]:
                latest_status[victim] = (key, VictimStatus(act.victim_status))
    months: Counter[tuple[int, int]] = Counter()
    month_unknown = 0
    for victim in victims:
        first = first_act.get(victim)
        if first is not None and first.earliest is not None and first.precision in (
            DatePrecision.day,
            DatePrecision.month,
        ):
            months[(first.earliest.year, first.earliest.month)] += 1
        else:
            month_unknown += 1
    statuses: Counter[str] = Counter(
        latest_status[v][1].label if v in latest_status else VictimStatus.unknown.label
        for v in victims
    )
    known = sorted((d for d in first_act.values() if d.is_known), key=PartialDate.sort_key)
    period = f"between {known[0]} and {known[-1]}" if known else None
    return VictimCounts(
        victims=frozenset(victims),
        by_act_type=_unique_rows(per_type),
        by_district=_unique_rows(per_district),
        by_perpetrator=_unique_rows(per_perpetrator),
        by_status=_rows(statuses),
        by_month=dict(months),
        month_unknown=month_unknown,
        period=period,
    )


def summarise(view: CaseView) -> CaseSummary:
    """A case in a few lines, from its redacted view."""
    lines = []
    for allegation in view.allegations:
        where = f" at {allegation.place}" if allegation.place else ""
        text = f"{allegation.act_type} of {allegation.victim}, {allegation.date}{where}."
        if allegation.perpetrators:
            text += " Alleged perpetrators: " + "; ".join(
                p.summary for p in allegation.perpetrators
            ) + "."
        text += f" Whereabouts: {allegation.whereabouts.lower()}; status now: "
        text += f"{allegation.victim_status.lower()}."
        lines.append(text)
        lines += [f"Authorities: {r.summary}." for r in allegation.responses]
    lines += [f"Authorities: {r.summary}." for r in view.general_responses]
    if view.interventions:
        lines.append(
            "Steps taken: "
            + "; ".join(f"{i.intervention_type} — {i.status.lower()}" for i in view.interventions)
            + "."
        )
    return CaseSummary(
        anchor=view.anchor,
        reference=view.reference,
        title=view.title,
        victims=view.victim_labels,
        violation_status=view.violation_status,
        lines=lines or ["No act is recorded yet."],
    )


def case_row(view: CaseView) -> CaseRow:
    """The case table line of one case."""
    acts = sorted({a.act_type for a in view.allegations})
    return CaseRow(
        anchor=view.anchor,
        reference=view.reference,
        date=view.first_date or "date unknown",
        district=view.district or next((a.place for a in view.allegations if a.place), "—"),
        acts=", ".join(acts) or "—",
        victims=view.victim_labels,
        violation_status=view.violation_status,
    )


def _charts(counts: VictimCounts) -> dict[str, Markup]:
    def items(rows: list[CountRow]) -> list[tuple[str, int]]:
        return [(row.label, row.count) for row in rows]

    return {
        "act_type": horizontal_bar_chart(
            "Unique victims by type of act", items(counts.by_act_type)
        ),
        "district": horizontal_bar_chart("Unique victims by district", items(counts.by_district)),
        "month": monthly_column_chart(
            "Unique victims by month of first documented act", counts.by_month
        ),
        "perpetrator": horizontal_bar_chart(
            "Unique victims by alleged perpetrator type", items(counts.by_perpetrator)
        ),
        "status": horizontal_bar_chart("Unique victims by current status", items(counts.by_status)),
    }


def admitted_cases(
    cases: Iterable[CaseRecords], audience: DossierAudience | str
) -> tuple[list[CaseRecords], int]:
    """The cases this audience may see, and how many were left out."""
    policy = redact_for(audience)
    included, excluded = [], 0
    for records in cases:
        if policy.admits(records.case.confidentiality):
            included.append(records)
        else:
            excluded += 1
    return included, excluded


def build_advocacy_report(
    cases: Sequence[CaseRecords],
    audience: DossierAudience | str,
    *,
    as_of: date,
    organisation: str,
    selection: list[str],
) -> tuple[AdvocacyReport, list[CaseView]]:
    """The report's counts and tables plus each admitted case's redacted view (in order)."""
    policy = redact_for(audience)
    included, excluded = admitted_cases(cases, audience)
    views = [CaseBuilder(records, policy, as_of).build(organisation) for records in included]
    counts = count_victims(included)
    withheld = []
    if excluded:
        withheld.append(
            f"{excluded} case(s) matching the selection, because their confidentiality keeps "
            f"them from a {policy.audience.label.lower()} edition; they are not counted."
        )
    if not policy.is_internal:
        withheld.append(
            "Victims' names, unless the victim or family consented to this use; the case code "
            "stands in. Witnesses, sources and contact details of every person."
        )
    report = AdvocacyReport(
        cases_included=len(included),
        cases_excluded=excluded,
        as_of=str(PartialDate.exact(as_of)),
        selection=selection,
        counts=counts,
        charts=_charts(counts),
        table=[case_row(view) for view in views],
        summaries=[summarise(view) for view in views],
        withheld=withheld,
    )
    return report, views
