"""Roles, permissions and password hashing.

Every view declares the permission it needs with `@requires(...)`. A before-request hook refuses
any endpoint that declares none (fail closed), so a new route cannot forget its check; the role
matrix test walks every registered route.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import Flask, abort, current_app, redirect, request, session, url_for
from flask_login import current_user

from models.enums import Confidentiality
from models.user import Role, User

F = TypeVar("F", bound=Callable[..., Any])

PUBLIC_ENDPOINTS = frozenset({"auth.login", "static"})


class Permission(enum.StrEnum):
    """What a route or service needs; each maps to the lowest role that has it."""

    view_cases = "view_cases"
    edit_cases = "edit_cases"
    review_cases = "review_cases"
    export_internal = "export_internal"
    export_external = "export_external"
    manage_users = "manage_users"
    manage_vocabularies = "manage_vocabularies"
    view_audit = "view_audit"
    signed_in = "signed_in"


MINIMUM_ROLE: dict[Permission, Role] = {
    Permission.signed_in: Role.viewer,
    Permission.view_cases: Role.viewer,
    Permission.edit_cases: Role.documenter,
    Permission.export_internal: Role.documenter,
    Permission.review_cases: Role.coordinator,
    Permission.export_external: Role.coordinator,
    Permission.view_audit: Role.coordinator,
    Permission.manage_users: Role.admin,
    Permission.manage_vocabularies: Role.admin,
}


def role_can(role: Role | str, permission: Permission) -> bool:
    """True when `role` is allowed `permission`."""
    return Role(role).rank >= MINIMUM_ROLE[permission].rank


def user_can(user: Any, permission: Permission) -> bool:
    """True when `user` is signed in, active and allowed `permission`."""
    return bool(getattr(user, "is_authenticated", False)) and role_can(user.role, permission)


# Viewers (read-only staff) see publishable and internal cases; confidential cases are for the
# people who document and review them. One rule for lists, pages, search, counts and files.
_VIEWER_LEVELS = frozenset({Confidentiality.publishable, Confidentiality.internal})


def visible_confidentiality(role: Role | str) -> frozenset[Confidentiality]:
    """The confidentiality levels of the cases `role` may see."""
    if Role(role).rank >= Role.documenter.rank:
        return frozenset(Confidentiality)
    return _VIEWER_LEVELS


def requires(permission: Permission) -> Callable[[F], F]:
    """Declare the permission a view needs; checked before the view runs."""

    def decorate(view: F) -> F:
        @wraps(view)
        def checked(*args: Any, **kwargs: Any) -> Any:
            if not user_can(current_user, permission):
                abort(403)
            return view(*args, **kwargs)

        checked.required_permission = permission  # type: ignore[attr-defined]
        return checked  # type: ignore[return-value]

    return decorate


def init_app(app: Flask) -> None:
    """Require a signed-in user on every endpoint but the public ones; refuse undeclared ones."""

    @app.before_request
    def _require_login():  # type: ignore[no-untyped-def]
        endpoint = request.endpoint
        if endpoint is None or endpoint in PUBLIC_ENDPOINTS:
            return None
        if not current_user.is_authenticated:
            if request.method != "GET":
                session["expired_post"] = True
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        view = app.view_functions.get(endpoint)
        if getattr(view, "required_permission", None) is None:
            app.logger.error("Endpoint %s declares no permission; refused", endpoint)
            abort(403)
        return None


def password_hasher() -> PasswordHasher:
    """The app's argon2 hasher (cheap parameters only when testing)."""
    return current_app.extensions["casebook.hasher"]


def make_hasher(testing: bool) -> PasswordHasher:
    if testing:
        return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    return PasswordHasher()


def hash_password(password: str) -> str:
    return password_hasher().hash(password)


def verify_password(user: User, password: str) -> bool:
    """True when `password` matches; never raises on a malformed hash."""
    try:
        return password_hasher().verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
