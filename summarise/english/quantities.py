"""English renderings of figures ("9.24 billion yuan", "5,000 mu (≈ 333 ha)") and unit labels."""
from __future__ import annotations

from decimal import Decimal
from typing import Protocol

from summarise.schemas import Figure

MU_IN_HA = Decimal(1) / Decimal(15)  # 1 mu = 2000/3 m² = 1/15 ha

UNIT_LABELS: dict[str, tuple[str, str]] = {
    # unit -> (Chinese label, English label)
    "CNY": ("元", "yuan (CNY)"),
    "mu": ("亩", "mu"),
    "m2": ("平方米", "m²"),
    "ha": ("公顷", "ha"),
    "km": ("公里", "km"),
    "percent": ("%", "percent"),
    "count": ("个/项/宗", "count"),
    "person": ("人", "persons"),
    "household": ("户", "households"),
    "year": ("年", "years"),
    "month": ("月", "months"),
    "week": ("周", "weeks"),
    "day": ("天", "days"),
    "hour": ("小时", "hours"),
    "minute": ("分钟", "minutes"),
    "ton": ("吨", "tonnes"),
}

_NOUNS: dict[str, tuple[str, str]] = {
    # unit -> (singular, plural) used after the number in English
    "person": ("person", "people"),
    "household": ("household", "households"),
    "year": ("year", "years"),
    "month": ("month", "months"),
    "week": ("week", "weeks"),
    "day": ("day", "days"),
    "hour": ("hour", "hours"),
    "minute": ("minute", "minutes"),
    "ton": ("tonne", "tonnes"),
}


def format_number(value: float | Decimal, places: int = 2) -> str:
    """12345.0 → '12,345'; 9.2400 → '9.24'; thousands separators, trailing zeros dropped."""
    d = Decimal(str(value)).quantize(Decimal(1).scaleb(-places))
    text = f"{d:,.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


class Valued(Protocol):
    """What `normalised_value` reads: a Figure, or a figure read back from the database (its
    approximate / lower_bound / upper_bound flags are read when it has them)."""

    @property
    def value(self) -> float: ...


def normalised_value(fig: Valued) -> str:
    """The value multiplied out, with separators, and its bound in signs both languages read:
    9240000000 → '9,240,000,000'; 超5000亩 → '> 5,000'; 不足10人 → '< 10'; 约300处 → '≈ 300'."""
    sign = ("> " if getattr(fig, "lower_bound", False) else "< " if getattr(fig, "upper_bound", False)
            else "≈ " if getattr(fig, "approximate", False) else "")
    return sign + format_number(fig.value)


def unit_label(unit: str, lang: str) -> str:
    zh, en = UNIT_LABELS.get(unit, (unit, unit))
    return zh if lang == "zh" else en


def _scaled(value: Decimal) -> str:
    """Large amounts in words: 9.24e9 → '9.24 billion'; 1.5e6 → '1.5 million'."""
    for size, word in ((Decimal("1e12"), "trillion"), (Decimal("1e9"), "billion"), (Decimal("1e6"), "million")):
        if abs(value) >= size:
            return f"{format_number(value / size)} {word}"
    return format_number(value)


def fallback_english(fig: Figure) -> str:
    """English for a figure from its value, unit and flags (used when no figure parser is available)."""
    value = Decimal(str(fig.value))
    unit = fig.unit
    if unit == "CNY":
        core = f"{_scaled(value)} yuan"
    elif unit == "mu":
        ha = value * MU_IN_HA
        core = f"{format_number(value)} mu (≈ {format_number(ha)} ha)"
    elif unit == "m2":
        core = f"{format_number(value)} m²"
    elif unit == "percent":
        core = f"{format_number(value)}%"
    elif unit == "count":
        core = format_number(value)
    elif unit in _NOUNS:
        one, many = _NOUNS[unit]
        core = f"{format_number(value)} {one if value == 1 else many}"
    else:
        core = f"{format_number(value)} {unit_label(unit, 'en')}"
    if fig.lower_bound:
        return f"over {core}"
    if fig.upper_bound:
        return f"under {core}"
    if fig.approximate:
        return f"about {core}"
    return core


def figure_english(fig: Figure) -> str:
    """English rendering, the same words the offline summary uses: the figure parser's reading of the
    figure inside its evidence (where the markers 超/约/近 stand), else of the quote alone, when it
    agrees with the record; else the fallback."""
    try:
        from summarise.parse.numbers import find_figures, parse_figure
    except ImportError:
        return fallback_english(fig)
    try:
        in_context = [p for p in find_figures(fig.evidence.quote, quoted=True) if p.quote == fig.quote]
        alone = parse_figure(fig.quote, noun_after=True)
        for parsed in in_context + ([alone] if alone is not None else []):
            same_value = abs(float(parsed.value) - fig.value) <= 1e-6 * max(1.0, abs(fig.value))
            same_flags = (parsed.lower_bound == fig.lower_bound and parsed.approximate == fig.approximate
                          and parsed.upper_bound == fig.upper_bound)
            if same_value and same_flags and parsed.unit == fig.unit:
                text = parsed.english()
                if isinstance(text, str) and text.strip():
                    return text
    except Exception:  # noqa: BLE001 - a parser failure must never break a briefing note
        pass
    return fallback_english(fig)
