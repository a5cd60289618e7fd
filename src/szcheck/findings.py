"""Findings: the table of rule codes, and how a check's result becomes a finding with a stable id."""

from __future__ import annotations

import hashlib
import re
import inspect
from dataclasses import dataclass

from .model import Claim, Finding

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str  # the default; a check may lower it and says why
    summary: str
    doc: str


RULES: dict[str, Rule] = {}


def document_rule(code: str, name: str, severity: str, doc: str) -> None:
    """Register a rule with its documentation: the first line is its summary, the whole text what
    `szcheck explain CODE`, the markdown report and the SARIF rule metadata show. Codes are never reused."""
    doc = inspect.cleandoc(doc)
    paragraph = " ".join(doc.split("\n\n", 1)[0].split())
    summary = re.match(r".+?[.!?](?=\s|$)", paragraph).group(0) if re.match(r".+?[.!?](?=\s|$)", paragraph) else paragraph
    RULES[code] = Rule(code, name, severity, summary, doc)


def fingerprint(rule_code: str, entity: str, metric: str, period: str, claims: tuple[Claim, ...]) -> str:
    """Same finding, same id: independent of claim order, line numbers and wording of the message."""
    parts = sorted(f"{c.source}|{c.value}|{c.period}" for c in claims)
    text = "\x1f".join([rule_code, entity, metric, period, *parts])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def make_finding(code: str, message: str, claims: list[Claim] | tuple[Claim, ...], *, severity: str = "",
                 entity: str = "", metric: str = "", period: str = "", diagnosis: str = "", details: dict | None = None) -> Finding:
    rule_ = RULES[code]
    claims = tuple(claims)
    return Finding(
        rule=code,
        name=rule_.name,
        severity=severity or rule_.severity,
        message=message,
        claims=claims,
        entity=entity,
        metric=metric,
        period=period,
        diagnosis=diagnosis,
        id=fingerprint(code, entity, metric, period, claims),
        details=details or {},
    )


def select_findings(findings: list[Finding], select: list[str], ignore: list[str]) -> list[Finding]:
    """Keep findings whose rule matches a --select prefix (all when none) and no --ignore prefix:
    'SZ101' is one rule, 'SZ1' its family."""
    def matches(code: str, prefixes: list[str]) -> bool:
        return any(code.startswith(prefix.upper()) for prefix in prefixes)

    return [f for f in findings if (not select or matches(f.rule, select)) and not matches(f.rule, ignore)]
