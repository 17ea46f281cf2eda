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
    "cases.case_list": Role.viewer,
    "cases.case_page": Role.viewer,
    "cases.quick_entry": Role.documenter,
    "cases.case_edit": Role.documenter,
    "cases.case_delete": Role.coordinator,
    "cases.case_status": Role.coordinator,
    "cases.case_workflow": Role.documenter,
    "cases.person_new": Role.documenter,
    "cases.person_edit": Role.documenter,
    "cases.person_delete": Role.documenter,
    "cases.act_new": Role.documenter,
    "cases.act_edit": Role.documenter,
    "cases.act_delete": Role.documenter,
    "cases.involvement_new": Role.documenter,
    "cases.involvement_edit": Role.documenter,
    "cases.involvement_delete": Role.documenter,
    "cases.source_edit": Role.documenter,
    "cases.source_delete": Role.documenter,
    "cases.citation_new": Role.documenter,
    "cases.citation_edit": Role.documenter,
    "cases.citation_delete": Role.documenter,
    "cases.response_new": Role.documenter,
    "cases.response_edit": Role.documenter,
    "cases.response_delete": Role.documenter,
    "cases.intervention_new": Role.documenter,
    "cases.intervention_edit": Role.documenter,
    "cases.intervention_delete": Role.documenter,
    "cases.consent_new": Role.documenter,
    "cases.consent_edit": Role.documenter,
    "cases.consent_delete": Role.documenter,
    "cases.vocabulary_list": Role.admin,
    "cases.vocabulary_term_active": Role.admin,
    "search.search_page": Role.viewer,
    "search.export": Role.documenter,
    "search.saved_list": Role.viewer,
    "search.save": Role.viewer,
    "search.run_saved": Role.viewer,
    "search.delete_saved_search": Role.viewer,
    "search.similar_people_json": Role.documenter,
    "search.merge": Role.coordinator,
}
