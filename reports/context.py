"""Turn one case's rows into a `CaseView` for one audience: redaction happens here, once.

`build_case_view(records, audience, as_of=...)` decides, through the audience's
`RedactionPolicy`, who is named, what is left out and what free text must be scrubbed; the view
it returns holds only what that audience may read. Citations are numbered here in the order
the case dossier prints them (allegation by allegation), so footnote numbers and the sources
list agree by construction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

from models.act import Act, Involvement
from models.consent import Consent
from models.elements import disappearance_elements
from models.enums import (
    REFUSALS,
    ActType,
    AlternativeExplanation,
    Autopsy,
    Confidentiality,
    ConsentScope,
    Credibility,
    DeathCertificate,
    DossierAudience,
    InterventionStatus,
    InterventionType,
    InvolvementDegree,
    LocationType,
    MannerOfDeath,
    PerpetratorType,
    PersonRole,
    Priority,
    Reliability,
    ResponseChannel,
    ResponseType,
    Sex,
    SourceType,
    SupportedFact,
    VictimStatus,
    ViolationStatus,
    Whereabouts,
    WorkflowState,
    label_of,
)
from models.partial_date import PartialDate, partial_date
from models.person import Person
from models.response import OfficialResponse
from models.source import Citation, Source
from reports.records import CaseRecords
from reports.redaction import (
    WITHHELD,
    RedactionPolicy,
    Scrubber,
    contact_details,
    is_named,
    is_personal_source,
    names_of,
    redact_for,
)
from reports.views import (
    AllegationView,
    CaseView,
    ChronologyEntry,
    ConsentView,
    DeathView,
    ElementView,
    EvidenceView,
    InterventionView,
    Note,
    PerpetratorView,
    PersonView,
    ResponseView,
)

HOME_LOCATIONS = frozenset({LocationType.victims_home, LocationType.relatives_home})
_ROLE_STAND_INS = {
    PersonRole.witness: "Witness",
    PersonRole.relative: "Relative",
    PersonRole.source: "Source",
    PersonRole.perpetrator: "Named individual",
}


class ReportRefused(Exception):
    """A report that must not be produced; the message says why and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class CaseNotAdmitted(ReportRefused):
    """The case may not appear in this audience's reports (its confidentiality forbids it)."""


def format_timestamp(moment: datetime | None) -> str:
    """"26 November 2026, 11:40 UTC" (blank-free: "time not recorded" when unknown)."""
    if moment is None:
        return "time not recorded"
    return f"{moment.day} {moment:%B %Y, %H:%M} UTC"


def format_day(day: date | None) -> str:
    """"26 November 2026"."""
    return str(PartialDate.exact(day)) if day else "date not recorded"


def format_size(size_bytes: int) -> str:
    """A file size people read: "2.4 MB"."""
    size = float(size_bytes)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{int(size)} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size_bytes} bytes"


def _text(value: object) -> str | None:
    text = label_of(value).strip() if value is not None else ""
    return text or None


def _grade(source: Source, citation: Citation) -> tuple[str, str]:
    reliability = Reliability(source.reliability) if source.reliability else None
    credibility = Credibility(citation.credibility) if citation.credibility else None
    code = f"{reliability.value if reliability else '–'}{int(credibility) if credibility else '–'}"
    meaning = "; ".join(
        part
        for part in (
            reliability.label if reliability else "source reliability not graded",
            credibility.label if credibility else "credibility not graded",
        )
    )
    return code, meaning


class CaseBuilder:
    """Builds one `CaseView`; holds the per-case scrubber and the citation numbering."""

    def __init__(self, records: CaseRecords, policy: RedactionPolicy, as_of: date) -> None:
        self.records = records
        self.policy = policy
        self.as_of = as_of
        self.case = records.case
        self.withheld: list[str] = []
        self.scrub = Scrubber()
        self._notes: dict[int, Note] = {}
        # A response's own `citation_id` records it, even if the citation does not point back.
        self._recorded_by = {
            r.citation_id: r.id for r in records.responses if r.citation_id is not None
        }
        self._victim_order = [victim.id for victim in records.victims()]
        self._labels: dict[tuple[int | None, PersonRole], str] = {}
        self._named: dict[tuple[int | None, PersonRole], bool] = {}
        self._plan_people()

    # --- people -------------------------------------------------------------------------

    def _roles(self) -> list[tuple[Person, PersonRole, str | None]]:
        seen: set[tuple[int | None, PersonRole]] = set()
        found: list[tuple[Person, PersonRole, str | None]] = []
        for link in self.records.case_people:
            person = self.records.people[link.person_id]
            key = (person.id, PersonRole(link.role))
            if key not in seen:
                seen.add(key)
                found.append((person, PersonRole(link.role), link.relation_to_victim))
        for victim in self.records.victims():
            if (victim.id, PersonRole.victim) not in seen:
                seen.add((victim.id, PersonRole.victim))
                found.append((victim, PersonRole.victim, None))
        return found

    def _plan_people(self) -> None:
        """Decide, before any text is built, who is named and what every stand-in is."""
        counters: dict[PersonRole, int] = {}
        roles = self._roles()
        victims = [person for person, role, _ in roles if role is PersonRole.victim]
        named_anywhere: set[int | None] = set()
        for person, role, _relation in roles:
            named = is_named(self.policy, person, role, self.records.consents, as_of=self.as_of)
            self._named[(person.id, role)] = named
            if named:
                label = person.full_name
                named_anywhere.add(person.id)
            elif role is PersonRole.victim:
                label = self.case.reference
                if len(victims) > 1:
                    label += f" (victim {victims.index(person) + 1})"
            else:
                counters[role] = counters.get(role, 0) + 1
                label = f"{_ROLE_STAND_INS.get(role, role.label)} {counters[role]}"
            self._labels[(person.id, role)] = label
        if self.policy.is_internal:
            return
        self.scrub.keep = {
            word.casefold()
            for person, role, _ in roles
            if self._named[(person.id, role)]
            for name in names_of(person)
            for word in re.findall(r"\w+", name)
        }
        self.scrub.named = {
            name.casefold()
            for person, role, _ in roles
            if self._named[(person.id, role)]
            for name in names_of(person)
        }
        # Withhold names of everyone not named in any role, and everyone's contact details;
        # extra people (consent givers, source persons) are covered below.
        people = {person.id: person for person, _, _ in roles}
        for source in self.records.sources.values():
            if source.person_id in self.records.people:
                people.setdefault(source.person_id, self.records.people[source.person_id])
        for consent in self.records.consents:
            if consent.person_id in self.records.people:
                people.setdefault(consent.person_id, self.records.people[consent.person_id])
        for person_id, person in people.items():
            for detail in contact_details(person):
                self.scrub.add(detail, parts=False)
            if person_id not in named_anywhere:
                stand_in = self._labels.get((person_id, PersonRole.victim), WITHHELD)
                for name in names_of(person):
                    self.scrub.add(name, stand_in)
        for consent in self.records.consents:
            self.scrub.add(consent.given_by)
        for source in self.records.sources.values():
            if is_personal_source(source) and not self.policy.show_source_identities:
                self.scrub.add(source.author)
        for intervention in self.records.interventions:
            self.scrub.add(intervention.filed_by, parts=False)
        for item in self.records.evidence:
            self.scrub.add(item.captured_by, parts=False)
            if not self.policy.show_evidence_filenames:
                self.scrub.add(item.original_filename, parts=False)

    def label(self, person_id: int | None, role: PersonRole = PersonRole.victim) -> str:
        """How this edition names the person in that role (merged records resolved)."""
        person = self.records.people.get(person_id) if person_id is not None else None
        key = (person.id if person is not None else person_id, role)
        if key in self._labels:
            return self._labels[key]
        if person is not None and self.policy.is_internal:
            return person.full_name
        return WITHHELD

    def person_view(self, person: Person, role: PersonRole, relation: str | None) -> PersonView:
        """A person's profile with what this edition may show."""
        named = self._named.get((person.id, role), False)
        details = self.policy.show_contact_details
        birth = partial_date(person, "birth")
        return PersonView(
            label=self.label(person.id, role),
            named=named,
            role=role.label,
            relation=self.scrub.clean_optional(relation),
            other_names=person.other_name_list if named else [],
            father_name=person.father_name if named else None,
            sex=label_of(person.sex) if person.sex and person.sex != Sex.unknown else None,
            birth=str(birth) if named and birth.is_known else None,
            age_at_incident=person.age_at_incident,
            occupation=self.scrub.clean_optional(person.occupation),
            affiliation=self.scrub.clean_optional(person.affiliation),
            ethnicity=self.scrub.clean_optional(person.ethnicity),
            home_district=person.home_district,
            national_id=person.national_id if details else None,
            contact=person.contact if details else None,
            home_address=person.home_address if details else None,
            protected=person.protected and self.policy.is_internal,
            notes=self._internal_note(
                next(
                    (
                        link.notes
                        for link in self.records.case_people
                        if link.person_id == person.id and link.role == role
                    ),
                    None,
                )
            ),
        )

    def _internal_note(self, text: str | None) -> str | None:
        if not self.policy.show_internal_notes:
            return None
        return (text or "").strip() or None

    # --- citations ----------------------------------------------------------------------

    def note(self, citation: Citation) -> Note:
        """The numbered note of `citation`, numbered on first use."""
        if citation.id in self._notes:
            return self._notes[citation.id]  # type: ignore[index]
        source = self.records.sources[citation.source_id]
        personal = is_personal_source(source) and not self.policy.show_source_identities
        grade, meaning = _grade(source, citation)
        published = partial_date(source, "published")
        source_type = SourceType(source.source_type).label
        if personal:
            title = author = url = None
        else:
            title = self.scrub.clean(source.title)
            author = self.scrub.clean_optional(source.author)
            if self.policy.is_internal and source.person_id in self.records.people:
                given_by = self.records.people[source.person_id].full_name
                author = f"{author}; given by {given_by}" if author else f"given by {given_by}"
            url = source.archive_url or source.url
        note = Note(
            number=len(self._notes) + 1,
            source_type=source_type,
            title=title,
            author=author,
            published=str(published) if published.is_known else None,
            url=url,
            grade=grade,
            grade_meaning=meaning,
            locator=self.scrub.clean_optional(citation.locator),
            excerpt=self.scrub.clean_optional(citation.excerpt),
            supports=label_of(SupportedFact(citation.fact)) if citation.fact else "The case",
            contradicts=citation.contradicts,
            internal_note=self._internal_note(source.notes),
        )
        self._notes[citation.id] = note  # type: ignore[index]
        return note

    def notes_where(self, **match: object) -> list[Note]:
        """Notes of the citations footnoted at the record `match` names (e.g. act_id=3).

        Each citation is footnoted once, at the most specific record it supports: the
        official response it records, else the involvement, else the act, else the case.
        """
        return [self.note(c) for c in self.records.citations if self._placement(c) == match]

    def _placement(self, citation: Citation) -> dict[str, object]:
        recorded = self._recorded_by.get(citation.id)  # type: ignore[arg-type]
        if recorded is not None:
            return {"response_id": recorded}
        for key in ("response_id", "involvement_id", "act_id"):
            value = getattr(citation, key)
            if value is not None:
                return {key: value}
        return {}

    # --- records ------------------------------------------------------------------------

    def place(self, act: Act) -> str | None:
        """Where an act happened; a home is reduced to its district for the public."""
        at_home = act.location_type in HOME_LOCATIONS
        name = act.place_name if (self.policy.show_precise_locations or not at_home) else None
        parts = [self.scrub.clean_optional(name), act.district, act.province]
        text = ", ".join(part for part in parts if part)
        return text or None

    def perpetrator(self, involvement: Involvement) -> PerpetratorView:
        """An involvement with its notes."""
        person = None
        if involvement.perpetrator_person_id is not None and self.policy.show_named_perpetrators:
            person = self.label(involvement.perpetrator_person_id, PersonRole.perpetrator)
        return PerpetratorView(
            perpetrator_type=PerpetratorType(involvement.perpetrator_type).label,
            force=_text(involvement.force),
            unit=self.scrub.clean_optional(involvement.unit_name),
            degree=InvolvementDegree(involvement.degree).label,
            basis=self.scrub.clean_optional(involvement.basis_for_attribution),
            person=person,
            notes=self.notes_where(involvement_id=involvement.id),
        )

    def response(self, response: OfficialResponse) -> ResponseView:
        """An official response with the notes that record it."""
        recorded = self.notes_where(response_id=response.id)
        when = partial_date(response, "responded")
        return ResponseView(
            date=str(when),
            authority=self.scrub.clean(response.authority),
            channel=label_of(ResponseChannel(response.channel)) if response.channel else None,
            response_type=ResponseType(response.response_type).label,
            alternative_explanation=(
                AlternativeExplanation(response.alternative_explanation).label
                if response.alternative_explanation
                else None
            ),
            verbatim=self.scrub.clean_optional(response.verbatim_text),
            is_refusal=ResponseType(response.response_type) in REFUSALS,
            notes=recorded,
        )

    def death(self, act: Act) -> DeathView | None:
        """The death fields of a killing, or None for other acts."""
        body_found = partial_date(act, "body_found")
        values = DeathView(
            cause=self.scrub.clean_optional(act.cause_of_death),
            manner=label_of(MannerOfDeath(act.manner_of_death)) if act.manner_of_death else None,
            body_found_place=self.scrub.clean_optional(act.body_found_place),
            body_found_date=str(body_found) if body_found.is_known else None,
            autopsy=label_of(Autopsy(act.autopsy)) if act.autopsy else None,
            death_certificate=(
                label_of(DeathCertificate(act.death_certificate)) if act.death_certificate else None
            ),
        )
        return values if any(vars(values).values()) else None

    def allegations(self) -> list[AllegationView]:
        """Every act, in chronological order, with perpetrators, notes and responses."""
        acts = sorted(self.records.acts, key=lambda a: (partial_date(a, "start").sort_key(), a.id))
        by_id = {act.id: act for act in acts}
        views = []
        for number, act in enumerate(acts, start=1):
            # Numbering order = printing order: the act's own notes, the answers printed
            # beside it, then its perpetrators' (the row below).
            notes = self.notes_where(act_id=act.id)
            responses = [self.response(r) for r in self._responses_for(act.id)]
            perpetrators = [
                self.perpetrator(i) for i in self.records.involvements if i.act_id == act.id
            ]
            start, end = partial_date(act, "start"), partial_date(act, "end")
            follows = by_id.get(act.follows_act_id) if act.follows_act_id else None
            coordinates = None
            if self.policy.show_coordinates and act.latitude is not None:
                coordinates = f"{act.latitude:.5f}, {act.longitude:.5f}"
            views.append(
                AllegationView(
                    anchor=f"case-{self.case.id}-act-{act.id}",
                    number=number,
                    act_type=ActType(act.act_type).label,
                    victim=self.label(act.victim_id),
                    date=str(start),
                    end_date=str(end) if end.is_known else None,
                    place=self.place(act),
                    location_type=label_of(LocationType(act.location_type))
                    if act.location_type
                    else None,
                    coordinates=coordinates,
                    whereabouts=Whereabouts(act.whereabouts).label,
                    victim_status=VictimStatus(act.victim_status).label,
                    description=self.scrub.clean_optional(act.description),
                    follows=(
                        f"Follows the {ActType(follows.act_type).label.lower()} of "
                        f"{partial_date(follows, 'start')}"
                        if follows
                        else None
                    ),
                    perpetrators=perpetrators,
                    death=self.death(act),
                    notes=notes,
                    responses=responses,
                )
            )
        return views

    def _responses_for(self, act_id: int | None) -> list[OfficialResponse]:
        known_acts = {act.id for act in self.records.acts}
        chosen = [
            r
            for r in self.records.responses
            if r.act_id == act_id or (act_id is None and r.act_id not in known_acts)
        ]
        return sorted(chosen, key=lambda r: (partial_date(r, "responded").sort_key(), r.id))

    def elements(self, allegations: list[AllegationView]) -> list[ElementView]:
        """The three ICPPED art. 2 elements with this edition's descriptions and note numbers."""
        act_views = {view.anchor: view for view in allegations}
        rows = []
        for finding in disappearance_elements(
            self.records.acts, self.records.involvements, self.records.responses
        ):
            evidence: list[str] = []
            numbers: list[int] = []
            for item in finding.evidence:
                text, notes = self._element_item(item.kind, item.record_id, act_views)
                evidence.append(text)
                numbers += [n.number for n in notes if n.number not in numbers]
            rows.append(
                ElementView(
                    label=finding.label,
                    satisfied=finding.satisfied,
                    evidence=evidence,
                    note_numbers=sorted(numbers),
                    missing=None if finding.satisfied else finding.message,
                )
            )
        return rows

    def _element_item(
        self, kind: str, record_id: int | None, acts: dict[str, AllegationView]
    ) -> tuple[str, list[Note]]:
        if kind == "act":
            view = acts[f"case-{self.case.id}-act-{record_id}"]
            return f"{view.brief} ({view.whereabouts.lower()})", view.notes
        if kind == "involvement":
            involvement = next(i for i in self.records.involvements if i.id == record_id)
            perpetrator = self.perpetrator(involvement)
            return f"{perpetrator.summary} — {perpetrator.degree.lower()}", perpetrator.notes
        response = next(r for r in self.records.responses if r.id == record_id)
        view_r = self.response(response)
        return view_r.summary, view_r.notes

    def chronology(self) -> list[ChronologyEntry]:
        """Dated events of the case, earliest first, undated last."""
        entries: list[tuple[tuple[date, date, int], str, str]] = []

        def add(when: PartialDate, text: str) -> None:
            entries.append((when.sort_key(), str(when), text))

        for act in self.records.acts:
            where = self.place(act)
            text = f"{ActType(act.act_type).label} of {self.label(act.victim_id)}"
            add(partial_date(act, "start"), f"{text}, {where}" if where else text)
            end = partial_date(act, "end")
            if end.is_known:
                add(end, f"End of the {ActType(act.act_type).label.lower()}: "
                    f"{VictimStatus(act.victim_status).label.lower()}")
            found = partial_date(act, "body_found")
            if found.is_known:
                place = self.scrub.clean_optional(act.body_found_place)
                add(found, f"Body found{', ' + place if place else ''}")
        for response in self.records.responses:
            add(
                partial_date(response, "responded"),
                f"{self.scrub.clean(response.authority)}: "
                f"{ResponseType(response.response_type).label.lower()}",
            )
        for item in self.records.interventions:
            addressed = self.scrub.clean_optional(item.addressed_to)
            add(
                partial_date(item, "filed"),
                f"{InterventionType(item.intervention_type).label}"
                + (f" to {addressed}" if addressed else "")
                + f" — {InterventionStatus(item.status).label.lower()}",
            )
        entries.sort(key=lambda entry: entry[0])
        unique = dict.fromkeys((when, text) for _key, when, text in entries)
        return [ChronologyEntry(when, text) for when, text in unique]

    def interventions(self) -> list[InterventionView]:
        """What was done for the victim, by filing date."""
        responses = {r.id: r for r in self.records.responses}
        internal = self.policy.is_internal
        rows = []
        for item in sorted(
            self.records.interventions,
            key=lambda i: (partial_date(i, "filed").sort_key(), i.id),
        ):
            answer = responses.get(item.response_id) if item.response_id else None
            next_action = None
            if internal and item.next_action:
                when = f" by {format_day(item.next_action_date)}" if item.next_action_date else ""
                next_action = f"{item.next_action}{when}"
            rows.append(
                InterventionView(
                    intervention_type=InterventionType(item.intervention_type).label,
                    filed=str(partial_date(item, "filed")),
                    filed_by=item.filed_by if internal else None,
                    addressed_to=self.scrub.clean_optional(item.addressed_to),
                    reference=self.scrub.clean_optional(item.reference_number),
                    status=InterventionStatus(item.status).label,
                    next_action=next_action,
                    outcome=self.scrub.clean_optional(item.outcome),
                    response=self.response(answer).summary if answer else None,
                )
            )
        return rows

    def evidence(self, organisation: str) -> list[EvidenceView]:
        """The evidence annex, exhibits numbered E1, E2…"""
        rows = []
        for number, item in enumerate(self.records.evidence, start=1):
            custodian = (
                self.records.user_names.get(item.created_by_id or -1, organisation)
                if self.policy.is_internal
                else organisation
            )
            rows.append(
                EvidenceView(
                    exhibit=f"E{number}",
                    filename=item.original_filename if self.policy.show_evidence_filenames
                    else None,
                    media_type=item.media_type,
                    size=format_size(item.size_bytes),
                    sha256=item.sha256,
                    captured_at=format_timestamp(item.captured_at),
                    captured_by=item.captured_by if self.policy.is_internal else None,
                    custodian=custodian,
                    description=self.scrub.clean_optional(item.description),
                )
            )
        return rows

    def consents(self, victims: Iterable[Person]) -> list[ConsentView]:
        """Each victim's consent on record, and what it allows this edition to do."""
        rows = []
        for victim in victims:
            own = [c for c in self.records.consents if c.person_id == victim.id]
            label = self.label(victim.id)
            if not own:
                rows.append(ConsentView(label, "No consent is recorded.", [], None, None))
                continue
            for consent in own:
                rows.append(self._consent_view(label, consent))
        return rows

    def _consent_view(self, label: str, consent: Consent) -> ConsentView:
        giver = consent.given_by if self.policy.is_internal else "A family member"
        if consent.relation:
            giver = f"{giver} ({self.scrub.clean(consent.relation)})"
        if not self.policy.is_internal and (consent.relation or "").strip().lower() in {
            "self",
            "victim",
            "the victim",
        }:
            giver = "The victim"
        when = f" on {format_day(consent.given_on)}" if consent.given_on else ""
        method = label_of(consent.method).lower()
        scopes = [scope.label for scope in ConsentScope if getattr(consent, scope.value)]
        withdrawn = format_timestamp(consent.withdrawn_at) if consent.withdrawn_at else None
        return ConsentView(
            victim=label,
            statement=f"{giver} gave consent{when} ({method}).",
            scopes=scopes,
            withdrawn=withdrawn,
            note=self._internal_note(consent.notes),
        )

    def withheld_summary(self, roles: list[tuple[Person, PersonRole, str | None]]) -> list[str]:
        """What this edition leaves out, in words (for the methodology and the preview)."""
        if self.policy.is_internal:
            return []
        found: list[str] = []
        scope = self.policy.naming_scope.label.lower() if self.policy.naming_scope else ""
        for person, role, _ in roles:
            if role is PersonRole.victim and not self._named[(person.id, role)]:
                found.append(
                    f"The victim's name and identifying details (no consent covers {scope}): "
                    f"shown as {self.label(person.id)}."
                )
        others = [r for _, r, _ in roles if r not in (PersonRole.victim, PersonRole.perpetrator)]
        witnesses = sum(1 for r in others if r is PersonRole.witness)
        if witnesses and not self.policy.show_witnesses:
            found.append(f"Witnesses ({witnesses}): left out entirely.")
            others = [r for r in others if r is not PersonRole.witness]
        if others and not self.policy.name_others:
            found.append(
                f"Names of witnesses, relatives and source persons ({len(others)}): "
                "described by their role only."
            )
        if any(contact_details(p) for p, _, _ in roles):
            found.append("Contact details, national ID numbers and home addresses.")
        personal = [s for s in self.records.sources.values() if is_personal_source(s)]
        if personal and not self.policy.show_source_identities:
            found.append(f"Identities of personal sources such as testimonies ({len(personal)}).")
        if not self.policy.show_precise_locations and any(
            a.location_type in HOME_LOCATIONS for a in self.records.acts
        ):
            found.append("Precise home locations (district kept).")
        if not self.policy.show_coordinates and any(
            a.latitude is not None for a in self.records.acts
        ):
            found.append("Map coordinates.")
        if self.records.evidence and not self.policy.show_evidence_filenames:
            found.append(f"File names of evidence files ({len(self.records.evidence)}).")
        if not self.policy.show_named_perpetrators and any(
            i.perpetrator_person_id for i in self.records.involvements
        ):
            found.append("Names of individual alleged perpetrators (units and forces kept).")
        if (self.case.internal_notes or "").strip() or any(
            link.notes for link in self.records.case_people
        ):
            found.append("Internal notes.")
        return found

    # --- the whole case -----------------------------------------------------------------

    def build(self, organisation: str) -> CaseView:
        """The case as this edition shows it."""
        roles = self._roles()
        victims = [p for p, role, _ in roles if role is PersonRole.victim]
        others = [
            self.person_view(p, role, relation)
            for p, role, relation in roles
            if role is not PersonRole.victim
            and (role is not PersonRole.witness or self.policy.show_witnesses)
            and (role is not PersonRole.perpetrator or self.policy.show_named_perpetrators)
        ]
        allegations = self.allegations()
        general_notes = self.notes_where()
        general_responses = [self.response(r) for r in self._responses_for(None)]
        # Citations that record a response no longer on record still get their number.
        for citation in self.records.citations:
            self.note(citation)
        internal = self.policy.is_internal
        case = self.case
        status_note = None
        if internal and case.status_override and case.status_override_reason:
            status_note = (
                f"Set by a coordinator (computed: {ViolationStatus(case.computed_status).label}): "
                f"{case.status_override_reason}"
            )
        starts = [partial_date(a, "start") for a in self.records.acts]
        known = sorted((d for d in starts if d.is_known), key=PartialDate.sort_key)
        return CaseView(
            case_id=case.id or 0,
            anchor=f"case-{case.id}",
            reference=case.reference,
            title=self.scrub.clean(case.title),
            narrative=self.scrub.clean_optional(case.narrative),
            district=case.district,
            place=self.scrub.clean_optional(case.place),
            violation_status=ViolationStatus(case.violation_status).label,
            status_note=status_note,
            workflow_state=WorkflowState(case.workflow_state).label,
            confidentiality=Confidentiality(case.confidentiality).label if internal else None,
            priority=Priority(case.priority).label if internal else None,
            tags=case.tag_list if internal else [],
            internal_notes=self._internal_note(case.internal_notes),
            victims=[self.person_view(v, PersonRole.victim, None) for v in victims],
            others=others,
            allegations=allegations,
            general_notes=general_notes,
            general_responses=general_responses,
            notes=sorted(self._notes.values(), key=lambda n: n.number),
            elements=self.elements(allegations),
            chronology=self.chronology(),
            interventions=self.interventions(),
            evidence=self.evidence(organisation),
            consents=self.consents(victims),
            withheld=self.withheld_summary(roles),
            victim_keys=[v.id for v in victims if v.id is not None],
            first_date=str(known[0]) if known else None,
        )


def check_admitted(records: CaseRecords, audience: DossierAudience | str) -> None:
    """Raise `CaseNotAdmitted` when the case's confidentiality keeps it from this audience."""
    policy = redact_for(audience)
    if not policy.admits(records.case.confidentiality):
        level = Confidentiality(records.case.confidentiality).label.lower()
        raise CaseNotAdmitted(
            f"Case {records.case.reference} is marked {level}; it cannot appear in a "
            f"{policy.audience.label.lower()} edition."
        )


def build_case_view(
    records: CaseRecords,
    audience: DossierAudience | str,
    *,
    as_of: date,
    organisation: str,
) -> CaseView:
    """The case redacted for `audience` on `as_of`; raises `CaseNotAdmitted` if it may not go."""
    check_admitted(records, audience)
    return CaseBuilder(records, redact_for(audience), as_of).build(organisation)

