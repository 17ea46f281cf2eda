"""Partial dates: how people type them, how Casebook prints them, and how they compare."""

from __future__ import annotations

from datetime import date

import pytest

from models.act import Act
from models.enums import ActType, DatePrecision
from models.partial_date import (
    PartialDate,
    add_months,
    partial_date,
    partial_date_columns,
    set_partial_date,
)


@pytest.mark.parametrize(
    ("typed", "printed", "earliest", "latest", "precision"),
    [
        ("2025-03-12", "12 March 2025", date(2025, 3, 12), date(2025, 3, 12), DatePrecision.day),
        ("12 March 2025", "12 March 2025", date(2025, 3, 12), date(2025, 3, 12), DatePrecision.day),
        (
            "March 12, 2025",
            "12 March 2025",
            date(2025, 3, 12),
            date(2025, 3, 12),
            DatePrecision.day,
        ),
        ("12/03/2025", "12 March 2025", date(2025, 3, 12), date(2025, 3, 12), DatePrecision.day),
        ("2025-03", "March 2025", date(2025, 3, 1), date(2025, 3, 31), DatePrecision.month),
        ("March 2025", "March 2025", date(2025, 3, 1), date(2025, 3, 31), DatePrecision.month),
        ("sept 2024", "September 2024", date(2024, 9, 1), date(2024, 9, 30), DatePrecision.month),
        ("2024-02", "February 2024", date(2024, 2, 1), date(2024, 2, 29), DatePrecision.month),
        ("2025", "2025", date(2025, 1, 1), date(2025, 12, 31), DatePrecision.year),
        ("۲۰۲۵-۰۳-۱۲", "12 March 2025", date(2025, 3, 12), date(2025, 3, 12), DatePrecision.day),
    ],
)
def test_typed_dates_are_read_to_the_span_they_may_cover(
    typed: str, printed: str, earliest: date, latest: date, precision: DatePrecision
) -> None:
    value = PartialDate.parse(typed)
    assert (value.earliest, value.latest, value.precision) == (earliest, latest, precision)
    assert str(value) == printed
    assert not value.estimated


@pytest.mark.parametrize("typed", ["", "   ", None, "unknown"])
def test_a_blank_date_is_unknown_and_says_so(typed: str | None) -> None:
    value = PartialDate.parse(typed)
    assert not value.is_known
    assert (value.earliest, value.latest) == (None, None)
    assert str(value) == "date unknown"


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("circa 2024", "circa 2024"),
        ("c. March 2025", "circa March 2025"),
        ("~2025-03-12", "circa 12 March 2025"),
    ],
)
def test_estimated_dates_print_with_circa(typed: str, printed: str) -> None:
    value = PartialDate.parse(typed)
    assert value.estimated
    assert str(value) == printed


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("2025-13", "no month 13"),
        ("31 February 2025", "no day 31"),
        ("Marchember 2025", "not a month name"),
        ("last Tuesday", "not a date"),
    ],
)
def test_unreadable_dates_are_refused_with_what_to_fix(typed: str, hint: str) -> None:
    with pytest.raises(ValueError, match=hint) as error:
        PartialDate.parse(typed)
    assert "12 March 2025" in str(error.value)  # the message shows how to write it


@pytest.mark.parametrize("typed", ["2025-03-12", "2025-03", "2025", "circa 2024-11", ""])
def test_a_date_shown_in_a_form_reads_back_the_same(typed: str) -> None:
    value = PartialDate.parse(typed)
    assert PartialDate.parse(value.as_input()) == value


def test_a_day_without_a_month_is_refused() -> None:
    with pytest.raises(ValueError, match="needs a month"):
        PartialDate.from_parts(2025, None, 12)


def test_dates_overlap_when_their_spans_share_a_day() -> None:
    march = PartialDate.parse("March 2025")
    assert march.overlaps(PartialDate.parse("2025-03-31"))
    assert march.overlaps(PartialDate.parse("2025"))
    assert not march.overlaps(PartialDate.parse("2025-04-01"))
    assert march.overlaps((date(2025, 2, 1), date(2025, 3, 1)))
    assert not march.overlaps((None, date(2025, 2, 28)))
    assert march.overlaps((date(2025, 3, 15), None))


def test_an_unknown_date_may_overlap_anything() -> None:
    assert PartialDate.unknown().overlaps(PartialDate.parse("1999"))


def test_chronological_order_puts_known_dates_first_and_the_precise_before_the_vague() -> None:
    dates = [
        PartialDate.unknown(),
        PartialDate.parse("2025"),
        PartialDate.parse("2025-03-12"),
        PartialDate.parse("2024-12"),
        PartialDate.parse("2025-01-01"),
    ]
    ordered = [str(d) for d in sorted(dates, key=PartialDate.sort_key)]
    assert ordered == ["December 2024", "1 January 2025", "2025", "12 March 2025", "date unknown"]


def test_a_partial_date_round_trips_through_a_rows_four_columns() -> None:
    act = Act(case_id=1, victim_id=1, act_type=ActType.abduction)
    set_partial_date(act, "start", PartialDate.parse("circa May 2023"))
    assert act.start_earliest == date(2023, 5, 1)
    assert act.start_latest == date(2023, 5, 31)
    assert act.start_precision == DatePrecision.month
    assert act.start_estimated is True
    assert str(partial_date(act, "start")) == "circa May 2023"
    assert str(partial_date(act, "end")) == "date unknown"


def test_column_values_can_be_merged_into_form_data() -> None:
    data = {"act_type": "arrest", **partial_date_columns("start", PartialDate.parse("2025"))}
    act = Act.model_validate({"case_id": 1, "victim_id": 1, **data})
    assert str(partial_date(act, "start")) == "2025"


def test_a_precision_stored_as_text_is_read_back_as_a_precision() -> None:
    act = Act(case_id=1, victim_id=1, act_type=ActType.arrest)
    act.start_earliest = act.start_latest = date(2025, 3, 12)
    act.start_precision = "day"  # type: ignore[assignment]  (as a raw row could hold it)
    assert str(partial_date(act, "start")) == "12 March 2025"


def test_a_day_span_prints_as_between_two_days() -> None:
    span = PartialDate(date(2025, 3, 3), date(2025, 3, 5), DatePrecision.day)
    assert str(span) == "between 3 March 2025 and 5 March 2025"
    assert not span.is_day_known


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 11, 30), 3, date(2025, 2, 28)),
        (date(2025, 3, 12), 3, date(2025, 6, 12)),
        (date(2025, 10, 5), 3, date(2026, 1, 5)),
    ],
)
def test_adding_months_keeps_the_day_or_clamps_to_the_month_end(
    start: date, months: int, expected: date
) -> None:
    assert add_months(start, months) == expected
