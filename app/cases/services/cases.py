"""The case file itself: create, edit, remove, the computed violation status, a coordinator's
override, and the review workflow (draft → in review → reviewed)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlmodel import Session, select

from app.cases.services.common import Saved, clean, raise_problems
from app.cases.services.references import allocate_reference, configured_prefix
from app.errors import Forbidden, InvalidInput
from app.security import Permission
from app.services import audit, records
from app.services.actor import Actor
from models.case import Case
from models.enums import ViolationStatus, WorkflowState
from models.response import OfficialResponse
from models.source import Citation, Source
from models.status import StatusFinding, compute_violation_status, override_status, record_status
from models.types import utcnow

_DEFERRED = "casebook.cases.status_deferred"

# (from, to) → the permission the move needs. Approving, and reopening an approved case, is a
# coordinator's decision; a documenter may submit a draft and take it back.
TRANSITIONS: dict[tuple[WorkflowState, WorkflowState], Permission] = {
    (WorkflowState.draft, WorkflowState.in_review): Permission.edit_cases,
    (WorkflowState.in_review, WorkflowState.draft): Permission.edit_cases,
    (WorkflowState.in_review, WorkflowState.reviewed): Permission.review_cases,
    (WorkflowState.draft, WorkflowState.reviewed): Permission.review_cases,
    (WorkflowState.reviewed, WorkflowState.in_review): Permission.review_cases,
    (WorkflowState.reviewed, WorkflowState.draft): Permission.review_cases,
}


def _case_columns(fields: Mapping[str, Any]) -> dict[str, Any]:
    values = dict(fields)
    tags = values.pop("tags", None)
    columns, problems = clean(Case, values)
    if "title" in columns and not columns["title"]:
        problems.append(InvalidInput("Give the case a short title.", field="title"))
    raise_problems(problems)
    if tags is not None:
        holder = Case(tags="")
        holder.set_tags([tags])
        columns["tags"] = holder.tags
    return columns


def create_case(
    session: Session,
    *,
    actor: Actor,
    fields: Mapping[str, Any],
    reference_prefix: str | None = None,
) -> Saved[Case]:
    """Open a new case (workflow: draft) with the next free reference, e.g. BAL-2026-0042."""
    actor.require(Permission.edit_cases)
    columns = _case_columns(fields)
    columns["reference"] = allocate_reference(
        session, prefix=reference_prefix or configured_prefix(), year=utcnow().year
    )
    case = Case.model_validate(columns)
    case.created_by_id = case.updated_by_id = actor.user_id
    session.add(case)
    session.flush()  # the id first, so the creation event is filed under the case
    records.create(session, actor=actor, row=case, case_id=case.id)
    return Saved(case)


def update_case(
    session: Session,
    *,
    actor: Actor,
    case: Case,
    fields: Mapping[str, Any],
    expected_version: int | None,
) -> Saved[Case]:
    """Change the case's details unless someone else changed them since `expected_version`."""
    actor.require(Permission.edit_cases)
    columns = _case_columns(fields)
    records.update(
        session,
        actor=actor,
        row=case,
        changes=columns,
        expected_version=expected_version,
        case_id=case.id,
    )
    return Saved(case)


def delete_case(
    session: Session, *, actor: Actor, case: Case, expected_version: int | None, reason: str = ""
) -> Case:
    """Remove a case from every page and list (kept, with its history, in the database)."""
    actor.require(Permission.review_cases)
    return records.soft_delete(
        session,
        actor=actor,
        row=case,
        expected_version=expected_version,
        case_id=case.id,
        reason=reason or None,
    )


@contextmanager
def status_refreshed_once(session: Session, *, actor: Actor, case: Case) -> Iterator[None]:
    """Within the block, writes skip recomputing the case's status; it is done once at the end."""
    session.info[_DEFERRED] = True
    try:
        yield
    finally:
        session.info.pop(_DEFERRED, None)
    refresh_status(session, actor=actor, case=case)


def refresh_status(session: Session, *, actor: Actor, case: Case) -> StatusFinding | None:
    """Recompute the case's violation status from its live citations and official responses.

    Call after any change to citations, sources, responses, acts or evidence. Audited when the
    status moves; the edit version is left alone (nobody typed this value).
    """
    if session.info.get(_DEFERRED):
        return None
    citations = session.exec(
        select(Citation).where(Citation.case_id == case.id, Citation.deleted_at.is_(None))  # type: ignore[union-attr]
    ).all()
    source_ids = {c.source_id for c in citations}
    sources = (
        session.exec(select(Source).where(Source.id.in_(source_ids))).all()  # type: ignore[union-attr]
        if source_ids
        else []
    )
    responses = session.exec(
        select(OfficialResponse).where(
            OfficialResponse.case_id == case.id,
            OfficialResponse.deleted_at.is_(None),  # type: ignore[union-attr]
        )
    ).all()
    finding = compute_violation_status(citations, sources, responses)
    before = {"computed_status": case.computed_status, "violation_status": case.violation_status}
    record_status(case, finding)
    after = {"computed_status": case.computed_status, "violation_status": case.violation_status}
    case.updated_at = utcnow()
    session.add(case)
    if after != before:
        audit.record(
            session,
            actor=actor,
            action="status",
            entity_type="case_file",
            entity_id=case.id,
            case_id=case.id,
            before=before,
            after={**after, "reasons": finding.reasons},
        )
    session.flush()
    return finding


def set_status_override(
    session: Session,
    *,
    actor: Actor,
    case: Case,
    status: ViolationStatus | None,
    reason: str,
    expected_version: int | None,
) -> Case:
    """A coordinator's override of the computed status, with a written reason (None clears it)."""
    actor.require(Permission.review_cases)
    draft = Case(
        computed_status=case.computed_status,
        status_override=case.status_override,
        violation_status=case.violation_status,
        reference="",
        title="",
    )
    try:
        override_status(draft, status, reason)
    except ValueError as error:
        raise InvalidInput(str(error), field="reason") from None
    records.update(
        session,
        actor=actor,
        row=case,
        expected_version=expected_version,
        case_id=case.id,
        changes={
            "status_override": draft.status_override,
            "status_override_reason": draft.status_override_reason,
            "violation_status": draft.violation_status,
        },
    )
    return case


def change_workflow(
    session: Session,
    *,
    actor: Actor,
    case: Case,
    from_state: WorkflowState,
    to_state: WorkflowState,
) -> Case:
    """Move the case through review; approving it needs a coordinator."""
    if case.workflow_state != from_state:
        raise InvalidInput(
            f"This case is now {WorkflowState(case.workflow_state).label.lower()}; someone moved "
            "it meanwhile. Nothing was changed."
        )
    needed = TRANSITIONS.get((from_state, to_state))
    if needed is None:
        raise InvalidInput(
            f"A case cannot go from {from_state.label.lower()} to {to_state.label.lower()}."
        )
    if not actor.can(needed):
        raise Forbidden("Only a coordinator may approve a case or reopen an approved one.")
    records.update(
        session,
        actor=actor,
        row=case,
        changes={"workflow_state": to_state},
        expected_version=None,
        case_id=case.id,
    )
    return case
