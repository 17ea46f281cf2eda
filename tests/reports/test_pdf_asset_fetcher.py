"""The PDF renderer reads only the report's own assets: hostile markup fetches nothing."""

from __future__ import annotations

import base64
import logging
from pathlib import Path

import pytest
from PIL import Image

from reports.assets import AssetFetcher, AssetRefused, asset_url, thumbnail_url
from reports.pdf import render_pdf

PASSWD = Path("/etc/passwd")
HOSTS = Path("/etc/hosts")

_SVG_WITH_FILE_REFERENCE = base64.b64encode(
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
    b'<image xlink:href="file:///etc/passwd" width="10" height="10"/></svg>').decode()

HOSTILE_HEAD = """
<base href="file:///etc/">
<link rel="stylesheet" href="http://example.org/x.css">
<link rel="stylesheet" href="file:///etc/hosts">
<link rel="attachment" href="file:///etc/passwd">
<style>
@import url(file:///etc/hosts);
@import url("https://example.org/import.css");
@font-face { font-family: Stolen; src: url(file:///etc/passwd); }
@font-face { font-family: Local; src: local("DejaVu Sans"); }
body { background: url(../../../etc/passwd); }
li { list-style-image: url("file:///etc/hosts"); }
p.hostile::after { content: url(file:///etc/passwd); }
</style>
"""

HOSTILE_BODY = f"""
<p class="hostile" style="font-family: Stolen, Local">Narrative entered by a user.</p>
<img src="file:///etc/passwd">
<img src="/etc/passwd">
<img src="passwd">
<img src="../../../etc/passwd">
<img src="casebook-asset:fonts/../../../../etc/passwd">
<img src="casebook-asset:%2e%2e/%2e%2e/etc/passwd">
<img src="casebook-asset:evidence/not-registered.png">
<img src="https://example.org/pixel.png">
<img src="ftp://example.org/pixel.png">
<img src="data:image/svg+xml;base64,{_SVG_WITH_FILE_REFERENCE}">
<iframe src="file:///etc/passwd"></iframe>
<object data="file:///etc/passwd" type="text/plain"></object>
<embed src="file:///etc/hosts">
<video src="file:///etc/passwd" poster="file:///etc/hosts"></video>
<ul><li>listed</li></ul>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     width="50" height="50">
  <image href="file:///etc/passwd" width="10" height="10"/>
  <image xlink:href="file:///etc/hosts" width="10" height="10"/>
  <use href="file:///etc/passwd#x"/>
</svg>
"""


def _hostile_document() -> str:
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f'<link rel="stylesheet" href="{asset_url("css/print.css")}">{HOSTILE_HEAD}'
            f"</head><body>{HOSTILE_BODY}</body></html>")


def _secret_lines(path: Path) -> list[str]:
    lines = [line.strip() for line in path.read_text().splitlines()]
    return [line for line in lines if len(line) > 8 and not line.startswith("#")]


def test_hostile_markup_fetches_only_bundled_assets(audit_log, page_texts):
    fetcher = AssetFetcher()
    with audit_log.recording():
        pdf = render_pdf(_hostile_document(), fetcher=fetcher)

    assert fetcher.served, "the print stylesheet and fonts should have been served"
    assert set(fetcher.served) <= fetcher.allowed_urls
    assert not set(fetcher.refused) & fetcher.allowed_urls
    assert any("passwd" in url for url in fetcher.refused)
    assert any("hosts" in url for url in fetcher.refused)
    assert any(url.startswith("http") for url in fetcher.refused)
    assert any(url.startswith("data:") for url in fetcher.refused)
    # Nothing reached the files or the network behind the fetcher's back.
    assert not [path for path in audit_log.opened if "passwd" in path or "hosts" in path]
    assert audit_log.network == []
    text = "\n".join(page_texts(pdf.content))
    assert "Narrative entered by a user." in text
    for line in _secret_lines(PASSWD) + _secret_lines(HOSTS):
        assert line not in text


def test_hostile_markup_embeds_no_image_or_attachment(pdf_reader):
    reader = pdf_reader(render_pdf(_hostile_document()).content)
    assert reader.attachments == {}
    assert [image for page in reader.pages for image in page.images] == []


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    "FILE:///etc/passwd",
    "http://example.org/x.css",
    "https://example.org/x.css",
    "data:text/css,body{}",
    "ftp://example.org/x",
    "../../../etc/passwd",
    "/etc/passwd",
    "css/print.css",
    "casebook-asset:css/../../pdf.py",
    "casebook-asset:css/print.css?x=1",
    "casebook-asset:css/print.css#x",
    "casebook-asset:/css/print.css",
    "casebook-asset:fonts/",
    "casebook-asset:fonts/OFL.txt",
    "casebook-asset:evidence/unknown.png",
    "Casebook-Asset:css/print.css",
])
def test_fetcher_refuses_anything_but_a_known_asset_name(url):
    fetcher = AssetFetcher()
    with pytest.raises(AssetRefused):
        fetcher.fetch(url)
    assert fetcher.refused == [url]
    assert fetcher.served == []


def test_fetcher_serves_print_css_and_fonts_with_their_media_types():
    fetcher = AssetFetcher()
    css = fetcher.fetch(asset_url("css/print.css"))
    font = fetcher.fetch(asset_url("fonts/NotoNaskhArabic-Regular.ttf"))
    assert css.content_type == "text/css"
    assert b"@font-face" in css.read()
    assert font.content_type == "font/ttf"
    assert len(font.read()) > 10_000


def test_refused_fetch_is_logged(caplog):
    with caplog.at_level(logging.WARNING, logger="reports.assets"):
        render_pdf('<img src="file:///etc/passwd">')
    assert any("file:///etc/passwd" in record.getMessage() for record in caplog.records)


def test_the_urllib_path_of_the_fetcher_is_closed():
    with pytest.raises(AssetRefused):
        AssetFetcher().open("http://example.org/")


def _thumbnail(path: Path) -> Path:
    Image.new("RGB", (24, 16), (120, 30, 30)).save(path)
    return path


def test_registered_evidence_thumbnail_is_embedded(tmp_path, pdf_reader):
    image = _thumbnail(tmp_path / "photo.png")
    fetcher = AssetFetcher({"ev-3f2a.png": image})
    html = f'<p>Photo</p><img src="{thumbnail_url("ev-3f2a.png")}"><img src="{image.as_uri()}">'
    pdf = render_pdf(html, fetcher=fetcher)
    assert thumbnail_url("ev-3f2a.png") in fetcher.served
    assert image.as_uri() in fetcher.refused  # registered by name, never by path
    assert len(pdf_reader(pdf.content).pages[0].images) == 1


@pytest.mark.parametrize("name, filename", [
    ("../photo.png", "photo.png"),
    (".hidden.png", "photo.png"),
    ("a/b.png", "photo.png"),
    ("drawing.svg", "drawing.svg"),
    ("notes.txt", "notes.txt"),
])
def test_thumbnail_names_and_types_are_checked_at_registration(tmp_path, name, filename):
    path = tmp_path / filename
    path.write_bytes(b"x")
    with pytest.raises(ValueError):
        AssetFetcher({name: path})


def test_a_missing_thumbnail_file_fails_at_registration(tmp_path):
    with pytest.raises(FileNotFoundError):
        AssetFetcher({"gone.png": tmp_path / "gone.png"})
