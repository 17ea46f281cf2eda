"""Writing generated demo cases to the database: bulk inserts and one audit event per case.

Speed matters (benchmarks need 100,000 cases), so rows go in with Core `executemany` batches
and precomputed ids, never through ORM flushes. The audit chain is extended from its current
head: an opening "demo_generate" event (written by the audit service, which also serialises
writers on PostgreSQL), then one "create" event per case naming its reference and what it holds.
Core inserts bypass the session events that keep the search index in sync, so the index is
rebuilt once at the end. Everything happens in the caller's transaction; the caller commits
once. Run it while nobody else writes (it is a set-up command): ids are taken from the highest
in use.
"""

from __future__ import annotations

import io
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlmodel import Session, select

from app.demo.cases import DemoCaseGenerator, ReferenceCounter
from app.demo.rows import DEMO_MODELS, IdAllocator, RowBatch, table_of
from app.evidence.storage import EvidenceStore
from app.search.index import rebuild_index
from app.services import audit
from app.services.actor import Actor
from models import AuditEvent, Case, OfficialResponse
from models.types import utcnow

DEFAULT_BATCH = 2000
DEFAULT_CASES = 60  # the demo set `casebook demo` loads into a database without cases
DEFAULT_SEED = 2026
Progress = Callable[[int, int, float], None]  # (cases done, cases wanted, seconds so far)


@dataclass(frozen=True)
class LoadReport:
    """What a generation run wrote and how fast."""

    cases: int
    rows: int
    seconds: float  # generating and writing the cases
    first_case_id: int | None
    index_seconds: float = 0.0  # rebuilding the search index afterwards

    @property
    def cases_per_second(self) -> float:
        """Generation and writing speed (the index rebuild is reported apart)."""
        return self.cases / self.seconds if self.seconds else float("inf")


class _EventView(SimpleNamespace):
    """An audit event's fields seen through `AuditEvent.compute_hash`, without an ORM object."""

    compute_hash = AuditEvent.compute_hash


def load_cases(
    session: Session,
    *,
    count: int,
    seed: int,
    today: date | None = None,
    batch_size: int = DEFAULT_BATCH,
    progress: Progress | None = None,
    store: EvidenceStore | None = None,
) -> LoadReport:
    """Generate `count` demo cases into the database, audited; the caller commits.

    With `store`, evidence records get real (fictional) files saved there; without, they are
    metadata only, which is what large benchmark databases want.
    """
    started = time.perf_counter()
    connection = session.connection()
    ids = IdAllocator(_next_ids(connection))
    first_case_id = ids.peek(Case)
    references = ReferenceCounter.from_references(list(session.exec(select(Case.reference))))
    generator = DemoCaseGenerator(seed=seed, ids=ids, references=references, today=today)
    if store is not None:
        generator.workshop.evidence_files = {}
    opening = audit.record(
        session,
        actor=Actor.system(),
        action="demo_generate",
        entity_type="case_file",
        after={"cases": count, "seed": seed, "first_case_id": first_case_id},
    )
    chain = _Chain(head=opening.hash, next_id=(opening.id or 0) + 1, seed=seed)
    rows = 0
    done = 0
    for batch in generator.batches(count, batch_size):
        _insert(connection, batch)
        chain.append_cases(connection, batch)
        rows += batch.total()
        done += batch.cases
        if progress is not None:
            progress(done, count, time.perf_counter() - started)
    _advance_sequences(connection)
    for content in (generator.workshop.evidence_files or {}).values():
        assert store is not None
        store.save(io.BytesIO(content), max_bytes=len(content))
    written = time.perf_counter()
    rebuild_index(session)
    return LoadReport(
        cases=done,
        rows=rows,
        seconds=written - started,
        first_case_id=first_case_id if done else None,
        index_seconds=time.perf_counter() - written,
    )


def ensure_default_cases(
    session: Session, *, progress: Progress | None = None, store: EvidenceStore | None = None
) -> LoadReport | None:
    """Load the demo set into a database that has no case yet.

    The seed is fixed; dates are drawn up to today so that deadlines stay current, so two
    installs on the same day get the same cases.
    """
    if session.exec(select(sa.func.count()).select_from(Case)).one():
        return None
    return load_cases(
        session, count=DEFAULT_CASES, seed=DEFAULT_SEED, progress=progress, store=store
    )


def _next_ids(connection: Connection) -> dict[str, int]:
    next_ids = {}
    for model in DEMO_MODELS:
        table = table_of(model)
        highest = connection.execute(sa.select(sa.func.max(table.c.id))).scalar()
        next_ids[table.name] = (highest or 0) + 1
    return next_ids


def _insert(connection: Connection, batch: RowBatch) -> None:
    for model in DEMO_MODELS:
        table = table_of(model)
        rows = batch.rows[table.name]
        if rows:
            connection.execute(sa.insert(table), rows)
    if batch.response_citations:
        # Responses went in before their citations existed; link them now.
        responses = table_of(OfficialResponse)
        connection.execute(
            sa.update(responses)
            .where(responses.c.id == sa.bindparam("response"))
            .values(citation_id=sa.bindparam("citation")),
            [{"response": r, "citation": c} for r, c in batch.response_citations],
        )


@dataclass
class _Chain:
    """The audit chain's head while generated cases are appended to it."""

    head: str
    next_id: int
    seed: int

    def append_cases(self, connection: Connection, batch: RowBatch) -> None:
        at = utcnow()
        counts = _counts_per_case(batch)
        events = []
        for case in batch.rows[table_of(Case).name]:
            after = {
                "reference": case["reference"],
                "title": case["title"],
                "generated_by": "casebook demo",
                "seed": self.seed,
                "records": counts.get(case["id"], {}),
            }
            event = _EventView(
                id=self.next_id,
                at=at,
                user_id=None,
                action="create",
                entity_type="case_file",
                entity_id=str(case["id"]),
                case_id=case["id"],
                before_json=None,
                after_json=audit.to_json(after),
                ip=None,
                prev_hash=self.head,
            )
            event.hash = event.compute_hash()
            events.append(vars(event))
            self.head = event.hash
            self.next_id += 1
        if events:
            connection.execute(sa.insert(table_of(AuditEvent)), events)


def _counts_per_case(batch: RowBatch) -> dict[int, dict[str, int]]:
    """For each case id, how many rows of each table the batch holds for it."""
    counts: dict[int, Counter[str]] = {}
    for name, rows in batch.rows.items():
        for row in rows:
            case_id = row.get("case_id")
            if case_id is not None:
                counts.setdefault(case_id, Counter())[name] += 1
    return {case_id: dict(counter) for case_id, counter in counts.items()}


def _advance_sequences(connection: Connection) -> None:
    """PostgreSQL: move each id sequence past the ids written explicitly."""
    if connection.dialect.name != "postgresql":
        return
    for model in (*DEMO_MODELS, AuditEvent):
        name = table_of(model).name
        connection.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('\"{name}\"', 'id'), "  # noqa: S608
                f'(SELECT COALESCE(MAX(id), 0) + 1 FROM "{name}"), false)'
            )
        )
