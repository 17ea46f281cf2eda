"""The facets search filters and counts by, and how a case's facet values pack into one integer.

Every closed-list facet value owns one bit of `search_case.facet_bits` (a case may set several
bits of one facet: acts of two types); the case's district takes a small code in the top bits.
Filtering is then a bit test, and counting every facet over any number of matches is one pass
over one integer per case (`count_facets`, vectorised with numpy).

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
        bit = self.bits.get(value)
        return bit if bit is not None else self.bits[self.values(value).value]

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


# Row b of this table lists the bits set in the byte value b (little-endian bit order).
_BYTE_BITS = np.unpackbits(
    np.arange(256, dtype=np.uint8)[:, None], axis=1, bitorder="little"
).astype(np.int64)


def count_facets(bits: np.ndarray) -> FacetTally:
    """Count every facet value over the `facet_bits` of the matching cases.

    One pass per byte rather than per bit: a histogram of each byte's values, times the table
    of which bits each value sets, gives how many cases have each bit."""
    per_bit = np.zeros(64, dtype=np.int64)
    as_bytes = np.ascontiguousarray(bits, dtype="<i8").view(np.uint8).reshape(-1, 8)
    for byte in range(8):
        histogram = np.bincount(as_bytes[:, byte], minlength=256)
        per_bit[byte * 8 : byte * 8 + 8] = histogram @ _BYTE_BITS
    values = {
        facet.key: {value: int(per_bit[bit.bit_length() - 1]) for value, bit in facet.bits.items()}
        for facet in FACETS
    }
    codes = ((bits >> DISTRICT_SHIFT) & MAX_DISTRICT_CODE).astype(np.intp)
    per_code = np.bincount(codes, minlength=MAX_DISTRICT_CODE + 1)
    districts = {int(code): int(per_code[code]) for code in np.flatnonzero(per_code)}
    return FacetTally(values, districts)
