"""The Jinja environment for print templates under templates/reports/.

Autoescape is always on (every report template is HTML, and case text is user input) and
undefined names raise instead of printing blank, so a template that drifts from its
context fails loudly in tests rather than in front of a UN Working Group.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from reports.assets import asset_url, thumbnail_url

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"


@cache
def report_environment() -> Environment:
    """The shared environment: loader on templates/, autoescape, strict undefined."""
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(asset_url=asset_url, thumbnail_url=thumbnail_url)
    return environment


def render_report_html(template_name: str, context: Mapping[str, Any]) -> str:
    """Render a print template (e.g. `reports/case_dossier.html`) with a plain context."""
    return report_environment().get_template(template_name).render(context)
