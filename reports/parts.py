"""Render a long report in parts so memory stays bounded, then join them into one PDF.

WeasyPrint keeps every laid-out page of a document in memory until it is written (about
1.6 MB a page), so a 500-case report is rendered as a sequence of part documents, each
written to PDF bytes and freed before the next. What a single render would have known is
carried from part to part:

* **Page numbers.** Each part's first page continues the count (`counter-reset` on
  `@page :first`). The total Y is unknown until the last part is laid out, so body parts
  leave the page-number margin box empty and, once Y is known, a one-line stamp document
  ("page X of Y", same stylesheet, same margin box) is laid over every body page.
* **Table of contents.** The front matter (cover, contents, summary) is rendered last,
  by a builder that receives a `PartsLayout`: the printed page of every anchor. Its TOC
  entries carry `data-page` (print.css shows it after the leader) and link to the
  anchors, which become named destinations of the joined PDF. The front matter is
  numbered i, ii, iii… so its own length never shifts the body's numbers.
* **Outline.** Headings of every part are collected and rebuilt into one outline.

Each part starts on a new page, and `target-counter()` only resolves anchors inside its
own part (with the right, continued number); references across parts go through the
front matter's `PartsLayout`.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sized
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TypeVar

from reports.assets import AssetFetcher, asset_url
from reports.joining import Bookmark, PendingLink, join_parts
from reports.pdf import RenderedPdf, RenderSession

T = TypeVar("T")

# bench/pdf_engine.py: with one-page cases, parts of 25 or 50 peak near 175 MB for 500
# cases (a single render: about 680 MB) and take about the same time as a single render.
# 25 leaves room for case summaries of two or three pages under the 300 MB budget.
CASES_PER_PART = 25

# print.css puts "page X of Y" in this margin box; see the note at the top of print.css.
PAGE_NUMBER_BOX = "bottom-right"
_MARGIN_BOXES = (
    "top-left-corner", "top-left", "top-center", "top-right", "top-right-corner",
    "right-top", "right-middle", "right-bottom", "bottom-right-corner", "bottom-right",
    "bottom-center", "bottom-left", "bottom-left-corner", "left-bottom", "left-middle",
    "left-top",
)

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class PartsLayout:
    """Where the body landed: what the front-matter builder needs for its contents page."""

    body_pages: int
    anchor_pages: Mapping[str, int] = field(default_factory=dict)

    def page_of(self, anchor: str) -> int:
        """The printed body page number (1-based) on which element `id=anchor` starts."""
        return self.anchor_pages[anchor]


def batches(items: Iterable[T], size: int = CASES_PER_PART) -> Iterator[list[T]]:
    """Split `items` into lists of `size` (the last may be shorter), one per part."""
    if size < 1:
        raise ValueError("batch size must be at least 1")
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _body_part_css(first_page: int) -> str:
    return (f"@page :first {{ counter-reset: page {first_page}; }}\n"
            f"@page {{ @{PAGE_NUMBER_BOX} {{ content: none !important; }} }}\n")


# The front matter is numbered on its own (i, ii, iii), whatever its template says.
_FRONT_MATTER_CSS = "body { page: front; }\n"

_STAMP_CSS = "".join(
    f"@page {{ @{box} {{ content: none !important; }} }}\n"
    for box in _MARGIN_BOXES if box != PAGE_NUMBER_BOX
) + ".stamp + .stamp { break-before: page; }\n"


def _stamp_html(page_count: int) -> str:
    pages = '<div class="stamp"></div>' * page_count
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f'<link rel="stylesheet" href="{asset_url("css/print.css")}"></head>'
            f"<body>{pages}</body></html>")


@dataclass(frozen=True)
class _RenderedDocument:
    """One rendered document of the report (a part or the front matter) and its layout.

    Page indexes count from this document's first page; `links` are the internal links to
    anchors this document lacks, which WeasyPrint drops and the joining step restores.
    """

    pdf: bytes
    page_count: int
    anchors: dict[str, int]
    bookmarks: list[Bookmark]
    links: list[PendingLink]
    title: str | None
    lang: str | None


def _render_document(session: RenderSession, html: str, extra_css: str,
                     anchors_elsewhere: Collection[str]) -> _RenderedDocument:
    document = session.layout(html, extra_css=extra_css)
    anchors: dict[str, int] = {}
    bookmarks: list[Bookmark] = []
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            anchors.setdefault(anchor, index)
        bookmarks.extend(Bookmark(level, label, index, target[1])
                         for level, label, target, _state in page.bookmarks)
    links = [PendingLink(index, target, rectangle)
             for index, page in enumerate(document.pages)
             for kind, target, rectangle, _box in page.links
             if kind == "internal" and target not in anchors]
    with _links_resolved_on_joining(anchors_elsewhere):
        pdf = session.write(document)
    rendered = _RenderedDocument(pdf, len(document.pages), anchors, bookmarks, links,
                                 document.metadata.title, document.metadata.lang)
    # Free the laid-out pages now: holding them is what rendering in parts avoids.
    del document
    gc.collect()
    return rendered


class _AnchorsInOtherParts(logging.Filter):
    """Silence WeasyPrint's "No anchor" error for links this module resolves on joining."""

    def __init__(self, anchors: Collection[str]) -> None:
        super().__init__()
        self.anchors = anchors

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        return not (record.msg == "No anchor #%s for internal URI reference"
                    and isinstance(args, tuple) and bool(args) and args[0] in self.anchors)


@contextmanager
def _links_resolved_on_joining(anchors: Collection[str]) -> Iterator[None]:
    weasyprint_logger = logging.getLogger("weasyprint")
    log_filter = _AnchorsInOtherParts(anchors)
    weasyprint_logger.addFilter(log_filter)
    try:
        yield
    finally:
        weasyprint_logger.removeFilter(log_filter)


def _total_steps(parts: Iterable[str], part_count: int | None) -> int:
    if part_count is not None:
        return part_count + 1
    if isinstance(parts, Sized):
        return len(parts) + 1
    raise TypeError("pass part_count when parts is an iterator and on_progress is set")


def render_in_parts(parts: Iterable[str], *,
                    front_matter: Callable[[PartsLayout], str] | None = None,
                    on_progress: ProgressCallback | None = None,
                    part_count: int | None = None,
                    extra_assets: Mapping[str, Path] | None = None,
                    fetcher: AssetFetcher | None = None) -> RenderedPdf:
    """Render body `parts` (complete HTML documents) one at a time, then front matter, joined.

    `on_progress(done, total)` is called after each body part and once more when the PDF
    is assembled (total = parts + 1).
    """
    total = _total_steps(parts, part_count) if on_progress is not None else 0
    session = RenderSession.open(extra_assets, fetcher)
    body: list[_RenderedDocument] = []
    anchor_pages: dict[str, int] = {}  # anchor → page index in the body
    bookmarks: list[Bookmark] = []
    links: list[PendingLink] = []
    body_pages = 0
    for done, html in enumerate(parts, start=1):
        part = _render_document(session, html, _body_part_css(body_pages + 1), anchor_pages)
        for anchor, index in part.anchors.items():
            anchor_pages.setdefault(anchor, body_pages + index)
        bookmarks += [bookmark.moved(body_pages) for bookmark in part.bookmarks]
        links += [link.moved(body_pages) for link in part.links]
        body.append(part)
        body_pages += part.page_count
        if on_progress is not None:
            on_progress(done, total)

    stamps = (session.write(session.layout(_stamp_html(body_pages), extra_css=_STAMP_CSS))
              if body_pages else None)
    front = None
    if front_matter is not None:
        layout = PartsLayout(body_pages, {anchor: index + 1
                                          for anchor, index in anchor_pages.items()})
        front = _render_document(session, front_matter(layout), _FRONT_MATTER_CSS,
                                 anchor_pages)
    front_pages = front.page_count if front else 0
    documents = ([front] if front else []) + body
    content = join_parts(
        front=front.pdf if front else None,
        body_parts=[part.pdf for part in body],
        stamps=stamps,
        bookmarks=(front.bookmarks if front else [])
        + [bookmark.moved(front_pages) for bookmark in bookmarks],
        links=[link for link in (front.links if front else [])
               + [link.moved(front_pages) for link in links]
               if link.anchor in anchor_pages],
        metadata={"Title": next((d.title for d in documents if d.title), ""),
                  "Creator": "Casebook"},
        lang=next((d.lang for d in documents if d.lang), None),
    )
    if on_progress is not None:
        on_progress(total, total)
    return RenderedPdf.from_bytes(content, front_pages + body_pages)
