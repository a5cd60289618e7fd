"""Baselines: findings a team has accepted, with a reason, so CI fails only on new ones."""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

import yaml

from .claims import write_atomically
from .errors import SzcheckError
from .rules import document_rule, make_finding
from .model import Claim, Finding, Tally, derived


document_rule(
    "SZ403",
    "stale-baseline-entry",
    "warning",
    """A baseline entry matches no current finding: the finding was fixed or changed. Remove the
    entry (or rewrite the baseline with --write-baseline) so the baseline does not rot.""",
)


def read_baseline(path: Path) -> dict[str, dict]:
    """Accepted findings by id. The file is YAML: `accepted: [{id, rule, message, reason}, ...]`."""
    from .claims import safe_yaml  # refuses duplicate keys and aliases, as in claims files
    from .config import utf8_text

    text = utf8_text(path, "baseline")
    try:
        data = safe_yaml(text, lines=False) or {}
    except SzcheckError as error:
        raise SzcheckError(f"invalid YAML in baseline: {error.message}", path, error.line) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise SzcheckError(f"invalid YAML in baseline: {getattr(error, 'problem', error)}", path, mark.line + 1 if mark else None) from None
    entries = data.get("accepted") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("id"), str) for e in entries):
        raise SzcheckError("a baseline is a mapping with a list 'accepted' of entries, each with an 'id'", path, 1)
    return {entry["id"]: entry for entry in entries}


def apply_baseline(findings: list[Finding], accepted: dict[str, dict], path: Path) -> list[Finding]:
    """Mark accepted findings (they still show, but do not fail the run) and report entries that rotted,
    in finding order. The one pass that finds the rotted entries also counts what the marks move."""
    from .checks import finding_order

    matched: Counter = Counter()  # tally keys of the findings the baseline accepts
    unmatched = set(accepted)
    for finding in findings:
        if finding.id in accepted:
            unmatched.discard(finding.id)
            matched[(finding.rule, finding.name, finding.severity, bool(finding.accepted)), len(finding.claims)] += 1
    rotted = []
    for entry_id, entry in accepted.items():
        if entry_id in unmatched:
            anchor = Claim(id="baseline", source=path.as_posix(), entity="", metric="", value="", line=1, column=1)
            message = f"baseline entry {entry_id} ({entry.get('rule', '?')}: {str(entry.get('message', ''))[:80]}) matches no finding any more; remove it"
            rotted.append(make_finding("SZ403", message, [anchor], entity=entry_id))
    rotted.sort(key=finding_order)

    def marked(found):
        accept = (replace(f, accepted=str(accepted[f.id].get("reason") or "accepted")) if f.id in accepted else f for f in found)
        return heapq.merge(accept, rotted, key=finding_order)

    def tallied(tally: Tally) -> Tally:
        counts, claims = Counter(tally.findings), Counter(tally.claims)
        for ((rule, name, severity, was_accepted), listed), count in matched.items():
            counts[rule, name, severity, was_accepted] -= count
            claims[rule, name, severity, was_accepted] -= listed * count
            counts[rule, name, severity, True] += count
            claims[rule, name, severity, True] += listed * count
        marked_tally = Tally(+counts, Counter({key: claims[key] for key in +counts}), tally.hygiene_sources)
        for finding in rotted:
            marked_tally.add(finding)
        return marked_tally

    return derived(findings, marked, tallied)


def write_baseline(path: Path, findings: list[Finding], reason: str, previous: dict[str, dict]) -> int:
    """Accept every current finding (keeping the reasons already written for known ones)."""
    entries = []
    for finding in findings:
        if finding.rule == "SZ403" or finding.severity == "info":
            continue
        entries.append({
            "id": finding.id,
            "rule": finding.rule,
            "message": finding.message,
            "reason": previous.get(finding.id, {}).get("reason") or reason or f"accepted on {date.today()}",
        })
    header = "# szcheck baseline: findings accepted on purpose, each with its reason.\n"
    write_atomically(path, header + yaml.safe_dump({"accepted": entries}, allow_unicode=True, sort_keys=False, width=100))
    return len(entries)
