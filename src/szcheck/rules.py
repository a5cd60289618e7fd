"""Rules: the table of rule codes, and how a check's result becomes a finding with a stable id."""

from __future__ import annotations

import hashlib
import re
import inspect
from dataclasses import dataclass

from .model import Claim, Finding, derived, tally_of

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


def value_key(claim: Claim) -> str:
    """A claim's value as normalized: "6.46 percent" and "6.46%" are one value; a description is its text."""
    quantity = claim.quantity
    if quantity is None or claim.is_description:
        return claim.value
    return quantity.key


def fingerprint(rule_code: str, entity: str, metric: str, period: str, identity: tuple[str, ...]) -> str:
    """Same finding, same id: independent of which sources state a value, of line numbers, claim order
    and the message's wording."""
    text = "\x1f".join([rule_code, entity, metric, period, *sorted(set(identity))])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def make_finding(code: str, message: str, claims: list[Claim] | tuple[Claim, ...], *, severity: str = "",
                 entity: str = "", metric: str = "", period: str = "", diagnosis: str = "", details: dict | None = None,
                 identity: tuple[str, ...] | None = None) -> Finding:
    """A finding whose id is its rule, entity, metric, period and `identity`: by default the set of
    values its claims state, so a source repeating one side of a conflict changes no id."""
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
        id=fingerprint(code, entity, metric, period, tuple(map(value_key, claims)) if identity is None else identity),
        details=details or {},
    )


def codes_matching(selector: str) -> list[str]:
    """The rule codes a selector names: 'SZ101' one rule, 'SZ1' (or 'SZ10') its family."""
    wanted = selector.upper()
    return [code for code in RULES if code.startswith(wanted)] if re.fullmatch(r"SZ\d{1,3}", wanted) else []


def families() -> list[str]:
    return sorted({code[:3] for code in RULES} | {code[:4] for code in RULES})


def unknown_selector(selector: str) -> str:
    """Why a selector names no rule, with the nearest valid code or family (fewest typing edits; of
    equals, one as long as the selector)."""
    from rapidfuzz.distance import Levenshtein

    wanted = selector.upper()
    ranked = sorted([*RULES, *families()], key=lambda code: (Levenshtein.distance(wanted, code), len(code) != len(wanted), code))
    nearest = ranked[0] if ranked and Levenshtein.distance(wanted, ranked[0]) <= 2 else None
    return f"unknown rule or family {selector!r}" + (f" (did you mean {nearest!r}?)" if nearest else "; `szcheck explain` lists the rules")


def select_findings(findings: list[Finding], select: list[str], ignore: list[str]) -> list[Finding]:
    """Keep findings whose rule matches a --select prefix (all when none) and no --ignore prefix:
    'SZ101' is one rule, 'SZ1' its family."""
    def matches(code: str, prefixes: list[str]) -> bool:
        return any(code.startswith(prefix.upper()) for prefix in prefixes)

    def kept(code: str) -> bool:
        return (not select or matches(code, select)) and not matches(code, ignore)

    return derived(findings, lambda found: (f for f in found if kept(f.rule)), lambda tally: tally.where(kept))


@dataclass(frozen=True)
class RuleCount:
    code: str
    name: str
    severity: str  # the most severe among its findings
    standing: int  # findings not accepted in the baseline
    accepted: int


def rule_statistics(findings: list[Finding]) -> list[RuleCount]:
    """A count per rule, most standing findings first (what --statistics prints), from the findings' tally."""
    by_rule: dict[str, RuleCount] = {}
    for (code, name, severity, accepted), count in tally_of(findings).findings.items():
        seen = by_rule.get(code) or RuleCount(code, name, severity, 0, 0)
        severity = max(seen.severity, severity, key=SEVERITY_RANK.__getitem__)
        by_rule[code] = RuleCount(code, seen.name, severity, seen.standing + (0 if accepted else count), seen.accepted + (count if accepted else 0))
    return sorted(by_rule.values(), key=lambda c: (-c.standing, -c.accepted, c.code))


CLAIMS_PER_VALUE = 3  # a report shows this many claims stating one value, then "and N more"
CLAIMS_SHOWN = 12


def shown_claims(finding: Finding, per_value: int = CLAIMS_PER_VALUE, total: int = CLAIMS_SHOWN) -> tuple[list[Claim], int]:
    """The claims a report shows for a finding, and how many it leaves out: a few per value stated,
    so a long article repeating a figure does not bury the finding (JSON and SARIF list them all)."""
    shown, per = [], {}
    for claim in finding.claims:
        key = value_key(claim)
        if per.get(key, 0) < per_value and len(shown) < total:
            per[key] = per.get(key, 0) + 1
            shown.append(claim)
    return shown, len(finding.claims) - len(shown)
