"""Small helpers the views share: the acting user, safe redirects, form error plumbing."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import request
from flask_login import current_user
from flask_wtf import FlaskForm

from app.errors import CasebookError
from app.services.actor import Actor


def current_actor() -> Actor:
    """The signed-in user as an `Actor`, with the client's address for the audit trail."""
    return Actor.of(current_user, ip=request.remote_addr)  # type: ignore[arg-type]


def safe_next(target: str | None, default: str) -> str:
    """`target` when it is a path on this site, else `default` (no open redirects)."""
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    return target


def attach_error(form: FlaskForm, error: CasebookError) -> None:
    """Show a service's refusal next to the field it names, or at the top of the form."""
    field = getattr(form, error.field, None) if error.field else None
    if field is not None:
        field.errors = [*field.errors, error.message]
    else:
        form.form_errors.append(error.message)
