"""Figures through the shared parser (`summarise.figures`), each with its clause as evidence."""
from __future__ import annotations

from typing import get_args

from summarise import figures as shared
from summarise.dates import DateMention
from summarise.schemas import Figure, Unit

from .text import clause_around, evidence

UNITS = frozenset(get_args(Unit))


def find_figures(text: str, date_mentions: list[DateMention]) -> list[tuple[shared.ParsedFigure, Figure]]:
    """Figures in text order, one per (value, unit), none inside a date."""
    out: list[tuple[shared.ParsedFigure, Figure]] = []
    seen: set[tuple[str, str]] = set()
    for fig in shared.find_figures(text):
        if fig.unit not in UNITS or any(d.start < fig.end and fig.start < d.end for d in date_mentions):
            continue
        key = (str(fig.value.normalize()), fig.unit)
        if key in seen:
            continue
        seen.add(key)
        clause = clause_around(text, fig.start, fig.end)
        out.append((fig, Figure(
            quote=fig.quote, value=float(fig.value), unit=fig.unit, approximate=fig.approximate,
            lower_bound=fig.lower_bound, measures=None,
            evidence=evidence(text, clause.start, max(clause.end, fig.end)),
        )))
    return out
