"""Long reports rendered in parts read like one document: numbers, contents, outline, links."""

from __future__ import annotations

import hashlib
import re

import pytest

from reports.assets import AssetFetcher
from reports.parts import PartsLayout, batches, render_in_parts
from reports.pdf import RenderedPdf, render_pdf

NARRATIVE = ("Witnesses said he was taken by men in plain clothes who arrived in two vehicles; "
             "the family's complaint was not registered. ") * 9
CASES = [f"BAL-2026-{n:04d}" for n in range(1, 13)]


def _case_html(code: str) -> str:
    return (f'<section class="case" id="{code}"><h2>{code} · Dostain Rakhshani</h2>'
            f"<p>{NARRATIVE}<span class=\"footnote\">Testimony for {code}, B2.</span></p>"
            f"<p>{NARRATIVE}</p></section>")


def _parts(print_document) -> list[str]:
    return [print_document("".join(_case_html(code) for code in batch),
                           dossier_id="RPT-2026-0007", marking="PUBLIC")
            for batch in batches(CASES, 4)]


def _front_matter_builder(print_document, seen: list[PartsLayout]):
    def build(layout: PartsLayout) -> str:
        seen.append(layout)
        entries = "".join(f'<li><a href="#{code}" data-page="{layout.page_of(code)}">{code}'
                          f"</a></li>" for code in CASES)
        cover = (f'<section class="cover"><h1>Advocacy report</h1>'
                 f"<p>{len(CASES)} cases on {layout.body_pages} pages</p></section>")
        return print_document(f'<nav class="toc"><h2>Contents</h2><ol>{entries}</ol></nav>',
                              cover=cover, dossier_id="RPT-2026-0007", marking="PUBLIC")

    return build


@pytest.fixture
def parts(print_document) -> list[str]:
    """Twelve invented cases, four per part, each part a complete print document."""
    return _parts(print_document)


@pytest.fixture
def front_matter(print_document):
    """A cover and contents page built from the layout the parts produced."""
    return _front_matter_builder(print_document, [])


@pytest.fixture(scope="module")
def report(print_document) -> tuple[RenderedPdf, PartsLayout]:
    """The twelve cases rendered once in three parts with front matter, and their layout."""
    seen: list[PartsLayout] = []
    pdf = render_in_parts(_parts(print_document),
                          front_matter=_front_matter_builder(print_document, seen))
    return pdf, seen[0]


def _body_page_numbers(pages: list[str]) -> list[tuple[int, int]]:
    found = [re.search(r"page (\d+) of (\d+)", text) for text in pages]
    return [(int(m.group(1)), int(m.group(2))) for m in found if m]


def test_body_pages_are_numbered_continuously_across_parts(parts, page_texts):
    pdf = render_in_parts(parts)
    pages = page_texts(pdf.content)
    numbers = _body_page_numbers(pages)
    assert len(numbers) == len(pages) == pdf.page_count
    assert [number for number, _total in numbers] == list(range(1, len(pages) + 1))
    assert {total for _number, total in numbers} == {len(pages)}
    assert all(text.count("page ") == 1 for text in pages)  # one number, no leftovers


def test_contents_page_numbers_match_where_each_case_starts(report, page_texts, pdf_reader):
    pdf, _layout = report
    pages = page_texts(pdf.content)
    labels = pdf_reader(pdf.content).page_labels
    contents = "\n".join(pages[:3])
    for code in CASES:
        printed = int(re.search(rf"^{code} \.+ ?(\d+)$", contents, re.MULTILINE).group(1))
        index = labels.index(str(printed))
        assert re.search(rf"^{code} · Dostain Rakhshani$", pages[index], re.MULTILINE), code
        assert f"page {printed} of" in pages[index]


def test_front_matter_is_numbered_in_roman_and_states_the_total(report, page_texts,
                                                                 pdf_reader):
    pdf, layout = report
    pages = page_texts(pdf.content)
    front_count = pdf.page_count - layout.body_pages
    assert f"12 cases on {layout.body_pages} pages" in pages[0]
    assert not re.search(r"page [ivx\d]+", pages[0])  # the cover carries no number
    assert "page ii" in pages[1]
    labels = pdf_reader(pdf.content).page_labels
    assert labels[:front_count] == ["i", "ii", "iii", "iv"][:front_count]
    assert labels[front_count:] == [str(n) for n in range(1, layout.body_pages + 1)]
    assert _body_page_numbers(pages)[-1] == (layout.body_pages, layout.body_pages)


def test_outline_lists_every_case_at_its_page(report, pdf_reader):
    pdf, _layout = report
    reader = pdf_reader(pdf.content)

    def flatten(items):
        for item in items:
            if isinstance(item, list):
                yield from flatten(item)
            else:
                yield item

    entries = {item.title: reader.get_destination_page_number(item)
               for item in flatten(reader.outline)}
    for code in CASES:
        index = entries[f"{code} · Dostain Rakhshani"]
        assert f"{code} · Dostain Rakhshani" in reader.pages[index].extract_text()
    assert "Contents" in entries


def test_contents_entries_link_to_the_case_in_its_part(report, pdf_reader):
    pdf, _layout = report
    reader = pdf_reader(pdf.content)
    destinations = reader.named_destinations
    linked = {str(annotation.get_object()["/Dest"])
              for page in reader.pages[:3]
              for annotation in page.get("/Annots", [])
              if annotation.get_object().get("/Subtype") == "/Link"}
    assert linked == set(CASES)
    for code in CASES:
        target = reader.pages[reader.get_destination_page_number(destinations[code])]
        assert f"{code} · Dostain Rakhshani" in target.extract_text()


def test_page_references_inside_a_later_part_count_from_the_report_start(print_document,
                                                                          page_texts):
    later_part = print_document(_case_html("BAL-2026-0005") + _case_html("BAL-2026-0006")
                                + '<p>Compare <a class="page-ref" href="#BAL-2026-0005">'
                                  "the earlier case</a>.</p>")
    pdf = render_in_parts([print_document(_case_html("BAL-2026-0001")
                                          + _case_html("BAL-2026-0002")), later_part])
    pages = page_texts(pdf.content)
    reference = re.search(r"the earlier case \(page (\d+)\)", "\n".join(pages))
    assert reference
    printed = int(reference.group(1))
    assert printed > 2  # the first part already filled pages 1 and 2
    assert "BAL-2026-0005 · Dostain Rakhshani" in pages[printed - 1]
    assert f"page {printed} of {len(pages)}" in pages[printed - 1]


def test_progress_is_reported_after_each_part_and_at_the_end(parts, front_matter):
    calls: list[tuple[int, int]] = []
    render_in_parts(parts, front_matter=front_matter,
                    on_progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_parts_may_be_generated_lazily_when_the_count_is_given(parts):
    calls: list[tuple[int, int]] = []
    pdf = render_in_parts((html for html in parts), part_count=len(parts),
                          on_progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (4, 4)
    assert pdf.page_count > 0
    with pytest.raises(TypeError):
        render_in_parts((html for html in parts), on_progress=lambda done, total: None)


def test_parts_keep_every_case_and_footnote(report, page_texts):
    text = "\n".join(page_texts(report[0].content))
    for code in CASES:
        assert f"{code} · Dostain Rakhshani" in text
        assert f"Testimony for {code}, B2." in text


def test_parts_use_the_same_asset_fetcher_rules(print_document):
    fetcher = AssetFetcher()
    render_in_parts([print_document('<img src="file:///etc/passwd"><p>first</p>'),
                     print_document('<img src="http://example.org/p.png"><p>second</p>')],
                    fetcher=fetcher)
    assert fetcher.refused == ["file:///etc/passwd", "http://example.org/p.png"]
    assert set(fetcher.served) <= fetcher.allowed_urls


def test_a_single_part_matches_a_single_render(parts, page_texts):
    whole = page_texts(render_pdf(parts[0]).content)
    in_parts = page_texts(render_in_parts(parts[:1]).content)
    assert in_parts == whole


def test_sha256_and_page_count_describe_the_bytes(report, pdf_reader):
    pdf, _layout = report
    assert pdf.sha256 == hashlib.sha256(pdf.content).hexdigest()
    assert pdf.page_count == len(pdf_reader(pdf.content).pages)


def test_batches_split_cases_into_parts():
    assert list(batches(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batches([], 3)) == []
    with pytest.raises(ValueError):
        list(batches(range(3), 0))
