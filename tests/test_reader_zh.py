"""Chinese figures read in a sentence (tests/data/reader_zh/figures.yaml), checked like the English cases."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from test_reader_en import problems_of, read

CASES = yaml.safe_load((Path(__file__).parent / "data" / "reader_zh" / "figures.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_reader_zh(case):
    figures = read(case)
    problems = problems_of(case, figures)
    assert not problems, f"{case['text']!r}\n" + "\n".join(problems) + "\nread: " + repr([(f.surface, f.value, f.unit) for f in figures])
