"""The three elements of enforced disappearance (ICPPED art. 2), each with its evidence."""

from __future__ import annotations

from case_builders import act, involvement, response

from models.elements import DisappearanceElement, disappearance_elements
from models.enums import ActType, PerpetratorType, ResponseType, Whereabouts
from models.types import utcnow


def findings(*args, **kwargs):  # type: ignore[no-untyped-def]
    return {f.element: f for f in disappearance_elements(*args, **kwargs)}


def test_a_kill_and_dump_case_shows_all_three_elements_with_their_records() -> None:
    taken = act(10, ActType.enforced_disappearance, "2025-03-12")
    killed = act(11, ActType.extrajudicial_killing, "2025-06-02", follows_act_id=10)
    result = findings([taken, killed], [involvement(20, act_id=10)], [response(30)])
    assert all(f.satisfied for f in result.values())
    liberty = result[DisappearanceElement.deprivation_of_liberty]
    assert [str(e) for e in liberty.evidence] == [
        "Act #10: Enforced disappearance, 12 March 2025, Tump bazaar"
    ]
    assert str(result[DisappearanceElement.state_involvement].evidence[0]) == (
        "Involvement #20: Paramilitary force (e.g. Frontier Corps): Frontier Corps (FC)"
    )
    refusal = result[DisappearanceElement.refusal_to_acknowledge]
    assert refusal.evidence[0].kind == "response" and refusal.evidence[0].record_id == 30
    assert "Denied custody by Balochistan Home Department" in refusal.message


def test_the_elements_come_in_the_order_of_article_2() -> None:
    assert [f.element for f in disappearance_elements([])] == list(DisappearanceElement)


def test_a_case_with_only_a_killing_lacks_deprivation_of_liberty_and_says_what_to_add() -> None:
    result = findings([act(11, ActType.extrajudicial_killing)], [involvement(20, act_id=11)])
    liberty = result[DisappearanceElement.deprivation_of_liberty]
    assert not liberty.satisfied
    assert liberty.message.startswith("No evidence yet: record the arrest")


def test_unknown_perpetrators_do_not_show_state_involvement() -> None:
    result = findings([act(10)], [involvement(20, perpetrator_type=PerpetratorType.unknown)])
    assert not result[DisappearanceElement.state_involvement].satisfied


def test_a_state_backed_armed_group_shows_acquiescence() -> None:
    group = involvement(20, perpetrator_type=PerpetratorType.state_backed_group, force=None)
    state = findings([act(10)], [group])[DisappearanceElement.state_involvement]
    assert state.satisfied
    assert "(acquiescence)" in state.evidence[0].description


def test_a_state_agent_in_another_act_does_not_show_who_took_the_victim() -> None:
    acts = [act(10, ActType.abduction), act(12, ActType.torture)]
    police_torture = involvement(21, act_id=12, perpetrator_type=PerpetratorType.police)
    result = findings(acts, [police_torture])
    assert not result[DisappearanceElement.state_involvement].satisfied


def test_denied_capture_on_the_act_shows_concealment_without_any_response() -> None:
    taken = act(10, whereabouts=Whereabouts.capture_denied)
    refusal = findings([taken])[DisappearanceElement.refusal_to_acknowledge]
    assert refusal.satisfied
    assert refusal.evidence[0].kind == "act"
    assert refusal.evidence[0].description.endswith("Capture denied")


def test_acknowledged_custody_is_not_a_refusal() -> None:
    acknowledged = response(30, ResponseType.acknowledged_custody)
    result = findings([act(10)], [], [acknowledged])
    assert not result[DisappearanceElement.refusal_to_acknowledge].satisfied


def test_every_kind_of_refusal_counts() -> None:
    kinds = [
        ResponseType.denied_custody,
        ResponseType.no_response,
        ResponseType.refused_complaint,
        ResponseType.alternative_explanation,
    ]
    responses = [response(30 + i, kind) for i, kind in enumerate(kinds)]
    refusal = findings([act(10)], [], responses)[DisappearanceElement.refusal_to_acknowledge]
    assert [e.record_id for e in refusal.evidence] == [30, 31, 32, 33]


def test_deleted_records_are_not_evidence() -> None:
    taken = act(10)
    taken.deleted_at = utcnow()
    denial = response(30)
    denial.deleted_at = utcnow()
    assert not any(f.satisfied for f in disappearance_elements([taken], [involvement()], [denial]))
