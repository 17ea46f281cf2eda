"""What was done to each victim of a demo case, by whom, and the narrative that tells it.

One function per scenario adds a victim's acts; a "kill and dump" or a death in custody adds
a killing act whose `follows_act_id` points back at the disappearance or arrest.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.demo import stories
from app.demo.draft import CaseDraft, Scenario, Victim, Workshop, weighted
from app.demo.places import BODY_SETTINGS, DETENTION_PLACES, Setting
from models import Act, Involvement
from models.enums import (
    ActType,
    Autopsy,
    DatePrecision,
    DeathCertificate,
    InvolvementDegree,
    LocationType,
    MannerOfDeath,
    VictimStatus,
    Whereabouts,
)
from models.partial_date import PartialDate, partial_date_columns

SECRET_PLACE = Setting(LocationType.secret_place, "in a secret place of detention")


def add_acts(w: Workshop, draft: CaseDraft) -> None:
    """Each victim's acts, following the case's scenario, and the opening of the narrative."""
    rng = w.rng
    features = draft.features
    start = w.date(draft.incident, features.precision, features.estimated)
    first = draft.victims[0]
    several = len(draft.victims) > 1
    words = stories.pronouns(female=first.female, several=several)
    taken = draft.setting.phrase.format(town=draft.town).replace("his ", f"{words['his']} ")
    force = stories.FORCES_BY_KEY[draft.force_key]
    by = force.described_as.format(vehicles=rng.choice(stories.VEHICLES))
    names = capitalised(names_text(draft))
    if several:
        draft.story.append(f"{names} were taken together {taken} {on(start)} by {by}.")
    elif first.person["protected"]:
        draft.story.append(f"{names}, aged {first.age}, was taken {taken} {on(start)} by {by}.")
    else:
        draft.story.append(
            f"{names}, {first.age}, a {first.occupation} from {draft.town}, was taken {taken} "
            f"{on(start)} by {by}."
        )
    for victim in draft.victims:
        _SCENARIO_ACTS[features.scenario](w, draft, victim, start)
    if rng.random() < 0.05:
        draft.story.append(rng.choice(stories.URDU_SENTENCES))


def add_perpetrators(w: Workshop, draft: CaseDraft) -> None:
    """An involvement of the alleged force in every act, with the basis for attribution."""
    if draft.perpetrator is not None:
        named = draft.perpetrator["full_name"]
        draft.story.append(f"The family names {named} as the officer in charge.")
    for act in draft.all_acts:
        keys = [draft.force_key]
        if draft.force_key == "plain_clothes" and w.rng.random() < 0.5:
            keys.append("fc")  # plain clothes with uniformed FC standing by
        for key in keys:
            _involvement(w, draft, act, stories.FORCES_BY_KEY[key], primary=key == keys[0])


def _involvement(
    w: Workshop, draft: CaseDraft, act: dict[str, Any], force: stories.Force, *, primary: bool
) -> None:
    rng = w.rng
    fill = {"town": draft.town, "vehicles": rng.choice(stories.VEHICLES)}
    degree = InvolvementDegree.present
    if primary:
        degree = weighted(
            rng,
            [
                (InvolvementDegree.carried_out, 5),
                (InvolvementDegree.suspected, 3),
                (InvolvementDegree.present, 1),
            ],
        )
    row = w.add(
        Involvement,
        draft,
        case_id=draft.case_id,
        act_id=act["id"],
        perpetrator_type=force.perpetrator_type,
        force=force.label,
        unit_name=rng.choice(force.units).format(**fill) if force.units else None,
        degree=degree,
        basis_for_attribution=rng.choice(force.bases).format(**fill),
        perpetrator_person_id=(
            draft.perpetrator["id"] if draft.perpetrator is not None and primary else None
        ),
    )
    draft.involvements.append(row)


def _act(
    w: Workshop,
    draft: CaseDraft,
    victim: Victim,
    act_type: ActType,
    *,
    start: PartialDate,
    end: PartialDate | None = None,
    setting: Setting | None = None,
    **values: Any,
) -> dict[str, Any]:
    rng = w.rng
    centre = draft.district.centre
    precise = centre is not None and rng.random() < 0.5
    row = w.add(
        Act,
        draft,
        case_id=draft.case_id,
        victim_id=victim.person["id"],
        act_type=act_type,
        place_name=draft.town,
        district=draft.district.label,
        province=draft.district.province,
        latitude=round(centre[0] + rng.uniform(-0.2, 0.2), 4) if precise and centre else None,
        longitude=round(centre[1] + rng.uniform(-0.2, 0.2), 4) if precise and centre else None,
        location_type=(setting or draft.setting).location_type,
        **partial_date_columns("start", start),
        **partial_date_columns("end", end or PartialDate.unknown()),
        **values,
    )
    victim.acts.append(row)
    return row


# --- one function per scenario -----------------------------------------------------------------


def _still_missing(w: Workshop, draft: CaseDraft, victim: Victim, start: PartialDate) -> None:
    words = stories.pronouns(female=victim.female)
    _act(
        w,
        draft,
        victim,
        ActType.enforced_disappearance,
        start=start,
        whereabouts=weighted(
            w.rng,
            [
                (Whereabouts.capture_denied, 6),
                (Whereabouts.unknown, 3),
                (Whereabouts.location_not_disclosed, 1),
            ],
        ),
        victim_status=VictimStatus.still_missing,
        description="Taken {taken}; {his} whereabouts remain unknown.".format(
            taken=draft.setting.phrase.format(town=draft.town), **words
        ),
    )
    if victim is draft.victims[0]:
        several = stories.pronouns(female=victim.female, several=len(draft.victims) > 1)
        draft.story.append(
            "Since then the family has had no news of {him}; the authorities deny holding "
            "{him}.".format(**several)
        )


def _group(w: Workshop, draft: CaseDraft, victim: Victim, start: PartialDate) -> None:
    if victim is draft.victims[0] or w.rng.random() < 0.6:
        _still_missing(w, draft, victim, start)
    else:
        _released(w, draft, victim, start, torture=False)


def _released(
    w: Workshop, draft: CaseDraft, victim: Victim, start: PartialDate, *, torture: bool = True
) -> None:
    end = w.date(w.later(draft.incident, 10, 400), draft.features.precision)
    _act(
        w,
        draft,
        victim,
        ActType.enforced_disappearance,
        start=start,
        end=end,
        whereabouts=Whereabouts.capture_denied,
        victim_status=VictimStatus.released,
        description="Disappeared, then released without charge.",
    )
    words = stories.pronouns(female=victim.female)
    account = w.rng.choice(stories.TORTURE_ACCOUNTS).format(**words)
    if torture:
        _act(
            w,
            draft,
            victim,
            ActType.torture,
            start=start,
            end=end,
            setting=SECRET_PLACE,
            whereabouts=Whereabouts.capture_denied,
            victim_status=VictimStatus.released,
            description=account,
        )
    if victim is draft.victims[0]:
        draft.story.append(
            f"{words['He']} was released {on(end)} near {draft.town}, blindfolded, after being "
            f"held in a place {words['he']} could not identify."
            + (f" {account}" if torture else "")
        )
    elif not torture:
        draft.story.append(f"{victim.name.full_name} was released {on(end)}.")


def _kill_and_dump(w: Workshop, draft: CaseDraft, victim: Victim, start: PartialDate) -> None:
    rng = w.rng
    disappearance = _act(
        w,
        draft,
        victim,
        ActType.enforced_disappearance,
        start=start,
        whereabouts=Whereabouts.capture_denied,
        victim_status=VictimStatus.found_dead,
        description="Disappeared; found dead weeks or months later.",
    )
    precision = DatePrecision.day if rng.random() < 0.8 else DatePrecision.month
    found = w.date(w.later(draft.incident, 15, 300), precision)
    disappearance.update(partial_date_columns("end", found))
    body = weighted(rng, BODY_SETTINGS)
    body_place = body.phrase.format(town=draft.town)
    _act(
        w,
        draft,
        victim,
        ActType.extrajudicial_killing,
        start=found,
        setting=body,
        whereabouts=Whereabouts.capture_denied,
        victim_status=VictimStatus.found_dead,
        cause_of_death="Gunshot wounds to the head; marks of torture on the body",
        manner_of_death=MannerOfDeath.homicide,
        body_found_place=capitalised(body_place),
        autopsy=weighted(
            rng, [(Autopsy.performed, 3), (Autopsy.informal, 2), (Autopsy.not_performed, 2)]
        ),
        death_certificate=weighted(
            rng,
            [
                (DeathCertificate.available, 2),
                (DeathCertificate.not_available, 1),
                (DeathCertificate.none, 1),
            ],
        ),
        follows_act_id=disappearance["id"],
        description='Body dumped after the disappearance ("kill and dump").',
        **partial_date_columns("body_found", found),
    )
    draft.story.append(
        "{His} body was found {place} {when}, bearing gunshot wounds and marks of torture.".format(
            place=body_place, when=on(found), **stories.pronouns(female=victim.female)
        )
    )


def _encounter(w: Workshop, draft: CaseDraft, victim: Victim, start: PartialDate) -> None:
    _act(
        w,
        draft,
        victim,
        ActType.extrajudicial_killing,
        start=start,
        whereabouts=Whereabouts.unknown,
        victim_status=VictimStatus.found_dead,
        cause_of_death="Multiple gunshot wounds to the chest and head",
        manner_of_death=MannerOfDeath.homicide,
        body_found_place=f"Civil hospital mortuary, {draft.town}",
        autopsy=weighted(w.rng, [(Autopsy.performed, 2), (Autopsy.not_performed, 3)]),
        death_certificate=weighted(
            w.rng, [(DeathCertificate.available, 2), (DeathCertificate.none, 2)]
        ),
        description="Killed in what the CTD called an encounter; the family says he had been "
        "detained weeks earlier.",
        **partial_date_columns("body_found", start),
    )
    draft.story.append(
        "The CTD said in a press statement that he was among militants killed in an encounter "
        f"near {draft.town}. His family says he had been taken from home weeks before and was "
        "in custody when he died."
    )


def _acknowledged(w: Workshop, draft: CaseDraft, victim: Victim, start: PartialDate) -> None:
    status = weighted(
        w.rng, [(VictimStatus.under_trial, 1), (VictimStatus.acknowledged_in_custody, 1)]
    )
    _act(
        w,
        draft,
        victim,
        ActType.arrest,
        start=start,
        whereabouts=Whereabouts.capture_acknowledged,
        victim_status=status,
        description="Arrested; custody acknowledged after a habeas corpus petition.",
    )
    fate = (
        "charged him before an anti-terrorism court."
        if status is VictimStatus.under_trial
        else "said he was held at an internment centre."
    )
    draft.story.append(
        "For weeks the authorities denied holding him. After the family petitioned the "
        f"Balochistan High Court, the CTD acknowledged his custody and {fate}"
    )


def _death_squad(w: Workshop, draft: CaseDraft, victim: Victim, start: PartialDate) -> None:
    status = weighted(w.rng, [(VictimStatus.still_missing, 3), (VictimStatus.released, 1)])
    _act(
        w,
        draft,
        victim,
        ActType.abduction,
        start=start,
        whereabouts=Whereabouts.unknown,
        victim_status=status,
        description="Abducted by armed men of a state-backed group.",
    )
    draft.story.append(
        "Residents say the group operates openly and passes through FC checkpoints; the police "
        "did not act on the family's complaint."
    )


def _detention(w: Workshop, draft: CaseDraft, victim: Victim, start: PartialDate) -> None:
    place = w.rng.choice(DETENTION_PLACES).format(town=draft.town)
    end = w.date(w.later(draft.incident, 7, 90), draft.features.precision)
    _act(
        w,
        draft,
        victim,
        ActType.arbitrary_detention,
        start=start,
        end=end,
        whereabouts=Whereabouts.location_not_disclosed,
        victim_status=VictimStatus.released,
        description=f"Held at {place} without charge or access to a lawyer.",
    )
    draft.story.append(
        f"He was held without charge at {place} and released {on(end)} without explanation."
    )


def _died_in_custody(w: Workshop, draft: CaseDraft, victim: Victim, start: PartialDate) -> None:
    arrest = _act(
        w,
        draft,
        victim,
        ActType.arrest,
        start=start,
        whereabouts=Whereabouts.capture_acknowledged,
        victim_status=VictimStatus.found_dead,
        description="Arrested and taken to a police station.",
    )
    died = w.date(w.later(draft.incident, 1, 6), start.precision)
    _act(
        w,
        draft,
        victim,
        ActType.death_in_custody,
        start=died,
        whereabouts=Whereabouts.capture_acknowledged,
        victim_status=VictimStatus.found_dead,
        cause_of_death="Injuries consistent with severe beating",
        manner_of_death=MannerOfDeath.death_in_custody,
        body_found_place=f"Civil hospital, {draft.town}",
        autopsy=Autopsy.performed,
        death_certificate=DeathCertificate.not_available,
        follows_act_id=arrest["id"],
        description="Died in custody days after the arrest.",
        **partial_date_columns("body_found", died),
    )
    draft.story.append(
        "A few days after the arrest the family was told to collect his body from the civil "
        "hospital. The police said he had fallen ill in the lock-up."
    )


_SCENARIO_ACTS: dict[Scenario, Callable[[Workshop, CaseDraft, Victim, PartialDate], None]] = {
    Scenario.still_missing: _still_missing,
    Scenario.group_disappearance: _group,
    Scenario.released_after_torture: _released,
    Scenario.kill_and_dump: _kill_and_dump,
    Scenario.encounter_killing: _encounter,
    Scenario.acknowledged_arrest: _acknowledged,
    Scenario.death_squad_abduction: _death_squad,
    Scenario.arbitrary_detention: _detention,
    Scenario.death_in_custody: _died_in_custody,
}


# --- wording -------------------------------------------------------------------------------------


def on(value: PartialDate) -> str:
    """A partial date as a narrative puts it: "on 12 March 2025", "in March 2025", "circa 2024"."""
    if not value.is_known:
        return "on a date the family could not give"
    if value.estimated:
        return str(value)
    if value.precision is DatePrecision.day:
        return f"on {value}"
    return f"in {value}"


def names_text(draft: CaseDraft) -> str:
    """The victims as a sentence names them; a protected victim only by occupation and town."""
    names = [
        f"a {v.occupation} from {draft.town}" if v.person["protected"] else v.name.full_name
        for v in draft.victims
    ]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
