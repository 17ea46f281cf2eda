"""The background queue that builds dossiers: Huey on SQLite (embedded) or Redis (teams).

`init_app(app)` makes the app's Huey: `SqliteHuey` in `instance/huey.db` by default,
`RedisHuey` when `CASEBOOK_REDIS_URL` is set, immediate (run at once, in-process) when the app
config says `HUEY_IMMEDIATE` (the default in tests). Tasks take ids, never rows. A job is
enqueued only after the request that created its `Dossier` row has committed, so the worker
always finds the row, and a request that fails enqueues nothing.

`casebook worker` runs `make_consumer(app).run()`; `casebook run` starts an
`EmbeddedConsumer` thread next to the web server so one command serves a laptop.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app
from huey import Huey, RedisHuey, SqliteHuey
from huey.api import TaskWrapper
from huey.consumer import Consumer
from sqlalchemy import event
from sqlmodel import Session

BUILD_TASK = "casebook.build_dossier"


def make_huey(app: Flask) -> tuple[Huey, TaskWrapper]:
    """The app's queue, chosen from its settings, and the dossier task registered on it."""
    settings = app.extensions["casebook.settings"]
    immediate = bool(app.config.get("HUEY_IMMEDIATE", app.config.get("TESTING", False)))
    name = str(app.config.get("HUEY_NAME", "casebook"))
    huey: Huey
    if settings.redis_url:
        huey = RedisHuey(name, url=settings.redis_url, immediate=immediate)
    else:
        path = settings.instance_dir.resolve() / "huey.db"
        path.parent.mkdir(parents=True, exist_ok=True)
        huey = SqliteHuey(name, filename=str(path), immediate=immediate)

    def build_dossier(dossier_id: int) -> None:
        # Runs in the worker (or inline when immediate): needs the app for engine and settings.
        from app.dossiers.jobs import run_dossier_job

        with app.app_context():
            run_dossier_job(dossier_id)

    return huey, huey.task(name=BUILD_TASK, retries=0)(build_dossier)


def init_app(app: Flask) -> None:
    """Attach the queue and its task to the app (`app.extensions["casebook.huey"]`)."""
    huey, task = make_huey(app)
    app.extensions["casebook.huey"] = huey
    app.extensions["casebook.build_dossier_task"] = task


def queue(app: Flask | None = None) -> Huey:
    """The current app's queue."""
    return (app or current_app).extensions["casebook.huey"]


def enqueue_build(app: Flask, dossier_id: int) -> Any:
    """Put a build of `dossier_id` on the queue now (runs at once when immediate)."""
    return app.extensions["casebook.build_dossier_task"](dossier_id)


def enqueue_after_commit(session: Session, dossier_id: int) -> None:
    """Enqueue the build once `session` commits (never if it rolls back)."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]

    def _enqueue(_session: Session) -> None:
        enqueue_build(app, dossier_id)

    event.listen(session, "after_commit", _enqueue, once=True)


def make_consumer(app: Flask, *, workers: int = 1) -> Consumer:
    """A Huey consumer for the app's queue, as `casebook worker` runs it."""
    return queue(app).create_consumer(workers=workers, worker_type="thread")


class EmbeddedConsumer(Consumer):
    """A consumer that runs beside the web server in one process (no signal handlers: the
    server owns Ctrl+C); start with `.start()`, end with `.stop(graceful=True)`."""

    def _set_signal_handlers(self) -> None:
        return None


def start_embedded_consumer(app: Flask) -> EmbeddedConsumer:
    """Start worker threads for the embedded default; the caller stops them on exit."""
    consumer = EmbeddedConsumer(queue(app), workers=1, worker_type="thread")
    consumer.start()
    return consumer


def embedded_worker(app: Flask) -> EmbeddedConsumer | None:
    """The in-process worker `casebook run` needs: started for the SQLite queue; None when
    a Redis queue has its own `casebook worker`, or when jobs run at once (immediate)."""
    settings = app.extensions["casebook.settings"]
    if settings.redis_url or queue(app).immediate:
        return None
    return start_embedded_consumer(app)
