"""The people of a demo case: victims, the relative who reports, a witness, now and then a
named officer; each with the identifying and sensitive details documenters record."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from app.demo.draft import CaseDraft, Scenario, Victim, Workshop, weighted
from app.demo.names import (
    ETHNICITIES,
    FEMALE_OCCUPATIONS,
    OCCUPATIONS,
    DrawnName,
    draw_given,
    draw_name,
    latin_variants,
)
from app.demo.places import DEMO_DISTRICTS, SEIZURE_SETTINGS, Setting
from models import CasePerson, Person
from models.enums import LocationType, PersonRole, Sex
from models.partial_date import PartialDate, partial_date_columns

URDU_SHARE = 0.4  # people who also carry an Urdu-script spelling
_WOMEN_TAKEN = {Scenario.still_missing, Scenario.released_after_torture, Scenario.kill_and_dump}
_OLDER_TRADES = {"teacher": 22, "doctor": 26, "journalist": 21, "government employee": 21}
_RELATIONS = [
    ("Mother", Sex.female),
    ("Father", Sex.male),
    ("Brother", Sex.male),
    ("Sister", Sex.female),
    ("Wife", Sex.female),
    ("Uncle", Sex.male),
]


def add_people(w: Workshop, draft: CaseDraft) -> None:
    """The victims, the relative who reports the case, perhaps a witness and a named officer."""
    rng = w.rng
    scenario = draft.features.scenario
    count = rng.choice((2, 2, 3, 4)) if scenario is Scenario.group_disappearance else 1
    brothers = scenario is Scenario.group_disappearance and rng.random() < 0.5
    family = None
    for position in range(count):
        female = scenario in _WOMEN_TAKEN and rng.random() < 0.08
        sex = Sex.female if female else Sex.male
        name = draw_name(rng, sex, surname=family if brothers else None)
        family = family or name.surname
        if brothers and position:
            occupation = "student"
        else:
            occupation = weighted(rng, FEMALE_OCCUPATIONS if female else OCCUPATIONS)
        age = _age(w, occupation)
        person = _person(
            w,
            draft,
            name,
            sex,
            age=age,
            occupation=occupation,
            protected=scenario is Scenario.released_after_torture and rng.random() < 0.4,
            victim=True,
        )
        draft.victims.append(Victim(person, name, female, age, occupation))
        _role(w, draft, person, PersonRole.victim)
    draft.setting = _fitting_setting(w, draft)
    _relative(w, draft)
    if rng.random() < 0.6 or draft.features.protected_witness:
        _witness(w, draft)
    if rng.random() < 0.04 and draft.force_key in {"ctd", "levies", "police"}:
        _named_officer(w, draft)


def _person(
    w: Workshop,
    draft: CaseDraft,
    name: DrawnName,
    sex: Sex,
    *,
    age: int | None = None,
    occupation: str | None = None,
    protected: bool = False,
    victim: bool = False,
    contact: bool = False,
) -> dict[str, Any]:
    rng = w.rng
    other_names = latin_variants(name.full_name) if rng.random() < 0.5 else []
    if draft.features.urdu_names or rng.random() < URDU_SHARE:
        other_names.append(name.urdu)
    father = draw_given(rng)
    birth = PartialDate.unknown()
    if age is not None and rng.random() < 0.7:
        born = draft.incident - timedelta(days=365 * age + rng.randint(0, 364))
        birth = (
            PartialDate.exact(born)
            if rng.random() < 0.4
            else PartialDate.from_parts(born.year, estimated=rng.random() < 0.5)
        )
    home = (
        draft.district
        if rng.random() < 0.85
        else weighted(rng, [(d, d.weight) for d in DEMO_DISTRICTS])
    )
    return w.add(
        Person,
        draft,
        full_name=name.full_name,
        other_names="\n".join(other_names),
        father_name=f"{father[0]} {name.surname[0]}" if rng.random() < 0.95 else None,
        sex=sex,
        age_at_incident=age,
        occupation=occupation,
        affiliation=_affiliation(w, occupation) if victim else None,
        ethnicity=weighted(rng, ETHNICITIES),
        home_district=home.label,
        home_address=(
            f"House {rng.randint(1, 250)}, Ward {rng.randint(1, 12)}, {rng.choice(home.towns)}"
            if rng.random() < 0.5
            else None
        ),
        national_id=cnic(w, home.province) if rng.random() < 0.6 else None,
        contact=phone(w) if contact else None,
        protected=protected,
        **partial_date_columns("birth", birth),
    )


def _role(
    w: Workshop,
    draft: CaseDraft,
    person: dict[str, Any],
    role: PersonRole,
    relation: str | None = None,
) -> None:
    w.add(
        CasePerson,
        draft,
        case_id=draft.case_id,
        person_id=person["id"],
        role=role,
        relation_to_victim=relation,
    )


def _relative(w: Workshop, draft: CaseDraft) -> None:
    victim = draft.victims[0]
    relation, sex = w.rng.choice(_RELATIONS)
    if victim.female and relation == "Wife":
        relation, sex = "Husband", Sex.male
    surname = None if relation in {"Wife", "Husband"} else victim.name.surname
    name = draw_name(w.rng, sex, surname=surname)
    person = _person(w, draft, name, sex, contact=True, protected=w.rng.random() < 0.15)
    _role(w, draft, person, PersonRole.relative, relation)
    draft.relative, draft.relation = person, relation


def _witness(w: Workshop, draft: CaseDraft) -> None:
    rng = w.rng
    sex = Sex.female if rng.random() < 0.25 else Sex.male
    protected = rng.random() < 0.6 or draft.features.protected_witness
    person = _person(w, draft, draw_name(rng, sex), sex, protected=protected, contact=True)
    relation = rng.choice(["Neighbour", "Fellow passenger", "Shopkeeper nearby", "Classmate"])
    _role(w, draft, person, PersonRole.witness, relation)
    draft.witness = person


def _named_officer(w: Workshop, draft: CaseDraft) -> None:
    rank = w.rng.choice(["Inspector", "Sub-Inspector", "Risaldar"])
    name = draw_name(w.rng, Sex.male)
    person = _person(
        w,
        draft,
        DrawnName(f"{rank} {name.full_name}", name.urdu, name.surname),
        Sex.male,
        occupation=f"{rank} ({draft.force_key.upper()})",
    )
    _role(w, draft, person, PersonRole.perpetrator)
    draft.perpetrator = person


def _fitting_setting(w: Workshop, draft: CaseDraft) -> Setting:
    """The drawn place of seizure, unless it does not fit the victim (a hostel for a farmer)."""
    first = draft.victims[0]
    unfit = (
        draft.setting.location_type is LocationType.university and first.occupation != "student"
    ) or (draft.setting.location_type is LocationType.shop_or_market and first.female)
    while unfit:
        setting = weighted(w.rng, SEIZURE_SETTINGS)
        if setting.location_type not in {LocationType.university, LocationType.shop_or_market}:
            return setting
    return draft.setting


def _age(w: Workshop, occupation: str) -> int:
    if occupation == "student":
        return w.rng.randint(16, 26)
    youngest = _OLDER_TRADES.get(occupation, 17)
    return max(youngest, min(70, int(w.rng.gauss(30, 9))))


def _affiliation(w: Workshop, occupation: str | None) -> str | None:
    if occupation == "student" and w.rng.random() < 0.3:
        return "Member of a Baloch students' organisation"
    if occupation == "political worker":
        return "Worker of a nationalist political party"
    return None


def cnic(w: Workshop, province: str) -> str:
    """A CNIC-shaped number (12345-1234567-1) whose first digit is the issuing province's."""
    region = "4" if province == "Sindh" else "5"
    rng = w.rng
    return f"{region}{rng.randint(1000, 6999)}-{rng.randint(1000000, 9999999)}-{rng.randint(1, 9)}"


def phone(w: Workshop) -> str:
    """A Pakistani mobile number shape on network code 399, which no operator uses."""
    return f"+92-399-{w.rng.randint(1000000, 9999999)}"
