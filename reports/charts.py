"""Server-drawn SVG charts for printed reports, returned as plain strings.

Charts are inline SVG (no scripts, no external references), sized in user units for the
A4 text block (168 mm wide) and scaled by print.css (`figure svg { width: 100% }`); the
bar chart is a table whose bars are SVG (see `horizontal_bar_chart`).
Every piece of text is XML-escaped; fonts are named by family so WeasyPrint uses the
bundled faces declared in print.css. Output is deterministic: same counts, same bytes.
Mark the result safe in Jinja (`|safe` or Markup) only because this module escapes.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

FONT_FAMILY = "'Casebook Serif', 'Casebook Naskh', serif"
WIDTH = 640
BAR_SCALE = 1000  # bar user units: a bar of BAR_SCALE fills its column
BAR_COLOUR = "#4a5d73"
AXIS_COLOUR = "#888888"
TEXT_COLOUR = "#1a1a1a"
MUTED_COLOUR = "#555555"
NO_DATA_TEXT = "No data for this selection"

MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                       "Oct", "Nov", "Dec")

YearMonth = tuple[int, int]


def _escape(text: object) -> str:
    return html.escape(str(text), quote=True)


def _trusted(markup: str) -> Markup:
    # Safe by construction: every piece of text in `markup` went through `_escape`, and
    # every number through `_number`.
    return Markup(markup)  # noqa: S704


def _number(value: float) -> str:
    # Two decimals at most and no "-0": identical input gives identical bytes.
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@dataclass(frozen=True)
class _Canvas:
    title: str
    height: float

    def open(self) -> str:
        return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" '
                f'viewBox="0 0 {WIDTH} {_number(self.height)}" '
                f'width="{WIDTH}" height="{_number(self.height)}" '
                f'font-family="{_escape(FONT_FAMILY)}" font-size="11" fill="{TEXT_COLOUR}">'
                f"<title>{_escape(self.title)}</title>")


def _text(x: float, y: float, content: object, *, anchor: str = "start",
          size: float = 11, colour: str = TEXT_COLOUR, weight: str = "normal") -> str:
    return (f'<text x="{_number(x)}" y="{_number(y)}" text-anchor="{anchor}" '
            f'font-size="{_number(size)}" font-weight="{weight}" fill="{colour}">'
            f"{_escape(content)}</text>")


def _rect(x: float, y: float, width: float, height: float, colour: str = BAR_COLOUR) -> str:
    return (f'<rect x="{_number(x)}" y="{_number(y)}" width="{_number(width)}" '
            f'height="{_number(height)}" fill="{colour}"/>')


def _heading(title: str) -> str:
    return _text(0, 14, title, size=12, weight="bold")


def _check_counts(counts: Sequence[int]) -> None:
    if any(count < 0 for count in counts):
        raise ValueError("chart counts cannot be negative")


def no_data_chart(title: str) -> Markup:
    """A small chart that says there is nothing to draw, instead of an empty plot."""
    canvas = _Canvas(title, 70)
    return _trusted(canvas.open() + _heading(title)
                    + _rect(0, 26, WIDTH, 36, "#f2f2f2")
                    + _text(WIDTH / 2, 48, NO_DATA_TEXT, anchor="middle", colour=MUTED_COLOUR)
                    + "</svg>")


def horizontal_bar_chart(title: str, items: Sequence[tuple[str, int]]) -> Markup:
    """Labelled horizontal bars with their counts; the longest bar is the largest count.

    Labels are HTML table cells, not SVG text: WeasyPrint draws SVG text one letter at a
    time, which breaks Urdu and Arabic shaping, and a vocabulary term may be in either.
    Each bar is its own small SVG, so the chart is still drawn by the server.
    """
    _check_counts([count for _label, count in items])
    if not items or max(count for _label, count in items) == 0:
        return no_data_chart(title)
    largest = max(count for _label, count in items)
    rows = "".join(
        f'<tr><th scope="row" dir="auto">{_escape(label)}</th>'
        f'<td class="bar"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {BAR_SCALE} 10" '
        f'preserveAspectRatio="none" role="presentation">'
        f'{_rect(0, 0, BAR_SCALE * count / largest, 10)}</svg></td>'
        f'<td class="number">{count}</td></tr>'
        for label, count in items
    )
    return _trusted(f'<table class="bar-chart"><caption>{_escape(title)}</caption>'
                    f"<tbody>{rows}</tbody></table>")


def _month_range(first: YearMonth, last: YearMonth) -> list[YearMonth]:
    months = []
    year, month = first
    while (year, month) <= last:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def monthly_column_chart(title: str, counts: Mapping[YearMonth, int]) -> Markup:
    """Columns per month from the first to the last month given; gaps shown as zero."""
    _check_counts(list(counts.values()))
    for year, month in counts:
        if not 1 <= month <= 12:
            raise ValueError(f"month {month} of {year} is not 1–12")
    if not counts or max(counts.values()) == 0:
        return no_data_chart(title)
    months = _month_range(min(counts), max(counts))
    top, plot_height, axis_gap, left = 40, 150, 34, 8
    slot = (WIDTH - left) / len(months)
    column = max(slot * 0.7, 1.0)
    largest = max(counts.values())
    # Label every month when they fit, otherwise only January and the first month.
    label_all = slot >= 30
    baseline = top + plot_height
    canvas = _Canvas(title, baseline + axis_gap)
    shapes = [canvas.open(), _heading(title)]
    for index, (year, month) in enumerate(months):
        count = counts.get((year, month), 0)
        x = left + index * slot + (slot - column) / 2
        height = plot_height * count / largest
        name = f"{MONTH_ABBREVIATIONS[month - 1]} {year}"
        shapes.append(f"<g><title>{_escape(name)}: {count}</title>")
        shapes.append(_rect(x, baseline - height, column, height))
        if count and label_all:
            shapes.append(_text(x + column / 2, baseline - height - 3, count, anchor="middle",
                                size=9, colour=MUTED_COLOUR))
        centre = x + column / 2
        if label_all:
            shapes.append(_text(centre, baseline + 13, MONTH_ABBREVIATIONS[month - 1],
                                anchor="middle", size=9))
        if index == 0 or month == 1:
            shapes.append(_text(centre, baseline + 26, year, anchor="middle", size=9,
                                colour=MUTED_COLOUR))
        shapes.append("</g>")
    shapes.append(f'<line x1="{left}" y1="{baseline}" x2="{WIDTH}" y2="{baseline}" '
                  f'stroke="{AXIS_COLOUR}" stroke-width="0.75"/>')
    shapes.append(_text(WIDTH, 30, f"highest month: {largest}", anchor="end", size=9,
                        colour=MUTED_COLOUR))
    return _trusted("".join(shapes) + "</svg>")
