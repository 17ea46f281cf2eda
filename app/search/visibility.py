"""Which cases a role may find: the rule search applies to results, facet counts and exports.

Viewers (read-only staff) see publishable and internal cases; confidential cases are for the
people who document and review them (documenter and up). Soft-deleted cases are never indexed,
so no role finds them.
"""

from __future__ import annotations

from models.enums import Confidentiality
from models.user import Role

_VIEWER_LEVELS = frozenset({Confidentiality.publishable, Confidentiality.internal})


def visible_confidentiality(role: Role) -> frozenset[Confidentiality]:
    """The confidentiality levels of the cases `role` may find."""
    if Role(role).rank >= Role.documenter.rank:
        return frozenset(Confidentiality)
    return _VIEWER_LEVELS
