"""Dossier pages: make one from a case or a search, follow its job, list, download."""

from __future__ import annotations

from typing import Any

from flask import (
    abort,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from app.db import db_session
from app.dossiers import bp, services
from app.dossiers.forms import AUDIENCE_HINTS, CaseDossierForm, ReportForm, offer_audiences
from app.dossiers.presenters import present, progress_payload
from app.dossiers.preview import audience_previews
from app.dossiers.selection import select_report_cases
from app.dossiers.store import stored_path
from app.dossiers.tasks import enqueue_after_commit
from app.errors import InvalidInput
from app.security import Permission, requires
from app.web import attach_error, current_actor
from models.enums import DossierAudience, DossierKind
from reports.records import load_one_case

PAGE_SIZE = 50


def _organisation() -> str:
    return current_app.extensions["casebook.settings"].organisation_name


@bp.route("/")
@requires(Permission.export_internal)
def dossier_list():  # type: ignore[no-untyped-def]
    """Every dossier made, newest first."""
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    session = db_session()
    rows = services.recent_dossiers(session, limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE)
    return render_template(
        "dossiers/list.html",
        dossiers=present(rows[:PAGE_SIZE], session),
        page=page,
        has_next=len(rows) > PAGE_SIZE,
    )


def _audience_choices() -> list[tuple[DossierAudience, str, bool]]:
    allowed = services.allowed_audiences(current_actor())
    return [(a, AUDIENCE_HINTS[a], a in allowed) for a in DossierAudience]


def _request(form: FlaskForm, **order: Any) -> Response | None:
    """Record the dossier and queue its build, then show its page; on a refusal put the
    reason on the form and return None (a Forbidden refusal becomes a 403 page)."""
    session = db_session()
    try:
        dossier = services.request_dossier(
            session, actor=current_actor(), organisation=_organisation(), **order
        )
    except InvalidInput as error:
        attach_error(form, error)
        return None
    enqueue_after_commit(session, dossier.id)  # type: ignore[arg-type]
    return redirect(url_for("dossiers.dossier_detail", dossier_id=dossier.id))


@bp.route("/new/case/<int:case_id>", methods=["GET", "POST"])
@requires(Permission.export_internal)
def new_case_dossier(case_id: int):  # type: ignore[no-untyped-def]
    """Make a case dossier or WGEID submission, with a preview of what each audience hides."""
    session = db_session()
    records = load_one_case(session, case_id)
    if records is None:
        abort(404)
    form = CaseDossierForm()
    offer_audiences(form, list(DossierAudience))
    if form.validate_on_submit():
        kind, audience = DossierKind(form.kind.data), DossierAudience(form.audience.data)
        made = _request(
            form,
            kind=kind,
            audience=audience,
            case_ids=[case_id],
            title=f"{records.case.reference} — {kind.label} ({audience.label})",
        )
        if made is not None:
            return made
    return render_template(
        "dossiers/new_case.html",
        form=form,
        case=records.case,
        audiences=_audience_choices(),
        previews=audience_previews(records, organisation=_organisation()),
    ), (422 if form.errors else 200)


@bp.route("/new/report", methods=["GET", "POST"])
@requires(Permission.export_internal)
def new_report():  # type: ignore[no-untyped-def]
    """Make an advocacy report over the search given in the query string."""
    session = db_session()
    selection = select_report_cases(session, request.args, actor=current_actor())
    form = ReportForm()
    offer_audiences(form, list(DossierAudience))
    if form.validate_on_submit():
        audience = DossierAudience(form.audience.data)
        made = _request(
            form,
            kind=DossierKind.advocacy,
            audience=audience,
            case_ids=selection.case_ids,
            title=f"Advocacy report ({audience.label}): {selection.summary}",
            filters={"query": selection.query, "description": selection.description},
        )
        if made is not None:
            return made
    return render_template(
        "dossiers/new_report.html",
        form=form,
        selection=selection,
        audiences=_audience_choices(),
    ), (422 if form.errors else 200)


@bp.route("/<int:dossier_id>")
@requires(Permission.export_internal)
def dossier_detail(dossier_id: int):  # type: ignore[no-untyped-def]
    """One dossier: its job's progress, its failure, or its file."""
    session = db_session()
    item = present([services.get_dossier(session, dossier_id)], session)[0]
    return render_template("dossiers/detail.html", dossier=item)


@bp.route("/<int:dossier_id>/progress")
@requires(Permission.export_internal)
def dossier_progress(dossier_id: int):  # type: ignore[no-untyped-def]
    """The job's state as JSON, for the progress bar."""
    return jsonify(progress_payload(services.get_dossier(db_session(), dossier_id)))


@bp.route("/<int:dossier_id>/download")
@requires(Permission.export_internal)
def dossier_download(dossier_id: int):  # type: ignore[no-untyped-def]
    """The PDF, after the audit trail and the evidence custody logs have recorded it."""
    session = db_session()
    dossier = services.get_dossier(session, dossier_id)
    if not dossier.file_path:
        raise InvalidInput("This dossier is not ready yet.")
    released = services.release_dossier(
        session, actor=current_actor(), dossier=dossier, path=stored_path(dossier.file_path)
    )
    return send_file(
        released.path,
        mimetype="application/pdf",
        as_attachment=True,
        download_name=released.download_name,
        max_age=0,
    )
