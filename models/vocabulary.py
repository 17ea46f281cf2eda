"""Controlled vocabularies: the HURIDOCS micro-thesauri plus local terms for Pakistan.

Each term belongs to a scheme (a HURIDOCS list such as "types_of_perpetrator", or a local list:
"district", "province", "force", "authority") and keeps its code for export. Local codes start
with "L-". Admins add terms; terms are deactivated, never deleted.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, Session, select

from models.base import Timestamped

HURIDOCS_FILE = Path(__file__).parent / "data" / "huridocs-esf-microthesauri.json"
LOCAL_PREFIX = "L-"


class VocabularyTerm(Timestamped, table=True):
    """One term of a vocabulary: its code, label and depth in the scheme's hierarchy."""

    __tablename__ = "vocabulary_term"
    __table_args__ = (sa.UniqueConstraint("scheme", "code", name="uq_vocabulary_term_scheme_code"),)

    id: int | None = Field(default=None, primary_key=True)
    scheme: str = Field(max_length=60)
    code: str = Field(max_length=40)
    label: str = Field(max_length=300)
    depth: int = Field(default=0)
    is_local: bool = Field(default=False)
    active: bool = Field(default=True)


# Local terms: (code, label). Districts are those of Balochistan plus Karachi, where many
# Baloch live and are taken; names follow the Balochistan government's spelling.
DISTRICTS: list[tuple[str, str]] = [
    ("L-AWARAN", "Awaran"),
    ("L-BARKHAN", "Barkhan"),
    ("L-CHAGAI", "Chagai"),
    ("L-CHAMAN", "Chaman"),
    ("L-DERA-BUGTI", "Dera Bugti"),
    ("L-DUKI", "Duki"),
    ("L-GWADAR", "Gwadar"),
    ("L-HARNAI", "Harnai"),
    ("L-HUB", "Hub"),
    ("L-JAFFARABAD", "Jaffarabad"),
    ("L-JHAL-MAGSI", "Jhal Magsi"),
    ("L-KACHHI", "Kachhi (Bolan)"),
    ("L-KALAT", "Kalat"),
    ("L-KECH", "Kech (Turbat)"),
    ("L-KHARAN", "Kharan"),
    ("L-KHUZDAR", "Khuzdar"),
    ("L-KILLA-ABDULLAH", "Killa Abdullah"),
    ("L-KILLA-SAIFULLAH", "Killa Saifullah"),
    ("L-KOHLU", "Kohlu"),
    ("L-LASBELA", "Lasbela"),
    ("L-LORALAI", "Loralai"),
    ("L-MASTUNG", "Mastung"),
    ("L-MUSAKHEL", "Musakhel"),
    ("L-NASEERABAD", "Naseerabad"),
    ("L-NUSHKI", "Nushki"),
    ("L-PANJGUR", "Panjgur"),
    ("L-PISHIN", "Pishin"),
    ("L-QUETTA", "Quetta"),
    ("L-SHERANI", "Sherani"),
    ("L-SIBI", "Sibi"),
    ("L-SOHBATPUR", "Sohbatpur"),
    ("L-SURAB", "Surab"),
    ("L-USTA-MUHAMMAD", "Usta Muhammad"),
    ("L-WASHUK", "Washuk"),
    ("L-ZHOB", "Zhob"),
    ("L-ZIARAT", "Ziarat"),
    ("L-KARACHI", "Karachi (Sindh)"),
    ("L-OTHER-DISTRICT", "Other district (outside Balochistan)"),
]

PROVINCES: list[tuple[str, str]] = [
    ("L-BALOCHISTAN", "Balochistan"),
    ("L-SINDH", "Sindh"),
    ("L-PUNJAB", "Punjab"),
    ("L-KP", "Khyber Pakhtunkhwa"),
    ("L-ICT", "Islamabad Capital Territory"),
]

FORCES: list[tuple[str, str]] = [
    ("L-FC", "Frontier Corps (FC)"),
    ("L-CTD", "Counter Terrorism Department (CTD)"),
    ("L-LEVIES", "Levies"),
    ("L-POLICE", "Balochistan Police"),
    ("L-ISI", "Inter-Services Intelligence (ISI)"),
    ("L-MI", "Military Intelligence (MI)"),
    ("L-ARMY", "Pakistan Army"),
    ("L-PLAIN-CLOTHES", "Unidentified men in plain clothes"),
    ("L-DEATH-SQUAD", 'State-backed armed group ("death squad")'),
]

AUTHORITIES: list[tuple[str, str]] = [
    ("L-ISPR", "Inter-Services Public Relations (ISPR)"),
    ("L-MOI", "Ministry of Interior"),
    ("L-HOME-DEPT", "Balochistan Home Department"),
    ("L-POLICE", "Police"),
    ("L-PROV-GOVT", "Government of Balochistan"),
    ("L-COIED", "Commission of Inquiry on Enforced Disappearances (COIED)"),
    ("L-BHC", "Balochistan High Court"),
    ("L-SUPREME-COURT", "Supreme Court of Pakistan"),
    ("L-FC-HQ", "Frontier Corps headquarters"),
    ("L-CTD", "Counter Terrorism Department (CTD)"),
]

LOCAL_SCHEMES: dict[str, list[tuple[str, str]]] = {
    "district": DISTRICTS,
    "province": PROVINCES,
    "force": FORCES,
    "authority": AUTHORITIES,
}


def huridocs_terms() -> dict[str, list[tuple[str, str, int]]]:
    """Every HURIDOCS micro-thesaurus in the bundled JSON: scheme → [(code, label, depth)]."""
    raw: dict[str, Any] = json.loads(HURIDOCS_FILE.read_text(encoding="utf-8"))
    return {
        scheme: [(str(code), str(label), int(depth)) for code, label, depth in body["terms"]]
        for scheme, body in raw.items()
        if isinstance(body, dict) and "terms" in body
    }


def seed_vocabularies(session: Session) -> int:
    """Add every standard and local term not yet present; return how many were added.

    Idempotent and conservative: terms already present keep their label and active flag, so an
    admin's edits survive a re-seed. Only `flush()`es; the caller commits.
    """
    present = {
        (scheme, code)
        for scheme, code in session.exec(select(VocabularyTerm.scheme, VocabularyTerm.code))
    }
    wanted: list[VocabularyTerm] = []
    for scheme, terms in huridocs_terms().items():
        wanted += [
            VocabularyTerm(scheme=scheme, code=code, label=label, depth=depth)
            for code, label, depth in terms
        ]
    for scheme, local_terms in LOCAL_SCHEMES.items():
        wanted += [
            VocabularyTerm(scheme=scheme, code=code, label=label, is_local=True)
            for code, label in local_terms
        ]
    added = [term for term in wanted if (term.scheme, term.code) not in present]
    session.add_all(added)
    session.flush()
    return len(added)


def active_terms(session: Session, scheme: str) -> list[VocabularyTerm]:
    """The active terms of `scheme`: standard ones in code order, then local ones by label."""
    terms = session.exec(
        select(VocabularyTerm).where(VocabularyTerm.scheme == scheme, VocabularyTerm.active)
    ).all()
    return sorted(terms, key=lambda t: (t.is_local, t.label if t.is_local else t.code))
