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

from weasyprint import Document

from reports.assets import AssetFetcher, asset_url
from reports.joining import Bookmark, PendingLink, join_parts
from reports.pdf import RenderedPdf, RenderSession

T = TypeVar("T")

# Measured with bench/pdf_engine.py: parts of about 25 one-page cases keep peak memory
# near 150 MB and cost no time against a single render; see the report for figures.
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


@dataclass
class _Collected:
    """What the parts taught us, in joined-document page indexes (front matter excluded)."""

    anchor_pages: dict[str, int] = field(default_factory=dict)
    bookmarks: list[Bookmark] = field(default_factory=list)
    links: list[PendingLink] = field(default_factory=list)

    def add(self, document: Document, first_index: int) -> None:
        own_anchors = {anchor for page in document.pages for anchor in page.anchors}
        for offset, page in enumerate(document.pages):
            index = first_index + offset
            for anchor in page.anchors:
                self.anchor_pages.setdefault(anchor, index)
            self.bookmarks.extend(Bookmark(level, label, index, target[1])
                                  for level, label, target, _state in page.bookmarks)
            # WeasyPrint drops links to anchors its own document lacks; keep those so
            # they can point into another part once the parts are joined.
            self.links.extend(PendingLink(index, target, rectangle)
                              for kind, target, rectangle, _box in page.links
                              if kind == "internal" and target not in own_anchors)


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
    collected = _Collected()
    body: list[bytes] = []
    body_pages = 0
    title: str | None = None
    for done, html in enumerate(parts, start=1):
        document = session.layout(html, extra_css=_body_part_css(body_pages + 1))
        collected.add(document, body_pages)
        title = title or document.metadata.title
        body_pages += len(document.pages)
        with _links_resolved_on_joining(collected.anchor_pages.keys()):
            body.append(session.write(document))
        # Free the laid-out pages now: holding them is what a part render avoids.
        del document
        gc.collect()
        if on_progress is not None:
            on_progress(done, total)

    stamps = (session.write(session.layout(_stamp_html(body_pages), extra_css=_STAMP_CSS))
              if body_pages else None)

    front: bytes | None = None
    front_pages = 0
    front_bookmarks: list[Bookmark] = []
    front_links: list[PendingLink] = []
    if front_matter is not None:
        layout = PartsLayout(body_pages, {name: index + 1
                                          for name, index in collected.anchor_pages.items()})
        document = session.layout(front_matter(layout), extra_css=_FRONT_MATTER_CSS)
        front_collected = _Collected()
        front_collected.add(document, 0)
        front_bookmarks, front_links = front_collected.bookmarks, front_collected.links
        front_pages = len(document.pages)
        title = document.metadata.title or title
        with _links_resolved_on_joining(collected.anchor_pages.keys()):
            front = session.write(document)
        del document

    def shifted(bookmark: Bookmark) -> Bookmark:
        return Bookmark(bookmark.level, bookmark.label, bookmark.page_index + front_pages,
                        bookmark.top_px)

    links = [PendingLink(link.page_index + front_pages, link.anchor, link.rect_px)
             for link in collected.links] + front_links
    content = join_parts(
        front=front, body_parts=body, stamps=stamps,
        bookmarks=front_bookmarks + [shifted(b) for b in collected.bookmarks],
        links=[link for link in links if link.anchor in collected.anchor_pages],
        metadata={"Title": title or "", "Creator": "Casebook"},
    )
    if on_progress is not None:
        on_progress(total, total)
    return RenderedPdf.from_bytes(content, front_pages + body_pages)
