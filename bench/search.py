"""Search speed: a fixed set of searches through `search_cases` (the code the search page, the
CSV export and the advocacy report use), the same text straight against the full-text index,
and the time to rebuild the index, at 10,000 and 100,000 demo cases.

    .venv/bin/python bench/search.py                 # 10,000 then 100,000 cases
    .venv/bin/python bench/search.py --sizes 100000 --repeat 9

Builds (or reuses) the demo databases of bench/common.py. Prints one line per search, a
growth table, and ends with one JSON line for the largest size:
{"cases": …, "p50_ms": …, "p95_ms": …, "max_ms": …, "raw_p50_ms": …, "overhead_ratio": …}

`p50/p95/max` cover every timed run of every search (facet counts included), as a viewer sees
them (confidential cases filtered out). `raw` runs each search's compiled full-text query
alone (`ORDER BY rank LIMIT 20`, plus the count); `overhead_ratio` is the median of the text
searches through `search_cases` over the median of the same searches raw.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from sqlmodel import Session  # noqa: E402

from app.db import make_engine  # noqa: E402
from app.search.engines import engine_for  # noqa: E402
from app.search.filters import SearchQuery, SortOrder  # noqa: E402
from app.search.index import rebuild_index  # noqa: E402
from app.search.query import parse_query  # noqa: E402
from app.search.service import search_cases  # noqa: E402
from app.services.actor import Actor  # noqa: E402
from bench.common import ensure_bench_database, percentile, scratch_copy  # noqa: E402
from models.enums import (  # noqa: E402
    ActType,
    InterventionStatus,
    ResponseType,
    ViolationStatus,
)
from models.user import Role  # noqa: E402

VIEWER = Actor(user_id=None, role=Role.viewer)


@dataclass(frozen=True)
class Case:
    """One benchmark search: what it exercises, and the query."""

    label: str
    query: SearchQuery


def searches(first_reference: str) -> list[Case]:
    """The fixed set: rare and very common words, names in both scripts and several
    spellings, phrases, prefixes, exclusions, OR, and filters with facets."""
    of = SearchQuery.of
    return [
        Case("rare word", of("Dalbandin")),
        Case("rare word", of("Hoshab")),
        Case("rare place, two words", of("Mashkay Awaran")),
        Case("reference", of(first_reference)),
        Case("common word (every case)", of("taken")),
        Case("common word (99%)", of("Balochistan")),
        Case("two common words", of("police complaint")),
        Case("common phrase", of('"enforced disappearance"')),
        Case("frequent word (33%)", of("torture")),
        Case("name", of("Muhammad Baloch")),
        Case("name, other spelling", of("Mohd Baluch")),
        Case("name, Urdu script", of("محمد بلوچ")),
        Case("name and father's name", of("Fatima Bano")),
        Case("phrase", of('"habeas corpus petition"')),
        Case("phrase", of('"Frontier Corps"')),
        Case("prefix", of("Khuz*")),
        Case("prefix, short", of("tor*")),
        Case("prefix, very common", of("dis*")),
        Case("exclusion", of("Turbat -student")),
        Case("exclusion only", of("-torture")),
        Case("OR", of("Hoshab OR Mashkay")),
        Case("filters only: all cases, every facet", of("")),
        Case("act type filter", of("", act_type=[ActType.extrajudicial_killing])),
        Case(
            "words + district + dates",
            of(
                "student",
                districts=["Kech (Turbat)"],
                date_from=date(2020, 1, 1),
                date_to=date(2024, 12, 31),
            ),
        ),
        Case("WGEID-ready + verified", of("", wgeid=["yes"], status=[ViolationStatus.verified])),
        Case("words + response type", of("ISPR", response=[ResponseType.denied_custody])),
        Case("common word by date", of("encounter", sort=SortOrder.newest)),
        Case(
            "evidence + hearing",
            of("", evidence=["yes"], intervention=[InterventionStatus.hearing_scheduled]),
        ),
        Case("page 5 of a common word", of("family", page=5)),
        Case("hostile input", of('NEAR("x" ^y) \'; DROP TABLE case_file;-- 😀')),
    ]


def time_rebuild(url: str) -> float:
    """Seconds to rebuild the whole index, on a throw-away copy of the database."""
    with scratch_copy(url) as copy:
        engine = make_engine(copy)
        try:
            with Session(engine) as session:
                started = time.perf_counter()
                rebuild_index(session)
                session.commit()
                return time.perf_counter() - started
        finally:
            engine.dispose()


def run(url: str, repeat: int) -> dict[str, object]:
    """Time every search `repeat` times (after one warm-up) through `search_cases` and raw."""
    engine = make_engine(url)
    page_samples: list[float] = []
    text_medians: list[float] = []
    raw_medians: list[float] = []
    try:
        with Session(engine) as session:
            connection = session.connection()
            fts = engine_for(connection)
            first = connection.execute(
                sa.text("SELECT reference FROM case_file ORDER BY id LIMIT 1")
            ).scalar_one()
            cases = connection.execute(sa.text("SELECT count(*) FROM search_case")).scalar_one()
            print(f"\n{cases:,} cases: ms per search (median of {repeat})")
            print(f"{'search':44} {'total':>8} {'page ms':>8} {'raw ms':>8}")
            for case in searches(first):
                search_cases(session, case.query, actor=VIEWER)  # warm-up
                samples = []
                for _ in range(repeat):
                    started = time.perf_counter()
                    results = search_cases(session, case.query, actor=VIEWER)
                    samples.append((time.perf_counter() - started) * 1000)
                page_samples += samples
                compiled = fts.compile(parse_query(case.query.text))
                raw = _time_raw(connection, compiled, repeat) if compiled else None
                if raw is not None:
                    text_medians.append(statistics.median(samples))
                    raw_medians.append(raw)
                label = f"{case.label}: {case.query.text or '(no words)'}"[:44]
                raw_text = f"{raw:8.1f}" if raw is not None else f"{'—':>8}"
                print(
                    f"{label:44} {results.total:>8,} {statistics.median(samples):8.1f} {raw_text}"
                )
    finally:
        engine.dispose()
    page_p50 = statistics.median(page_samples)
    text_p50 = statistics.median(text_medians)
    raw_p50 = statistics.median(raw_medians)
    return {
        "cases": cases,
        "p50_ms": round(page_p50, 1),
        "p95_ms": round(percentile(page_samples, 0.95), 1),
        "max_ms": round(max(page_samples), 1),
        "raw_p50_ms": round(raw_p50, 1),
        "overhead_ratio": round(text_p50 / raw_p50, 2) if raw_p50 else None,
    }


def _time_raw(connection: sa.Connection, compiled: str, repeat: int) -> float:
    """Median ms of the index alone: the best 20 by rank, and the count."""
    top = sa.text(
        "SELECT rowid FROM search_fts WHERE search_fts MATCH :match ORDER BY rank LIMIT 20"
    )
    count = sa.text("SELECT count(*) FROM search_fts WHERE search_fts MATCH :match")
    params = {"match": compiled}
    connection.execute(top, params).all()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        connection.execute(top, params).all()
        connection.execute(count, params).scalar_one()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="case counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per search")
    parser.add_argument("--no-reindex", action="store_true", help="skip timing a rebuild")
    args = parser.parse_args()
    rows = []
    for size in (int(text) for text in args.sizes.split(",")):
        url = ensure_bench_database(size)
        figures = run(url, args.repeat)
        figures["reindex_s"] = None if args.no_reindex else round(time_rebuild(url), 1)
        rows.append(figures)
    print("\ncases     p50 ms  p95 ms  max ms  raw p50 ms  ratio  reindex s")
    for row in rows:
        print(
            f"{row['cases']:<9,} {row['p50_ms']:>6} {row['p95_ms']:>7} {row['max_ms']:>7} "
            f"{row['raw_p50_ms']:>11} {row['overhead_ratio']:>6} {row['reindex_s'] or '—':>10}"
        )
    last = {
        key: rows[-1][key]
        for key in ("cases", "p50_ms", "p95_ms", "max_ms", "raw_p50_ms", "overhead_ratio")
    }
    print(json.dumps(last))


if __name__ == "__main__":
    main()
