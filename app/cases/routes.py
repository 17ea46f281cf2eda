"""The case page, quick entry, the case list, and the case's own status and workflow actions."""

from __future__ import annotations

from typing import Any

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.cases import bp
from app.cases.case_list import CaseListQuery, list_cases
from app.cases.case_view import build_case_view
from app.cases.crud import delete_view, edit_view, register, show_problems
from app.cases.entities import CASE, CASE_PARTS
from app.cases.forms_case import StatusOverrideForm, WorkflowForm
from app.cases.forms_quick import QUICK_PATHS, QuickEntryForm
from app.cases.options import datalists_for
from app.cases.services import change_workflow, get_case, quick_entry, set_status_override
from app.cases.services.cases import TRANSITIONS
from app.db import db_session
from app.errors import InvalidInput, StaleEdit
from app.security import Permission, requires, user_can, visible_confidentiality
from app.web import current_actor
from models.enums import WorkflowState

for _spec in CASE_PARTS:
    register(bp, _spec)


@bp.route("/cases")
@requires(Permission.view_cases)
def case_list():  # type: ignore[no-untyped-def]
    """Cases, newest change first; sortable, filterable by workflow state, paged."""
    query = CaseListQuery.from_args(request.args)
    page = list_cases(db_session(), query, visible=visible_confidentiality(current_user.role))
    return render_template(
        "cases/case_list.html",
        page=page,
        query=query,
        states=list(WorkflowState),
        can_edit=user_can(current_user, Permission.edit_cases),
    )


@bp.route("/cases/new", methods=["GET", "POST"], endpoint="quick_entry")
@requires(Permission.edit_cases)
def quick_entry_view():  # type: ignore[no-untyped-def]
    """Quick entry: the whole common case on one page, saved in one go."""
    session = db_session()
    form = QuickEntryForm()
    if form.validate_on_submit():
        try:
            saved = quick_entry(session, actor=current_actor(), **form.sections())
        except InvalidInput as error:
            show_problems(form, error, QUICK_PATHS)
        else:
            for warning in saved.warnings:
                flash(warning, "warning")
            flash(f"Case {saved.row.reference} was created.", "success")
            return redirect(url_for("cases.case_page", case_id=saved.row.id))
    status = 422 if form.errors or form.form_errors else 200
    return render_template(
        "cases/quick_entry.html", form=form, datalists=datalists_for(session, form)
    ), status


@bp.route("/cases/<int:case_id>")
@requires(Permission.view_cases)
def case_page(case_id: int):  # type: ignore[no-untyped-def]
    """Everything about one case, with what is proven and what is missing."""
    return _case_page(case_id)


def _case_page(
    case_id: int, *, override_form: StatusOverrideForm | None = None, status: int = 200
) -> Any:
    session = db_session()
    settings = current_app.extensions["casebook.settings"]
    view = build_case_view(
        session,
        case_id,
        submitter=settings.organisation_name,
        full_history=request.args.get("history") == "all",
    )
    if override_form is None:
        override_form = StatusOverrideForm(
            formdata=None,
            data={
                "status": view.case.status_override,
                "reason": view.case.status_override_reason,
                "version": view.case.version,
            },
        )
    moves = [
        (to_state, user_can(current_user, permission))
        for (from_state, to_state), permission in TRANSITIONS.items()
        if from_state == view.case.workflow_state
    ]
    return render_template(
        "cases/case_page.html",
        view=view,
        case=view.case,
        case_id=case_id,
        override_form=override_form,
        workflow_moves=moves,
        can_edit=user_can(current_user, Permission.edit_cases),
        can_review=user_can(current_user, Permission.review_cases),
    ), status


@bp.route("/cases/<int:case_id>/edit", methods=["GET", "POST"])
@requires(Permission.edit_cases)
def case_edit(case_id: int):  # type: ignore[no-untyped-def]
    """Edit the case's details."""
    return edit_view(CASE, case_id)


@bp.route("/cases/<int:case_id>/delete", methods=["GET", "POST"])
@requires(Permission.review_cases)
def case_delete(case_id: int):  # type: ignore[no-untyped-def]
    """Remove a case (kept in the database with its history)."""
    return delete_view(CASE, case_id)


@bp.route("/cases/<int:case_id>/status", methods=["POST"])
@requires(Permission.review_cases)
def case_status(case_id: int):  # type: ignore[no-untyped-def]
    """A coordinator overrides (or restores) the computed violation status, with a reason."""
    session = db_session()
    case = get_case(session, case_id)
    form = StatusOverrideForm()
    if form.validate_on_submit():
        try:
            version = int(form.version.data or "")
        except ValueError:
            version = None
        try:
            set_status_override(
                session,
                actor=current_actor(),
                case=case,
                status=form.status.data,
                reason=form.reason.data or "",
                expected_version=version,
            )
        except (InvalidInput, StaleEdit) as error:
            show_problems(form, error)
            return _case_page(
                case_id, override_form=form, status=409 if isinstance(error, StaleEdit) else 422
            )
        flash("The status shown was updated.", "success")
        return redirect(url_for("cases.case_page", case_id=case_id) + "#status")
    return _case_page(case_id, override_form=form, status=422)


@bp.route("/cases/<int:case_id>/workflow", methods=["POST"])
@requires(Permission.edit_cases)
def case_workflow(case_id: int):  # type: ignore[no-untyped-def]
    """Submit a case for review, approve it (coordinator), or send it back."""
    session = db_session()
    case = get_case(session, case_id)
    form = WorkflowForm()
    if form.validate_on_submit():
        try:
            change_workflow(
                session,
                actor=current_actor(),
                case=case,
                from_state=form.from_state.data,
                to_state=form.to_state.data,
            )
        except InvalidInput as error:
            flash(error.message, "error")
        else:
            flash(f"The case is now {form.to_state.data.label.lower()}.", "success")
    else:
        flash(
            "Nothing was changed: the request was incomplete. Use the buttons on the case page.",
            "error",
        )
    return redirect(url_for("cases.case_page", case_id=case_id))
