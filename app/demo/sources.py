"""Where a demo case's information comes from, and what the authorities answered.

Sources are graded (reliability A–F) and cited with a credibility grade (1–6). Testimonies
that trace back to one family share an independence key, so they count once; a media report
that only relays the family's press conference shares it too. Every official response that a
document records gets that document as a source and a citation pointing back at it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from app.demo import stories
from app.demo.acts import names_text
from app.demo.draft import CaseDraft, Scenario, Workshop, weighted
from models import Citation, OfficialResponse, Source
from models.enums import (
    KILLINGS,
    AlternativeExplanation,
    Credibility,
    DatePrecision,
    Reliability,
    ResponseChannel,
    ResponseType,
    SourceConnection,
    SourceType,
    SupportedFact,
)
from models.partial_date import PartialDate, partial_date_columns

# Testimonies name who recorded them; who gave them is the protected `person_id` link.
FIELD_DOCUMENTER = "Field documenter, Casebook demo organisation"


def add_sources(w: Workshop, draft: CaseDraft) -> None:
    """The family's testimony, and as the case goes: a witness, the press, an NGO report…"""
    rng = w.rng
    family_key = f"family-{draft.case_id}"
    published = w.date(w.later(draft.incident, 1, 30), DatePrecision.day)
    relative = draft.relative
    assert relative is not None, "people come before sources"
    testimony = _source(
        w,
        draft,
        SourceType.relative_testimony,
        f"Interview with the victim's {draft.relation.lower()}",
        author=FIELD_DOCUMENTER,
        language=rng.choice(["Balochi", "Urdu", "Brahui"]),
        connection=SourceConnection.relative,
        reliability=weighted(rng, [(Reliability.B, 3), (Reliability.C, 2)]),
        person_id=relative["id"],
        **partial_date_columns("published", published),
    )
    _cite(
        w,
        draft,
        testimony,
        SupportedFact.arrest,
        _grade(w, (1, 5, 2, 1)),
        key=family_key,
        excerpt=draft.story[0],
    )
    if draft.involvements:
        _cite(
            w,
            draft,
            testimony,
            SupportedFact.perpetrators,
            _grade(w, (0, 3, 3, 1)),
            key=family_key,
            involvement_id=draft.involvements[0]["id"],
        )
    if rng.random() < 0.25:
        affidavit = _source(
            w,
            draft,
            SourceType.affidavit,
            f"Affidavit of the victim's {draft.relation.lower()}",
            connection=SourceConnection.relative,
            reliability=Reliability.B,
            person_id=relative["id"],
            language="Urdu",
        )
        # The affidavit repeats the family's account: it shares their key.
        _cite(w, draft, affidavit, SupportedFact.arrest, Credibility.probably_true, key=family_key)
    if draft.witness is not None:
        witness = _source(
            w,
            draft,
            SourceType.witness_testimony,
            "Testimony of an eyewitness",
            author=FIELD_DOCUMENTER,
            connection=SourceConnection.witness,
            reliability=weighted(rng, [(Reliability.B, 2), (Reliability.C, 2)]),
            person_id=draft.witness["id"],
            language="Balochi",
            **partial_date_columns("published", published),
        )
        _cite(
            w,
            draft,
            witness,
            SupportedFact.arrest,
            _grade(w, (1, 4, 2, 1)),
            key=f"witness-{draft.witness['id']}",
        )
    if rng.random() < 0.45 or draft.features.media_report:
        _media_report(w, draft, published, family_key)
    if rng.random() < 0.2:
        _ngo_report(w, draft)
    if rng.random() < 0.1:
        post = _source(
            w,
            draft,
            SourceType.social_media_post,
            "Video posted by the family",
            url=f"https://social.example.org/post/{draft.case_id}",
            connection=SourceConnection.relative,
            reliability=Reliability.F,
        )
        _cite(w, draft, post, SupportedFact.identity, Credibility.cannot_judge, key=family_key)
    if any(act["act_type"] in KILLINGS for act in draft.all_acts) and rng.random() < 0.6:
        report = _source(
            w,
            draft,
            SourceType.autopsy_report,
            f"Post-mortem report, civil hospital {draft.town}",
            author="Medico-legal officer",
            connection=SourceConnection.medical,
            reliability=Reliability.A,
            language="English",
        )
        _cite(w, draft, report, SupportedFact.death, _grade(w, (3, 2, 0, 0)))
    if draft.features.own_investigation or rng.random() < 0.06:
        visit = _source(
            w,
            draft,
            SourceType.own_investigation,
            f"Field visit to {draft.town}",
            author=FIELD_DOCUMENTER,
            connection=SourceConnection.ngo,
            reliability=Reliability.A,
            language="English",
            notes="The documenter met the family and two neighbours and saw the FIR register.",
        )
        _cite(w, draft, visit, SupportedFact.arrest, Credibility.confirmed)
    if draft.features.contradicting_source:
        contrary = _source(
            w,
            draft,
            SourceType.witness_testimony,
            "Statement of a neighbour",
            author=FIELD_DOCUMENTER,
            connection=SourceConnection.witness,
            reliability=Reliability.C,
            notes="Says he was seen alive in Karachi after the alleged arrest.",
        )
        _cite(
            w,
            draft,
            contrary,
            SupportedFact.arrest,
            Credibility.probably_true,
            contradicts=True,
            excerpt="I saw him at a tea stall in Karachi.",
        )


def _media_report(w: Workshop, draft: CaseDraft, published: PartialDate, family_key: str) -> None:
    rng = w.rng
    first = draft.victims[0]
    # A protected victim's name stays out of titles, which dossiers print.
    who = names_text(draft) if first.person["protected"] else first.name.full_name
    media = _source(
        w,
        draft,
        SourceType.media_report,
        f"Family protests disappearance of {who}",
        author=rng.choice(stories.OUTLETS),
        url=f"https://news.example.org/{draft.case_id}/family-protest",
        archive_url=f"https://archive.example.org/news/{draft.case_id}",
        language="English",
        connection=SourceConnection.reporter,
        reliability=weighted(rng, [(Reliability.B, 1), (Reliability.C, 2)]),
        **partial_date_columns("published", published),
    )
    # A report that only relays the family's press conference is not independent of them.
    relays_family = rng.random() < 0.5
    _cite(
        w,
        draft,
        media,
        SupportedFact.arrest,
        _grade(w, (0, 3, 3, 1)),
        key=family_key if relays_family else None,
    )


def _ngo_report(w: Workshop, draft: CaseDraft) -> None:
    month = w.date(w.later(draft.incident, 20, 60), DatePrecision.month)
    report = _source(
        w,
        draft,
        SourceType.ngo_report,
        f"Monthly report on enforced disappearances, {month}",
        author=w.rng.choice(stories.NGOS),
        language="English",
        connection=SourceConnection.ngo,
        reliability=Reliability.B,
        url=f"https://ngo.example.org/reports/{month.earliest}",
        **partial_date_columns("published", month),
    )
    _cite(
        w,
        draft,
        report,
        SupportedFact.arrest,
        Credibility.probably_true,
        locator=f"p. {w.rng.randint(3, 40)}",
    )


def _source(
    w: Workshop, draft: CaseDraft, source_type: SourceType, title: str, **values: Any
) -> dict[str, Any]:
    row = w.add(Source, draft, source_type=source_type, title=title, **values)
    draft.sources.append(row)
    return row


def _cite(
    w: Workshop,
    draft: CaseDraft,
    source: dict[str, Any],
    fact: SupportedFact,
    credibility: Credibility | None,
    *,
    key: str | None = None,
    **values: Any,
) -> dict[str, Any]:
    values.setdefault("locator", w.rng.choice(["p. 1", "p. 2", "para. 4", "00:03:15", None]))
    row = w.add(
        Citation,
        draft,
        case_id=draft.case_id,
        source_id=source["id"],
        fact=fact,
        act_id=draft.first_act["id"],
        credibility=credibility,
        independence_key=key,
        **values,
    )
    draft.citations.append(row)
    return row


def _grade(w: Workshop, weights: tuple[int, int, int, int]) -> Credibility | None:
    """A credibility grade 1, 2 or 3, or none yet, in the given proportions."""
    return weighted(
        w.rng,
        [
            (Credibility.confirmed, weights[0]),
            (Credibility.probably_true, weights[1]),
            (Credibility.possibly_true, weights[2]),
            (None, weights[3]),
        ],
    )


# --- the state's answers -------------------------------------------------------------------------


def add_responses(w: Workshop, draft: CaseDraft) -> None:
    """What the authorities answered: a denial, silence, a refusal, an "encounter" story…"""
    rng = w.rng
    scenario = draft.features.scenario
    authority = stories.AUTHORITY
    later = w.later(draft.incident, 10, 200)
    if scenario in {Scenario.kill_and_dump, Scenario.encounter_killing}:
        _response(
            w,
            draft,
            authority["ctd"],
            ResponseType.alternative_explanation,
            alternative_explanation=AlternativeExplanation.killed_in_encounter,
            day=w.later(draft.incident, 15, 300),
            text=rng.choice(stories.ENCOUNTER_STATEMENTS).format(
                town=draft.town, count=rng.choice(["two", "three", "four", "five"])
            ),
            channel=ResponseChannel.press_statement,
            record=(SourceType.official_statement, "CTD press release"),
        )
    elif scenario is Scenario.acknowledged_arrest:
        _response(
            w,
            draft,
            authority["bhc"] if rng.random() < 0.5 else authority["ctd"],
            ResponseType.acknowledged_custody,
            day=later,
            text=rng.choice(stories.ACKNOWLEDGEMENTS),
            channel=ResponseChannel.court_hearing,
            record=(SourceType.court_record, "Order of the Balochistan High Court"),
        )
    elif scenario is Scenario.death_in_custody:
        _response(
            w,
            draft,
            authority["police"],
            ResponseType.acknowledged_denied_responsibility,
            day=later,
            text="The accused fell ill in the lock-up and died on the way to hospital. No police "
            "official is at fault.",
            channel=ResponseChannel.press_statement,
        )
    else:
        _refusal(w, draft, later)


def _refusal(w: Workshop, draft: CaseDraft, later: date) -> None:
    rng = w.rng
    authority = stories.AUTHORITY
    roll = rng.random()
    if roll < 0.5 or draft.features.denial:
        court_reply = (SourceType.court_record, "Reply filed before the Balochistan High Court")
        _response(
            w,
            draft,
            weighted(rng, [(authority["fc"], 3), (authority["home"], 2), (authority["moi"], 1)]),
            ResponseType.denied_custody,
            day=later,
            text=rng.choice(stories.DENIALS),
            channel=ResponseChannel.court_hearing,
            record=court_reply if rng.random() < 0.5 or draft.features.denial else None,
        )
    elif roll < 0.8:
        letter = PartialDate.exact(draft.incident + timedelta(days=5))
        _response(
            w,
            draft,
            authority["home"],
            ResponseType.no_response,
            day=later,
            text=rng.choice(stories.NO_RESPONSE).format(date=letter),
            channel=ResponseChannel.written_reply,
        )
    elif roll < 0.92:
        _response(
            w,
            draft,
            authority["police"],
            ResponseType.refused_complaint,
            day=w.later(draft.incident, 1, 5),
            text=rng.choice(stories.REFUSED_COMPLAINT),
            channel=ResponseChannel.verbal,
        )
    if rng.random() < 0.08:
        _response(
            w,
            draft,
            authority["ispr"],
            ResponseType.alternative_explanation,
            alternative_explanation=weighted(
                rng,
                [
                    (AlternativeExplanation.joined_militants, 2),
                    (AlternativeExplanation.went_abroad, 1),
                ],
            ),
            day=later,
            text="The person is reported to have joined a banned outfit and to be hiding in the "
            "mountains.",
            channel=ResponseChannel.media,
        )


def _response(
    w: Workshop,
    draft: CaseDraft,
    authority: str,
    response_type: ResponseType,
    *,
    day: date,
    text: str,
    channel: ResponseChannel,
    record: tuple[SourceType, str] | None = None,
    **values: Any,
) -> dict[str, Any]:
    """An official response; when `record` names a document, that document as its source."""
    responded = w.date(day, DatePrecision.day)
    row = w.add(
        OfficialResponse,
        draft,
        case_id=draft.case_id,
        act_id=draft.first_act["id"],
        authority=authority,
        channel=channel,
        response_type=response_type,
        verbatim_text=text,
        **partial_date_columns("responded", responded),
        **values,
    )
    draft.responses.append(row)
    if record is not None:
        source_type, title = record
        source = _source(
            w,
            draft,
            source_type,
            title,
            author=authority,
            connection=SourceConnection.official,
            reliability=weighted(w.rng, [(Reliability.A, 1), (Reliability.B, 1)]),
            **partial_date_columns("published", responded),
        )
        fact = (
            SupportedFact.whereabouts
            if response_type is ResponseType.acknowledged_custody
            else SupportedFact.denial
        )
        citation = _cite(
            w, draft, source, fact, Credibility.confirmed, response_id=row["id"], excerpt=text
        )
        w.batch.response_citations.append((row["id"], citation["id"]))
    return row
