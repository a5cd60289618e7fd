"""Single-sentence cases for the claim key of a figure: entity, metric, period and outlook, one YAML
file per part in tests/data/claims_cases/. Each case names the rule it protects (`rule`), the text
(a sentence, or a few when the rule is about what the earlier ones name), the figure as written, and
what a careful reader takes it to be: `entity`, `metric`, `period` (with `basis` when not stated),
`kind`, `outlook` ("" for an actual figure); `metric_not` / `entity_not` / `period_not` list keys it must not get,
`absent: true` says the text is not a figure at all; `unit` is the reference unit (or currency), `measure` the
physical unit as read ("troy_ounce"). `title` gives the article's title (its subject),
`published` its date (2025-03-01 unless given).

Cases that fail today are listed in known_gaps.txt and run as xfail(strict=True): a case that
starts passing must be taken off that list (`python tests/test_claims_cases.py` prints the list).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from szcheck.extract import extract_claims
from szcheck.model import Source

DATA = Path(__file__).resolve().parent / "data" / "claims_cases"
KEYS = {"id", "rule", "text", "figure", "title", "published", "entity", "metric", "metric_not", "entity_not", "period", "period_not",
        "basis", "kind", "outlook", "absent", "unit", "measure"}


def load_cases() -> list[dict]:
    return [case for path in sorted(DATA.glob("*.yaml")) for case in yaml.safe_load(path.read_text(encoding="utf-8"))]


def load_gaps() -> set[str]:
    path = DATA / "known_gaps.txt"
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines()) if path.exists() else ()
    return {line for line in lines if line and not line.startswith("#")}


CASES = load_cases()
GAPS = load_gaps()


def claims_of(case: dict) -> list:
    published = case.get("published", "2025-03-01")
    published = published if isinstance(published, date) else date.fromisoformat(str(published))
    source = Source(path=Path(f"cases/{case['id']}.txt"), id=case["id"], body=case["text"], body_offset_line=1,
                    meta={"title": case.get("title", "")}, published=published)
    return [c for c in extract_claims(source) if not c.is_description]


def problems(case: dict) -> list[str]:
    """What the reading of the case gets wrong ([] when nothing)."""
    found = [c for c in claims_of(case) if c.value == str(case["figure"])]
    if case.get("absent"):
        return [f"{case['figure']!r} read as a figure"] if found else []
    if not found:
        return [f"no figure {case['figure']!r}"]
    claim = found[-1]
    wrong = [f"{key}: {getattr(claim, key)!r}, expected {case[key]!r}" for key in ("entity", "metric", "period", "kind", "outlook")
             if key in case and str(getattr(claim, key) or "") != str(case[key])]
    if "unit" in case and (claim.quantity.unit if claim.quantity else "") != case["unit"]:
        wrong.append(f"unit: {claim.quantity.unit if claim.quantity else ''!r}, expected {case['unit']!r}")
    if "measure" in case and (claim.quantity.measure if claim.quantity else "") != case["measure"]:
        wrong.append(f"measure: {claim.quantity.measure if claim.quantity else ''!r}, expected {case['measure']!r}")
    if "basis" in case and claim.period_basis != case["basis"]:
        wrong.append(f"basis: {claim.period_basis!r}, expected {case['basis']!r}")
    wrong += [f"metric {claim.metric!r} is one it must not be" for bad in case.get("metric_not", []) if claim.metric == bad]
    wrong += [f"entity {claim.entity!r} is one it must not be" for bad in case.get("entity_not", []) if claim.entity == bad]
    wrong += [f"period {claim.period!r} is one it must not be" for bad in case.get("period_not", []) if claim.period == bad]
    return wrong


def test_cases_are_well_formed():
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids)) >= 200
    for case in CASES:
        assert set(case) <= KEYS and {"id", "rule", "text", "figure"} <= set(case), case["id"]
        assert GAPS <= set(ids)


@pytest.mark.parametrize("case", [pytest.param(case, id=case["id"], marks=pytest.mark.xfail(strict=True, reason="known gap")
                                               if case["id"] in GAPS else ()) for case in CASES])
def test_case(case):
    assert problems(case) == []


if __name__ == "__main__":
    for case in CASES:
        if problems(case):
            print(case["id"])
