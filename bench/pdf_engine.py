"""Benchmark the PDF engine: raw WeasyPrint renders and a long report whole vs in parts.

Every figure comes from a fresh child process, so peak memory (ru_maxrss of the child,
interpreter and imports included) belongs to that one measurement. Each child renders a
one-page warm-up first, so times are for a warm process. Wall time and CPU time are both
reported; on a shared machine compare CPU times, which other processes barely disturb.
All names are invented.

    .venv/bin/python bench/pdf_engine.py                  # 500 cases, parts of 25 and 50
    .venv/bin/python bench/pdf_engine.py --cases 100 --part-sizes 10,25

The last line printed is JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reports.parts import PartsLayout, batches, render_in_parts  # noqa: E402
from reports.pdf import render_pdf  # noqa: E402
from reports.templating import report_environment  # noqa: E402

DISTRICTS = ("Kech", "Khuzdar", "Awaran", "Panjgur", "Gwadar", "Quetta", "Mastung", "Kalat")
WORDS = ["the", "family", "reported", "that", "he", "was", "taken", "from", "a", "checkpoint",
         "by", "men", "in", "uniform", "and", "plain", "clothes", "who", "arrived", "two",
         "vehicles", "witnesses", "said", "police", "refused", "to", "register", "complaint",
         "commission", "hearing", "adjourned", "again"]
TARGET_MAX_SLOWDOWN = 1.20
TARGET_PEAK_MB = 300

PAGE_TEMPLATE = """{% extends "reports/_base.html" %}
{% from "reports/_print_macros.html" import toc_entry, citation %}
{% block cover %}{% if with_front %}
<section class="cover"><div class="cover-kind">Advocacy report</div>
<h1>Enforced disappearances documented in Balochistan</h1>
<p class="cover-status">{{ cases|length }} cases
{%- if body_pages %}, {{ body_pages }} pages{% endif %}</p>
<span class="marking">{{ marking }}</span></section>
<nav class="toc"><h2>Contents</h2><ol>
{% for case in cases %}{{ toc_entry(case.anchor, case.code ~ " · " ~ case.name,
                                    pages.get(case.anchor)) }}{% endfor %}
</ol></nav>{% endif %}{% endblock %}
{% block body %}{% for case in body_cases %}
<section class="case" id="{{ case.anchor }}"><h2>{{ case.code }} · {{ case.name }}</h2>
<p>Victim: {{ case.name }} (<span dir="auto">{{ case.name_ur }}</span>), son of
{{ case.father }}, {{ case.district }} district.</p>
<p>{{ case.narrative }}{{ citation("Testimony of a relative, recorded 2025, graded B2.") }}</p>
<table><thead><tr><th>Date</th><th>Event</th><th>Grade</th></tr></thead><tbody>
{% for date, event, grade in case.events %}<tr><td>{{ date }}</td><td>{{ event }}</td>
<td>{{ grade }}</td></tr>{% endfor %}</tbody></table></section>
{% endfor %}{% endblock %}
"""


def synthetic_case(number: int) -> dict[str, object]:
    """One invented case of about one printed page."""
    rnd = random.Random(number)
    return {
        "anchor": f"case-{number}",
        "code": f"BAL-2026-{number:04d}",
        "name": f"Dostain Rakhshani {number}",
        "name_ur": "دوستین رخشانی",
        "father": "Muhammad Akram",
        "district": rnd.choice(DISTRICTS),
        "narrative": " ".join(rnd.choice(WORDS) for _ in range(385)),
        "events": [(f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
                    " ".join(rnd.choice(WORDS) for _ in range(8)), f"B{rnd.randint(1, 3)}")
                   for _ in range(6)],
    }


def render_page(**context: object) -> str:
    """Fill the synthetic report template."""
    base = {"title": "Advocacy report", "dossier_id": "RPT-2026-0007", "marking": "PUBLIC",
            "generated": "Generated 2026-11-26 10:00 UTC", "cases": [], "body_cases": [],
            "with_front": False, "body_pages": 0, "pages": {}}
    template = report_environment().from_string(PAGE_TEMPLATE)
    return template.render({**base, **context})


def whole_report(cases: list[dict[str, object]]) -> str:
    """The whole report as one document: the TOC resolves pages with target-counter."""
    return render_page(cases=cases, body_cases=cases, with_front=True)


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(kind: str, cases: int, part_size: int) -> dict[str, object]:
    """Run one measurement in this (fresh) process."""
    started = time.perf_counter()
    render_pdf(render_page(body_cases=[synthetic_case(0)]))  # warm-up: fonts, CSS, imports
    first_render_s = time.perf_counter() - started
    baseline_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    all_cases = [synthetic_case(n) for n in range(cases)]
    cpu_started = _cpu_seconds()
    started = time.perf_counter()
    if kind == "raw":
        result = render_pdf(render_page(body_cases=all_cases))
    elif kind == "whole":
        result = render_pdf(whole_report(all_cases))
    else:
        parts = [render_page(body_cases=batch) for batch in batches(all_cases, part_size)]

        def front_matter(layout: PartsLayout) -> str:
            return render_page(cases=all_cases, with_front=True, body_pages=layout.body_pages,
                               pages=layout.anchor_pages)

        result = render_in_parts(parts, front_matter=front_matter)
    seconds = time.perf_counter() - started
    cpu_seconds = _cpu_seconds() - cpu_started
    return {"kind": kind, "cases": cases, "part_size": part_size, "pages": result.page_count,
            "seconds": round(seconds, 2), "cpu_s": round(cpu_seconds, 2),
            "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "baseline_mb": round(baseline_mb, 1), "first_render_s": round(first_render_s, 2)}


def in_child(kind: str, cases: int, part_size: int = 0) -> dict[str, object]:
    """Run `measure` in a fresh interpreter and return its JSON result."""
    output = subprocess.run(
        [sys.executable, __file__, "--measure", kind, "--cases", str(cases),
         "--part-size", str(part_size)],
        check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    """Measure, print a table, and end with one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=500)
    parser.add_argument("--part-sizes", default="25,50")
    parser.add_argument("--measure", choices=("raw", "whole", "parts"))
    parser.add_argument("--part-size", type=int, default=0)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.cases, args.part_size)))
        return

    one, ten = in_child("raw", 1), in_child("raw", 10)
    print(f"raw WeasyPrint, {one['pages']} page:   {one['seconds']:6.2f} s "
          f"(CPU {one['cpu_s']:.2f} s; first render in a new process: "
          f"{one['first_render_s']:.2f} s)")
    print(f"raw WeasyPrint, {ten['pages']} pages: {ten['seconds']:6.2f} s "
          f"(CPU {ten['cpu_s']:.2f} s)")
    whole = in_child("whole", args.cases)
    print(f"{args.cases} cases whole:        {whole['seconds']:6.2f} s "
          f"(CPU {whole['cpu_s']:6.2f} s), {whole['pages']} pages, "
          f"peak {whole['peak_mb']} MB (idle process {whole['baseline_mb']} MB)")
    runs = []
    for size in (int(s) for s in args.part_sizes.split(",")):
        run = in_child("parts", args.cases, size)
        run["ratio"] = round(float(run["seconds"]) / float(whole["seconds"]), 3)
        run["cpu_ratio"] = round(float(run["cpu_s"]) / float(whole["cpu_s"]), 3)
        runs.append(run)
        print(f"{args.cases} cases in parts of {size:3d}: {run['seconds']:6.2f} s "
              f"(CPU {run['cpu_s']:6.2f} s, {run['cpu_ratio']:.2f}× whole), "
              f"{run['pages']} pages, peak {run['peak_mb']} MB")
    best = min(runs, key=lambda r: float(r["cpu_s"]))
    summary = {
        "raw_1page_s": one["seconds"], "raw_1page_cold_s": one["first_render_s"],
        "raw_10page_s": ten["seconds"],
        "raw_10page_pages": ten["pages"],
        "report_cases": args.cases, "whole_s": whole["seconds"], "whole_cpu_s": whole["cpu_s"],
        "whole_pages": whole["pages"], "whole_peak_mb": whole["peak_mb"],
        "part_size": best["part_size"], "parts_s": best["seconds"], "parts_cpu_s": best["cpu_s"],
        "parts_pages": best["pages"], "parts_peak_mb": best["peak_mb"],
        "parts_ratio": best["ratio"], "parts_cpu_ratio": best["cpu_ratio"],
        "meets_targets": float(best["cpu_ratio"]) <= TARGET_MAX_SLOWDOWN
        and float(best["peak_mb"]) <= TARGET_PEAK_MB,
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
