"""Case services: the only code that writes cases and what they contain.

Every function is keyword-only, takes the session and an `Actor`, checks the actor's
permission, refuses bad input with `InvalidInput(field=...)` (several at once as `Problems`),
writes through `app.services.records` (versioned, audited under the case) and only flushes.
Create/update functions take `fields`, a mapping of column names to values in which a partial
date is a `PartialDate` under its base name ("start", "responded"…), and return `Saved`.
"""

from app.cases.services.acts import (
    create_act,
    create_involvement,
    delete_act,
    delete_involvement,
    update_act,
    update_involvement,
)
from app.cases.services.cases import (
    change_workflow,
    create_case,
    delete_case,
    refresh_status,
    set_status_override,
    status_refreshed_once,
    update_case,
)
from app.cases.services.common import Problems, Saved, get_case, get_in_case
from app.cases.services.consents import create_consent, delete_consent, update_consent
from app.cases.services.interventions import (
    create_intervention,
    delete_intervention,
    update_intervention,
)
from app.cases.services.people import (
    add_person_to_case,
    create_person,
    get_person_in_case,
    remove_person,
    update_person,
)
from app.cases.services.quick_entry import quick_entry
from app.cases.services.responses import create_response, delete_response, update_response
from app.cases.services.sources import (
    case_sources,
    create_citation,
    delete_citation,
    get_source_in_case,
    remove_source,
    update_citation,
    update_source,
)

__all__ = [
    "Problems",
    "Saved",
    "add_person_to_case",
    "case_sources",
    "change_workflow",
    "create_act",
    "create_case",
    "create_citation",
    "create_consent",
    "create_intervention",
    "create_involvement",
    "create_person",
    "create_response",
    "delete_act",
    "delete_case",
    "delete_citation",
    "delete_consent",
    "delete_intervention",
    "delete_involvement",
    "delete_response",
    "get_case",
    "get_in_case",
    "get_person_in_case",
    "get_source_in_case",
    "quick_entry",
    "refresh_status",
    "remove_person",
    "remove_source",
    "set_status_override",
    "status_refreshed_once",
    "update_act",
    "update_case",
    "update_citation",
    "update_consent",
    "update_intervention",
    "update_involvement",
    "update_person",
    "update_response",
    "update_source",
]
