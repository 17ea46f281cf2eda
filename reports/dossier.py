"""Produce a dossier: case ids + kind + audience → redacted context → HTML → PDF bytes.

`render_dossier(session, order)` is the whole pipeline for the three kinds. The case dossier
and the WGEID submission are single documents (`reports.pdf.render_pdf`); the advocacy
report is rendered in parts (`reports.parts.render_in_parts`) so memory stays bounded, with
`on_progress(cases_done, cases_total)` after each part. `store_pdf` keeps the bytes under
the dossier store by their SHA-256. Writing the `Dossier` row is the app's job
(app/dossiers/services.py); this module reads rows and returns bytes.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment
from sqlmodel import Session

from models.enums import DossierAudience, DossierKind
from reports.advocacy import (
    DEDUPLICATION,
    INCLUSION_RULE,
    AdvocacyReport,
    CaseSummary,
    build_advocacy_report,
)
from reports.assets import AssetFetcher
from reports.context import ReportRefused, build_case_view, format_timestamp
from reports.parts import PartsLayout, batches, render_in_parts
from reports.pdf import RenderedPdf, render_pdf
from reports.records import CaseRecords, load_case_records, load_one_case
from reports.redaction import redact_for
from reports.templating import report_environment
from reports.views import CaseView, DossierMeta
from reports.wgeid import build_wgeid_submission

ProgressCallback = Callable[[int, int], None]

TEMPLATES = {
    DossierKind.case: "reports/case_dossier.html",
    DossierKind.wgeid: "reports/wgeid.html",
    DossierKind.advocacy: "reports/advocacy.html",
}
ADVOCACY_FRONT = "reports/advocacy_front.html"
# A case summary is a few lines, three or four to a page: a part of 100 summaries is some 30
# pages (about 50 MB laid out), about as long as the overview with its table of 500 cases.
# 500 cases make six parts, few enough that each part's fixed cost stays small
# (bench/dossier.py).
SUMMARIES_PER_PART = 100

_RTL_BIDI = frozenset({"R", "AL"})


def script_dir(text: object) -> str:
    """"rtl" when the first strong character is right-to-left (Urdu, Arabic); "mixed" when a
    left-to-right text also holds right-to-left characters; else "ltr"."""
    first: str | None = None
    for char in str(text or ""):
        direction = unicodedata.bidirectional(char)
        if direction in _RTL_BIDI:
            if first is None:
                return "rtl"
            return "mixed"
        if direction == "L" and first is None:
            first = "ltr"
    return "ltr"


def _environment() -> Environment:
    # An overlay shares the engine's loader, autoescape and strict undefined, adding our filter.
    environment = report_environment().overlay()
    environment.filters["script_dir"] = script_dir
    return environment


_ENVIRONMENT: Environment | None = None


def render_html(template: str, context: dict[str, Any]) -> str:
    """Render one print template with a plain context."""
    global _ENVIRONMENT
    if _ENVIRONMENT is None:
        _ENVIRONMENT = _environment()
    return _ENVIRONMENT.get_template(template).render(context)


def dossier_code(dossier_id: int | None) -> str:
    """The dossier's printed ID: "D-000042" ("D-PREVIEW" before it has a row)."""
    return f"D-{dossier_id:06d}" if dossier_id else "D-PREVIEW"


@dataclass(frozen=True)
class DossierOrder:
    """What to produce: everything the pipeline needs, as plain values."""

    kind: DossierKind
    audience: DossierAudience
    case_ids: Sequence[int]
    dossier_id: int | None
    generated_at: datetime
    organisation: str
    prepared_by: str
    selection: list[str] = field(default_factory=list)

    @property
    def as_of(self) -> date:
        """The day whose records the dossier shows (consents are judged on it)."""
        return self.generated_at.date()

    def meta(self) -> DossierMeta:
        """The document's own identity, as every page prints it."""
        policy = redact_for(self.audience)
        return DossierMeta(
            dossier_id=dossier_code(self.dossier_id),
            kind=self.kind.label,
            audience=self.audience.label,
            marking=policy.marking,
            generated=format_timestamp(self.generated_at),
            as_of=str(self.as_of.day) + self.as_of.strftime(" %B %Y"),
            organisation=self.organisation,
            prepared_by=self.prepared_by if policy.is_internal else self.organisation,
            internal=policy.is_internal,
        )


def _page_context(meta: DossierMeta, title: str) -> dict[str, Any]:
    return {
        "title": title,
        "dossier_id": meta.dossier_id,
        "marking": meta.marking,
        "generated": meta.footer,
        "meta": meta,
    }


CASE_SECTIONS = [
    ("summary", "The case"),
    ("victims", "Victim profile"),
    ("chronology", "Chronology"),
    ("elements", "Elements of enforced disappearance (ICPPED art. 2)"),
    ("allegations", "Allegations and the authorities' responses"),
    ("interventions", "Interventions and outcomes"),
    ("people", "Other people in the case"),
    ("sources", "Sources cited"),
    ("evidence", "Evidence annex"),
    ("consent", "Consent"),
    ("methodology", "Methodology"),
    ("internal-notes", "Internal notes"),
]


def _case_sections(view: CaseView) -> list[tuple[str, str]]:
    present = {
        "people": bool(view.others),
        "internal-notes": bool(view.internal_notes),
    }
    kept = [(anchor, label) for anchor, label in CASE_SECTIONS if present.get(anchor, True)]
    return [(anchor, f"{number}. {label}") for number, (anchor, label) in enumerate(kept, 1)]


def consent_rule(audience: DossierAudience) -> str:
    """What consent this edition needed before naming a victim."""
    policy = redact_for(audience)
    if policy.naming_scope is None:
        return "The internal edition names everyone on record; it must not leave the organisation."
    return (
        f"This edition names a victim only where a consent that has not been withdrawn covers "
        f"{policy.naming_scope.label.lower()}; otherwise the case code stands in."
    )


def case_dossier_html(records: CaseRecords, order: DossierOrder) -> str:
    """The case dossier as one HTML document."""
    meta = order.meta()
    view = build_case_view(
        records, order.audience, as_of=order.as_of, organisation=order.organisation
    )
    sections = _case_sections(view)
    context = _page_context(meta, f"{view.reference} — {meta.kind} ({meta.audience})")
    context.update(
        case=view,
        sections=sections,
        title_of=dict(sections),
        withheld=view.withheld,
        consent_rule=consent_rule(order.audience),
    )
    return render_html(TEMPLATES[DossierKind.case], context)


def wgeid_html(records: CaseRecords, order: DossierOrder) -> str:
    """The WGEID submission as one HTML document (raises `WgeidNotReady` with the gaps)."""
    meta = order.meta()
    submission = build_wgeid_submission(
        records, order.audience, as_of=order.as_of, submitter=order.organisation
    )
    context = _page_context(meta, f"{submission.reference} — {meta.kind}")
    context.update(submission=submission, withheld=submission.case.withheld)
    return render_html(TEMPLATES[DossierKind.wgeid], context)


def _one_case(session: Session, order: DossierOrder) -> CaseRecords:
    if len(order.case_ids) != 1:
        raise ReportRefused(f"A {order.kind.label.lower()} covers exactly one case.")
    records = load_one_case(session, order.case_ids[0])
    if records is None:
        raise ReportRefused("The case does not exist or was deleted.")
    return records


def single_case_html(session: Session, order: DossierOrder) -> str:
    """The finished HTML of a case dossier or WGEID submission."""
    records = _one_case(session, order)
    if order.kind is DossierKind.wgeid:
        return wgeid_html(records, order)
    return case_dossier_html(records, order)


# --- advocacy report, rendered in parts -------------------------------------------------


@dataclass(frozen=True)
class AdvocacyDocument:
    """The report's parts (HTML, lazily rendered) and the front matter builder."""

    report: AdvocacyReport
    parts: list[Callable[[], str]]
    cases_per_part: list[int]
    front_matter: Callable[[PartsLayout], str]


ADVOCACY_SECTIONS = [
    ("summary", "Summary"),
    ("counts", "Counts"),
    ("case-table", "Cases"),
    ("summaries", "Case summaries"),
    ("methodology", "Methodology and limits"),
]


def advocacy_document(cases: Sequence[CaseRecords], order: DossierOrder) -> AdvocacyDocument:
    """Plan the advocacy report: one part for the overview, parts of case summaries, methods."""
    meta = order.meta()
    report, _views = build_advocacy_report(
        cases,
        order.audience,
        as_of=order.as_of,
        organisation=order.organisation,
        selection=order.selection,
    )
    title = f"{meta.kind} ({meta.audience})"
    base = _page_context(meta, title)
    base.update(
        inclusion_rule=INCLUSION_RULE, deduplication=DEDUPLICATION, withheld=report.withheld
    )
    template = TEMPLATES[DossierKind.advocacy]

    def part(sections: list[str], summaries: list[CaseSummary]) -> Callable[[], str]:
        return lambda: render_html(
            template, {**base, "report": report, "sections": sections, "summaries": summaries}
        )

    # The overview (with its table of every case) is a part of its own, as long as a batch of
    # summaries; the methodology rides with the last batch, saving a part's fixed cost.
    groups = list(batches(report.summaries, SUMMARIES_PER_PART)) or [[]]
    parts, sizes = [part(["overview"], [])], [0]
    for index, batch in enumerate(groups):
        sections = ["summaries-first"] if index == 0 else ["summaries"]
        if index == len(groups) - 1:
            sections.append("methodology")
        parts.append(part(sections, batch))
        sizes.append(len(batch))

    def front_matter(layout: PartsLayout) -> str:
        entries = [(anchor, label, layout.page_of(anchor)) for anchor, label in ADVOCACY_SECTIONS]
        cases = [(s.anchor, f"{s.reference} — {s.title}", layout.page_of(s.anchor))
                 for s in report.summaries]
        return render_html(
            ADVOCACY_FRONT,
            {**base, "report": report, "entries": entries, "cases": cases},
        )

    return AdvocacyDocument(report, parts, sizes, front_matter)


def render_advocacy(
    session: Session,
    order: DossierOrder,
    on_progress: ProgressCallback | None = None,
    *,
    fetcher: AssetFetcher | None = None,
) -> RenderedPdf:
    """Render the advocacy report in parts; `on_progress(cases_done, cases_total)`."""
    cases = load_case_records(session, order.case_ids)
    ordered = [cases[case_id] for case_id in order.case_ids if case_id in cases]
    document = advocacy_document(ordered, order)
    total = document.report.cases_included
    done_after = [sum(document.cases_per_part[: i + 1]) for i in range(len(document.parts))]

    def lazy_parts() -> Iterator[str]:
        for make in document.parts:
            yield make()

    def progress(done_parts: int, _total_parts: int) -> None:
        if on_progress is not None:
            on_progress(done_after[min(done_parts, len(done_after)) - 1], total)

    return render_in_parts(
        lazy_parts(),
        front_matter=document.front_matter,
        on_progress=progress,
        part_count=len(document.parts),
        fetcher=fetcher,
    )


# --- the entry points -------------------------------------------------------------------


def render_dossier(
    session: Session,
    order: DossierOrder,
    on_progress: ProgressCallback | None = None,
    *,
    fetcher: AssetFetcher | None = None,
) -> RenderedPdf:
    """Produce the PDF `order` asks for; raises `ReportRefused` with what to fix.

    `fetcher` (default: a fresh `AssetFetcher`) records every URL the render asked for.
    """
    if order.kind is DossierKind.advocacy:
        return render_advocacy(session, order, on_progress, fetcher=fetcher)
    if on_progress is not None:
        on_progress(0, 1)
    rendered = render_pdf(single_case_html(session, order), fetcher=fetcher)
    if on_progress is not None:
        on_progress(1, 1)
    return rendered


def store_pdf(directory: Path, rendered: RenderedPdf) -> str:
    """Keep the bytes as `<sha256>.pdf` under `directory`; return that name (idempotent)."""
    directory.mkdir(parents=True, exist_ok=True)
    name = f"{rendered.sha256}.pdf"
    path = directory / name
    if not path.exists():
        temporary = path.with_suffix(".part")
        temporary.write_bytes(rendered.content)
        temporary.replace(path)
    return name


def sha256_of(content: bytes) -> str:
    """The SHA-256 of bytes, as the Dossier row records it."""
    return hashlib.sha256(content).hexdigest()
