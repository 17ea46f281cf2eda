"""Quick entry: the common case (one victim, one act, its perpetrators, a first source, consent)
recorded in one go, all or nothing, through the same services as the full forms."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlmodel import Session

from app.cases.services.acts import (
    act_problems,
    create_act,
    create_involvement,
    involvement_problems,
)
from app.cases.services.cases import create_case, status_refreshed_once
from app.cases.services.common import Problems, Saved, clean, prefixed, raise_problems
from app.cases.services.consents import consent_problems, create_consent
from app.cases.services.people import create_person, person_problems
from app.cases.services.sources import create_citation, source_problems
from app.errors import InvalidInput
from app.security import Permission
from app.services.actor import Actor
from models.case import Case
from models.enums import ActType, PersonRole
from models.partial_date import PartialDate
from models.source import Citation

# Filled in by a quick-entry form even when the documenter typed nothing in that section.
_DEFAULTS_IGNORED = {"degree", "sex", "method", "internal", "connection"}


def is_blank(section: Mapping[str, Any] | None) -> bool:
    """True when nothing was typed or chosen in a section (defaults do not count)."""
    return not section or not any(
        _typed(value) for key, value in section.items() if key not in _DEFAULTS_IGNORED
    )


def _typed(value: Any) -> bool:
    if isinstance(value, PartialDate):
        return value.is_known
    if isinstance(value, str):
        return bool(value.strip())
    return bool(value)


def quick_entry(
    session: Session,
    *,
    actor: Actor,
    case: Mapping[str, Any],
    victim: Mapping[str, Any],
    act: Mapping[str, Any],
    perpetrators: Sequence[Mapping[str, Any]] = (),
    source: Mapping[str, Any] | None = None,
    citation: Mapping[str, Any] | None = None,
    consent: Mapping[str, Any] | None = None,
    reference_prefix: str | None = None,
) -> Saved[Case]:
    """Create the case, victim, act, involvements, source + citation and consent together.

    Every section is checked before anything is written, so all problems come back at once,
    each under its section ("victim.full_name", "perpetrators.1.basis_for_attribution").
    Blank perpetrator rows, and a blank source or consent section, are skipped.
    """
    actor.require(Permission.edit_cases)
    perpetrators = [p for p in perpetrators if not is_blank(p)]
    has_source = not is_blank(source)
    has_consent = not is_blank(consent)
    _check_everything(
        case,
        victim,
        act,
        perpetrators,
        source if has_source else None,
        citation or {},
        consent if has_consent else None,
    )

    case_fields = dict(case)
    if not (case_fields.get("title") or "").strip():
        case_fields["title"] = default_title(victim, act)
    with _section("case"):
        new_case = create_case(
            session, actor=actor, fields=case_fields, reference_prefix=reference_prefix
        ).row
    with _section("victim"):
        person = create_person(
            session, actor=actor, case=new_case, fields={**victim, "role": PersonRole.victim}
        )
    # One status computation for the whole entry, not one per record.
    with status_refreshed_once(session, actor=actor, case=new_case):
        with _section("act"):
            new_act = create_act(
                session, actor=actor, case=new_case, fields={**act, "victim_id": person.row.id}
            ).row
        for index, perpetrator in enumerate(perpetrators):
            with _section(f"perpetrators.{index}"):
                create_involvement(
                    session,
                    actor=actor,
                    case=new_case,
                    fields={**perpetrator, "act_id": new_act.id},
                )
        if has_source:
            with _section("source"):
                create_citation(
                    session,
                    actor=actor,
                    case=new_case,
                    fields={**(citation or {}), "source_id": None, "act_id": new_act.id},
                    new_source=source,
                )
        if has_consent:
            with _section("consent"):
                create_consent(
                    session,
                    actor=actor,
                    case=new_case,
                    fields={**(consent or {}), "person_id": person.row.id},
                )
    return Saved(new_case, person.warnings)


def default_title(victim: Mapping[str, Any], act: Mapping[str, Any]) -> str:
    """A title when none was typed: "Enforced disappearance of Dostain Rakhshani"."""
    kind = act.get("act_type")
    what = ActType(kind).label if kind else "Case"
    name = " ".join(str(victim.get("full_name") or "").split()) or "an unnamed victim"
    return f"{what} of {name}"[:300]


def _check_everything(
    case: Mapping[str, Any],
    victim: Mapping[str, Any],
    act: Mapping[str, Any],
    perpetrators: Sequence[Mapping[str, Any]],
    source: Mapping[str, Any] | None,
    citation: Mapping[str, Any],
    consent: Mapping[str, Any] | None,
) -> None:
    problems: list[InvalidInput] = []
    problems += prefixed(clean(Case, {k: v for k, v in case.items() if k != "tags"})[1], "case")
    problems += prefixed(person_problems(victim)[1], "victim")
    problems += prefixed(act_problems(act)[1], "act")
    for index, perpetrator in enumerate(perpetrators):
        problems += prefixed(involvement_problems(perpetrator)[1], f"perpetrators.{index}")
    if source is not None:
        problems += prefixed(source_problems(source)[1], "source")
        problems += prefixed(clean(Citation, citation)[1], "citation")
    elif citation.get("credibility") is not None:
        problems.append(
            InvalidInput(
                "A credibility grade needs a source: describe the source it grades.",
                field="citation.credibility",
            )
        )
    if consent is not None:
        problems += prefixed(consent_problems(consent)[1], "consent")
    raise_problems(problems)


@contextmanager
def _section(prefix: str) -> Iterator[None]:
    """Report a service's refusal under the quick-entry section it came from."""
    try:
        yield
    except Problems as error:
        raise Problems(prefixed(error.problems, prefix)) from None
    except InvalidInput as error:
        raise prefixed([error], prefix)[0] from None
