"""The dashboard panel of intervention deadlines: overdue and due within two weeks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from flask_login import current_user
from sqlmodel import Session, select

from app.cases.services.common import today
from app.db import db_session
from app.main.panels import Panel, dashboard_panel
from app.security import Permission, user_can, visible_confidentiality
from models.case import Case
from models.enums import Confidentiality, InterventionStatus, InterventionType
from models.intervention import Intervention

HORIZON = timedelta(days=14)
LIMIT = 20


@dataclass(frozen=True)
class Deadline:
    case_id: int
    reference: str
    intervention_id: int
    label: str
    next_action: str | None
    due: date
    overdue: bool


def deadlines(
    session: Session, *, as_of: date, visible: frozenset[Confidentiality]
) -> tuple[list[Deadline], list[Deadline]]:
    """Open interventions of cases at the `visible` confidentiality levels: overdue (most recent
    first) and due within 14 days (soonest first), at most LIMIT + 1 of each (the extra one
    only says there are more; counting them all would cost a scan on every dashboard view)."""
    base = (
        select(
            Intervention.id,
            Intervention.case_id,
            Case.reference,
            Intervention.intervention_type,
            Intervention.next_action,
            Intervention.next_action_date,
        )
        .join(Case, Case.id == Intervention.case_id)  # type: ignore[arg-type]
        .where(
            Intervention.deleted_at.is_(None),
            Case.deleted_at.is_(None),  # type: ignore[union-attr]
            Case.confidentiality.in_(visible),  # type: ignore[attr-defined]
            Intervention.status != InterventionStatus.closed,
        )
    )
    due_date = Intervention.next_action_date
    overdue = session.exec(
        base.where(due_date < as_of).order_by(due_date.desc()).limit(LIMIT + 1)  # type: ignore[operator,union-attr]
    ).all()
    upcoming = session.exec(
        base.where(due_date >= as_of, due_date <= as_of + HORIZON)  # type: ignore[operator]
        .order_by(due_date)
        .limit(LIMIT + 1)  # type: ignore[arg-type]
    ).all()

    def deadline(row: tuple) -> Deadline:  # type: ignore[type-arg]
        iid, case_id, reference, kind, action, due = row
        return Deadline(
            case_id, reference, iid, InterventionType(kind).label, action, due, due < as_of
        )

    return [deadline(r) for r in overdue], [deadline(r) for r in upcoming]


@dashboard_panel
def intervention_deadlines() -> Panel | None:
    """Deadlines of open interventions, for everyone who works on cases."""
    if not user_can(current_user, Permission.view_cases):
        return None
    as_of = today()
    visible = visible_confidentiality(current_user.role)
    overdue, upcoming = deadlines(db_session(), as_of=as_of, visible=visible)
    return Panel(
        "Intervention deadlines",
        template="cases/_panel_deadlines.html",
        values={
            "overdue": overdue[:LIMIT],
            "upcoming": upcoming[:LIMIT],
            "more_overdue": len(overdue) > LIMIT,
            "more_upcoming": len(upcoming) > LIMIT,
            "as_of": as_of,
        },
        order=10,
        wide=True,
    )
