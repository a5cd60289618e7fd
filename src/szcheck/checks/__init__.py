"""Checks: each module holds one family of rules; `run_checks` runs them all over the grouped claims."""

from __future__ import annotations

from ..model import Claim, Finding, Source


def run_checks(sources: list[Source], claims: list[Claim]) -> list[Finding]:
    from . import arithmetic, descriptions, hygiene, provenance, values
    from ..group import group_claims

    groups = group_claims(claims)
    series = arithmetic.series_index(claims)
    findings = (
        values.check_values(groups, sources, series)
        + arithmetic.check_arithmetic(sources, claims, series)
        + descriptions.check_descriptions(sources, claims)
        + provenance.check_provenance(sources, claims)
        + hygiene.check_sources(sources)
    )
    return sorted(findings, key=finding_order)


def finding_order(finding: Finding) -> tuple:
    from ..rules import SEVERITY_RANK

    first = min(((c.source, c.line) for c in finding.claims), default=("", 0))
    return (-SEVERITY_RANK[finding.severity], finding.rule, finding.entity, finding.metric, finding.period, first)


def all_rules() -> dict:
    """Every rule, by code (importing the check modules registers them)."""
    from . import arithmetic, descriptions, hygiene, provenance, values  # noqa: F401
    from .. import baseline  # noqa: F401
    from ..rules import RULES

    return dict(sorted(RULES.items()))
