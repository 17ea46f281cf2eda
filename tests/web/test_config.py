"""Start-up refuses unsafe production settings; development keeps a generated secret."""

from __future__ import annotations

import pytest
from sqlmodel import select

from app import create_app
from app.config import InsecureConfiguration
from models.audit import AuditEvent
from models.user import Role
from tests.conftest import PASSWORD, create_account, make_test_app


@pytest.mark.parametrize("secret", [None, "", "dev", "changeme", "secret"])
def test_production_refuses_a_missing_or_default_secret(tmp_path, secret) -> None:
    config = {
        "env": "production",
        "instance_dir": tmp_path,
        "secret_key": secret,
        "database_url": f"sqlite:///{tmp_path}/x.db",
    }
    with pytest.raises(InsecureConfiguration):
        create_app(config)


def test_production_refuses_a_short_secret(tmp_path) -> None:
    with pytest.raises(InsecureConfiguration):
        create_app({"env": "production", "instance_dir": tmp_path, "secret_key": "x" * 20})


def test_production_starts_with_a_long_random_secret(tmp_path) -> None:
    app = create_app(
        {
            "env": "production",
            "instance_dir": tmp_path,
            "secret_key": "k" * 64,
            "database_url": f"sqlite:///{tmp_path}/x.db",
        }
    )
    assert app.config["SECRET_KEY"] == "k" * 64


def test_development_generates_a_secret_once_and_keeps_it_private(tmp_path) -> None:
    first = create_app({"env": "development", "instance_dir": tmp_path})
    second = create_app({"env": "development", "instance_dir": tmp_path})
    assert len(first.config["SECRET_KEY"]) == 64
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_postgres_urls_use_the_psycopg_driver(tmp_path) -> None:
    app = create_app(
        {
            "env": "testing",
            "instance_dir": tmp_path,
            "secret_key": "t" * 40,
            "database_url": "postgres://u@localhost/db",
        }
    )
    assert app.config["DATABASE_URL"] == "postgresql+psycopg://u@localhost/db"


def test_behind_a_tls_proxy_cookies_are_secure_and_the_client_address_is_forwarded(
    database_url, tmp_path, db
) -> None:
    app = make_test_app(database_url, tmp_path, behind_tls_proxy=True)
    with app.app_context():
        account = create_account(db, Role.viewer)
    response = app.test_client().post(
        "/login",
        data={"email": account.email, "password": PASSWORD},
        headers={"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"},
    )
    assert "Secure" in response.headers["Set-Cookie"]
    login = db.exec(select(AuditEvent).where(AuditEvent.action == "login")).one()
    assert login.ip == "203.0.113.9"
