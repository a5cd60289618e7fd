"""Value checks (SZ1xx): contradictions, possible contradictions and agreements between sources."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from typing import Mapping

from ..rules import document_rule, make_finding, value_key
from ..group import Cluster, Group, agreement_clusters, conflicting, near_groups
from ..model import Claim, Finding, Source, intervals_overlap, is_finite
from ..registry import load_registry
from .wording import figure, human_amount, metric_label, sentence_case, source_name

FIRM_BASES = ("stated", "context")


document_rule(
    "SZ101",
    "value-conflict",
    "error",
    """Sources state values for the same entity, metric and period that cannot both be true.

    Each figure is an interval: its stated precision, half-open ("1.3 trillion" is [1.25, 1.35)
    trillion, so "1.3" and "1.4" only touch and share no value; a whole number is half a unit of its
    last digit, "40%" is [39.5, 40.5)), widened by "about" (±5%), opened by "over" or "under", or an
    order of magnitude when the text calls it a level. Figures that agree form one side: equal as
    stated, or one the other rounded to its own precision (see SZ110). Two sides whose intervals are
    disjoint contradict each other, unless rounding explains the gap (SZ103): what is left between two
    chains of near misses is this conflict, one finding per conflict, each side listed once with
    the sources stating it. Sides that merely overlap ("4 percent" and "4.4 percent") are no finding.
    Only periods the articles state count here; an inferred period or a fuzzy metric match makes it
    SZ102, one source contradicting itself is SZ106 and a preliminary against a final figure SZ107.
    The diagnosis names the likely cause where the numbers show one: a factor of 10, 100 or 1000 is
    a scale slip ("billion" for "10 billion", 亿 read as million, billion for trillion), checked
    against the series the sources state; a side that fits the series of other periods is favoured.
    """,
)


document_rule(
    "SZ102",
    "possible-conflict",
    "warning",
    """Values disagree, but the comparison rests on an assumption szcheck had to make.

    Either one side's period is not stated and was inferred from the publication date (the last full
    year for an annual figure, the publication month for a level), or the metrics' names only fuzzily
    match ("technology loans" and "loans to technology enterprises" may be defined differently).
    The message says which assumption; confirm it in the claims file to turn the warning into a
    decision.
    """,
)


document_rule(
    "SZ103",
    "near-miss",
    "warning",
    """Values are disjoint, but rounding explains the gap: they are less than 1% apart, or one is the
    other cut short ("51.3" for 51.36).

    Reported apart from a real conflict in the same group: "51.3" and "51.36" are a near miss even
    when "58" disagrees with both (that is SZ101). Bounds and levels that miss are never a near miss.
    """,
)


document_rule(
    "SZ104",
    "currency-conflict",
    "warning",
    """Figures in different currencies for the same entity, metric and period disagree once converted
    at the year's average rate (money/rates.yaml, with its band). A warning, since the rate an article
    used may differ; figures that agree once converted are reported as info (SZ111).""",
)


document_rule(
    "SZ111",
    "corroborated-converted",
    "info",
    """Figures in different currencies agree once converted at the year's average rate.""",
)


document_rule(
    "SZ105",
    "unit-mixup",
    "warning",
    """The same number is stated for one entity, metric and period as a percent in one source and
    in percentage points in another: one of them probably has the unit wrong (a rise "of 0.2
    percentage points" is not a rise "of 0.2%")."""
)


document_rule(
    "SZ106",
    "self-contradiction",
    "error",
    """One source states the same entity, metric and period twice with values that cannot both be
    true: a headline and its body, a summary and its table.

    The values are compared as across sources (SZ101): equal values and roundings ("48 billion" in a
    headline, "48.2 billion" in the body) agree, and a near miss is no contradiction. Figures marked
    as stages of a revision are SZ107. A noun phrase the registry does not know is not checked within
    one article: it usually means two different things.
    """,
)


document_rule(
    "SZ107",
    "revised-figure",
    "warning",
    """A figure marked as a stage of a revision disagrees with another stage of the same figure:
    "preliminary", "initial", "estimated" (初步, 快报) against an unmarked, "revised" (修订) or
    "final" (最终核实) one.

    A revision is not an error: the finding has the cause `revision` and favours the latest stage
    (final over revised over unmarked over preliminary). It applies across sources and within one.
    """,
)


document_rule(
    "SZ108",
    "profit-or-loss",
    "error",
    """One source states a profit and another a loss for the same entity and period: "a net profit
    of 5 billion yuan" against "a net loss of 1.2 billion yuan" for 2024.

    The registry pairs metrics that are one measure's two signs (`opposite` in registry.yaml:
    net_loss is the opposite of net_profit). Both figures must state their period, as for SZ101;
    forecasts and targets are compared only with each other.
    """,
)

document_rule(
    "SZ110",
    "corroborated",
    "info",
    """Two or more sources state the same value for the same entity, metric and period.

    The same value means equal as stated ("6.46 percent" and "6.46%"), or one figure is the other
    rounded to its own precision ("3.47 billion" and "about 3.5 billion", "57.96" and "58"), or a
    figure lies within the order of magnitude a level states ("10 billion" and "at the 10-billion
    level"). A figure of one significant digit ("4 percent", "1 trillion") is consistent with too
    much to corroborate anything but its equal; figures whose intervals merely overlap, and bounds
    ("over 500 billion") with the figures they allow, are no finding at all. Reported only when the
    group has no conflict. Copies of the same sentence are not counted as independent.
    """,
)


def check_values(groups: list[Group], sources: list[Source] | Mapping[str, Source], series: dict[tuple[str, str], list[Claim]]) -> list[Finding]:
    """Each group's claims compared; `series` holds each (entity, metric)'s claims across periods;
    `sources` (a list, or a mapping by path) gives the front matter that weighs the evidence."""
    published = sources if isinstance(sources, Mapping) else {s.path.as_posix(): s for s in sources}
    registry = load_registry()
    findings: list[Finding] = []
    linked: dict[tuple, tuple[dict, list[list[Claim]]]] = {}  # diagnoses so far, for shares of their metrics

    def is_share(group: Group) -> bool:
        return bool(getattr(registry.metrics.get(group.key.metric), "share_of", None))

    for group in sorted(groups, key=is_share):  # a share's parts are diagnosed first
        findings.extend(check_group(group, published, series, linked))
    return findings + check_currencies(groups) + check_unit_mixups(groups) + check_opposites(groups, registry)


def check_opposites(groups: list[Group], registry) -> list[Finding]:
    """A profit in one source and a loss in another for the same entity, period and unit (SZ108)."""
    by_key = {(g.key.entity, g.key.metric, g.key.period, g.key.unit): g for g in groups}
    findings = []
    for group in groups:
        opposite = getattr(registry.metrics.get(group.key.metric), "opposite", "")
        other = by_key.get((group.key.entity, opposite, group.key.period, group.key.unit)) if opposite else None
        if other is None:
            continue
        losses = [c for c in group.claims if c.period_basis in FIRM_BASES and c.quantity.low > 0]
        profits = [c for c in other.claims if c.period_basis in FIRM_BASES and c.quantity.low > 0]
        if not losses or not profits:
            continue
        key = other.key
        message = (f"{sentence_case(metric_label(key.metric))} {key.period} of {key.entity}: a profit of {figure(profits[0])} in "
                   f"{source_name(profits[0].source)} but a loss of {figure(losses[0])} in {source_name(losses[0].source)}")
        findings.append(make_finding("SZ108", message, [*profits, *losses], entity=key.entity, metric=key.metric, period=key.period,
                                     details={"causes": [{"cause": "sign", "metrics": [key.metric, group.key.metric]}]}))
    return findings


def check_unit_mixups(groups: list[Group]) -> list[Finding]:
    """Percent in one source, percentage points in another, for the same thing and the same number."""
    by_key: dict[tuple, dict[str, Group]] = defaultdict(dict)
    for group in groups:
        if group.key.unit in ("percent", "percentage_point"):
            by_key[(group.key.entity, group.key.metric, group.key.period)][group.key.unit] = group
    findings = []
    for (entity, metric, period), units in by_key.items():
        if len(units) < 2:
            continue
        percents, points = units["percent"].claims, units["percentage_point"].claims
        pairs = [(a, b) for a in percents for b in points if a.quantity.overlaps(b.quantity)]
        if pairs:
            a, b = pairs[0]
            message = (f"{sentence_case(metric_label(metric))} {period} of {entity} is {figure(a)} in {source_name(a.source)} "
                       f"but {figure(b)} in {source_name(b.source)}: the same number in different units")
            findings.append(make_finding("SZ105", message, [a, b], entity=entity, metric=metric, period=period,
                                         details={"causes": [{"cause": "unit", "units": ["percent", "percentage_point"]}]}))
    return findings


def check_currencies(groups: list[Group]) -> list[Finding]:
    """Money figures of one entity, metric and period stated in different currencies, compared in
    the first group's currency at the period's average rate."""
    from ..money import convert_currency
    from ..money import load_rates

    band = float(load_rates()["band"])
    by_key: dict[tuple, list[Group]] = defaultdict(list)
    for group in groups:
        if group.key.unit not in ("percent", "percentage_point", "count"):
            by_key[(group.key.entity, group.key.metric, group.key.period)].append(group)
    findings = []
    for (entity, metric, period), currency_groups in by_key.items():
        year = re.match(r"\d{4}", period)
        if len(currency_groups) < 2 or not year:
            continue
        base, *others = sorted(currency_groups, key=lambda g: g.key.unit != "CNY")
        target = base.key.unit
        for other in others:
            for claim in other.claims:
                converted = convert_currency(claim.quantity.value, claim.quantity.unit, target, int(year.group(0)))
                if converted is None:
                    continue
                agreeing = [c for c in base.claims if abs(converted - c.quantity.value) <= band * c.quantity.value + (c.quantity.high - c.quantity.low) / 2]
                sides = f"{figure(claim)} in {source_name(claim.source)} is {human_amount(converted, target)} at the {year.group(0)} average rate"
                label = sentence_case(metric_label(metric))
                if agreeing:
                    message = f"{label} {period} of {entity}: {sides}, which agrees with {figure(agreeing[0])}"
                    findings.append(make_finding("SZ111", message, [claim, *agreeing], entity=entity, metric=metric, period=period))
                else:
                    message = f"{label} {period} of {entity}: {sides}, but the sources in {target} say " + ", ".join(figure(c) for c in base.claims)
                    findings.append(make_finding("SZ104", message, [claim, *base.claims], entity=entity, metric=metric, period=period,
                                                 details={"causes": [{"cause": "currency", "converted": round(converted, 2), "currency": target}]}))
    return findings


def is_firm(claim: Claim, group: Group) -> bool:
    return group.key.period == "any" or claim.period_basis in FIRM_BASES


def check_group(group: Group, sources: dict[str, Source], series: dict, linked: dict) -> list[Finding]:
    """Agreement, conflict, near miss, revision and self-contradiction within one group."""
    claims = group.claims
    phrase = claims[0].metric_match == "phrase"
    if phrase and len({c.source for c in claims}) < 2:
        return []  # one article using a noun phrase twice usually means two different things
    clusters = agreement_clusters(claims)
    sides = conflicting(clusters)
    if not sides:
        return agreements(group, clusters)
    findings = [] if phrase else self_contradictions(group, sources)
    if len({c.source for side in sides for c in side.claims}) < 2:
        return findings  # the only conflict is inside one source
    return findings + conflicts(group, sides, sources, series, linked)


def conflicts(group: Group, sides: list[Cluster], sources: dict[str, Source], series: dict, linked: dict) -> list[Finding]:
    """One finding per real conflict (the chains of near misses on either side of it are its
    sides), and one near miss (SZ103) per chain of figures that only rounding separates."""
    chains = near_groups(sides)
    order = {id(c): i for i, c in enumerate(group.claims)}
    firm_claims = [c for c in group.claims if is_firm(c, group)]
    if len(firm_claims) == len(group.claims):
        firm = not group.fuzzy
    else:
        firm = bool(firm_claims) and bool(conflicting(agreement_clusters(firm_claims))) and not group.fuzzy
    findings = []
    if len(chains) > 1:
        findings.append(conflict_finding(group, [chain_claims(chain, order) for chain in chains], sources, series, linked, firm, False))
    for chain in chains:
        if len(chain) > 1 and any(not intervals_overlap(a.interval, b.interval) for a, b in zip(chain, chain[1:])):
            findings.append(conflict_finding(group, [c.claims for c in chain], sources, series, linked, firm, True))
    return findings


def chain_claims(chain: list[Cluster], order: dict[int, int]) -> list[Claim]:
    """A side's claims in the order the group holds them."""
    if len(chain) == 1:
        return chain[0].claims
    return sorted((c for cluster in chain for c in cluster.claims), key=lambda c: order[id(c)])


def conflict_finding(group: Group, sides: list[list[Claim]], sources: dict[str, Source], series: dict, linked: dict,
                     firm: bool, near: bool) -> Finding:
    key = group.key
    claims = [c for side in sides for c in side]
    message = conflict_message(group, sides)
    diagnosis, details = diagnose(group, sides, sources, series, linked, near)
    charts = linked.setdefault("charts", {})  # one chart per series and unit, however many findings it serves
    chart_key = (key.entity, key.metric, key.unit)
    if chart_key not in charts:
        charts[chart_key] = series_points(series.get((key.entity, key.metric), []), key.unit)
    details["series"] = charts[chart_key]
    where = {"entity": key.entity, "metric": key.metric, "period": key.period, "diagnosis": diagnosis, "details": details}
    if not firm:
        reasons = assumption_reasons(group)
        details["assumptions"] = reasons
        return make_finding("SZ102", f"{message}; {'; '.join(reasons)}", claims, **where)
    if any(c["cause"] == "revision" for c in details["causes"]):
        return make_finding("SZ107", message, claims, **where)
    return make_finding("SZ103" if near else "SZ101", message, claims, **where)


REVISION_RANK = {"preliminary": 0, "": 1, "revised": 2, "final": 3}


def revision_cause(sides: list[list[Claim]]) -> dict | None:
    """Sides at different stages of revision (a preliminary figure and the final one): the latest
    stage is favoured, an unmarked figure counting as later than a preliminary one."""
    stages = [max(REVISION_RANK[c.revision] for c in side) for side in sides]
    if not any(c.revision for side in sides for c in side) or len(set(stages)) < len(stages):
        return None
    latest = sides[stages.index(max(stages))]
    named = {figure(side[0]).strip('"'): next((c.revision for c in side if c.revision), "unmarked") for side in sides}
    return {"cause": "revision", "fits": latest[0].value, "stages": named,
            "text": "revision: " + "; ".join(f'"{value}" is {stage}' for value, stage in named.items())
                    + f": the later figure, {figure(latest[0])}, supersedes the earlier one"}


def self_contradictions(group: Group, sources: dict[str, Source]) -> list[Finding]:
    """One source stating the same key twice with values that cannot both be true (a headline and
    its body): rounding between them is no contradiction, and a revision is a revision."""
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in group.claims:
        if is_firm(claim, group):
            by_source[claim.source].append(claim)
    findings = []
    key = group.key
    for source, claims in by_source.items():
        if len({value_key(c) for c in claims}) < 2:
            continue
        chains = near_groups(conflicting(agreement_clusters(claims)))
        if len(chains) < 2:
            continue
        order = {id(c): i for i, c in enumerate(claims)}
        sides = [chain_claims(chain, order) for chain in chains]
        revision = revision_cause(sides)
        if revision:
            details = {"causes": [{k: v for k, v in revision.items() if k != "text"}], "favours": revision["fits"],
                       "sides": [side_evidence(side, sources) for side in sides]}
            findings.append(make_finding("SZ107", conflict_message(group, sides), [c for side in sides for c in side],
                                         entity=key.entity, metric=key.metric, period=key.period, diagnosis=revision["text"],
                                         details=details))
            continue
        lines = ", ".join(f"{figure(side[0])} (line {side[0].line})" for side in sides)
        message = f"{source_name(source)} states {metric_label(key.metric)}{when(key)} of {key.entity} as {lines}"
        findings.append(make_finding("SZ106", message, [c for side in sides for c in side], entity=key.entity, metric=key.metric,
                                     period=key.period, details={"sides": [side_evidence(side, sources) for side in sides]}))
    return findings


def when(key) -> str:
    return "" if key.period in ("any", "unspecified") else f" {key.period}"


def side_values(side: list[Claim]) -> list[Claim]:
    """The first claim of each distinct value a side states ("6.46 percent" and "6.46%" are one)."""
    first: dict[str, Claim] = {}
    for claim in side:
        first.setdefault(value_key(claim), claim)
    return list(first.values())


def series_points(claims: list[Claim], unit: str) -> list[dict]:
    """The metric's figures across periods and sources, for a chart of where the conflict sits."""
    points = [
        {"period": c.period, "source": source_name(c.source), "text": c.value, "value": c.quantity.value}
        for c in claims
        if c.quantity.unit == unit and c.period != "unspecified" and is_finite(c.quantity.value) and c.kind not in ("growth",)
    ]
    return sorted(points, key=lambda p: (p["period"], p["source"]))


def assumption_reasons(group: Group) -> list[str]:
    reasons = []
    for claim in group.claims:
        if not is_firm(claim, group):
            stated = "no period" if claim.period_basis == "none" else f"period inferred as {claim.period}"
            reasons.append(f"{source_name(claim.source)} line {claim.line} states {stated}")
        if claim.id + "@" + claim.source in group.fuzzy:
            reasons.append(f"{source_name(claim.source)} line {claim.line} names the metric {claim.metric!r}, only a fuzzy match")
    return reasons or ["the claims differ only in how szcheck matched them"]


def times(ratio: float) -> str:
    """'10×', '2.5×', '10,000×' (never '1e+04×'): a ratio of two values, for a reader."""
    return f"{ratio:,.0f}×" if ratio >= 1000 else f"{ratio:.3g}×"


def conflict_message(group: Group, sides: list[list[Claim]]) -> str:
    """Each side once: its distinct values, then the sources stating it."""
    key = group.key
    texts = [" / ".join(figure(c) for c in side_values(side)) + " in " + ", ".join(sorted({source_name(x.source) for x in side}))
             for side in sides]
    spread = ""
    values = [representative(c) for c in sides]
    if all(is_finite(v) and v > 0 for v in values) and len(values) == 2:
        ratio = max(values) / min(values)
        spread = f" ({times(ratio)} apart)" if ratio >= 2 else f" ({(ratio - 1) * 100:.1f}% apart)"
    return f"{sentence_case(metric_label(key.metric))}{when(key)} of {key.entity} is " + " but ".join(texts) + spread


def representative(cluster: list[Claim]) -> float:
    values = sorted(c.quantity.value for c in cluster if is_finite(c.quantity.value))
    return values[len(values) // 2] if values else math.nan


def diagnose(group: Group, clusters: list[list[Claim]], sources: dict[str, Source], series: dict,
             linked: dict, near: bool = False) -> tuple[str, dict]:
    """The likely causes, from the numbers and the rest of the series, the evidence for each side and
    which side it favours: as a sentence for people and as fields for scripts."""
    revision = revision_cause(clusters)
    causes = ([revision] if revision else []) + (period_evidence(group, clusters, series) or linked_evidence(group, clusters, linked))
    values = [representative(c) for c in clusters]
    finite = [v for v in values if is_finite(v) and v > 0]
    if len(finite) >= 2:
        ratio = max(finite) / min(finite)
        power = round(math.log10(ratio))
        if power >= 1 and abs(math.log10(ratio) - power) < math.log10(1.25):
            cause = {"cause": "scale", "factor": round(ratio, 3), "power": power,
                     "text": f"the values differ by a factor of about 10^{power} ({ratio:.3g}×): a likely scale slip"
                             " (e.g. 'billion' for '10 billion', 亿 read as million, billion for trillion)"}
            fit = scale_fit(group, clusters, series)
            if fit:
                cause["fits"], note = fit
                cause["text"] += f"; {note}"
            causes.append(cause)
    swapped = swapped_digits(clusters)
    if swapped:
        causes.append({"cause": "transposition", "values": list(swapped),
                       "text": f"{swapped[0]} and {swapped[1]} differ only in two neighbouring digits, swapped: a likely typing slip"})
    if near:
        causes.append({"cause": "rounding", "text": "the values differ by less than 1%: most likely rounding or an approximation"})
    sides = [evidence(cluster, sources) for cluster in clusters]
    favours, reason = verdict(causes, clusters, sources)
    text = ". ".join(
        [c["text"] for c in causes]
        + ["evidence: " + "; ".join(side["text"] for side in sides)]
        + [f"favours {favours}: {reason}" if favours else f"undecided: {reason}"]
    )
    details = {"causes": [{k: v for k, v in c.items() if k != "text"} for c in causes],
               "sides": [{k: v for k, v in side.items() if k != "text"} for side in sides],
               "favours": favours}
    if not near:  # a share follows its part's real conflict, not a near miss beside it
        linked[(group.key.entity, group.key.metric, group.key.period)] = (details, clusters)
    return text, details


DIGIT = re.compile(r"\d")


def swapped_digits(clusters: list[list[Claim]]) -> tuple[str, str] | None:
    """Two values written alike but for two neighbouring digits in turned order ('$612 million' and '$621 million',
    '9.95 million bpd' and '9.59 million bpd'), as (one, the other); else None."""
    if len(clusters) != 2:
        return None
    first, second = (cluster[0].value for cluster in clusters)
    if first == second or DIGIT.sub("#", first) != DIGIT.sub("#", second):
        return None
    differing = [i for i, (a, b) in enumerate(zip(first, second)) if a != b]
    if len(differing) != 2 or first[differing[0]] != second[differing[1]] or first[differing[1]] != second[differing[0]]:
        return None
    return (first, second) if differing[1] == differing[0] + 1 else None


def scale_fit(group: Group, clusters: list[list[Claim]], series: dict) -> tuple[str, str] | None:
    """Which side of a scale slip fits the series the sources state for the years around it: the
    one within a factor of 2 of them, when only one is."""
    from .arithmetic import neighbour_level

    level = neighbour_level(series.get((group.key.entity, group.key.metric), []), group.key.period, group.key.unit)
    if level is None:
        return None
    fitting = [c for c in clusters if is_finite(representative(c)) and 0.5 <= representative(c) / level <= 2]
    if len(fitting) != 1:
        return None
    side = fitting[0][0]
    return side.value, (f"{figure(side)} fits the series the sources state for the years around it "
                        f"(about {human_amount(level, group.key.unit)})")


def linked_evidence(group: Group, clusters: list[list[Claim]], linked: dict) -> list[dict]:
    """A share (R&D intensity) whose sides come from the same sources as the sides of its part's
    conflict (R&D spending), where the part's series showed which side fits: the share's sides follow."""
    metric = load_registry().metrics.get(group.key.metric)
    part = linked.get((group.key.entity, metric.share_of[0], group.key.period)) if metric and metric.share_of else None
    fits = [c["fits"] for c in part[0]["causes"] if c["cause"] == "period" and c.get("fits")] if part else []
    if not fits:
        return []
    fitting_sources = {c.source for cluster in part[1] for c in cluster if c.value == fits[0]}
    other_sources = {c.source for cluster in part[1] for c in cluster if c.value != fits[0]}
    following = [c for c in clusters if {x.source for x in c} <= fitting_sources]
    others = [c for c in clusters if {x.source for x in c} <= other_sources]
    if len(following) != 1 or len(following) + len(others) != len(clusters):
        return []
    side, label = following[0][0], metric_label(metric.share_of[0])
    return [{
        "cause": "period", "fits": side.value, "linked": metric.share_of[0],
        "text": f"period: {figure(side)} is stated by the sources whose {label} ({fits[0]}) fits the series; "
                + ", ".join(figure(c[0]) for c in others) + f" comes from the sources whose {label} does not, so it is "
                "likely for the same other year",
    }]


def verdict(causes: list[dict], clusters: list[list[Claim]], sources: dict[str, Source]) -> tuple[str | None, str]:
    """Which side the evidence favours, only when it does: the side that fits the series, else the
    only side an official source states; otherwise none."""
    revised = [c["fits"] for c in causes if c["cause"] == "revision"]
    if revised:
        return revised[0], "it is the later stage of the figure"
    fitting = [c["fits"] for c in causes if c["cause"] in ("period", "scale") and c.get("fits")]
    if fitting:
        return fitting[0], "it fits the series the sources state"
    official = [c for c in clusters if any(sources[x.source].kind == "official" for x in c if x.source in sources)]
    if len(official) == 1 and len(clusters) > 1:
        return figure(official[0][0]).strip('"'), "an official source states it"
    wordings = sorted(((len({" ".join(x.quote.lower().split()) for x in c}), c) for c in clusters), key=lambda pair: -pair[0])
    if wordings[0][0] >= 2 and all(count == 1 for count, _ in wordings[1:]):
        return wordings[0][1][0].value, f"stated in {wordings[0][0]} independent wordings against 1 (a weak sign on its own)"
    return None, "the sources do not settle which figure is right"


def period_evidence(group: Group, clusters: list[list[Claim]], series: dict) -> list[dict]:
    """Which side fits the rest of the series: a stated average growth from an earlier year, and
    whether the sides are about one period's growth apart (one is likely the previous period's figure)."""
    from .arithmetic import growth_fits, recomputed_growth

    key = group.key
    if not re.fullmatch(r"\d{4}", key.period):
        return []
    parts = []
    rates = [c for c in series.get((key.entity, f"{key.metric}.growth"), []) if c.quantity.unit == "percent"]
    for rate in distinct(rates):
        if ".." not in rate.period or not rate.period.endswith(key.period):
            continue
        first, last = (int(y) for y in rate.period.split(".."))
        starts = [c for c in series.get((key.entity, key.metric), []) if c.period == str(first) and c.quantity.unit == key.unit]
        for start in distinct(starts):
            fits = {}
            for cluster in clusters:
                value = recomputed_growth(start.quantity.value, representative(cluster), last - first)
                fits[figure(cluster[0])] = (growth_fits(rate, start, cluster[0], last - first), value)
            if any(ok for ok, _ in fits.values()) and not all(ok for ok, _ in fits.values()):
                fitting = [f"{name} fits it ({value:.2f}%)" for name, (ok, value) in fits.items() if ok]
                failing = [f"{name} does not ({value:.2f}%)" for name, (ok, value) in fits.items() if not ok]
                parts.append({
                    "cause": "period",
                    "fits": next(name for name, (ok, _) in fits.items() if ok).strip('"'),
                    "growth": rate.value, "growth_period": rate.period, "base": start.value,
                    "recomputed": {name.strip('"'): round(value, 2) for name, (_, value) in fits.items()},
                    "text": f"period: the stated {figure(rate)} average growth for {rate.period} from {figure(start)} in {first} "
                            f"({source_name(rate.source)}): " + "; ".join(fitting + failing)
                            + f", so the other figure is likely for another year, mislabelled {key.period}",
                })
    values = sorted(representative(c) for c in clusters)
    if len(values) == 2 and values[0] > 0:
        step = (values[1] / values[0] - 1) * 100
        stated = sorted({r.quantity.value for r in rates})
        if stated and any(abs(step - g) <= 5 for g in stated) and not parts:
            parts.append({"cause": "period", "step": round(step, 2), "stated_growth": stated,
                          "text": f"period: the sides are {step:.1f}% apart, about one period of the growth the sources state "
                                  f"({', '.join(f'{g:g}%' for g in stated)}): the smaller may be the previous period's figure"})
    return parts


def side_evidence(side: list[Claim], sources: dict[str, Source]) -> dict:
    """A side as the JSON report lists it (the evidence fields, without their sentence)."""
    return {k: v for k, v in evidence(side, sources).items() if k != "text"}


def distinct(claims: list[Claim]) -> list[Claim]:
    """The first claim of each distinct value."""
    return side_values(claims)


def evidence(cluster: list[Claim], sources: dict[str, Source]) -> dict:
    """How strongly one side is stated: sources, independent wordings (a copied sentence counts
    once), their kinds and the newest publication date."""
    independent = {" ".join(c.quote.lower().split()) for c in cluster}
    named = sorted({c.source for c in cluster})
    kinds = sorted({sources[s].kind for s in named if s in sources})
    dates = sorted(str(sources[s].published) for s in named if s in sources and sources[s].published)
    newest = f", newest {dates[-1]}" if dates else ""
    return {
        "value": cluster[0].value, "sources": named, "independent": len(independent), "kinds": kinds,
        "newest": dates[-1] if dates else None,
        "text": f"{figure(cluster[0])}: {len(named)} source(s), {len(independent)} independent wording(s) ({', '.join(kinds)}{newest})",
    }


def agreements(group: Group, clusters: list[Cluster]) -> list[Finding]:
    """SZ110 for each cluster that two or more sources state: equal values, or one the other
    rounded to its own precision. Figures that merely overlap are not agreement."""
    if group.fuzzy:
        return []
    key = group.key
    findings = []
    for cluster in clusters:
        sources = {c.source for c in cluster.claims}
        if len(sources) < 2:
            continue
        wordings = " / ".join(dict.fromkeys(f'"{c.value}"' for c in cluster.claims))
        message = f"{sentence_case(metric_label(key.metric))}{when(key)} of {key.entity} agrees across {len(sources)} sources: {wordings}"
        findings.append(make_finding("SZ110", message, cluster.claims, entity=key.entity, metric=key.metric, period=key.period))
    return findings
