"""Who is acting: the user, their role and where the request came from."""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import Forbidden
from app.security import Permission, role_can
from models.user import Role, User


@dataclass(frozen=True)
class Actor:
    """The person (or the system itself) on whose behalf a service runs."""

    user_id: int | None
    role: Role
    ip: str | None = None

    @classmethod
    def of(cls, user: User, ip: str | None = None) -> Actor:
        return cls(user_id=user.id, role=Role(user.role), ip=ip)

    @classmethod
    def system(cls) -> Actor:
        """Casebook itself: command-line set-up, demo data, migrations."""
        return cls(user_id=None, role=Role.admin, ip=None)

    def can(self, permission: Permission) -> bool:
        return role_can(self.role, permission)

    def require(self, permission: Permission) -> None:
        """Raise `Forbidden` unless this actor has `permission`."""
        if not self.can(permission):
            raise Forbidden(f"Your role ({self.role.value}) may not do this.")
