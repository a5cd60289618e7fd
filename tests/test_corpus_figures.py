"""Every figure of the bundled corpus is read with the right value, unit, qualifier, kind and period."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from szcheck.extract import extract_claims
from szcheck.sources import read_source

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = yaml.safe_load((Path(__file__).parent / "data" / "corpus_figures.yaml").read_text(encoding="utf-8"))
CASES = [(source, row) for source, rows in EXPECTED.items() for row in rows]


def read_claims(source: str) -> dict[str, object]:
    claims = extract_claims(read_source(ROOT / source, ROOT))
    return {f"{c.line}:{c.column}": c for c in claims if not c.is_description}


CLAIMS = {source: read_claims(source) for source in EXPECTED}


@pytest.mark.parametrize("source", sorted(EXPECTED))
def test_no_figure_is_missed_or_invented(source):
    assert sorted(CLAIMS[source]) == sorted(row["at"] for row in EXPECTED[source])


@pytest.mark.parametrize(("source", "row"), CASES, ids=[f"{Path(s).stem[:20]}:{r['at']}:{r['text']}" for s, r in CASES])
def test_figure_is_read_correctly(source, row):
    claim = CLAIMS[source][row["at"]]
    quantity = claim.quantity
    assert claim.value == row["text"]
    assert quantity.value == pytest.approx(row["value"])
    assert (quantity.unit, claim.qualifier, claim.kind) == (row["unit"], row["qualifier"], row["kind"])
    assert (claim.period, claim.period_basis) == (row["period"], row.get("basis", "stated"))
    assert claim.entity == row["entity"]
    if "metric" in row:
        assert claim.metric == row["metric"]
    assert claim.role == row.get("role", "")
    assert claim.quote in read_source(ROOT / source, ROOT).body
