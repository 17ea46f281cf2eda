"""The demo generator, without a database: deterministic, covering every edge, fictional."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import pytest

from app.demo.cases import DemoCaseGenerator, ReferenceCounter
from app.demo.names import KNOWN_REAL_PEOPLE, given_names, surnames
from app.demo.rows import DEMO_MODELS, IdAllocator, RowBatch, table_of
from models import Citation, OfficialResponse, Source
from models.enums import (
    KILLINGS,
    ActType,
    AlternativeExplanation,
    DatePrecision,
    PersonRole,
    ResponseType,
    SourceType,
)
from models.status import compute_violation_status
from models.vocabulary import DISTRICTS, FORCES

TODAY = date(2026, 11, 26)
URDU_LETTERS = set("ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنوہھءیےآ")


def generate(count: int, seed: int = 11, **kwargs: Any) -> RowBatch:
    generator = DemoCaseGenerator(seed=seed, ids=IdAllocator.fresh(), today=TODAY, **kwargs)
    everything = RowBatch()
    for batch in generator.batches(count, batch_size=7):
        everything.extend(batch)
    return everything


@pytest.fixture(scope="module")
def rows() -> dict[str, list[dict[str, Any]]]:
    return generate(60).rows


def test_the_same_seed_generates_the_same_cases() -> None:
    assert generate(25, seed=5).rows == generate(25, seed=5).rows


def test_another_seed_generates_other_cases() -> None:
    first, second = generate(25, seed=5).rows, generate(25, seed=6).rows
    assert [c["narrative"] for c in first["case_file"]] != [
        c["narrative"] for c in second["case_file"]
    ]


def test_every_kind_of_record_is_generated(rows) -> None:
    empty = [table for table, table_rows in rows.items() if not table_rows]
    assert not empty


def test_a_disappearance_is_followed_by_a_killing_of_the_same_victim(rows) -> None:
    acts = {act["id"]: act for act in rows["act"]}
    dumped = [
        (acts[act["follows_act_id"]], act)
        for act in rows["act"]
        if act["act_type"] is ActType.extrajudicial_killing and act["follows_act_id"]
    ]
    assert dumped, "no kill-and-dump case"
    for disappearance, killing in dumped:
        assert disappearance["act_type"] is ActType.enforced_disappearance
        assert disappearance["victim_id"] == killing["victim_id"]
        assert disappearance["start_earliest"] is None or (
            disappearance["start_earliest"] <= killing["start_latest"]
        )


def test_killings_carry_the_death_details(rows) -> None:
    killings = [act for act in rows["act"] if act["act_type"] in KILLINGS]
    assert killings
    for act in killings:
        assert act["cause_of_death"] and act["manner_of_death"] and act["body_found_place"]


def test_some_cases_have_several_victims(rows) -> None:
    victims = Counter(
        link["case_id"] for link in rows["case_person"] if link["role"] is PersonRole.victim
    )
    assert max(victims.values()) >= 2
    assert min(victims.values()) == 1


def test_every_date_precision_appears_and_some_dates_are_estimated(rows) -> None:
    precisions = {act["start_precision"] for act in rows["act"]}
    assert precisions == set(DatePrecision)
    assert any(act["start_estimated"] for act in rows["act"])
    for act in rows["act"]:
        if act["start_precision"] is DatePrecision.month:
            assert act["start_earliest"].day == 1 and act["start_latest"].month == (
                act["start_earliest"].month
            )


def test_a_consent_is_withdrawn_and_others_grant_different_scopes(rows) -> None:
    consents = rows["consent"]
    assert any(c["withdrawn_at"] for c in consents)
    scopes = {(c["un_transmission"], c["public_naming"], c["photo_publication"]) for c in consents}
    assert len(scopes) >= 3


def test_some_people_carry_an_urdu_script_spelling(rows) -> None:
    urdu = [p for p in rows["person"] if set(p["other_names"]) & URDU_LETTERS]
    assert urdu
    assert any("\n" in p["other_names"] for p in rows["person"]), "no second Latin spelling"


def test_protected_witnesses_have_contacts_and_cnic_shaped_ids(rows) -> None:
    people = {p["id"]: p for p in rows["person"]}
    witnesses = [
        people[link["person_id"]]
        for link in rows["case_person"]
        if link["role"] is PersonRole.witness
    ]
    protected = [w for w in witnesses if w["protected"]]
    assert protected
    for witness in protected:
        assert witness["contact"].startswith("+92-399-")
    ids = [p["national_id"] for p in rows["person"] if p["national_id"]]
    assert ids
    for national_id in ids:
        first, middle, last = national_id.split("-")
        assert (len(first), len(middle), len(last)) == (5, 7, 1)


def test_interventions_include_overdue_and_upcoming_next_actions(rows) -> None:
    dates = [i["next_action_date"] for i in rows["intervention"] if i["next_action_date"]]
    assert any(day < TODAY for day in dates)
    assert any(day >= TODAY for day in dates)


def test_the_state_denies_stays_silent_explains_and_acknowledges(rows) -> None:
    types = {r["response_type"] for r in rows["official_response"]}
    assert {
        ResponseType.denied_custody,
        ResponseType.alternative_explanation,
        ResponseType.acknowledged_custody,
    } <= types
    explanations = {r["alternative_explanation"] for r in rows["official_response"]}
    assert AlternativeExplanation.killed_in_encounter in explanations


def test_recorded_responses_point_at_the_citation_that_records_them() -> None:
    batch = generate(30)
    citations = {c["id"]: c for c in batch.rows["citation"]}
    assert batch.response_citations
    for response_id, citation_id in batch.response_citations:
        assert citations[citation_id]["response_id"] == response_id


def test_sources_of_every_main_type_are_graded_and_some_share_an_independence_key(rows) -> None:
    types = {s["source_type"] for s in rows["source"]}
    assert {
        SourceType.relative_testimony,
        SourceType.witness_testimony,
        SourceType.media_report,
        SourceType.court_record,
        SourceType.official_statement,
    } <= types
    assert all(s["reliability"] for s in rows["source"])
    keys = Counter(c["independence_key"] for c in rows["citation"] if c["independence_key"])
    assert max(keys.values()) >= 2


def test_perpetrators_come_from_the_force_vocabulary_with_a_basis_for_attribution(rows) -> None:
    forces = {label for _, label in FORCES}
    for involvement in rows["involvement"]:
        assert involvement["force"] in forces
        assert involvement["basis_for_attribution"]


def test_districts_are_real_district_terms(rows) -> None:
    districts = {label for _, label in DISTRICTS}
    assert {c["district"] for c in rows["case_file"]} <= districts
    assert {a["district"] for a in rows["act"]} <= districts


def test_all_names_come_from_the_fictional_pools_and_none_is_a_known_person() -> None:
    given, family = given_names(), surnames()
    for person in generate(300).rows["person"]:
        name = person["full_name"]
        assert name.casefold() not in KNOWN_REAL_PEOPLE
        for rank in ("Inspector ", "Sub-Inspector ", "Risaldar "):  # named officers
            name = name.removeprefix(rank)
        assert any(
            name.endswith(f" {surname}") and name[: -len(surname) - 1] in given
            for surname in family
        ), name


def test_the_violation_status_is_the_rules_verdict_on_the_generated_citations(rows) -> None:
    statuses = Counter(case["computed_status"] for case in rows["case_file"])
    assert len(statuses) == 4, statuses
    for case in rows["case_file"]:
        case_citations = [c for c in rows["citation"] if c["case_id"] == case["id"]]
        source_ids = {c["source_id"] for c in case_citations}
        finding = compute_violation_status(
            [Citation.model_validate(c) for c in case_citations],
            [Source.model_validate(s) for s in rows["source"] if s["id"] in source_ids],
            [
                OfficialResponse.model_validate(r)
                for r in rows["official_response"]
                if r["case_id"] == case["id"]
            ],
        )
        assert case["computed_status"] is finding.status
        shown = case["status_override"] or case["computed_status"]
        assert case["violation_status"] is shown
    assert any(case["status_override_reason"] for case in rows["case_file"])


def test_references_are_numbered_per_year_after_those_in_use() -> None:
    counter = ReferenceCounter.from_references(["BAL-2024-0041", "BAL-2024-0007", "OTHER-1"])
    assert counter.next(2024) == "BAL-2024-0042"
    assert counter.next(2025) == "BAL-2025-0001"
    references = [c["reference"] for c in generate(40).rows["case_file"]]
    assert len(set(references)) == len(references)


def test_ids_continue_after_those_already_used() -> None:
    start = {table_of(model).name: 1000 for model in DEMO_MODELS}
    generator = DemoCaseGenerator(seed=1, ids=IdAllocator(start), today=TODAY)
    batch = next(generator.batches(3))
    assert min(case["id"] for case in batch.rows["case_file"]) == 1000
    assert all(row["id"] >= 1000 for rows in batch.rows.values() for row in rows)


def test_a_protected_victim_is_not_named_in_the_title_or_narrative(rows) -> None:
    people = {p["id"]: p for p in rows["person"]}
    checked = 0
    for link in rows["case_person"]:
        person = people[link["person_id"]]
        if link["role"] is PersonRole.victim and person["protected"]:
            case = next(c for c in rows["case_file"] if c["id"] == link["case_id"])
            assert person["full_name"] not in case["title"]
            assert person["full_name"] not in case["narrative"]
            checked += 1
    assert checked


def test_text_fits_its_columns(rows) -> None:
    for model in DEMO_MODELS:
        table = table_of(model)
        limits = {c.name: c.type.length for c in table.c if getattr(c.type, "length", None)}
        for row in rows[table.name]:
            for column, limit in limits.items():
                value = row[column]
                if isinstance(value, str):
                    assert len(value) <= limit, (table.name, column, value)
