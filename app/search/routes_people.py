"""Likely duplicates while a person is entered (a JSON hint), and merging two person records."""

from __future__ import annotations

from typing import Any

from flask import flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user

from app.db import db_session
from app.errors import CasebookError, InvalidInput
from app.search import bp
from app.search.forms import ChoosePeopleForm, MergeForm
from app.search.merge import merge_people
from app.search.people import cases_of, similar_people
from app.security import Permission, requires, user_can
from app.web import attach_error, current_actor
from models.partial_date import partial_date
from models.person import Person

# What the comparison page sets side by side (never shown: nothing here is hidden from the
# coordinators who merge; contact details are compared so a merge does not lose them).
COMPARED = (
    ("full_name", "Full name"),
    ("other_names", "Other spellings"),
    ("father_name", "Father's name"),
    ("sex", "Sex"),
    ("birth", "Date of birth"),
    ("age_at_incident", "Age at the time"),
    ("occupation", "Occupation"),
    ("affiliation", "Affiliation"),
    ("ethnicity", "Ethnicity"),
    ("home_district", "Home district"),
    ("national_id", "CNIC"),
    ("contact", "Contact"),
    ("protected", "Protected"),
)


@bp.route("/people/similar")
@requires(Permission.edit_cases)
def similar_people_json():  # type: ignore[no-untyped-def]
    """People already recorded who may be the one being entered (for the live hint)."""
    args = request.args
    exclude = _int(args.get("exclude"))
    session = db_session()
    found = similar_people(
        session,
        (args.get("full_name") or "")[:300],
        (args.get("father_name") or "")[:300] or None,
        (args.get("home_district") or "")[:100] or None,
        (args.get("birth") or "")[:100] or None,
        exclude_id=exclude,
    )
    cases = cases_of(session, [match.person.id for match in found])  # type: ignore[misc]
    can_merge = exclude is not None and user_can(current_user, Permission.review_cases)
    return jsonify(
        matches=[
            {
                "id": match.person.id,
                "full_name": match.person.full_name,
                "father_name": match.person.father_name,
                "home_district": match.person.home_district,
                "birth": str(partial_date(match.person, "birth")),
                "score": match.score,
                "reasons": match.reasons,
                "cases": [
                    {
                        "reference": case.reference,
                        "url": url_for("cases.case_page", case_id=case.id),
                    }
                    for case in cases.get(match.person.id, [])  # type: ignore[arg-type]
                ],
                "merge_url": url_for("search.merge", keep=match.person.id, merge=exclude)
                if can_merge
                else None,
            }
            for match in found
        ]
    )


@bp.route("/people/merge", methods=["GET", "POST"])
@requires(Permission.review_cases)
def merge():  # type: ignore[no-untyped-def]
    """Compare two person records and merge the second into the first."""
    session = db_session()
    form = MergeForm()
    if request.method == "POST":
        keep_id, merge_id = _int(form.keep.data), _int(form.merge.data)
        if form.validate_on_submit() and keep_id and merge_id:
            try:
                kept = merge_people(
                    session,
                    actor=current_actor(),
                    keep_id=keep_id,
                    merge_id=merge_id,
                    keep_version=_int(form.keep_version.data),
                    merge_version=_int(form.merge_version.data),
                )
            except CasebookError as error:
                attach_error(form, error)
            else:
                flash(f"Merged: {kept.full_name} now holds both records.", "success")
                return redirect(url_for("search.merge", keep=kept.id))
        status = 422
    else:
        keep_id, merge_id = _int(request.args.get("keep")), _int(request.args.get("merge"))
        status = 200
    if not keep_id or not merge_id:
        choose = ChoosePeopleForm(request.args)
        return render_template("search/merge_choose.html", form=choose, kept=_person(keep_id))
    people = [_person(keep_id), _person(merge_id)]
    if None in people or keep_id == merge_id:
        error = InvalidInput("Choose two different people who are still on record.")
        attach_error(form, error)
        return render_template(
            "search/merge_choose.html",
            form=ChoosePeopleForm(request.args),
            kept=None,
            error=error.message,
        ), 404
    keep, merged = people
    if request.method == "GET":
        form.keep.data, form.merge.data = str(keep.id), str(merged.id)  # type: ignore[union-attr]
        form.keep_version.data = str(keep.version)  # type: ignore[union-attr]
        form.merge_version.data = str(merged.version)  # type: ignore[union-attr]
    cases = cases_of(session, [keep.id, merged.id])  # type: ignore[union-attr,list-item]
    return render_template(
        "search/merge.html",
        form=form,
        keep=keep,
        merged=merged,
        rows=[(label, _shown(keep, name), _shown(merged, name)) for name, label in COMPARED],
        cases=cases,
    ), status


def _person(person_id: int | None) -> Person | None:
    if not person_id:
        return None
    person = db_session().get(Person, person_id)
    if person is None or person.deleted_at is not None or person.merged_into_id is not None:
        return None
    return person


def _shown(person: Any, name: str) -> str:
    if name == "birth":
        return str(partial_date(person, "birth"))
    value = getattr(person, name)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(getattr(value, "label", value) or "")


def _int(text: str | None) -> int | None:
    try:
        value = int((text or "").strip()[:12])
    except ValueError:
        return None
    return value if value > 0 else None
