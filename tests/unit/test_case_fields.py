"""Small behaviours of the case and person rows that forms and lists rely on."""

from __future__ import annotations

from models.case import Case, format_reference
from models.dossier import Dossier
from models.enums import DossierAudience, DossierKind
from models.person import Person


def test_case_references_are_zero_padded_per_year() -> None:
    assert format_reference(2026, 42) == "BAL-2026-0042"
    assert format_reference(2026, 12345) == "BAL-2026-12345"


def test_tags_are_stored_comma_separated_without_blanks_or_repeats() -> None:
    case = Case(reference="BAL-2026-0001", title="Abduction of a student")
    case.set_tags(["students", " Khuzdar 2025 ", "", "students", "BSO, activists"])
    assert case.tags == "students, Khuzdar 2025, BSO, activists"
    assert case.tag_list == ["students", "Khuzdar 2025", "BSO", "activists"]


def test_other_names_hold_one_spelling_per_line_in_either_script() -> None:
    person = Person(full_name="Shahzad Baloch", other_names="Shahzad Baluch\n\n شہزاد بلوچ \n")
    assert person.other_name_list == ["Shahzad Baluch", "شہزاد بلوچ"]
    assert person.all_names == ["Shahzad Baloch", "Shahzad Baluch", "شہزاد بلوچ"]


def test_a_dossier_records_the_cases_it_covers() -> None:
    dossier = Dossier(kind=DossierKind.advocacy, audience=DossierAudience.public)
    dossier.set_case_ids([3, 1, 2])
    assert dossier.case_ids == [3, 1, 2]
    assert dossier.filters == {}
