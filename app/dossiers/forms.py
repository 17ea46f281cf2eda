"""Forms for making dossiers: kind and audience for one case, audience for a report."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import RadioField
from wtforms.validators import InputRequired

from models.enums import DossierAudience, DossierKind

AUDIENCE_HINTS = {
    DossierAudience.internal: "Everything on record, internal notes included. Never leaves the "
    "organisation.",
    DossierAudience.un_confidential: "For UN mechanisms: the victim named only with consent to "
    "UN transmission; witnesses' and sources' identities withheld.",
    DossierAudience.public: "For publication: names only with consent to public naming; no "
    "witnesses, contacts, ID numbers or home locations.",
}


class CaseDossierForm(FlaskForm):
    kind = RadioField(
        "What to make",
        choices=[(DossierKind.case.value, DossierKind.case.label),
                 (DossierKind.wgeid.value, DossierKind.wgeid.label)],
        default=DossierKind.case.value,
        validators=[InputRequired("Choose what to make.")],
    )
    audience = RadioField(
        "Who it is for",
        default=DossierAudience.internal.value,
        validators=[InputRequired("Choose who the dossier is for.")],
    )


class ReportForm(FlaskForm):
    audience = RadioField(
        "Who it is for",
        default=DossierAudience.internal.value,
        validators=[InputRequired("Choose who the report is for.")],
    )


def offer_audiences(form: FlaskForm, audiences: list[DossierAudience]) -> None:
    """Limit the audience choices to those the user may make."""
    form.audience.choices = [(a.value, a.label) for a in audiences]  # type: ignore[attr-defined]
