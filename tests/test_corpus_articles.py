"""End to end on articles szcheck was not written for: tests/corpus/articles/ (short articles on
other cities, companies, banks, national statistics, an airline and a port) and, for each, the
expected file in tests/corpus/expected/ with every figure's entity, metric, period and value, and
the findings it must take part in.

Each figure field is a case; the cases szcheck gets wrong today are listed in
tests/corpus/known_gaps.txt and run as xfail(strict=True): one that starts passing must be taken
off the list. Run this file as a script to print the accuracy per field and the current gaps
(`python tests/test_corpus_articles.py`, `--gaps` to print only the list).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import pytest
import yaml

from szcheck.extract import extract_claims
from szcheck.sources import read_source

CORPUS = Path(__file__).resolve().parent / "corpus"
ARTICLES = CORPUS / "articles"
KNOWN_GAPS = CORPUS / "known_gaps.txt"
FIELDS = ("entity", "metric", "period", "outlook")


def load_expected() -> dict[str, dict]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((CORPUS / "expected").glob("*.yaml"))}


def load_gaps() -> set[str]:
    lines = (line.strip() for line in KNOWN_GAPS.read_text(encoding="utf-8").splitlines()) if KNOWN_GAPS.exists() else ()
    return {line for line in lines if line and not line.startswith("#")}


EXPECTED = load_expected()
GAPS = load_gaps()


def read_article(stem: str) -> list:
    claims = extract_claims(read_source(ARTICLES / f"{stem}.md", CORPUS))
    return [c for c in claims if not c.is_description]


def matched(stem: str) -> tuple[list, list]:
    """Each expected figure with the claim of the same text (the n-th of that text, in order), and the
    claims no expected figure took."""
    claims = read_article(stem)
    left = list(claims)
    pairs = []
    for figure in EXPECTED[stem]["figures"]:
        claim = next((c for c in left if c.value == str(figure["text"])), None)
        if claim is not None:
            left.remove(claim)
        pairs.append((figure, claim))
    return pairs, left


MATCHED = {stem: matched(stem) for stem in EXPECTED}


def actual(claim, field: str) -> str:
    return "" if claim is None else str(getattr(claim, field) or "")


def field_cases() -> list[tuple[str, dict, object, str]]:
    return [(f"{stem}:{index}:{field}", figure, claim, field)
            for stem, (pairs, _) in MATCHED.items() for index, (figure, claim) in enumerate(pairs, 1) for field in FIELDS]


CASES = field_cases()


def gap(case_id: str):
    return pytest.mark.xfail(reason="known gap (tests/corpus/known_gaps.txt)", strict=True) if case_id in GAPS else ()


def test_every_article_has_its_expected_file():
    assert sorted(path.stem for path in ARTICLES.glob("*.md")) == sorted(EXPECTED)
    assert len(EXPECTED) >= 20


def value_cases() -> list[tuple[str, dict, object]]:
    return [(f"{stem}:{index}:value", figure, claim)
            for stem, (pairs, _) in MATCHED.items() for index, (figure, claim) in enumerate(pairs, 1)]


def value_is_read(figure: dict, claim) -> bool:
    return claim is not None and abs(claim.quantity.value) == pytest.approx(abs(float(figure["value"])))


@pytest.mark.parametrize(("case_id", "figure", "claim"), [pytest.param(*case, id=case[0], marks=gap(case[0])) for case in value_cases()])
def test_every_expected_figure_is_read_with_its_value(case_id, figure, claim):
    assert value_is_read(figure, claim)


@pytest.mark.parametrize("stem", sorted(EXPECTED), ids=str)
def test_no_noise_claims(stem):
    if f"{stem}:noise" in GAPS:
        pytest.xfail("known gap: noise claims")
    _, extra = MATCHED[stem]
    assert [c.value for c in extra] == []


@pytest.mark.parametrize(("case_id", "figure", "claim", "field"),
                         [pytest.param(*case, id=case[0], marks=gap(case[0])) for case in CASES])
def test_figure_field(case_id, figure, claim, field):
    assert actual(claim, field) == str(figure.get(field, ""))


def expected_findings() -> set[tuple[str, str, str, str]]:
    return {(f["rule"], f["entity"], f["metric"], str(f["period"])) for stem in EXPECTED for f in EXPECTED[stem]["findings"]}


@pytest.fixture(scope="module")
def corpus_findings(tmp_path_factory) -> dict[str, set[tuple[str, str, str, str]]]:
    """The corpus's findings by severity: {"error": {(rule, entity, metric, period), ...}, ...}."""
    from szcheck.api import verify

    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(ARTICLES, root / "sources")
    (root / "claims").mkdir()
    report = verify(root / "sources", root / "claims", root)
    found: dict[str, set] = {"error": set(), "warning": set(), "info": set()}
    for f in report.findings:
        found.setdefault(f.severity, set()).add((f.rule, f.entity, f.metric, f.period))
    return found


@pytest.fixture(scope="module")
def corpus_errors(corpus_findings) -> set[tuple[str, str, str, str]]:
    return corpus_findings["error"]


def finding_id(prefix: str, finding: tuple) -> str:
    return ":".join((prefix, *finding))


@pytest.mark.parametrize("finding", [pytest.param(f, id=finding_id("found", f), marks=gap(finding_id("found", f)))
                                     for f in sorted(expected_findings())])
def test_planted_contradiction_is_found(finding, corpus_findings):
    """Found as an error, or as a warning where the expected file names a warning's rule (SZ102: a
    period the article states only in an earlier paragraph)."""
    assert finding in corpus_findings["error"] | corpus_findings["warning"]


def test_no_false_error(corpus_errors):
    """The errors no expected file plants: none, apart from the known gaps listed as false:..."""
    known = {gap_id for gap_id in GAPS if gap_id.startswith("false:")}
    assert {finding_id("false", f) for f in corpus_errors - expected_findings()} == known


def accuracy() -> dict[str, tuple[int, int]]:
    scores = {}
    for field in FIELDS:
        rows = [(figure, claim) for pairs, _ in MATCHED.values() for figure, claim in pairs]
        scores[field] = (sum(actual(claim, field) == str(figure.get(field, "")) for figure, claim in rows), len(rows))
    scores["noise"] = (sum(len(extra) for _, extra in MATCHED.values()), sum(len(pairs) for pairs, _ in MATCHED.values()))
    return scores


def failing() -> list[str]:
    from szcheck.api import verify

    ids = [case_id for case_id, figure, claim in value_cases() if not value_is_read(figure, claim)]
    ids += [case_id for case_id, figure, claim, field in CASES if actual(claim, field) != str(figure.get(field, ""))]
    ids += [f"{stem}:noise" for stem, (_, extra) in MATCHED.items() if extra]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shutil.copytree(ARTICLES, root / "sources")
        (root / "claims").mkdir()
        findings = verify(root / "sources", root / "claims", root).findings
        errors = {(f.rule, f.entity, f.metric, f.period) for f in findings if f.severity == "error"}
        warnings = {(f.rule, f.entity, f.metric, f.period) for f in findings if f.severity == "warning"}
    ids += [finding_id("found", f) for f in sorted(expected_findings() - errors - warnings)]
    return ids + [finding_id("false", f) for f in sorted(errors - expected_findings())]


if __name__ == "__main__":
    if "--gaps" not in sys.argv:
        for field, (right, total) in accuracy().items():
            label = "noise claims" if field == "noise" else f"{field} right"
            print(f"{label:>14}: {right}/{total} ({right / total:.1%})")
        for case_id, figure, claim, field in CASES:
            if actual(claim, field) != str(figure.get(field, "")):
                print(f"  {case_id}: {figure['text']!r} expected {figure.get(field, '')!r}, got {actual(claim, field)!r}")
        for stem, (_, extra) in MATCHED.items():
            for claim in extra:
                print(f"  {stem}: noise claim {claim.value!r} ({claim.metric})")
        print("\n".join(f"  {gap_id}" for gap_id in failing() if gap_id.startswith(("found:", "false:"))))
    else:
        print("\n".join(failing()))
