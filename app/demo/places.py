"""Real places for demo cases: Balochistan districts (as the vocabulary spells them), towns in
them, rough coordinates, and the kinds of places people are taken from."""

from __future__ import annotations

from dataclasses import dataclass

from models.enums import LocationType
from models.vocabulary import DISTRICTS


@dataclass(frozen=True)
class District:
    """A district term with how often demo cases fall in it, its towns and a rough centre."""

    label: str
    weight: int
    towns: tuple[str, ...]
    centre: tuple[float, float] | None
    province: str = "Balochistan"


_LABELS = dict(DISTRICTS)


def _district(
    code: str,
    weight: int,
    towns: tuple[str, ...],
    centre: tuple[float, float] | None = None,
    province: str = "Balochistan",
) -> District:
    return District(_LABELS[code], weight, towns, centre, province)


# Weights follow where disappearances are most reported (the Makran coast, Awaran, Khuzdar,
# Quetta, and Baloch neighbourhoods of Karachi); every district appears now and then.
DEMO_DISTRICTS: list[District] = [
    _district(
        "L-KECH", 14, ("Turbat", "Tump", "Mand", "Buleda", "Dasht", "Hoshab"), (26.00, 63.05)
    ),
    _district("L-KHUZDAR", 11, ("Khuzdar", "Wadh", "Nal", "Zehri", "Karkh"), (27.81, 66.61)),
    _district("L-AWARAN", 9, ("Awaran", "Mashkay", "Jhao", "Gishkaur"), (26.46, 65.23)),
    _district("L-PANJGUR", 8, ("Panjgur", "Chitkan", "Gichk", "Paroom"), (26.97, 64.09)),
    _district(
        "L-QUETTA", 10, ("Sariab", "Hazar Ganji", "Kili Shabo", "Brewery Road"), (30.18, 66.99)
    ),
    _district("L-GWADAR", 6, ("Gwadar", "Pasni", "Jiwani", "Ormara"), (25.12, 62.32)),
    _district("L-MASTUNG", 5, ("Mastung", "Kardgap", "Dasht-e-Goran"), (29.80, 66.85)),
    _district("L-KALAT", 4, ("Kalat", "Mangochar", "Johan"), (29.03, 66.59)),
    _district("L-KHARAN", 4, ("Kharan", "Sarawan", "Tohumulk"), (28.58, 65.42)),
    _district("L-WASHUK", 3, ("Washuk", "Besima", "Nag"), (27.72, 64.80)),
    _district("L-LASBELA", 3, ("Uthal", "Bela", "Lakhra"), (25.81, 66.62)),
    _district("L-HUB", 2, ("Hub", "Sakran"), (25.05, 66.89)),
    _district("L-DERA-BUGTI", 4, ("Dera Bugti", "Sui", "Pir Koh"), (29.03, 69.15)),
    _district("L-KOHLU", 3, ("Kohlu", "Kahan", "Mawand"), (29.90, 69.25)),
    _district("L-NUSHKI", 2, ("Nushki", "Ahmedwal"), (29.55, 66.02)),
    _district("L-CHAGAI", 2, ("Dalbandin", "Nokkundi"), (28.89, 64.41)),
    _district("L-SURAB", 2, ("Surab", "Gidar"), (28.49, 66.26)),
    _district("L-KACHHI", 1, ("Dhadar", "Mach"), (29.47, 67.65)),
    _district("L-SIBI", 1, ("Sibi",), (29.54, 67.88)),
    _district("L-NASEERABAD", 1, ("Dera Murad Jamali",), (28.54, 68.22)),
    _district("L-JHAL-MAGSI", 1, ("Gandawah",)),
    _district("L-BARKHAN", 1, ("Barkhan",)),
    _district("L-LORALAI", 1, ("Loralai",)),
    _district("L-ZHOB", 1, ("Zhob",)),
    _district("L-PISHIN", 1, ("Pishin",)),
    _district(
        "L-KARACHI", 5, ("Lyari", "Malir", "Gulistan-e-Jauhar"), (24.86, 67.01), province="Sindh"
    ),
]


@dataclass(frozen=True)
class Setting:
    """Where an act happened: the kind of place and how a narrative says it."""

    location_type: LocationType
    phrase: str  # completes "taken {phrase}"; {town} is filled in


SEIZURE_SETTINGS: list[tuple[Setting, int]] = [
    (Setting(LocationType.victims_home, "from his home in {town} during a night raid"), 24),
    (Setting(LocationType.victims_home, "from his home in {town}"), 10),
    (Setting(LocationType.relatives_home, "from a relative's house in {town}"), 4),
    (Setting(LocationType.shop_or_market, "from his shop in the {town} bazaar"), 8),
    (Setting(LocationType.military_checkpoint, "at an FC checkpoint outside {town}"), 12),
    (Setting(LocationType.police_checkpoint, "at a Levies checkpoint near {town}"), 4),
    (Setting(LocationType.road, "on the road between {town} and the district headquarters"), 8),
    (Setting(LocationType.bus_stop, "at the bus stop in {town}"), 4),
    (Setting(LocationType.vehicle, "from a passenger coach stopped near {town}"), 5),
    (Setting(LocationType.university, "from his college hostel in {town}"), 6),
    (Setting(LocationType.workplace, "from his workplace in {town}"), 5),
    (Setting(LocationType.hospital, "outside the civil hospital in {town}"), 2),
    (Setting(LocationType.mosque, "after Friday prayers outside the mosque in {town}"), 2),
]

BODY_SETTINGS: list[tuple[Setting, int]] = [
    (Setting(LocationType.vacant_place, "in a dry riverbed near {town}"), 5),
    (Setting(LocationType.road, "by the roadside outside {town}"), 4),
    (Setting(LocationType.vacant_place, "on open ground in the hills above {town}"), 3),
    (Setting(LocationType.hospital, "at the civil hospital mortuary in {town}"), 2),
]

DETENTION_PLACES = [
    "the FC camp in {town}",
    "a camp whose location was not disclosed",
    "the CTD police station in Quetta",
    "an internment centre",
    "an unknown place",
]
