"""Confidential cases are invisible to roles that may not see them, on every route.

Any route whose URL names a case (`case_id`) or an evidence file (`evidence_id`) is checked here,
once, before the view runs: a case the user may not see answers 404, as if it did not exist, so
a new route cannot forget the check. Lists and counts filter with `visible_confidentiality`.
"""

from __future__ import annotations

from flask import Flask, abort, request
from flask_login import current_user
from sqlmodel import select

from app.db import db_session
from app.security import visible_confidentiality
from models import Case, Evidence
from models.enums import Confidentiality


def init_app(app: Flask) -> None:
    @app.before_request
    def _hide_cases_the_user_may_not_see() -> None:
        args = request.view_args or {}
        if not current_user.is_authenticated or not ({"case_id", "evidence_id"} & set(args)):
            return
        visible = visible_confidentiality(current_user.role)
        if visible == frozenset(Confidentiality):
            return
        session = db_session()
        case_id = args.get("case_id")
        if case_id is None:
            case_id = session.exec(
                select(Evidence.case_id).where(Evidence.id == args["evidence_id"])
            ).first()
        if case_id is None:
            return
        level = session.exec(select(Case.confidentiality).where(Case.id == case_id)).first()
        if level is not None and Confidentiality(level) not in visible:
            abort(404)
