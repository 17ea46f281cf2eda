"""Shared fixtures: a migrated database (SQLite file, or PostgreSQL when TEST_DATABASE_URL is
set), the app, test clients signed in as each role, and a live server for browser tests.

The schema is always built through the Alembic migrations, so a model change without a migration
fails the suite. Every table is emptied after each test, so tests never see each other's rows.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session
from werkzeug.serving import make_server

from app import create_app
from app.db import make_engine, upgrade
from app.services import users
from app.services.actor import Actor
from models.user import Role

PASSWORD = "correct horse battery staple"


# ---------------------------------------------------------------- database


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh, migrated database for this test run; PostgreSQL ones are dropped afterwards."""
    server_url = os.environ.get("TEST_DATABASE_URL")
    if not server_url:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'casebook-test.db'}"
        upgrade(url)
        yield url
        return
    name = f"casebook_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(
                sa.text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            )
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    eng = make_engine(database_url)
    yield eng
    eng.dispose()


def _clear_all_tables(eng: Engine) -> None:
    """Empty every table (keeping the schema and Alembic's version row)."""
    with eng.begin() as conn:
        if eng.dialect.name == "postgresql":
            names = [t for t in sa.inspect(conn).get_table_names() if t != "alembic_version"]
            if names:
                quoted = ", ".join(f'"{t}"' for t in names)
                conn.execute(sa.text(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"))
            return
        conn.execute(sa.text("PRAGMA foreign_keys=OFF"))
        rows = conn.execute(
            sa.text("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        ).all()
        virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
        for name, _sql in rows:
            shadow = any(name.startswith(v + "_") for v in virtual)
            if name == "alembic_version" or name.startswith("sqlite_") or shadow:
                continue
            try:
                conn.execute(sa.text(f'DELETE FROM "{name}"'))  # noqa: S608 (names from the schema)
            except sa.exc.OperationalError:
                # External-content FTS tables are emptied with their own command.
                conn.execute(sa.text(f'INSERT INTO "{name}"("{name}") VALUES(\'delete-all\')'))
        if any(name == "sqlite_sequence" for name, _ in rows):
            conn.execute(sa.text("DELETE FROM sqlite_sequence"))
        conn.execute(sa.text("PRAGMA foreign_keys=ON"))


# ---------------------------------------------------------------- app and clients


def make_test_app(database_url: str, instance_dir: Path, **overrides: object) -> Flask:
    """An app in testing mode on the test database; CSRF off unless asked for."""
    config: dict[str, object] = {
        "env": "testing",
        "database_url": database_url,
        "instance_dir": instance_dir,
        "secret_key": "test-secret-key-that-is-long-enough-0123456789",
        "WTF_CSRF_ENABLED": False,
    }
    config.update(overrides)
    return create_app(config)


@pytest.fixture
def app(database_url: str, engine: Engine, tmp_path: Path) -> Iterator[Flask]:
    application = make_test_app(database_url, tmp_path / "instance")
    yield application
    application.extensions["casebook.engine"].dispose()
    _clear_all_tables(engine)


@pytest.fixture
def csrf_app(database_url: str, engine: Engine, tmp_path: Path) -> Iterator[Flask]:
    """An app with CSRF protection on, as in production."""
    application = make_test_app(database_url, tmp_path / "instance", WTF_CSRF_ENABLED=True)
    yield application
    application.extensions["casebook.engine"].dispose()
    _clear_all_tables(engine)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask):
    return app.test_cli_runner()


@pytest.fixture
def db(app: Flask) -> Iterator[Session]:
    """A session on the test database for arranging and checking rows; commit what you arrange."""
    with Session(app.extensions["casebook.engine"], expire_on_commit=False) as session:
        yield session


@dataclass(frozen=True)
class Account:
    email: str
    password: str
    role: Role
    id: int


def create_account(session: Session, role: Role, *, email: str | None = None) -> Account:
    """A committed account with the shared test password."""
    email = email or f"{role.value}-{uuid.uuid4().hex[:6]}@example.org"
    user = users.create_user(
        session,
        actor=Actor.system(),
        email=email,
        name=f"Test {role.label}",
        role=role,
        password=PASSWORD,
    )
    session.commit()
    assert user.id is not None
    return Account(email=email, password=PASSWORD, role=role, id=user.id)


@pytest.fixture
def accounts(app: Flask, db: Session) -> dict[Role, Account]:
    """One account per role."""
    with app.app_context():
        return {role: create_account(db, role) for role in Role}


class AuthActions:
    """Signs a test client in and out, like the flaskr tutorial's `auth` fixture."""

    def __init__(self, client: FlaskClient, accounts: dict[Role, Account]) -> None:
        self.client = client
        self._accounts = accounts

    def login(self, role: Role = Role.documenter, password: str | None = None):
        account = self._accounts[role]
        return self.client.post(
            "/login", data={"email": account.email, "password": password or account.password}
        )

    def logout(self):
        return self.client.post("/logout")


@pytest.fixture
def auth(client: FlaskClient, accounts: dict[Role, Account]) -> AuthActions:
    return AuthActions(client, accounts)


# ---------------------------------------------------------------- browser


@dataclass(frozen=True)
class LiveServer:
    url: str
    app: Flask


@pytest.fixture
def live_server(database_url: str, engine: Engine, tmp_path: Path) -> Iterator[LiveServer]:
    """The app served over real HTTP on a free local port, CSRF on, as in production."""
    application = make_test_app(database_url, tmp_path / "instance", WTF_CSRF_ENABLED=True)
    server = make_server("127.0.0.1", 0, application, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LiveServer(url=f"http://127.0.0.1:{server.server_port}", app=application)
    finally:
        server.shutdown()
        thread.join(timeout=5)
        application.extensions["casebook.engine"].dispose()
        _clear_all_tables(engine)


CHROMIUM = os.environ.get("CASEBOOK_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (Playwright never downloads a browser here)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    context.set_default_timeout(15000)
    pg = context.new_page()
    yield pg
    context.close()
