"""Wording shared by the checks' messages: metric labels, figures and source names."""

from __future__ import annotations

from pathlib import PurePosixPath

from ..model import Claim
from ..registry import load_registry


def metric_label(metric: str) -> str:
    """'rd_investment.growth' -> 'R&D spending growth'; a noun-phrase metric is its phrase."""
    name, _, detail = metric.partition(".")
    known = load_registry().metrics.get(name)
    label = known.label if known else name
    return f"{label} {detail}".strip()


def figure(claim: Claim) -> str:
    qualifier = {"over": "over ", "at_least": "at least ", "about": "about ", "nearly": "nearly ", "under": "under ", "at_most": "up to "}
    return f'"{qualifier.get(claim.qualifier, "")}{claim.value}"'


def source_name(source: str) -> str:
    return PurePosixPath(source).stem
