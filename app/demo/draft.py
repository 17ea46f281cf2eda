"""The shared pieces of demo generation: scenarios, the features a case must show, the case
being drafted, and the workshop (random source, row factory, clock) every step draws on."""

from __future__ import annotations

import enum
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from sqlmodel import SQLModel

from app.demo.names import DrawnName
from app.demo.places import District, Setting
from app.demo.rows import RowBatch, RowFactory
from models.enums import DatePrecision
from models.partial_date import PartialDate

T = TypeVar("T")


class Scenario(enum.StrEnum):
    """The course of events a generated case follows."""

    still_missing = "still_missing"
    released_after_torture = "released_after_torture"
    kill_and_dump = "kill_and_dump"
    encounter_killing = "encounter_killing"
    acknowledged_arrest = "acknowledged_arrest"
    death_squad_abduction = "death_squad_abduction"
    arbitrary_detention = "arbitrary_detention"
    death_in_custody = "death_in_custody"
    group_disappearance = "group_disappearance"


SCENARIO_WEIGHTS: list[tuple[Scenario, int]] = [
    (Scenario.still_missing, 34),
    (Scenario.released_after_torture, 20),
    (Scenario.kill_and_dump, 10),
    (Scenario.encounter_killing, 6),
    (Scenario.acknowledged_arrest, 8),
    (Scenario.death_squad_abduction, 5),
    (Scenario.arbitrary_detention, 6),
    (Scenario.death_in_custody, 2),
    (Scenario.group_disappearance, 9),
]


@dataclass(frozen=True)
class Features:
    """What a case must show: fixed for the first cases of a run, drawn for the rest."""

    scenario: Scenario
    precision: DatePrecision
    estimated: bool = False
    urdu_names: bool = False
    withdrawn_consent: bool = False
    contradicting_source: bool = False
    status_override: bool = False
    protected_witness: bool = False
    denial: bool = False
    media_report: bool = False
    own_investigation: bool = False
    deadlines: tuple[int, ...] = ()  # days from today of open interventions' next actions


# The first cases of every run, so that even a handful of cases holds every edge.
COVERAGE: list[Features] = [
    Features(
        Scenario.still_missing,
        DatePrecision.day,
        urdu_names=True,
        protected_witness=True,
        denial=True,
        media_report=True,
        deadlines=(12, -9),
    ),
    Features(Scenario.kill_and_dump, DatePrecision.month, media_report=True),
    Features(Scenario.group_disappearance, DatePrecision.year, estimated=True),
    Features(Scenario.released_after_torture, DatePrecision.day, withdrawn_consent=True),
    Features(Scenario.encounter_killing, DatePrecision.day, estimated=True),
    Features(Scenario.acknowledged_arrest, DatePrecision.day, deadlines=(3,)),
    Features(Scenario.death_squad_abduction, DatePrecision.unknown),
    Features(Scenario.arbitrary_detention, DatePrecision.month, estimated=True),
    Features(Scenario.death_in_custody, DatePrecision.day, contradicting_source=True),
    Features(Scenario.still_missing, DatePrecision.day, status_override=True, deadlines=(-30,)),
    Features(Scenario.released_after_torture, DatePrecision.day, own_investigation=True),
]


def weighted(rng: random.Random, pairs: list[tuple[T, int]]) -> T:
    """One value from (value, weight) pairs (a plain loop: `random.choices` is 3× slower)."""
    point = rng.random() * sum(weight for _, weight in pairs)
    for value, weight in pairs:
        point -= weight
        if point < 0:
            return value
    return pairs[-1][0]


@dataclass
class Victim:
    """A victim being drafted: their person row, name and the acts done to them."""

    person: dict[str, Any]
    name: DrawnName
    female: bool
    age: int
    occupation: str
    acts: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class CaseDraft:
    """One case being generated: its rows so far and what its narrative needs to know."""

    features: Features
    case_id: int
    district: District
    town: str
    incident: date
    created_at: datetime
    force_key: str
    setting: Setting
    victims: list[Victim] = field(default_factory=list)
    relative: dict[str, Any] | None = None
    relation: str = ""
    witness: dict[str, Any] | None = None
    perpetrator: dict[str, Any] | None = None
    involvements: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    citations: list[dict[str, Any]] = field(default_factory=list)
    responses: list[dict[str, Any]] = field(default_factory=list)
    story: list[str] = field(default_factory=list)

    @property
    def first_act(self) -> dict[str, Any]:
        """The first victim's first act: what citations and responses speak to by default."""
        return self.victims[0].acts[0]

    @property
    def all_acts(self) -> list[dict[str, Any]]:
        return [act for victim in self.victims for act in victim.acts]


class Workshop:
    """What every generation step draws on: the random source, the rows, the calendar."""

    def __init__(self, *, rng: random.Random, rows: RowFactory, today: date) -> None:
        self.rng = rng
        self.rows = rows
        self.today = today
        self.batch = RowBatch()
        # Hash -> bytes of evidence files to store, when the run makes real files.
        self.evidence_files: dict[str, bytes] | None = None

    def add(self, model: type[SQLModel], draft: CaseDraft, **values: Any) -> dict[str, Any]:
        """A new row of `model`, stamped with the case's creation time, queued for insert."""
        stamp = {"created_at": draft.created_at, "updated_at": draft.created_at}
        row = self.rows.new(model, **(stamp | values))
        self.batch.add(model, row)
        return row

    def date(self, day: date, precision: DatePrecision, estimated: bool = False) -> PartialDate:
        """`day` known only to `precision`."""
        if precision is DatePrecision.day:
            return PartialDate.exact(day, estimated=estimated)
        if precision is DatePrecision.month:
            return PartialDate.from_parts(day.year, day.month, estimated=estimated)
        if precision is DatePrecision.year:
            return PartialDate.from_parts(day.year, estimated=estimated)
        return PartialDate.unknown()

    def later(self, start: date, low: int, high: int) -> date:
        """A day `low`–`high` days after `start`, never after today."""
        return min(start + timedelta(days=self.rng.randint(low, high)), self.today)
