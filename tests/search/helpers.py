"""Building cases for search tests through the ORM (so the index syncs as in real use)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlmodel import Session, select

from app.services import records
from app.services.actor import Actor
from models import Act, Case, CasePerson, Person
from models.enums import ActType, PersonRole
from models.partial_date import PartialDate, partial_date_columns
from models.search import SavedSearch
from models.user import User

SYSTEM = Actor.system()


def add_case(
    db: Session,
    *,
    title: str = "Disappearance of a fictional student",
    narrative: str = "",
    victim: str | None = None,
    victim_fields: dict[str, Any] | None = None,
    act_type: ActType = ActType.enforced_disappearance,
    when: PartialDate | None = None,
    commit: bool = True,
    **case_fields: Any,
) -> Case:
    """A case with (optionally) one victim and one act, written with the generic services."""
    values: dict[str, Any] = {
        "reference": f"TST-2026-{uuid.uuid4().hex[:6].upper()}",
        "title": title,
        "narrative": narrative,
    }
    values.update(case_fields)
    case = records.create(db, actor=SYSTEM, row=Case.model_validate(values))
    if victim is not None:
        person = add_person(db, full_name=victim, **(victim_fields or {}))
        link = {"case_id": case.id, "person_id": person.id, "role": PersonRole.victim}
        records.create(db, actor=SYSTEM, row=CasePerson.model_validate(link), case_id=case.id)
        act = {"case_id": case.id, "victim_id": person.id, "act_type": act_type}
        act.update(partial_date_columns("start", when or PartialDate.unknown()))
        records.create(db, actor=SYSTEM, row=Act.model_validate(act), case_id=case.id)
    if commit:
        db.commit()
    return case


def add_person(db: Session, **fields: Any) -> Person:
    """A person written with the generic service (not committed)."""
    return records.create(db, actor=SYSTEM, row=Person.model_validate(fields))


def day(year: int, month: int, day_: int) -> PartialDate:
    return PartialDate.exact(date(year, month, day_))


def sample_saved_search(db: Session) -> int:
    """A saved search of the first account, for routes that take its id."""
    user = db.exec(select(User).order_by(User.id)).first()  # type: ignore[arg-type]
    assert user is not None and user.id is not None
    row = SavedSearch.model_validate({"user_id": user.id, "name": "Sample", "query_string": "q=x"})
    saved = records.create(db, actor=SYSTEM, row=row)
    db.commit()
    assert saved.id is not None
    return saved.id
