"""Grouping: claims about the same entity, metric and period, so each group is compared once."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .model import Claim, intervals_overlap
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
    return claim.quantity is not None and claim.kind != "description" and claim.status not in ("rejected", "stale") and claim.role != "conversion"


def group_claims(claims: list[Claim]) -> list[Group]:
    """Claims keyed by (entity, metric, period); unknown metrics that nearly share a noun phrase are merged."""
    from rapidfuzz import fuzz

    registry = load_registry()
    representatives: dict[tuple, dict[str, None]] = defaultdict(dict)  # ordered, with fast lookups
    groups: dict[tuple[str, str, str, str], Group] = {}  # keyed by plain tuples: they hash in C
    for claim in filter(is_comparable, claims):
        metric, fuzzy = claim.metric, False
        if claim.metric_match == "phrase":
            family = representatives[(claim.entity, claim.kind, claim.quantity.unit)]
            match = metric if metric in family else next(
                (r for r in family if r.split()[-1:] == metric.split()[-1:] and fuzz.token_sort_ratio(r, metric) >= FUZZY_THRESHOLD),
                None,
            )
            if match is None:
                family[metric] = None
            else:
                metric, fuzzy = match, match != claim.metric
        period = period_key(claim, registry) + (f" ({claim.outlook})" if claim.outlook else "")  # a target is not an actual figure
        key = (claim.entity, metric, period, claim.quantity.unit)
        group = groups.get(key)
        if group is None:
            group = groups[key] = Group(GroupKey(*key), [], set())
        group.claims.append(claim)
        if fuzzy:
            group.fuzzy.add(claim.id + "@" + claim.source)
    return list(groups.values())


def cluster_claims(claims: list[Claim]) -> list[list[Claim]]:
    """Claims whose intervals chain together by overlap; more than one cluster means a contradiction."""
    ordered = sorted(claims, key=lambda c: (c.quantity.low, c.quantity.high))
    clusters: list[list[Claim]] = []
    span = None
    for claim in ordered:
        interval = claim.quantity.interval
        if span is not None and intervals_overlap(span, interval):
            clusters[-1].append(claim)
            if (interval[1], not interval[3]) > (span[1], not span[3]):
                span = (span[0], interval[1], span[2], interval[3])
        else:
            clusters.append([claim])
            span = interval
    return clusters
