"""Dashboard panels: each area registers a function that returns one panel (or None).

This keeps the dashboard from importing every area; an area adds its panel with
`@dashboard_panel` in its own package.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Panel:
    """One dashboard box: a title and a template fragment with its values."""

    title: str
    template: str
    values: dict[str, Any] = field(default_factory=dict)
    order: int = 100
    wide: bool = False  # spans the dashboard's full width (tables)


_PANELS: list[Callable[[], Panel | None]] = []


def dashboard_panel(builder: Callable[[], Panel | None]) -> Callable[[], Panel | None]:
    """Register `builder` to contribute a panel to the dashboard."""
    _PANELS.append(builder)
    return builder


def dashboard_panels() -> list[Panel]:
    panels = [panel for builder in _PANELS if (panel := builder()) is not None]
    return sorted(panels, key=lambda p: p.order)
