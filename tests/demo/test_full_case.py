"""`make_full_case`: every field of every record filled, every sensitive value a marker."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, SQLModel, select

from app.evidence.storage import EvidenceStore
from app.services.actor import Actor
from app.services.audit import verify_chain
from models import AuditEvent, CasePerson, Citation, Source
from models.enums import ActType, ConsentScope, ViolationStatus
from models.status import compute_violation_status
from models.user import Role
from models.wgeid import wgeid_readiness
from tests.conftest import create_account
from tests.factories import FULL_CASE_MARKERS, FullCase, make_full_case

# Columns that are blank by design on a live record.
BLANK_BY_DESIGN = {"deleted_at", "redacted_from_id", "withdrawn_at", "merged_into_id"}


def blank_columns(row: SQLModel) -> list[str]:
    return [
        name
        for name, value in row.model_dump().items()
        if name not in BLANK_BY_DESIGN and (value is None or value == "")
    ]


def every_record(full: FullCase) -> list[SQLModel]:
    return [
        full.case,
        full.victim,
        full.witness,
        full.relative,
        full.perpetrator,
        full.disappearance,
        full.killing,
        full.denial,
        full.encounter,
        *full.involvements,
        *full.sources.values(),
        *full.citations,
        *full.interventions.values(),
        *full.evidence,
        *full.consents,
    ]


def test_every_field_of_every_kind_of_record_is_filled_somewhere(app, db: Session) -> None:
    with app.app_context():
        documenter = create_account(db, Role.documenter)
    full = make_full_case(db, actor=Actor(user_id=documenter.id, role=Role.documenter))
    links = db.exec(select(CasePerson).where(CasePerson.case_id == full.case.id)).all()
    blank_everywhere: dict[str, set[str]] = {}
    for row in [*every_record(full), *links]:
        blank = set(blank_columns(row))
        kind = type(row).__name__
        blank_everywhere[kind] = blank_everywhere.get(kind, blank) & blank
    assert not {kind: blank for kind, blank in blank_everywhere.items() if blank}
    # The people a template must be most careful with have every field filled.
    assert not blank_columns(full.victim)
    assert not blank_columns(full.witness)
    assert not blank_columns(full.killing)


def test_the_markers_are_the_values_stored(db: Session) -> None:
    full = make_full_case(db)
    m = full.markers
    assert m == FULL_CASE_MARKERS
    assert full.witness.full_name == m["witness_name"] and full.witness.protected
    assert full.witness.contact == m["witness_contact"]
    assert full.witness.national_id == m["witness_national_id"]
    assert full.witness.home_address == m["witness_home_address"]
    assert m["witness_urdu_name"] in full.witness.other_names
    assert full.case.internal_notes == m["internal_note"]
    assert full.sources["witness"].person_id == full.witness.id
    assert full.sources["witness"].author == m["witness_name"]
    assert str(full.disappearance.latitude) == m["home_latitude"]
    assert len(set(m.values())) == len(m)


def test_the_victim_consents_to_the_un_but_not_to_public_naming(db: Session) -> None:
    full = make_full_case(db)
    today = date(2026, 1, 1)
    assert any(c.covers(ConsentScope.un_transmission, on=today) for c in full.consents)
    assert not any(c.covers(ConsentScope.public_naming, on=today) for c in full.consents)
    withdrawn = [c for c in full.consents if c.is_withdrawn]
    assert withdrawn and withdrawn[0].public_naming
    assert "victim_name" not in full.hidden_from_un
    assert "witness_name" in full.hidden_from_un


def test_the_full_case_is_a_kill_and_dump_ready_for_the_working_group(db: Session) -> None:
    full = make_full_case(db)
    assert full.killing.act_type == ActType.extrajudicial_killing
    assert full.killing.follows_act_id == full.disappearance.id
    readiness = wgeid_readiness(
        full.victim,
        [full.disappearance, full.killing],
        full.involvements,
        full.interventions.values(),
        full.consents,
        submitter="Casebook demo organisation",
        as_of=date(2026, 1, 1),
    )
    assert readiness.ready, [e.message for e in readiness.missing]


def test_its_computed_status_is_what_the_rule_says(db: Session) -> None:
    full = make_full_case(db)
    citations = db.exec(select(Citation).where(Citation.case_id == full.case.id)).all()
    sources = db.exec(select(Source)).all()
    finding = compute_violation_status(citations, sources, [full.denial, full.encounter])
    assert full.case.computed_status == finding.status == ViolationStatus.corroborated
    assert full.case.violation_status == full.case.status_override


def test_every_record_is_audited_and_the_chain_holds(db: Session) -> None:
    full = make_full_case(db)
    audited = db.exec(
        select(AuditEvent.entity_type).where(AuditEvent.case_id == full.case.id)
    ).all()
    assert {"act", "involvement", "citation", "official_response", "consent"} <= set(audited)
    assert verify_chain(db).intact


def test_the_evidence_files_are_stored_when_a_store_is_given(db: Session, tmp_path) -> None:
    store = EvidenceStore(tmp_path / "evidence")
    full = make_full_case(db, store=store)
    assert all(store.matches(evidence.sha256) for evidence in full.evidence)


def test_two_full_cases_can_live_side_by_side(db: Session) -> None:
    first, second = make_full_case(db), make_full_case(db)
    assert first.case.reference != second.case.reference
