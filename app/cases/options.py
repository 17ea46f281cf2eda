"""The case's own records offered in a form's selects (victim, act, source…), loaded once per
request and only when a form asks for them."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from sqlmodel import Session, select
from wtforms import Field, FieldList, FormField

from app.cases.forms import DATALISTS, IdSelectField
from app.cases.services.sources import case_sources
from app.cases.services.vocabulary import term_labels
from models.act import Act, Involvement
from models.case import Case, CasePerson
from models.enums import ActType, PerpetratorType, PersonRole, ResponseType
from models.partial_date import partial_date
from models.person import Person
from models.response import OfficialResponse
from models.vocabulary import LOCAL_SCHEMES

# Which records each id field offers.
OPTION_KINDS = {
    "victim_id": "persons",
    "person_id": "persons",
    "act_id": "acts",
    "follows_act_id": "acts",
    "involvement_id": "involvements",
    "source_id": "sources",
    "response_id": "responses",
}


class CaseOptions:
    """(id, label) choices for the selects of one case's forms."""

    def __init__(self, session: Session, case: Case) -> None:
        self.session = session
        self.case = case

    def _live(self, model: Any) -> list[Any]:
        return list(
            self.session.exec(
                select(model)
                .where(model.case_id == self.case.id, model.deleted_at.is_(None))
                .order_by(model.id)
            ).all()
        )

    @cached_property
    def persons(self) -> list[tuple[int, str]]:
        rows = self.session.exec(
            select(Person, CasePerson.role)
            .join(CasePerson, CasePerson.person_id == Person.id)  # type: ignore[arg-type]
            .where(
                CasePerson.case_id == self.case.id,
                CasePerson.deleted_at.is_(None),  # type: ignore[union-attr]
                Person.deleted_at.is_(None),
            )  # type: ignore[union-attr]
            .order_by(CasePerson.id)
        ).all()
        return [(p.id, f"{p.full_name} ({PersonRole(role).label.lower()})") for p, role in rows]

    @cached_property
    def acts(self) -> list[tuple[int, str]]:
        names = dict(self.persons)
        return [
            (
                a.id,
                f"#{a.id} {ActType(a.act_type).label}, {partial_date(a, 'start')}"
                + (f" — {names[a.victim_id].rsplit(' (', 1)[0]}" if a.victim_id in names else ""),
            )
            for a in self._live(Act)
        ]

    @cached_property
    def involvements(self) -> list[tuple[int, str]]:
        return [
            (
                i.id,
                ", ".join(
                    p
                    for p in (PerpetratorType(i.perpetrator_type).label, i.force, i.unit_name)
                    if p
                )
                + f" (act #{i.act_id})",
            )
            for i in self._live(Involvement)
        ]

    @cached_property
    def sources(self) -> list[tuple[int, str]]:
        return [
            (s.id, s.title + (f" ({s.reliability})" if s.reliability else ""))
            for s in case_sources(self.session, self.case.id)  # type: ignore[arg-type]
        ]

    @cached_property
    def responses(self) -> list[tuple[int, str]]:
        return [
            (
                r.id,
                f"#{r.id} {ResponseType(r.response_type).label} by {r.authority}, "
                f"{partial_date(r, 'responded')}",
            )
            for r in self._live(OfficialResponse)
        ]

    def fill(self, form: Any) -> None:
        """Give every id select of `form` (sub-forms included) this case's records."""
        for field in _all_fields(form):
            if isinstance(field, IdSelectField):
                kind = OPTION_KINDS.get(field.short_name)
                if kind:
                    field.set_options(getattr(self, kind))


def _all_fields(form: Any) -> list[Field]:
    found: list[Field] = []
    for field in form:
        if isinstance(field, FormField):
            found += _all_fields(field.form)
        elif isinstance(field, FieldList):
            for entry in field.entries:
                found += _all_fields(entry.form) if isinstance(entry, FormField) else [entry]
        else:
            found.append(field)
    return found


def datalists_for(session: Session, form: Any) -> dict[str, list[str]]:
    """Suggestions (datalist id → labels) for every vocabulary the form's fields suggest from."""
    wanted = {(field.render_kw or {}).get("list") for field in _all_fields(form)} & set(
        DATALISTS.values()
    )
    by_id = {list_id: scheme for scheme, list_id in DATALISTS.items()}
    lists = {}
    for list_id in sorted(wanted):  # type: ignore[type-var]
        scheme = by_id[list_id]
        # Before the vocabularies are seeded, offer the built-in local terms.
        labels = term_labels(session, scheme) or [label for _, label in LOCAL_SCHEMES[scheme]]
        lists[list_id] = labels
    return lists


def find_field(form: Any, path: str) -> Field | None:
    """The field at a dotted path such as "victim.full_name" or "perpetrators.1.force"."""
    node: Any = form
    for part in path.split("."):
        if isinstance(node, FormField):
            node = node.form
        if isinstance(node, FieldList):
            index = int(part) if part.isdigit() else -1
            node = node.entries[index] if 0 <= index < len(node.entries) else None
        else:
            node = getattr(node, "_fields", {}).get(part)
        if node is None:
            return None
    return node if isinstance(node, Field) and not isinstance(node, FormField | FieldList) else None
