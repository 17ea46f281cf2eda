"""What every case service shares: cleaning form values into columns, the date and length
checks, finding a live row of a case, and the `Saved` / `Problems` results."""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Generic, TypeVar

from sqlmodel import Session, SQLModel, select

from app.errors import InvalidInput, NotFound
from app.services import records
from app.services.actor import Actor
from models.case import Case, CasePerson
from models.partial_date import PartialDate, partial_date_columns
from models.types import utcnow

T = TypeVar("T", bound=SQLModel)

# Dates that look ahead by nature; every other date must not be in the future.
FUTURE_DATES_ALLOWED = frozenset({"next_action_date"})
# A day's grace: a documenter in Pakistan (UTC+5) may type "today" before the server's today.
FUTURE_GRACE = timedelta(days=1)


@dataclass(frozen=True)
class Saved(Generic[T]):
    """A row a service wrote, and any warnings worth showing (nothing refused)."""

    row: T
    warnings: tuple[str, ...] = ()


class Problems(InvalidInput):
    """Several things to fix at once, each naming its field (see `.problems`)."""

    def __init__(self, problems: list[InvalidInput]) -> None:
        super().__init__(
            "Please correct the fields marked below. Everything you typed has been kept."
        )
        self.problems = problems


def raise_problems(problems: list[InvalidInput]) -> None:
    """Raise the one problem found, or all of them together; do nothing when there are none."""
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise Problems(problems)


def prefixed(problems: Iterable[InvalidInput], prefix: str) -> list[InvalidInput]:
    """The same problems with their fields moved under `prefix` ("victim.full_name")."""
    return [
        InvalidInput(p.message, field=f"{prefix}.{p.field}" if p.field else prefix)
        for p in problems
    ]


def today() -> date:
    return utcnow().date()


def normalise_text(text: str) -> str:
    """Trimmed, with Unicode composed the same way whichever keyboard typed it (Urdu too)."""
    return unicodedata.normalize("NFC", text).strip()


def clean(
    model: type[SQLModel], fields: Mapping[str, Any]
) -> tuple[dict[str, Any], list[InvalidInput]]:
    """Form values as `model`'s column values, and the problems found on the way.

    A `PartialDate` under key "start" fills the four `start_*` columns. Text is trimmed, a
    blank optional column becomes None, and text longer than its column is refused. A date
    in the future is refused unless it is a deadline. An unknown key is a programming error.
    """
    table = model.__table__  # type: ignore[attr-defined]
    columns: dict[str, Any] = {}
    problems: list[InvalidInput] = []
    latest_allowed = today() + FUTURE_GRACE
    for key, value in fields.items():
        if isinstance(value, PartialDate):
            if f"{key}_earliest" not in table.c:
                raise TypeError(f"{model.__name__} has no partial date {key!r}")
            if value.is_known and value.earliest and value.earliest > latest_allowed:
                problems.append(
                    InvalidInput(
                        f"{value} is in the future. Check the year; write 'circa' if unsure.",
                        field=key,
                    )
                )
            columns.update(partial_date_columns(key, value))
            continue
        if key not in table.c:
            raise TypeError(f"{model.__name__} has no column {key!r}")
        column = table.c[key]
        if value is None and not column.nullable:
            continue  # not on the form: the column keeps its default (or current) value
        if isinstance(value, str) and not isinstance(value, enum.Enum):
            value = normalise_text(value)
            length = getattr(column.type, "length", None)
            if length and len(value) > length:
                problems.append(
                    InvalidInput(
                        f"Keep this under {length} characters (it has {len(value)}).", field=key
                    )
                )
            if not value and column.nullable:
                value = None
        elif (
            isinstance(value, date)
            and not isinstance(value, datetime)
            and key not in FUTURE_DATES_ALLOWED
            and value > latest_allowed
        ):
            problems.append(
                InvalidInput(f"{value:%d %B %Y} is in the future. Check the date.", field=key)
            )
        columns[key] = value
    return columns, problems


def span_problems(fields: Mapping[str, Any], start: str, end: str) -> list[InvalidInput]:
    """Refuse an end that is certainly before its start."""
    first, last = fields.get(start), fields.get(end)
    if (
        isinstance(first, PartialDate)
        and isinstance(last, PartialDate)
        and first.is_known
        and last.is_known
        and first.earliest
        and last.latest
        and last.latest < first.earliest
    ):
        return [
            InvalidInput(
                f"The end ({last}) is before the start ({first}). Check both dates.", field=end
            )
        ]
    return []


def get_case(session: Session, case_id: int) -> Case:
    """The live case with this id, or NotFound."""
    case = session.get(Case, case_id)
    if case is None or case.deleted_at is not None:
        raise NotFound("This case does not exist or was removed.")
    return case


def get_in_case(session: Session, model: type[T], row_id: int, case_id: int) -> T:
    """A live row of `model` that belongs to the case, or NotFound."""
    row = session.get(model, row_id)
    if row is None or getattr(row, "deleted_at", None) is not None or row.case_id != case_id:  # type: ignore[attr-defined]
        raise NotFound(f"No such {model.__name__.lower()} in this case.")
    return row


def reference_problems(
    session: Session, case_id: int, checks: Mapping[str, type[SQLModel]], fields: Mapping[str, Any]
) -> list[InvalidInput]:
    """Refuse ids in `fields` (e.g. act_id) that do not point at a live row of this case."""
    problems = []
    for key, model in checks.items():
        row_id = fields.get(key)
        if row_id is None:
            continue
        row = session.get(model, row_id)
        if row is None or row.deleted_at is not None or row.case_id != case_id:  # type: ignore[attr-defined]
            problems.append(InvalidInput("Pick one of this case's records.", field=key))
    return problems


def person_in_case(session: Session, case_id: int, person_id: int) -> CasePerson | None:
    """The live link of a person to a case, if any."""
    return session.exec(
        select(CasePerson).where(
            CasePerson.case_id == case_id,
            CasePerson.person_id == person_id,
            CasePerson.deleted_at.is_(None),  # type: ignore[union-attr]
        )
    ).first()


def create_in_case(
    session: Session, *, actor: Actor, case: Case, model: type[T], columns: Mapping[str, Any]
) -> T:
    """Insert a row of `model` belonging to `case`, audited under the case."""
    row = model.model_validate({**columns, "case_id": case.id})
    return records.create(session, actor=actor, row=row, case_id=case.id)


def dependants(session: Session, checks: Mapping[str, Any]) -> list[str]:
    """Descriptions of live rows that still point at a record about to be removed.

    `checks` maps a description ("official response") to a select of ids.
    """
    found = []
    for description, statement in checks.items():
        ids = session.exec(statement).all()
        if ids:
            found.append(f"{description} #{', #'.join(str(i) for i in ids)}")
    return found


def update_in_case(
    session: Session,
    *,
    actor: Actor,
    case: Case,
    row: SQLModel,
    columns: Mapping[str, Any],
    expected_version: int | None,
) -> None:
    """Apply checked changes to a record of the case: versioned, audited under the case."""
    records.update(
        session,
        actor=actor,
        row=row,
        changes=dict(columns),
        expected_version=expected_version,
        case_id=case.id,
    )


def remove_from_case(
    session: Session,
    *,
    actor: Actor,
    case: Case,
    row: SQLModel,
    expected_version: int | None = None,
    reason: str | None = "",
) -> None:
    """Soft-delete a record of the case, audited under the case with the reason given."""
    records.soft_delete(
        session,
        actor=actor,
        row=row,
        expected_version=expected_version,
        case_id=case.id,
        reason=reason or None,
    )
