"""What the index knows about a case: its text in four columns and its facet values.

`CaseRecords.load` reads a batch of cases and everything the index draws on, one query per
table; `case_entry` turns one case's records into its `search_case` row and `IndexDocument`.
Rows are read as plain tuples of the columns needed (a rebuild reads millions of them), with
dates converted; enum columns hold their values, which the domain rules accept as they are.

Left out of the index on purpose: internal notes, contact details, home addresses and national
ID numbers (the index is for finding cases; those fields must not be findable by everyone who
can search).
"""

from __future__ import annotations

from collections import defaultdict, namedtuple
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy.engine import Connection

from app.search import facets
from app.search.engines import IndexDocument
from app.search.normalise import name_keys, tokens
from models.consent import Consent
from models.enums import (
    DEPRIVATION_OF_LIBERTY,
    ActType,
    AlternativeExplanation,
    Category,
    DatePrecision,
    InterventionStatus,
    InterventionType,
    LocationType,
    PerpetratorType,
    PersonRole,
    ResponseType,
    VictimStatus,
)
from models.wgeid import wgeid_readiness

Record = Any  # a namedtuple of one table's columns


def _table(name: str, columns: str, dates: str = "") -> tuple[str, type, tuple[int, ...]]:
    """A table's needed columns, the tuple type its rows become, and where its dates are."""
    names = [column.strip() for column in columns.split(",")]
    record = namedtuple(name, names)  # type: ignore[misc]  # noqa: PYI024
    return name, record, tuple(names.index(d.strip()) for d in dates.split(",") if d.strip())


_CASE = _table(
    "case_file",
    "id, reference, title, narrative, district, place, violation_status, workflow_state, "
    "confidentiality, tags",
)
_ACT = _table(
    "act",
    "id, case_id, victim_id, act_type, start_earliest, start_latest, start_precision, "
    "start_estimated, end_earliest, end_latest, place_name, district, province, location_type, "
    "victim_status, description, cause_of_death, body_found_place, deleted_at",
    "start_earliest, start_latest, end_earliest, end_latest",
)
_INVOLVEMENT = _table(
    "involvement",
    "id, case_id, act_id, perpetrator_type, force, unit_name, basis_for_attribution, "
    "perpetrator_person_id, deleted_at",
)
_RESPONSE = _table(
    "official_response",
    "id, case_id, authority, response_type, alternative_explanation, verbatim_text",
)
_INTERVENTION = _table(
    "intervention",
    "id, case_id, intervention_type, status, filed_by, addressed_to, reference_number, "
    "filed_earliest, filed_latest, filed_precision, filed_estimated, outcome, next_action, "
    "deleted_at",
    "filed_earliest, filed_latest",
)
_CONSENT = _table(
    "consent",
    "id, case_id, person_id, given_by, relation, given_on, un_transmission, withdrawn_at, "
    "deleted_at",
    "given_on",
)
_PERSON = _table(
    "person",
    "id, full_name, other_names, father_name, birth_earliest, birth_latest, birth_precision, "
    "birth_estimated, national_id, occupation, affiliation, ethnicity, home_district",
    "birth_earliest, birth_latest",
)


class _Consent(_CONSENT[1]):  # type: ignore[misc,valid-type]
    """A consent row with the model's own rule for what it covers."""

    __slots__ = ()
    covers = Consent.covers
    is_withdrawn = Consent.is_withdrawn


def fetch(connection: Connection, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Rows of `sql` (with ? placeholders) as plain tuples, through the driver in the
    connection's transaction: a rebuild reads millions of rows."""
    if connection.dialect.name == "postgresql":
        sql = sql.replace("?", "%s")
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql, tuple(params))
        return cursor.fetchall()
    finally:
        cursor.close()


@dataclass(frozen=True)
class _Scope:
    """The case ids a batch reads: a dense run by range (a rebuild), else by list (a sync)."""

    condition: str
    params: tuple[int, ...]

    @classmethod
    def of(cls, ids: list[int]) -> _Scope:
        if ids[-1] - ids[0] < 2 * len(ids):
            return cls("{column} BETWEEN ? AND ?", (ids[0], ids[-1]))
        return cls("{column} IN (" + ", ".join("?" * len(ids)) + ")", tuple(ids))

    def where(self, column: str) -> str:
        return self.condition.format(column=column)


def _rows(
    connection: Connection,
    spec: tuple[str, type, tuple[int, ...]],
    where: str,
    params: Sequence[Any],
) -> list[Record]:
    """Rows as tuples; dates stay as the driver gives them (ISO text on SQLite, which orders
    like dates) until `dated` converts the few rows a rule reads them from."""
    table, record, _dates = spec
    if table == "consent":
        record = _Consent
    sql = f"SELECT {', '.join(record._fields)} FROM {table} WHERE {where}"  # noqa: S608 (constant names)
    return [record._make(row) for row in fetch(connection, sql, params)]


def as_date(value: Any) -> date | None:
    """A date column's value as a date."""
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, datetime):
        return value.date()
    return date.fromisoformat(str(value)[:10])


def dated(rows: list[Record], spec: tuple[str, type, tuple[int, ...]]) -> list[Record]:
    """The rows with their date columns as dates (for the domain rules)."""
    names = [spec[1]._fields[position] for position in spec[2]]
    return [row._replace(**{name: as_date(getattr(row, name)) for name in names}) for row in rows]


@dataclass
class CaseRecords:
    """A batch of cases with the rows of every table the index reads, grouped by case."""

    cases: list[Record]
    people: dict[int, list[tuple[Record, PersonRole | None]]] = field(default_factory=dict)
    acts: dict[int, list[Record]] = field(default_factory=dict)
    involvements: dict[int, list[Record]] = field(default_factory=dict)
    citations: dict[int, list[Record]] = field(default_factory=dict)
    responses: dict[int, list[Record]] = field(default_factory=dict)
    interventions: dict[int, list[Record]] = field(default_factory=dict)
    consents: dict[int, list[Record]] = field(default_factory=dict)
    with_evidence: set[int] = field(default_factory=set)

    @classmethod
    def load(cls, connection: Connection, case_ids: Sequence[int]) -> CaseRecords:
        """Every live case among `case_ids` with its live records."""
        wanted = sorted(set(case_ids))
        if not wanted:
            return cls([])
        scope = _Scope.of(wanted)
        live = " AND deleted_at IS NULL"
        asked = set(wanted)
        cases = [
            case
            for case in _rows(connection, _CASE, scope.where("id") + live, scope.params)
            if case.id in asked
        ]
        records = cls(cases)
        if not cases:
            return records
        keep = {case.id for case in cases}
        where = scope.where("case_id") + live

        def by_case(spec: tuple[str, type, tuple[int, ...]]) -> dict[int, list[Record]]:
            rows = _rows(connection, spec, where, scope.params)
            return _group(row for row in rows if row.case_id in keep)

        records.acts = by_case(_ACT)
        records.involvements = by_case(_INVOLVEMENT)
        records.responses = by_case(_RESPONSE)
        records.interventions = by_case(_INTERVENTION)
        records.consents = by_case(_CONSENT)
        records.citations = _citations(connection, scope, keep)
        records.people = _people(connection, scope, records)
        sql = f"SELECT DISTINCT case_id FROM evidence WHERE {where}"  # noqa: S608 (constant)
        evidence = fetch(connection, sql, scope.params)
        records.with_evidence = {case_id for (case_id,) in evidence} & keep
        return records


def _group(rows: Iterable[Record]) -> dict[int, list[Record]]:
    grouped: dict[int, list[Record]] = defaultdict(list)
    for row in rows:
        grouped[row.case_id].append(row)
    return grouped


_Citation = namedtuple("_Citation", "case_id, excerpt, title, author")


def _citations(connection: Connection, scope: _Scope, keep: set[int]) -> dict[int, list[Record]]:
    rows = fetch(
        connection,
        "SELECT c.case_id, c.excerpt, s.title, s.author FROM citation c "  # noqa: S608 (constant)
        f"JOIN source s ON s.id = c.source_id WHERE {scope.where('c.case_id')} "
        "AND c.deleted_at IS NULL AND s.deleted_at IS NULL ORDER BY c.id",
        scope.params,
    )
    return _group(_Citation._make(row) for row in rows if row[0] in keep)


def _people(
    connection: Connection, scope: _Scope, records: CaseRecords
) -> dict[int, list[tuple[Record, PersonRole | None]]]:
    """The people of each case: those linked to it, and victims and named perpetrators of its
    acts even where a link is missing."""
    links = fetch(
        connection,
        "SELECT case_id, person_id, role FROM case_person "  # noqa: S608 (constant)
        f"WHERE {scope.where('case_id')} AND deleted_at IS NULL ORDER BY id",
        scope.params,
    )
    keep = {case.id for case in records.cases}
    wanted: dict[int, dict[int, PersonRole | None]] = defaultdict(dict)
    for case_id, person_id, role in links:
        if case_id in keep:
            wanted[case_id].setdefault(person_id, _ROLES[role])
    for case_id, acts in records.acts.items():
        for act in acts:
            wanted[case_id].setdefault(act.victim_id, PersonRole.victim)
    for case_id, involvements in records.involvements.items():
        for involvement in involvements:
            if involvement.perpetrator_person_id is not None:
                wanted[case_id].setdefault(involvement.perpetrator_person_id, None)
    person_ids = sorted({person_id for roles in wanted.values() for person_id in roles})
    persons = {}
    for start in range(0, len(person_ids), 5000):
        batch = _Scope.of(person_ids[start : start + 5000])
        for person in _rows(
            connection, _PERSON, batch.where("id") + " AND deleted_at IS NULL", batch.params
        ):
            persons[person.id] = person
    return {
        case_id: [(persons[pid], role) for pid, role in roles.items() if pid in persons]
        for case_id, roles in wanted.items()
    }


_ROLES = {role.value: role for role in PersonRole}


@dataclass(frozen=True)
class CaseEntry:
    """One case as the index stores it: its `search_case` row (columns in table order) and
    its document."""

    row: tuple[Any, ...]
    document: IndexDocument


def case_entry(
    records: CaseRecords,
    case: Record,
    *,
    district_code: Callable[[str | None], int],
    submitter: str,
    today: date,
) -> CaseEntry:
    """The `search_case` row and index document of one case of `records`."""
    people = records.people.get(case.id, [])
    acts = records.acts.get(case.id, [])
    involvements = records.involvements.get(case.id, [])
    interventions = records.interventions.get(case.id, [])
    responses = records.responses.get(case.id, [])
    consents = records.consents.get(case.id, [])
    victims = [person for person, role in people if role is PersonRole.victim]
    ready = any(
        _may_be_ready(victim, acts, interventions, consents)
        and wgeid_readiness(
            dated([victim], _PERSON)[0],
            dated(acts, _ACT),
            involvements,
            dated(interventions, _INTERVENTION),
            dated(consents, _CONSENT),
            submitter=submitter,
            as_of=today,
        ).ready
        for victim in victims
    )
    district = case.district or next((act.district for act in acts if act.district), None)
    values = {
        "act_type": [act.act_type for act in acts],
        "status": [case.violation_status],
        "perpetrator": [inv.perpetrator_type for inv in involvements],
        "response": [response.response_type for response in responses],
        "intervention": [intervention.status for intervention in interventions],
        "workflow": [case.workflow_state],
        "evidence": ["yes" if case.id in records.with_evidence else "no"],
        "wgeid": ["yes" if ready else "no"],
    }
    earliest, latest = _span(acts)
    name_texts = [text for person, _role in people for text in person_names(person)]
    row = (
        case.id,
        case.confidentiality,
        facets.pack(values, district_code(district)),
        district,
        earliest,
        latest,
        "; ".join(dict.fromkeys(victim.full_name for victim in victims)),
    )
    keys = [key for text in name_texts for key in name_keys(text)]
    document = IndexDocument(
        case_id=case.id,
        head=_folded([case.reference, case.title, case.tags]),
        names=_folded(name_texts),
        keys=" ".join(dict.fromkeys(keys)),
        body=_folded(body_texts(records, case, people)),
    )
    return CaseEntry(row, document)


def _may_be_ready(
    victim: Record, acts: list[Record], interventions: list[Record], consents: list[Record]
) -> bool:
    """Cheap necessary conditions of WGEID readiness (consent to UN transmission, a
    disappearance known to the day, a step the family took), so the full rule runs only for
    the cases that may pass it."""
    return (
        any(
            c.person_id == victim.id and c.un_transmission and c.withdrawn_at is None
            for c in consents
        )
        and any(
            act.victim_id == victim.id
            and act.act_type in DEPRIVATION_OF_LIBERTY
            and act.start_precision == DatePrecision.day
            for act in acts
        )
        and any(step.status != InterventionStatus.planned for step in interventions)
    )


def person_names(person: Record) -> list[str]:
    """A person's full name, other spellings and father's name."""
    other = [line for line in (person.other_names or "").splitlines() if line.strip()]
    return [person.full_name, *other, *([person.father_name] if person.father_name else [])]


def _span(acts: list[Record]) -> tuple[date | None, date | None]:
    """From the earliest possible start to the latest possible end of the case's acts."""
    starts = [act.start_earliest for act in acts if act.start_earliest]
    ends = [
        act.end_latest or act.start_latest or act.start_earliest
        for act in acts
        if act.end_latest or act.start_latest or act.start_earliest
    ]
    return (as_date(min(starts)) if starts else None, as_date(max(ends)) if ends else None)


def _labels(*enums: type[Category]) -> dict[str, str]:
    return {member.value: member.label for enum in enums for member in enum}


_ACT_LABELS = _labels(ActType, LocationType, VictimStatus)
_RESPONSE_LABELS = _labels(ResponseType, AlternativeExplanation)
_PERPETRATOR_LABELS = _labels(PerpetratorType)
_INTERVENTION_LABELS = _labels(InterventionType)


def body_texts(records: CaseRecords, case: Record, people: list[tuple[Record, Any]]) -> list[str]:
    """Everything but the head and the names, as written (enum values as their labels, so
    "habeas corpus" finds a habeas corpus petition)."""
    texts: list[Any] = [case.narrative, case.place, case.district]
    for person, _role in people:
        texts += [person.occupation, person.affiliation, person.ethnicity, person.home_district]
    for act in records.acts.get(case.id, []):
        texts += [
            _ACT_LABELS.get(act.act_type),
            act.place_name,
            act.district,
            act.province,
            _ACT_LABELS.get(act.location_type or ""),
            _ACT_LABELS.get(act.victim_status),
            act.description,
            act.cause_of_death,
            act.body_found_place,
        ]
    for inv in records.involvements.get(case.id, []):
        texts += [
            _PERPETRATOR_LABELS.get(inv.perpetrator_type),
            inv.force,
            inv.unit_name,
            inv.basis_for_attribution,
        ]
    for citation in records.citations.get(case.id, []):
        texts += [citation.title, citation.author, citation.excerpt]
    for response in records.responses.get(case.id, []):
        texts += [
            response.authority,
            _RESPONSE_LABELS.get(response.response_type),
            _RESPONSE_LABELS.get(response.alternative_explanation or ""),
            response.verbatim_text,
        ]
    for step in records.interventions.get(case.id, []):
        texts += [
            _INTERVENTION_LABELS.get(step.intervention_type),
            step.filed_by,
            step.addressed_to,
            step.reference_number,
            step.outcome,
            step.next_action,
        ]
    return [text for text in texts if text]


def _folded(texts: Iterable[str | None]) -> str:
    return " ".join(tokens("\n".join(text for text in texts if text)))
