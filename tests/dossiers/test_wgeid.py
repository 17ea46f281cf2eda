"""The WGEID submission: the six elements in the Working Group's order, the procedure, the
consent line and the annex; refused, with what is missing, when the case is not ready."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from models.enums import DossierAudience, DossierKind
from models.partial_date import PartialDate, partial_date_columns
from reports.context import ReportRefused
from reports.wgeid import WgeidNotReady
from tests.dossiers.conftest import ORGANISATION
from tests.factories import make_act, make_case, make_person

WGEID, UN = DossierKind.wgeid, DossierAudience.un_confidential

ELEMENTS = [
    "1. Identity of the disappeared person",
    "2. Date of the arrest, abduction or disappearance",
    "3. Place of the arrest or abduction, or where the person was last seen",
    "4. Forces believed to be responsible",
    "5. Steps taken by the family or others to locate the person",
    "6. Identity of the submitter",
]


def test_wgeid_submission_lays_out_the_six_elements_in_order(editions) -> None:
    text = editions(WGEID, UN).text
    positions = [text.find(element) for element in ELEMENTS]
    assert -1 not in positions, positions
    assert positions == sorted(positions)
    six = text.split(ELEMENTS[5], 1)[1]
    assert ORGANISATION in six


def test_wgeid_submission_gives_date_place_forces_and_family_steps(editions) -> None:
    text = editions(WGEID, UN).text
    assert re.search(r"2\. Date of the arrest, abduction or disappearance 12 March 2025", text)
    assert "Victim's home, Ward 3, Tump, Kech (Turbat), Balochistan" in text
    assert "Frontier Corps (FC)" in text.split(ELEMENTS[3], 1)[1].split(ELEMENTS[4], 1)[0]
    steps = text.split(ELEMENTS[4], 1)[1].split(ELEMENTS[5], 1)[0]
    assert "Habeas corpus petition" in steps
    assert "Complaint to the Commission of Inquiry on Enforced Disappearances" in steps


def test_wgeid_submission_states_procedure_consent_and_annexes(editions) -> None:
    pdf = editions(WGEID, UN)
    assert "Procedure requested: Standard procedure" in pdf.text
    assert "gave consent on 2 May 2025" in pdf.text
    assert "United Nations Working Group on Enforced or Involuntary Disappearances" in pdf.text
    annex = pdf.text.split("Annexes", 1)[1]
    for evidence in editions.case.evidence:
        assert pdf.shows(evidence.sha256)
    assert "E1" in annex and "E3" in annex


def test_recent_disappearance_goes_to_the_urgent_procedure(full_case, render) -> None:
    pdf = render([full_case.case.id], WGEID, UN,
                 generated_at=datetime(2025, 5, 20, 12, 0, tzinfo=UTC))
    assert "Urgent action procedure" in pdf.text
    assert "less than three months" in pdf.text


def test_wgeid_is_refused_with_the_list_of_what_is_missing(db, render) -> None:
    case = make_case(db)
    victim = make_person(db, case=case)
    make_act(db, case=case, victim=victim,
             **partial_date_columns("start", PartialDate.from_parts(2025, 3)))
    with pytest.raises(WgeidNotReady) as refused:
        render([case.id], WGEID, UN)
    message = refused.value.message
    assert "Year, month and day of the disappearance" in message
    assert "Who is believed responsible" in message
    assert "Steps taken by the family" in message
    assert "Prior consent of the family" in message
    assert "Full name and identifying data" not in message  # that one is present


def test_wgeid_is_never_made_for_the_public(full_case, render) -> None:
    with pytest.raises(ReportRefused, match="never published"):
        render([full_case.case.id], WGEID, DossierAudience.public)
