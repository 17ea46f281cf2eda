"""The main navigation: each area adds its entries; a user sees only what their role may open."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask
from flask_login import current_user

from app.security import Permission, user_can


@dataclass(frozen=True)
class NavItem:
    endpoint: str
    label: str
    permission: Permission
    order: int


_ITEMS: list[NavItem] = []


def add_nav_item(endpoint: str, label: str, permission: Permission, order: int = 50) -> None:
    """Show a link to `endpoint` in the top bar for users with `permission`."""
    if all(item.endpoint != endpoint for item in _ITEMS):
        _ITEMS.append(NavItem(endpoint, label, permission, order))


add_nav_item("main.dashboard", "Dashboard", Permission.view_cases, order=0)
add_nav_item("admin.audit_log", "Audit trail", Permission.view_audit, order=90)
add_nav_item("admin.user_list", "Accounts", Permission.manage_users, order=95)


def init_app(app: Flask) -> None:
    @app.context_processor
    def _navigation() -> dict[str, object]:
        def nav_items() -> list[tuple[str, str, Permission]]:
            return [
                (item.endpoint, item.label, item.permission)
                for item in sorted(_ITEMS, key=lambda i: i.order)
                if item.endpoint in app.view_functions and user_can(current_user, item.permission)
            ]

        return {"nav_items": nav_items}
