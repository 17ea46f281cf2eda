"""Sources (where information came from, graded A–F) and citations (a source cited in this case
for a fact, graded 1–6). A source may serve several cases; it belongs to a case through its
citations there."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from sqlmodel import Session, select

from app.cases.services.cases import refresh_status
from app.cases.services.common import (
    Saved,
    clean,
    create_in_case,
    prefixed,
    raise_problems,
    reference_problems,
    remove_from_case,
    update_in_case,
)
from app.errors import InvalidInput, NotFound
from app.security import Permission
from app.services import records
from app.services.actor import Actor
from models.act import Act, Involvement
from models.case import Case
from models.response import OfficialResponse
from models.source import Citation, Source

URL_FIELDS = ("url", "archive_url")
NEW_SOURCE = "new_source"


def source_problems(fields: Mapping[str, Any]) -> tuple[dict[str, Any], list[InvalidInput]]:
    """Source columns from form values, and what to fix (a title, a type, safe web addresses)."""
    columns, problems = clean(Source, fields)
    if "source_type" in fields and not fields["source_type"]:
        problems.append(InvalidInput("Say what kind of source this is.", field="source_type"))
    if "title" in columns and not columns["title"]:
        problems.append(
            InvalidInput(
                'Give the source a title, e.g. "Interview with the victim\'s brother".',
                field="title",
            )
        )
    for key in URL_FIELDS:
        if columns.get(key):
            columns[key], problem = _web_address(columns[key], key)
            problems += problem
    return columns, problems


def _web_address(text: str, key: str) -> tuple[str, list[InvalidInput]]:
    if "://" not in text and not text.startswith(("mailto:", "javascript:", "data:")):
        text = "https://" + text  # "dawn.com/news/…" is what people paste
    if urlsplit(text).scheme not in {"http", "https"} or not urlsplit(text).netloc:
        return text, [InvalidInput("Give a web address starting with https://", field=key)]
    return text, []


def case_sources(session: Session, case_id: int) -> list[Source]:
    """The live sources cited in the case, by title."""
    cited_here = select(Citation.source_id).where(
        Citation.case_id == case_id,
        Citation.deleted_at.is_(None),  # type: ignore[union-attr]
    )
    statement = (
        select(Source)
        .where(Source.deleted_at.is_(None), Source.id.in_(cited_here))  # type: ignore[union-attr]
        .order_by(Source.title)
    )
    return list(session.exec(statement).all())


def get_source_in_case(session: Session, case: Case, source_id: int) -> Source:
    """A live source cited in the case, or NotFound."""
    source = session.get(Source, source_id)
    if source is None or source.deleted_at is not None or not _cited_in(session, case, source_id):
        raise NotFound("No such source in this case.")
    return source


def _cited_in(session: Session, case: Case, source_id: int) -> bool:
    return (
        session.exec(
            select(Citation.id).where(
                Citation.case_id == case.id,
                Citation.source_id == source_id,
                Citation.deleted_at.is_(None),  # type: ignore[union-attr]
            )
        ).first()
        is not None
    )


def citation_problems(
    fields: Mapping[str, Any], new_source: Mapping[str, Any] | None
) -> tuple[dict[str, Any], dict[str, Any] | None, list[InvalidInput]]:
    """Citation and new-source columns, and what to fix: above all, a grade needs a source."""
    columns, problems = clean(Citation, fields)
    source_columns = None
    describes_source = bool(new_source) and any(
        v for k, v in (new_source or {}).items() if k in {"title", "source_type", "url", "author"}
    )
    if columns.get("source_id") is None:
        if describes_source:
            source_columns, source_issues = source_problems(new_source or {})
            problems += prefixed(source_issues, NEW_SOURCE)
        elif columns.get("credibility") is not None:
            problems.append(
                InvalidInput(
                    "A credibility grade needs a source: pick one of the case's sources or "
                    "describe a new one.",
                    field="credibility",
                )
            )
        else:
            problems.append(InvalidInput("Pick a source or describe a new one.", field="source_id"))
    return columns, source_columns, problems


def _citation_reference_problems(
    session: Session, case: Case, columns: Mapping[str, Any]
) -> list[InvalidInput]:
    problems = reference_problems(
        session,
        case.id,
        {  # type: ignore[arg-type]
            "act_id": Act,
            "involvement_id": Involvement,
            "response_id": OfficialResponse,
        },
        columns,
    )
    source_id = columns.get("source_id")
    if source_id is not None and not _cited_in(session, case, source_id):
        problems.append(
            InvalidInput(
                "Pick one of this case's sources; this one is not cited in this case.",
                field="source_id",
            )
        )
    return problems


def create_citation(
    session: Session,
    *,
    actor: Actor,
    case: Case,
    fields: Mapping[str, Any],
    new_source: Mapping[str, Any] | None = None,
) -> Saved[Citation]:
    """Cite a source of the case (`fields["source_id"]`) or a new one described in `new_source`."""
    actor.require(Permission.edit_cases)
    columns, source_columns, problems = citation_problems(fields, new_source)
    if source_columns is not None:
        columns.pop("source_id", None)
    raise_problems(problems + _citation_reference_problems(session, case, columns))
    if source_columns is not None:
        source = records.create(
            session, actor=actor, row=Source.model_validate(source_columns), case_id=case.id
        )
        columns["source_id"] = source.id
    citation = create_in_case(session, actor=actor, case=case, model=Citation, columns=columns)
    refresh_status(session, actor=actor, case=case)
    return Saved(citation)


def update_citation(
    session: Session,
    *,
    actor: Actor,
    case: Case,
    citation: Citation,
    fields: Mapping[str, Any],
    expected_version: int | None,
) -> Saved[Citation]:
    """Change a citation (its fact, locator, grade…) unless someone else changed it meanwhile."""
    actor.require(Permission.edit_cases)
    columns, _, problems = citation_problems({"source_id": citation.source_id, **fields}, None)
    raise_problems(problems + _citation_reference_problems(session, case, columns))
    update_in_case(
        session,
        actor=actor,
        case=case,
        row=citation,
        columns=columns,
        expected_version=expected_version,
    )
    refresh_status(session, actor=actor, case=case)
    return Saved(citation)


def delete_citation(
    session: Session,
    *,
    actor: Actor,
    case: Case,
    citation: Citation,
    expected_version: int | None,
    reason: str = "",
) -> None:
    """Remove a citation (the source stays)."""
    actor.require(Permission.edit_cases)
    remove_from_case(
        session,
        actor=actor,
        case=case,
        row=citation,
        expected_version=expected_version,
        reason=reason,
    )
    refresh_status(session, actor=actor, case=case)


def update_source(
    session: Session,
    *,
    actor: Actor,
    case: Case,
    source: Source,
    fields: Mapping[str, Any],
    expected_version: int | None,
) -> Saved[Source]:
    """Change a source's details (every case citing it sees the change)."""
    actor.require(Permission.edit_cases)
    columns, problems = source_problems(fields)
    raise_problems(problems)
    update_in_case(
        session,
        actor=actor,
        case=case,
        row=source,
        columns=columns,
        expected_version=expected_version,
    )
    refresh_status(session, actor=actor, case=case)
    return Saved(source)


def remove_source(
    session: Session,
    *,
    actor: Actor,
    case: Case,
    source: Source,
    expected_version: int | None,
    reason: str = "",
) -> None:
    """Remove a source from this case (its citations here); the source itself is removed too
    once no other case cites it."""
    actor.require(Permission.edit_cases)
    records.check_version(source, expected_version)
    citations = session.exec(
        select(Citation).where(
            Citation.case_id == case.id,
            Citation.source_id == source.id,
            Citation.deleted_at.is_(None),  # type: ignore[union-attr]
        )
    ).all()
    for citation in citations:
        remove_from_case(
            session,
            actor=actor,
            case=case,
            row=citation,
            reason=f"with source #{source.id}" + (f": {reason}" if reason else ""),
        )
    elsewhere = session.exec(
        select(Citation.id).where(
            Citation.source_id == source.id,
            Citation.deleted_at.is_(None),  # type: ignore[union-attr]
        )
    ).first()
    if elsewhere is None:
        remove_from_case(session, actor=actor, case=case, row=source, reason=reason)
    refresh_status(session, actor=actor, case=case)
