"""The advocacy report over a search: HRDAG wording, unique-victim counts, charts, case table,
summaries, methodology and limits, and a table of contents right across parts."""

from __future__ import annotations

import re

import pytest

from app.services import records
from app.services.actor import Actor
from models.act import Involvement
from models.case import CasePerson
from models.enums import (
    ActType,
    Confidentiality,
    DossierAudience,
    DossierKind,
    PerpetratorType,
    PersonRole,
)
from models.partial_date import PartialDate, partial_date_columns
from tests.factories import make_act, make_case, make_person

ADVOCACY = DossierKind.advocacy
PER_PART = 10  # case summaries per rendered part in the parts test (the app uses more)


def _involve(db, act, kind: PerpetratorType) -> None:
    row = Involvement.model_validate(
        {"case_id": act.case_id, "act_id": act.id, "perpetrator_type": kind}
    )
    records.create(db, actor=Actor.system(), row=row, case_id=act.case_id)
    db.commit()


@pytest.fixture
def three_cases_two_victims(db):
    """Case A and B concern the same person; case C another; all publishable."""
    publishable = {"confidentiality": Confidentiality.publishable}
    a = make_case(db, **publishable)
    b = make_case(db, district="Awaran", **publishable)
    c = make_case(db, **publishable)
    shared = make_person(db, case=a, full_name="Baran Gichki")
    records.create(db, actor=Actor.system(), case_id=b.id, row=CasePerson.model_validate(
        {"case_id": b.id, "person_id": shared.id, "role": PersonRole.victim}))
    db.commit()
    other = make_person(db, case=c, full_name="Sadiq Rind")
    act_a = make_act(db, case=a, victim=shared)
    make_act(db, case=b, victim=shared, act_type=ActType.torture, district="Awaran",
             **partial_date_columns("start", PartialDate.from_parts(2025, 4, 2)))
    act_c = make_act(db, case=c, victim=other,
                     **partial_date_columns("start", PartialDate.from_parts(2024)))
    _involve(db, act_a, PerpetratorType.paramilitary)
    _involve(db, act_c, PerpetratorType.intelligence_agency)
    return a, b, c


def test_report_counts_unique_victims_in_hrdag_wording(three_cases_two_victims, render) -> None:
    cases = three_cases_two_victims
    pdf = render([c.id for c in cases], ADVOCACY, DossierAudience.internal)
    assert "At least 2 unique victims documented as of 26 November 2026" in pdf.text
    assert "This report covers 3 cases" in pdf.text
    assert "not estimates of prevalence or trends" in pdf.text


def test_report_has_charts_for_each_count(three_cases_two_victims, render) -> None:
    pdf = render([c.id for c in three_cases_two_victims], ADVOCACY, DossierAudience.internal)
    for title in ("Unique victims by type of act", "Unique victims by district",
                  "Unique victims by month of first documented act",
                  "Unique victims by alleged perpetrator type",
                  "Unique victims by current status"):
        assert title in pdf.text
    counts = pdf.text.split("Unique victims by type of act", 1)[1]
    assert re.search(r"Enforced disappearance\s+2", counts)
    assert re.search(r"Torture\s+1", counts)
    assert re.search(r"Paramilitary force \(e\.g\. Frontier Corps\)\s+1", pdf.text)
    assert "date known only to the year" in pdf.text  # case C's victim: 2024 only


def test_report_has_case_table_summaries_and_methodology(three_cases_two_victims, render):
    cases = three_cases_two_victims
    pdf = render([c.id for c in cases], ADVOCACY, DossierAudience.internal)
    table = pdf.text.split("Cases Case First act", 1)[1]
    for case in cases:
        assert case.reference in table
    summaries = pdf.text.split("Case summaries", 2)[2]
    for case in cases:
        assert f"{case.reference} — " in summaries
    assert "Inclusion rule." in pdf.text and "Deduplication." in pdf.text
    assert "counted once" in pdf.text
    assert "Limits." in pdf.text


def test_public_report_names_no_one_and_leaves_out_unpublishable_cases(db, render):
    visible = make_case(db, confidentiality=Confidentiality.publishable)
    hidden = make_case(db, confidentiality=Confidentiality.confidential,
                       title="A confidential case")
    for case, name in ((visible, "Baran Gichki"), (hidden, "Sadiq Rind")):
        make_act(db, case=case, victim=make_person(db, case=case, full_name=name))
    pdf = render([visible.id, hidden.id], ADVOCACY, DossierAudience.public)
    assert "At least 1 unique victim documented" in pdf.text
    assert "1 further case matching the selection is not in this public edition" in pdf.text
    assert hidden.reference not in pdf.text
    assert not pdf.shows("Baran Gichki") and not pdf.shows("Sadiq Rind")
    assert visible.reference in pdf.text


def test_table_of_contents_gives_the_printed_page_of_every_case_across_parts(db, render,
                                                                             monkeypatch):
    monkeypatch.setattr("reports.dossier.SUMMARIES_PER_PART", PER_PART)
    count = 2 * PER_PART + 5
    cases = []
    for number in range(count):
        case = make_case(db, title=f"Fictional case number {number}")
        make_act(db, case=case, victim=make_person(db, case=case))
        cases.append(case)
    pdf = render([c.id for c in cases], ADVOCACY, DossierAudience.internal)
    front = [p for p in pdf.pages if "Contents" in p or not re.search(r"page \d+ of \d+", p)]
    toc = re.sub(r"\s+", " ", " ".join(front))
    body = [p for p in pdf.pages if re.search(r"page \d+ of \d+", p)]
    checked = 0
    for case in (cases[0], cases[PER_PART - 1], cases[PER_PART], cases[-1]):
        heading = f"{case.reference} — {case.title}"
        listed = re.search(re.escape(heading) + r"[ .…]*?(\d+)(?!\d)", toc)
        assert listed, heading
        page = next(p for p in body if heading in re.sub(r"\s+", " ", p))
        printed = re.search(r"page (\d+) of (\d+)", page)
        assert printed and printed.group(1) == listed.group(1), heading
        checked += 1
    assert checked == 4
    last = re.search(r"page (\d+) of (\d+)", body[-1])
    assert last and last.group(1) == last.group(2) == str(len(body))
    # Rendered in parts, reporting cases rendered of the total after each.
    done = [d for d, _ in pdf.progress]
    assert {total for _, total in pdf.progress} == {count}
    assert [PER_PART, 2 * PER_PART, count] == [d for d in dict.fromkeys(done) if d]
    assert done == sorted(done)
