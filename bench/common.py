"""Shared benchmark helpers: a big demo database built once, the app on it, and timing figures.

    from bench.common import ensure_bench_database, make_bench_app, signed_in_client, summarise

`ensure_bench_database(100_000)` builds `bench/data/casebook-100000.db` (demo cases generated
with a fixed seed, migrations applied, search index rebuilt) the first time and reuses it
afterwards; a half-built file is never reused. Benchmarks that write (quick entry) work on a
throw-away copy from `scratch_copy()` so the shared database keeps exactly its cases.
"""

from __future__ import annotations

import os
import secrets
import shutil
import statistics
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from flask import Flask  # noqa: E402
from flask.testing import FlaskClient  # noqa: E402
from sqlmodel import Session, select  # noqa: E402

from app import create_app  # noqa: E402
from app.db import make_engine, upgrade  # noqa: E402
from app.demo.loader import load_cases  # noqa: E402
from app.search.index import index_is_current, rebuild_index  # noqa: E402
from app.services import users  # noqa: E402
from app.services.actor import Actor  # noqa: E402
from models import Case  # noqa: E402
from models.search import SearchCase  # noqa: E402
from models.user import Role  # noqa: E402
from models.vocabulary import seed_vocabularies  # noqa: E402

DATA_DIR = ROOT / "bench" / "data"  # git-ignored
BENCH_SEED = 20261126


def log(message: str) -> None:
    """Progress on stderr, so stdout stays the benchmark's figures."""
    print(message, file=sys.stderr, flush=True)


def database_path(cases: int) -> Path:
    return DATA_DIR / f"casebook-{cases}.db"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def ensure_bench_database(cases: int = 100_000) -> str:
    """The URL of a SQLite database holding `cases` demo cases, built on first use."""
    path = database_path(cases)
    if path.exists():
        upgrade(sqlite_url(path))  # a newer migration since the build: apply it in place
        _ensure_search_index(sqlite_url(path))
        return sqlite_url(path)
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    building = path.with_suffix(".building")
    for leftover in DATA_DIR.glob(f"{building.name}*"):
        leftover.unlink()
    url = sqlite_url(building)
    log(f"Building {path.name}: {cases:,} demo cases (once; later runs reuse it)…")
    upgrade(url)
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            seed_vocabularies(session)
            report = load_cases(
                session,
                count=cases,
                seed=BENCH_SEED,
                batch_size=5000,
                progress=lambda done, total, seconds: log(
                    f"  {done:,}/{total:,} cases, {done / seconds:,.0f} cases/s"
                ),
            )
            session.commit()
        log(
            f"Generated {report.cases:,} cases in {report.seconds:.0f} s "
            f"({report.cases_per_second:,.0f} cases/s); search index rebuilt in "
            f"{report.index_seconds:.0f} s."
        )
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.exec_driver_sql("ANALYZE")
    finally:
        engine.dispose()
    building.rename(path)
    return sqlite_url(path)


def _ensure_search_index(url: str) -> None:
    """Rebuild the search index of a reused database when it does not cover every case (built
    before the index existed, or with another facet layout)."""
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            connection = session.connection()
            live_cases = (
                sa.select(sa.func.count())
                .select_from(Case)
                .where(
                    Case.deleted_at.is_(None)  # type: ignore[union-attr]
                )
            )
            live = connection.execute(live_cases).scalar_one()
            indexed = connection.execute(
                sa.select(sa.func.count()).select_from(SearchCase)
            ).scalar_one()
            if indexed == live and index_is_current(connection):
                return
            log(f"Rebuilding the search index of {Path(url).name} ({live:,} cases)…")
            started = time.perf_counter()
            rebuild_index(session)
            session.commit()
            log(f"Search index rebuilt in {time.perf_counter() - started:.0f} s.")
    finally:
        engine.dispose()


@contextmanager
def scratch_copy(url: str) -> Iterator[str]:
    """A throw-away copy of the SQLite database at `url`, deleted afterwards."""
    source = Path(url.removeprefix("sqlite:///"))
    copy = DATA_DIR / f"scratch-{os.getpid()}-{uuid.uuid4().hex[:6]}.db"
    shutil.copyfile(source, copy)
    try:
        yield sqlite_url(copy)
    finally:
        for path in DATA_DIR.glob(f"{copy.name}*"):
            path.unlink()


def make_bench_app(url: str) -> Flask:
    """The real app on `url`, with CSRF and the login rate limit off (a benchmark signs in
    and posts without a browser)."""
    app = create_app(
        {
            "env": "testing",
            "database_url": url,
            "instance_dir": DATA_DIR / "instance",
            "secret_key": secrets.token_hex(32),
            "WTF_CSRF_ENABLED": False,
        }
    )
    return app


def signed_in_client(app: Flask, role: Role = Role.documenter) -> FlaskClient:
    """A test client signed in as a bench account of `role` (created if missing; its password
    is new for every run)."""
    email = f"bench-{role.value}@casebook.example"
    password = secrets.token_urlsafe(16)
    with app.app_context(), Session(app.extensions["casebook.engine"]) as session:
        user = users.find_by_email(session, email)
        if user is None:
            users.create_user(
                session,
                actor=Actor.system(),
                email=email,
                name=f"Bench {role.label}",
                role=role,
                password=password,
            )
        else:
            users.set_password(session, actor=Actor.system(), user=user, password=password)
        session.commit()
    client = app.test_client()
    response = client.post("/login", data={"email": email, "password": password})
    if response.status_code != 302:
        raise RuntimeError(f"Signing in as {email} failed ({response.status_code}).")
    return client


def case_ids(app: Flask) -> list[int]:
    """The ids of every live case in the app's database."""
    with Session(app.extensions["casebook.engine"]) as session:
        statement = select(Case.id).where(Case.deleted_at.is_(None))  # type: ignore[union-attr]
        return list(session.exec(statement))


def case_count(url: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return int(
                connection.execute(sa.select(sa.func.count()).select_from(Case)).scalar_one()
            )
    finally:
        engine.dispose()


def time_calls(call: Callable[[int], Any], iterations: int, warmup: int = 10) -> list[float]:
    """Milliseconds taken by `call(i)` for i in range(iterations), after `warmup` untimed calls."""
    for i in range(warmup):
        call(-1 - i)
    samples = []
    for i in range(iterations):
        started = time.perf_counter()
        call(i)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def percentile(samples: list[float], fraction: float) -> float:
    """The value below which `fraction` of the samples fall (nearest rank)."""
    ordered = sorted(samples)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


def summarise(samples: list[float]) -> dict[str, float]:
    """p50, p95, max and mean of a list of milliseconds, rounded to 0.1 ms."""
    return {
        "p50": round(statistics.median(samples), 1),
        "p95": round(percentile(samples, 0.95), 1),
        "max": round(max(samples), 1),
        "mean": round(statistics.fmean(samples), 1),
    }
