"""Human-readable forms of normalized values, shared by the renderers."""

from __future__ import annotations

from ..checks.describe import pick_scale
from ..model import UNSPECIFIED, Claim, Quantity, is_finite

def number(value: float, scale: float) -> str:
    return f"{value / scale:,.6g}"


def normalized(quantity: Quantity | None) -> str:
    """'223.655–223.665 billion CNY', '> 2 trillion CNY', '1–10 billion CNY (order of magnitude)'."""
    if quantity is None:
        return ""
    unit = {"percent": "%", "percentage_point": " pp", "count": ""}.get(quantity.unit, f" {quantity.unit}")
    scale, word = pick_scale(quantity.value)
    suffix = (f" {word}" if word else "") + unit if unit != "%" else "%"
    if word and unit == "%":
        suffix = f" {word}%"
    per = f" per {quantity.per}" if quantity.per else ""
    low, high = quantity.low, quantity.high
    if not is_finite(high):
        sign = ">" if quantity.low_open else "≥"
        return f"{sign} {number(low, scale)}{suffix}{per}"
    if quantity.qualifier in ("under", "at_most"):
        sign = "<" if quantity.high_open else "≤"
        return f"{sign} {number(high, scale)}{suffix}{per}"
    text = f"{number(low, scale)}–{number(high, scale)}{suffix}{per}"
    return text + (" (order of magnitude)" if quantity.qualifier == "level" else "")


def json_number(value: float) -> float | None:
    """JSON has no infinity: an unbounded side is null."""
    return value if is_finite(value) else None


def period_text(claim: Claim) -> str:
    """'2024', '2024 (inferred)', or 'not stated'."""
    if claim.period == UNSPECIFIED:
        return "not stated"
    return claim.period + (" (inferred)" if claim.period_basis == "inferred" else "")
