"""Redaction per audience, read back from the PDF: what each edition must never show, and
proof that the internal edition shows it (so these tests can fail)."""

from __future__ import annotations

import pytest

from models.enums import DossierAudience, DossierKind
from reports.context import CaseNotAdmitted, build_case_view
from reports.records import load_one_case
from reports.redaction import Scrubber, redact_for
from tests.dossiers.conftest import ORGANISATION
from tests.factories import make_full_case

CASE, WGEID = DossierKind.case, DossierKind.wgeid
INTERNAL, UN, PUBLIC = (
    DossierAudience.internal,
    DossierAudience.un_confidential,
    DossierAudience.public,
)


@pytest.mark.parametrize("kind", [CASE, WGEID])
def test_internal_edition_shows_every_protected_value(editions, kind) -> None:
    pdf = editions(kind, INTERNAL)
    markers = (
        editions.case.markers
        if kind is CASE
        else {
            k: v
            for k, v in editions.case.markers.items()
            if k.startswith("victim_")  # the WGEID draft is about the victim only
        }
    )
    missing = [name for name, value in markers.items() if not pdf.shows(value)]
    assert not missing


def test_public_dossier_hides_every_protected_value(editions) -> None:
    pdf = editions(CASE, PUBLIC)
    shown = [name for name, value in editions.case.markers.items() if pdf.shows(value)]
    assert not shown


@pytest.mark.parametrize("kind", [CASE, WGEID])
def test_un_edition_hides_what_the_un_may_not_see(editions, kind) -> None:
    pdf = editions(kind, UN)
    shown = [name for name, value in editions.case.hidden_from_un.items() if pdf.shows(value)]
    assert not shown


@pytest.mark.parametrize("kind", [CASE, WGEID])
def test_un_edition_names_the_victim_whose_family_consented_to_un_transmission(editions, kind):
    pdf = editions(kind, UN)
    assert pdf.shows(editions.case.markers["victim_name"])


def test_public_dossier_hides_witness_names_even_in_free_text(editions) -> None:
    pdf = editions(CASE, PUBLIC)
    witness = editions.case.markers["witness_name"]
    assert not pdf.shows(witness)
    assert not pdf.shows(witness.split()[0])
    assert "Witness testimony" in pdf.text  # the source stays, its identity does not
    assert "identity of the source withheld" in pdf.text


def test_public_dossier_uses_the_case_code_for_a_victim_without_public_consent(editions):
    pdf = editions(CASE, PUBLIC)
    reference = editions.case.case.reference
    assert f"Identified as {reference}" in pdf.text
    assert f"Enforced disappearance of {reference}" in pdf.text


def test_public_dossier_leaves_out_witnesses_and_precise_home_location(editions) -> None:
    pdf = editions(CASE, PUBLIC)
    assert "Witness (" not in pdf.text
    assert "Ward 3" not in pdf.text  # the act happened at the victim's home
    assert "Kech (Turbat)" in pdf.text  # the district stays


def test_protected_witness_is_not_named_for_the_un(editions) -> None:
    assert editions.case.witness.protected
    pdf = editions(CASE, UN)
    assert not pdf.shows(editions.case.markers["witness_name"])
    assert "Witness 1" in pdf.text


def test_redaction_happens_before_the_template_sees_anything(editions) -> None:
    # The HTML handed to WeasyPrint for the public edition already lacks every marker.
    html = editions.html[(CASE, PUBLIC)]
    assert not [name for name, value in editions.case.markers.items() if value in html]


def test_public_context_holds_no_protected_value(app, db) -> None:
    with app.app_context():
        case = make_full_case(db)
    records = load_one_case(db, case.case.id)
    assert records is not None
    from datetime import date

    view = build_case_view(records, PUBLIC, as_of=date(2026, 11, 26), organisation=ORGANISATION)
    flattened = repr(view)
    assert not [name for name, value in case.markers.items() if value in flattened]


def test_withdrawn_consent_names_no_one_in_public(editions) -> None:
    # The first consent allowed public naming but was withdrawn; the current one does not.
    assert any(c.public_naming and c.withdrawn_at for c in editions.case.consents)
    assert not editions(CASE, PUBLIC).shows(editions.case.markers["victim_name"])


def test_confidential_case_is_refused_for_public_and_un(app, db) -> None:
    from models.enums import Confidentiality

    with app.app_context():
        case = make_full_case(db)
    case.case.confidentiality = Confidentiality.confidential
    db.add(case.case)
    db.commit()
    records = load_one_case(db, case.case.id)
    assert records is not None
    from datetime import date

    for audience in (PUBLIC, UN):
        with pytest.raises(CaseNotAdmitted, match="confidential"):
            build_case_view(records, audience, as_of=date(2026, 11, 26), organisation="Org")
    assert build_case_view(records, INTERNAL, as_of=date(2026, 11, 26), organisation="Org")


def test_only_publishable_cases_go_to_the_public() -> None:
    from models.enums import Confidentiality

    public = redact_for(PUBLIC)
    assert public.admits(Confidentiality.publishable)
    assert not public.admits(Confidentiality.internal)
    assert not public.admits(Confidentiality.confidential)
    assert redact_for(UN).admits(Confidentiality.internal)


def test_scrubber_removes_names_and_their_distinctive_parts() -> None:
    scrub = Scrubber()
    scrub.add("Shahzaib Marri", "[withheld]")
    text = "Shahzaib Marri saw it. Later shahzaib said so. The Marri tribe lives in Kohlu."
    assert scrub.clean(text) == (
        "[withheld] saw it. Later [withheld] said so. The Marri tribe lives in Kohlu."
    )


def test_scrubber_keeps_words_of_names_the_edition_prints() -> None:
    scrub = Scrubber(keep={"Sasoli"})
    scrub.add("Zarina Sasoli")
    assert scrub.clean("Dilwash Sasoli's mother Zarina Sasoli") == (
        "Dilwash Sasoli's mother [withheld]"
    )


def test_scrubber_matches_whole_words_only() -> None:
    scrub = Scrubber()
    scrub.add("Hani Gul")
    assert scrub.clean("Hanif met Hani") == "Hanif met [withheld]"


def test_a_victim_who_consented_himself_stays_named_in_the_public_title_and_narrative(app, db):
    # Found on the demo data: the consent's "given by" is the victim's own name, and withholding
    # every consent giver turned a consented, named victim into "[withheld]" in the free text
    # while the profile printed his name.
    from datetime import date

    from models import Consent
    from models.enums import Confidentiality
    from tests.factories import make_case, make_person

    name = "Gulbahar Kenazai"
    with app.app_context():
        case = make_case(
            db,
            title=f"Arbitrary detention of {name}, Mastung",
            narrative=f"{name}, 19, a shopkeeper, was taken from his shop at night.",
            confidentiality=Confidentiality.publishable,
        )
        victim = make_person(db, case=case, full_name=name)
        db.add(
            Consent.model_validate(
                {
                    "person_id": victim.id,
                    "case_id": case.id,
                    "given_by": name,
                    "relation": "Self",
                    "given_on": date(2026, 1, 5),
                    "public_naming": True,
                    "un_transmission": True,
                }
            )
        )
        db.commit()
    records = load_one_case(db, case.id)
    assert records is not None
    view = build_case_view(records, PUBLIC, as_of=date(2026, 11, 26), organisation=ORGANISATION)
    flattened = repr(view)
    assert "[withheld]" not in flattened
    assert f"Arbitrary detention of {name}" in flattened
    assert f"{name}, 19, a shopkeeper" in flattened
