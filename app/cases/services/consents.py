"""Consent of a victim or their family, scope by scope, and its withdrawal."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlmodel import Session

from app.cases.services.common import (
    Saved,
    clean,
    create_in_case,
    person_in_case,
    raise_problems,
    remove_from_case,
    update_in_case,
)
from app.errors import InvalidInput
from app.security import Permission
from app.services.actor import Actor
from models.case import Case
from models.consent import Consent
from models.types import utcnow

WITHDRAWN = "withdrawn"


def consent_problems(
    fields: Mapping[str, Any], *, current: Consent | None = None
) -> tuple[dict[str, Any], list[InvalidInput]]:
    """Consent columns from form values (the `withdrawn` tick sets the time), and what to fix."""
    values = dict(fields)
    withdrawn = values.pop(WITHDRAWN, None)
    columns, problems = clean(Consent, values)
    if "given_by" in columns and not columns["given_by"]:
        problems.append(
            InvalidInput("Say who gave consent (the victim or a relative).", field="given_by")
        )
    if withdrawn is not None:
        already = current.withdrawn_at if current is not None else None
        # Keep the original moment of withdrawal; un-ticking reinstates the consent.
        columns["withdrawn_at"] = (already or utcnow()) if withdrawn else None
    return columns, problems


def _person_problem(session: Session, case: Case, columns: Mapping[str, Any]) -> list[InvalidInput]:
    person_id = columns.get("person_id")
    if person_id is None or person_in_case(session, case.id, person_id) is None:  # type: ignore[arg-type]
        return [InvalidInput("Pick the person of this case the consent is for.", field="person_id")]
    return []


def create_consent(
    session: Session, *, actor: Actor, case: Case, fields: Mapping[str, Any]
) -> Saved[Consent]:
    """Record consent given for a person of the case."""
    actor.require(Permission.edit_cases)
    columns, problems = consent_problems(fields)
    raise_problems(problems + _person_problem(session, case, columns))
    return Saved(create_in_case(session, actor=actor, case=case, model=Consent, columns=columns))


def update_consent(
    session: Session,
    *,
    actor: Actor,
    case: Case,
    consent: Consent,
    fields: Mapping[str, Any],
    expected_version: int | None,
) -> Saved[Consent]:
    """Change a consent's scopes or record its withdrawal."""
    actor.require(Permission.edit_cases)
    columns, problems = consent_problems(fields, current=consent)
    if "person_id" in columns:
        problems += _person_problem(session, case, columns)
    raise_problems(problems)
    update_in_case(
        session,
        actor=actor,
        case=case,
        row=consent,
        columns=columns,
        expected_version=expected_version,
    )
    return Saved(consent)


def delete_consent(
    session: Session,
    *,
    actor: Actor,
    case: Case,
    consent: Consent,
    expected_version: int | None,
    reason: str = "",
) -> None:
    """Remove a consent recorded by mistake (a withdrawn consent is edited, not removed)."""
    actor.require(Permission.edit_cases)
    remove_from_case(
        session,
        actor=actor,
        case=case,
        row=consent,
        expected_version=expected_version,
        reason=reason,
    )
