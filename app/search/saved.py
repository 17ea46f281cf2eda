"""Saved searches: a user names a search (its query string) to run it again; per user."""

from __future__ import annotations

from sqlmodel import Session, select

from app.errors import InvalidInput, NotFound
from app.search.filters import SearchQuery
from app.security import Permission
from app.services import records
from app.services.actor import Actor
from models.search import SavedSearch

MAX_NAME = 100


def list_saved(session: Session, *, actor: Actor) -> list[SavedSearch]:
    """The actor's saved searches, by name."""
    actor.require(Permission.view_cases)
    statement = (
        select(SavedSearch)
        .where(SavedSearch.user_id == actor.user_id, SavedSearch.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(SavedSearch.name)
    )
    return list(session.exec(statement))


def save_search(session: Session, *, actor: Actor, name: str, query: SearchQuery) -> SavedSearch:
    """Save `query` under `name`; saving under a name in use replaces that search."""
    actor.require(Permission.view_cases)
    name = " ".join((name or "").split())
    if not name:
        raise InvalidInput("Give the search a name, e.g. “Kech 2025, still missing”.", field="name")
    if len(name) > MAX_NAME:
        raise InvalidInput(f"Use a name of at most {MAX_NAME} characters.", field="name")
    if actor.user_id is None:
        raise InvalidInput("Only a signed-in user can save searches.")
    query_string = query.query_string(page=1)
    existing = next((s for s in list_saved(session, actor=actor) if s.name == name), None)
    if existing is not None:
        return records.update(
            session,
            actor=actor,
            row=existing,
            changes={"query_string": query_string},
            expected_version=None,
        )
    row = SavedSearch.model_validate(
        {"user_id": actor.user_id, "name": name, "query_string": query_string}
    )
    return records.create(session, actor=actor, row=row)


def get_saved(session: Session, *, actor: Actor, saved_id: int) -> SavedSearch:
    """One of the actor's own saved searches (anyone else's is "not found")."""
    actor.require(Permission.view_cases)
    saved = session.get(SavedSearch, saved_id)
    if saved is None or saved.deleted_at is not None or saved.user_id != actor.user_id:
        raise NotFound("No such saved search.")
    return saved


def delete_saved(session: Session, *, actor: Actor, saved_id: int) -> SavedSearch:
    """Remove one of the actor's saved searches (kept in the audit trail)."""
    saved = get_saved(session, actor=actor, saved_id=saved_id)
    return records.soft_delete(session, actor=actor, row=saved)
