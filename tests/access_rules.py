"""The access rule of every route, written out by hand: the specification the role matrix checks.

A new route must be added here with the lowest role that may open it (None = public), or the
matrix test fails. URL parameters are filled from `sample_url_values` in test_access.py.
"""

from __future__ import annotations

from models.user import Role

PUBLIC = None

ROUTE_MINIMUM_ROLE: dict[str, Role | None] = {
    "static": PUBLIC,
    "auth.login": PUBLIC,
    "auth.logout": Role.viewer,
    "auth.keepalive": Role.viewer,
    "auth.change_password": Role.viewer,
    "main.dashboard": Role.viewer,
    "admin.user_list": Role.admin,
    "admin.user_create": Role.admin,
    "admin.user_edit": Role.admin,
    "admin.audit_log": Role.coordinator,
    "evidence.case_evidence_list": Role.viewer,
    "evidence.upload": Role.documenter,
    "evidence.detail": Role.viewer,
    "evidence.download": Role.viewer,
    "evidence.image": Role.viewer,
    "evidence.delete": Role.coordinator,
}
