"""Forms of the search pages: naming a saved search, deleting one, confirming a merge."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, IntegerField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange


class SaveSearchForm(FlaskForm):
    """Save the search shown (its query string) under a name."""

    name = StringField(
        "Name this search",
        validators=[InputRequired(message="Give the search a name."), Length(max=100)],
        description="Saving under a name you used before replaces that search.",
    )
    query_string = HiddenField()


class DeleteSavedForm(FlaskForm):
    """Remove a saved search (the form only carries the CSRF token)."""


class MergeForm(FlaskForm):
    """Confirm merging one person record into another."""

    keep = HiddenField(validators=[DataRequired()])
    merge = HiddenField(validators=[DataRequired()])
    keep_version = HiddenField()
    merge_version = HiddenField()
    confirm = BooleanField(
        "I have compared both records: they are the same person.",
        validators=[DataRequired(message="Tick this once you are sure they are one person.")],
    )


class ChoosePeopleForm(FlaskForm):
    """Pick two person records to compare (by their numbers)."""

    class Meta:
        csrf = False  # a GET form that changes nothing

    keep = IntegerField("Keep person number", validators=[InputRequired(), NumberRange(min=1)])
    merge = IntegerField("Merge person number", validators=[InputRequired(), NumberRange(min=1)])
