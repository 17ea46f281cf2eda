"""Dashboard."""

from __future__ import annotations

from flask import render_template

from app.main import bp
from app.main.panels import dashboard_panels
from app.security import Permission, requires


@bp.route("/")
@requires(Permission.view_cases)
def dashboard():  # type: ignore[no-untyped-def]
    """What needs attention: the panels each area contributes."""
    return render_template("main/dashboard.html", panels=dashboard_panels())
