"""The closed lists Casebook's rules depend on, each member with a label and its HURIDOCS code.

Every member is declared as `name = "value", "Label", "ESF code"` (the code is optional): the value
is what the database stores, the label is what people read, and the code is the matching term of
the HURIDOCS Events Standard Formats micro-thesaurus named in `ESF_SCHEMES`, kept for export.
Open-ended lists that admins extend (districts, forces, authorities) are vocabulary rows instead.
"""

from __future__ import annotations

import enum
from typing import Any


class Category(enum.StrEnum):
    """A StrEnum whose members carry a human label and, where HURIDOCS has one, an ESF code."""

    _label: str
    _esf_code: str | None

    # `label` defaults only so type checkers accept the lookup call `ActType("arrest")`.
    def __new__(cls, value: str, label: str | None = None, esf_code: str | None = None) -> Category:
        member = str.__new__(cls, value)
        member._value_ = value
        member._label = label or value.replace("_", " ").capitalize()
        member._esf_code = esf_code
        return member

    @property
    def label(self) -> str:
        """The member's name as people read it."""
        return self._label

    @property
    def esf_code(self) -> str | None:
        """The 12-digit HURIDOCS ESF code of the matching term, or None where ESF has none."""
        return self._esf_code

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """(value, label) pairs in declaration order, ready for a form's select field."""
        return [(member.value, member.label) for member in cls]


class Credibility(enum.IntEnum):
    """Admiralty grade of one piece of information: 1 (confirmed) to 6 (cannot be judged)."""

    _label: str

    def __new__(cls, value: int, label: str | None = None) -> Credibility:
        member = int.__new__(cls, value)
        member._value_ = value
        member._label = label or str(value)
        return member

    confirmed = 1, "1 – Confirmed by other sources"
    probably_true = 2, "2 – Probably true"
    possibly_true = 3, "3 – Possibly true"
    doubtful = 4, "4 – Doubtful"
    improbable = 5, "5 – Improbable"
    cannot_judge = 6, "6 – Truth cannot be judged"

    @property
    def label(self) -> str:
        """The grade with its meaning, e.g. "2 – Probably true"."""
        return self._label

    @classmethod
    def choices(cls) -> list[tuple[int, str]]:
        """(value, label) pairs, ready for a form's select field."""
        return [(member.value, member.label) for member in cls]


# --- dates -----------------------------------------------------------------------------------


class DatePrecision(Category):
    """How much of a date is known; ESF "date type" codes mark the partial ones."""

    day = "day", "Exact day"
    month = "month", "Month known, day unknown", "020000000000"
    year = "year", "Year known, month and day unknown", "030000000000"
    unknown = "unknown", "Date unknown"


# --- cases -----------------------------------------------------------------------------------


class ViolationStatus(Category):
    """How well a case is established (DESIGN §4); codes map to ESF "violation status"."""

    alleged = "alleged", "Alleged", "030000000000"
    corroborated = "corroborated", "Corroborated", "040000000000"
    verified = "verified", "Verified", "010100000000"
    disputed = "disputed", "Disputed"


class WorkflowState(Category):
    """Where a case stands in review."""

    draft = "draft", "Draft"
    in_review = "in_review", "In review"
    reviewed = "reviewed", "Reviewed"


class Confidentiality(Category):
    """Who may see a case: confidential cases never leave the organisation."""

    publishable = "publishable", "Publishable (subject to consent)"
    internal = "internal", "Internal"
    confidential = "confidential", "Confidential"


class Priority(Category):
    """How soon a case needs work."""

    urgent = "urgent", "Urgent", "010000000000"
    high = "high", "High", "020000000000"
    normal = "normal", "Normal", "030000000000"
    low = "low", "Low", "040000000000"


# --- people ----------------------------------------------------------------------------------


class PersonRole(Category):
    """What a person is in one case; the same person may hold different roles in other cases."""

    victim = "victim", "Victim"
    witness = "witness", "Witness"
    relative = "relative", "Relative of the victim"
    source = "source", "Source of information"
    perpetrator = "perpetrator", "Named alleged perpetrator"


class Sex(Category):
    """A person's sex as recorded."""

    male = "male", "Male", "010000000000"
    female = "female", "Female", "020000000000"
    unknown = "unknown", "Unknown", "990000000000"


# --- acts ------------------------------------------------------------------------------------


class ActType(Category):
    """One kind of thing done to a victim (ESF "types of acts")."""

    enforced_disappearance = "enforced_disappearance", "Enforced disappearance", "030103000000"
    abduction = "abduction", "Abduction", "030104000000"
    arrest = "arrest", "Arrest", "030101000000"
    arbitrary_detention = "arbitrary_detention", "Arbitrary detention", "030102000000"
    extrajudicial_killing = (
        "extrajudicial_killing",
        "Extrajudicial killing",
        "010101020000",
    )
    death_in_custody = "death_in_custody", "Death in custody", "010106010000"
    unexplained_killing = "unexplained_killing", "Unexplained killing", "010108000000"
    attempted_killing = "attempted_killing", "Attempted killing", "010109000000"
    torture = "torture", "Torture", "020111110000"
    death_threat = "death_threat", "Death threat", "020103020000"
    threats_to_family = "threats_to_family", "Threats against the family", "020103010200"
    raid = "raid", "Illegal search or raid", "040101000000"
    destruction_of_property = "destruction_of_property", "Destruction of property", "130103000000"
    other = "other", "Other"


#: Acts that take a person's liberty: ICPPED art. 2, element 1.
DEPRIVATION_OF_LIBERTY = frozenset(
    {
        ActType.enforced_disappearance,
        ActType.abduction,
        ActType.arrest,
        ActType.arbitrary_detention,
    }
)

#: Acts that end a life; a killing act may follow a disappearance ("kill and dump").
KILLINGS = frozenset(
    {ActType.extrajudicial_killing, ActType.death_in_custody, ActType.unexplained_killing}
)


class LocationType(Category):
    """The kind of place where an act happened or a body was found (ESF "type of location")."""

    victims_home = "victims_home", "Victim's home", "010101000000"
    relatives_home = "relatives_home", "Home of a relative", "010102000000"
    workplace = "workplace", "Victim's place of work", "010200000000"
    shop_or_market = "shop_or_market", "Shop or market", "020700000000"
    hotel_or_restaurant = "hotel_or_restaurant", "Hotel or restaurant", "020900000000"
    military_checkpoint = "military_checkpoint", "Military or FC checkpoint", "030201000000"
    military_camp = "military_camp", "Military or FC camp", "030400000000"
    police_station = "police_station", "Police station", "030500000000"
    police_checkpoint = "police_checkpoint", "Police or Levies checkpoint", "030501000000"
    prison = "prison", "Prison or jail", "030600000000"
    court = "court", "Court", "030700000000"
    school = "school", "School", "040300000000"
    university = "university", "University or college", "040401000000"
    hospital = "hospital", "Hospital", "040500000000"
    mosque = "mosque", "Mosque", "050702000000"
    graveyard = "graveyard", "Graveyard", "060400000000"
    vacant_place = "vacant_place", "Open ground or deserted place", "060500000000"
    road = "road", "Road or highway", "070100000000"
    bus_stop = "bus_stop", "Bus or coach stop", "070304000000"
    vehicle = "vehicle", "In a vehicle", "070400000000"
    border_crossing = "border_crossing", "Border crossing", "080400000000"
    intelligence_facility = (
        "intelligence_facility",
        "Intelligence agency facility",
        "090400000000",
    )
    secret_place = "secret_place", "Secret place of detention", "090500000000"
    village = "village", "Village", "100600000000"
    other = "other", "Other", "900000000000"
    unknown = "unknown", "Unknown", "990000000000"


class Whereabouts(Category):
    """Whether the authorities admit holding the victim (ESF "whereabouts and outside contact")."""

    capture_acknowledged = "capture_acknowledged", "Capture acknowledged", "010000000000"
    location_not_disclosed = (
        "location_not_disclosed",
        "Capture acknowledged, location not disclosed",
        "010200000000",
    )
    capture_denied = "capture_denied", "Capture denied", "020000000000"
    unknown = "unknown", "Unknown", "990000000000"


#: Whereabouts that conceal the victim's fate: ICPPED art. 2, element 3.
CONCEALING_WHEREABOUTS = frozenset({Whereabouts.capture_denied, Whereabouts.location_not_disclosed})


class VictimStatus(Category):
    """The victim's situation now, in the categories Pakistan's Commission of Inquiry reports."""

    still_missing = "still_missing", "Still missing", "010300000000"
    released = "released", "Released / returned home", "010401000000"
    acknowledged_in_custody = (
        "acknowledged_in_custody",
        "Acknowledged in custody (internment centre or jail)",
        "010402000000",
    )
    under_trial = "under_trial", "Held and under trial", "020202000000"
    found_dead = "found_dead", "Found dead", "010100000000"
    unknown = "unknown", "Unknown", "990000000000"


class MannerOfDeath(Category):
    """The manner of death as a medico-legal finding or the family's account."""

    homicide = "homicide", "Homicide"
    death_in_custody = "death_in_custody", "Death in custody"
    accident = "accident", "Accident"
    suicide = "suicide", "Suicide"
    natural = "natural", "Natural causes"
    undetermined = "undetermined", "Undetermined"


class Autopsy(Category):
    """Whether the body was examined (ESF "autopsy")."""

    performed = "performed", "Autopsy performed by medical professionals", "010000000000"
    informal = "informal", "Informal examination of the body", "020000000000"
    not_performed = "not_performed", "No autopsy or examination", "030000000000"
    unknown = "unknown", "Unknown", "990000000000"


class DeathCertificate(Category):
    """Whether a death certificate exists (ESF "death certificate")."""

    none = "none", "No death certificate exists", "010000000000"
    not_available = "not_available", "Exists but is not available", "020000000000"
    seen = "seen", "Seen by reliable witnesses", "030000000000"
    available = "available", "Available", "040000000000"
    unknown = "unknown", "Unknown", "990000000000"


# --- perpetrators ----------------------------------------------------------------------------


class PerpetratorType(Category):
    """Who allegedly did it (ESF "types of perpetrator")."""

    armed_forces = "armed_forces", "Armed forces", "010103000000"
    paramilitary = "paramilitary", "Paramilitary force (e.g. Frontier Corps)", "020101000000"
    police = "police", "Police, CTD or Levies", "010104000000"
    intelligence_agency = "intelligence_agency", "Intelligence agency", "010106000000"
    government_official = "government_official", "Government official", "010102000000"
    prison_officials = "prison_officials", "Prison officials", "010105000000"
    state_backed_group = (
        "state_backed_group",
        'State-backed armed group ("death squad")',
        "020102000000",
    )
    non_state_armed_group = "non_state_armed_group", "Non-state armed group", "020201000000"
    private_individual = "private_individual", "Private individual", "110200000000"
    unknown = "unknown", "Unknown", "990000000000"


#: Agents of the state. Pakistan's Frontier Corps is a federal paramilitary under the Ministry
#: of Interior, so "paramilitary" counts as the state even though ESF files it as non-state.
STATE_AGENTS = frozenset(
    {
        PerpetratorType.armed_forces,
        PerpetratorType.paramilitary,
        PerpetratorType.police,
        PerpetratorType.intelligence_agency,
        PerpetratorType.government_official,
        PerpetratorType.prison_officials,
    }
)

#: Groups acting with the state's authorisation, support or acquiescence (ICPPED art. 2).
STATE_ACQUIESCENCE = frozenset({PerpetratorType.state_backed_group})


class InvolvementDegree(Category):
    """How an alleged perpetrator took part (ESF "degree of involvement")."""

    carried_out = "carried_out", "Carried out the act", "010100000000"
    ordered = "ordered", "Ordered the act", "010200000000"
    planned = "planned", "Planned the act", "010500000000"
    present = "present", "Confirmed present", "010400000000"
    accomplice = "accomplice", "Passive accomplice", "010300000000"
    suspected = "suspected", "Suspected of involvement", "010600000000"
    failed_to_prevent = "failed_to_prevent", "Failed to prevent", "050300000000"
    unknown = "unknown", "Unknown", "990000000000"


# --- sources ---------------------------------------------------------------------------------


class SourceType(Category):
    """The kind of material a source is (ESF "type of source material")."""

    victim_testimony = "victim_testimony", "Victim testimony", "220903200901"
    witness_testimony = "witness_testimony", "Witness testimony", "230920140501"
    relative_testimony = "relative_testimony", "Relative's testimony (interview)", "091420051801"
    affidavit = "affidavit", "Signed affidavit", "190907140501"
    own_investigation = "own_investigation", "Our own investigation (site visit, documents)"
    media_report = "media_report", "Media report", "140523191601"
    ngo_report = "ngo_report", "NGO report or statement", "161805191902"
    court_record = "court_record", "Court record", "031521182001"
    police_record = "police_record", "Police record (FIR, report)"
    official_statement = "official_statement", "Official statement", "161805191901"
    perpetrator_statement = "perpetrator_statement", "Statement by the perpetrator", "161805191903"
    autopsy_report = "autopsy_report", "Autopsy or medical report", "012120151601"
    letter = "letter", "Letter", "120520200501"
    social_media_post = "social_media_post", "Social-media post"
    photo = "photo", "Photograph", "160815201501"
    video = "video", "Video", "220904051501"
    audio = "audio", "Audio recording", "012104091501"
    other = "other", "Other"


#: Material that proves a fact by itself when graded credibility 1 (DESIGN §4, "verified").
DOCUMENTARY_PROOF = frozenset(
    {SourceType.court_record, SourceType.official_statement, SourceType.own_investigation}
)

#: The authorities' (or perpetrators') own word: recorded as official responses, never as
#: evidence that disputes the allegation.
OWN_WORD_OF_ACCUSED = frozenset({SourceType.official_statement, SourceType.perpetrator_statement})


class Reliability(Category):
    """Admiralty grade of a source's track record, A (reliable) to F (cannot be judged)."""

    A = "A", "A – Completely reliable", "010000000000"
    B = "B", "B – Usually reliable", "020000000000"
    C = "C", "C – Fairly reliable", "030000000000"
    D = "D", "D – Not usually reliable", "040000000000"
    E = "E", "E – Unreliable", "050000000000"
    F = "F", "F – Reliability cannot be judged", "990000000000"


class SourceConnection(Category):
    """How a source knows what it says (ESF "source connection to information")."""

    victim = "victim", "The victim", "010100000000"
    witness = "witness", "Eyewitness", "010200000000"
    perpetrator = "perpetrator", "Perpetrator", "010300000000"
    relative = "relative", "Relative of the victim", "020101000000"
    colleague = "colleague", "Colleague of the victim", "020102000000"
    fellow_member = "fellow_member", "Member of the victim's organisation", "020103000000"
    reporter = "reporter", "Reporter (relayed information)", "030100000000"
    lawyer = "lawyer", "Lawyer", "040100000000"
    medical = "medical", "Medical professional", "040200000000"
    ngo = "ngo", "Human rights organisation", "040401000000"
    official = "official", "Official"
    unknown = "unknown", "Unknown", "990000000000"


class SupportedFact(Category):
    """The fact of a case that a citation supports (or contradicts)."""

    arrest = "arrest", "The arrest, abduction or detention"
    perpetrators = "perpetrators", "Who carried it out"
    denial = "denial", "The authorities' denial or silence"
    whereabouts = "whereabouts", "Where the victim is or was held"
    torture = "torture", "Torture or ill-treatment"
    death = "death", "The death"
    identity = "identity", "The victim's identity"
    other = "other", "Other"


# --- the state's answers and what was done ---------------------------------------------------


class ResponseType(Category):
    """What the authorities said or did when asked (ESF "attribution" where it has a term)."""

    denied_custody = "denied_custody", "Denied custody", "010200000000"
    no_response = "no_response", "No response"
    refused_complaint = "refused_complaint", "Refused to register complaint"
    acknowledged_custody = "acknowledged_custody", "Acknowledged custody", "010100000000"
    acknowledged_denied_responsibility = (
        "acknowledged_denied_responsibility",
        "Acknowledged the act, denied responsibility",
        "010300000000",
    )
    alternative_explanation = (
        "alternative_explanation",
        "Alternative explanation",
        "010400000000",
    )
    promised_inquiry = "promised_inquiry", "Promised an inquiry"
    other = "other", "Other"


#: Answers that refuse to acknowledge or conceal the victim's fate: ICPPED art. 2, element 3.
REFUSALS = frozenset(
    {
        ResponseType.denied_custody,
        ResponseType.no_response,
        ResponseType.refused_complaint,
        ResponseType.alternative_explanation,
        ResponseType.acknowledged_denied_responsibility,
    }
)


class AlternativeExplanation(Category):
    """The story the authorities offer instead of custody."""

    killed_in_encounter = "killed_in_encounter", "Killed in an encounter"
    joined_militants = "joined_militants", "Joined militants"
    went_abroad = "went_abroad", "Went abroad"
    personal_enmity = "personal_enmity", "Personal or tribal enmity"
    left_voluntarily = "left_voluntarily", "Left home voluntarily"
    other = "other", "Other"


class ResponseChannel(Category):
    """How the answer was given."""

    verbal = "verbal", "Verbally"
    written_reply = "written_reply", "Written reply"
    court_hearing = "court_hearing", "In court"
    commission_hearing = "commission_hearing", "Before the Commission of Inquiry"
    press_statement = "press_statement", "Press statement"
    media = "media", "Media or social media"
    other = "other", "Other"


class InterventionType(Category):
    """A step taken to find the victim or obtain justice (ESF "types of intervention")."""

    police_complaint = "police_complaint", "Police complaint / FIR", "020100000000"
    habeas_corpus = "habeas_corpus", "Habeas corpus petition", "010200000000"
    coied_complaint = (
        "coied_complaint",
        "Complaint to the Commission of Inquiry on Enforced Disappearances",
        "020100000000",
    )
    wgeid_submission = "wgeid_submission", "Submission to the UN WGEID", "010600000000"
    urgent_appeal = "urgent_appeal", "Urgent appeal to a UN Special Rapporteur", "010600000000"
    media = "media", "Media outreach", "010400000000"
    protest = "protest", "Protest or sit-in", "010400000000"
    letter = "letter", "Letter to an authority", "010600000000"
    other = "other", "Other", "900000000000"


class InterventionStatus(Category):
    """Where an intervention stands."""

    planned = "planned", "Planned"
    filed = "filed", "Filed"
    refused = "refused", "Refused (not registered)"
    awaiting_response = "awaiting_response", "Awaiting response"
    hearing_scheduled = "hearing_scheduled", "Hearing scheduled"
    responded = "responded", "Responded"
    closed = "closed", "Closed"


# --- evidence and consent --------------------------------------------------------------------


class CustodyAction(Category):
    """What someone did with an evidence file (chain of custody)."""

    uploaded = "uploaded", "Uploaded"
    viewed = "viewed", "Viewed"
    downloaded = "downloaded", "Downloaded"
    exported = "exported", "Exported in a dossier"


class ConsentScope(Category):
    """What a consent allows; each is a boolean column on `Consent`."""

    internal = "internal", "Internal use"
    un_transmission = "un_transmission", "Transmission to UN mechanisms"
    public_naming = "public_naming", "Naming in public reports"
    photo_publication = "photo_publication", "Publication of photographs"


class ConsentMethod(Category):
    """How consent was given and recorded."""

    written = "written", "Signed form"
    thumbprint = "thumbprint", "Thumbprint on form"
    oral_recorded = "oral_recorded", "Oral, recorded"
    oral_witnessed = "oral_witnessed", "Oral, before a witness"
    other = "other", "Other"


# --- dossiers --------------------------------------------------------------------------------


class DossierKind(Category):
    """Which report a dossier is."""

    case = "case", "Case dossier"
    wgeid = "wgeid", "WGEID submission"
    advocacy = "advocacy", "Advocacy report"


class DossierAudience(Category):
    """Who a dossier is for; it decides what is redacted (DESIGN §5)."""

    internal = "internal", "Internal"
    un_confidential = "un_confidential", "UN (confidential)"
    public = "public", "Public"


class DossierStatus(Category):
    """Progress of a dossier built in the background."""

    queued = "queued", "Queued"
    running = "running", "Being built"
    done = "done", "Ready"
    failed = "failed", "Failed"


#: The ESF micro-thesaurus each enum's codes come from (keys of the vocabulary JSON).
ESF_SCHEMES: dict[type[Category], str] = {
    DatePrecision: "date_type",
    ViolationStatus: "violation_status",
    Priority: "priority",
    Sex: "sex",
    ActType: "types_of_acts",
    LocationType: "type_of_location",
    Whereabouts: "whereabouts_and_outside_contact",
    VictimStatus: "status_at_end_of_act",
    Autopsy: "autopsy",
    DeathCertificate: "death_certificate",
    PerpetratorType: "types_of_perpetrator",
    InvolvementDegree: "degree_of_involvement",
    SourceType: "type_of_source_material",
    Reliability: "reliability",
    SourceConnection: "source_connection_to_information",
    ResponseType: "attribution",
    InterventionType: "types_of_intervention",
}


def esf_codes(enum_cls: type[Category]) -> dict[str, str]:
    """Member value → ESF code for every member of `enum_cls` that has one (for export)."""
    return {m.value: m.esf_code for m in enum_cls if m.esf_code is not None}


def label_of(value: Any) -> str:
    """The label of an enum member, or the text itself for a plain value ("" for None)."""
    if value is None:
        return ""
    return str(getattr(value, "label", value))
