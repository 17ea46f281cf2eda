"""The role matrix: every registered route, every role, anonymous included.

Access rules live in tests/access_rules.py; a route missing there fails
`test_every_route_has_a_written_access_rule`, so no route can ship without a decided permission.
"""

from __future__ import annotations

import pytest
from flask import Flask

from models.user import Role
from tests.access_rules import ROUTE_MINIMUM_ROLE
from tests.conftest import PASSWORD, create_account


def _routes(app: Flask) -> list[tuple[str, str, str]]:
    """(endpoint, rule, method) for every route, preferring GET."""
    found = []
    for rule in app.url_map.iter_rules():
        methods = rule.methods or set()
        method = "GET" if "GET" in methods else "POST"
        found.append((rule.endpoint, rule.rule, method))
    return sorted(found)


def _sample_url_values(app: Flask, db) -> dict[str, object]:
    """A real value for each URL parameter any route takes."""
    values: dict[str, object] = {"filename": "css/casebook.css"}
    with app.app_context():
        values["user_id"] = create_account(db, Role.viewer).id
    try:
        from tests.factories import sample_url_values  # areas add their records there
    except ImportError:
        return values
    with app.app_context():
        values.update(sample_url_values(db))
    return values


def test_every_route_has_a_written_access_rule(app: Flask) -> None:
    missing = sorted({e for e, _, _ in _routes(app)} - set(ROUTE_MINIMUM_ROLE))
    assert not missing, f"Add these routes to tests/access_rules.py: {missing}"


def test_anonymous_visitors_are_sent_to_sign_in_everywhere_but_public_pages(app, db) -> None:
    values = _sample_url_values(app, db)
    client = app.test_client()
    for endpoint, _rule, method in _routes(app):
        if ROUTE_MINIMUM_ROLE.get(endpoint, Role.viewer) is None:
            continue
        url = _build(app, endpoint, values)
        response = client.open(url, method=method)
        assert response.status_code == 302, (endpoint, response.status_code)
        assert "/login" in response.headers["Location"], endpoint


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_each_role_reaches_exactly_the_routes_it_is_allowed(app, db, role: Role) -> None:
    values = _sample_url_values(app, db)
    with app.app_context():
        account = create_account(db, role)
    client = app.test_client()
    client.post("/login", data={"email": account.email, "password": PASSWORD})
    for endpoint, _rule, method in _routes(app):
        minimum = ROUTE_MINIMUM_ROLE.get(endpoint)
        if minimum is None or endpoint in {"auth.logout"}:
            continue
        url = _build(app, endpoint, values)
        response = client.open(url, method=method)
        allowed = role.rank >= minimum.rank
        if allowed:
            assert response.status_code != 403, f"{role} refused at {endpoint}"
            assert response.status_code < 500, f"{endpoint} failed with {response.status_code}"
            assert "/login" not in response.headers.get("Location", ""), endpoint
        else:
            assert response.status_code == 403, (
                f"{role} reached {endpoint} ({response.status_code})"
            )


def _build(app: Flask, endpoint: str, values: dict[str, object]) -> str:
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    with app.test_request_context():
        from flask import url_for

        return url_for(endpoint, **{arg: values[arg] for arg in rule.arguments})


def test_an_endpoint_without_a_declared_permission_is_refused(app, auth) -> None:
    @app.route("/undeclared")
    def undeclared() -> str:
        return "should never be served"

    auth.login(Role.admin)
    assert auth.client.get("/undeclared").status_code == 403
