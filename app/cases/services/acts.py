"""Acts (what was done to a victim) and involvements (who allegedly did it, and why we say so)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlmodel import Session, select

from app.cases.services.cases import refresh_status
from app.cases.services.common import (
    Saved,
    clean,
    create_in_case,
    dependants,
    person_in_case,
    raise_problems,
    reference_problems,
    remove_from_case,
    span_problems,
    update_in_case,
)
from app.errors import InvalidInput
from app.security import Permission
from app.services import records
from app.services.actor import Actor
from models.act import Act, Involvement
from models.case import Case
from models.intervention import Intervention
from models.response import OfficialResponse
from models.source import Citation


def act_problems(fields: Mapping[str, Any]) -> tuple[dict[str, Any], list[InvalidInput]]:
    """Act columns from form values, and what to fix (future dates, an end before its start)."""
    columns, problems = clean(Act, fields)
    problems += span_problems(fields, "start", "end")
    problems += span_problems(fields, "start", "body_found")
    if "act_type" in fields and not fields["act_type"]:
        problems.append(InvalidInput("Say what was done.", field="act_type"))
    return columns, problems


def _act_reference_problems(
    session: Session, case: Case, columns: Mapping[str, Any], act_id: int | None = None
) -> list[InvalidInput]:
    problems = reference_problems(session, case.id, {"follows_act_id": Act}, columns)  # type: ignore[arg-type]
    victim_id = columns.get("victim_id")
    if victim_id is None and ("victim_id" in columns or act_id is None):
        problems.append(InvalidInput("Pick the victim.", field="victim_id"))
    elif victim_id is not None and person_in_case(session, case.id, victim_id) is None:  # type: ignore[arg-type]
        problems.append(
            InvalidInput("Pick a person of this case as the victim.", field="victim_id")
        )
    if act_id is not None and columns.get("follows_act_id") == act_id:
        problems.append(InvalidInput("An act cannot follow itself.", field="follows_act_id"))
    return problems


def create_act(
    session: Session, *, actor: Actor, case: Case, fields: Mapping[str, Any]
) -> Saved[Act]:
    """Record an act done to one victim of the case."""
    actor.require(Permission.edit_cases)
    columns, problems = act_problems(fields)
    raise_problems(problems + _act_reference_problems(session, case, columns))
    act = create_in_case(session, actor=actor, case=case, model=Act, columns=columns)
    refresh_status(session, actor=actor, case=case)
    return Saved(act)


def update_act(
    session: Session,
    *,
    actor: Actor,
    case: Case,
    act: Act,
    fields: Mapping[str, Any],
    expected_version: int | None,
) -> Saved[Act]:
    """Change an act unless someone else changed it since `expected_version`."""
    actor.require(Permission.edit_cases)
    columns, problems = act_problems(fields)
    raise_problems(problems + _act_reference_problems(session, case, columns, act.id))
    update_in_case(
        session, actor=actor, case=case, row=act, columns=columns, expected_version=expected_version
    )
    refresh_status(session, actor=actor, case=case)
    return Saved(act)


def delete_act(
    session: Session,
    *,
    actor: Actor,
    case: Case,
    act: Act,
    expected_version: int | None,
    reason: str = "",
) -> None:
    """Remove an act with its involvements and the citations about it.

    Refused while an official response, an intervention or a later act points at it: those
    would silently lose what they refer to.
    """
    actor.require(Permission.edit_cases)
    records.check_version(act, expected_version)
    blocking = dependants(
        session,
        {
            "official response": select(OfficialResponse.id).where(
                OfficialResponse.act_id == act.id, OfficialResponse.deleted_at.is_(None)
            ),  # type: ignore[union-attr]
            "intervention": select(Intervention.id).where(
                Intervention.act_id == act.id, Intervention.deleted_at.is_(None)
            ),  # type: ignore[union-attr]
            "act": select(Act.id).where(Act.follows_act_id == act.id, Act.deleted_at.is_(None)),  # type: ignore[union-attr]
        },
    )
    if blocking:
        raise InvalidInput(
            f"Other records refer to this act ({'; '.join(blocking)}). Change or remove them first."
        )
    involvements = session.exec(
        select(Involvement).where(
            Involvement.act_id == act.id,
            Involvement.deleted_at.is_(None),  # type: ignore[union-attr]
        )
    ).all()
    involvement_ids = [i.id for i in involvements]
    citations = session.exec(
        select(Citation).where(
            Citation.case_id == case.id,
            Citation.deleted_at.is_(None),  # type: ignore[union-attr]
            (Citation.act_id == act.id) | Citation.involvement_id.in_(involvement_ids or [-1]),  # type: ignore[union-attr]
        )
    ).all()
    why = reason or None
    for row in [*citations, *involvements]:
        remove_from_case(
            session,
            actor=actor,
            case=case,
            row=row,
            reason=f"with act #{act.id}" + (f": {why}" if why else ""),
        )
    remove_from_case(session, actor=actor, case=case, row=act, reason=why)
    refresh_status(session, actor=actor, case=case)


def involvement_problems(fields: Mapping[str, Any]) -> tuple[dict[str, Any], list[InvalidInput]]:
    """Involvement columns from form values, and what to fix."""
    columns, problems = clean(Involvement, fields)
    if "perpetrator_type" in fields and not fields["perpetrator_type"]:
        problems.append(
            InvalidInput("Pick the kind of perpetrator (or Unknown).", field="perpetrator_type")
        )
    return columns, problems


def _involvement_reference_problems(
    session: Session, case: Case, columns: Mapping[str, Any]
) -> list[InvalidInput]:
    problems = reference_problems(session, case.id, {"act_id": Act}, columns)  # type: ignore[arg-type]
    if "act_id" in columns and columns["act_id"] is None:
        problems.append(
            InvalidInput("Pick the act this perpetrator is alleged to have done.", field="act_id")
        )
    return problems


def create_involvement(
    session: Session, *, actor: Actor, case: Case, fields: Mapping[str, Any]
) -> Saved[Involvement]:
    """Record an alleged perpetrator of an act of this case, with the basis for attribution."""
    actor.require(Permission.edit_cases)
    columns, problems = involvement_problems(fields)
    raise_problems(problems + _involvement_reference_problems(session, case, columns))
    involvement = create_in_case(
        session, actor=actor, case=case, model=Involvement, columns=columns
    )
    refresh_status(session, actor=actor, case=case)
    return Saved(involvement)


def update_involvement(
    session: Session,
    *,
    actor: Actor,
    case: Case,
    involvement: Involvement,
    fields: Mapping[str, Any],
    expected_version: int | None,
) -> Saved[Involvement]:
    """Change an involvement unless someone else changed it since `expected_version`."""
    actor.require(Permission.edit_cases)
    columns, problems = involvement_problems(fields)
    raise_problems(problems + _involvement_reference_problems(session, case, columns))
    update_in_case(
        session,
        actor=actor,
        case=case,
        row=involvement,
        columns=columns,
        expected_version=expected_version,
    )
    refresh_status(session, actor=actor, case=case)
    return Saved(involvement)


def delete_involvement(
    session: Session,
    *,
    actor: Actor,
    case: Case,
    involvement: Involvement,
    expected_version: int | None,
    reason: str = "",
) -> None:
    """Remove an involvement and the citations about it."""
    actor.require(Permission.edit_cases)
    records.check_version(involvement, expected_version)
    citations = session.exec(
        select(Citation).where(
            Citation.involvement_id == involvement.id,
            Citation.deleted_at.is_(None),  # type: ignore[union-attr]
        )
    ).all()
    for citation in citations:
        remove_from_case(
            session,
            actor=actor,
            case=case,
            row=citation,
            reason=f"with involvement #{involvement.id}",
        )
    remove_from_case(session, actor=actor, case=case, row=involvement, reason=reason)
    refresh_status(session, actor=actor, case=case)
