"""SQLModel tables and the pure domain rules of Casebook.

Importing this package registers every table on `SQLModel.metadata` (Alembic relies on it).
"""

from models.audit import AuditEvent
from models.user import Role, User

__all__ = ["AuditEvent", "Role", "User"]
