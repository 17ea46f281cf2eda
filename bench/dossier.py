"""Benchmark dossiers: the full case from id to PDF bytes against raw WeasyPrint on the same
finished HTML, and a 500-case advocacy report (time and peak memory) against rendering the
same report as one raw document.

    .venv/bin/python bench/dossier.py                    # 500-case report, 5 timed case runs
    .venv/bin/python bench/dossier.py --cases 100 --repeat 3

The database is a throw-away copy of the 10,000-case bench database (bench/common.py) with the
fully populated case of the test factories added; the report covers its first publishable cases
in the public edition. The case dossier is timed in this (warm) process, alternating the full
pipeline and the raw render. Each report figure comes from a fresh child process (parts and raw
alternated, the median of --rounds) so its peak memory (ru_maxrss: interpreter, imports and a
warm-up render included) belongs to that one measurement. Wall and CPU seconds are both shown:
on a shared machine CPU time is the steadier one. Progress goes to stderr; the last line is JSON
with case_s, case_raw_s, case_overhead, report_cases, report_pages, report_s, report_peak_mb.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlmodel import Session  # noqa: E402

from bench.common import (  # noqa: E402
    ensure_bench_database,
    log,
    make_bench_app,
    scratch_copy,
)
from models.enums import DossierAudience, DossierKind  # noqa: E402
from reports.dossier import (  # noqa: E402
    ADVOCACY_FRONT,
    ADVOCACY_SECTIONS,
    DossierOrder,
    advocacy_document,
    render_dossier,
    render_html,
    single_case_html,
)
from reports.pdf import render_pdf  # noqa: E402
from reports.records import load_case_records  # noqa: E402

BENCH_CASES = 10_000
TARGET_CASE_S = 1.5
TARGET_CASE_OVERHEAD = 0.15
TARGET_REPORT_RATIO = 1.20
TARGET_PEAK_MB = 300


def order(case_ids_: list[int], kind: DossierKind, audience: DossierAudience) -> DossierOrder:
    """An order like the app's (fixed time, so every run prints the same text)."""
    return DossierOrder(
        kind=kind, audience=audience, case_ids=case_ids_, dossier_id=1,
        generated_at=datetime(2026, 11, 26, 10, 0, tzinfo=UTC),
        organisation="Casebook bench organisation (fictional)", prepared_by="Bench",
        selection=["Bench selection"],
    )


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _median_pair(run, raw, repeat: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Median wall and CPU seconds of `run()` and `raw()`, alternated so drift hits both."""
    samples: dict[str, list[float]] = {"run": [], "raw": [], "run_cpu": [], "raw_cpu": []}
    for _ in range(repeat):
        for name, call in (("run", run), ("raw", raw)):
            gc.collect()  # neither pays for the other's garbage
            cpu, started = _cpu_seconds(), time.perf_counter()
            call()
            samples[name].append(time.perf_counter() - started)
            samples[f"{name}_cpu"].append(_cpu_seconds() - cpu)
    return {name: statistics.median(values) for name, values in samples.items()}


def bench_case(url: str, case_id: int, repeat: int) -> dict[str, float]:
    """The case dossier, warm: id → PDF bytes, and WeasyPrint alone on the finished HTML."""
    app = make_bench_app(url)
    wanted = order([case_id], DossierKind.case, DossierAudience.internal)
    with app.app_context(), Session(app.extensions["casebook.engine"]) as session:
        html = single_case_html(session, wanted)
        pages = render_dossier(session, wanted).page_count  # warm-up: fonts, CSS, caches
        render_pdf(html)

        def pipeline() -> None:
            session.expire_all()  # read the rows again, as a new request would
            render_dossier(session, wanted)

        times = _median_pair(pipeline, lambda: render_pdf(html), repeat)
    return {"case_pages": pages, "case_s": round(times["run"], 3),
            "case_raw_s": round(times["raw"], 3),
            "case_overhead": round(times["run"] / times["raw"] - 1, 3),
            "case_cpu_s": round(times["run_cpu"], 3),
            "case_raw_cpu_s": round(times["raw_cpu"], 3)}


# --- children: one report measurement each -------------------------------------------------


def _warm_up() -> None:
    render_pdf('<!doctype html><html><head><link rel="stylesheet" '
               'href="casebook-asset:css/print.css"></head><body><p>warm</p></body></html>')


def _one_document(parts: list[str], front: str) -> str:
    """The report's parts and front matter joined into one HTML document (the raw baseline)."""
    bodies = [part.split("<body", 1)[1].split(">", 1)[1].rsplit("</body>", 1)[0]
              for part in [front, *parts]]
    head, rest = parts[0].split("<body", 1)
    opening = "<body" + rest.split(">", 1)[0] + ">"
    return head + opening + "".join(bodies) + "</body></html>"


def child(kind: str, url: str, ids: list[int]) -> dict[str, object]:
    """Measure one report in this fresh process."""
    app = make_bench_app(url)
    wanted = order(ids, DossierKind.advocacy, DossierAudience.public)
    with app.app_context(), Session(app.extensions["casebook.engine"]) as session:
        _warm_up()
        if kind == "report":
            cpu, started = _cpu_seconds(), time.perf_counter()
            rendered = render_dossier(session, wanted)
            seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
        else:
            records = load_case_records(session, ids)
            document = advocacy_document([records[i] for i in ids if i in records], wanted)
            parts = [make() for make in document.parts]
            front = render_html(ADVOCACY_FRONT, {
                "title": "Advocacy report", "dossier_id": "D-000001", "marking": "PUBLIC",
                "generated": "bench", "meta": wanted.meta(), "report": document.report,
                "entries": [(anchor, label, None) for anchor, label in ADVOCACY_SECTIONS],
                "cases": [(s.anchor, s.reference, None) for s in document.report.summaries],
            })
            html = _one_document(parts, front)
            cpu, started = _cpu_seconds(), time.perf_counter()
            rendered = render_pdf(html)
            seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    return {"seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "pages": rendered.page_count,
            "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def in_child(kind: str, url: str, ids: list[int]) -> dict[str, object]:
    """Run `child(kind)` in a fresh interpreter and return its figures."""
    output = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--url", url,
         "--ids", ",".join(map(str, ids))],
        check=True, capture_output=True, text=True, cwd=ROOT,
    )
    return json.loads(output.stdout.strip().splitlines()[-1])


def publishable_case_ids(url: str) -> list[int]:
    """Ids of the cases a public report may include, oldest first (a public report leaves
    the others out, and they would not be rendered)."""
    from sqlmodel import col, select

    from models.case import Case
    from models.enums import Confidentiality

    app = make_bench_app(url)
    with Session(app.extensions["casebook.engine"]) as session:
        rows = session.exec(
            select(Case.id)
            .where(Case.confidentiality == Confidentiality.publishable,
                   col(Case.deleted_at).is_(None))
            .order_by(col(Case.id))
        ).all()
    return [int(case_id) for case_id in rows if case_id is not None]


def _median_run(runs: list[dict[str, object]]) -> dict[str, object]:
    """The run with the median time (peak memory: the highest seen)."""
    ordered = sorted(runs, key=lambda run: float(run["seconds"]))  # type: ignore[arg-type]
    middle = dict(ordered[len(ordered) // 2])
    middle["peak_mb"] = max(float(run["peak_mb"]) for run in runs)  # type: ignore[arg-type]
    return middle


def _prepare(url: str) -> int:
    """Add the fully populated case to the scratch database; return its id."""
    from tests.factories import make_full_case

    app = make_bench_app(url)
    with app.app_context(), Session(app.extensions["casebook.engine"]) as session:
        return int(make_full_case(session).case.id)  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=500, help="cases in the advocacy report")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of the case dossier")
    parser.add_argument("--rounds", type=int, default=3,
                        help="report runs (each in parts and raw, alternated)")
    parser.add_argument("--child", choices=["report", "raw"], help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--ids", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.url, [int(i) for i in args.ids.split(",")])))
        return

    with scratch_copy(ensure_bench_database(BENCH_CASES)) as url:
        full_case_id = _prepare(url)
        log("Case dossier (warm process)…")
        case = bench_case(url, full_case_id, args.repeat)
        print(f"case dossier: {case['case_pages']} pages, {case['case_s']:.3f} s from case id "
              f"to PDF bytes (target ≤ {TARGET_CASE_S} s; CPU {case['case_cpu_s']:.3f} s); "
              f"WeasyPrint alone on the same HTML {case['case_raw_s']:.3f} s (CPU "
              f"{case['case_raw_cpu_s']:.3f} s); overhead {case['case_overhead']:+.1%} "
              f"(target ≤ {TARGET_CASE_OVERHEAD:.0%})")
        ids = publishable_case_ids(url)[: args.cases]
        log(f"Advocacy report over {len(ids)} cases, in parts, and the same report as one raw "
            f"WeasyPrint document: {args.rounds} rounds, each in a fresh child process…")
        reports, raws = [], []
        for _ in range(args.rounds):
            reports.append(in_child("report", url, ids))
            raws.append(in_child("raw", url, ids))
    report, raw = _median_run(reports), _median_run(raws)
    ratio = float(report["seconds"]) / float(raw["seconds"])  # type: ignore[arg-type]
    cpu_ratio = float(report["cpu_seconds"]) / float(raw["cpu_seconds"])  # type: ignore[arg-type]
    print(f"advocacy report: {len(ids)} cases, {report['pages']} pages, {report['seconds']} s "
          f"in parts (CPU {report['cpu_seconds']} s), peak {report['peak_mb']} MB (target ≤ "
          f"{TARGET_PEAK_MB} MB); one raw document {raw['seconds']} s (CPU "
          f"{raw['cpu_seconds']} s, {raw['pages']} pages), peak {raw['peak_mb']} MB; parts "
          f"take {ratio:.2f}× the raw time, {cpu_ratio:.2f}× its CPU (target ≤ "
          f"{TARGET_REPORT_RATIO})")
    print(json.dumps({
        "case_s": case["case_s"], "case_raw_s": case["case_raw_s"],
        "case_overhead": case["case_overhead"], "case_pages": case["case_pages"],
        "case_cpu_s": case["case_cpu_s"], "case_raw_cpu_s": case["case_raw_cpu_s"],
        "report_cases": len(ids), "report_pages": report["pages"],
        "report_s": report["seconds"], "report_peak_mb": report["peak_mb"],
        "report_cpu_s": report["cpu_seconds"], "report_raw_s": raw["seconds"],
        "report_raw_cpu_s": raw["cpu_seconds"], "report_raw_peak_mb": raw["peak_mb"],
        "report_ratio": round(ratio, 3), "report_cpu_ratio": round(cpu_ratio, 3),
    }))


if __name__ == "__main__":
    main()
