"""Account administration forms."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, Length

from models.user import Role

ROLE_CHOICES = [(role.value, role.label) for role in Role]


class UserCreateForm(FlaskForm):
    name = StringField("Full name", validators=[DataRequired(message="Enter the person's name.")])
    email = EmailField(
        "Email", validators=[DataRequired(), Email(message="Enter a valid email address.")]
    )
    role = SelectField("Role", choices=ROLE_CHOICES, default=Role.documenter.value)
    password = PasswordField(
        "Initial password",
        validators=[DataRequired(), Length(min=12, message="Use at least 12 characters.")],
        description="Give it to the person in person or by a secure channel; they can change it.",
    )


class UserEditForm(FlaskForm):
    role = SelectField("Role", choices=ROLE_CHOICES)
    active = BooleanField("Account active (can sign in)")
    version = HiddenField()
