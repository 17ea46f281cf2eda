"""Merging two records of one person: the kept record gains the other's names as other
spellings and any details it lacked; the other record stays, soft-deleted with
`merged_into_id`, with its own values; every link to it is re-pointed; each change and the
merge itself are audited (both records before and after).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, select

from app.errors import InvalidInput, NotFound
from app.search.normalise import fold
from app.security import Permission
from app.services import audit, records
from app.services.actor import Actor
from models.act import Act, Involvement
from models.case import CasePerson
from models.consent import Consent
from models.enums import DatePrecision, Sex
from models.person import Person
from models.source import Source

# Details the kept record takes from the merged one when it has none of its own.
FILLABLE = (
    "father_name",
    "age_at_incident",
    "occupation",
    "affiliation",
    "ethnicity",
    "home_district",
    "home_address",
    "national_id",
    "contact",
    "photo_evidence_id",
)
# Every reference to a person: (model, column).
LINKS: tuple[tuple[type, str], ...] = (
    (CasePerson, "person_id"),
    (Act, "victim_id"),
    (Involvement, "perpetrator_person_id"),
    (Source, "person_id"),
    (Consent, "person_id"),
)


def merge_people(
    session: Session,
    *,
    actor: Actor,
    keep_id: int,
    merge_id: int,
    keep_version: int | None = None,
    merge_version: int | None = None,
) -> Person:
    """Merge person `merge_id` into `keep_id`, keeping both records' facts; audited."""
    actor.require(Permission.review_cases)
    if keep_id == merge_id:
        raise InvalidInput("Choose two different people to merge.")
    keep, merged = _live_person(session, keep_id), _live_person(session, merge_id)
    records.check_version(merged, merge_version)
    before = {"kept": records.snapshot(keep), "merged": records.snapshot(merged)}
    records.update(
        session,
        actor=actor,
        row=keep,
        changes=_taken_over(keep, merged),
        expected_version=keep_version,
    )
    moved = _repoint_links(session, actor, keep, merged)
    records.update(
        session,
        actor=actor,
        row=merged,
        changes={"merged_into_id": keep.id},
        expected_version=None,
    )
    records.soft_delete(session, actor=actor, row=merged, reason=f"Merged into person {keep.id}")
    audit.record(
        session,
        actor=actor,
        action="merge",
        entity_type="person",
        entity_id=keep.id,
        before=before,
        after={"kept": records.snapshot(keep), "merged": records.snapshot(merged), "links": moved},
    )
    return keep


def _live_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.deleted_at is not None or person.merged_into_id is not None:
        raise NotFound(f"No person {person_id} (or it was deleted or merged already).")
    return person


def _taken_over(keep: Person, merged: Person) -> dict[str, Any]:
    """The kept person's new values: the other's names as spellings, and facts it lacked."""
    known = {fold(name).strip() for name in keep.all_names}
    spellings = list(keep.other_name_list)
    for name in merged.all_names:
        if fold(name).strip() not in known:
            spellings.append(name)
            known.add(fold(name).strip())
    changes: dict[str, Any] = {"other_names": "\n".join(spellings)}
    for name in FILLABLE:
        if getattr(keep, name) in (None, "") and getattr(merged, name) not in (None, ""):
            changes[name] = getattr(merged, name)
    if keep.sex == Sex.unknown and merged.sex != Sex.unknown:
        changes["sex"] = merged.sex
    if (
        keep.birth_precision == DatePrecision.unknown
        and merged.birth_precision != DatePrecision.unknown
    ):
        for part in ("earliest", "latest", "precision", "estimated"):
            changes[f"birth_{part}"] = getattr(merged, f"birth_{part}")
    # Either record's protection protects the person.
    changes["protected"] = keep.protected or merged.protected
    return changes


def _repoint_links(session: Session, actor: Actor, keep: Person, merged: Person) -> int:
    moved = 0
    kept_links = {
        (link.case_id, link.role)
        for link in session.exec(
            select(CasePerson).where(
                CasePerson.person_id == keep.id,
                CasePerson.deleted_at.is_(None),  # type: ignore[union-attr]
            )
        )
    }
    for model, column in LINKS:
        rows: Sequence[Any] = session.exec(
            select(model).where(
                getattr(model, column) == merged.id,
                model.deleted_at.is_(None),  # type: ignore[attr-defined]
            )
        ).all()
        for row in rows:
            case_id = getattr(row, "case_id", None)
            if model is CasePerson and (row.case_id, row.role) in kept_links:
                records.soft_delete(
                    session,
                    actor=actor,
                    row=row,
                    case_id=case_id,
                    reason=f"Person {merged.id} merged into person {keep.id}, already linked",
                )
            else:
                records.update(
                    session,
                    actor=actor,
                    row=row,
                    changes={column: keep.id},
                    expected_version=None,
                    case_id=case_id,
                )
            moved += 1
    return moved
