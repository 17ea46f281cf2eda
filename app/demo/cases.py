"""The demo case generator: fictional cases covering every entity and edge, as plain rows.

Each case follows a scenario (a disappearance, a "kill and dump", an "encounter" killing, an
acknowledged arrest…) and gets its victims, relatives, witnesses, acts, alleged perpetrators
with the basis for attribution, graded sources and citations, the authorities' answers,
interventions with deadlines, evidence metadata and consents; its violation status is computed
by the rule in `models.status`. The first cases of every run walk through `COVERAGE`, so even a
small run holds every edge (each date precision, several victims, a withdrawn consent, a
contradicting source, overdue and upcoming deadlines…).

Output depends only on the seed, the first free ids, the reference counters and `today`: the
same inputs give the same rows. Nothing here touches the database (see `app.demo.loader`).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from types import SimpleNamespace

from app.demo import stories
from app.demo.acts import add_acts, add_perpetrators, names_text
from app.demo.draft import (
    COVERAGE,
    SCENARIO_WEIGHTS,
    CaseDraft,
    Features,
    Scenario,
    Victim,
    Workshop,
    weighted,
)
from app.demo.followup import add_consents, add_evidence, add_interventions
from app.demo.people import add_people
from app.demo.places import DEMO_DISTRICTS, SEIZURE_SETTINGS
from app.demo.rows import IdAllocator, RowBatch, RowFactory
from app.demo.sources import add_responses, add_sources
from models import Case, Citation
from models.case import REFERENCE_PREFIX, format_reference
from models.enums import (
    Confidentiality,
    DatePrecision,
    Priority,
    VictimStatus,
    ViolationStatus,
    WorkflowState,
)
from models.status import compute_violation_status, record_status
from models.types import utcnow

FIRST_INCIDENT = date(2010, 1, 1)
OVERRIDE_REASON = (
    "The field team confirmed the detention with two released detainees who shared the "
    "victim's cell; their statements are kept offline."
)


class ReferenceCounter:
    """Case references like BAL-2024-0042, numbered per year after the highest in use."""

    def __init__(self, highest: dict[int, int] | None = None) -> None:
        self._highest = dict(highest or {})

    @staticmethod
    def parse(reference: str) -> tuple[int, int] | None:
        """(year, number) of a reference in Casebook's form, or None for any other form."""
        parts = reference.split("-")
        if len(parts) != 3 or parts[0] != REFERENCE_PREFIX:
            return None
        if not (parts[1].isdigit() and parts[2].isdigit()):
            return None
        return int(parts[1]), int(parts[2])

    @classmethod
    def from_references(cls, references: list[str]) -> ReferenceCounter:
        """Counters that continue after every reference already in use."""
        highest: dict[int, int] = {}
        for reference in references:
            parsed = cls.parse(reference)
            if parsed:
                year, number = parsed
                highest[year] = max(highest.get(year, 0), number)
        return cls(highest)

    def next(self, year: int) -> str:
        number = self._highest.get(year, 0) + 1
        self._highest[year] = number
        return format_reference(year, number)


class _CitationView(SimpleNamespace):
    """A citation row as the status rule reads it (an ORM object costs ~80 µs to build)."""

    independence_group = Citation.independence_group


class DemoCaseGenerator:
    """Generates demo cases as rows; see the module docstring."""

    def __init__(
        self,
        *,
        seed: int,
        ids: IdAllocator,
        references: ReferenceCounter | None = None,
        today: date | None = None,
    ) -> None:
        self.workshop = Workshop(
            rng=random.Random(seed), rows=RowFactory(ids), today=today or date.today()
        )
        self.references = references or ReferenceCounter()
        self._index = 0

    def batches(self, count: int, batch_size: int = 2000) -> Iterator[RowBatch]:
        """Generate `count` cases, yielding their rows `batch_size` cases at a time."""
        w = self.workshop
        for position in range(count):
            self.generate_case()
            if (position + 1) % batch_size == 0 or position + 1 == count:
                batch, w.batch = w.batch, RowBatch()
                yield batch

    def generate_case(self) -> int:
        """Add one case and everything it involves to the current batch; return its id."""
        w = self.workshop
        draft = self._start(self._features())
        add_people(w, draft)
        add_acts(w, draft)
        add_perpetrators(w, draft)
        add_sources(w, draft)
        add_responses(w, draft)
        add_interventions(w, draft)
        add_evidence(w, draft)
        add_consents(w, draft)
        self._case_row(draft)
        w.batch.cases += 1
        return draft.case_id

    def _features(self) -> Features:
        index, self._index = self._index, self._index + 1
        if index < len(COVERAGE):
            return COVERAGE[index]
        rng = self.workshop.rng
        precision = weighted(
            rng,
            [
                (DatePrecision.day, 66),
                (DatePrecision.month, 20),
                (DatePrecision.year, 11),
                (DatePrecision.unknown, 3),
            ],
        )
        return Features(
            scenario=weighted(rng, SCENARIO_WEIGHTS),
            precision=precision,
            estimated=precision is not DatePrecision.unknown and rng.random() < 0.12,
            withdrawn_consent=rng.random() < 0.03,
            contradicting_source=rng.random() < 0.02,
            status_override=rng.random() < 0.01,
        )

    def _start(self, features: Features) -> CaseDraft:
        w = self.workshop
        rng = w.rng
        district = weighted(rng, [(d, d.weight) for d in DEMO_DISTRICTS])
        span = (w.today - timedelta(days=10) - FIRST_INCIDENT).days
        # More recent years hold more documented cases.
        incident = FIRST_INCIDENT + timedelta(days=int(rng.triangular(0, span, span)))
        documented = min(incident + timedelta(days=rng.randint(2, 120)), w.today)
        created_at = min(
            datetime.combine(documented, time(9), tzinfo=UTC)
            + timedelta(minutes=rng.randint(0, 9 * 60)),
            _latest_moment(w.today),
        )
        return CaseDraft(
            features=features,
            case_id=w.rows.ids.take(Case),
            district=district,
            town=rng.choice(district.towns),
            incident=incident,
            created_at=created_at,
            force_key=_force_for(rng, features.scenario),
            setting=weighted(rng, SEIZURE_SETTINGS),
        )

    def _case_row(self, draft: CaseDraft) -> None:
        w = self.workshop
        rng = w.rng
        finding = compute_violation_status(
            [_CitationView(**c) for c in draft.citations],
            [SimpleNamespace(**s) for s in draft.sources],  # type: ignore[misc]
            [SimpleNamespace(**r) for r in draft.responses],  # type: ignore[misc]
        )
        status = SimpleNamespace(status_override=None)
        if draft.features.status_override:
            status.status_override = ViolationStatus.verified
        record_status(status, finding)  # type: ignore[arg-type]
        updated = min(
            draft.created_at + timedelta(days=rng.randint(0, 60)), _latest_moment(w.today)
        )
        w.add(
            Case,
            draft,
            id=draft.case_id,
            updated_at=updated,
            reference=self.references.next(draft.created_at.year),
            title=_title(draft),
            narrative=" ".join(draft.story),
            district=draft.district.label,
            place=draft.town,
            computed_status=status.computed_status,
            status_override=status.status_override,
            status_override_reason=OVERRIDE_REASON if status.status_override else None,
            violation_status=status.violation_status,
            workflow_state=weighted(
                rng,
                [
                    (WorkflowState.draft, 25),
                    (WorkflowState.in_review, 20),
                    (WorkflowState.reviewed, 55),
                ],
            ),
            confidentiality=weighted(
                rng,
                [
                    (Confidentiality.publishable, 35),
                    (Confidentiality.internal, 55),
                    (Confidentiality.confidential, 10),
                ],
            ),
            priority=_priority(rng, draft.victims[0], draft.incident, w.today),
            tags=", ".join(_tags(rng, draft)),
            internal_notes=rng.choice(stories.INTERNAL_NOTES) if rng.random() < 0.4 else "",
        )


def _force_for(rng: random.Random, scenario: Scenario) -> str:
    if scenario in {Scenario.encounter_killing, Scenario.acknowledged_arrest}:
        return "ctd"
    if scenario is Scenario.death_squad_abduction:
        return "death_squad"
    if scenario is Scenario.death_in_custody:
        return weighted(rng, [("police", 2), ("levies", 1), ("ctd", 1)])
    if scenario is Scenario.arbitrary_detention:
        return weighted(rng, [("fc", 3), ("army", 1), ("levies", 1)])
    return weighted(
        rng,
        [
            ("fc", 9),
            ("plain_clothes", 8),
            ("ctd", 3),
            ("intelligence", 3),
            ("army", 1),
            ("levies", 1),
            ("police", 1),
        ],
    )


_TITLES = {
    Scenario.still_missing: "Enforced disappearance of {who}, {where}",
    Scenario.group_disappearance: "Enforced disappearance of {who}, {where}",
    Scenario.released_after_torture: "Disappearance and torture of {who}, {where}",
    Scenario.kill_and_dump: "Disappearance and killing of {who}, {where}",
    Scenario.encounter_killing: "Killing of {who} in an alleged encounter, {where}",
    Scenario.acknowledged_arrest: "Arrest and secret detention of {who} by the CTD",
    Scenario.death_squad_abduction: "Abduction of {who} by a state-backed armed group",
    Scenario.arbitrary_detention: "Arbitrary detention of {who}, {where}",
    Scenario.death_in_custody: "Death in custody of {who}, {where}",
}


def _title(draft: CaseDraft) -> str:
    title = _TITLES[draft.features.scenario]
    return title.format(who=names_text(draft), where=draft.district.label)[:300]


def _priority(rng: random.Random, victim: Victim, incident: date, today: date) -> Priority:
    recent = (today - incident).days < 90
    if recent and victim.acts[0]["victim_status"] is VictimStatus.still_missing:
        return Priority.urgent
    return weighted(rng, [(Priority.high, 2), (Priority.normal, 6), (Priority.low, 1)])


def _tags(rng: random.Random, draft: CaseDraft) -> list[str]:
    tags = []
    if any(v.occupation == "student" for v in draft.victims):
        tags.append("students")
    if draft.features.scenario is Scenario.kill_and_dump:
        tags.append("kill and dump")
    if len(draft.victims) > 1:
        tags.append("several victims")
    if rng.random() < 0.2:
        tags.append(f"{draft.district.label.split(' ')[0]} {draft.incident.year}")
    return tags


def _latest_moment(today: date) -> datetime:
    """The latest a generated record may be stamped: the end of `today`'s working day, and
    never later than now (a record changed "in the future" would look like a clock error)."""
    return min(datetime.combine(today, time(18), tzinfo=UTC), utcnow())
