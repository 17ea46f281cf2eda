"""Case search: full-text and faceted search over the cases a user may see, saved searches,
CSV export of a result list, and likely-duplicate people with their merge.

Importing this package starts keeping the index in step with every committed write
(`app.search.sync`).
"""

from flask import Blueprint

from app.navigation import add_nav_item
from app.search import sync
from app.security import Permission

bp = Blueprint("search", __name__, url_prefix="/search")

add_nav_item("search.search_page", "Search", Permission.view_cases, order=15)
sync.install()

from app.search import routes, routes_people  # noqa: E402,F401
