"""Checks: each module holds one family of rules; `run_checks` runs them all over a project's claims."""

from __future__ import annotations

from ..model import Claim, Finding, Source


def run_checks(sources: list[Source], claims: list[Claim]) -> list[Finding]:
    """Both stages of verify over a project held in memory (see `stages`), in finding order."""
    from . import descriptions
    from ..stages import check_entity, source_index, sources_findings

    findings = (
        check_entity(claims, source_index(sources))
        + sources_findings(sources, claims, read={})
        + descriptions.check_descriptions(sources, claims)
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
