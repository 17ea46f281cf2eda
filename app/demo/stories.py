"""The words of demo cases: forces and how witnesses recognised them, narratives, what the
authorities said, and the titles of sources. All invented; the institutions are real."""

from __future__ import annotations

from dataclasses import dataclass

from models.enums import PerpetratorType
from models.vocabulary import AUTHORITIES, FORCES

_FORCE = dict(FORCES)
_AUTHORITY = dict(AUTHORITIES)


@dataclass(frozen=True)
class Force:
    """An alleged perpetrator as the vocabulary names it, how a narrative describes the men,
    and the reasons documenters give for attributing an act to it."""

    label: str
    perpetrator_type: PerpetratorType
    described_as: str
    bases: tuple[str, ...]
    units: tuple[str, ...] = ()


FORCES_BY_KEY: dict[str, Force] = {
    "fc": Force(
        _FORCE["L-FC"],
        PerpetratorType.paramilitary,
        "men in Frontier Corps uniform who arrived in {vehicles}",
        (
            "Witnesses saw FC uniforms and {vehicles} with green number plates.",
            "The family was told at the FC camp in {town} that he was being questioned there.",
            "Neighbours recognised the FC vehicles that patrol {town} every day.",
            "The FC cordoned off the neighbourhood before the raid; no one was allowed out.",
        ),
        ("FC Wing headquarters, {town}", "FC checkpoint staff, {town}", "FC camp, {town}"),
    ),
    "ctd": Force(
        _FORCE["L-CTD"],
        PerpetratorType.police,
        "Counter Terrorism Department personnel",
        (
            "The CTD announced the arrest in a press release the next day.",
            "The men wore CTD jackets; one vehicle carried the CTD insignia.",
            "A CTD officer told the family at the police station that the case was with the CTD.",
        ),
        ("CTD Quetta region", "CTD Makran region", "CTD {town}"),
    ),
    "levies": Force(
        _FORCE["L-LEVIES"],
        PerpetratorType.police,
        "Levies personnel",
        (
            "He was stopped at the Levies checkpoint; the coach's other passengers saw it.",
            "The Levies risaldar of {town} told the elders that he had handed him over.",
        ),
        ("Levies thana, {town}",),
    ),
    "police": Force(
        _FORCE["L-POLICE"],
        PerpetratorType.police,
        "police officers",
        ("Police officers in uniform, in a marked police van, took him.",),
        ("City police station, {town}",),
    ),
    "intelligence": Force(
        _FORCE["L-ISI"],
        PerpetratorType.intelligence_agency,
        "men in plain clothes who said they were from an intelligence agency",
        (
            "The men said they were from an agency and showed no warrant.",
            "Released detainees say they met him in a cell they believe an agency runs.",
        ),
    ),
    "army": Force(
        _FORCE["L-ARMY"],
        PerpetratorType.armed_forces,
        "soldiers during a military operation",
        (
            "The area was under a military operation; helicopters were seen that morning.",
            "Soldiers searched every house in the village and took several men away.",
        ),
    ),
    "plain_clothes": Force(
        _FORCE["L-PLAIN-CLOTHES"],
        PerpetratorType.unknown,
        "men in plain clothes travelling in a double-cabin pickup without number plates",
        (
            "Uniformed FC personnel stood by at the checkpoint while men in plain clothes took "
            "him, which the family takes as state involvement.",
            "The vehicle drove into the FC camp, according to a shopkeeper who saw it.",
            "The men were armed, masked and in plain clothes; no one identified them.",
        ),
    ),
    "death_squad": Force(
        _FORCE["L-DEATH-SQUAD"],
        PerpetratorType.state_backed_group,
        "armed men whom residents know as a state-backed armed group",
        (
            "Residents recognised the group's leader; it moves freely through FC checkpoints.",
            "The group had threatened him a month earlier for his political work.",
        ),
    ),
}

AUTHORITY = {
    "ispr": _AUTHORITY["L-ISPR"],
    "moi": _AUTHORITY["L-MOI"],
    "home": _AUTHORITY["L-HOME-DEPT"],
    "police": _AUTHORITY["L-POLICE"],
    "province": _AUTHORITY["L-PROV-GOVT"],
    "coied": _AUTHORITY["L-COIED"],
    "bhc": _AUTHORITY["L-BHC"],
    "fc": _AUTHORITY["L-FC-HQ"],
    "ctd": _AUTHORITY["L-CTD"],
}

VEHICLES = (
    "two pickup trucks",
    "three vehicles",
    "a double-cabin pickup and a Land Cruiser",
    "four vehicles",
)

DENIALS = (
    "The petitioner's son is not in the custody of the Frontier Corps or of any agency.",
    "The respondents have no knowledge of the whereabouts of the missing person.",
    "No person of this name was arrested by the department.",
    "The allegation of enforced disappearance is baseless; he may have gone abroad.",
)

ENCOUNTER_STATEMENTS = (
    "Militants opened fire on a CTD team near {town}; in the exchange of fire {count} "
    "terrorists were killed. Weapons and explosives were recovered.",
    "Acting on intelligence, security forces raided a hideout near {town}. {count} terrorists "
    "were killed in the encounter.",
)

ACKNOWLEDGEMENTS = (
    "The detenu is in the custody of the CTD and has been charged under the Anti-Terrorism Act.",
    "He is held at an internment centre under the Actions (in Aid of Civil Power) Regulations.",
)

NO_RESPONSE = (
    "No reply was received to the letter of {date}.",
    "The department did not answer the Commission's notice.",
)

REFUSED_COMPLAINT = (
    "The SHO refused to register an FIR and told the family to approach the FC.",
    "The police said they could not register a complaint against the security forces.",
)

URDU_SENTENCES = (
    "اہل خانہ کا کہنا ہے کہ انہیں کوئی اطلاع نہیں دی گئی۔",
    "ان کی والدہ ہر سماعت پر عدالت آتی ہیں۔",
    "گاؤں کے لوگوں نے گاڑیاں کیمپ کی طرف جاتے دیکھیں۔",
)

OUTLETS = ("The Makran Herald", "Daily Bolan Express", "Quetta Chronicle", "Sahil News")
NGOS = ("Makran Rights Forum", "Bolan Human Rights Desk", "Coastal Families Network")

TORTURE_ACCOUNTS = (
    "{He} was kept blindfolded, beaten with sticks and hung upside down during questioning.",
    "{He} was held in a dark cell, given electric shocks and deprived of sleep.",
    "{He} was beaten and questioned about {his} friends and {his} political views.",
)

INTERNAL_NOTES = (
    "The family fears reprisals: contact them only through the uncle.",
    "The witness asked that her name never be shared outside the organisation.",
    "Check the FIR copy against the police station register before review.",
    "Lawyer to confirm the next hearing date with the High Court registry.",
)


_HE = {"he": "he", "him": "him", "his": "his", "He": "He", "His": "His"}
_SHE = {"he": "she", "him": "her", "his": "her", "He": "She", "His": "Her"}
_THEY = {"he": "they", "him": "them", "his": "their", "He": "They", "His": "Their"}


def pronouns(*, female: bool = False, several: bool = False) -> dict[str, str]:
    """Words for a template's {he} {him} {his} {He} {His}, for one person or several."""
    if several:
        return _THEY
    return _SHE if female else _HE
