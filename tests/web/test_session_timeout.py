"""The idle timeout: sessions expire, activity extends them, and an expired save is explained."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

from models.user import Role


def _cookie_expiry(response) -> datetime:
    cookie = response.headers["Set-Cookie"]
    expires = next(p.split("=", 1)[1] for p in cookie.split("; ") if p.startswith("Expires="))
    return parsedate_to_datetime(expires)


def test_session_cookie_expires_after_the_idle_timeout(app, auth) -> None:
    response = auth.login(Role.documenter)
    minutes = app.extensions["casebook.settings"].session_timeout_minutes
    expected = datetime.now(UTC) + timedelta(minutes=minutes)
    assert abs((_cookie_expiry(response) - expected).total_seconds()) < 60


def test_keepalive_extends_the_session(app, auth) -> None:
    auth.login(Role.viewer)
    response = auth.client.post("/session/keepalive")
    assert response.status_code == 200
    assert response.json["ok"] is True
    minutes = app.extensions["casebook.settings"].session_timeout_minutes
    assert response.json["expires_in_seconds"] == minutes * 60
    assert "Set-Cookie" in response.headers


def test_a_save_after_the_session_expired_leads_to_sign_in_with_an_explanation(client) -> None:
    response = client.post("/admin/users/new", data={"name": "typed text"})
    assert response.status_code == 302
    assert "/login?next=/admin/users/new" in response.headers["Location"]
    page = client.get(response.headers["Location"]).data.decode()
    assert "Your session had expired" in page
    assert "kept a draft" in page


def test_the_page_tells_the_script_when_the_session_ends(app, auth) -> None:
    auth.login(Role.viewer)
    html = auth.client.get("/").data.decode()
    minutes = app.extensions["casebook.settings"].session_timeout_minutes
    assert f'name="casebook-session-seconds" content="{minutes * 60}"' in html
    assert 'id="session-warning"' in html
