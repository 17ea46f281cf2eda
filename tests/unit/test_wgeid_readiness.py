"""WGEID readiness: the six elements, prior family consent, and urgent or standard procedure."""

from __future__ import annotations

from datetime import date

from case_builders import act, consent, intervention, involvement, person

from models.enums import InterventionStatus, PerpetratorType
from models.types import utcnow
from models.wgeid import (
    WgeidProcedure,
    WgeidReadiness,
    WgeidRequirement,
    wgeid_missing_elements,
    wgeid_readiness,
)

SUBMITTER = "Voice for Missing Persons (fictional NGO)"


def readiness(**overrides) -> WgeidReadiness:  # type: ignore[no-untyped-def]
    """A complete case, with any part replaced by `overrides`."""
    parts = {
        "victim": person(),
        "acts": [act()],
        "involvements": [involvement()],
        "interventions": [intervention()],
        "consents": [consent()],
        "submitter": SUBMITTER,
        "as_of": date(2025, 4, 20),
    }
    parts.update(overrides)
    return wgeid_readiness(
        parts["victim"],
        parts["acts"],
        parts["involvements"],
        parts["interventions"],
        parts["consents"],
        submitter=parts["submitter"],
        as_of=parts["as_of"],
    )


def element(result: WgeidReadiness, requirement: WgeidRequirement):  # type: ignore[no-untyped-def]
    return next(e for e in result.elements if e.requirement is requirement)


def test_a_complete_recent_case_is_ready_for_the_urgent_procedure() -> None:
    result = readiness()
    assert result.ready
    assert [e.requirement for e in result.elements] == list(WgeidRequirement)
    assert result.procedure is WgeidProcedure.urgent
    assert result.disappearance_act_id == 10
    assert element(result, WgeidRequirement.date).message == "12 March 2025"
    assert element(result, WgeidRequirement.consent).message == (
        "Given by Gul Bibi (Mother) on 20 March 2025."
    )


def test_three_months_after_the_disappearance_the_standard_procedure_applies() -> None:
    assert readiness(as_of=date(2025, 6, 11)).procedure is WgeidProcedure.urgent
    assert readiness(as_of=date(2025, 6, 12)).procedure is WgeidProcedure.standard


def test_a_disappearance_known_only_to_the_month_lacks_the_date_and_says_so() -> None:
    result = readiness(acts=[act(when="March 2025")])
    date_element = element(result, WgeidRequirement.date)
    assert not date_element.present
    assert "March 2025" in date_element.message and "exact day" in date_element.message
    assert not result.ready


def test_a_name_alone_does_not_identify_the_victim() -> None:
    bare = person(father_name=None, occupation=None)
    identity = element(readiness(victim=bare), WgeidRequirement.identity)
    assert not identity.present
    assert "father's name" in identity.message


def test_a_cnic_is_enough_identifying_data() -> None:
    victim = person(father_name=None, occupation=None, national_id="42101-1234567-1")
    assert element(readiness(victim=victim), WgeidRequirement.identity).present


def test_a_case_without_a_place_lacks_the_place_of_arrest() -> None:
    result = readiness(acts=[act(place_name=None, district=None)])
    assert not element(result, WgeidRequirement.place).present


def test_unidentified_men_in_plain_clothes_still_say_who_is_believed_responsible() -> None:
    plain_clothes = involvement(
        perpetrator_type=PerpetratorType.unknown, force="Unidentified men in plain clothes"
    )
    assert element(readiness(involvements=[plain_clothes]), WgeidRequirement.responsible).present


def test_an_unknown_perpetrator_with_no_name_is_missing() -> None:
    unknown = involvement(perpetrator_type=PerpetratorType.unknown, force=None)
    assert not element(readiness(involvements=[unknown]), WgeidRequirement.responsible).present


def test_a_refused_police_complaint_is_a_step_taken_but_a_planned_one_is_not() -> None:
    refused = intervention(status=InterventionStatus.refused, reference_number="none issued")
    planned = intervention(status=InterventionStatus.planned)
    assert element(readiness(interventions=[refused]), WgeidRequirement.relatives_steps).present
    assert not element(readiness(interventions=[planned]), WgeidRequirement.relatives_steps).present


def test_the_submitter_must_be_named() -> None:
    assert not element(readiness(submitter="  "), WgeidRequirement.submitter).present


def test_withdrawn_consent_blocks_the_submission_and_says_why() -> None:
    withdrawn = consent(withdrawn_at=utcnow())
    consent_element = element(readiness(consents=[withdrawn]), WgeidRequirement.consent)
    assert not consent_element.present
    assert "withdrawn" in consent_element.message


def test_consent_must_cover_un_transmission_be_prior_and_be_the_victims() -> None:
    unfit = [
        consent(un_transmission=False),  # internal use only
        consent(given_on=date(2025, 5, 1)),  # given after the submission date
        consent(person_id=2),  # another person's
    ]
    for one in unfit:
        assert not element(readiness(consents=[one]), WgeidRequirement.consent).present


def test_only_the_victims_own_acts_are_used() -> None:
    brother = act(11, when="2025-04-01", victim_id=2)
    result = readiness(acts=[brother])
    assert result.disappearance_act_id is None
    assert not element(result, WgeidRequirement.date).present
    assert result.procedure is WgeidProcedure.standard


def test_the_earliest_deprivation_of_liberty_is_the_disappearance() -> None:
    result = readiness(acts=[act(11, when="2025-04-02"), act(10, when="2025-03-12")])
    assert result.disappearance_act_id == 10


def test_missing_elements_lists_only_what_is_missing_in_order() -> None:
    missing = wgeid_missing_elements(
        person(),
        [act(when="2025")],
        [],
        [],
        [],
        submitter=SUBMITTER,
        as_of=date(2025, 12, 1),
    )
    assert [e.requirement for e in missing] == [
        WgeidRequirement.date,
        WgeidRequirement.responsible,
        WgeidRequirement.relatives_steps,
        WgeidRequirement.consent,
    ]
