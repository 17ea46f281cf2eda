"""The plain values report templates receive: already redacted, already formatted.

Every field is text, a number or a list of these dataclasses: no ORM rows, no enums, nothing
a template could follow back into the database. `None` (or an empty list) means "not shown in
this edition or not recorded"; templates leave such fields out rather than print them blank.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Note:
    """One numbered citation: a footnote where it is cited and an entry in the sources list."""

    number: int
    source_type: str
    title: str | None  # None when the source's identity is withheld
    author: str | None
    published: str | None
    url: str | None
    grade: str  # Admiralty code: source reliability + information credibility, e.g. "B2"
    grade_meaning: str
    locator: str | None
    excerpt: str | None
    supports: str
    contradicts: bool
    internal_note: str | None = None

    @property
    def short(self) -> str:
        """The footnote text: type, grade, what it supports, locator."""
        parts = [self.source_type, f"graded {self.grade}"]
        parts.insert(1, f"“{self.title}”" if self.title else "identity withheld")
        if self.locator:
            parts.append(self.locator)
        text = ", ".join(parts)
        return f"{text} (contradicts the allegation)" if self.contradicts else text


@dataclass(frozen=True)
class PersonView:
    """A person as this edition may show them."""

    label: str  # the name, or a stand-in such as the case code or "Witness 1"
    named: bool
    role: str
    relation: str | None = None
    other_names: list[str] = field(default_factory=list)
    father_name: str | None = None
    sex: str | None = None
    birth: str | None = None
    age_at_incident: int | None = None
    occupation: str | None = None
    affiliation: str | None = None
    ethnicity: str | None = None
    home_district: str | None = None
    national_id: str | None = None
    contact: str | None = None
    home_address: str | None = None
    protected: bool = False
    notes: str | None = None


@dataclass(frozen=True)
class PerpetratorView:
    """An alleged perpetrator of one act and the basis for naming them."""

    perpetrator_type: str
    force: str | None
    unit: str | None
    degree: str
    basis: str | None
    person: str | None
    notes: list[Note] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """"Paramilitary force (e.g. Frontier Corps): Frontier Corps (FC), 77 Wing"."""
        who = ", ".join(part for part in (self.force, self.unit, self.person) if part)
        return f"{self.perpetrator_type}: {who}" if who else self.perpetrator_type


@dataclass(frozen=True)
class ResponseView:
    """One answer of the authorities, word for word where recorded."""

    date: str
    authority: str
    channel: str | None
    response_type: str
    alternative_explanation: str | None
    verbatim: str | None
    is_refusal: bool
    notes: list[Note] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """"Denied custody — ISPR, April 2025"."""
        return f"{self.response_type} — {self.authority}, {self.date}"


@dataclass(frozen=True)
class DeathView:
    """What is known of a death (killings only)."""

    cause: str | None
    manner: str | None
    body_found_place: str | None
    body_found_date: str | None
    autopsy: str | None
    death_certificate: str | None


@dataclass(frozen=True)
class AllegationView:
    """One act alleged against one victim, its perpetrators, sources and the state's answers."""

    anchor: str
    number: int
    act_type: str
    victim: str
    date: str
    end_date: str | None
    place: str | None
    location_type: str | None
    coordinates: str | None
    whereabouts: str
    victim_status: str
    description: str | None
    follows: str | None
    perpetrators: list[PerpetratorView]
    death: DeathView | None
    notes: list[Note]
    responses: list[ResponseView]

    @property
    def heading(self) -> str:
        """"Enforced disappearance of BAL-2026-0042, 12 March 2025"."""
        return f"{self.act_type} of {self.victim}, {self.date}"

    @property
    def brief(self) -> str:
        """One line for element tables and summaries."""
        where = f", {self.place}" if self.place else ""
        return f"{self.act_type}, {self.date}{where}"


@dataclass(frozen=True)
class ElementView:
    """One ICPPED art. 2 element: the records that evidence it and their notes, or the gap."""

    label: str
    satisfied: bool
    evidence: list[str]
    note_numbers: list[int]
    missing: str | None


@dataclass(frozen=True)
class ChronologyEntry:
    """A dated line of the chronology."""

    date: str
    text: str


@dataclass(frozen=True)
class InterventionView:
    """A step taken for the victim and what came of it."""

    intervention_type: str
    filed: str
    filed_by: str | None
    addressed_to: str | None
    reference: str | None
    status: str
    next_action: str | None
    outcome: str | None
    response: str | None


@dataclass(frozen=True)
class EvidenceView:
    """One evidence file as the annex lists it."""

    exhibit: str
    filename: str | None
    media_type: str
    size: str
    sha256: str
    captured_at: str
    captured_by: str | None
    custodian: str
    description: str | None


@dataclass(frozen=True)
class ConsentView:
    """The consent on record for one victim, in words."""

    victim: str
    statement: str
    scopes: list[str]
    withdrawn: str | None
    note: str | None = None


@dataclass(frozen=True)
class CaseView:
    """Everything one case contributes to a report, redacted for one audience."""

    case_id: int
    anchor: str
    reference: str
    title: str
    narrative: str | None
    district: str | None
    place: str | None
    violation_status: str
    status_note: str | None
    workflow_state: str
    confidentiality: str | None
    priority: str | None
    tags: list[str]
    internal_notes: str | None
    victims: list[PersonView]
    others: list[PersonView]
    allegations: list[AllegationView]
    general_notes: list[Note]
    general_responses: list[ResponseView]
    notes: list[Note]
    elements: list[ElementView]
    chronology: list[ChronologyEntry]
    interventions: list[InterventionView]
    evidence: list[EvidenceView]
    consents: list[ConsentView]
    withheld: list[str]
    # For the advocacy counts: plain keys, never names.
    victim_keys: list[int] = field(default_factory=list)
    first_date: str | None = None

    @property
    def victim_labels(self) -> str:
        """The victims as this edition shows them, comma-separated."""
        return ", ".join(victim.label for victim in self.victims) or "No victim recorded"


@dataclass(frozen=True)
class DossierMeta:
    """What every printed page says about the document itself."""

    dossier_id: str  # "D-000042", printed in the running header
    kind: str
    audience: str
    marking: str
    generated: str
    as_of: str
    organisation: str
    prepared_by: str
    internal: bool

    @property
    def footer(self) -> str:
        """The running footer: when, and from which records."""
        return f"Generated {self.generated} · records as of {self.as_of}"
