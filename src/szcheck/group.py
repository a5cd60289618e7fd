"""Grouping: claims about the same entity, metric and period, so each group is compared once."""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from .rules import value_key
from .model import Claim, Quantity, intervals_overlap, is_finite
from .entities import entity_key
from .registry import Registry, load_registry

FUZZY_THRESHOLD = 90  # rapidfuzz token_sort_ratio at or above which two noun phrases are one metric


@dataclass(frozen=True)
class GroupKey:
    entity: str
    metric: str
    period: str
    unit: str  # figures in different units (yuan and dollars, counts and money) are never compared directly


@dataclass
class Group:
    key: GroupKey
    claims: list[Claim]
    fuzzy: set[str]  # ids of claims whose metric only fuzzily matches the group's


def base_metric(metric: str, registry: Registry):
    return registry.metrics.get(metric.partition(".")[0])


YEAR = re.compile(r"\d{4}")


def period_key(claim: Claim, registry: Registry) -> str:
    """Periods that mean the same: a balance 'in 2024' is its level at the end of 2024; an attribute has none."""
    metric = base_metric(claim.metric, registry)
    if metric and metric.kind == "attribute" and "." not in claim.metric:
        return "any"
    if metric and metric.kind == "balance" and YEAR.fullmatch(claim.period):
        return f"{claim.period}-12"
    return claim.period


def is_comparable(claim: Claim) -> bool:
    return claim.quantity is not None and claim.metric != "" and claim.kind != "description" and claim.status not in ("rejected", "stale") and claim.role != "conversion"


def group_claims(claims: list[Claim]) -> list[Group]:
    """Claims keyed by (entity, metric, period); unknown metrics that nearly share a noun phrase are merged."""
    from rapidfuzz import fuzz

    registry = load_registry()
    representatives: dict[tuple, dict[str, None]] = defaultdict(dict)  # ordered, with fast lookups
    groups: dict[tuple[str, str, str, str], Group] = {}  # keyed by plain tuples: they hash in C
    names: dict[str, str] = {}  # an entity's key -> the name it was first seen under
    keys: dict[str, str] = {}  # an entity as written -> its key, worked out once per spelling
    for claim in filter(is_comparable, claims):
        key = keys.get(claim.entity)
        if key is None:
            key = keys[claim.entity] = entity_key(claim.entity)
        entity = names.setdefault(key, claim.entity)
        metric, fuzzy = claim.metric, False
        if claim.metric_match == "phrase":
            family = representatives[(entity, claim.kind, claim.quantity.unit)]
            match = metric if metric in family else next(
                (r for r in family if r.split()[-1:] == metric.split()[-1:] and fuzz.token_sort_ratio(r, metric) >= FUZZY_THRESHOLD),
                None,
            )
            if match is None:
                family[metric] = None
            else:
                metric, fuzzy = match, match != claim.metric
        period = period_key(claim, registry) + (f" ({claim.outlook})" if claim.outlook else "")  # a target is not an actual figure
        key = (entity, metric, period, claim.quantity.unit)
        group = groups.get(key)
        if group is None:
            group = groups[key] = Group(GroupKey(*key), [], set())
        group.claims.append(claim)
        if fuzzy:
            group.fuzzy.add(claim.id + "@" + claim.source)
    return list(groups.values())


POINTS = ("exact", "about")  # figures with a stated value and precision; the others state a bound, a range or a level
NEAR_MISS = Decimal("0.01")  # disjoint values closer than 1% are a near miss: rounding or approximation


def exact(number: float) -> Decimal | float:
    """A float read from a figure as the decimal it was written as ('223.655e9' stays 223655000000)."""
    return Decimal(repr(number)) if is_finite(number) else number


@dataclass
class Cluster:
    """Figures that agree: equal as stated, or each one the anchor (the most precise) rounded to its
    own precision. Every member's interval holds the anchor's value, so they can all be true."""

    anchor: Quantity
    claims: list[Claim]
    low: Decimal | float
    high: Decimal | float
    low_open: bool
    high_open: bool

    @property
    def interval(self) -> tuple:
        return (self.low, self.high, self.low_open, self.high_open)

    @property
    def value(self) -> Decimal:
        return exact(self.anchor.value)

    def add(self, claim: Claim) -> None:
        """A member narrows the cluster's interval to the values all its members allow."""
        q = claim.quantity
        low, high = q.exact_bounds
        if low > self.low:
            self.low, self.low_open = low, q.low_open
        elif low == self.low:
            self.low_open = self.low_open or q.low_open
        if high < self.high:
            self.high, self.high_open = high, q.high_open
        elif high == self.high:
            self.high_open = self.high_open or q.high_open
        self.claims.append(claim)


def significant_digits(quantity: Quantity) -> int:
    """How many digits a figure states: '58' two, '4' one, '2 trillion' one, '51.36' four."""
    unit = 2 * quantity.rounding
    return len(str(int(abs(exact(quantity.value)) / unit))) if unit and is_finite(quantity.value) else 0


def agreement_span(quantity: Quantity) -> tuple[Decimal, Decimal] | None:
    """The values a figure agrees with, [low, high): its own rounding for a figure with a value
    ("58" agrees with 57.96, "about 3.5 billion" with 3.47 billion), the order of magnitude for a
    level. A figure of one significant digit ("4 percent", "1 trillion") only overlaps what it
    does not equal: it is consistent with too much to corroborate it. Bounds and ranges agree only
    with what states them the same way."""
    value = exact(quantity.value)
    if quantity.qualifier == "level":
        return (value, value * 10) if value > 0 else (value * 10, value)
    if quantity.qualifier not in POINTS or quantity.rounding is None:
        return None
    if significant_digits(quantity) < 2:
        return value, value
    size = abs(value)
    low, high = size - quantity.rounding, size + quantity.rounding
    return (low, high) if value >= 0 else (-high, -low)


def width(quantity: Quantity) -> Decimal | float:
    span = agreement_span(quantity)
    return math.inf if span is None else span[1] - span[0]


def agreement_clusters(claims: list[Claim]) -> list[Cluster]:
    """Claims partitioned into agreeing clusters, most precise figures first: each figure joins the
    cluster whose anchor value it agrees with (the nearest, if several), else starts one. Claims
    stating one value are handled once, and anchors are looked up by bisection: n log n."""
    by_value: dict[str, list[Claim]] = defaultdict(list)
    keys = [value_key(claim) for claim in claims]
    for claim, key in zip(claims, keys):
        by_value[key].append(claim)
    clusters: list[Cluster] = []
    anchors: list[tuple[Decimal, int]] = []  # (anchor value, cluster index), sorted
    owner: dict[str, Cluster] = {}
    for key, same in sorted(by_value.items(), key=lambda item: (width(item[1][0].quantity), item[1][0].quantity.value)):
        quantity = same[0].quantity
        span = agreement_span(quantity)
        cluster = nearest_anchor(anchors, clusters, span, exact(quantity.value)) if span else None
        if cluster is None:
            cluster = Cluster(quantity, [], -math.inf, math.inf, False, False)
            clusters.append(cluster)
            if span is not None:
                bisect.insort(anchors, (cluster.value, len(clusters) - 1))
        owner[key] = cluster
    for claim, key in zip(claims, keys):  # members in the group's order: a side is shown as its sources state it
        owner[key].add(claim)
    return clusters


def nearest_anchor(anchors: list, clusters: list[Cluster], span: tuple, value: Decimal) -> Cluster | None:
    low, high = span
    start = bisect.bisect_left(anchors, (low, -1))
    candidates = []
    for anchor_value, index in anchors[start:]:
        if anchor_value >= high and not (low == high == anchor_value):
            break
        candidates.append((abs(anchor_value - value), index))
        if len(candidates) > 1 and anchor_value > value:
            break  # the nearest above is found; the rest are farther
    return clusters[min(candidates)[1]] if candidates else None


def below(a: tuple, b: tuple) -> bool:
    """Interval a lies wholly below interval b."""
    return not intervals_overlap(a, b) and (a[1], not a[3]) <= (b[0], b[2])


def conflicting(clusters: list[Cluster]) -> list[Cluster]:
    """The clusters disjoint from at least one other, in order of value. Merely overlapping
    clusters ("4 percent" and "4.4 percent") are neither agreement nor conflict."""
    if len(clusters) < 2:
        return []
    by_high = sorted(clusters, key=lambda c: (c.high, not c.high_open))[:2]
    by_low = sorted(clusters, key=lambda c: (c.low, c.low_open), reverse=True)[:2]
    sides = []
    for cluster in clusters:
        lowest = by_high[1] if by_high[0] is cluster else by_high[0]
        highest = by_low[1] if by_low[0] is cluster else by_low[0]
        if below(lowest.interval, cluster.interval) or below(cluster.interval, highest.interval):
            sides.append(cluster)
    return sorted(sides, key=lambda c: (c.value, c.low))


def is_near_miss(a: Cluster, b: Cluster) -> bool:
    """Two disjoint figures that rounding explains: less than 1% apart, or one the other cut short
    ('51.3' for 51.36). Bounds and levels that miss are not rounding."""
    if a.anchor.qualifier not in POINTS or b.anchor.qualifier not in POINTS:
        return False
    x, y = sorted((a.value, b.value), key=abs)
    if x * y <= 0:
        return False
    if abs(y - x) < NEAR_MISS * abs(y):
        return True
    if a.anchor.rounding is None or b.anchor.rounding is None:
        return False
    coarse, fine = (a, b) if a.anchor.rounding >= b.anchor.rounding else (b, a)
    step = 2 * coarse.anchor.rounding
    return coarse.anchor.rounding > fine.anchor.rounding and abs(coarse.value) <= abs(fine.value) < abs(coarse.value) + step


def near_groups(sides: list[Cluster]) -> list[list[Cluster]]:
    """Sides in order of value, chained while neighbours are a near miss or overlap: what is left
    between two chains is a real conflict."""
    chains: list[list[Cluster]] = []
    for side in sides:
        previous = chains[-1][-1] if chains else None
        if previous is not None and (intervals_overlap(previous.interval, side.interval) or is_near_miss(previous, side)):
            chains[-1].append(side)
        else:
            chains.append([side])
    return chains
