"""Vocabularies: admins see each scheme's terms and add local ones (districts, forces…)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_wtf import FlaskForm
from sqlmodel import select
from wtforms import HiddenField, StringField
from wtforms.validators import InputRequired

from app.cases import bp
from app.cases.crud import show_problems
from app.cases.services.vocabulary import add_local_term, schemes, set_term_active
from app.db import db_session
from app.errors import InvalidInput
from app.security import Permission, requires
from app.web import current_actor
from models.vocabulary import LOCAL_SCHEMES, VocabularyTerm


class TermForm(FlaskForm):
    scheme = HiddenField()
    label = StringField("New term", validators=[InputRequired(message="Type the term.")])


def _scheme_names() -> list[str]:
    names = schemes(db_session())
    return names + [s for s in LOCAL_SCHEMES if s not in names]


@bp.route("/vocabularies", methods=["GET", "POST"])
@requires(Permission.manage_vocabularies)
def vocabulary_list():  # type: ignore[no-untyped-def]
    """The terms of one vocabulary, and a form to add a local term to it."""
    session = db_session()
    names = _scheme_names()
    scheme = request.values.get("scheme") or "district"
    if scheme not in names:
        scheme = "district"
    form = TermForm(data={"scheme": scheme})
    status = 200
    if form.validate_on_submit():
        try:
            term = add_local_term(
                session, actor=current_actor(), scheme=scheme, label=form.label.data or ""
            )
        except InvalidInput as error:
            show_problems(form, error)
        else:
            flash(f"“{term.label}” was added to {scheme.replace('_', ' ')}.", "success")
            return redirect(url_for("cases.vocabulary_list", scheme=scheme))
    if form.errors or form.form_errors:
        status = 422
    terms = session.exec(
        select(VocabularyTerm)
        .where(VocabularyTerm.scheme == scheme)
        .order_by(VocabularyTerm.is_local, VocabularyTerm.code)  # type: ignore[arg-type]
    ).all()
    return render_template(
        "cases/vocabularies.html", schemes=names, scheme=scheme, terms=terms, form=form
    ), status


@bp.route("/vocabularies/<int:term_id>/active", methods=["POST"])
@requires(Permission.manage_vocabularies)
def vocabulary_term_active(term_id: int):  # type: ignore[no-untyped-def]
    """Hide a term from suggestions, or offer it again (terms are never deleted)."""
    active = request.form.get("active") == "1"
    term = set_term_active(db_session(), actor=current_actor(), term_id=term_id, active=active)
    flash(f"“{term.label}” is now {'offered' if active else 'hidden'}.", "success")
    return redirect(url_for("cases.vocabulary_list", scheme=term.scheme))
