"""Evidence pages: upload to a case, the file's record and custody log, download, image, removal."""

from __future__ import annotations

from flask import Response, current_app, flash, redirect, render_template, send_file, url_for
from flask_login import current_user
from werkzeug.exceptions import NotFound as HTTPNotFound
from werkzeug.exceptions import RequestEntityTooLarge

from app.db import db_session
from app.errors import CasebookError
from app.evidence import bp, services
from app.evidence.forms import EvidenceDeleteForm, EvidenceUploadForm
from app.evidence.media_types import is_inline_image
from app.evidence.presenters import present_evidence
from app.evidence.storage import (
    download_filename,
    evidence_store,
    format_size,
    upload_limit_bytes,
)
from app.security import Permission, requires, user_can
from app.web import attach_error, current_actor, safe_next
from models.case import Case
from models.enums import CustodyAction

# Served files get nothing but their own bytes: no scripts, no styles, no frames, no plugins.
FILE_CSP = "default-src 'none'; img-src 'self'; media-src 'self'; sandbox"


@bp.route("/cases/<int:case_id>/evidence")
@requires(Permission.view_cases)
def case_evidence_list(case_id: int):  # type: ignore[no-untyped-def]
    """The case's evidence on its own page (the case page includes the same list)."""
    return render_template(
        "evidence/case_list.html",
        case=_case(case_id),
        case_id=case_id,
        case_url=case_page_url(case_id),
    )


@bp.route("/cases/<int:case_id>/evidence/new", methods=["GET", "POST"])
@requires(Permission.edit_cases)
def upload(case_id: int):  # type: ignore[no-untyped-def]
    case = _case(case_id)
    form = EvidenceUploadForm()
    back = safe_next(form.next.data, case_page_url(case_id))
    if form.validate_on_submit():
        upload_file = form.file.data
        try:
            outcome = services.upload_evidence(
                db_session(),
                actor=current_actor(),
                case_id=case_id,
                stream=upload_file.stream,
                filename=upload_file.filename,
                store=evidence_store(),
                max_bytes=upload_limit_bytes(),
                description=form.description.data or "",
                captured_at=form.captured_at.data,
                captured_by=form.captured_by.data,
                original_url=form.original_url.data,
            )
        except CasebookError as error:
            attach_error(form, error)
        else:
            evidence = outcome.evidence
            if not outcome.created:
                flash(
                    f"This exact file (same SHA-256) is already attached to this case as "
                    f"“{evidence.original_filename}”. Nothing new was stored.",
                    "info",
                )
                return redirect(url_for("evidence.detail", evidence_id=evidence.id))
            shared = "" if outcome.file_was_new else " The same file was already in the store."
            flash(f"“{evidence.original_filename}” was added to the evidence.{shared}", "success")
            return redirect(back)
    return render_template(
        "evidence/upload.html", case=case, case_id=case_id, form=form, case_url=back
    )


@bp.route("/evidence/<int:evidence_id>")
@requires(Permission.view_cases)
def detail(evidence_id: int):  # type: ignore[no-untyped-def]
    """The file's record and custody log; opening it is itself a custody event."""
    session = db_session()
    evidence = services.get_evidence(session, evidence_id)
    services.record_custody(
        session, actor=current_actor(), evidence=evidence, action=CustodyAction.viewed
    )
    names = services.user_names(session, {evidence.created_by_id})
    return render_template(
        "evidence/detail.html",
        case=_case(evidence.case_id),
        item=present_evidence(evidence, names),
        custody=services.custody_log(session, evidence),
        intact=evidence_store().matches(evidence.sha256),
        other_cases=services.other_cases_sharing_file(session, evidence),
        case_url=case_page_url(evidence.case_id),
        can_remove=user_can(current_user, Permission.review_cases),
    )


@bp.route("/evidence/<int:evidence_id>/download")
@requires(Permission.view_cases)
def download(evidence_id: int):  # type: ignore[no-untyped-def]
    """The original bytes, always as an attachment, never rendered by the browser."""
    session = db_session()
    evidence = services.get_evidence(session, evidence_id)
    response = _send_stored(evidence, as_attachment=True)
    services.record_custody(
        session, actor=current_actor(), evidence=evidence, action=CustodyAction.downloaded
    )
    return response


@bp.route("/evidence/<int:evidence_id>/image")
@requires(Permission.view_cases)
def image(evidence_id: int):  # type: ignore[no-untyped-def]
    """A raster image shown in the browser; every other type (SVG above all) is download-only."""
    session = db_session()
    evidence = services.get_evidence(session, evidence_id)
    if not is_inline_image(evidence.media_type):
        raise HTTPNotFound("This file can only be downloaded.")
    response = _send_stored(evidence, as_attachment=False)
    services.record_custody(
        session, actor=current_actor(), evidence=evidence, action=CustodyAction.viewed
    )
    return response


@bp.route("/evidence/<int:evidence_id>/delete", methods=["GET", "POST"])
@requires(Permission.review_cases)
def delete(evidence_id: int):  # type: ignore[no-untyped-def]
    session = db_session()
    evidence = services.get_evidence(session, evidence_id)
    form = EvidenceDeleteForm(version=evidence.version)
    if form.validate_on_submit():
        try:
            services.delete_evidence(
                session,
                actor=current_actor(),
                evidence=evidence,
                reason=form.reason.data or "",
                expected_version=_int_or_none(form.version.data),
            )
        except CasebookError as error:
            attach_error(form, error)
        else:
            flash(f"“{evidence.original_filename}” was removed from the case.", "success")
            return redirect(case_page_url(evidence.case_id))
    names = services.user_names(session, {evidence.created_by_id})
    return render_template(
        "evidence/delete.html",
        case=_case(evidence.case_id),
        item=present_evidence(evidence, names),
        form=form,
    )


@bp.app_errorhandler(RequestEntityTooLarge)
def too_large(_error: RequestEntityTooLarge):  # type: ignore[no-untyped-def]
    """Say what the limit is when a request is too large to be read at all."""
    message = (
        f"The file is larger than the upload limit of {format_size(upload_limit_bytes())}. "
        "Nothing was saved. Go back and choose a smaller file, or split a long recording "
        "into parts."
    )
    return render_template("error.html", code=413, message=message), 413


def _send_stored(evidence, *, as_attachment: bool) -> Response:  # type: ignore[no-untyped-def]
    path = evidence_store().path_for(evidence.sha256)
    if not path.is_file():
        raise HTTPNotFound("The stored file is missing. Tell an admin: it must be restored.")
    response = send_file(
        path,
        mimetype=evidence.media_type,
        as_attachment=as_attachment,
        download_name=download_filename(evidence.original_filename, evidence.media_type),
        conditional=False,
        etag=False,
        max_age=0,
    )
    # Evidence must not linger in a shared computer's browser cache.
    response.headers["Cache-Control"] = "no-store"
    response.headers.pop("Expires", None)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = FILE_CSP
    response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


def case_page_url(case_id: int) -> str:
    """The case page (the route at /cases/<case_id>), else this case's evidence page."""
    for rule in current_app.url_map.iter_rules():
        if rule.rule == "/cases/<int:case_id>" and "GET" in (rule.methods or ()):
            return url_for(rule.endpoint, case_id=case_id)
    return url_for("evidence.case_evidence_list", case_id=case_id)


def _case(case_id: int) -> Case:
    case = db_session().get(Case, case_id)
    if case is None or case.deleted_at is not None:
        raise HTTPNotFound("No such case.")
    return case


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None
