"""SQLModel tables and the pure domain rules of Casebook.

Importing this package registers every table on `SQLModel.metadata` (Alembic relies on it).
"""

from models.act import Act, Involvement
from models.audit import AuditEvent
from models.case import Case, CasePerson
from models.consent import Consent
from models.dossier import Dossier
from models.evidence import CustodyEvent, Evidence
from models.intervention import Intervention
from models.person import Person
from models.response import OfficialResponse
from models.search import SavedSearch, SearchCase, SearchCode
from models.source import Citation, Source
from models.user import Role, User
from models.vocabulary import VocabularyTerm

__all__ = [
    "Act",
    "AuditEvent",
    "Case",
    "CasePerson",
    "Citation",
    "Consent",
    "CustodyEvent",
    "Dossier",
    "Evidence",
    "Intervention",
    "Involvement",
    "OfficialResponse",
    "Person",
    "Role",
    "SavedSearch",
    "SearchCase",
    "SearchCode",
    "Source",
    "User",
    "VocabularyTerm",
]
