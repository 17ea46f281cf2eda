"""Forms for evidence: the upload, and the removal with its reason."""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from werkzeug.datastructures import FileStorage
from wtforms import DateTimeLocalField, HiddenField, StringField, TextAreaField, URLField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from app.errors import InvalidInput
from app.evidence.services import check_captured_at, check_original_url
from app.evidence.storage import format_size, too_large, upload_limit_bytes


def within_upload_limit(_form: FlaskForm, field: FileField) -> None:
    """Refuse a file over the configured limit, measured without reading it into memory."""
    upload = field.data
    if not isinstance(upload, FileStorage):
        return
    stream = upload.stream
    position = stream.tell()
    stream.seek(0, 2)
    size = stream.tell()
    stream.seek(position)
    limit = upload_limit_bytes()
    if size > limit:
        raise ValidationError(too_large(limit).message)


def _service_rule(check: Any) -> Any:
    """A WTForms validator that applies one of the service's own checks, so both agree."""

    def validate(_form: FlaskForm, field: Any) -> None:
        try:
            check(field.data)
        except InvalidInput as error:
            raise ValidationError(error.message) from error

    return validate


class EvidenceUploadForm(FlaskForm):
    file = FileField(
        "File",
        validators=[FileRequired("Choose the file to upload."), within_upload_limit],
    )
    description = TextAreaField(
        "Description",
        validators=[Optional(), Length(max=5000)],
        description="What the file shows, and how it reached you.",
    )
    captured_at = DateTimeLocalField(
        "Captured at (UTC)",
        format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"],
        validators=[Optional(), _service_rule(check_captured_at)],
        description="When the photo, recording or document was made, in UTC (Pakistan time "
        "minus 5 hours). Left empty, the time of upload is used.",
    )
    original_url = URLField(
        "Original URL",
        validators=[Optional(), Length(max=2000), _service_rule(check_original_url)],
        description="Where it was found online, if it was (http or https).",
    )
    captured_by = StringField(
        "Captured by",
        validators=[Optional(), Length(max=300)],
        description="Who took the photo or made the recording. Left empty, your name is used.",
    )
    next = HiddenField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.file.description = (
            f"Up to {format_size(upload_limit_bytes())}. Photos, PDF, audio, video, plain text, "
            "Word/Excel/PowerPoint or OpenDocument files."
        )


class EvidenceDeleteForm(FlaskForm):
    reason = TextAreaField(
        "Reason for removal",
        validators=[DataRequired("Say why this evidence is being removed."), Length(max=2000)],
        description="Kept in the audit trail. The stored file itself is never deleted.",
    )
    version = HiddenField()
