"""Readiness of a case for the UN Working Group on Enforced or Involuntary Disappearances.

The Working Group admits a case with six elements — (a) full name and identifying data,
(b) year, month and day of the disappearance, (c) place of arrest or where last seen, (d) who is
believed responsible, (e) steps taken by the family to locate the person, (f) the identity of
the submitter — and with the family's prior consent. A disappearance under three months old at
submission goes to the urgent action procedure, older ones to the standard procedure.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from models.act import Act, Involvement
from models.consent import Consent
from models.enums import (
    DEPRIVATION_OF_LIBERTY,
    Category,
    ConsentScope,
    InterventionStatus,
    InterventionType,
    PerpetratorType,
)
from models.intervention import Intervention
from models.partial_date import PartialDate, add_months, partial_date
from models.person import Person

URGENT_MONTHS = 3


class WgeidRequirement(Category):
    """One thing the Working Group needs before it admits a case."""

    identity = "identity", "Full name and identifying data"
    date = "date", "Year, month and day of the disappearance"
    place = "place", "Place of arrest or where last seen"
    responsible = "responsible", "Who is believed responsible"
    relatives_steps = "relatives_steps", "Steps taken by the family to locate the person"
    submitter = "submitter", "Identity of the submitter"
    consent = "consent", "Prior consent of the family to transmission to the UN"


class WgeidProcedure(Category):
    """Which procedure the Working Group applies."""

    urgent = "urgent", "Urgent action procedure (disappeared less than 3 months ago)"
    standard = "standard", "Standard procedure"


@dataclass(frozen=True)
class WgeidElement:
    """One requirement: present (with what was found) or missing (with what to add)."""

    requirement: WgeidRequirement
    present: bool
    message: str

    @property
    def label(self) -> str:
        """The requirement as the Working Group names it."""
        return self.requirement.label


@dataclass(frozen=True)
class WgeidReadiness:
    """Every requirement for one victim, the procedure that applies, and the act it rests on."""

    elements: list[WgeidElement]
    procedure: WgeidProcedure
    disappearance_act_id: int | None = None
    disappearance_date: PartialDate = field(default_factory=PartialDate.unknown)

    @property
    def ready(self) -> bool:
        """True when nothing is missing."""
        return all(element.present for element in self.elements)

    @property
    def missing(self) -> list[WgeidElement]:
        """The requirements still missing, in the Working Group's order."""
        return [element for element in self.elements if not element.present]


def wgeid_readiness(
    victim: Person,
    acts: Iterable[Act],
    involvements: Iterable[Involvement] = (),
    interventions: Iterable[Intervention] = (),
    consents: Iterable[Consent] = (),
    *,
    submitter: str | None,
    as_of: date,
) -> WgeidReadiness:
    """What a WGEID submission for `victim` has and lacks on `as_of`, and its procedure.

    `acts` and the other lists may hold the whole case: only the victim's own acts and the
    records tied to them are used. `submitter` is the organisation or person submitting.
    """
    disappearance = _disappearance_act(victim, acts)
    when = partial_date(disappearance, "start") if disappearance else PartialDate.unknown()
    elements = [
        _identity(victim),
        _date(disappearance, when),
        _place(disappearance),
        _responsible(disappearance, involvements),
        _relatives_steps(interventions),
        _submitter(submitter),
        _consent(victim, consents, as_of),
    ]
    urgent = when.latest is not None and as_of < add_months(when.latest, URGENT_MONTHS)
    return WgeidReadiness(
        elements=elements,
        procedure=WgeidProcedure.urgent if urgent else WgeidProcedure.standard,
        disappearance_act_id=disappearance.id if disappearance else None,
        disappearance_date=when,
    )


def wgeid_missing_elements(
    victim: Person,
    acts: Iterable[Act],
    involvements: Iterable[Involvement] = (),
    interventions: Iterable[Intervention] = (),
    consents: Iterable[Consent] = (),
    *,
    submitter: str | None,
    as_of: date,
) -> list[WgeidElement]:
    """The requirements a WGEID submission for `victim` still lacks, each saying what to add."""
    return wgeid_readiness(
        victim, acts, involvements, interventions, consents, submitter=submitter, as_of=as_of
    ).missing


def _live(rows: Iterable[Any]) -> list[Any]:
    return [row for row in rows if getattr(row, "deleted_at", None) is None]


def _disappearance_act(victim: Person, acts: Iterable[Act]) -> Act | None:
    """The victim's earliest act that took their liberty."""
    taken = [
        act
        for act in _live(acts)
        if act.victim_id == victim.id and act.act_type in DEPRIVATION_OF_LIBERTY
    ]
    return min(taken, key=lambda act: partial_date(act, "start").sort_key(), default=None)


def _identity(victim: Person) -> WgeidElement:
    found = [
        label
        for label, value in (
            ("father's name", victim.father_name),
            ("date of birth", partial_date(victim, "birth").is_known or None),
            ("CNIC", victim.national_id),
            ("occupation", victim.occupation),
        )
        if value
    ]
    if (victim.full_name or "").strip() and found:
        return WgeidElement(
            WgeidRequirement.identity, True, f"{victim.full_name}, with {', '.join(found)}."
        )
    return WgeidElement(
        WgeidRequirement.identity,
        False,
        "Add the victim's full name and at least one identifying detail: father's name, "
        "date of birth, CNIC or occupation.",
    )


def _date(act: Act | None, when: PartialDate) -> WgeidElement:
    if act is None:
        return WgeidElement(
            WgeidRequirement.date,
            False,
            "Record the arrest, abduction or disappearance as an act, with its date.",
        )
    if when.is_day_known:
        return WgeidElement(WgeidRequirement.date, True, str(when))
    return WgeidElement(
        WgeidRequirement.date,
        False,
        f"The Working Group needs the exact day; the disappearance date is {when}. "
        "Ask the family for the year, month and day.",
    )


def _place(act: Act | None) -> WgeidElement:
    if act is not None and (act.place_name or act.district):
        where = ", ".join(part for part in (act.place_name, act.district, act.province) if part)
        return WgeidElement(WgeidRequirement.place, True, where)
    return WgeidElement(
        WgeidRequirement.place,
        False,
        "Add the place of arrest or where the victim was last seen (place and district).",
    )


def _responsible(act: Act | None, involvements: Iterable[Involvement]) -> WgeidElement:
    named = [
        inv
        for inv in _live(involvements)
        if act is not None
        and inv.act_id == act.id
        and (inv.perpetrator_type != PerpetratorType.unknown or inv.force or inv.unit_name)
    ]
    if named:
        who = "; ".join(
            ", ".join(
                part
                for part in (
                    PerpetratorType(inv.perpetrator_type).label,
                    inv.force,
                    inv.unit_name,
                )
                if part
            )
            for inv in named
        )
        return WgeidElement(WgeidRequirement.responsible, True, who)
    return WgeidElement(
        WgeidRequirement.responsible,
        False,
        "Add who is believed responsible for the disappearance (perpetrator type, force or "
        "unit) and the basis for attributing it to them.",
    )


def _relatives_steps(interventions: Iterable[Intervention]) -> WgeidElement:
    # A complaint the police refused to register is still a step the family took.
    taken = [i for i in _live(interventions) if i.status != InterventionStatus.planned]
    if taken:
        steps = "; ".join(
            InterventionType(i.intervention_type).label
            + (f" ({i.reference_number})" if i.reference_number else "")
            + (f", {partial_date(i, 'filed')}" if partial_date(i, "filed").is_known else "")
            for i in taken
        )
        return WgeidElement(WgeidRequirement.relatives_steps, True, steps)
    return WgeidElement(
        WgeidRequirement.relatives_steps,
        False,
        "Record what the family did to find the victim (police complaint or FIR, even if "
        "refused; habeas corpus petition; Commission of Inquiry complaint) as interventions.",
    )


def _submitter(submitter: str | None) -> WgeidElement:
    if submitter and submitter.strip():
        return WgeidElement(WgeidRequirement.submitter, True, submitter.strip())
    return WgeidElement(
        WgeidRequirement.submitter,
        False,
        "Name the organisation or person submitting the case.",
    )


def _consent(victim: Person, consents: Iterable[Consent], as_of: date) -> WgeidElement:
    own = [c for c in _live(consents) if c.person_id == victim.id]
    valid = [c for c in own if c.covers(ConsentScope.un_transmission, on=as_of)]
    if valid:
        consent = valid[0]
        given_by = consent.given_by + (f" ({consent.relation})" if consent.relation else "")
        on = f" on {PartialDate.exact(consent.given_on)}" if consent.given_on else ""
        return WgeidElement(WgeidRequirement.consent, True, f"Given by {given_by}{on}.")
    withdrawn = [c for c in own if c.is_withdrawn and c.un_transmission]
    if withdrawn:
        message = (
            "Consent to transmission to the UN was withdrawn; do not submit unless the family "
            "gives it again."
        )
    else:
        message = "Record the family's prior consent to transmission to UN mechanisms."
    return WgeidElement(WgeidRequirement.consent, False, message)
