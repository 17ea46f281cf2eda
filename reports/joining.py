"""Join separately rendered PDF parts into one document with pypdf.

The parts renderer (`reports.parts`) hands over the bytes of each part plus what it
learned while laying them out (bookmarks, links, page numbering); this module writes the
one PDF a reader gets: pages in order, page-number stamps laid over the body, one
outline, clickable table-of-contents links and page labels matching the printed numbers.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, replace

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.constants import PageLabelStyle
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    Fit,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

# WeasyPrint lays out in CSS pixels (96 per inch); PDF user space is in points (72).
PT_PER_PX = 0.75


@dataclass(frozen=True)
class Bookmark:
    """A heading to list in the PDF outline, at a page of the joined document."""

    level: int
    label: str
    page_index: int
    top_px: float

    def moved(self, pages: int) -> Bookmark:
        """The same bookmark once `pages` pages are put in front of its document."""
        return replace(self, page_index=self.page_index + pages)


@dataclass(frozen=True)
class PendingLink:
    """A link whose target lies in another part: resolved through the named destination."""

    page_index: int
    anchor: str
    rect_px: tuple[float, float, float, float]  # x, y, width, height from the top left

    def moved(self, pages: int) -> PendingLink:
        """The same link once `pages` pages are put in front of its document."""
        return replace(self, page_index=self.page_index + pages)


def _overlay(page: PageObject, stamp: PageObject) -> None:
    # Stamps are drawn on top of finished pages; both come from the same @page size.
    # merge_page rewrites the page's content uncompressed (8× the size): compress again.
    page.merge_page(stamp, over=True)
    page.compress_content_streams()


def _add_outline(writer: PdfWriter, bookmarks: Sequence[Bookmark]) -> None:
    # Rebuild one tree from the flat, ordered list so that a level-1 heading in one part
    # owns the level-2 headings of the parts that follow it.
    stack: list[tuple[int, object]] = []
    for bookmark in bookmarks:
        while stack and stack[-1][0] >= bookmark.level:
            stack.pop()
        page = writer.pages[bookmark.page_index]
        top = float(page.mediabox.top) - bookmark.top_px * PT_PER_PX
        item = writer.add_outline_item(
            title=bookmark.label, page_number=bookmark.page_index,
            parent=stack[-1][1] if stack else None,  # type: ignore[arg-type]
            fit=Fit.xyz(left=0, top=top), is_open=bookmark.level < 2)
        stack.append((bookmark.level, item))


def _add_links(writer: PdfWriter, links: Sequence[PendingLink]) -> None:
    for link in links:
        page = writer.pages[link.page_index]
        x, y, width, height = link.rect_px
        top = float(page.mediabox.top)
        rect = [x * PT_PER_PX, top - (y + height) * PT_PER_PX,
                (x + width) * PT_PER_PX, top - y * PT_PER_PX]
        writer.add_annotation(link.page_index, DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject(FloatObject(v) for v in rect),
            NameObject("/Border"): ArrayObject([NumberObject(0)] * 3),
            NameObject("/Dest"): TextStringObject(link.anchor),
        }))


def join_parts(*, front: bytes | None, body_parts: Sequence[bytes], stamps: bytes | None,
               bookmarks: Sequence[Bookmark], links: Sequence[PendingLink],
               metadata: dict[str, str], lang: str | None = None) -> bytes:
    """Concatenate front matter and body parts, stamp the body pages, add outline and links."""
    writer = PdfWriter()
    front_pages = 0
    if front is not None:
        writer.append(PdfReader(io.BytesIO(front)), import_outline=False)
        front_pages = len(writer.pages)
    for part in body_parts:
        writer.append(PdfReader(io.BytesIO(part)), import_outline=False)
    body_pages = len(writer.pages) - front_pages
    if stamps is not None:
        stamp_pages = PdfReader(io.BytesIO(stamps)).pages
        if len(stamp_pages) != body_pages:
            raise RuntimeError(f"{len(stamp_pages)} page stamps for {body_pages} body pages")
        for index, stamp in enumerate(stamp_pages):
            _overlay(writer.pages[front_pages + index], stamp)
    if front_pages:
        writer.set_page_label(0, front_pages - 1, style=PageLabelStyle.LOWERCASE_ROMAN, start=1)
    if body_pages:
        writer.set_page_label(front_pages, front_pages + body_pages - 1,
                              style=PageLabelStyle.DECIMAL, start=1)
    _add_outline(writer, bookmarks)
    _add_links(writer, links)
    writer.add_metadata({f"/{key}": value for key, value in metadata.items()})
    if lang:
        # Screen readers and text extraction use the catalog language; appending parts
        # does not carry it over.
        writer.root_object[NameObject("/Lang")] = TextStringObject(lang)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
