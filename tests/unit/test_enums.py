"""Every category members are stored by value, read by label and exported by ESF code."""

from __future__ import annotations

import enum

import pytest

import models.elements
import models.enums
import models.wgeid
from models.enums import ActType, Category, Credibility, Reliability, esf_codes, label_of

CATEGORIES = [
    obj
    for module in (models.enums, models.elements, models.wgeid)
    for obj in vars(module).values()
    if isinstance(obj, type) and issubclass(obj, Category) and obj is not Category
]


@pytest.mark.parametrize("enum_cls", CATEGORIES, ids=lambda cls: cls.__name__)
def test_every_member_has_a_label_and_fits_its_column(enum_cls: type[Category]) -> None:
    for member in enum_cls:
        assert member.label.strip()
        assert len(member.value) <= 40  # enum columns are String(40)
        assert enum_cls(member.value) is member


def test_members_are_looked_up_by_their_stored_value_and_read_by_label() -> None:
    assert ActType("enforced_disappearance").label == "Enforced disappearance"
    assert ActType.arrest == "arrest"
    assert ActType.choices()[0] == ("enforced_disappearance", "Enforced disappearance")
    assert label_of(Reliability.B) == "B – Usually reliable"
    assert label_of("free text") == "free text"
    assert label_of(None) == ""


def test_a_typo_fails_loudly() -> None:
    with pytest.raises(ValueError):
        ActType("enforced_dissapearance")


def test_esf_codes_map_values_for_export() -> None:
    codes = esf_codes(ActType)
    assert codes["enforced_disappearance"] == "030103000000"
    assert "other" not in codes


def test_credibility_grades_run_from_1_to_6_with_their_meaning() -> None:
    assert [int(grade) for grade in Credibility] == [1, 2, 3, 4, 5, 6]
    assert Credibility(2).label == "2 – Probably true"
    assert isinstance(Credibility.confirmed, enum.IntEnum)
