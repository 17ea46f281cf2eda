"""Case references: prefix, year of creation, the next number — never one number twice."""

from __future__ import annotations

from app.cases.services.references import allocate_reference
from app.services import records
from app.services.actor import Actor
from models.case import Case
from models.types import utcnow


def _case(db, reference: str) -> None:
    records.create(
        db,
        actor=Actor.system(),
        row=Case.model_validate({"reference": reference, "title": "Fictional"}),
    )
    db.commit()


def test_the_first_case_of_a_year_is_number_one(app, db):
    with app.app_context():
        assert allocate_reference(db, prefix="BAL", year=2031) == "BAL-2031-0001"


def test_numbers_beyond_four_digits_keep_counting(app, db):
    for reference in ("BAL-2031-9999", "BAL-2031-10000", "BAL-2030-20000", "XYZ-2031-50000"):
        _case(db, reference)
    _case(db, "BAL-2031-0007")  # newest, but not the highest
    with app.app_context():
        assert allocate_reference(db, prefix="BAL", year=2031) == "BAL-2031-10001"


def test_references_written_by_other_means_are_skipped_not_reused(app, db):
    _case(db, "BAL-2031-0041")
    _case(db, "BAL-2031-0042-imported")
    _case(db, "BAL-2031-0040")
    with app.app_context():
        assert allocate_reference(db, prefix="BAL", year=2031) == "BAL-2031-0042"


def test_the_prefix_comes_from_the_settings(app, db, documenter):
    app.extensions["casebook.settings"].case_reference_prefix = "KCH"
    from tests.cases.helpers import create_case, the_case

    reference = the_case(db, create_case(documenter)).reference
    assert reference == f"KCH-{utcnow().year}-0001"
