"""Arithmetic and series checks (SZ2xx): growth rates, conversions, parts of a whole, balance series."""

from __future__ import annotations

import math
import re
from collections import defaultdict

from ..findings import document_rule, make_finding
from ..group import is_comparable
from ..model import Claim, Finding, Source
from ..money import convert_currency, load_rates
from ..registry import load_registry
from .describe import figure, human_amount, metric_label, source_name

GROWTH_SLACK = 0.1  # percentage points allowed beyond a stated rate's rounding when recomputing it
SERIES_FACTOR = 3.0  # implied growth this many times the stated one (or 20 points off) is implausible
SERIES_POINTS = 20.0


document_rule(
    "SZ201",
    "growth-check",
    "warning",
    """A stated growth rate does not match the figures it describes.

    "From 151.08 billion yuan in 2020 to 245.31 billion yuan in 2024, an average annual growth
    rate of 12.9%": szcheck recomputes the rate from the two figures (any source may give them) and
    reports the recomputed value. A rate that holds is reported as info; one that does not, as a
    warning naming the figures used.
    """,
)


document_rule(
    "SZ202",
    "conversion-check",
    "warning",
    """A currency conversion in the text does not match the year's exchange rate.

    "223.66 billion yuan (about 31.46 billion U.S. dollars) in 2024": the implied rate is compared
    with the yearly average in szcheck's rate table (money/rates.yaml) within its band. A conversion
    that holds is reported as info.
    """,
)


document_rule(
    "SZ203",
    "parts-exceed-whole",
    "error",
    """The parts listed after a total ("a talent pool of 7.19 million, including 4.06 million ...")
    add up to more than the total. Parts that fit are reported as info.""",
)


document_rule(
    "SZ204",
    "implausible-series",
    "warning",
    """A balance reported at several dates grows far faster than the growth the sources state.

    For example sci-tech loans of 987.3 billion yuan at the end of 2024 and 1.23 trillion in March
    2025 (annualized +141%) next to a stated year-on-year growth of 7.23%. The figures are probably
    not the same measure (different definitions: "technology loans", "loans to technology
    enterprises", "sci-tech loans"), not a contradiction of one another.
    """,
)


document_rule(
    "SZ205",
    "share-check",
    "warning",
    """A share stated against its base does not match the figures: "R&D spending of 223.66 billion
    yuan, accounting for 6.46 percent of GDP" next to a GDP figure for the same year (any source).
    A share that holds is reported as info.
    """,
)


def year_of(period: str) -> int | None:
    match = re.match(r"(\d{4})", period)
    return int(match.group(1)) if match else None


def month_index(period: str) -> int | None:
    """Months since year 0 at the end of a period ('2024' -> December 2024)."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", period)
    if not match:
        return None
    return int(match.group(1)) * 12 + (int(match.group(2)) if match.group(2) else 12)


def series_index(claims: list[Claim]) -> dict[tuple[str, str], list[Claim]]:
    """Comparable claims by (entity, metric) across periods."""
    index: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if is_comparable(claim) and claim.metric_match == "registry":
            index[(claim.entity, claim.metric)].append(claim)
    return index


def check_arithmetic(sources: list[Source], claims: list[Claim], series: dict[tuple[str, str], list[Claim]]) -> list[Finding]:
    return (
        check_growth(series) + check_conversions(sources, claims) + check_parts(claims) + check_series(series)
        + check_shares(series)
    )


def check_shares(series: dict) -> list[Finding]:
    """A registry share metric (R&D intensity = R&D spending / GDP) recomputed from its two parts."""
    registry = load_registry()
    findings = []
    for (entity, metric), shares in series.items():
        known = registry.metrics.get(metric)
        if not known or not known.share_of:
            continue
        part_metric, base_name = known.share_of
        base_metric = next((m.name for m in registry.metrics.values() if m.label.lower() == base_name.lower() or m.name == base_name.lower()), None)
        for share in shares:
            parts = [c for c in series.get((entity, part_metric), []) if c.period == share.period]
            bases = [c for c in series.get((entity, base_metric), []) if c.period == share.period and c.quantity.unit == (parts[0].quantity.unit if parts else "")]
            for part in parts:
                for base in bases:
                    if part.quantity.unit != base.quantity.unit or base.quantity.value <= 0:
                        continue
                    value = part.quantity.value / base.quantity.value * 100
                    holds = share.quantity.low - GROWTH_SLACK <= value <= share.quantity.high + GROWTH_SLACK
                    message = (f"{metric_label(metric)} of {entity} {share.period}: {figure(share)} recomputed from {figure(part)} "
                               f"and {figure(base)}: {value:.2f}%" + ("" if holds else " — does not match"))
                    findings.append(make_finding("SZ205", message, [share, part, base], severity="info" if holds else "warning",
                                                 entity=entity, metric=metric, period=share.period))
    return findings


def recomputed_growth(start: float, end: float, years: int) -> float:
    return ((end / start) ** (1 / years) - 1) * 100


def growth_fits(rate: Claim, value: float) -> bool:
    quantity = rate.quantity
    return quantity.low - GROWTH_SLACK <= value <= quantity.high + GROWTH_SLACK


def growth_checks_for(rate: Claim, series: dict) -> list[tuple[Claim, Claim, float]]:
    """(start claim, end claim, recomputed rate) for every pair of figures a growth rate describes."""
    base_metric = rate.metric.rsplit(".", 1)[0]
    points = series.get((rate.entity, base_metric), [])
    if ".." in rate.period:
        first, last = (int(y) for y in rate.period.split(".."))
    elif re.fullmatch(r"\d{4}", rate.period):
        first, last = int(rate.period) - 1, int(rate.period)
    else:
        return []
    starts = [c for c in points if c.period == str(first) and c.quantity.unit == points[0].quantity.unit]
    ends = [c for c in points if c.period == str(last)]
    pairs = []
    for start in starts:
        for end in ends:
            if start.quantity.unit == end.quantity.unit and start.quantity.value > 0:
                pairs.append((start, end, recomputed_growth(start.quantity.value, end.quantity.value, last - first)))
    return pairs


def check_growth(series: dict) -> list[Finding]:
    """One finding per stated growth rate that szcheck can recompute from the figures of its series."""
    findings = []
    for claims in series.values():
        for rate in claims:
            if rate.kind != "growth" or rate.quantity.unit != "percent" or rate.period_basis not in ("stated", "context"):
                continue
            pairs = [p for p in growth_checks_for(rate, series) if all(c.period_basis in ("stated", "context") for c in p[:2])]
            if pairs:
                findings.append(growth_finding(rate, pairs))
    return findings


def growth_finding(rate: Claim, pairs: list[tuple[Claim, Claim, float]]) -> Finding:
    """Holds (info) when some pair of figures reproduces the rate; the pairs that do not are named."""
    fitting = [p for p in pairs if growth_fits(rate, p[2])]
    start, end, value = (fitting or pairs)[0]
    others = [f"not with {figure(e)} in {source_name(e.source)} ({v:.2f}%)" for s, e, v in pairs if not growth_fits(rate, v)]
    message = (
        f"{metric_label(start.metric)} of {rate.entity}: {figure(rate)} for {rate.period} recomputed from {figure(start)} "
        f"({start.period}) and {figure(end)} ({end.period}): {value:.2f}%" + ("" if fitting else " — does not match")
    )
    if fitting and others:
        message += f" ({'; '.join(others)})"
    used = unique([rate] + [c for p in pairs for c in p[:2]])
    return make_finding("SZ201", message, used, severity="info" if fitting else "warning",
                        entity=rate.entity, metric=rate.metric, period=rate.period)


def conversion_pairs(claims: list[Claim]) -> list[tuple[Claim, Claim]]:
    """(original, conversion) pairs: a conversion restates the claim just before it in its quote."""
    pairs, previous = [], None
    for claim in claims:
        if claim.role == "conversion" and previous is not None and previous.quote == claim.quote and claim.quantity and previous.quantity:
            pairs.append((previous, claim))
        if claim.role != "conversion":
            previous = claim
    return pairs


def check_conversions(sources: list[Source], claims: list[Claim]) -> list[Finding]:
    published = {s.path.as_posix(): s.published for s in sources}
    band = float(load_rates()["band"])
    findings = []
    for original, conversion in conversion_pairs(claims):
        year = year_of(original.period) or (published.get(original.source) or None) and published[original.source].year
        if not year:
            continue
        expected = convert_currency(original.quantity.value, original.quantity.unit, conversion.quantity.unit, year)
        if expected is None:
            continue
        stated = conversion.quantity.value
        off = abs(stated - expected) / expected
        implied = original.quantity.value / stated if stated else math.nan
        holds = off <= band
        message = (
            f"{figure(original)} = {figure(conversion)} implies {implied:.3g} {original.quantity.unit} per {conversion.quantity.unit}; "
            f"at the {year} average rate it is {human_amount(expected, conversion.quantity.unit)} ({off * 100:.1f}% apart"
            + (")" if holds else f", outside the {band * 100:.0f}% band)")
        )
        findings.append(make_finding("SZ202", message, [original, conversion], severity="info" if holds else "warning",
                                     entity=original.entity, metric=original.metric, period=original.period))
    return findings


PARTS_WORDS = ("including", "of which", "among them", "among which")
PARTS_FOLLOW = re.compile(rf"[^.;]{{0,40}}?\b(?:{'|'.join(PARTS_WORDS)})\b")


def check_parts(claims: list[Claim]) -> list[Finding]:
    """'a talent pool of 7.19 million, including 4.06 million skilled workers, 2.55 million ...'"""
    findings = []
    by_quote: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if is_comparable(claim) or claim.role == "conversion":
            by_quote[(claim.source, claim.quote)].append(claim)
    for (_, quote), sentence_claims in by_quote.items():
        if len(sentence_claims) < 3 or not any(word in quote for word in PARTS_WORDS):
            continue  # a whole and two parts at least, and the words that list them
        for index, whole in enumerate(sentence_claims):
            if not PARTS_FOLLOW.match(quote, quote.find(whole.value) + len(whole.value)):
                continue
            parts = [c for c in sentence_claims[index + 1 :] if c.quantity.unit == whole.quantity.unit and c.kind == whole.kind]
            if len(parts) < 2:
                continue
            least = sum(c.quantity.low for c in parts)
            holds = least <= whole.quantity.high
            unit = "" if whole.quantity.unit == "count" else whole.quantity.unit
            message = (
                f"{len(parts)} parts listed under {figure(whole)} add up to at least {human_amount(least, unit).strip()}, "
                + ("within the whole" if holds else f"more than the whole ({human_amount(whole.quantity.high, unit).strip()})")
            )
            findings.append(make_finding("SZ203", message, [whole, *parts], severity="info" if holds else "error",
                                         entity=whole.entity, metric=whole.metric, period=whole.period))
    return findings


def unique(claims: list[Claim]) -> list[Claim]:
    seen: set[int] = set()
    return [c for c in claims if not (id(c) in seen or seen.add(id(c)))]


def check_series(series: dict) -> list[Finding]:
    registry = load_registry()
    findings = []
    for (entity, metric), claims in series.items():
        known = registry.metrics.get(metric)
        if not known or known.kind != "balance":
            continue
        points = sorted((c for c in claims if c.kind == "amount" and month_index(c.period)), key=lambda c: month_index(c.period))
        stated = [c for c in series.get((entity, f"{metric}.growth"), []) if c.quantity.unit == "percent"]
        if len(points) < 2 or not stated:
            continue
        steps = []
        for before, after in zip(points, points[1:]):
            months = month_index(after.period) - month_index(before.period)
            if months <= 0 or before.quantity.value <= 0:
                continue
            annualized = ((after.quantity.value / before.quantity.value) ** (12 / months) - 1) * 100
            steps.append((before, after, annualized))
        rate = stated[0].quantity.value
        far = [s for s in steps if abs(s[2] - rate) > SERIES_POINTS and abs(s[2]) > SERIES_FACTOR * abs(rate)]
        if not far:
            continue
        described = "; ".join(
            f"{figure(a)} ({a.period}, {source_name(a.source)}) → {figure(b)} ({b.period}, {source_name(b.source)}): "
            f"{'at least ' if b.quantity.low_open or b.qualifier == 'over' else ''}{g:+.0f}% a year" for a, b, g in steps
        )
        message = (
            f"{metric_label(metric)} of {entity} implies growth far from the stated {figure(stated[0])} ({stated[0].period}): {described}"
        )
        diagnosis = "likely different definitions of the measure across sources (compare how each article names it), not one series"
        claims_used = unique([c for step in steps for c in step[:2]] + stated[:1])
        findings.append(make_finding("SZ204", message, claims_used, entity=entity, metric=metric, diagnosis=diagnosis))
    return findings
