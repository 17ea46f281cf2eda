"""Cases: quick entry, the case page, the full forms for every part of a case, the case list,
the intervention-deadline dashboard panel and the vocabulary admin page."""

from flask import Blueprint

from app.navigation import add_nav_item
from app.security import Permission

bp = Blueprint("cases", __name__)

add_nav_item("cases.case_list", "Cases", Permission.view_cases, order=10)
add_nav_item("cases.quick_entry", "New case", Permission.edit_cases, order=11)
add_nav_item("cases.vocabulary_list", "Vocabularies", Permission.manage_vocabularies, order=92)

from app.cases import panels, routes, routes_admin  # noqa: E402,F401
