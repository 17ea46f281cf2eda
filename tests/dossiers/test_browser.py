"""In a real Chromium: make a public dossier from the case page, watch the progress page update
by itself while a real worker builds it, and find the download link (no CSP violation)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlmodel import Session
from werkzeug.serving import make_server

from app.dossiers.tasks import start_embedded_consumer
from models.user import Role
from tests.conftest import PASSWORD, LiveServer, _clear_all_tables, create_account, make_test_app
from tests.factories import make_full_case

pytestmark = pytest.mark.browser


@pytest.fixture
def queued_live_server(database_url, engine, tmp_path) -> Iterator[LiveServer]:
    """The app over real HTTP with CSRF on and a real background worker (SQLite queue)."""
    application = make_test_app(database_url, tmp_path / "instance", WTF_CSRF_ENABLED=True,
                                HUEY_IMMEDIATE=False)
    consumer = start_embedded_consumer(application)
    server = make_server("127.0.0.1", 0, application, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LiveServer(url=f"http://127.0.0.1:{server.server_port}", app=application)
    finally:
        server.shutdown()
        thread.join(timeout=5)
        consumer.stop(graceful=True)
        application.extensions["casebook.engine"].dispose()
        _clear_all_tables(engine)


def test_make_a_public_dossier_and_watch_it_finish(queued_live_server, page) -> None:
    app = queued_live_server.app
    with app.app_context(), Session(app.extensions["casebook.engine"],
                                    expire_on_commit=False) as db:
        account = create_account(db, Role.coordinator)
        case_id = make_full_case(db).case.id
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text)
            if message.type == "error" else None)

    page.goto(queued_live_server.url + "/login")
    page.get_by_label("Email").fill(account.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{queued_live_server.url}/cases/{case_id}")
    page.get_by_role("link", name="Make a dossier").click()

    page.get_by_role("heading", name="What each edition hides").wait_for()
    page.get_by_label("Public").check()
    page.get_by_role("button", name="Make the PDF").click()

    # The job page loads before the worker is done, then updates itself.
    page.get_by_text("Cases rendered").wait_for()
    page.get_by_role("link", name="Download the PDF").wait_for(timeout=90_000)
    assert "Ready" in page.content()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert "public" in download.value.suggested_filename
    assert not problems, problems
