"""The state's answers (denials, silence, refusals, acknowledgements), kept word for word, each
optionally with the citation that records it."""

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
    prefixed,
    raise_problems,
    reference_problems,
    remove_from_case,
    update_in_case,
)
from app.cases.services.sources import _cited_in
from app.errors import InvalidInput
from app.security import Permission
from app.services import records
from app.services.actor import Actor
from models.act import Act
from models.case import Case
from models.enums import SupportedFact
from models.intervention import Intervention
from models.response import OfficialResponse
from models.source import Citation

CITATION = "citation"
CITATION_FIELDS = ("source_id", "locator", "credibility")


def response_problems(fields: Mapping[str, Any]) -> tuple[dict[str, Any], list[InvalidInput]]:
    """Official-response columns from form values, and what to fix."""
    columns, problems = clean(OfficialResponse, fields)
    if "authority" in columns and not columns["authority"]:
        problems.append(
            InvalidInput("Name the authority that answered (e.g. ISPR, police).", field="authority")
        )
    if "response_type" in fields and not fields["response_type"]:
        problems.append(InvalidInput("Say what kind of answer it was.", field="response_type"))
    return columns, problems


def _citation_problems(
    session: Session, case: Case, citation: Mapping[str, Any] | None
) -> tuple[dict[str, Any], list[InvalidInput]]:
    if not citation:
        return {}, []
    columns, problems = clean(Citation, citation)
    if columns.get("source_id") is None:
        if columns.get("credibility") is not None or columns.get("locator"):
            problems.append(
                InvalidInput(
                    "A credibility grade or locator needs a source: pick one of the case's "
                    "sources.",
                    field="source_id" if columns.get("locator") else "credibility",
                )
            )
    elif not _cited_in(session, case, columns["source_id"]):
        problems.append(InvalidInput("Pick one of this case's sources.", field="source_id"))
    return columns, prefixed(problems, CITATION)


def create_response(
    session: Session,
    *,
    actor: Actor,
    case: Case,
    fields: Mapping[str, Any],
    citation: Mapping[str, Any] | None = None,
) -> Saved[OfficialResponse]:
    """Record an authority's answer; `citation` (source_id, locator, credibility) optionally
    cites the source that records it."""
    actor.require(Permission.edit_cases)
    columns, problems = response_problems(fields)
    cited, citation_issues = _citation_problems(session, case, citation)
    raise_problems(
        problems + citation_issues + reference_problems(session, case.id, {"act_id": Act}, columns)
    )  # type: ignore[arg-type]
    response = create_in_case(
        session, actor=actor, case=case, model=OfficialResponse, columns=columns
    )
    # Part of the creation: the citation's own audit event records the link.
    response.citation_id = _record_citation(
        session, actor=actor, case=case, response=response, cited=cited
    )
    session.add(response)
    session.flush()
    refresh_status(session, actor=actor, case=case)
    return Saved(response)


def update_response(
    session: Session,
    *,
    actor: Actor,
    case: Case,
    response: OfficialResponse,
    fields: Mapping[str, Any],
    expected_version: int | None,
    citation: Mapping[str, Any] | None = None,
) -> Saved[OfficialResponse]:
    """Change an official response (and its citation) unless someone else changed it meanwhile."""
    actor.require(Permission.edit_cases)
    columns, problems = response_problems(fields)
    cited, citation_issues = _citation_problems(session, case, citation)
    raise_problems(
        problems + citation_issues + reference_problems(session, case.id, {"act_id": Act}, columns)
    )  # type: ignore[arg-type]
    records.check_version(response, expected_version)
    columns["citation_id"] = _record_citation(
        session, actor=actor, case=case, response=response, cited=cited
    )
    update_in_case(
        session,
        actor=actor,
        case=case,
        row=response,
        columns=columns,
        expected_version=expected_version,
    )
    refresh_status(session, actor=actor, case=case)
    return Saved(response)


def response_citation(session: Session, response: OfficialResponse) -> Citation | None:
    """The live citation that records the response, if any."""
    if response.citation_id is None:
        return None
    citation = session.get(Citation, response.citation_id)
    return citation if citation is not None and citation.deleted_at is None else None


def _record_citation(
    session: Session, *, actor: Actor, case: Case, response: OfficialResponse, cited: dict[str, Any]
) -> int | None:
    """Create or update the citation recording the response; its id (None when none)."""
    existing = response_citation(session, response)
    if cited.get("source_id") is None:
        return existing.id if existing is not None else None
    if existing is not None:
        update_in_case(
            session, actor=actor, case=case, row=existing, columns=cited, expected_version=None
        )
        return existing.id
    row = create_in_case(
        session,
        actor=actor,
        case=case,
        model=Citation,
        columns={**cited, "response_id": response.id, "fact": SupportedFact.denial},
    )
    return row.id


def delete_response(
    session: Session,
    *,
    actor: Actor,
    case: Case,
    response: OfficialResponse,
    expected_version: int | None,
    reason: str = "",
) -> None:
    """Remove an official response and the citations recording it; refused while an
    intervention names it as the answer it drew."""
    actor.require(Permission.edit_cases)
    records.check_version(response, expected_version)
    blocking = dependants(
        session,
        {
            "intervention": select(Intervention.id).where(
                Intervention.response_id == response.id, Intervention.deleted_at.is_(None)
            )
        },
    )  # type: ignore[union-attr]
    if blocking:
        raise InvalidInput(
            f"Other records refer to this response ({'; '.join(blocking)}). "
            "Change or remove them first."
        )
    citations = session.exec(
        select(Citation).where(
            Citation.deleted_at.is_(None),  # type: ignore[union-attr]
            (Citation.response_id == response.id) | (Citation.id == (response.citation_id or -1)),
        )
    ).all()
    for citation in citations:
        remove_from_case(
            session,
            actor=actor,
            case=case,
            row=citation,
            reason=f"with official response #{response.id}",
        )
    remove_from_case(session, actor=actor, case=case, row=response, reason=reason)
    refresh_status(session, actor=actor, case=case)
