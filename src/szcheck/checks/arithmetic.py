"""Arithmetic and series checks (SZ2xx): growth rates, conversions, parts of a whole, balance series."""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from ..rules import document_rule, make_finding, value_key
from ..group import exact, is_comparable
from ..model import Claim, Finding, Source, is_finite
from ..money import convert_currency, load_rates
from ..registry import load_registry
from .wording import figure, human_amount, metric_label, source_name

SHOWN = 3  # figures named in a message before "and N more"
FIRM = ("stated", "context")  # periods the articles state: only these are recomputed
SERIES_FACTOR = 3.0  # implied growth this many times the stated one (or 20 points off) is implausible
SERIES_POINTS = 20.0


document_rule(
    "SZ201",
    "growth-check",
    "warning",
    """A stated growth rate does not match the figures it describes.

    "From 151.08 billion yuan in 2020 to 245.31 billion yuan in 2024, an average annual growth
    rate of 12.9%": szcheck recomputes the rate from the two figures (any source may give them)
    with each figure's stated precision: the rate holds when some start and end figure allow it
    within their intervals ("up 6.1%" from 1.27 to 1.35 billion holds: the figures allow 5.49-7.11%).
    One finding per stated rate group (entity, metric, period), however many sources state it: info
    when every rate stated holds, a warning naming the figures when one does not. A metric the
    registry marks `real` (GDP: growth at constant prices) is not recomputed from nominal levels.
    Only periods the articles state are used.
    """,
)


document_rule(
    "SZ202",
    "conversion-check",
    "warning",
    """A currency conversion in the text does not match the year's exchange rate.

    "223.66 billion yuan (about 31.46 billion U.S. dollars) in 2024": the implied rate is compared
    with the yearly average in szcheck's rate table (money/rates.yaml) within its band, each figure
    taken within its stated precision (a conversion rounded to "about 31 billion" holds if its
    rounding reaches the band). A conversion that holds is reported as info.
    """,
)


document_rule(
    "SZ203",
    "parts-exceed-whole",
    "error",
    """The parts listed after a total ("a talent pool of 7.19 million, including 4.06 million ...")
    add up to more than the total, even at the low end of each part's rounding. Parts are taken from
    the list that follows the total in the same sentence, up to the end of that list (a semicolon or
    the sentence's end): never pooled across sentences, nor across repeats of one sentence. Parts that
    fit are reported as info.""",
)


document_rule(
    "SZ206",
    "shares-do-not-add-up",
    "error",
    """A sentence says a whole is split ("split into / between / among", "divided into / between /
    among", "broken down into", "made up of", "consists of") and the shares it lists after that, up
    to the end of the list and all of one base, cannot make 100% within their rounding ("chips at
    58%, cars at 32% and software at 20%" is 110%). A list that leaves a part unnamed ("the rest",
    "others") is not checked. A split that adds up is reported as info.""",
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
    The share is recomputed with each figure's stated precision and holds (info) when some part and
    base figure allow it; one finding per share value stated.
    """,
)


document_rule(
    "SZ207",
    "scale-outlier",
    "warning",
    """A year's figure is about 10, 100 or 1000 times (within a factor of 1.25) the figures the
    sources state for the years around it (up to two years either side), while that year's own
    figures agree: a national total of "134.9 billion" among totals of 120-130 trillion. Most likely
    a unit slip (billion for trillion, 亿 read as million). Only periods the articles state, figures
    with a value (not bounds or levels), and registry metrics that are amounts or counts.""",
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
    return check_series_rules(series) + check_conversions(sources, claims) + check_parts(claims)


def check_series_rules(series: dict[tuple[str, str], list[Claim]]) -> list[Finding]:
    """The checks across one (entity, metric)'s periods: growth, balance series, shares, scale outliers."""
    return check_growth(series) + check_series(series) + check_shares(series) + check_scale_outliers(series)


@dataclass
class Bounds:
    """The values one distinct figure allows, exactly, and the claims stating it."""

    low: Decimal
    high: Decimal
    claims: list[Claim]

    @property
    def first(self) -> Claim:
        return self.claims[0]


def distinct_bounds(claims: list[Claim], positive: bool = True) -> list[Bounds]:
    """Each distinct bounded figure once (a figure repeated by ten sources is one); amounts that
    can be divided by must be positive, rates need only stay above -100%."""
    by_key: dict[str, Bounds] = {}
    for claim in claims:
        q = claim.quantity
        if not (is_finite(q.low) and is_finite(q.high)) or q.low <= (0 if positive else -100):
            continue
        key = value_key(claim)
        if key in by_key:
            by_key[key].claims.append(claim)
        else:
            by_key[key] = Bounds(exact(q.low), exact(q.high), [claim])
    return list(by_key.values())


def fitting_partners(numerators: list[Bounds], denominators: list[Bounds], low: Decimal, high: Decimal) -> list[tuple[Bounds, Bounds | None]]:
    """For each numerator n, a denominator d whose intervals allow a ratio n/d within [low, high]
    (n.low/d.high <= high and n.high/d.low >= low), or None. Denominators sorted once and searched
    by bisection with a running maximum: n log n, not n squared."""
    ordered = sorted(denominators, key=lambda d: d.low)
    lows = [d.low for d in ordered]
    widest: list[Bounds] = []
    for d in ordered:
        widest.append(d if not widest or d.high > widest[-1].high else widest[-1])
    pairs = []
    for n in numerators:
        count = bisect.bisect_right(lows, n.high / low) if low > 0 else len(ordered)
        best = widest[count - 1] if count else None
        pairs.append((n, best if best is not None and best.high * high >= n.low else None))
    return pairs


def check_shares(series: dict) -> list[Finding]:
    """A registry share metric (R&D intensity = R&D spending / GDP) recomputed from its two parts,
    with each figure's stated precision: one finding per share group and value."""
    registry = load_registry()
    findings = []
    for (entity, metric), shares in series.items():
        known = registry.metrics.get(metric)
        if not known or not known.share_of:
            continue
        part_metric, base_name = known.share_of
        base_metric = next((m.name for m in registry.metrics.values() if m.label.lower() == base_name.lower() or m.name == base_name.lower()), None)
        by_period: dict[str, list[Claim]] = defaultdict(list)
        for share in shares:
            by_period[share.period].append(share)
        for period, stated in by_period.items():
            parts = [c for c in series.get((entity, part_metric), []) if c.period == period]
            unit = parts[0].quantity.unit if parts else ""
            bases = distinct_bounds([c for c in series.get((entity, base_metric), []) if c.period == period and c.quantity.unit == unit])
            parts = distinct_bounds([c for c in parts if c.quantity.unit == unit])
            if not bases or not parts:
                continue
            for share in distinct_bounds(stated):
                findings.append(share_finding(entity, metric, period, share, parts, bases))
    return findings


def share_finding(entity: str, metric: str, period: str, share: Bounds, parts: list[Bounds], bases: list[Bounds]) -> Finding:
    fitting = [(p, b) for p, b in fitting_partners(parts, bases, share.low / 100, share.high / 100) if b is not None]
    part, base = fitting[0] if fitting else (parts[0], bases[0])
    value = exact(part.first.quantity.value) / exact(base.first.quantity.value) * 100
    low, high = part.low / base.high * 100, part.high / base.low * 100
    message = (f"{metric_label(metric)} of {entity} {period}: {figure(share.first)} recomputed from {figure(part.first)} "
               f"and {figure(base.first)}: {value:.2f}% ({span_text(low, high)} within their precision)"
               + ("" if fitting else " — does not match"))
    return make_finding("SZ205", message, share.claims + part.claims + base.claims, severity="info" if fitting else "warning",
                        entity=entity, metric=metric, period=period)


def span_text(low: Decimal, high: Decimal) -> str:
    """'12.875–12.885%': as many decimals (two to four) as it takes to show the two ends apart."""
    for places in (2, 3, 4):
        if f"{low:.{places}f}" != f"{high:.{places}f}":
            break
    return f"{low:.{places}f}–{high:.{places}f}%"


def recomputed_growth(start: float, end: float, years: int) -> float:
    return ((end / start) ** (1 / years) - 1) * 100


def growth_factors(rate: Bounds, years: int) -> tuple[Decimal, Decimal]:
    """The range of end/start ratios a stated rate allows over `years` periods."""
    return (1 + rate.low / 100) ** years, (1 + rate.high / 100) ** years


def growth_range(start: Bounds, end: Bounds, years: int) -> tuple[Decimal, Decimal]:
    """The average growth, in percent, that two figures allow within their stated precision."""
    root = Decimal(1) / years
    return ((end.low / start.high) ** root - 1) * 100, ((end.high / start.low) ** root - 1) * 100


def growth_fits(rate: Claim, start: Claim, end: Claim, years: int) -> bool:
    """Whether a stated rate and two figures can all be true, each within its precision."""
    rates, starts, ends = distinct_bounds([rate], positive=False), distinct_bounds([start]), distinct_bounds([end])
    if not (rates and starts and ends):
        return False
    return fitting_partners(ends, starts, *growth_factors(rates[0], years))[0][1] is not None


def growth_span(period: str) -> tuple[int, int] | None:
    if ".." in period:
        first, last = (int(y) for y in period.split(".."))
        return (first, last) if last > first else None
    if re.fullmatch(r"\d{4}", period):
        return int(period) - 1, int(period)
    return None


def check_growth(series: dict) -> list[Finding]:
    """One finding per stated growth rate group (entity, metric, period) that szcheck can
    recompute from the figures of its series; a metric whose growth the registry marks `real`
    (GDP: at constant prices) is not recomputed from nominal levels."""
    registry = load_registry()
    groups: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claims in series.values():
        for rate in claims:
            if rate.kind == "growth" and rate.quantity.unit == "percent" and rate.period_basis in FIRM and rate.metric.endswith(".growth"):
                groups[(rate.entity, rate.metric, rate.period)].append(rate)
    findings = []
    for (entity, metric, period), rates in groups.items():
        base_metric = metric.rsplit(".", 1)[0]
        known = registry.metrics.get(base_metric.partition(".")[0])
        span = growth_span(period)
        if span is None or (known is not None and known.real):
            continue
        points = [c for c in series.get((entity, base_metric), []) if c.period_basis in FIRM and c.kind != "growth"]
        starts = [c for c in points if c.period == str(span[0])]
        unit = starts[0].quantity.unit if starts else ""
        starts = distinct_bounds([c for c in starts if c.quantity.unit == unit])
        ends = distinct_bounds([c for c in points if c.period == str(span[1]) and c.quantity.unit == unit])
        if starts and ends:
            findings.append(growth_finding(entity, metric, period, distinct_bounds(rates, positive=False), starts, ends, span[1] - span[0]))
    return findings


def growth_finding(entity: str, metric: str, period: str, rates: list[Bounds], starts: list[Bounds], ends: list[Bounds],
                   years: int) -> Finding:
    """Holds (info) when, for every rate stated, some pair of figures reproduces it within their
    precision; the figures that fit no pair are named, once per value."""
    parts, used, holds = [], [], True
    for rate in rates:
        pairs = fitting_partners(ends, starts, *growth_factors(rate, years))
        fitting = [(s, e) for e, s in pairs if s is not None]
        start, end = fitting[0] if fitting else (starts[0], ends[0])
        low, high = growth_range(start, end, years)
        value = recomputed_growth(start.first.quantity.value, end.first.quantity.value, years)
        text = (f"{figure(rate.first)} for {period} recomputed from {figure(start.first)} ({start.first.period}) and "
                f"{figure(end.first)} ({end.first.period}): {value:.2f}% ({span_text(low, high)} within their precision)")
        others = [f"not with {figure(e.first)} in {', '.join(sorted({source_name(c.source) for c in e.claims}))} "
                  f"({recomputed_growth(start.first.quantity.value, e.first.quantity.value, years):.2f}%)"
                  for e, s in pairs if s is None]
        if not fitting:
            text += " — does not match"
            holds = False
        elif others:
            more = f"; and {len(others) - SHOWN} more" if len(others) > SHOWN else ""
            text += f" ({'; '.join(others[:SHOWN])}{more})"
        parts.append(text)
        used += rate.claims + start.claims + end.claims + [c for e, s in pairs if s is None for c in e.claims]
    label = metric_label(metric.rsplit(".", 1)[0])
    return make_finding("SZ201", f"{label} of {entity}: " + "; ".join(parts), unique(used), severity="info" if holds else "warning",
                        entity=entity, metric=metric, period=period)


def conversion_pairs(claims: list[Claim]) -> list[tuple[Claim, Claim]]:
    """(original, conversion) pairs: a conversion restates the claim just before it in its quote."""
    pairs, previous = [], None
    for claim in claims:
        if claim.role == "conversion" and previous is not None and previous.quote == claim.quote and claim.quantity and previous.quantity:
            pairs.append((previous, claim))
        if claim.role != "conversion":
            previous = claim
    return pairs


def conversion_allows(original: Claim, conversion: Claim, year: int, band: float) -> bool:
    """Whether the two figures, each within its stated precision, allow a conversion within the band
    of the year's rate ("about 31 billion dollars" for 223.66 billion yuan may round a lot)."""
    unit, target = original.quantity.unit, conversion.quantity.unit
    low, high = (convert_currency(v, unit, target, year) for v in (original.quantity.low, original.quantity.high))
    if low is None or high is None or not (is_finite(conversion.quantity.low) and is_finite(conversion.quantity.high)):
        return False
    return conversion.quantity.low <= high * (1 + band) and conversion.quantity.high >= low * (1 - band)


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
        holds = off <= band or conversion_allows(original, conversion, year, band)
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
SPLIT = re.compile(r"\b(?:(?:split|divided|broken down) (?:into|between|among)|made up of|consist(?:s|ing)? of)\b")  # a whole said to be split
UNLISTED = re.compile(r"\b(?:rest|remainder|remaining|others?|etc)\b")  # a part left unnamed: the listed shares need not make 100%
LIST_END = ";"


def sentence_runs(claims: list[Claim]) -> list[list[Claim]]:
    """Claims of one sentence: consecutive claims of a source sharing its line and quote (the same
    sentence repeated elsewhere in the article is another run)."""
    runs: list[list[Claim]] = []
    for claim in claims:
        if not (is_comparable(claim) or claim.role == "conversion"):
            continue
        last = runs[-1][-1] if runs else None
        if last is not None and (last.source, last.line, last.quote) == (claim.source, claim.line, claim.quote):
            runs[-1].append(claim)
        else:
            runs.append([claim])
    return runs


def positions(quote: str, claims: list[Claim]) -> list[int]:
    """Where each claim's figure stands in its quote, in order."""
    found, at = [], 0
    for claim in claims:
        place = quote.find(claim.value, at)
        found.append(place if place >= 0 else at)
        at = (place + len(claim.value)) if place >= 0 else at
    return found


def check_parts(claims: list[Claim]) -> list[Finding]:
    """'a talent pool of 7.19 million, including 4.06 million skilled workers, 2.55 million ...':
    the parts in the list after a total, per sentence; and shares of a whole the sentence says is
    split ('split between chips at 48%, cars at 32% and software at 20%'), which must make 100%."""
    findings = []
    for run in sentence_runs(claims):
        if len(run) < 2:
            continue
        quote = run[0].quote
        places = positions(quote, run)
        if len(run) >= 3 and any(word in quote for word in PARTS_WORDS):
            findings += listed_parts(quote, run, places)
        split = SPLIT.search(quote)
        if split:
            findings += split_shares(quote, run, places, split.end())
    return findings


def list_end(quote: str, start: int) -> int:
    end = quote.find(LIST_END, start)
    return len(quote) if end < 0 else end


def listed_parts(quote: str, run: list[Claim], places: list[int]) -> list[Finding]:
    findings = []
    for index, whole in enumerate(run):
        after = places[index] + len(whole.value)
        if not PARTS_FOLLOW.match(quote, after):
            continue
        end = list_end(quote, after)
        parts = [c for c, at in zip(run[index + 1 :], places[index + 1 :])
                 if at < end and c.quantity.unit == whole.quantity.unit and c.kind == whole.kind]
        if len(parts) < 2:
            continue
        least = sum(exact(c.quantity.low) for c in parts)
        holds = least <= exact(whole.quantity.high)
        unit = "" if whole.quantity.unit == "count" else whole.quantity.unit
        message = (
            f"{len(parts)} parts listed under {figure(whole)} add up to at least {human_amount(float(least), unit).strip()}, "
            + ("within the whole" if holds else f"more than the whole ({human_amount(whole.quantity.high, unit).strip()})")
        )
        findings.append(make_finding("SZ203", message, [whole, *parts], severity="info" if holds else "error",
                                     entity=whole.entity, metric=whole.metric, period=whole.period))
    return findings


def split_shares(quote: str, run: list[Claim], places: list[int], start: int) -> list[Finding]:
    """Shares listed after the split word, up to the end of the list, with one base: their
    intervals must allow a total of exactly 100%."""
    end = list_end(quote, start)
    if UNLISTED.search(quote, start, end):
        return []
    shares = [c for c, at in zip(run, places) if start <= at < end and c.kind == "share" and c.quantity.unit == "percent"
              and c.qualifier in ("exact", "about")]
    if len(shares) < 2 or len({c.base for c in shares}) > 1:
        return []
    low = sum(exact(c.quantity.low) for c in shares)
    high = sum(exact(c.quantity.high) for c in shares)
    holds = low <= 100 <= high
    total = sum(exact(c.quantity.value) for c in shares)
    message = (f"{len(shares)} shares of a whole the sentence splits add up to {total:f}%"
               + (", which their rounding allows to be 100%" if holds else f", not 100% (their rounding allows {low:f}–{high:f}%)"))
    first = shares[0]
    return [make_finding("SZ206", message, shares, severity="info" if holds else "error",
                         entity=first.entity, metric=first.metric, period=first.period)]


def unique(claims: list[Claim]) -> list[Claim]:
    seen: set[int] = set()
    return [c for c in claims if not (id(c) in seen or seen.add(id(c)))]


NEIGHBOUR_YEARS = 2  # years either side of a figure that count as its neighbours in a series
OUTLIER_BAND = 1.25  # a ratio within this factor of a power of ten is a scale slip


def yearly_levels(claims: list[Claim], unit: str) -> dict[int, list[float]]:
    """A series' stated values by year (periods that are a year), for one unit."""
    years: dict[int, list[float]] = defaultdict(list)
    for claim in claims:
        q = claim.quantity
        if re.fullmatch(r"\d{4}", claim.period) and q.unit == unit and claim.kind not in ("growth", "share") \
                and claim.period_basis in FIRM and q.qualifier in ("exact", "about") and q.value > 0:
            years[int(claim.period)].append(q.value)
    return years


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else float((exact(ordered[middle - 1]) + exact(ordered[middle])) / 2)


def neighbour_level(claims: list[Claim], period: str, unit: str, years: dict | None = None) -> float | None:
    """The median value the series states for the years around `period` (not that year itself)."""
    if not re.fullmatch(r"\d{4}", period):
        return None
    years = yearly_levels(claims, unit) if years is None else years
    year = int(period)
    around = [v for y in range(year - NEIGHBOUR_YEARS, year + NEIGHBOUR_YEARS + 1) if y != year for v in years.get(y, [])]
    return median(around) if around else None


def scale_power(ratio: float) -> int:
    """n when `ratio` is within OUTLIER_BAND of 10^n (n may be negative), else 0."""
    power = round(math.log10(ratio))
    return power if abs(math.log10(ratio) - power) < math.log10(OUTLIER_BAND) else 0


def check_scale_outliers(series: dict) -> list[Finding]:
    """A year's figure about 10, 100 or 1000 times the figures the sources state for the years
    around it (a national total in billions among totals in trillions), when that year's figures
    agree with each other (a conflict within the year is SZ101's)."""
    registry = load_registry()
    findings = []
    for (entity, metric), claims in series.items():
        known = registry.metrics.get(metric)
        if not known or known.kind == "attribute" or known.unit == "percent":
            continue
        units = {c.quantity.unit for c in claims}
        for unit in units:
            years = yearly_levels(claims, unit)
            for year, values in years.items():
                if max(values) > 2 * min(values):
                    continue
                level = neighbour_level(claims, str(year), unit, years)
                power = scale_power(median(values) / level) if level else 0
                if power:
                    findings.append(outlier_finding(entity, metric, str(year), unit, claims, level, power))
    return findings


def outlier_finding(entity: str, metric: str, period: str, unit: str, claims: list[Claim], level: float, power: int) -> Finding:
    stated = [c for c in claims if c.period == period and c.quantity.unit == unit and c.kind not in ("growth", "share")]
    year = int(period)
    around = [c for c in claims if re.fullmatch(r"\d{4}", c.period) and c.quantity.unit == unit and c.kind not in ("growth", "share")
              and 0 < abs(int(c.period) - year) <= NEIGHBOUR_YEARS]
    direction = "above" if power > 0 else "below"
    message = (f"{metric_label(metric)} of {entity} {period}: {figure(stated[0])} is about 10^{abs(power)} times {direction} "
               f"the {len(around)} figure(s) the sources state for the years around it (about {human_amount(level, unit)})")
    diagnosis = ("scale: a likely unit slip (billion for trillion, 亿 read as million, 'billion' for '10 billion') "
                 "in the outlying figure")
    return make_finding("SZ207", message, stated + around[:SHOWN], entity=entity, metric=metric, period=period, diagnosis=diagnosis,
                        details={"causes": [{"cause": "scale", "power": power, "series": round(level, 2)}]})


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
