"""One add / edit / remove workflow for every part of a case, parametrised by an `EntitySpec`.

Bad input re-renders the bound form (status 422, so nothing half-done is committed) with each
problem beside its field. An edit based on an old version is refused (409): the form keeps what
the user typed and shows, beside each field, what the other person saved meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from flask import Blueprint, flash, redirect, render_template, url_for
from sqlmodel import Session
from wtforms import BooleanField, Field, SelectField

from app.cases.forms_entities import DeleteForm, EntityForm
from app.cases.options import CaseOptions, datalists_for, find_field
from app.cases.services.common import Problems, get_case
from app.db import db_session
from app.errors import CasebookError, InvalidInput, StaleEdit
from app.security import Permission, requires
from app.web import current_actor
from models.case import Case
from models.partial_date import PartialDate, partial_date

Loader = Callable[[Session, Case, int], Any]


@dataclass(frozen=True)
class EntitySpec:
    """How one kind of record is added, edited and removed from the case page."""

    name: str  # endpoint stem and URL parameter: "act" → cases.act_edit, <int:act_id>
    slug: str  # URL segment: /cases/<case_id>/acts/…
    noun: str  # "act", "official response"
    form: type[EntityForm]
    load: Loader
    update: Callable[..., Any]
    delete: Callable[..., Any]
    anchor: str  # the case page section to return to
    create: Callable[..., Any] | None = None
    edit_form: type[EntityForm] | None = None
    subforms: Mapping[str, str] = field(default_factory=dict)  # form field → service keyword
    extra_data: Callable[[Session, Case, Any], dict[str, Any]] | None = None
    new_defaults: Callable[[CaseOptions], dict[str, Any]] | None = None
    describe: Callable[[Any], str] = lambda row: f"#{row.id}"
    delete_note: str = ""
    delete_permission: Permission = Permission.edit_cases

    def row_argument(self, row: Any) -> dict[str, Any]:
        """The service keyword naming the record (the case itself is passed as `case`)."""
        return {} if self.name == "case" else {self.name: row}


def form_values(spec: EntitySpec, session: Session, case: Case, row: Any) -> dict[str, Any]:
    """What the edit form shows for `row`: its columns, partial dates read back, its version."""
    form_class = spec.edit_form or spec.form
    names = {n for _, names in form_class.fieldsets for n in names}
    values: dict[str, Any] = {"version": row.version}
    for name in names:
        if hasattr(row, f"{name}_earliest"):
            values[name] = partial_date(row, name)
        elif hasattr(row, name):
            values[name] = getattr(row, name)
    if spec.extra_data:
        values.update(spec.extra_data(session, case, row))
    return values


def show_problems(
    form: Any, error: CasebookError, aliases: Mapping[str, str] | None = None
) -> None:
    """Put each problem beside its field (dotted paths reach into sub-forms), else on top."""
    for problem in error.problems if isinstance(error, Problems) else [error]:
        path = problem.field or ""
        for prefix, replacement in (aliases or {}).items():
            if path == prefix or path.startswith(prefix + "."):
                path = replacement + path[len(prefix) :]
                break
        target = find_field(form, path) if path else None
        if target is not None:
            target.errors = [*target.errors, problem.message]
        else:
            form.form_errors.append(problem.message)


def display(form_field: Field) -> str:
    """A field's value as a person reads it (a select's label, "Yes"/"No", a date)."""
    value = form_field.data
    if isinstance(form_field, BooleanField):
        return "Yes" if value else "No"
    if isinstance(form_field, SelectField):
        for choice_value, label, selected, *_ in form_field.iter_choices():
            if selected:
                return str(label) if choice_value != "" else "(blank)"
        return "(blank)"
    if isinstance(value, PartialDate):
        return str(value) if value.is_known else "(blank)"
    if isinstance(value, date):
        return f"{value:%d %B %Y}"
    return "(blank)" if value in (None, "") else str(value)


def their_values(
    spec: EntitySpec, session: Session, case: Case, row: Any, mine: EntityForm, options: CaseOptions
) -> dict[str, str]:
    """Field name → the other person's saved value, where it differs from what was typed."""
    form_class = spec.edit_form or spec.form
    theirs = form_class(
        formdata=None, data=form_values(spec, session, case, row), meta={"csrf": False}
    )
    options.fill(theirs)
    return {
        name: display(theirs[name])
        for _, names in form_class.fieldsets
        for name in names
        if theirs[name].data != mine[name].data
    }


def _service_arguments(spec: EntitySpec, form: EntityForm) -> dict[str, Any]:
    arguments: dict[str, Any] = {"fields": form.service_fields()}
    for form_name, keyword in spec.subforms.items():
        arguments[keyword] = dict(form[form_name].data)
    return arguments


def _back(case: Case, spec: EntitySpec) -> Any:
    return redirect(url_for("cases.case_page", case_id=case.id) + "#" + spec.anchor)


def _render(spec: EntitySpec, case: Case, form: Any, mode: str, status: int = 200, **extra: Any):  # type: ignore[no-untyped-def]
    context = {"spec": spec, "case": case, "form": form, "mode": mode, "case_id": case.id, **extra}
    if mode != "delete":
        context["datalists"] = datalists_for(db_session(), form)
    template = "cases/entity_delete.html" if mode == "delete" else "cases/entity_form.html"
    return render_template(template, **context), status


def _flash_saved(saved: Any, message: str) -> None:
    for warning in getattr(saved, "warnings", ()):
        flash(warning, "warning")
    flash(message, "success")


def new_view(spec: EntitySpec, case_id: int):  # type: ignore[no-untyped-def]
    """Add a record of `spec`'s kind to the case."""
    session = db_session()
    case = get_case(session, case_id)
    options = CaseOptions(session, case)
    form = spec.form(data=spec.new_defaults(options) if spec.new_defaults else None)
    options.fill(form)
    if form.validate_on_submit():
        try:
            assert spec.create is not None
            saved = spec.create(
                session, actor=current_actor(), case=case, **_service_arguments(spec, form)
            )
        except InvalidInput as error:
            show_problems(form, error)
        else:
            _flash_saved(saved, f"The {spec.noun} was added.")
            return _back(case, spec)
    return _render(spec, case, form, "new", 422 if form.errors or form.form_errors else 200)


def edit_view(spec: EntitySpec, case_id: int, row_id: int | None = None):  # type: ignore[no-untyped-def]
    """Edit one record, refusing to overwrite someone else's newer changes."""
    session = db_session()
    case = get_case(session, case_id)
    row = spec.load(session, case, row_id) if row_id is not None else case
    options = CaseOptions(session, case)
    form_class = spec.edit_form or spec.form
    form = form_class(data=form_values(spec, session, case, row))
    options.fill(form)
    theirs: dict[str, str] = {}
    status = 200
    if form.validate_on_submit():
        try:
            saved = spec.update(
                session,
                actor=current_actor(),
                case=case,
                **spec.row_argument(row),
                expected_version=_version(form),
                **_service_arguments(spec, form),
            )
        except StaleEdit as error:
            theirs = their_values(spec, session, case, row, form, options)
            form.form_errors.append(error.message)
            form.version.data = str(row.version)  # saving again now is a decision, not an accident
            status = 409
        except InvalidInput as error:
            show_problems(form, error)
        else:
            _flash_saved(saved, f"The {spec.noun} was saved.")
            return _back(case, spec)
    if status == 200 and (form.errors or form.form_errors):
        status = 422
    return _render(spec, case, form, "edit", status, row=row, theirs=theirs)


def delete_view(spec: EntitySpec, case_id: int, row_id: int | None = None):  # type: ignore[no-untyped-def]
    """Confirm, then remove a record (soft delete: kept in the database and the history)."""
    session = db_session()
    case = get_case(session, case_id)
    row = spec.load(session, case, row_id) if row_id is not None else case
    form = DeleteForm(data={"version": row.version})
    if form.validate_on_submit():
        try:
            spec.delete(
                session,
                actor=current_actor(),
                case=case,
                **spec.row_argument(row),
                expected_version=_version(form),
                reason=form.reason.data or "",
            )
        except (InvalidInput, StaleEdit) as error:
            form.form_errors.append(error.message)
            return _render(
                spec, case, form, "delete", 409 if isinstance(error, StaleEdit) else 422, row=row
            )
        flash(f"The {spec.noun} was removed. It stays in the case history.", "success")
        if spec.name == "case":
            return redirect(url_for("cases.case_list"))
        return _back(case, spec)
    return _render(spec, case, form, "delete", row=row)


def _version(form: Any) -> int:
    try:
        return int(form.version.data)
    except (TypeError, ValueError):
        raise InvalidInput(
            "This form lost track of the record's version; reload the page and try again."
        ) from None


def register(bp: Blueprint, spec: EntitySpec) -> None:
    """Add the spec's routes: …/<slug>/new, …/<slug>/<id>/edit and …/<slug>/<id>/delete."""
    base = f"/cases/<int:case_id>/{spec.slug}"
    key = f"{spec.name}_id"

    def edit(case_id: int, **ids: int):  # type: ignore[no-untyped-def]
        return edit_view(spec, case_id, ids[key])

    def delete(case_id: int, **ids: int):  # type: ignore[no-untyped-def]
        return delete_view(spec, case_id, ids[key])

    views: list[tuple[str, str, Callable[..., Any], Permission]] = [
        (f"{base}/<int:{key}>/edit", f"{spec.name}_edit", edit, Permission.edit_cases),
        (f"{base}/<int:{key}>/delete", f"{spec.name}_delete", delete, spec.delete_permission),
    ]
    if spec.create is not None:

        def new(case_id: int):  # type: ignore[no-untyped-def]
            return new_view(spec, case_id)

        views.insert(0, (f"{base}/new", f"{spec.name}_new", new, Permission.edit_cases))
    for rule, endpoint, view, permission in views:
        view.__name__ = endpoint
        view.__doc__ = f"{endpoint.replace('_', ' ').capitalize()} ({spec.noun})."
        bp.add_url_rule(
            rule, endpoint=endpoint, view_func=requires(permission)(view), methods=["GET", "POST"]
        )
