"""Folding text for search: one normal form for index documents and queries alike.

`fold` forgives letter case, diacritics (Latin accents, Arabic harakat, hamza and madda marks),
the many code points of the same Arabic-script letter (alef, yeh, heh, kaf forms, presentation
forms, Urdu and Arabic digits), invisible format characters (bidi and zero-width marks, tatweel)
and control characters. `tokens` splits folded text into words of letters and digits.

`name_key` gives a name word a *spelling key* so transliterations meet: a consonant skeleton.
Urdu script leaves short vowels unwritten and Latin transliterations disagree mostly on vowels
(Muhammad / Mohammad / Mohammed, Baloch / Baluch / Bloch, Hussain / Husain / Hussein), so the
key keeps a word's consonants (digraphs and doubled letters folded: kh → k, q → k, ss → s),
drops its vowels and marks only that it starts with one. Arabic-script letters map onto the
same consonants, so "محمد" and "Muhammad" share the key "mhmd". The cost: different names with
one skeleton share a key (Hassan / Hussain), so search ranks exact spellings first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache

MAX_TOKEN_LENGTH = 64

ALEF, YEH, HEH, KAF = "\u0627", "\u06cc", "\u06c1", "\u06a9"
DO_CHASHMI_HEH = "\u06be"  # ھ marks aspiration (بھ = bh); kept apart from ہ

_LETTER_FORMS = {
    "\u0671": ALEF,  # ٱ alef wasla (أ إ آ decompose to ا plus a stripped mark)
    "\u064a": YEH,  # ي Arabic yeh
    "\u0649": YEH,  # ى alef maksura
    "\u06d2": YEH,  # ے yeh barree
    "\u06d0": YEH,  # ې
    "\u06cd": YEH,  # ۍ
    "\u06ce": YEH,  # ێ
    "\u0647": HEH,  # ه Arabic heh
    "\u06d5": HEH,  # ە ae (ۀ decomposes to it)
    "\u0629": HEH,  # ة teh marbuta
    "\u06c3": HEH,  # ۃ teh marbuta goal
    "\u0643": KAF,  # ك Arabic kaf
    "\u06aa": KAF,  # ڪ swash kaf
    "\u0640": "",  # ـ tatweel
}
_LETTER_FORMS.update({chr(0x0660 + d): str(d) for d in range(10)})  # Arabic-Indic digits
_LETTER_FORMS.update({chr(0x06F0 + d): str(d) for d in range(10)})  # Urdu (Extended) digits
_LETTERS = str.maketrans(_LETTER_FORMS)


def _character_class(categories: set[str], extra: Iterable[tuple[int, int]] = ()) -> str:
    """A regex class of every Basic Multilingual Plane character in `categories`."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x10000):
        if unicodedata.category(chr(code)) in categories:
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    ranges.extend(extra)
    parts = (
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return "[" + "".join(parts) + "]"


# Marks and format characters vanish (they sit inside words); control characters split words.
_INVISIBLE = re.compile(
    _character_class({"Mn", "Me", "Cf"}, extra=[(0xE0000, 0xE007F), (0xE0100, 0xE01EF)])
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_WORD = re.compile(r"[^\W_]+")


def fold(text: str | None) -> str:
    """`text` in the form search compares: case-folded, marks stripped, letter forms unified."""
    if not text:
        return ""
    if text.isascii():
        return _CONTROL.sub(" ", text).lower()
    text = unicodedata.normalize("NFKD", text.casefold())
    text = _CONTROL.sub(" ", _INVISIBLE.sub("", text))
    return text.translate(_LETTERS)


def tokens(text: str | None) -> list[str]:
    """The folded words of `text` (letters and digits), each cut to a sane length."""
    if not text:
        return []
    if text.isascii():  # most text: one C pass lowers and splits it
        words = text.encode().translate(_ASCII_WORDS).decode().split()
    else:
        words = _WORD.findall(fold(text))
    if words and max(map(len, words)) > MAX_TOKEN_LENGTH:
        return [word[:MAX_TOKEN_LENGTH] for word in words]
    return words


# ASCII letters lowered, digits kept, everything else a space.
_ASCII_WORDS = bytes(
    (b + 32 if 65 <= b <= 90 else b) if chr(b).isalnum() and b < 128 else 32 for b in range(256)
)


# --- spelling keys for names -----------------------------------------------------------------

ABBREVIATIONS = {"mohd": "muhammad", "muhd": "muhammad", "md": "muhammad", "mhd": "muhammad"}

_LATIN_WORD = re.compile(r"[a-z]+")
_ASPIRATE = re.compile(r"(?<=[bdfgjklmnprstzCX])h")  # h after a consonant: kh, gh, bh, th…
_DOUBLED = re.compile(r"(.)\1+")
_FINAL_H = re.compile(r"(?<=[aeiouwy])h$")  # Abdullah / Abdulla, Shah / Sha
_ABD_PREFIX = re.compile(r"^abd(?:u|a|e|oo|ou)l(?=[a-z]{3})")  # Abdulwahab = Abdul Wahab
_LATIN_VOWELS = frozenset("aeiouwy")

_ARABIC_CONSONANTS = {
    "ب": "b",
    "پ": "p",
    "ت": "t",
    "ٹ": "t",
    "ث": "s",
    "ج": "j",
    "چ": "c",
    "ح": "h",
    "خ": "k",
    "د": "d",
    "ڈ": "d",
    "ذ": "z",
    "ر": "r",
    "ڑ": "r",
    "ز": "z",
    "ژ": "z",
    "س": "s",
    "ش": "x",
    "ص": "s",
    "ض": "z",
    "ط": "t",
    "ظ": "z",
    "غ": "g",
    "ف": "f",
    "ق": "k",
    KAF: "k",
    "گ": "g",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ں": "n",
    HEH: "h",
}
_ARABIC_VOWELS = frozenset({ALEF, "ع", "ء"})
_ARABIC_SEMIVOWELS = {"و": "w", YEH: "y"}
_ARABIC_ABD_PREFIX = "عبدال"


@lru_cache(maxsize=1 << 18)  # names repeat: a rebuild folds each spelling once
def name_key(word: str) -> str | None:
    """The spelling key of one folded name word, or None (digits, other scripts, too short)."""
    word = ABBREVIATIONS.get(word, word)
    if _LATIN_WORD.fullmatch(word):
        key = _latin_key(word)
    elif all(
        ch in _ARABIC_CONSONANTS
        or ch in _ARABIC_VOWELS
        or ch in _ARABIC_SEMIVOWELS
        or ch == DO_CHASHMI_HEH
        for ch in word
    ):
        key = _arabic_key(word)
    else:
        return None
    return key if key and key != "a" else None


def _latin_key(word: str) -> str:
    word = word.replace("sh", "X").replace("ch", "C").replace("ph", "f")
    word = word.replace("x", "ks").replace("q", "k").replace("c", "k").replace("v", "w")
    word = _ASPIRATE.sub("", word)
    word = _FINAL_H.sub("", _DOUBLED.sub(r"\1", word))
    if not word:
        return ""
    lead = "a" if word[0] in "aeiou" else word[0]
    rest = "".join(ch for ch in word[1:] if ch not in _LATIN_VOWELS)
    return (lead + rest).replace("C", "c").replace("X", "x")


def _arabic_key(word: str) -> str:
    word = _DOUBLED.sub(r"\1", word)
    if word.endswith(HEH):  # a final ہ / ة mostly writes a vowel: Fatimah, Shah, Abdullah
        word = word[:-1]
    if not word:
        return ""
    first = word[0]
    if first in _ARABIC_VOWELS:
        lead = "a"
    elif first in _ARABIC_SEMIVOWELS:
        lead = _ARABIC_SEMIVOWELS[first]
    else:
        lead = _ARABIC_CONSONANTS.get(first, "")
    rest: list[str] = []
    previous_is_consonant = first in _ARABIC_CONSONANTS
    for ch in word[1:]:
        if ch in _ARABIC_CONSONANTS:
            rest.append(_ARABIC_CONSONANTS[ch])
            previous_is_consonant = True
        elif ch == DO_CHASHMI_HEH:
            # Aspiration after a consonant (بھ) is dropped as Latin drops the h of "bh".
            if not previous_is_consonant:
                rest.append("h")
        else:
            previous_is_consonant = False
    return lead + "".join(rest)


def name_keys(name: str | None) -> list[str]:
    """Every spelling key of a name: each word's, and each pair of neighbours written as one
    word (Urdu writes عبدالوہاب where Latin writes "Abdul Wahab")."""
    return list(_name_keys(name or ""))


@lru_cache(maxsize=1 << 16)
def _name_keys(name: str) -> tuple[str, ...]:
    words = tokens(name)
    keys: list[str] = []
    for index, word in enumerate(words):
        keys.extend(_word_keys(word))
        if index + 1 < len(words):
            joined = name_key(word + words[index + 1])
            if joined:
                keys.append(joined)
    return tuple(dict.fromkeys(keys))


def _word_keys(word: str) -> Iterator[str]:
    key = name_key(word)
    if key:
        yield key
    # "Abdul" + name written as one word also matches the name alone and "Abdul".
    if word.startswith(_ARABIC_ABD_PREFIX) and len(word) > len(_ARABIC_ABD_PREFIX) + 1:
        rest = word[len(_ARABIC_ABD_PREFIX) :]
    elif match := _ABD_PREFIX.match(word):
        rest = word[match.end() :]
    else:
        return
    rest_key = name_key(rest)
    if rest_key and len(rest_key) > 1:  # not Abdullah = Abd + (A)llah
        yield "abdl"
        yield rest_key
