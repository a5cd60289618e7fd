"""Wording shared by the checks' messages: metric labels, figures and source names."""

from __future__ import annotations

import functools
from pathlib import PurePosixPath

from ..model import Claim
from ..registry import load_registry


def metric_label(metric: str) -> str:
    """'rd_investment.growth' -> 'R&D spending growth', 'vehicle_sales:overseas' -> 'overseas vehicle
    sales'; a noun-phrase metric is its phrase."""
    head, _, detail = metric.partition(".")
    name, _, narrowed = head.partition(":")
    known = load_registry().metrics.get(name)
    label = known.label if known else head
    if known and narrowed:
        label = f"{narrowed} {label if label[:2].isupper() else label[:1].lower() + label[1:]}"  # keeps "R&D", "GDP"
    return f"{label} {detail}".strip()


def figure(claim: Claim) -> str:
    qualifier = {"over": "over ", "at_least": "at least ", "about": "about ", "nearly": "nearly ", "under": "under ", "at_most": "up to "}
    return f'"{qualifier.get(claim.qualifier, "")}{claim.value}"'


@functools.cache  # one entry per source: a bound below the project's size thrashed on large ones
def source_name(source: str) -> str:
    return PurePosixPath(source).stem


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))  # the words figures are shown in


def pick_scale(value: float) -> tuple[float, str]:
    """The largest scale word not bigger than the value: (1e9, 'billion') for 223.66e9."""
    return next(((size, word) for size, word in SCALES if abs(value) >= size), (1.0, ""))


def human_amount(value: float, unit: str) -> str:
    """223660000000.0, 'CNY' -> '223.7 billion CNY'."""
    size, word = pick_scale(value)
    return f"{value / size:.4g} {word} {unit}" if word else f"{value:,.4g} {unit}"
