"""The full forms to add and edit each part of a case. Each lists its `fieldsets` (legend, field
names): the generic form template lays them out, and the generic view hands exactly those
fields to the service."""

from __future__ import annotations

from typing import ClassVar

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    FloatField,
    Form,
    FormField,
    HiddenField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, NumberRange, Optional

from app.cases.forms import (
    DATE_HINT,
    ActCoreFields,
    ConsentFields,
    CredibilityField,
    EnumSelectField,
    IdSelectField,
    PartialDateField,
    PerpetratorFields,
    SourceCoreFields,
    VictimFields,
    optional_date,
    suggest,
)
from models.enums import (
    AlternativeExplanation,
    Autopsy,
    Confidentiality,
    DeathCertificate,
    InterventionStatus,
    InterventionType,
    LocationType,
    MannerOfDeath,
    PersonRole,
    Priority,
    ResponseChannel,
    ResponseType,
    SourceConnection,
    SupportedFact,
    VictimStatus,
    Whereabouts,
)

Fieldsets = list[tuple[str, list[str]]]


class EntityForm(FlaskForm):
    """An add/edit form: its layout, and the version of the record an edit started from."""

    fieldsets: ClassVar[Fieldsets] = []
    version = HiddenField()

    def service_fields(self) -> dict[str, object]:
        """The values of the laid-out fields, as the service takes them."""
        return {name: self[name].data for _, names in self.fieldsets for name in names}


class CaseForm(EntityForm):
    title = StringField("Title", validators=[InputRequired(message="Give the case a short title.")])
    narrative = TextAreaField(
        "Narrative", description="What happened, in the family's words.", render_kw={"rows": 8}
    )
    district = StringField("District", render_kw=suggest("district"))
    place = StringField("Place")
    confidentiality = EnumSelectField("Confidentiality", Confidentiality)
    priority = EnumSelectField("Priority", Priority)
    tags = StringField("Tags", description="Comma-separated, e.g. students, Kech 2025")
    internal_notes = TextAreaField(
        "Internal notes", description="Never printed in any dossier.", render_kw={"rows": 3}
    )
    fieldsets = [
        ("The case", ["title", "narrative", "district", "place"]),
        ("Handling", ["confidentiality", "priority", "tags", "internal_notes"]),
    ]


class PersonForm(VictimFields, EntityForm):
    role = EnumSelectField("Role in this case", PersonRole, default=PersonRole.victim)
    relation_to_victim = StringField("Relation to the victim", description="e.g. mother, neighbour")
    birth = PartialDateField("Date of birth", description=DATE_HINT)
    affiliation = StringField("Affiliation", description="Party, student union, organisation.")
    ethnicity = StringField("Ethnicity or tribe")
    home_address = TextAreaField(
        "Home address", description="Sensitive: internal only.", render_kw={"rows": 2}
    )
    national_id = StringField("CNIC (national ID)", description="12345-1234567-1; sensitive.")
    contact = TextAreaField(
        "Contact", description="Sensitive: internal only.", render_kw={"rows": 2}
    )
    protected = BooleanField("Protected: never publish this identity without consent")
    fieldsets = [
        ("Role in this case", ["role", "relation_to_victim"]),
        (
            "Identity",
            [
                "full_name",
                "father_name",
                "other_names",
                "sex",
                "birth",
                "age_at_incident",
                "national_id",
            ],
        ),
        ("Background", ["occupation", "affiliation", "ethnicity", "home_district"]),
        ("Sensitive", ["home_address", "contact", "protected"]),
    ]


class ActForm(ActCoreFields, EntityForm):
    victim_id = IdSelectField("Victim", validators=[InputRequired(message="Pick the victim.")])
    end = PartialDateField("Until", description="When it ended (release, death), if it did.")
    description = TextAreaField("What happened", render_kw={"rows": 4})
    province = StringField("Province", render_kw=suggest("province"))
    location_type = EnumSelectField("Kind of place", LocationType, blank="—")
    latitude = FloatField("Latitude", validators=[Optional(), NumberRange(-90, 90)])
    longitude = FloatField("Longitude", validators=[Optional(), NumberRange(-180, 180)])
    whereabouts = EnumSelectField("Do the authorities admit holding the victim?", Whereabouts)
    victim_status = EnumSelectField("The victim now", VictimStatus)
    follows_act_id = IdSelectField(
        "Follows the earlier act",
        blank="—",
        description="For a killing after a disappearance (“kill and dump”): the disappearance.",
    )
    cause_of_death = TextAreaField("Cause of death", render_kw={"rows": 2})
    manner_of_death = EnumSelectField("Manner of death", MannerOfDeath, blank="—")
    body_found_place = StringField("Body found at")
    body_found = PartialDateField("Body found on", description=DATE_HINT)
    autopsy = EnumSelectField("Autopsy", Autopsy, blank="—")
    death_certificate = EnumSelectField("Death certificate", DeathCertificate, blank="—")
    fieldsets = [
        ("What happened", ["victim_id", "act_type", "start", "end", "description"]),
        ("Where", ["place_name", "district", "province", "location_type", "latitude", "longitude"]),
        ("What became of the victim", ["whereabouts", "victim_status"]),
        (
            "If the victim was killed",
            [
                "follows_act_id",
                "cause_of_death",
                "manner_of_death",
                "body_found_place",
                "body_found",
                "autopsy",
                "death_certificate",
            ],
        ),
    ]


class InvolvementForm(PerpetratorFields, EntityForm):
    act_id = IdSelectField("Act", validators=[InputRequired(message="Pick the act.")])
    fieldsets = [
        (
            "Alleged perpetrator",
            ["act_id", "perpetrator_type", "force", "unit_name", "degree", "basis_for_attribution"],
        ),
    ]


class SourceForm(SourceCoreFields, EntityForm):
    archive_url = StringField("Archived copy", description="e.g. a web.archive.org address")
    language = StringField("Language")
    connection = EnumSelectField(
        "How the source knows", SourceConnection, default=SourceConnection.unknown
    )
    notes = TextAreaField("Notes", render_kw={"rows": 2})
    fieldsets = [
        (
            "Source",
            [
                "source_type",
                "title",
                "author",
                "published",
                "language",
                "connection",
                "reliability",
            ],
        ),
        ("Online", ["url", "archive_url"]),
        ("Notes", ["notes"]),
    ]


class NewSourceFields(SourceCoreFields):
    archive_url = StringField("Archived copy")
    language = StringField("Language")
    connection = EnumSelectField(
        "How the source knows", SourceConnection, default=SourceConnection.unknown
    )


class CitationEditForm(EntityForm):
    source_id = IdSelectField("Source", blank="— a new source, described below —")
    fact = EnumSelectField("Supports", SupportedFact, blank="— the case in general —")
    act_id = IdSelectField("About the act", blank="—")
    involvement_id = IdSelectField("About the perpetrator", blank="—")
    response_id = IdSelectField("Records the official response", blank="—")
    locator = StringField("Where in the source", description="Page, paragraph, minute.")
    excerpt = TextAreaField("Excerpt", render_kw={"rows": 3})
    credibility = CredibilityField()
    independence_key = StringField(
        "Same origin as",
        description="Sources sharing this key trace to one origin and count "
        "once for corroboration (e.g. “family statement 3 May”). Leave blank if independent.",
    )
    contradicts = BooleanField("This source speaks against the allegation")
    fieldsets = [
        ("Source", ["source_id"]),
        (
            "What it supports",
            ["fact", "act_id", "involvement_id", "response_id", "locator", "excerpt"],
        ),
        ("Grading", ["credibility", "independence_key", "contradicts"]),
    ]


class CitationForm(CitationEditForm):
    new_source = FormField(NewSourceFields)
    subforms = {"new_source": "A new source"}


class ResponseCitationFields(Form):
    source_id = IdSelectField("Recorded in source", blank="— none —")
    locator = StringField("Where in the source")
    credibility = CredibilityField()


class ResponseForm(EntityForm):
    act_id = IdSelectField("Answers the allegation", blank="— the case as a whole —")
    responded = PartialDateField("Date", description=DATE_HINT)
    authority = StringField(
        "Authority",
        render_kw=suggest("authority"),
        validators=[InputRequired(message="Name the authority that answered.")],
    )
    channel = EnumSelectField("How", ResponseChannel, blank="—")
    response_type = EnumSelectField("Answer", ResponseType, blank="— pick —")
    alternative_explanation = EnumSelectField(
        "Their explanation", AlternativeExplanation, blank="—"
    )
    verbatim_text = TextAreaField("Their words, verbatim", render_kw={"rows": 4})
    citation = FormField(ResponseCitationFields)
    fieldsets = [
        (
            "The answer",
            [
                "act_id",
                "responded",
                "authority",
                "channel",
                "response_type",
                "alternative_explanation",
                "verbatim_text",
            ],
        ),
    ]
    subforms = {"citation": "The source that records it (optional)"}


class InterventionForm(EntityForm):
    intervention_type = EnumSelectField("What was done", InterventionType, blank="— pick —")
    act_id = IdSelectField("About the act", blank="—")
    filed_by = StringField("Filed by")
    addressed_to = StringField("Addressed to", render_kw=suggest("authority"))
    reference_number = StringField("Reference number", description="FIR no., petition no.")
    filed = PartialDateField("Filed on", description=DATE_HINT)
    status = EnumSelectField("Status", InterventionStatus, default=InterventionStatus.filed)
    next_action = StringField("Next action", description="e.g. hearing, follow-up letter")
    next_action_date = optional_date("Next action due")
    outcome = TextAreaField("Outcome", render_kw={"rows": 3})
    response_id = IdSelectField("Answer it drew", blank="—")
    fieldsets = [
        (
            "The step",
            [
                "intervention_type",
                "act_id",
                "filed_by",
                "addressed_to",
                "reference_number",
                "filed",
            ],
        ),
        (
            "Where it stands",
            ["status", "next_action", "next_action_date", "response_id", "outcome"],
        ),
    ]


class ConsentForm(ConsentFields, EntityForm):
    person_id = IdSelectField("For", validators=[InputRequired(message="Pick the person.")])
    withdrawn = BooleanField("Consent has been withdrawn")
    notes = TextAreaField("Notes", render_kw={"rows": 2})
    fieldsets = [
        ("Consent", ["person_id", "given_by", "relation", "given_on", "method"]),
        ("It covers", ["internal", "un_transmission", "public_naming", "photo_publication"]),
        ("Withdrawal", ["withdrawn", "notes"]),
    ]


class DeleteForm(FlaskForm):
    """Confirm a removal, with an optional reason for the audit trail."""

    version = HiddenField()
    reason = StringField("Why (kept in the history)")
