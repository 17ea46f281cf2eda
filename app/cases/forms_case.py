"""Small forms of the case page itself: the status override and the workflow buttons."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, TextAreaField

from app.cases.forms import EnumSelectField
from models.enums import ViolationStatus, WorkflowState


class StatusOverrideForm(FlaskForm):
    status = EnumSelectField("Status shown", ViolationStatus, blank="— the computed status —")
    reason = TextAreaField(
        "Reason", description="Required to override; kept in the history.", render_kw={"rows": 2}
    )
    version = HiddenField()


class WorkflowForm(FlaskForm):
    from_state = EnumSelectField("From", WorkflowState)
    to_state = EnumSelectField("To", WorkflowState)
