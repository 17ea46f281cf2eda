"""Benchmark data entry: quick-entry submit and case-page render with 100,000 demo cases.

Both go through the real request path (Flask test client, signed in as a documenter; CSRF off
because no browser fetches the form first). Quick entry posts to a throw-away copy of the
shared benchmark database, so other benchmarks keep exactly their cases. Targets: under 50 ms
median for each.

    .venv/bin/python bench/entry.py                      # 100,000 cases, 100 timed requests
    .venv/bin/python bench/entry.py --cases 10000 --iterations 50
    .venv/bin/python bench/entry.py --profile entry      # where a quick entry spends its time

The last line printed is JSON.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from flask.testing import FlaskClient  # noqa: E402

from app.demo.names import draw_name  # noqa: E402
from bench.common import (  # noqa: E402
    case_ids,
    ensure_bench_database,
    log,
    make_bench_app,
    scratch_copy,
    signed_in_client,
    summarise,
    time_calls,
)
from models.enums import Sex  # noqa: E402

TARGET_MS = 50
DISTRICTS = ("Kech (Turbat)", "Khuzdar", "Awaran", "Panjgur", "Quetta", "Gwadar", "Mastung")


def quick_entry_form(rng: random.Random) -> dict[str, str]:
    """What a documenter types for a common case, with a different fictional victim each time."""
    victim = draw_name(rng, Sex.male)
    relative = draw_name(rng, Sex.female, surname=victim.surname)
    district = rng.choice(DISTRICTS)
    return {
        "victim-full_name": victim.full_name,
        "victim-father_name": draw_name(rng, Sex.male, surname=victim.surname).full_name,
        "victim-other_names": victim.urdu,
        "victim-sex": "male",
        "victim-age_at_incident": str(rng.randint(17, 45)),
        "victim-occupation": rng.choice(["student", "driver", "shopkeeper", "labourer"]),
        "victim-home_district": district,
        "act-act_type": "enforced_disappearance",
        "act-start": f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(2015, 2025)}",
        "act-place_name": "Main bazaar",
        "act-district": district,
        "perpetrators-0-perpetrator_type": "paramilitary",
        "perpetrators-0-force": "Frontier Corps (FC)",
        "perpetrators-0-unit_name": "FC Wing headquarters",
        "perpetrators-0-degree": "carried_out",
        "perpetrators-0-basis_for_attribution": "Uniformed men in FC vehicles, seen by neighbours",
        "perpetrators-1-perpetrator_type": "",
        "perpetrators-1-degree": "carried_out",
        "title": "",
        "narrative": "Taken from the bazaar at noon by uniformed men; the family has no news.",
        "source-source_type": "relative_testimony",
        "source-title": "Interview with the victim's mother",
        "source-author": "Field documenter",
        "source-published": "March 2025",
        "source-url": "",
        "source-reliability": "B",
        "source-credibility": "2",
        "consent-given_by": relative.full_name,
        "consent-relation": "mother",
        "consent-given_on": "2025-03-20",
        "consent-method": "written",
        "consent-internal": "y",
        "consent-un_transmission": "y",
    }


def submit_entry(client: FlaskClient, form: dict[str, str]) -> None:
    response = client.post("/cases/new", data=form)
    if response.status_code != 302:
        raise RuntimeError(
            f"Quick entry answered {response.status_code}, not a redirect to the new case:\n"
            + response.get_data(as_text=True)[:1500]
        )


def open_case_page(client: FlaskClient, case_id: int) -> None:
    response = client.get(f"/cases/{case_id}")
    if response.status_code != 200:
        raise RuntimeError(f"The page of case {case_id} answered {response.status_code}.")


def profile(what: str, call, iterations: int) -> None:  # type: ignore[no-untyped-def]
    """Print where `iterations` calls spend their time (cumulative, top 30)."""
    profiler = cProfile.Profile()
    profiler.enable()
    for i in range(iterations):
        call(i)
    profiler.disable()
    log(f"--- profile of {iterations} × {what} ---")
    pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--profile", choices=["entry", "case_page"], default=None)
    args = parser.parse_args()

    url = ensure_bench_database(args.cases)
    rng = random.Random(7)
    with scratch_copy(url) as scratch:
        app = make_bench_app(scratch)
        client = signed_in_client(app)
        ids = case_ids(app)
        log(f"{len(ids):,} cases in the database.")
        pages = rng.sample(ids, args.iterations + args.warmup)
        forms = [quick_entry_form(rng) for _ in range(args.iterations + args.warmup)]

        def entry(i: int) -> None:
            submit_entry(client, forms[i])

        def case_page(i: int) -> None:
            open_case_page(client, pages[i])

        if args.profile:
            profile(
                args.profile,
                {"entry": entry, "case_page": case_page}[args.profile],
                args.iterations,
            )
            return
        entry_ms = summarise(time_calls(entry, args.iterations, args.warmup))
        page_ms = summarise(time_calls(case_page, args.iterations, args.warmup))
        app.extensions["casebook.engine"].dispose()

    print(f"Cases in the database:  {len(ids):,}")
    print(
        f"Quick-entry submit:     p50 {entry_ms['p50']} ms, p95 {entry_ms['p95']} ms, "
        f"max {entry_ms['max']} ms  (target p50 < {TARGET_MS} ms)"
    )
    print(
        f"Case page render:       p50 {page_ms['p50']} ms, p95 {page_ms['p95']} ms, "
        f"max {page_ms['max']} ms  (target p50 < {TARGET_MS} ms)"
    )
    print(
        json.dumps(
            {
                "cases": len(ids),
                "entry_p50_ms": entry_ms["p50"],
                "entry_p95_ms": entry_ms["p95"],
                "case_page_p50_ms": page_ms["p50"],
                "case_page_p95_ms": page_ms["p95"],
            }
        )
    )


if __name__ == "__main__":
    main()
