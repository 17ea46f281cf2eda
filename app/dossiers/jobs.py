"""The dossier build job: runs in the Huey worker (or inline), by id, with its own sessions.

Progress and the outcome are committed as they happen, in short transactions separate from the
long read that renders the PDF, so the page polling the job sees them at once. Any failure —
a refusal with what to fix, or an unexpected error — ends up on the row as `failed` with its
message: never lost, never silent.
"""

from __future__ import annotations

import logging

from flask import current_app
from sqlmodel import Session

from app import db
from app.dossiers import services
from app.dossiers.store import dossier_dir
from models.dossier import Dossier
from models.enums import DossierStatus
from reports.context import ReportRefused
from reports.dossier import render_dossier, store_pdf

LOGGER = logging.getLogger(__name__)


def _session() -> Session:
    return Session(db.engine(), expire_on_commit=False)


def _update(dossier_id: int, change) -> None:  # type: ignore[no-untyped-def]
    with _session() as session:
        dossier = session.get(Dossier, dossier_id)
        if dossier is not None:
            change(session, dossier)
            session.commit()


def run_dossier_job(dossier_id: int) -> DossierStatus | None:
    """Build the PDF of a queued dossier, store it, record the outcome; returns the status."""
    settings = current_app.extensions["casebook.settings"]
    with _session() as session:
        dossier = session.get(Dossier, dossier_id)
        if dossier is None or dossier.status == DossierStatus.done:
            return None if dossier is None else DossierStatus(dossier.status)
        order = services.order_for(session, dossier, organisation=settings.organisation_name)
        services.mark_running(session, dossier)
        session.commit()

    def progress(done: int, total: int) -> None:
        _update(dossier_id, lambda s, d: services.record_progress(s, d, done, total))

    try:
        with _session() as session:
            rendered = render_dossier(session, order, on_progress=progress)
        name = store_pdf(dossier_dir(), rendered)
    except ReportRefused as error:
        message = error.message
    except Exception as error:  # the job must record every failure, whatever it is
        LOGGER.exception("Dossier %s failed", dossier_id)
        message = f"The dossier could not be built ({type(error).__name__}: {error})."
    else:
        _update(
            dossier_id,
            lambda s, d: services.record_result(
                s, d, sha256=rendered.sha256, page_count=rendered.page_count, file_name=name
            ),
        )
        return DossierStatus.done
    _update(dossier_id, lambda s, d: services.record_failure(s, d, message[:2000]))
    return DossierStatus.failed
