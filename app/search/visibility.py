"""Which cases a role may find: search applies the app-wide rule (`app.security`) to results,
facet counts and exports. Soft-deleted cases are never indexed, so no role finds them.
"""

from app.security import visible_confidentiality

__all__ = ["visible_confidentiality"]
