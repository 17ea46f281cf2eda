"""Pakistani national identity card (CNIC) numbers: 13 digits written 12345-1234567-1."""

from __future__ import annotations

import re

# Urdu (Extended Arabic-Indic) and Arabic-Indic digits, typed on Urdu keyboards.
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_WRITTEN = re.compile(r"^(\d{5})[-\s]?(\d{7})[-\s]?(\d)$")


def normalise_cnic(text: str | None) -> tuple[str, str | None]:
    """The CNIC as `12345-1234567-1` and no warning, or the text as typed (trimmed) and a
    warning saying what looks wrong. Never refuses: an odd number is still worth keeping."""
    typed = " ".join((text or "").split())
    if not typed:
        return "", None
    match = _WRITTEN.match(typed.translate(_DIGITS))
    if match:
        return "-".join(match.groups()), None
    digits = re.sub(r"\D", "", typed.translate(_DIGITS))
    if len(digits) == 13:
        return typed, (
            "This CNIC has 13 digits but they are grouped oddly; a CNIC is written "
            "12345-1234567-1. Check it."
        )
    return typed, (
        f"A CNIC has 13 digits, written 12345-1234567-1; this has {len(digits)}. "
        "It was kept as typed: check it."
    )
