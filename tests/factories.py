"""Rows for tests: a real value for every URL parameter the routes take (see test_access.py).

Each area adds its own records to `sample_url_values`.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import struct
import uuid
import zlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from sqlmodel import Session, SQLModel

from app.evidence.services import upload_evidence
from app.evidence.storage import EvidenceStore, evidence_store
from app.services import records
from app.services.actor import Actor
from models import (
    Act,
    Citation,
    Consent,
    CustodyEvent,
    Dossier,
    Evidence,
    Intervention,
    Involvement,
    OfficialResponse,
    Person,
    Source,
)
from models.case import Case, CasePerson, format_reference
from models.enums import (
    ActType,
    AlternativeExplanation,
    Autopsy,
    Confidentiality,
    ConsentMethod,
    Credibility,
    CustodyAction,
    DeathCertificate,
    DossierAudience,
    DossierKind,
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
    SourceConnection,
    SourceType,
    SupportedFact,
    VictimStatus,
    ViolationStatus,
    Whereabouts,
    WorkflowState,
)
from models.partial_date import PartialDate, partial_date_columns

T = TypeVar("T", bound=SQLModel)


def png_bytes(red: int = 200, green: int = 30, blue: int = 30) -> bytes:
    """A valid one-pixel PNG of the given colour (different colours give different hashes)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1x1, 8-bit RGB
    pixels = zlib.compress(bytes([0, red, green, blue]))
    signature = b"\x89PNG\r\n\x1a\n"
    return signature + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def sample_case(db: Session, **fields: object) -> Case:
    """A committed, fictional case."""
    values: dict[str, object] = {
        "reference": f"TST-2026-{uuid.uuid4().hex[:6].upper()}",
        "title": "Disappearance of a fictional student in Kech",
    }
    values.update(fields)
    case = records.create(db, actor=Actor.system(), row=Case.model_validate(values))
    db.commit()
    return case


# ---------------------------------------------------------------- the fully populated case

_references = itertools.count(9001)

# Every sensitive value of the full case, distinct enough to grep for in a PDF's text.
FULL_CASE_MARKERS: dict[str, str] = {
    "victim_name": "Dilwash Sasoli",
    "victim_urdu_name": "دلوش ساسولی",
    "victim_father_name": "Mehrab Sasoli",
    "victim_national_id": "54401-0000000-3",
    "victim_contact": "+92-300-2222222 MARKER-VICTIM-CONTACT",
    "victim_home_address": "House 12, Ward MARKER-VICTIM-HOME, Tump",
    "home_latitude": "26.01234",
    "home_longitude": "63.04567",
    "witness_name": "Shahzaib Marri",
    "witness_urdu_name": "شاہزیب مری",
    "witness_contact": "+92-300-0000000 MARKER-CONTACT",
    "witness_national_id": "42101-0000000-1",
    "witness_home_address": "House 7, Street MARKER-ADDRESS, Turbat",
    "relative_name": "Zarina Sasoli",
    "relative_contact": "+92-300-1111111 MARKER-RELATIVE-CONTACT",
    "relative_national_id": "54401-1111111-2",
    "internal_note": "MARKER-INTERNAL-NOTE: the family fears reprisals from the camp commander",
    "source_note": "MARKER-SOURCE-NOTE: interviewed at the lawyer's office",
    "case_person_note": "MARKER-PERSON-NOTE: reach her only through the lawyer",
    "consent_note": "MARKER-CONSENT-NOTE: the mother asked to be called before any publication",
}

# Markers a UN-confidential dossier may show: the victim is named there, because the family's
# consent covers transmission to UN mechanisms. Every other marker is hidden from the UN too.
UN_VISIBLE_MARKERS = frozenset(
    {"victim_name", "victim_urdu_name", "victim_father_name", "victim_national_id"}
)


@dataclass(frozen=True)
class FullCase:
    """A case with every field of every record filled, and the sensitive values it holds.

    `markers` maps a name (see FULL_CASE_MARKERS) to a value that a public dossier must never
    show; `hidden_from_un` names those a UN-confidential dossier must not show either.
    """

    case: Case
    victim: Person
    witness: Person
    relative: Person
    perpetrator: Person
    disappearance: Act
    killing: Act
    involvements: list[Involvement]
    sources: dict[str, Source]
    citations: list[Citation]
    denial: OfficialResponse
    encounter: OfficialResponse
    interventions: dict[str, Intervention]
    evidence: list[Evidence]
    consents: list[Consent]
    markers: dict[str, str]

    @property
    def hidden_from_un(self) -> dict[str, str]:
        """The markers a UN-confidential dossier must not show."""
        return {k: v for k, v in self.markers.items() if k not in UN_VISIBLE_MARKERS}


def _add(
    session: Session, actor: Actor, model: type[T], audited_case_id: int | None, /, **values: Any
) -> T:
    """One row built with `model_validate`, written and audited (under the case) by the generic
    writer."""
    row = model.model_validate(values)
    return records.create(session, actor=actor, row=row, case_id=audited_case_id)


def _day(text: str) -> dict[str, Any]:
    return {"earliest": date.fromisoformat(text), "latest": date.fromisoformat(text)}


def make_case(session: Session, *, actor: Actor | None = None, **overrides: Any) -> Case:
    """A committed case with a BAL-2025-9xxx reference; `overrides` sets any column."""
    values: dict[str, Any] = {
        "reference": format_reference(2025, next(_references)),
        "title": "Enforced disappearance of a fictional student, Kech (Turbat)",
        "narrative": "A fictional student was taken from his home in Turbat by men in plain "
        "clothes.",
        "district": "Kech (Turbat)",
        "place": "Turbat",
    } | overrides
    case = records.create(session, actor=actor or Actor.system(), row=Case.model_validate(values))
    session.commit()
    return case


def make_person(
    session: Session,
    *,
    case: Case | None = None,
    role: PersonRole = PersonRole.victim,
    actor: Actor | None = None,
    **overrides: Any,
) -> Person:
    """A committed person (fictional name unless overridden), in `case` with `role` if given."""
    actor = actor or Actor.system()
    values: dict[str, Any] = {"full_name": "Naveed Gichki", "father_name": "Anwar Gichki"}
    person = _add(session, actor, Person, case.id if case else None, **(values | overrides))
    if case is not None:
        _add(session, actor, CasePerson, case.id, case_id=case.id, person_id=person.id, role=role)
    session.commit()
    return person


def make_act(
    session: Session,
    *,
    case: Case,
    victim: Person,
    actor: Actor | None = None,
    **overrides: Any,
) -> Act:
    """A committed act done to `victim` in `case` (an enforced disappearance unless overridden)."""
    values: dict[str, Any] = {
        "case_id": case.id,
        "victim_id": victim.id,
        "act_type": ActType.enforced_disappearance,
        "place_name": "Turbat",
        "district": "Kech (Turbat)",
        **partial_date_columns("start", PartialDate.from_parts(2025, 3, 12)),
    } | overrides
    act = _add(session, actor or Actor.system(), Act, case.id, **values)
    session.commit()
    return act


def make_full_case(
    session: Session, *, actor: Actor | None = None, store: EvidenceStore | None = None
) -> FullCase:
    """A committed "kill and dump" case where every field of every record is filled.

    A victim (named in UN submissions by consent, not in public reports), a protected witness
    with contact, CNIC and home address, a relative, a named officer, a disappearance followed
    by a killing, involvements with a basis for attribution, sources of several types (one a
    testimony linked to the witness) with graded citations, an official denial and an
    "encounter" explanation, interventions (habeas corpus, COIED complaint, WGEID submission),
    evidence, a current consent (internal and UN only) and an earlier withdrawn one, and
    internal notes. With `store`, the evidence bytes are saved too. The case is WGEID-ready.
    """
    actor = actor or Actor.system()
    m = FULL_CASE_MARKERS
    case = make_case(
        session,
        actor=actor,
        title=f"Disappearance and killing of {m['victim_name']}, Kech (Turbat)",
        narrative=(
            f"{m['victim_name']}, 24, a student from Tump, was taken from his home during a night "
            "raid on 12 March 2025 by men in Frontier Corps uniform. His body was found in a dry "
            "riverbed near Tump on 2 June 2025. The CTD later said he was killed in an encounter."
        ),
        district="Kech (Turbat)",
        place="Tump",
        computed_status=ViolationStatus.corroborated,
        status_override=ViolationStatus.verified,
        status_override_reason="The field team saw the FIR register and the hospital's log.",
        violation_status=ViolationStatus.verified,
        workflow_state=WorkflowState.reviewed,
        confidentiality=Confidentiality.publishable,
        priority=Priority.high,
        tags="students, kill and dump, Kech 2025",
        internal_notes=m["internal_note"],
    )
    case_id = case.id
    pngs = [png_bytes(10, 20, 30), png_bytes(40, 50, 60), png_bytes(70, 80, 90)]
    photo, scan, redacted = (
        _add(
            session,
            actor,
            Evidence,
            case_id,
            case_id=case_id,
            sha256=hashlib.sha256(content).hexdigest(),
            original_filename=name,
            media_type="image/png",
            size_bytes=len(content),
            captured_at=datetime(2025, 3, 20, 10, 30, tzinfo=UTC),
            captured_by="Field documenter",
            original_url="https://social.example.org/post/full-case",
            description=description,
        )
        for content, name, description in zip(
            pngs,
            ["victim-photo.png", "consent-form.png", "victim-photo-redacted.png"],
            ["Family photograph of the victim", "Signed consent form", "Face blurred"],
            strict=True,
        )
    )
    records.update(
        session,
        actor=actor,
        row=redacted,
        changes={"redacted_from_id": photo.id},
        expected_version=None,
        case_id=case_id,
    )
    if store is not None:
        for content in pngs:
            store.save(io.BytesIO(content), max_bytes=1024 * 1024)

    def person(role: PersonRole, relation: str, note: str, **values: Any) -> Person:
        row = _add(session, actor, Person, case_id, **values)
        _add(
            session,
            actor,
            CasePerson,
            case_id,
            case_id=case_id,
            person_id=row.id,
            role=role,
            relation_to_victim=relation,
            notes=note,
        )
        return row

    common = {"sex": Sex.male, "ethnicity": "Baloch", "home_district": "Kech (Turbat)"}
    victim = person(
        PersonRole.victim,
        "Self",
        "Family reached through the mother.",
        full_name=m["victim_name"],
        other_names=f"Dilwash Sasoli Baluch\n{m['victim_urdu_name']}",
        father_name=m["victim_father_name"],
        age_at_incident=24,
        occupation="student",
        affiliation="Member of a Baloch students' organisation",
        home_address=m["victim_home_address"],
        national_id=m["victim_national_id"],
        contact=m["victim_contact"],
        photo_evidence_id=photo.id,
        protected=False,
        **partial_date_columns("birth", PartialDate.from_parts(2000, 8, 14)),
        **common,
    )
    witness = person(
        PersonRole.witness,
        "Neighbour",
        m["case_person_note"],
        full_name=m["witness_name"],
        other_names=m["witness_urdu_name"],
        father_name="Bahram Marri",
        age_at_incident=41,
        occupation="shopkeeper",
        affiliation="Tump traders' association",
        home_address=m["witness_home_address"],
        national_id=m["witness_national_id"],
        contact=m["witness_contact"],
        photo_evidence_id=redacted.id,
        protected=True,
        **partial_date_columns("birth", PartialDate.from_parts(1984, estimated=True)),
        **common,
    )
    relative = person(
        PersonRole.relative,
        "Mother",
        "Speaks Balochi only.",
        full_name=m["relative_name"],
        other_names="زرینہ ساسولی",
        father_name="Noor Ahmed Sasoli",
        age_at_incident=52,
        occupation="homemaker",
        affiliation="Families of the missing, Kech",
        home_address=m["victim_home_address"],
        national_id=m["relative_national_id"],
        contact=m["relative_contact"],
        photo_evidence_id=photo.id,
        protected=False,
        **partial_date_columns("birth", PartialDate.from_parts(1973)),
        **(common | {"sex": Sex.female}),
    )
    perpetrator = person(
        PersonRole.perpetrator,
        "Officer in charge",
        "Named by two witnesses.",
        full_name="Risaldar Umar Kakar",
        other_names="رسالدار عمر کاکڑ",
        father_name="Javed Kakar",
        age_at_incident=45,
        occupation="Levies risaldar",
        affiliation="Levies, Tump thana",
        home_address="Levies lines, Turbat",
        national_id="54401-3333333-4",
        contact="Levies thana, Tump",
        photo_evidence_id=redacted.id,
        protected=False,
        **partial_date_columns("birth", PartialDate.from_parts(1980, estimated=True)),
        **common,
    )
    place = {
        "place_name": "Victim's home, Ward 3, Tump",
        "district": "Kech (Turbat)",
        "province": "Balochistan",
        "latitude": float(m["home_latitude"]),
        "longitude": float(m["home_longitude"]),
    }
    death = {
        "cause_of_death": "Gunshot wounds to the head; marks of torture on the body",
        "manner_of_death": MannerOfDeath.homicide,
        "body_found_place": "Dry riverbed near Tump",
        **partial_date_columns("body_found", PartialDate.from_parts(2025, 6, 2)),
        "autopsy": Autopsy.performed,
        "death_certificate": DeathCertificate.available,
    }
    disappearance = _add(
        session,
        actor,
        Act,
        case_id,
        case_id=case_id,
        victim_id=victim.id,
        act_type=ActType.enforced_disappearance,
        location_type=LocationType.victims_home,
        whereabouts=Whereabouts.capture_denied,
        victim_status=VictimStatus.found_dead,
        description="Taken at night by FC personnel; held incommunicado for twelve weeks.",
        **partial_date_columns("start", PartialDate.from_parts(2025, 3, 12)),
        **partial_date_columns("end", PartialDate.from_parts(2025, 6, 2)),
        **place,
        **death,
    )
    killing = _add(
        session,
        actor,
        Act,
        case_id,
        case_id=case_id,
        victim_id=victim.id,
        act_type=ActType.extrajudicial_killing,
        location_type=LocationType.vacant_place,
        whereabouts=Whereabouts.capture_denied,
        victim_status=VictimStatus.found_dead,
        description='Body dumped after the disappearance ("kill and dump").',
        follows_act_id=disappearance.id,
        **partial_date_columns("start", PartialDate.from_parts(2025, 6, 1, estimated=True)),
        **partial_date_columns("end", PartialDate.from_parts(2025, 6, 2)),
        **(place | {"place_name": "Dry riverbed near Tump", "latitude": 26.1, "longitude": 63.1}),
        **death,
    )
    involvements = [
        _add(
            session,
            actor,
            Involvement,
            case_id,
            case_id=case_id,
            act_id=act.id,
            perpetrator_type=kind,
            force=force,
            unit_name=unit,
            degree=degree,
            basis_for_attribution=basis,
            perpetrator_person_id=perpetrator.id,
        )
        for act, kind, force, unit, degree, basis in (
            (
                disappearance,
                PerpetratorType.paramilitary,
                "Frontier Corps (FC)",
                "FC camp, Tump",
                InvolvementDegree.carried_out,
                "Witnesses saw FC uniforms and two FC pickup trucks with green number plates.",
            ),
            (
                killing,
                PerpetratorType.police,
                "Counter Terrorism Department (CTD)",
                "CTD Makran region",
                InvolvementDegree.suspected,
                "The CTD claimed the killing as an encounter the day the body was found.",
            ),
        )
    ]
    published = partial_date_columns("published", PartialDate.from_parts(2025, 3, 20))

    def source(kind: str, source_type: SourceType, **values: Any) -> tuple[str, Source]:
        base = {
            "source_type": source_type,
            "author": "Field documenter",
            "url": f"https://news.example.org/full-case/{kind}",
            "archive_url": f"https://archive.example.org/full-case/{kind}",
            "language": "Balochi",
            "connection": SourceConnection.witness,
            "reliability": Reliability.B,
            "person_id": None,
            "notes": m["source_note"],
            **published,
        }
        return kind, _add(session, actor, Source, None, **(base | values))

    sources = dict(
        (
            source(
                "witness",
                SourceType.witness_testimony,
                title="Testimony of an eyewitness",
                author=m["witness_name"],
                person_id=witness.id,
            ),
            source(
                "relative",
                SourceType.relative_testimony,
                title="Interview with the victim's mother",
                author=m["relative_name"],
                connection=SourceConnection.relative,
                person_id=relative.id,
            ),
            source(
                "media",
                SourceType.media_report,
                title=f"Body of missing student {m['victim_name']} found near Tump",
                author="The Makran Herald",
                language="English",
                connection=SourceConnection.reporter,
                reliability=Reliability.C,
            ),
            source(
                "court",
                SourceType.court_record,
                title="Reply of the FC in C.P. No. 1234/2025, Balochistan High Court",
                author="Balochistan High Court",
                language="English",
                connection=SourceConnection.official,
                reliability=Reliability.A,
            ),
            source(
                "press_release",
                SourceType.official_statement,
                title="CTD press release",
                author="Counter Terrorism Department (CTD)",
                language="Urdu",
                connection=SourceConnection.official,
                reliability=Reliability.B,
            ),
        )
    )
    responded = partial_date_columns("responded", PartialDate.from_parts(2025, 4, 15))
    denial = _add(
        session,
        actor,
        OfficialResponse,
        case_id,
        case_id=case_id,
        act_id=disappearance.id,
        authority="Frontier Corps headquarters",
        channel=ResponseChannel.court_hearing,
        response_type=ResponseType.denied_custody,
        verbatim_text="The petitioner's son is not in the custody of the Frontier Corps.",
        **responded,
    )
    encounter = _add(
        session,
        actor,
        OfficialResponse,
        case_id,
        case_id=case_id,
        act_id=killing.id,
        authority="Counter Terrorism Department (CTD)",
        channel=ResponseChannel.press_statement,
        response_type=ResponseType.alternative_explanation,
        alternative_explanation=AlternativeExplanation.killed_in_encounter,
        verbatim_text="Two terrorists were killed in an exchange of fire near Tump.",
        **partial_date_columns("responded", PartialDate.from_parts(2025, 6, 2)),
    )

    def cite(
        kind: str, fact: SupportedFact, grade: Credibility, key: str, **values: Any
    ) -> Citation:
        base = {
            "case_id": case_id,
            "source_id": sources[kind].id,
            "fact": fact,
            "act_id": disappearance.id,
            "involvement_id": involvements[0].id,
            "response_id": None,
            "locator": "p. 2, para. 4",
            "excerpt": "They came at night in two FC vehicles.",
            "credibility": grade,
            "independence_key": key,
            "contradicts": False,
        }
        return _add(session, actor, Citation, case_id, **(base | values))

    citations = [
        cite("witness", SupportedFact.arrest, Credibility.probably_true, "witness-neighbour"),
        cite(
            "relative",
            SupportedFact.perpetrators,
            Credibility.probably_true,
            "family",
            locator="00:04:10",
        ),
        cite(
            "media",
            SupportedFact.death,
            Credibility.possibly_true,
            "family",
            act_id=killing.id,
            involvement_id=involvements[1].id,
        ),
        cite(
            "court",
            SupportedFact.denial,
            Credibility.confirmed,
            "court",
            response_id=denial.id,
            excerpt=denial.verbatim_text,
        ),
        cite(
            "press_release",
            SupportedFact.denial,
            Credibility.confirmed,
            "ctd",
            act_id=killing.id,
            involvement_id=involvements[1].id,
            response_id=encounter.id,
            excerpt=encounter.verbatim_text,
        ),
    ]
    for response, citation in ((denial, citations[3]), (encounter, citations[4])):
        records.update(
            session,
            actor=actor,
            row=response,
            changes={"citation_id": citation.id},
            expected_version=None,
            case_id=case_id,
        )

    def intervene(kind: InterventionType, **values: Any) -> Intervention:
        base = {
            "case_id": case_id,
            "act_id": disappearance.id,
            "intervention_type": kind,
            "filed_by": f"{m['relative_name']} (mother), with the organisation's lawyer",
            "status": InterventionStatus.hearing_scheduled,
            "next_action": "Next hearing",
            "next_action_date": date(2026, 12, 15),
            "outcome": "Respondents denied custody; the court sought a report.",
            "response_id": denial.id,
            **partial_date_columns("filed", PartialDate.from_parts(2025, 3, 25)),
        }
        return _add(session, actor, Intervention, case_id, **(base | values))

    interventions = {
        "habeas_corpus": intervene(
            InterventionType.habeas_corpus,
            addressed_to="Balochistan High Court",
            reference_number="C.P. No. 1234/2025",
        ),
        "coied_complaint": intervene(
            InterventionType.coied_complaint,
            addressed_to="Commission of Inquiry on Enforced Disappearances",
            reference_number="COIED/BAL/2025/0456",
            status=InterventionStatus.awaiting_response,
            next_action="Family to attend the Commission's hearing in Quetta",
            next_action_date=date(2026, 11, 20),
        ),
        "wgeid_submission": intervene(
            InterventionType.wgeid_submission,
            addressed_to="UN Working Group on Enforced or Involuntary Disappearances",
            reference_number="WGEID-2025-017",
            status=InterventionStatus.filed,
            filed_by="Casebook demo organisation",
            response_id=encounter.id,
            next_action="Send the news of the death to the Working Group",
            next_action_date=date(2027, 1, 10),
            outcome="Transmitted to the Government of Pakistan.",
        ),
    }
    consent_values = {
        "person_id": victim.id,
        "case_id": case_id,
        "given_by": m["relative_name"],
        "relation": "Mother",
        "method": ConsentMethod.thumbprint,
        "internal": True,
        "form_evidence_id": scan.id,
        "notes": m["consent_note"],
    }
    consents = [
        _add(  # an earlier consent to everything, withdrawn after threats
            session,
            actor,
            Consent,
            case_id,
            **consent_values,
            given_on=date(2025, 3, 20),
            un_transmission=True,
            public_naming=True,
            photo_publication=True,
            withdrawn_at=datetime(2025, 5, 1, 9, 0, tzinfo=UTC),
        ),
        _add(  # the current one: internal use and the UN only
            session,
            actor,
            Consent,
            case_id,
            **consent_values,
            given_on=date(2025, 5, 2),
            un_transmission=True,
            public_naming=False,
            photo_publication=False,
            withdrawn_at=None,
        ),
    ]
    session.add(
        CustodyEvent(
            evidence_id=photo.id,
            user_id=actor.user_id,
            action=CustodyAction.uploaded,
            ip="127.0.0.1",
        )
    )
    session.commit()
    return FullCase(
        case=case,
        victim=victim,
        witness=witness,
        relative=relative,
        perpetrator=perpetrator,
        disappearance=disappearance,
        killing=killing,
        involvements=involvements,
        sources=sources,
        citations=citations,
        denial=denial,
        encounter=encounter,
        interventions=interventions,
        evidence=[photo, scan, redacted],
        consents=consents,
        markers=dict(m),
    )


def sample_url_values(db: Session) -> dict[str, object]:
    """One record of each kind, for routes that take its id (needs an app context)."""
    case = sample_case(db)
    assert case.id is not None
    outcome = upload_evidence(
        db,
        actor=Actor.system(),
        case_id=case.id,
        stream=io.BytesIO(png_bytes()),
        filename="pixel.png",
        store=evidence_store(),
        max_bytes=1024 * 1024,
    )
    db.commit()
    from tests.cases.helpers import add_case_parts  # people, acts, sources… of the case
    from tests.search.helpers import sample_saved_search

    return {
        "case_id": case.id,
        "evidence_id": outcome.evidence.id,
        **add_case_parts(db, case),
        "saved_id": sample_saved_search(db),
        "dossier_id": sample_dossier(db, case.id),
    }


def sample_dossier(db: Session, case_id: int) -> int:
    """A queued internal case dossier (no PDF yet): enough for routes that take its id."""
    dossier = Dossier.model_validate(
        {"kind": DossierKind.case, "audience": DossierAudience.internal, "case_id": case_id,
         "title": "Sample dossier", "progress_total": 1}
    )
    dossier.set_case_ids([case_id])
    db.add(dossier)
    db.commit()
    assert dossier.id is not None
    return dossier.id
