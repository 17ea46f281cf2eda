"""Dossiers: make a case dossier, WGEID submission or advocacy report, follow the background
job, list and download the PDFs (every download audited)."""

from flask import Blueprint

from app.navigation import add_nav_item
from app.security import Permission

bp = Blueprint("dossiers", __name__, url_prefix="/dossiers")

add_nav_item("dossiers.dossier_list", "Dossiers", Permission.export_internal, order=40)

from app.dossiers import routes  # noqa: E402,F401
from app.dossiers.presenters import template_globals  # noqa: E402

bp.app_context_processor(template_globals)
