"""Render one finished HTML document to PDF bytes with WeasyPrint, behind the asset fetcher."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from weasyprint import CSS, HTML, Document
from weasyprint.text.fonts import FontConfiguration

from reports.assets import ASSET_BASE_URL, AssetFetcher


@dataclass(frozen=True)
class RenderedPdf:
    """A finished PDF: its bytes, page count and the SHA-256 the Dossier row records."""

    content: bytes
    page_count: int
    sha256: str

    @classmethod
    def from_bytes(cls, content: bytes, page_count: int) -> RenderedPdf:
        """Wrap PDF bytes, computing their SHA-256."""
        return cls(content, page_count, hashlib.sha256(content).hexdigest())


@dataclass
class RenderSession:
    """What several renders of one report share: the fetcher, fonts and image cache.

    Sharing the font configuration means the bundled fonts are registered once, not once
    per part; sharing the fetcher means one record of what the whole report touched.
    """

    fetcher: AssetFetcher
    font_config: FontConfiguration
    image_cache: dict[str, object]

    @classmethod
    def open(cls, extra_assets: Mapping[str, Path] | None = None,
             fetcher: AssetFetcher | None = None) -> RenderSession:
        """Start a session serving the bundled assets plus `extra_assets` thumbnails."""
        if fetcher is not None and extra_assets:
            raise ValueError("pass extra_assets or a fetcher that already has them, not both")
        return cls(fetcher or AssetFetcher(extra_assets), FontConfiguration(), {})

    def layout(self, html: str, *, extra_css: str | None = None) -> Document:
        """Lay `html` out into pages; nothing it references is fetched except our assets."""
        document = HTML(string=html, base_url=ASSET_BASE_URL, url_fetcher=self.fetcher)
        stylesheets = [] if extra_css is None else [
            CSS(string=extra_css, base_url=ASSET_BASE_URL, url_fetcher=self.fetcher,
                font_config=self.font_config)]
        return document.render(stylesheets=stylesheets, font_config=self.font_config,
                               cache=self.image_cache)

    @staticmethod
    def write(document: Document) -> bytes:
        """Write a laid-out document as PDF bytes."""
        content = document.write_pdf()
        assert content is not None  # write_pdf returns bytes when given no target
        return content


def render_pdf(html: str, *, extra_assets: Mapping[str, Path] | None = None,
               fetcher: AssetFetcher | None = None) -> RenderedPdf:
    """Render a complete HTML document (linking `casebook-asset:` URLs only) to a PDF."""
    session = RenderSession.open(extra_assets, fetcher)
    document = session.layout(html)
    return RenderedPdf.from_bytes(session.write(document), len(document.pages))
