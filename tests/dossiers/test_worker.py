"""The background path for real: a Huey consumer (SQLite queue in the instance folder, or Redis)
picks up the job the web request enqueued, reports progress and leaves the PDF."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from flask import Flask
from sqlmodel import Session

from app.dossiers.tasks import start_embedded_consumer
from models.user import Role
from tests.conftest import PASSWORD, create_account, make_test_app
from tests.factories import make_full_case

REPO = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/14"
SECRET = "worker-test-secret-key-that-is-long-enough-0123456789"


def _redis_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


def _queue_app(database_url: str, instance: Path, redis_url: str | None) -> Flask:
    return make_test_app(database_url, instance, HUEY_IMMEDIATE=False, redis_url=redis_url,
                         secret_key=SECRET)


def _request_and_wait(application: Flask, timeout: float = 90) -> list[dict]:
    """Sign in, make a dossier, poll its progress until it ends; returns every state seen."""
    with application.app_context(), Session(application.extensions["casebook.engine"]) as db:
        account = create_account(db, Role.documenter)
        case = make_full_case(db)
        case_id = case.case.id
    client = application.test_client()
    client.post("/login", data={"email": account.email, "password": PASSWORD})
    response = client.post(f"/dossiers/new/case/{case_id}",
                           data={"kind": "case", "audience": "internal"})
    assert response.status_code == 302
    dossier_url = response.headers["Location"]
    states = [client.get(f"{dossier_url}/progress").get_json()]
    assert states[0]["status"] in ("queued", "running")  # not built inline
    deadline = time.monotonic() + timeout
    while states[-1]["status"] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.2)
        states.append(client.get(f"{dossier_url}/progress").get_json())
    download = client.get(f"{dossier_url}/download")
    assert download.status_code == 200, states[-1]
    return states


def test_embedded_worker_builds_the_dossier_from_the_sqlite_queue(database_url, engine,
                                                                   tmp_path) -> None:
    from tests.conftest import _clear_all_tables

    application = _queue_app(database_url, tmp_path / "instance", None)
    consumer = start_embedded_consumer(application)
    try:
        states = _request_and_wait(application)
    finally:
        consumer.stop(graceful=True)
        application.extensions["casebook.engine"].dispose()
        _clear_all_tables(engine)
    assert (tmp_path / "instance" / "huey.db").exists()
    assert states[-1]["status"] == "done"
    assert states[-1]["done"] == states[-1]["total"] == 1
    assert states[-1]["page_count"] >= 5


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "redis"])
def test_casebook_worker_command_builds_dossiers_in_its_own_process(database_url, engine,
                                                                     tmp_path, backend) -> None:
    from tests.conftest import _clear_all_tables

    if backend == "redis" and not _redis_up():
        pytest.skip("no Redis at 127.0.0.1:6379")
    redis_url = REDIS_URL if backend == "redis" else None
    instance = tmp_path / "instance"
    application = _queue_app(database_url, instance, redis_url)
    application.extensions["casebook.huey"].flush()  # nothing left over from other runs
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "CASEBOOK_INSTANCE_DIR": str(instance),
        "SECRET_KEY": SECRET,
        "CASEBOOK_ENV": "development",
    }
    env.pop("CASEBOOK_REDIS_URL", None)
    if redis_url:
        env["CASEBOOK_REDIS_URL"] = redis_url
    log = tmp_path / f"worker-{uuid.uuid4().hex[:6]}.log"
    with log.open("w") as output:
        worker = subprocess.Popen(
            [sys.executable, "-c", "from app.cli import main; main()", "worker"],
            cwd=REPO, env=env, stdout=output, stderr=subprocess.STDOUT,
        )
    try:
        states = _request_and_wait(application)
    finally:
        worker.send_signal(signal.SIGINT)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
        application.extensions["casebook.engine"].dispose()
        _clear_all_tables(engine)
    assert states[-1]["status"] == "done", log.read_text()
    assert "Casebook worker" in log.read_text()


def test_casebook_run_serves_with_an_embedded_worker_and_stops_it(database_url, engine,
                                                                   tmp_path, monkeypatch):
    from tests.conftest import _clear_all_tables

    application = _queue_app(database_url, tmp_path / "instance", None)
    seen: dict[str, object] = {}

    def fake_serve(host, port, app, **_options):  # the server would block until Ctrl+C
        seen["served"] = (host, port)
        seen["queue_is_sqlite"] = type(app.extensions["casebook.huey"]).__name__ == "SqliteHuey"
        seen["worker_threads"] = [thread.name for thread in threading.enumerate()]

    monkeypatch.setattr("werkzeug.serving.run_simple", fake_serve)
    stopped: list[bool] = []
    from app.dossiers import tasks

    original = tasks.EmbeddedConsumer.stop
    def recorded_stop(self, graceful: bool = False) -> None:
        stopped.append(graceful)
        original(self, graceful)

    monkeypatch.setattr(tasks.EmbeddedConsumer, "stop", recorded_stop)
    try:
        result = application.test_cli_runner().invoke(args=["run", "--port", "5999"])
    finally:
        application.extensions["casebook.engine"].dispose()
        _clear_all_tables(engine)
    assert result.exit_code == 0, result.output
    assert seen["served"] == ("127.0.0.1", 5999) and seen["queue_is_sqlite"]
    assert any("Worker" in name or "Scheduler" in name for name in seen["worker_threads"]), seen
    assert stopped == [True]
