"""CNIC numbers are stored as 12345-1234567-1 and odd ones are kept with a warning."""

from __future__ import annotations

import pytest

from models.cnic import normalise_cnic


@pytest.mark.parametrize(
    "typed",
    ["42101-1234567-1", "4210112345671", " 42101 1234567 1 ", "۴۲۱۰۱-۱۲۳۴۵۶۷-۱"],
)
def test_a_well_formed_cnic_is_stored_with_dashes_and_no_warning(typed: str) -> None:
    assert normalise_cnic(typed) == ("42101-1234567-1", None)


@pytest.mark.parametrize(
    ("typed", "count"), [("42101-123456-1", "12"), ("421011234567123", "15"), ("CNIC pending", "0")]
)
def test_a_cnic_of_the_wrong_length_is_kept_as_typed_with_a_warning(typed: str, count: str) -> None:
    stored, warning = normalise_cnic(typed)
    assert stored == typed
    assert warning is not None
    assert f"this has {count}" in warning
    assert "12345-1234567-1" in warning


def test_thirteen_digits_grouped_oddly_are_kept_with_a_warning() -> None:
    stored, warning = normalise_cnic("421-0112345671")
    assert stored == "421-0112345671"
    assert warning is not None and "grouped oddly" in warning


def test_a_blank_cnic_is_empty_without_a_warning() -> None:
    assert normalise_cnic("  ") == ("", None)
    assert normalise_cnic(None) == ("", None)
