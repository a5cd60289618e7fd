"""Rule cases as data: each file in tests/rules/ holds small claims files (YAML claims in) and the
codes and severities the value and arithmetic checks report for them (out).

A case is a mapping: `name`, optional `defaults` (claim fields shared by every claim), `sources`
(source name -> optional `published` / `kind` and its `claims`, each in claims-file form) and
`expect`, a list of "CODE severity" strings (order does not matter; [] means no finding), and
optional `message_has`, words the findings' messages must show.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from szcheck.claims import claim_from_entry
from szcheck.model import Source

RULES = Path(__file__).resolve().parent / "rules"


def cases():
    for path in sorted(RULES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            yield pytest.param(case, id=f"{path.stem}:{case['name']}")


def run(case: dict) -> list[str]:
    return sorted(f"{f.rule} {f.severity}" for f in findings_of(case))


def findings_of(case: dict) -> list:
    from szcheck.checks import arithmetic, values
    from szcheck.group import group_claims

    sources, claims = [], []
    for name, spec in case["sources"].items():
        path = Path(f"sources/{name}.txt")
        published = spec.get("published", "2025-06-01")
        sources.append(Source(path=path, id=name, body="", body_offset_line=1, meta={"kind": spec.get("kind", "news")},
                              published=date.fromisoformat(str(published))))
        for line, entry in enumerate(spec["claims"], start=1):
            fields = {"line": line, "quote": f"{name} line {line}", **case.get("defaults", {}), **entry}
            fields = {k: str(v) if k in ("period", "value") else v for k, v in fields.items()}
            claims.append(claim_from_entry({"id": f"{name}-{line}", **fields}, path.as_posix(), Path(f"claims/{name}.yaml"), print))
    series = arithmetic.series_index(claims)
    findings = values.check_values(group_claims(claims), sources, series) + arithmetic.check_arithmetic(sources, claims, series)
    return findings


@pytest.mark.parametrize("case", list(cases()))
def test_rule_case(case):
    assert run(case) == sorted(case["expect"])
    messages = " | ".join(f.message for f in findings_of(case))
    for words in case.get("message_has", []):
        assert words in messages


def test_every_value_and_arithmetic_rule_has_cases():
    covered = {expected.split()[0] for path in RULES.glob("*.yaml") for case in yaml.safe_load(path.read_text(encoding="utf-8"))
               for expected in case["expect"]}
    assert {"SZ101", "SZ102", "SZ103", "SZ106", "SZ107", "SZ110", "SZ201", "SZ203", "SZ205", "SZ206", "SZ207"} <= covered
