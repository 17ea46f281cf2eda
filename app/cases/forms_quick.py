"""The quick-entry form: the common case on one page (victim, act, perpetrators, narrative,
first source, consent)."""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from wtforms import FieldList, FormField, StringField, TextAreaField

from app.cases.forms import (
    ActCoreFields,
    ConsentFields,
    CredibilityField,
    PerpetratorFields,
    SourceCoreFields,
    VictimFields,
)

PERPETRATOR_ROWS = 2


class QuickSourceFields(SourceCoreFields):
    """The first source, with the credibility of what it says (graded on its citation)."""

    credibility = CredibilityField()


class QuickEntryForm(FlaskForm):
    victim = FormField(VictimFields)
    act = FormField(ActCoreFields)
    perpetrators = FieldList(
        FormField(PerpetratorFields), min_entries=PERPETRATOR_ROWS, max_entries=6
    )
    title = StringField(
        "Case title", description="Leave blank for e.g. “Enforced disappearance of …”."
    )
    narrative = TextAreaField(
        "Narrative", description="What happened, in the family's words.", render_kw={"rows": 6}
    )
    source = FormField(QuickSourceFields)
    consent = FormField(ConsentFields)

    def sections(self) -> dict[str, Any]:
        """The typed values, arranged as `quick_entry` takes them."""
        source = dict(self.source.data)
        act = dict(self.act.data)
        return {
            "case": {
                "title": self.title.data or "",
                "narrative": self.narrative.data or "",
                "district": act.get("district") or "",
                "place": act.get("place_name") or "",
            },
            "victim": dict(self.victim.data),
            "act": act,
            "perpetrators": [dict(row) for row in self.perpetrators.data],
            "citation": {"credibility": source.pop("credibility")},
            "source": source,
            "consent": dict(self.consent.data),
        }


# Where a quick-entry service problem is shown: its section → the form's field path.
QUICK_PATHS = {
    "case.title": "title",
    "case.narrative": "narrative",
    "case.district": "act.district",
    "case.place": "act.place_name",
    "citation": "source",
}
