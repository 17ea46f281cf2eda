"""Form building blocks for cases: partial-date and enum fields, and the field groups that the
full entity forms and the quick-entry form share (victim, act, perpetrator, source, consent).

Field names are the services' field names (model columns; a partial date under its base name),
so a service's `InvalidInput(field=...)` lands next to the right input.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wtforms import (
    BooleanField,
    DateField,
    Form,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, NumberRange, Optional

from models.enums import (
    ActType,
    ConsentMethod,
    Credibility,
    InvolvementDegree,
    PerpetratorType,
    Reliability,
    Sex,
    SourceType,
)
from models.partial_date import PartialDate

DATE_HINT = "As known: 12/03/2025, March 2025, 2025, or “circa 2024”. Day first."

# Ids of the <datalist> of suggestions each vocabulary gets on a page (see _macros.html).
DATALISTS = {
    "district": "terms-district",
    "force": "terms-force",
    "authority": "terms-authority",
    "province": "terms-province",
}


def suggest(scheme: str) -> dict[str, str]:
    """Render keywords that offer the vocabulary's terms while still accepting free text."""
    return {"list": DATALISTS[scheme], "autocomplete": "off"}


class PartialDateField(StringField):
    """A date as people know it: typed freely, read as a `PartialDate`, shown back as typed."""

    def process_data(self, value: Any) -> None:
        self.data = value if isinstance(value, PartialDate) else PartialDate.unknown()

    def process_formdata(self, valuelist: list[Any]) -> None:
        if valuelist:
            self.data = PartialDate.parse(valuelist[0])  # ValueError → shown beside the field

    def _value(self) -> str:
        if self.raw_data:
            return str(self.raw_data[0])
        return self.data.as_input() if isinstance(self.data, PartialDate) else ""


def _coerce_to(kind: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def coerce(value: Any) -> Any:
        if value is None or value == "":
            return None
        return kind(value)

    return coerce


def optional_int(value: Any) -> int | None:
    """A select's value as an id, blank as None."""
    return None if value is None or value == "" else int(value)


class EnumSelectField(SelectField):
    """A select of an enum's members by label; `blank` adds an empty first choice."""

    def __init__(self, label: str, enum: Any, *, blank: str | None = None, **kwargs: Any) -> None:
        choices = ([("", blank)] if blank is not None else []) + [
            (str(value), text) for value, text in enum.choices()
        ]
        kind = (lambda v: enum(int(v))) if issubclass(enum, int) else enum
        super().__init__(label, choices=choices, coerce=_coerce_to(kind), **kwargs)


class IdSelectField(SelectField):
    """A select of the case's own records (victims, acts, sources…), choices set per request."""

    def __init__(self, label: str, *, blank: str | None = None, **kwargs: Any) -> None:
        super().__init__(label, choices=[], coerce=optional_int, **kwargs)
        self.blank = blank

    def set_options(self, options: list[tuple[int, str]]) -> None:
        """Offer these (id, label) pairs, after the blank choice if there is one."""
        self.choices = ([("", self.blank)] if self.blank is not None else []) + [
            (str(i), text) for i, text in options
        ]


def optional_date(label: str, **kwargs: Any) -> DateField:
    return DateField(label, validators=[Optional()], **kwargs)


# --- field groups ----------------------------------------------------------------------------


class VictimFields(Form):
    """Who the victim is: the identifying details quick entry asks for."""

    full_name = StringField(
        "Full name",
        validators=[InputRequired(message="Enter the person's name as the family gives it.")],
    )
    father_name = StringField("Father's name", description="Central to identifying a person.")
    other_names = TextAreaField(
        "Other spellings and names",
        description="One per line: the name in Urdu script, nicknames, other transliterations.",
        render_kw={"rows": 2},
    )
    sex = EnumSelectField("Sex", Sex, default=Sex.unknown)
    age_at_incident = IntegerField(
        "Age at the time",
        validators=[Optional(), NumberRange(0, 120, message="An age is between 0 and 120.")],
    )
    occupation = StringField("Occupation", description="e.g. student, shopkeeper, driver")
    home_district = StringField("Home district", render_kw=suggest("district"))


class ActCoreFields(Form):
    """What happened, when and where: the part of an act quick entry asks for."""

    act_type = EnumSelectField(
        "What was done",
        ActType,
        default=ActType.enforced_disappearance,
        validators=[InputRequired(message="Say what was done.")],
    )
    start = PartialDateField("When", description=DATE_HINT)
    place_name = StringField("Place", description="Village, road, checkpoint, town.")
    district = StringField("District", render_kw=suggest("district"))


class PerpetratorFields(Form):
    """An alleged perpetrator and why the act is attributed to them."""

    perpetrator_type = EnumSelectField("Alleged perpetrator", PerpetratorType, blank="— pick —")
    force = StringField(
        "Force",
        render_kw=suggest("force"),
        description="e.g. Frontier Corps, CTD, Levies, men in plain clothes",
    )
    unit_name = StringField("Unit or names", description="As witnesses gave it: “FC 77 Wing”.")
    degree = EnumSelectField(
        "Involvement", InvolvementDegree, default=InvolvementDegree.carried_out
    )
    basis_for_attribution = TextAreaField(
        "Basis for attribution",
        description="What makes you say so: uniforms, vehicles, statements, a camp nearby…",
        render_kw={"rows": 2},
    )


class SourceCoreFields(Form):
    """Where information came from, and how reliable the source has been (A–F)."""

    source_type = EnumSelectField("Kind of source", SourceType, blank="— pick —")
    title = StringField("Title", description="e.g. “Interview with the victim's brother”")
    author = StringField("Publisher or author")
    published = PartialDateField("Date", description=DATE_HINT)
    url = StringField("Web address")
    reliability = EnumSelectField("Reliability of the source", Reliability, blank="— not graded —")


class CredibilityField(EnumSelectField):
    def __init__(self, label: str = "Credibility of this information", **kwargs: Any) -> None:
        super().__init__(label, Credibility, blank="— not graded —", **kwargs)


class ConsentFields(Form):
    """Who consented, how, and to what."""

    given_by = StringField("Given by", description="The victim, or the relative who consented.")
    relation = StringField("Relation to the victim", description="e.g. brother, mother, self")
    given_on = optional_date("Date given")
    method = EnumSelectField("How", ConsentMethod, default=ConsentMethod.written)
    internal = BooleanField("Internal use", default=True)
    un_transmission = BooleanField("Transmission to UN mechanisms")
    public_naming = BooleanField("Naming in public reports")
    photo_publication = BooleanField("Publication of photographs")
