"""People in a case: the person (shared across cases) and their role in this case."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlmodel import Session, select

from app.cases.services.common import (
    Saved,
    clean,
    person_in_case,
    raise_problems,
    remove_from_case,
    update_in_case,
)
from app.errors import InvalidInput, NotFound
from app.security import Permission
from app.services import records
from app.services.actor import Actor
from models.act import Act
from models.case import Case, CasePerson
from models.cnic import normalise_cnic
from models.consent import Consent
from models.enums import PersonRole
from models.person import Person

LINK_FIELDS = ("role", "relation_to_victim")
MAX_AGE = 120


def person_problems(
    fields: Mapping[str, Any],
) -> tuple[dict[str, Any], list[InvalidInput], list[str]]:
    """Person columns from form values, problems to fix, and warnings (an odd CNIC)."""
    values = {k: v for k, v in fields.items() if k not in LINK_FIELDS}
    warnings: list[str] = []
    if "national_id" in values:
        values["national_id"], warning = normalise_cnic(values["national_id"])
        if warning:
            warnings.append(warning)
    columns, problems = clean(Person, values)
    if "full_name" in columns and not columns["full_name"]:
        problems.append(
            InvalidInput("Enter the person's name as the family gives it.", field="full_name")
        )
    age = columns.get("age_at_incident")
    if age is not None and not 0 <= age <= MAX_AGE:
        problems.append(
            InvalidInput(f"An age is between 0 and {MAX_AGE}.", field="age_at_incident")
        )
    return columns, problems, warnings


def _link_columns(fields: Mapping[str, Any]) -> dict[str, Any]:
    link, problems = clean(CasePerson, {k: fields[k] for k in LINK_FIELDS if k in fields})
    raise_problems(problems)
    return link


def create_person(
    session: Session, *, actor: Actor, case: Case, fields: Mapping[str, Any]
) -> Saved[Person]:
    """Record a new person and their role in the case (`fields` holds `role` too)."""
    actor.require(Permission.edit_cases)
    columns, problems, warnings = person_problems(fields)
    raise_problems(problems)
    link = _link_columns(fields)
    person = records.create(
        session, actor=actor, row=Person.model_validate(columns), case_id=case.id
    )
    add_person_to_case(
        session,
        actor=actor,
        case=case,
        person=person,
        role=link.get("role") or PersonRole.victim,
        relation_to_victim=link.get("relation_to_victim"),
    )
    return Saved(person, tuple(warnings))


def add_person_to_case(
    session: Session,
    *,
    actor: Actor,
    case: Case,
    person: Person,
    role: PersonRole,
    relation_to_victim: str | None = None,
) -> CasePerson:
    """Link an existing person (perhaps from another case) to this case in a role."""
    actor.require(Permission.edit_cases)
    if person.deleted_at is not None:
        raise NotFound("This person was removed.")
    link = CasePerson.model_validate(
        {
            "case_id": case.id,
            "person_id": person.id,
            "role": role,
            "relation_to_victim": relation_to_victim,
        }
    )
    return records.create(session, actor=actor, row=link, case_id=case.id)


def update_person(
    session: Session,
    *,
    actor: Actor,
    case: Case,
    person: Person,
    fields: Mapping[str, Any],
    expected_version: int | None,
) -> Saved[Person]:
    """Change a person's details and their role in this case."""
    actor.require(Permission.edit_cases)
    link_row = person_in_case(session, case.id, person.id)  # type: ignore[arg-type]
    if link_row is None:
        raise NotFound("This person is not part of this case.")
    columns, problems, warnings = person_problems(fields)
    raise_problems(problems)
    link = _link_columns(fields)
    update_in_case(
        session,
        actor=actor,
        case=case,
        row=person,
        columns=columns,
        expected_version=expected_version,
    )
    if link:
        update_in_case(
            session, actor=actor, case=case, row=link_row, columns=link, expected_version=None
        )
    return Saved(person, tuple(warnings))


def remove_person(
    session: Session,
    *,
    actor: Actor,
    case: Case,
    person: Person,
    expected_version: int | None,
    reason: str = "",
) -> None:
    """Take a person off this case; refused while acts or consents of the case name them."""
    actor.require(Permission.edit_cases)
    link_row = person_in_case(session, case.id, person.id)  # type: ignore[arg-type]
    if link_row is None:
        raise NotFound("This person is not part of this case.")
    records.check_version(person, expected_version)
    acts = session.exec(
        select(Act.id).where(
            Act.case_id == case.id,
            Act.victim_id == person.id,
            Act.deleted_at.is_(None),  # type: ignore[union-attr]
        )
    ).all()
    consents = session.exec(
        select(Consent.id).where(
            Consent.case_id == case.id,
            Consent.person_id == person.id,
            Consent.deleted_at.is_(None),  # type: ignore[union-attr]
        )
    ).all()
    if acts:
        raise InvalidInput(
            f"{person.full_name} is the victim of {len(acts)} act(s) in this case. "
            "Remove those acts or give them another victim first."
        )
    if consents:
        raise InvalidInput(
            f"{person.full_name}'s consent is on record in this case. Remove it first "
            "(or keep the person)."
        )
    remove_from_case(session, actor=actor, case=case, row=link_row, reason=reason)
    elsewhere = session.exec(
        select(CasePerson.id).where(
            CasePerson.person_id == person.id,
            CasePerson.deleted_at.is_(None),  # type: ignore[union-attr]
        )
    ).first()
    if elsewhere is None:
        remove_from_case(session, actor=actor, case=case, row=person, reason=reason)


def get_person_in_case(session: Session, case: Case, person_id: int) -> Person:
    """A live person linked to the case, or NotFound."""
    person = session.get(Person, person_id)
    if (
        person is None
        or person.deleted_at is not None
        or person_in_case(
            session,
            case.id,
            person_id,  # type: ignore[arg-type]
        )
        is None
    ):
        raise NotFound("No such person in this case.")
    return person
