"""Partial dates: "12 March 2025", "March 2025", "circa 2024" or "date unknown".

A `PartialDate` is the range of days a date may fall on (earliest, latest), how precisely it is
known, and whether it is an estimate. Every table stores one as four columns
`<name>_earliest`, `<name>_latest`, `<name>_precision`, `<name>_estimated`; read and write them
with `partial_date(row, name)` / `set_partial_date(row, name, value)` so all tables agree.
Searching by date means overlap: a record matches a range when its (earliest, latest) meets it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Field

from models.enums import DatePrecision
from models.types import enum_type

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

# Urdu (Extended Arabic-Indic) and Arabic-Indic digits, typed on Urdu keyboards.
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_ESTIMATE = re.compile(r"^(circa|c\.|ca\.?|approx\.?|approximately|about|around|~)\s*", re.I)
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_MONTH_YEAR_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{4})$")
_WORDS = re.compile(
    r"^(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([a-z]+)\.?,?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(\d{4})$"
)


@dataclass(frozen=True)
class PartialDate:
    """A date known to the day, month or year, or not at all, possibly estimated."""

    earliest: date | None = None
    latest: date | None = None
    precision: DatePrecision = DatePrecision.unknown
    estimated: bool = False

    # --- construction ------------------------------------------------------------------------

    @classmethod
    def unknown(cls) -> PartialDate:
        """A date nobody knows."""
        return cls()

    @classmethod
    def from_parts(
        cls, year: int, month: int | None = None, day: int | None = None, *, estimated: bool = False
    ) -> PartialDate:
        """The date given by a year, an optional month and an optional day."""
        if day is not None and month is None:
            raise ValueError("A day needs a month.")
        if month is None:
            return cls(date(year, 1, 1), date(year, 12, 31), DatePrecision.year, estimated)
        if not 1 <= month <= 12:
            raise ValueError(f"There is no month {month}; use 1 to 12.")
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return cls(
                date(year, month, 1), date(year, month, last), DatePrecision.month, estimated
            )
        try:
            exact = date(year, month, day)
        except ValueError:
            raise ValueError(f"{year}-{month:02d} has no day {day}.") from None
        return cls(exact, exact, DatePrecision.day, estimated)

    @classmethod
    def exact(cls, day: date, *, estimated: bool = False) -> PartialDate:
        """A date known to the day."""
        return cls(day, day, DatePrecision.day, estimated)

    @classmethod
    def parse(cls, text: str | None) -> PartialDate:
        """Read a date as people type it; raises ValueError with a message saying what to fix.

        Accepts "2025-03-12", "2025-03", "2025", "March 2025", "12 March 2025", "March 12, 2025",
        "12/03/2025" (day first, as written in Pakistan), "03/2025", Urdu digits, and a
        "circa" / "c." / "approx." / "~" prefix for estimates. Blank means unknown.
        """
        raw = (text or "").translate(_DIGITS).strip()
        if not raw or raw.lower() in {"unknown", "date unknown", "?"}:
            return cls.unknown()
        estimated = False
        match = _ESTIMATE.match(raw)
        if match:
            estimated = True
            raw = raw[match.end() :].strip()
        value = " ".join(raw.split()).lower()
        try:
            return _parse_plain(value, estimated)
        except ValueError as error:
            if str(error).startswith(_HINT):
                raise
            raise ValueError(f"{error} {_HINT}") from None

    # --- reading -----------------------------------------------------------------------------

    @property
    def is_known(self) -> bool:
        """True unless nothing at all is known about the date."""
        return self.precision is not DatePrecision.unknown

    @property
    def is_day_known(self) -> bool:
        """True when year, month and day are all known."""
        return self.precision is DatePrecision.day and self.earliest == self.latest

    def __str__(self) -> str:
        text = self._plain_text()
        if self.estimated and self.is_known:
            return f"circa {text}"
        return text

    def _plain_text(self) -> str:
        if not self.is_known or self.earliest is None or self.latest is None:
            return "date unknown"
        if self.precision is DatePrecision.day:
            if self.earliest != self.latest:
                return f"between {_day_text(self.earliest)} and {_day_text(self.latest)}"
            return _day_text(self.earliest)
        if self.precision is DatePrecision.month:
            return f"{calendar.month_name[self.earliest.month]} {self.earliest.year}"
        return str(self.earliest.year)

    def as_input(self) -> str:
        """The date as a form field shows it, parseable again: "2025-03-12", "circa 2025-03"."""
        if not self.is_known or self.earliest is None:
            return ""
        text = {
            DatePrecision.day: self.earliest.isoformat(),
            DatePrecision.month: self.earliest.isoformat()[:7],
            DatePrecision.year: str(self.earliest.year),
        }[self.precision]
        return f"circa {text}" if self.estimated else text

    # --- comparing ---------------------------------------------------------------------------

    def overlaps(self, other: PartialDate | tuple[date | None, date | None]) -> bool:
        """True when the two spans share at least one day; a missing bound is open-ended.

        So an unknown date overlaps everything: callers that want only dated records check
        `is_known` first.
        """
        start, end = (other.earliest, other.latest) if isinstance(other, PartialDate) else other
        if self.latest is not None and start is not None and self.latest < start:
            return False
        return not (self.earliest is not None and end is not None and end < self.earliest)

    def sort_key(self) -> tuple[date, date, int]:
        """Chronological order: by earliest day, then latest day; unknown dates last."""
        return (self.earliest or date.max, self.latest or date.max, _PRECISION_RANK[self.precision])


_HINT = "Write it like 2025-03-12, 12 March 2025, March 2025 or 2025 (add 'circa' if estimated)."
_PRECISION_RANK = {
    DatePrecision.day: 0,
    DatePrecision.month: 1,
    DatePrecision.year: 2,
    DatePrecision.unknown: 3,
}


def _parse_plain(value: str, estimated: bool) -> PartialDate:
    if match := _ISO.match(value):
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        return PartialDate.from_parts(year, month, day, estimated=estimated)
    if match := _DAY_FIRST.match(value):
        day, month, year = (int(g) for g in match.groups())
        return PartialDate.from_parts(year, month, day, estimated=estimated)
    if match := _MONTH_YEAR_NUMERIC.match(value):
        month, year = (int(g) for g in match.groups())
        return PartialDate.from_parts(year, month, estimated=estimated)
    if match := _WORDS.match(value):
        day_before, month_name, day_after, year_text = match.groups()
        if day_before and day_after:
            raise ValueError(f"'{value}' has two days.")
        month = MONTHS.get(month_name)
        if month is None:
            raise ValueError(f"'{month_name}' is not a month name.")
        day_text = day_before or day_after
        return PartialDate.from_parts(
            int(year_text), month, int(day_text) if day_text else None, estimated=estimated
        )
    raise ValueError(f"'{value}' is not a date Casebook can read.")


def _day_text(day: date) -> str:
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's end (31 Jan + 1 → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# --- the four columns on a row ---------------------------------------------------------------


def precision_field() -> Any:
    """The `<name>_precision` column of a partial date; declare the four columns as::

    start_earliest: date | None = None
    start_latest: date | None = None
    start_precision: DatePrecision = precision_field()
    start_estimated: bool = False
    """
    return Field(default=DatePrecision.unknown, sa_type=enum_type(DatePrecision))


def partial_date(row: Any, name: str) -> PartialDate:
    """The partial date stored in `row`'s four `<name>_*` columns."""
    precision = getattr(row, f"{name}_precision", None) or DatePrecision.unknown
    return PartialDate(
        earliest=getattr(row, f"{name}_earliest"),
        latest=getattr(row, f"{name}_latest"),
        precision=DatePrecision(precision),
        estimated=bool(getattr(row, f"{name}_estimated", False)),
    )


def set_partial_date(row: Any, name: str, value: PartialDate) -> None:
    """Write `value` into `row`'s four `<name>_*` columns."""
    for column, column_value in partial_date_columns(name, value).items():
        setattr(row, column, column_value)


def partial_date_columns(name: str, value: PartialDate) -> dict[str, Any]:
    """The four `<name>_*` column values for `value`, e.g. to merge into `model_validate` data."""
    return {
        f"{name}_earliest": value.earliest,
        f"{name}_latest": value.latest,
        f"{name}_precision": value.precision,
        f"{name}_estimated": value.estimated,
    }
