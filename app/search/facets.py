"""The facets search filters and counts by, and how a case's facet values pack into one integer.

Every closed-list facet value owns one bit of `search_case.facet_bits` (a case may set several
bits of one facet: acts of two types); the case's district takes a small code in the top bits.
Filtering is then a bit test in SQL, and counting every facet over any number of matches is one
pass over one column (`count_facets`, vectorised with numpy).

Bits follow the enums' declaration order. `LAYOUT_FINGERPRINT` changes whenever that order or
a member changes; the index records the fingerprint it was built with, and the search page asks
for `casebook reindex` when the two differ.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from models.enums import (
    ActType,
    Category,
    InterventionStatus,
    PerpetratorType,
    ResponseType,
    ViolationStatus,
    WorkflowState,
)


class YesNo(Category):
    """A yes/no facet (has evidence, WGEID-ready)."""

    yes = "yes", "Yes"
    no = "no", "No"


@dataclass(frozen=True)
class Facet:
    """One filter with counts: its URL parameter, label, values and its bits."""

    key: str
    label: str
    values: type[Category]
    offset: int

    @property
    def width(self) -> int:
        return len(self.values)

    @cached_property
    def bits(self) -> dict[str, int]:
        """Each value's bit, by value."""
        return {member.value: 1 << (self.offset + i) for i, member in enumerate(self.values)}

    def bit(self, value: Category | str) -> int:
        """The bit of one value (raises ValueError for a value the facet does not have)."""
        return self.bits[self.values(value).value]

    def mask(self, values: Iterable[Category | str]) -> int:
        """The bits of several values (a case matches when it has any of them)."""
        mask = 0
        for value in values:
            mask |= self.bit(value)
        return mask


def _layout(*specs: tuple[str, str, type[Category]]) -> tuple[Facet, ...]:
    facets, offset = [], 0
    for key, label, values in specs:
        facets.append(Facet(key, label, values, offset))
        offset += len(values)
    return tuple(facets)


FACETS: tuple[Facet, ...] = _layout(
    ("act_type", "Act", ActType),
    ("status", "Violation status", ViolationStatus),
    ("perpetrator", "Alleged perpetrator", PerpetratorType),
    ("response", "Official response", ResponseType),
    ("intervention", "Intervention status", InterventionStatus),
    ("workflow", "Review", WorkflowState),
    ("evidence", "Evidence attached", YesNo),
    ("wgeid", "Ready for the WGEID", YesNo),
)
FACET_BY_KEY: dict[str, Facet] = {facet.key: facet for facet in FACETS}

DISTRICT_SHIFT = sum(facet.width for facet in FACETS)
DISTRICT_BITS = 10
MAX_DISTRICT_CODE = (1 << DISTRICT_BITS) - 1  # code 0 = no district; the last code = "others"
if DISTRICT_SHIFT + DISTRICT_BITS > 63:  # a signed 64-bit column on both engines
    raise RuntimeError(
        "The facet layout no longer fits in search_case.facet_bits; give districts fewer bits "
        "or move a facet to a second column."
    )

LAYOUT_FINGERPRINT = hashlib.sha256(
    repr([(f.key, [m.value for m in f.values]) for f in FACETS] + [DISTRICT_BITS]).encode()
).hexdigest()[:16]


def pack(values: Mapping[str, Iterable[Category | str]], district_code: int) -> int:
    """The `facet_bits` of a case with these values per facet key and this district code."""
    bits = 0
    for facet in FACETS:
        bits |= facet.mask(values.get(facet.key, ()))
    return bits | (min(district_code, MAX_DISTRICT_CODE) << DISTRICT_SHIFT)


def values_of(bits: int, facet: Facet) -> list[Category]:
    """The values of one facet that a case's `facet_bits` holds."""
    return [value for value in facet.values if bits & facet.bit(value)]


@dataclass(frozen=True)
class FacetTally:
    """How many matching cases hold each facet value, and each district code."""

    values: dict[str, dict[str, int]]
    districts: dict[int, int]


def count_facets(bits: np.ndarray) -> FacetTally:
    """Count every facet value over the `facet_bits` of the matching cases."""
    values: dict[str, dict[str, int]] = {}
    for facet in FACETS:
        values[facet.key] = {
            value: int(np.count_nonzero(bits & bit)) for value, bit in facet.bits.items()
        }
    codes = (bits >> DISTRICT_SHIFT) & MAX_DISTRICT_CODE
    found, counts = np.unique(codes, return_counts=True)
    return FacetTally(values, {int(c): int(n) for c, n in zip(found, counts, strict=True)})


def parse_bits(joined: str | None) -> np.ndarray:
    """The comma-joined `facet_bits` an aggregate query returns, as an array."""
    if not joined:
        return np.zeros(0, dtype=np.int64)
    return np.fromstring(joined, dtype=np.int64, sep=",")
