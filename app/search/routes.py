"""The search page, CSV export of a result list, and saved searches."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qsl

from flask import Response, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from app.db import db_session
from app.errors import CasebookError
from app.search import bp
from app.search.export import export_csv
from app.search.filters import PER_PAGE_CHOICES, SearchQuery, SortOrder
from app.search.forms import DeleteSavedForm, SaveSearchForm
from app.search.saved import delete_saved, get_saved, list_saved, save_search
from app.search.service import search_cases
from app.security import Permission, requires, user_can
from app.web import attach_error, current_actor


@bp.route("")
@requires(Permission.view_cases)
def search_page():  # type: ignore[no-untyped-def]
    """Search cases: words, filters with counts, sorted and paged; all state in the URL."""
    query = SearchQuery.from_args(request.args)
    form = SaveSearchForm(query_string=query.query_string(page=1))
    return _render(query, form)


def _render(query: SearchQuery, form: SaveSearchForm, status: int = 200):  # type: ignore[no-untyped-def]
    session = db_session()
    actor = current_actor()
    results = search_cases(session, query, actor=actor)
    return render_template(
        "search/search.html",
        results=results,
        query=query,
        save_form=form,
        saved=list_saved(session, actor=actor),
        sort_orders=list(SortOrder),
        per_page_choices=PER_PAGE_CHOICES,
        can_export=user_can(current_user, Permission.export_internal),
    ), status


@bp.route("/export.csv")
@requires(Permission.export_internal)
def export():  # type: ignore[no-untyped-def]
    """Every case of the search as CSV (audited)."""
    query = SearchQuery.from_args(request.args)
    text, _count = export_csv(db_session(), query, actor=current_actor())
    filename = f"casebook-search-{date.today().isoformat()}.csv"
    # The byte-order mark makes spreadsheet programs read Urdu names as UTF-8.
    return Response(
        "\ufeff" + text,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@bp.route("/saved")
@requires(Permission.view_cases)
def saved_list():  # type: ignore[no-untyped-def]
    """The user's saved searches."""
    saved = list_saved(db_session(), actor=current_actor())
    return render_template("search/saved.html", saved=saved, delete_form=DeleteSavedForm())


@bp.route("/saved", methods=["POST"])
@requires(Permission.view_cases)
def save():  # type: ignore[no-untyped-def]
    """Save the search shown under a name."""
    form = SaveSearchForm()
    query = SearchQuery.from_args(_args_of(form.query_string.data or ""))
    if form.validate_on_submit():
        try:
            saved = save_search(
                db_session(), actor=current_actor(), name=form.name.data or "", query=query
            )
        except CasebookError as error:
            attach_error(form, error)
        else:
            flash(f"Saved the search as “{saved.name}”.", "success")
            return redirect(_search_url(saved.query_string))
    return _render(query, form, status=422)


@bp.route("/saved/<int:saved_id>")
@requires(Permission.view_cases)
def run_saved(saved_id: int):  # type: ignore[no-untyped-def]
    """Open a saved search."""
    saved = get_saved(db_session(), actor=current_actor(), saved_id=saved_id)
    return redirect(_search_url(saved.query_string))


@bp.route("/saved/<int:saved_id>/delete", methods=["POST"])
@requires(Permission.view_cases)
def delete_saved_search(saved_id: int):  # type: ignore[no-untyped-def]
    """Remove a saved search."""
    form = DeleteSavedForm()
    if not form.validate_on_submit():
        flash("The form had expired; nothing was removed. Please try again.", "error")
        return redirect(url_for("search.saved_list"))
    saved = delete_saved(db_session(), actor=current_actor(), saved_id=saved_id)
    flash(f"Removed the saved search “{saved.name}”.", "success")
    return redirect(url_for("search.saved_list"))


def _args_of(query_string: str) -> MultiDict[str, str]:
    return MultiDict(parse_qsl(query_string[:5000]))


def _search_url(query_string: str) -> str:
    url = url_for("search.search_page")
    return f"{url}?{query_string}" if query_string else url
