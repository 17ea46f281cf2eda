"""Accounts: create, change role, deactivate, and the sign-in bookkeeping (lockout)."""

from __future__ import annotations

from datetime import timedelta

from flask import current_app
from sqlmodel import Session, func, select

from app.errors import InvalidInput, NotFound
from app.security import Permission, hash_password, verify_password
from app.services import records
from app.services.actor import Actor
from app.services.audit import record
from models.types import utcnow
from models.user import Role, User


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_by_email(session: Session, email: str) -> User | None:
    return session.exec(select(User).where(User.email == normalise_email(email))).first()


def get_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("No such user.")
    return user


def list_users(session: Session) -> list[User]:
    return list(session.exec(select(User).order_by(User.active.desc(), User.name)))  # type: ignore[attr-defined]


def create_user(
    session: Session, *, actor: Actor, email: str, name: str, role: Role, password: str
) -> User:
    """Create an account; the email must be new."""
    actor.require(Permission.manage_users)
    email = normalise_email(email)
    if find_by_email(session, email) is not None:
        raise InvalidInput("An account with this email already exists.", field="email")
    if len(password) < 12:
        raise InvalidInput("Use a password of at least 12 characters.", field="password")
    user = User.model_validate(
        {
            "email": email,
            "name": name.strip(),
            "role": role,
            "password_hash": hash_password(password),
        }
    )
    return records.create(session, actor=actor, row=user)


def change_role(session: Session, *, actor: Actor, user: User, role: Role) -> User:
    actor.require(Permission.manage_users)
    _keep_one_admin(session, user, losing_admin=role is not Role.admin)
    return records.update(
        session, actor=actor, row=user, changes={"role": role}, expected_version=None
    )


def set_active(session: Session, *, actor: Actor, user: User, active: bool) -> User:
    """Deactivate or reactivate an account (accounts are never deleted)."""
    actor.require(Permission.manage_users)
    if not active:
        _keep_one_admin(session, user, losing_admin=True)
    return records.update(
        session, actor=actor, row=user, changes={"active": active}, expected_version=None
    )


def set_password(session: Session, *, actor: Actor, user: User, password: str) -> User:
    if actor.user_id != user.id:
        actor.require(Permission.manage_users)
    if len(password) < 12:
        raise InvalidInput("Use a password of at least 12 characters.", field="password")
    user.password_hash = hash_password(password)
    session.add(user)
    record(session, actor=actor, action="password", entity_type="user", entity_id=user.id)
    return user


def _keep_one_admin(session: Session, user: User, *, losing_admin: bool) -> None:
    if not (losing_admin and user.role == Role.admin and user.active):
        return
    admins = session.exec(
        select(func.count()).select_from(User).where(User.role == Role.admin, User.active)
    ).one()
    if admins <= 1:
        raise InvalidInput("Casebook needs at least one active admin; make another admin first.")


class SignInRefused(Exception):
    """Sign-in failed; the message is safe to show (it never says which part was wrong)."""


def authenticate(session: Session, *, email: str, password: str, ip: str | None) -> User:
    """Check the credentials, counting failures and locking the account after too many."""
    settings = current_app.extensions["casebook.settings"]
    user = find_by_email(session, email)
    now = utcnow()
    generic = SignInRefused("Email or password is wrong.")
    if user is None:
        raise generic
    if user.locked_until is not None and user.locked_until > now:
        minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
        raise SignInRefused(
            f"Too many failed attempts. This account is locked for {minutes} more minute(s)."
        )
    actor = Actor(user_id=user.id, role=Role(user.role), ip=ip)
    if not verify_password(user, password):
        user.failed_logins += 1
        action = "login_failed"
        if user.failed_logins >= settings.login_attempts_before_lockout:
            user.locked_until = now + timedelta(minutes=settings.lockout_minutes)
            user.failed_logins = 0
            action = "account_locked"
        session.add(user)
        record(session, actor=actor, action=action, entity_type="user", entity_id=user.id)
        raise generic
    if not user.active:
        raise SignInRefused("This account has been deactivated. Ask an admin.")
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    session.add(user)
    record(session, actor=actor, action="login", entity_type="user", entity_id=user.id)
    return user
