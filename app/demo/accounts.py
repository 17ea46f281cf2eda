"""Demo accounts: one per role, passwords generated once and kept only in the instance folder."""

from __future__ import annotations

import secrets
from pathlib import Path

from sqlmodel import Session

from app.services import users
from app.services.actor import Actor
from models.user import Role

DEMO_DOMAIN = "casebook.example"
CREDENTIALS_FILE = "demo-accounts.txt"


def demo_email(role: Role) -> str:
    return f"{role.value}@{DEMO_DOMAIN}"


def ensure_demo_accounts(session: Session, instance_dir: Path) -> dict[str, str] | None:
    """Create the missing demo accounts; return the new credentials, or None if all existed."""
    created: dict[str, str] = {}
    for role in Role:
        if users.find_by_email(session, demo_email(role)) is not None:
            continue
        password = secrets.token_urlsafe(12)
        users.create_user(
            session,
            actor=Actor.system(),
            email=demo_email(role),
            name=f"Demo {role.label}",
            role=role,
            password=password,
        )
        created[demo_email(role)] = password
    if not created:
        return None
    path = instance_dir / CREDENTIALS_FILE
    instance_dir.mkdir(parents=True, exist_ok=True)
    lines = [f"{email}  {password}" for email, password in created.items()]
    with path.open("a") as handle:
        handle.write("\n".join(lines) + "\n")
    path.chmod(0o600)
    return created
