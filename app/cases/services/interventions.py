"""Interventions: complaints, petitions, submissions and appeals, with their next deadline."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlmodel import Session

from app.cases.services.common import (
    Saved,
    clean,
    create_in_case,
    raise_problems,
    reference_problems,
    remove_from_case,
    update_in_case,
)
from app.errors import InvalidInput
from app.security import Permission
from app.services.actor import Actor
from models.act import Act
from models.case import Case
from models.intervention import Intervention
from models.response import OfficialResponse

REFERENCES = {"act_id": Act, "response_id": OfficialResponse}


def intervention_problems(fields: Mapping[str, Any]) -> tuple[dict[str, Any], list[InvalidInput]]:
    """Intervention columns from form values, and what to fix."""
    columns, problems = clean(Intervention, fields)
    if "intervention_type" in fields and not fields["intervention_type"]:
        problems.append(InvalidInput("Say what was done.", field="intervention_type"))
    if columns.get("next_action") and columns.get("next_action_date") is None:
        problems.append(
            InvalidInput(
                "Give the date by which the next step is due, so it shows on the dashboard.",
                field="next_action_date",
            )
        )
    return columns, problems


def create_intervention(
    session: Session, *, actor: Actor, case: Case, fields: Mapping[str, Any]
) -> Saved[Intervention]:
    """Record a step taken for the victim, with its next action date."""
    actor.require(Permission.edit_cases)
    columns, problems = intervention_problems(fields)
    raise_problems(problems + reference_problems(session, case.id, REFERENCES, columns))  # type: ignore[arg-type]
    return Saved(
        create_in_case(session, actor=actor, case=case, model=Intervention, columns=columns)
    )


def update_intervention(
    session: Session,
    *,
    actor: Actor,
    case: Case,
    intervention: Intervention,
    fields: Mapping[str, Any],
    expected_version: int | None,
) -> Saved[Intervention]:
    """Change an intervention unless someone else changed it since `expected_version`."""
    actor.require(Permission.edit_cases)
    columns, problems = intervention_problems(fields)
    raise_problems(problems + reference_problems(session, case.id, REFERENCES, columns))  # type: ignore[arg-type]
    update_in_case(
        session,
        actor=actor,
        case=case,
        row=intervention,
        columns=columns,
        expected_version=expected_version,
    )
    return Saved(intervention)


def delete_intervention(
    session: Session,
    *,
    actor: Actor,
    case: Case,
    intervention: Intervention,
    expected_version: int | None,
    reason: str = "",
) -> None:
    """Remove an intervention from the case (kept in the database and the audit trail)."""
    actor.require(Permission.edit_cases)
    remove_from_case(
        session,
        actor=actor,
        case=case,
        row=intervention,
        expected_version=expected_version,
        reason=reason,
    )
