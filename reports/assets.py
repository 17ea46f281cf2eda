"""The only files WeasyPrint may read: bundled fonts, print CSS and registered thumbnails.

Every resource a report references goes through `AssetFetcher`. It answers exactly one
kind of URL, `casebook-asset:<name>`, by looking `<name>` up in a fixed table built from
`reports/fonts/`, `reports/static/` and the evidence thumbnails the caller registers by
name. It never joins paths, so `..` cannot escape, and it never touches the network or the
filesystem outside that table: `file:`, `http(s):`, `data:`, relative references and
unknown names are refused and logged.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NoReturn

from weasyprint.urls import URLFetcher, URLFetcherResponse

ASSET_SCHEME = "casebook-asset"
ASSET_PREFIX = f"{ASSET_SCHEME}:"
# Relative references resolve against this and stay relative (urljoin does not know the
# scheme), so they reach the fetcher as bare paths and are refused: templates must write
# absolute `casebook-asset:` URLs. It is deliberately not a filesystem location.
ASSET_BASE_URL = ASSET_PREFIX

REPORTS_DIR = Path(__file__).resolve().parent
FONTS_DIR = REPORTS_DIR / "fonts"
STATIC_DIR = REPORTS_DIR / "static"

LOGGER = logging.getLogger(__name__)

_FONT_TYPES = {".ttf": "font/ttf", ".otf": "font/otf", ".woff2": "font/woff2"}
_STYLE_TYPES = {".css": "text/css"}
# Thumbnails are raster only: an SVG could carry references of its own.
THUMBNAIL_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
                   ".webp": "image/webp"}
_THUMBNAIL_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
_LOGGED_URL_CHARS = 200


class AssetRefused(ValueError):
    """WeasyPrint asked for a URL that is not one of the report's own assets."""


def asset_url(name: str) -> str:
    """Return the `casebook-asset:` URL of an asset name such as `css/print.css`."""
    return f"{ASSET_PREFIX}{name}"


def thumbnail_url(name: str) -> str:
    """Return the URL under which a registered evidence thumbnail is served."""
    return asset_url(f"evidence/{name}")


def _scan(directory: Path, prefix: str, types: Mapping[str, str]) -> dict[str, tuple[Path, str]]:
    return {
        f"{prefix}/{path.name}": (path, types[path.suffix.lower()])
        for path in sorted(directory.iterdir())
        if path.is_file() and path.suffix.lower() in types
    }


def bundled_assets() -> dict[str, tuple[Path, str]]:
    """Name → (file, media type) for the fonts and stylesheets shipped with reports/."""
    return {**_scan(FONTS_DIR, "fonts", _FONT_TYPES), **_scan(STATIC_DIR, "css", _STYLE_TYPES)}


def _thumbnail_entries(extra_assets: Mapping[str, Path]) -> dict[str, tuple[Path, str]]:
    entries = {}
    for name, path in extra_assets.items():
        if not _THUMBNAIL_NAME.fullmatch(name) or ".." in name:
            raise ValueError(f"asset name {name!r}: use letters, digits, '.', '_' or '-'")
        media_type = THUMBNAIL_TYPES.get(Path(path).suffix.lower())
        if media_type is None:
            raise ValueError(f"asset {name!r}: only PNG, JPEG or WebP thumbnails are served")
        resolved = Path(path).resolve(strict=True)
        if not resolved.is_file():
            raise ValueError(f"asset {name!r}: {path} is not a regular file")
        entries[f"evidence/{name}"] = (resolved, media_type)
    return entries


class AssetFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves the asset table and refuses everything else.

    `served` and `refused` record every URL asked for, in order, so callers and tests can
    see exactly what a render touched.
    """

    def __init__(self, extra_assets: Mapping[str, Path] | None = None) -> None:
        # Defence in depth: even WeasyPrint's own fetch would refuse every other scheme,
        # and no redirect handler is installed. Our `fetch` never calls it anyway.
        super().__init__(allowed_protocols=(ASSET_SCHEME,), allow_redirects=False,
                         fail_on_errors=False)
        self._assets = {**bundled_assets(), **_thumbnail_entries(extra_assets or {})}
        self.served: list[str] = []
        self.refused: list[str] = []

    @property
    def allowed_urls(self) -> frozenset[str]:
        """Every URL this fetcher will answer."""
        return frozenset(asset_url(name) for name in self._assets)

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> URLFetcherResponse:
        """Serve `url` if it names a known asset exactly; otherwise refuse it."""
        name = url[len(ASSET_PREFIX):] if url.startswith(ASSET_PREFIX) else None
        entry = self._assets.get(name) if name is not None else None
        if entry is None:
            self._refuse(url)
        path, media_type = entry
        self.served.append(url)
        return URLFetcherResponse(url, body=path.read_bytes(),
                                  headers={"Content-Type": media_type})

    def open(self, url: Any, data: Any = None, timeout: Any = None) -> NoReturn:
        """Refuse: urllib's machinery is never used to load report resources."""
        self._refuse(str(getattr(url, "full_url", url)))

    def _refuse(self, url: str) -> NoReturn:
        self.refused.append(url)
        shown = url if len(url) <= _LOGGED_URL_CHARS else url[:_LOGGED_URL_CHARS] + "…"
        LOGGER.warning("refused to fetch %r for a report: not a bundled asset", shown)
        raise AssetRefused(shown)
