"""Server-drawn charts: escaped text, proportional bars, a clear "no data", WeasyPrint-ready."""

from __future__ import annotations

import xml.etree.ElementTree as ET  # noqa: S405 - parses our own chart output

import pytest

from reports.charts import NO_DATA_TEXT, horizontal_bar_chart, monthly_column_chart
from reports.pdf import render_pdf

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE_LABEL = 'Awaran & <script>alert("x")</script>'


def _parse(markup: str) -> ET.Element:
    return ET.fromstring(f"<root>{markup}</root>")  # noqa: S314


def _bar_widths(markup: str) -> list[float]:
    return [float(rect.get("width", "0")) for rect in _parse(markup).iter(f"{SVG}rect")]


def test_bar_chart_keeps_hostile_labels_as_text():
    chart = horizontal_bar_chart("By district", [(HOSTILE_LABEL, 3), ("Kech", 5)])
    assert "<script>" not in chart
    labels = [th.text for th in _parse(chart).iter("th")]
    assert labels == [HOSTILE_LABEL, "Kech"]


def test_bar_lengths_are_proportional_to_counts():
    chart = horizontal_bar_chart("By act type", [("Enforced disappearance", 40),
                                                 ("Arbitrary detention", 10),
                                                 ("Extrajudicial killing", 25)])
    widths = _bar_widths(chart)
    assert widths[0] == pytest.approx(4 * widths[1])
    assert widths[2] == pytest.approx(2.5 * widths[1])
    assert [cell.text for cell in _parse(chart).iter("td") if cell.get("class") == "number"] \
        == ["40", "10", "25"]


@pytest.mark.parametrize("items", [[], [("Kech", 0), ("Gwadar", 0)]])
def test_bar_chart_without_data_says_so(items):
    chart = horizontal_bar_chart("By district", items)
    assert NO_DATA_TEXT in chart
    assert _bar_widths(chart) == [640.0]  # only the grey panel


def test_negative_counts_are_refused():
    with pytest.raises(ValueError):
        horizontal_bar_chart("By district", [("Kech", -1)])
    with pytest.raises(ValueError):
        monthly_column_chart("By month", {(2025, 1): -2})


def test_monthly_chart_shows_every_month_between_first_and_last():
    chart = monthly_column_chart("By month", {(2024, 11): 4, (2025, 2): 2})
    columns = [rect for rect in _parse(chart).iter(f"{SVG}rect")]
    heights = [float(rect.get("height", "0")) for rect in columns]
    assert len(columns) == 4  # Nov, Dec, Jan, Feb
    assert heights[1] == heights[2] == 0
    assert heights[0] == pytest.approx(2 * heights[3])
    titles = [element.text for element in _parse(chart).iter(f"{SVG}title")]
    assert "Dec 2024: 0" in titles
    assert "Feb 2025: 2" in titles


def test_monthly_chart_without_data_says_so():
    assert NO_DATA_TEXT in monthly_column_chart("By month", {})
    assert NO_DATA_TEXT in monthly_column_chart("By month", {(2025, 1): 0})


def test_monthly_chart_rejects_impossible_months():
    with pytest.raises(ValueError):
        monthly_column_chart("By month", {(2025, 13): 1})


def test_chart_title_is_escaped_in_svg():
    chart = monthly_column_chart("Acts <b> & more", {(2025, 1): 1})
    assert "<b>" not in chart
    assert _parse(chart).find(f"{SVG}svg/{SVG}title").text == "Acts <b> & more"


def test_charts_are_deterministic():
    counts = {(2025, month): month * 3 % 7 for month in range(1, 13)}
    reordered = dict(reversed(list(counts.items())))
    assert monthly_column_chart("By month", counts) == monthly_column_chart("By month",
                                                                            reordered)
    items = [("Kech", 3), ("Khuzdar", 1)]
    assert horizontal_bar_chart("T", items) == horizontal_bar_chart("T", items)


def test_charts_render_inline_in_a_pdf_with_their_text(print_document, page_texts):
    bars = horizontal_bar_chart("Victims by district", [(HOSTILE_LABEL, 3), ("کیچ", 2)])
    columns = monthly_column_chart("Acts by month", {(2025, 1): 2, (2025, 3): 5})
    body = f"<figure>{bars}</figure><figure>{columns}</figure>"
    text = "\n".join(page_texts(render_pdf(print_document(body)).content))
    assert HOSTILE_LABEL in text
    assert "کیچ" in text
    assert "Victims by district" in text
    assert "Acts by month" in text
    assert "Feb" in text and "2025" in text
