"""Print stylesheet and base template: header, page X of Y, cover, TOC, tables, footnotes."""

from __future__ import annotations

import re

import pytest
from jinja2 import UndefinedError

from reports.pdf import render_pdf
from reports.templating import render_report_html

LOREM = ("The family reported that he was taken from the checkpoint by men in uniform; "
         "the police refused to register the complaint. ") * 12


def _sections(count: int) -> str:
    return "".join(f'<h2 id="s{n}" class="page-break">Section {n}</h2><p>{LOREM}</p>'
                   for n in range(1, count + 1))


def test_footer_reads_page_x_of_y_on_every_page(print_document, page_texts):
    pages = page_texts(render_pdf(print_document(_sections(3))).content)
    assert len(pages) == 3
    for number, text in enumerate(pages, start=1):
        assert f"page {number} of 3" in text


def test_running_header_shows_dossier_id_and_audience_marking(print_document, page_texts):
    html = print_document(_sections(2), dossier_id="DOS-2026-0107 · BAL-2026-0042",
                          marking="UN-CONFIDENTIAL")
    for text in page_texts(render_pdf(html).content):
        assert "DOS-2026-0107 · BAL-2026-0042" in text
        assert "UN-CONFIDENTIAL" in text
        assert "Generated 2026-11-26 10:00 UTC" in text


def test_cover_page_has_no_running_header_or_page_number(print_document, page_texts):
    cover = '<section class="cover"><h1>Case dossier BAL-2026-0042</h1></section>'
    pages = page_texts(render_pdf(print_document(_sections(1), cover=cover,
                                                 dossier_id="DOS-2026-0001")).content)
    assert "Case dossier BAL-2026-0042" in pages[0]
    assert "DOS-2026-0001" not in pages[0]
    assert "page 1 of" not in pages[0]
    assert "page 2 of 2" in pages[1]


def _page_with(pages: list[str], heading: str) -> int:
    return next(number for number, text in enumerate(pages, start=1)
                if re.search(rf"^{heading}$", text, re.MULTILINE))


def test_table_of_contents_gives_the_page_of_each_section(print_document, page_texts):
    toc = ('<nav class="toc"><h2>Contents</h2><ol>'
           + "".join(f'<li><a href="#s{n}">Section {n}</a></li>' for n in range(1, 5))
           + "</ol></nav>")
    pages = page_texts(render_pdf(print_document(toc + _sections(4))).content)
    for n in range(1, 5):
        entry = re.search(rf"^Section {n} \.+ ?(\d+)$", pages[0], re.MULTILINE)
        assert entry, pages[0]
        assert int(entry.group(1)) == _page_with(pages, f"Section {n}")


def test_long_table_repeats_its_header_on_every_page(print_document, page_texts):
    rows = "".join(f"<tr><td>2025-03-{n % 28 + 1:02d}</td><td>Hearing {n}</td></tr>"
                   for n in range(120))
    html = print_document(f"<table><thead><tr><th>Date</th><th>Event at court</th></tr>"
                          f"</thead><tbody>{rows}</tbody></table>")
    pages = page_texts(render_pdf(html).content)
    assert len(pages) >= 3
    for text in pages:
        assert "Date Event at court" in text
    assert sum(text.count("Hearing ") for text in pages) == 120


def test_citation_footnotes_are_numbered_at_the_foot_of_their_page(print_document,
                                                                   page_texts):
    body = (f'<p>Taken at a checkpoint.<span class="footnote">Testimony of a brother, B2.'
            f'</span> Custody denied.<span class="footnote">Police letter, A1.</span></p>'
            f'<p>{LOREM}</p>'
            f'<h2 class="page-break">Responses</h2><p>Acknowledged later.'
            f'<span class="footnote">Court record, A1, page 4.</span></p>')
    pages = page_texts(render_pdf(print_document(body)).content)
    assert len(pages) == 2
    assert "checkpoint.1 Custody denied.2" in pages[0]
    assert "1. Testimony of a brother, B2." in pages[0]
    assert "2. Police letter, A1." in pages[0]
    assert "Acknowledged later.3" in pages[1]
    assert "3. Court record, A1, page 4." in pages[1]
    # The notes sit below the text, above the footer.
    assert pages[0].index(LOREM.split(";")[0]) < pages[0].index("1. Testimony")


def test_base_template_escapes_context_values(page_texts):
    html = render_report_html("reports/_base.html", {
        "title": "<script>x</script>", "dossier_id": '"><img src="file:///etc/passwd">',
        "marking": "PUBLIC & <b>bold</b>", "generated": "Generated now"})
    assert "<img" not in html
    assert "<script>" not in html
    assert "&lt;b&gt;" in html
    assert 'href="casebook-asset:css/print.css"' in html
    assert '<html lang="en">' in html


def test_base_template_refuses_a_missing_running_header_value():
    with pytest.raises(UndefinedError):
        render_report_html("reports/_base.html", {"title": "T", "dossier_id": "D",
                                                  "generated": "G"})
