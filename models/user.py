"""Accounts and roles."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlmodel import Field

from models.base import Timestamped
from models.types import UTCDateTime, enum_type


class Role(enum.StrEnum):
    """What a user may do; each role includes everything the roles below it may do."""

    viewer = "viewer"
    documenter = "documenter"
    coordinator = "coordinator"
    admin = "admin"

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    @property
    def label(self) -> str:
        return self.value.capitalize()


class User(Timestamped, table=True):
    """A person who signs in to Casebook."""

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, unique=True, index=True)
    name: str = Field(max_length=200)
    password_hash: str = Field(max_length=255)
    role: Role = Field(sa_type=enum_type(Role), default=Role.viewer)
    active: bool = Field(default=True)
    failed_logins: int = Field(default=0)
    locked_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_login_at: datetime | None = Field(default=None, sa_type=UTCDateTime)

    # Flask-Login's user protocol, written out so the model needs no Flask import.
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return str(self.id)

    def has_role(self, role: Role) -> bool:
        """True when this user's role is `role` or above it."""
        return Role(self.role).rank >= role.rank
