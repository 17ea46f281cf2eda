"""What each audience may see (DESIGN §5), decided in one place.

* **internal** — everything, internal notes included; never leaves the organisation.
* **UN-confidential** — a victim is named only where a consent that is not withdrawn covers
  transmission to UN mechanisms, else the case code stands in; the identities of sources,
  witnesses and relatives are withheld; no contacts, ID numbers, home addresses or notes;
  map coordinates; confidential cases are refused.
* **public** — a victim is named only where a consent covers naming in public reports, else
  the case code; no witnesses at all, no contacts, ID numbers, precise home locations,
  coordinates, evidence file names, named individual perpetrators or notes; only cases marked
  publishable.

`redact_for(audience)` gives the `RedactionPolicy`; `Scrubber` removes from free text every
name and detail the policy withholds, as a second line of defence for narratives that mention
them. The context builders apply both once; templates only ever receive the result.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from models.consent import Consent
from models.enums import Confidentiality, ConsentScope, DossierAudience, PersonRole, SourceType
from models.person import Person
from models.source import Source

WITHHELD = "[withheld]"

# Sources that are a person speaking or recording: their identity is withheld outside the
# organisation. Published material (media, NGO, court, official) keeps its title and author.
PERSONAL_SOURCE_TYPES = frozenset(
    {
        SourceType.victim_testimony,
        SourceType.witness_testimony,
        SourceType.relative_testimony,
        SourceType.affidavit,
        SourceType.letter,
        SourceType.photo,
        SourceType.video,
        SourceType.audio,
        SourceType.social_media_post,
    }
)

# Parts of names so common in Balochistan that withholding them alone would hide nothing and
# blank ordinary words ("Baloch Students Organisation"); the full name is always withheld.
COMMON_NAME_PARTS = frozenset(
    """
    Baloch Baluch Balouch Khan Muhammad Mohammad Mohammed Muhammed Mohd Bibi Ali Ahmed Ahmad
    Jan Bakhsh Bux Shah Mir Syed Sayed Sardar Hussain Husain Abdul Ullah Allah Din Deen Noor
    Nur Gul Khatoon Begum Bano Sahib Haji Mullah Malik Sheikh Qazi Marri Bugti Mengal Rind
    Lashari Zehri Raisani Jamali Magsi Brahui Hazara Pashtun Kakar
    """.casefold().split()
)
_MIN_WITHHELD_LENGTH = 3


@dataclass(frozen=True)
class RedactionPolicy:
    """The switches one audience sets; the context builders read nothing else."""

    audience: DossierAudience
    marking: str
    naming_scope: ConsentScope | None  # None: everyone is named (internal)
    allowed_confidentiality: frozenset[Confidentiality]
    show_witnesses: bool
    name_others: bool  # relatives, witnesses, sources: named, or described by role
    show_contact_details: bool  # contacts, ID numbers, home addresses
    show_precise_locations: bool  # place names of homes
    show_coordinates: bool
    show_source_identities: bool
    show_evidence_filenames: bool
    show_named_perpetrators: bool
    show_internal_notes: bool

    @property
    def is_internal(self) -> bool:
        """True for the organisation's own edition."""
        return self.audience is DossierAudience.internal

    def admits(self, confidentiality: Confidentiality) -> bool:
        """True when a case of this confidentiality may appear in this audience's reports."""
        return Confidentiality(confidentiality) in self.allowed_confidentiality


POLICIES: dict[DossierAudience, RedactionPolicy] = {
    DossierAudience.internal: RedactionPolicy(
        audience=DossierAudience.internal,
        marking="CONFIDENTIAL — INTERNAL",
        naming_scope=None,
        allowed_confidentiality=frozenset(Confidentiality),
        show_witnesses=True,
        name_others=True,
        show_contact_details=True,
        show_precise_locations=True,
        show_coordinates=True,
        show_source_identities=True,
        show_evidence_filenames=True,
        show_named_perpetrators=True,
        show_internal_notes=True,
    ),
    DossierAudience.un_confidential: RedactionPolicy(
        audience=DossierAudience.un_confidential,
        marking="UN CONFIDENTIAL",
        naming_scope=ConsentScope.un_transmission,
        allowed_confidentiality=frozenset(
            {Confidentiality.publishable, Confidentiality.internal}
        ),
        show_witnesses=True,
        name_others=False,
        show_contact_details=False,
        show_precise_locations=True,
        show_coordinates=False,
        show_source_identities=False,
        show_evidence_filenames=True,
        show_named_perpetrators=True,
        show_internal_notes=False,
    ),
    DossierAudience.public: RedactionPolicy(
        audience=DossierAudience.public,
        marking="PUBLIC",
        naming_scope=ConsentScope.public_naming,
        allowed_confidentiality=frozenset({Confidentiality.publishable}),
        show_witnesses=False,
        name_others=False,
        show_contact_details=False,
        show_precise_locations=False,
        show_coordinates=False,
        show_source_identities=False,
        show_evidence_filenames=False,
        show_named_perpetrators=False,
        show_internal_notes=False,
    ),
}


def redact_for(audience: DossierAudience | str) -> RedactionPolicy:
    """The redaction policy of `audience`."""
    return POLICIES[DossierAudience(audience)]


def is_named(
    policy: RedactionPolicy,
    person: Person,
    role: PersonRole,
    consents: Iterable[Consent],
    *,
    as_of: date,
) -> bool:
    """True when this audience may print `person`'s name in this role.

    Outside the organisation only a victim can be named, and only with a live consent of the
    audience's scope for that person, given by `as_of`; `protected` people are no exception.
    """
    if policy.naming_scope is None:
        return True
    if role is not PersonRole.victim:
        return role is PersonRole.perpetrator and policy.show_named_perpetrators
    return any(
        consent.person_id == person.id and consent.covers(policy.naming_scope, on=as_of)
        for consent in consents
    )


def is_personal_source(source: Source) -> bool:
    """True when a source is a person's own account or recording (identity withheld outside)."""
    return source.person_id is not None or SourceType(source.source_type) in PERSONAL_SOURCE_TYPES


def contact_details(person: Person) -> list[str]:
    """The values that locate or identify `person` directly: ID number, contact, address."""
    values = [person.national_id, person.contact, person.home_address]
    if person.national_id:
        values.append(re.sub(r"\D", "", person.national_id))
    return [value for value in values if value]


def names_of(person: Person) -> list[str]:
    """Every name `person` is known by, father's name included (it identifies in Pakistan)."""
    values = [person.full_name, person.father_name, *person.other_name_list]
    return [value for value in values if value]


class Scrubber:
    """Replaces withheld strings in free text: whole values first, then distinctive name parts.

    Built once per case (the withheld values differ per case); `clean(text)` is cheap.
    """

    def __init__(
        self, replacements: dict[str, str] | None = None, *, keep: set[str] | None = None
    ) -> None:
        self._pattern: re.Pattern[str] | None = None
        self._replacements: dict[str, str] = {}
        # Words of names this edition prints (a named victim's family name shared with a
        # withheld relative): never withheld on their own.
        self.keep = {word.casefold() for word in keep or set()}
        # Whole names this edition prints: never withheld even when they come back in another
        # field (a victim who gave consent himself is the consent's "given by").
        self.named: set[str] = set()
        for value, replacement in (replacements or {}).items():
            self.add(value, replacement)

    def add(self, value: str | None, replacement: str = WITHHELD, *, parts: bool = True) -> None:
        """Withhold `value`, and (for names) each uncommon word of it, from all later text."""
        value = (value or "").strip()
        if len(value) < _MIN_WITHHELD_LENGTH or value.casefold() in self.named:
            return
        self._replacements.setdefault(value.casefold(), replacement)
        if parts:
            for word in re.findall(r"\w+", value):
                folded = word.casefold()
                if len(word) >= 4 and folded not in COMMON_NAME_PARTS and folded not in self.keep:
                    self._replacements.setdefault(folded, replacement)
        self._pattern = None

    @property
    def withheld(self) -> list[str]:
        """Every string this scrubber removes (for previews and tests)."""
        return list(self._replacements)

    def clean(self, text: str | None) -> str:
        """`text` with every withheld value replaced (case-insensitive, whole words)."""
        if not text or not self._replacements:
            return text or ""
        if self._pattern is None:
            # Longest first, so a full name wins over the parts it contains.
            alternatives = sorted(self._replacements, key=len, reverse=True)
            self._pattern = re.compile(
                r"(?<!\w)(?:" + "|".join(re.escape(a) for a in alternatives) + r")(?!\w)",
                re.IGNORECASE,
            )
        return self._pattern.sub(
            lambda m: self._replacements.get(m.group(0).casefold(), WITHHELD), text
        )

    def clean_optional(self, text: str | None) -> str | None:
        """Like `clean`, keeping None (and blank) as None."""
        cleaned = self.clean(text).strip()
        return cleaned or None
