"""A figure whose reading depended on its sentence comes back the same from its claims file.

The claims file stores a figure as written ("4 pounds", "118.4", "12,000"); reloading reads those
words alone. Where the sentence said more (a parcel weighed 4 pounds; a table stated "in millions
of euros"; the number "fell by 12,000"), extraction writes `read_as: <factor> <unit>`, and the
reload gives exactly the quantity extraction read: same unit, value, interval and kind.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from szcheck.claims import load_claims_file, render_claims_file
from szcheck.cli import app
from szcheck.extract import extract_claims
from szcheck.model import Source

from conftest import write_source
from test_reader_en import load_cases

CASES = [case for case in load_cases() if case["figures"]]
# Cases whose figures cannot be reloaded from their claims file today (a share or a vague
# quantity in words, "two-thirds of", "dozens of", is read from its stored words alone too).
NOT_RELOADED: set[str] = set()  # cases whose claims do not yet read back as extracted (none today)


def extracted(text: str, currency: str = "", published: date = date(2025, 3, 1)) -> list:
    meta = {"title": "", **({"currency": currency} if currency else {})}
    source = Source(path=Path("cases/a.txt"), id="a", body=text, body_offset_line=1, meta=meta, published=published)
    return [claim for claim in extract_claims(source) if not claim.is_description]


def reloaded(claims: list, folder: Path) -> list:
    path = folder / "a.yaml"
    path.write_text(render_claims_file("cases/a.txt", "0" * 64, claims), encoding="utf-8")
    return load_claims_file(path).claims


def reading(claim) -> tuple:
    q = claim.quantity
    return (q.unit, q.value, q.low, q.high, q.low_open, q.high_open, claim.kind)


def published_of(case: dict) -> date:
    value = case.get("published", "2025-03-01")
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def case_params():
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True, reason="not reloaded today")] if case["id"] in NOT_RELOADED else []
        yield pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", list(case_params()))
def test_every_english_case_reads_back_from_its_claims_file_as_extracted(case, tmp_path):
    claims = extracted(case["text"], case.get("currency", ""), published_of(case))
    again = reloaded(claims, tmp_path)
    assert [reading(c) for c in again] == [reading(c) for c in claims]
    assert [c.checksum for c in again] == [c.checksum for c in claims]  # a reloaded claim is not taken as edited


def test_read_as_is_written_only_where_the_sentence_changed_the_reading(tmp_path):
    """Most figures read the same from their words alone: their claims stay as they were."""
    with_context, without = [], []
    for case in (case for case in CASES if case["id"] not in NOT_RELOADED):
        for claim in reloaded(extracted(case["text"], case.get("currency", ""), published_of(case)), tmp_path):
            (with_context if claim.read_as else without).append((case["id"], claim.value, claim.read_as))
    assert len(with_context) >= 10 and len(without) > 10 * len(with_context)
    shown = dict(((case_id, value), read_as) for case_id, value, read_as in with_context)
    assert shown[("neg-fell-by-count-then-level", "12,000")] == "-1 count"
    assert shown[("neg-accounting-parentheses-bare-table", "118.4")] == "1000000 EUR"


@pytest.mark.parametrize("text, value, read_as, unit", [
    ("The parcel weighed 4 pounds in 2024.", "4 pounds", "1 pound_mass", "kilogram"),
    ("Net result, in millions of euros: 2024: 118.4; 2023: 96.0.", "118.4", "1000000 EUR", "EUR"),
    ("Sales at Tianma rose from 30 to 40 million dollars in 2024.", "30", "1000000 USD", "USD"),
    ("The number of registered jobseekers fell by 12,000 to 1.3 million in 2024.", "12,000", "-1 count", "count"),
])
def test_the_field_names_the_factor_and_unit_of_the_sentences_reading(text, value, read_as, unit, tmp_path):
    [claim] = [c for c in reloaded(extracted(text), tmp_path) if c.value == value]
    assert (claim.read_as, claim.quantity.unit) == (read_as, unit)


def test_a_corrected_value_keeps_the_reading_of_its_sentence(project, runner):
    write_source(project, "a", "Net result, in millions of euros: 2024: 118.4; 2023: 96.0.")
    assert runner.invoke(app, ["extract"]).exit_code == 0
    path = project / "claims" / "a.yaml"
    text = path.read_text(encoding="utf-8")
    assert "read_as: 1000000 EUR" in text
    path.write_text(text.replace("value: '118.4'", "value: '120.5'").replace("value: 118.4", "value: 120.5"), encoding="utf-8")
    [claim] = [c for c in load_claims_file(path).claims if c.value == "120.5"]
    assert (claim.quantity.unit, claim.quantity.value) == ("EUR", 120_500_000)


@pytest.mark.parametrize("read_as", ["million EUR", "0 EUR", "1000000 XYZ", "1 furlongs_per_fortnight", "1e6 EUR", "1 "])
def test_a_read_as_that_is_not_a_factor_and_unit_is_a_one_line_error(project, runner, read_as):
    write_source(project, "a", "Net result, in millions of euros: 2024: 118.4; 2023: 96.0.")
    assert runner.invoke(app, ["extract"]).exit_code == 0
    path = project / "claims" / "a.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    [index] = [i for i, line in enumerate(lines) if line.strip() == "read_as: 1000000 EUR"][:1]
    lines[index] = lines[index].replace("1000000 EUR", f"'{read_as}'")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["verify"])
    assert result.exit_code == 2 and "read_as" in result.output and "a.yaml:" in result.output
    assert len(result.output.strip().splitlines()) <= 2  # the error, and the summary line
    assert "Traceback" not in result.output


CONTEXTS = [
    "The parcel weighed {n} pounds in 2024.",
    "Net result, in millions of euros: 2024: {d}; 2023: 96.0.",
    "Sales at Tianma rose from {n} to {m} million dollars in 2024.",
    "The number of registered jobseekers fell by {c} to {m} million in 2024.",
    "Profit at Tianma fell by €{d} million to €{m} million in 2024.",
    "Tianma sold {d}m cars in 2024, up from {n}m.",
]


@settings(max_examples=60, deadline=None)
@given(template=st.sampled_from(CONTEXTS), n=st.integers(1, 999), m=st.integers(1000, 9999),
       d=st.decimals(min_value="0.1", max_value="999.9", places=1), c=st.integers(1000, 999999))
def test_any_figure_read_in_context_comes_back_from_its_claims_file(template, n, m, d, c, tmp_path_factory):
    text = template.format(n=n, m=m, d=d, c=f"{c:,}")
    claims = extracted(text)
    again = reloaded(claims, tmp_path_factory.mktemp("claims"))
    assert [reading(claim) for claim in again] == [reading(claim) for claim in claims]
