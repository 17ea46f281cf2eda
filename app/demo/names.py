"""Invented names for demo people: common Baloch and Pakistani given names and tribal names.

Every name is a `(latin, urdu)` pair so a share of people also carry an Urdu-script spelling.
Full names are drawn as "given + tribe/surname"; a combination that belongs to a well-known
real person (activists, victims whose cases are public, politicians, historical figures) is
refused and drawn again, so the demo never puts words in a real person's mouth.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from models.enums import Sex

NamePair = tuple[str, str]

MALE_GIVEN: list[NamePair] = [
    ("Naseem", "نسیم"),
    ("Zahir", "ظاہر"),
    ("Sajid", "ساجد"),
    ("Jameel", "جمیل"),
    ("Qambar", "قمبر"),
    ("Hammal", "حمل"),
    ("Dad Shah", "داد شاہ"),
    ("Murad", "مراد"),
    ("Nawaz", "نواز"),
    ("Khalil", "خلیل"),
    ("Imran", "عمران"),
    ("Asif", "آصف"),
    ("Nadeem", "ندیم"),
    ("Wahid", "واحد"),
    ("Ghulam Nabi", "غلام نبی"),
    ("Abdul Wahab", "عبدالوہاب"),
    ("Ali Jan", "علی جان"),
    ("Sohrab", "سہراب"),
    ("Dilwash", "دلوش"),
    ("Rahim", "رحیم"),
    ("Karim", "کریم"),
    ("Sabir", "صابر"),
    ("Zubair", "زبیر"),
    ("Faheem", "فہیم"),
    ("Farooq", "فاروق"),
    ("Yousuf", "یوسف"),
    ("Sher Jan", "شیر جان"),
    ("Gulzar", "گلزار"),
    ("Nazir", "نذیر"),
    ("Mehrab", "محراب"),
    ("Dostain", "دوستین"),
    ("Shahdad", "شہداد"),
    ("Muhammad Ali", "محمد علی"),
    ("Muhammad Iqbal", "محمد اقبال"),
    ("Muhammad Yaqoob", "محمد یعقوب"),
    ("Abdul Ghani", "عبدالغنی"),
    ("Ijaz", "اعجاز"),
    ("Tariq", "طارق"),
    ("Shakeel", "شکیل"),
    ("Waseem", "وسیم"),
    ("Bashir", "بشیر"),
    ("Khuda Bakhsh", "خدا بخش"),
    ("Allah Dad", "اللہ داد"),
    ("Noor Ahmed", "نور احمد"),
    ("Shahzaib", "شاہزیب"),
    ("Bahram", "بہرام"),
    ("Feroz", "فیروز"),
    ("Mureed", "مرید"),
    ("Saleem", "سلیم"),
    ("Javed", "جاوید"),
    ("Arif", "عارف"),
    ("Zareef", "ظریف"),
    ("Anwar", "انور"),
    ("Dilmurad", "دلمراد"),
    ("Naveed", "نوید"),
    ("Liaquat", "لیاقت"),
    ("Umar", "عمر"),
    ("Hamid", "حامد"),
    ("Majid", "ماجد"),
    ("Elahi Bakhsh", "الہی بخش"),
    ("Ismail", "اسماعیل"),
    ("Obaid", "عبید"),
    ("Salman", "سلمان"),
    ("Nisar", "نثار"),
    ("Shoaib", "شعیب"),
    ("Adnan", "عدنان"),
]

FEMALE_GIVEN: list[NamePair] = [
    ("Mahnaz", "مہناز"),
    ("Gul Bano", "گل بانو"),
    ("Zarina", "زرینہ"),
    ("Nazia", "نازیہ"),
    ("Saima", "صائمہ"),
    ("Rukhsana", "رخسانہ"),
    ("Bibi Gul", "بی بی گل"),
    ("Gulnaz", "گلناز"),
    ("Sakina", "سکینہ"),
    ("Fatima", "فاطمہ"),
    ("Zubaida", "زبیدہ"),
    ("Naz Bibi", "ناز بی بی"),
    ("Shaheen", "شاہین"),
    ("Mahgul", "ماہ گل"),
    ("Banuk", "بانک"),
    ("Sadia", "سعدیہ"),
    ("Hameeda", "حمیدہ"),
    ("Nasreen", "نسرین"),
    ("Shabana", "شبانہ"),
    ("Amina", "آمنہ"),
    ("Kulsoom", "کلثوم"),
    ("Parveen", "پروین"),
    ("Zahida", "زاہدہ"),
    ("Samina", "ثمینہ"),
]

SURNAMES: list[NamePair] = [
    ("Baloch", "بلوچ"),
    ("Baloch", "بلوچ"),  # listed twice: by far the most common surname
    ("Marri", "مری"),
    ("Bugti", "بگٹی"),
    ("Mengal", "مینگل"),
    ("Zehri", "زہری"),
    ("Raisani", "رئیسانی"),
    ("Rind", "رند"),
    ("Bizenjo", "بزنجو"),
    ("Langove", "لانگو"),
    ("Shahwani", "شاہوانی"),
    ("Mohammad Hasni", "محمد حسنی"),
    ("Sasoli", "ساسولی"),
    ("Jamaldini", "جمالدینی"),
    ("Notezai", "نوتیزئی"),
    ("Rakhshani", "رخشانی"),
    ("Kurd", "کرد"),
    ("Sumalani", "سمالانی"),
    ("Dashti", "دشتی"),
    ("Gichki", "گچکی"),
    ("Buledi", "بلیدی"),
    ("Jattak", "جتک"),
    ("Lehri", "لہڑی"),
    ("Badini", "بادینی"),
    ("Mirwani", "میروانی"),
    ("Sajdi", "سجدی"),
    ("Hoth", "ہوت"),
    ("Kalmati", "کلمتی"),
    ("Bangulzai", "بنگلزئی"),
    ("Pirkani", "پرکانی"),
    ("Umrani", "عمرانی"),
    ("Kakar", "کاکڑ"),
]

# Other Latin spellings people and papers use for the same name; the search must forgive them.
LATIN_VARIANTS: dict[str, list[str]] = {
    "Muhammad": ["Mohammad", "Mohd", "Mohammed"],
    "Baloch": ["Baluch", "Balouch"],
    "Abdul": ["Abdal"],
    "Yousuf": ["Yusuf", "Yousaf"],
    "Qambar": ["Kambar"],
    "Noor": ["Nur"],
    "Ahmed": ["Ahmad"],
    "Mohammad Hasni": ["Muhammad Hasni"],
    "Naseem": ["Nasim"],
    "Waseem": ["Wasim"],
    "Jameel": ["Jamil"],
    "Nadeem": ["Nadim"],
}

# Well-known real people whose names a "given + surname" draw could produce. Never generated.
KNOWN_REAL_PEOPLE = frozenset(
    name.casefold()
    for name in (
        "Naseem Baloch",
        "Hani Gul",
        "Zahir Baloch",
        "Zakir Majeed",
        "Shabir Baloch",
        "Hafeez Baloch",
        "Rashid Hussain",
        "Deen Mohammad",
        "Mahrang Baloch",
        "Sammi Baloch",
        "Seema Baloch",
        "Farzana Majeed",
        "Qadeer Baloch",
        "Balach Baloch",
        "Hayat Baloch",
        "Karima Baloch",
        "Sabiha Baloch",
        "Ghaffar Langove",
        "Akbar Bugti",
        "Balach Marri",
        "Brahumdagh Bugti",
        "Mehran Marri",
        "Hyrbyair Marri",
        "Jalil Reki",
        "Sangat Sana",
        "Nasrullah Baloch",
        "Akhtar Mengal",
        "Ataullah Mengal",
        "Aslam Raisani",
        "Sanaullah Zehri",
        "Abdul Malik Baloch",
        "Hasil Bizenjo",
        "Shahzaib Bugti",
        "Shahzain Bugti",
        "Sarfraz Bugti",
        "Chakar Rind",
        "Imran Baloch",
        "Wahid Baloch",
        "Saleem Baloch",
        "Murad Baloch",
        "Ali Jan Marri",
        "Bibi Gul Baloch",
        "Gulzar Imam",
        "Gulzar Baloch",
        "Nawaz Bugti",
        "Dostain Baloch",
        "Umar Baloch",
        "Javed Baloch",
        "Karim Baloch",
    )
)

OCCUPATIONS = [
    ("student", 22),
    ("shopkeeper", 10),
    ("driver", 10),
    ("labourer", 9),
    ("farmer", 8),
    ("fisherman", 5),
    ("teacher", 5),
    ("government employee", 4),
    ("shepherd", 4),
    ("mechanic", 3),
    ("political worker", 3),
    ("tailor", 2),
    ("journalist", 2),
    ("doctor", 1),
    ("unemployed", 4),
]

FEMALE_OCCUPATIONS = [
    ("student", 40),
    ("teacher", 15),
    ("homemaker", 25),
    ("health worker", 8),
    ("political worker", 7),
    ("journalist", 5),
]

ETHNICITIES = [("Baloch", 80), ("Brahui", 14), ("Pashtun", 3), ("Sindhi", 2), ("Hazara", 1)]


@dataclass(frozen=True)
class DrawnName:
    """A generated name: the full Latin name, its Urdu-script spelling, and the surname."""

    full_name: str
    urdu: str
    surname: NamePair


def draw_name(rng: random.Random, sex: Sex, *, surname: NamePair | None = None) -> DrawnName:
    """A full name of the given sex, optionally within a family's surname; never a real person's."""
    pool = FEMALE_GIVEN if sex is Sex.female else MALE_GIVEN
    while True:
        given = rng.choice(pool)
        family = surname or rng.choice(SURNAMES)
        latin = f"{given[0]} {family[0]}"
        if latin.casefold() not in KNOWN_REAL_PEOPLE:
            return DrawnName(latin, f"{given[1]} {family[1]}", family)
        surname = None  # a fixed surname may be what made it real: let the family differ


def draw_given(rng: random.Random, sex: Sex = Sex.male) -> NamePair:
    """One given name (e.g. for a father's name written "Khalil Ahmed" style)."""
    return rng.choice(FEMALE_GIVEN if sex is Sex.female else MALE_GIVEN)


def latin_variants(full_name: str) -> list[str]:
    """Other Latin spellings of `full_name` (Muhammad → Mohammad, Baloch → Baluch…)."""
    variants = []
    for word, alternatives in LATIN_VARIANTS.items():
        if word in full_name:
            variants += [full_name.replace(word, alt) for alt in alternatives[:1]]
    return variants


def given_names() -> set[str]:
    """Every given name in the pools (Latin and Urdu), for checks."""
    return {n for pair in MALE_GIVEN + FEMALE_GIVEN for n in pair}


def surnames() -> set[str]:
    """Every surname in the pool (Latin and Urdu), for checks."""
    return {n for pair in SURNAMES for n in pair}
