"""The three elements of an enforced disappearance (ICPPED art. 2) and the records that show them.

1. Deprivation of liberty: an arrest, abduction, detention or disappearance act.
2. By agents of the State, or persons acting with its authorisation, support or acquiescence:
   an involvement in one of those acts of a state agent (army, Frontier Corps, police/CTD/
   Levies, intelligence, officials) or of a state-backed armed group.
3. Refusal to acknowledge the deprivation of liberty, or concealment of the person's fate or
   whereabouts: a denial, silence, a refused complaint or an alternative explanation from the
   authorities, or an act whose whereabouts are "capture denied" / "location not disclosed".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from models.act import Act, Involvement
from models.enums import (
    CONCEALING_WHEREABOUTS,
    DEPRIVATION_OF_LIBERTY,
    REFUSALS,
    STATE_ACQUIESCENCE,
    STATE_AGENTS,
    ActType,
    Category,
    PerpetratorType,
    ResponseType,
    Whereabouts,
)
from models.partial_date import partial_date
from models.response import OfficialResponse


class DisappearanceElement(Category):
    """An element of enforced disappearance under ICPPED art. 2."""

    deprivation_of_liberty = "deprivation_of_liberty", "Deprivation of liberty"
    state_involvement = (
        "state_involvement",
        "By agents of the State or with its acquiescence",
    )
    refusal_to_acknowledge = (
        "refusal_to_acknowledge",
        "Refusal to acknowledge, or concealment of fate or whereabouts",
    )


MISSING_MESSAGES = {
    DisappearanceElement.deprivation_of_liberty: (
        "No evidence yet: record the arrest, abduction or detention as an act."
    ),
    DisappearanceElement.state_involvement: (
        "No evidence yet: record who took the victim (an involvement with a state perpetrator "
        "type or a state-backed group) and the basis for attribution."
    ),
    DisappearanceElement.refusal_to_acknowledge: (
        "No evidence yet: record the authorities' denial, silence or refusal as an official "
        "response, or set the act's whereabouts to capture denied / location not disclosed."
    ),
}


@dataclass(frozen=True)
class ElementEvidence:
    """One record that evidences an element: its kind ("act", "involvement", "response"), id
    and a one-line description."""

    kind: str
    record_id: int | None
    description: str

    def __str__(self) -> str:
        return f"{self.kind.capitalize()} #{self.record_id}: {self.description}"


@dataclass(frozen=True)
class ElementFinding:
    """Whether one element has evidence, which records show it, or what to add."""

    element: DisappearanceElement
    satisfied: bool
    evidence: list[ElementEvidence] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The element's name."""
        return self.element.label

    @property
    def message(self) -> str:
        """What the evidence is, or what to record when there is none."""
        if self.satisfied:
            return "; ".join(str(item) for item in self.evidence)
        return MISSING_MESSAGES[self.element]


def disappearance_elements(
    acts: Iterable[Act],
    involvements: Iterable[Involvement] = (),
    responses: Iterable[OfficialResponse] = (),
) -> list[ElementFinding]:
    """The three ICPPED art. 2 elements for one case, each with the records that evidence it."""
    live_acts = _live(acts)
    deprivations = [act for act in live_acts if act.act_type in DEPRIVATION_OF_LIBERTY]
    deprivation_ids = {act.id for act in deprivations}
    liberty = [ElementEvidence("act", act.id, _act_text(act)) for act in deprivations]
    # Only who took the victim counts: a state actor in another act (a later killing, torture)
    # does not by itself show who carried out the deprivation of liberty.
    state = [
        ElementEvidence("involvement", inv.id, _involvement_text(inv))
        for inv in _live(involvements)
        if inv.act_id in deprivation_ids
        and (inv.perpetrator_type in STATE_AGENTS or inv.perpetrator_type in STATE_ACQUIESCENCE)
    ]
    refusal = [
        ElementEvidence("response", r.id, _response_text(r))
        for r in _live(responses)
        if r.response_type in REFUSALS
    ] + [
        ElementEvidence("act", act.id, f"{_act_text(act)} — {Whereabouts(act.whereabouts).label}")
        for act in live_acts
        if act.whereabouts in CONCEALING_WHEREABOUTS
    ]
    found = {
        DisappearanceElement.deprivation_of_liberty: liberty,
        DisappearanceElement.state_involvement: state,
        DisappearanceElement.refusal_to_acknowledge: refusal,
    }
    return [ElementFinding(element, bool(items), items) for element, items in found.items()]


def _live(rows: Iterable[Any]) -> list[Any]:
    return [row for row in rows if getattr(row, "deleted_at", None) is None]


def _act_text(act: Act) -> str:
    where = act.place_name or act.district
    text = f"{ActType(act.act_type).label}, {partial_date(act, 'start')}"
    return f"{text}, {where}" if where else text


def _involvement_text(involvement: Involvement) -> str:
    kind = PerpetratorType(involvement.perpetrator_type)
    who = ", ".join(part for part in (involvement.force, involvement.unit_name) if part)
    acquiescence = " (acquiescence)" if kind in STATE_ACQUIESCENCE else ""
    return f"{kind.label}{acquiescence}" + (f": {who}" if who else "")


def _response_text(response: OfficialResponse) -> str:
    text = f"{ResponseType(response.response_type).label} by {response.authority}"
    when = partial_date(response, "responded")
    return f"{text}, {when}" if when.is_known else text
