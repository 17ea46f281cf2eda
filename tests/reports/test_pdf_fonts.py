"""Bundled fonts: Urdu names shape and copy back out; nothing falls back to system fonts."""

from __future__ import annotations

from reports.assets import FONTS_DIR
from reports.pdf import render_pdf

URDU_NAMES = ("دوستین رخشانی", "محمد اکرم")


def _embedded_font_names(reader) -> set[str]:
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for font in fonts.values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


def test_urdu_names_can_be_copied_back_out_of_the_pdf(print_document, page_texts):
    html = print_document(
        f'<p>Victim: Dostain Rakhshani (<span dir="auto">{URDU_NAMES[0]}</span>), son of '
        f'Muhammad Akram (<span dir="rtl" lang="ur">{URDU_NAMES[1]}</span>).</p>'
        f'<p dir="rtl" lang="ur">{URDU_NAMES[0]} ولد {URDU_NAMES[1]}</p>')
    text = "\n".join(page_texts(render_pdf(html).content))
    for name in URDU_NAMES:
        assert name in text
    assert f"{URDU_NAMES[0]} ولد {URDU_NAMES[1]}" in text


def test_urdu_is_set_in_the_bundled_naskh_face(print_document, pdf_reader):
    pdf = render_pdf(print_document(f'<p dir="rtl" lang="ur">{URDU_NAMES[0]}</p>'))
    assert "Casebook-Naskh" in _embedded_font_names(pdf_reader(pdf.content))


def test_every_embedded_font_is_bundled_including_margin_boxes(print_document, pdf_reader):
    # The body is Urdu only, so the Latin serif can only come from the running header
    # and footer: if @page lost its font-family they would fall back to a system face.
    html = print_document(f'<p dir="rtl" lang="ur">{URDU_NAMES[1]}</p>',
                          dossier_id="DOS-2026-0042", marking="CONFIDENTIAL")
    names = _embedded_font_names(pdf_reader(render_pdf(html).content))
    assert "Casebook-Serif" in names
    assert all(name.startswith("Casebook-") for name in names), names


def test_bundled_fonts_are_small_and_licensed():
    fonts = sorted(path.name for path in FONTS_DIR.glob("*.ttf"))
    assert fonts == ["NotoNaskhArabic-Bold.ttf", "NotoNaskhArabic-Regular.ttf",
                     "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf", "NotoSerif-Regular.ttf"]
    assert sum(path.stat().st_size for path in FONTS_DIR.glob("*.ttf")) < 4_000_000
    licence = (FONTS_DIR / "OFL.txt").read_text()
    assert "SIL OPEN FONT LICENSE" in licence
    assert "Version 1.1" in licence
