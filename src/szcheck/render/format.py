"""Human-readable forms of normalized values, shared by the renderers."""

from __future__ import annotations

from ..checks.wording import pick_scale
from ..model import UNSPECIFIED, Claim, Quantity, Report, is_finite

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
    """A number as stated: 15 significant digits undo the binary rounding of scaling ("5.15 billion"
    is 5150000000.0, not 5149999999.9999995). JSON has no infinity: an unbounded side is null."""
    return float(f"{value:.15g}") if is_finite(value) else None


def period_text(claim: Claim) -> str:
    """'2024', '2024 (inferred)', or 'not stated'."""
    if claim.period == UNSPECIFIED:
        return "not stated"
    return claim.period + (" (inferred)" if claim.period_basis == "inferred" else "") + (f" ({claim.outlook})" if claim.outlook else "")


def plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def summary_line(report: Report) -> str:
    """'5 sources, 133 claims: 0 errors, 4 warnings, 5 infos (9 accepted in the baseline)'."""
    tally = report.tally
    counts = ", ".join(plural(tally.count(severity, accepted=False), severity) for severity in ("error", "warning", "info"))
    accepted = f" ({tally.accepted} accepted in the baseline)" if tally.accepted else ""
    return f"{plural(len(report.sources), 'source')}, {plural(len(report.claims), 'claim')}: {counts}{accepted}"


def quote_excerpt(claim: Claim, width: int = 220) -> str:
    """The quote around the claim's figure, at most about `width` characters, '…' where it was cut."""
    quote, value = claim.quote, claim.value
    at = quote.find(value) if value else -1
    if at < 0:
        return quote if len(quote) <= width else quote[:width] + "…"
    start, end = max(0, at - width // 2), min(len(quote), at + len(value) + width // 2)
    return ("…" if start else "") + quote[start:end] + ("…" if end < len(quote) else "")
