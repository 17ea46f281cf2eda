"""Evidence files: upload to a case, content-addressed storage, chain of custody, download."""

from flask import Blueprint

bp = Blueprint("evidence", __name__)

from app.evidence import routes  # noqa: E402,F401
from app.evidence.presenters import template_globals  # noqa: E402

bp.app_context_processor(template_globals)
