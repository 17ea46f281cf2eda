"""The index follows every committed write, however it is made, and `casebook reindex`
rebuilds it from the records."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import select

from app.search.index import rebuild_index
from app.services import records
from models import Act, CasePerson, Citation, Person, Source
from models.enums import SourceType
from tests.search.conftest import actor, titles
from tests.search.helpers import SYSTEM, add_case, add_person
from tests.search.test_query_language import TURBAT


def test_a_new_case_is_found_once_committed(app, db, search) -> None:
    with app.app_context():
        add_case(db, title="Raid in Mastung", narrative="Levies raided the house.")
    assert titles(search("Mastung")) == {"Raid in Mastung"}
    assert titles(search("Levies raided")) == {"Raid in Mastung"}


def test_an_edited_narrative_is_found_by_its_new_words_only(corpus, db, search) -> None:
    records.update(
        db,
        actor=SYSTEM,
        row=corpus.turbat,
        expected_version=None,
        changes={"narrative": "He was taken at the Hoshab checkpoint."},
    )
    db.commit()
    assert titles(search("Hoshab")) == {TURBAT}
    assert search("Frontier").total == 0


def test_a_rolled_back_edit_leaves_the_index_as_it_was(corpus, db, search) -> None:
    corpus.turbat.narrative = "Nothing about checkpoints."
    db.add(corpus.turbat)
    db.flush()
    db.rollback()
    assert titles(search("Frontier Corps")) == {TURBAT}


def test_renaming_a_person_reindexes_every_case_they_are_in(corpus, db, search) -> None:
    link = db.exec(select(CasePerson).where(CasePerson.case_id == corpus.turbat.id)).one()
    person = db.get(Person, link.person_id)
    records.update(
        db, actor=SYSTEM, row=person, expected_version=None, changes={"other_names": "Mamad Jan"}
    )
    db.commit()
    assert titles(search("Mamad Jan")) == {TURBAT}


def test_a_person_linked_later_makes_the_case_findable_by_name(corpus, db, search) -> None:
    witness = add_person(db, full_name="Gul Bibi")
    row = CasePerson.model_validate(
        {"case_id": corpus.khuzdar.id, "person_id": witness.id, "role": "witness"}
    )
    records.create(db, actor=SYSTEM, row=row, case_id=corpus.khuzdar.id)
    db.commit()
    assert search("Gul Bibi").total == 1


def test_a_source_edit_reaches_every_case_that_cites_it(corpus, db, search) -> None:
    source = records.create(
        db,
        actor=SYSTEM,
        row=Source.model_validate(
            {"source_type": SourceType.media_report, "title": "Daily Intikhab report"}
        ),
    )
    for case in (corpus.turbat, corpus.khuzdar):
        citation = Citation.model_validate({"case_id": case.id, "source_id": source.id})
        records.create(db, actor=SYSTEM, row=citation, case_id=case.id)
    db.commit()
    assert search("Intikhab").total == 2
    records.update(
        db,
        actor=SYSTEM,
        row=source,
        expected_version=None,
        changes={"title": "Balochistan Post report"},
    )
    db.commit()
    assert search("Intikhab").total == 0
    assert search("Balochistan Post").total == 2


def test_a_soft_deleted_act_no_longer_counts_in_facets(corpus, db, search) -> None:
    act = db.exec(select(Act).where(Act.case_id == corpus.khuzdar.id)).one()
    records.soft_delete(db, actor=actor(), row=act, case_id=corpus.khuzdar.id)
    db.commit()
    facet = next(f for f in search().facets if f.key == "act_type")
    assert "arrest" not in {option.value for option in facet.counts}


def test_rebuilding_gives_the_same_results_as_syncing(app, corpus, db, search) -> None:
    before = {text: titles(search(text)) for text in ("student", "mohd", "Khuz*", "-student")}
    with app.app_context():
        assert rebuild_index(db) == 4
        db.commit()
    assert {text: titles(search(text)) for text in before} == before


def test_the_reindex_command_rebuilds_an_index_that_lost_its_rows(
    corpus, db, runner, search
) -> None:
    db.connection().execute(sa.text("DELETE FROM search_case"))
    db.commit()
    assert search("Turbat").total == 0
    result = runner.invoke(args=["reindex"])
    assert result.exit_code == 0, result.output
    assert "4 cases" in result.output
    assert titles(search("Turbat")) == {TURBAT}
