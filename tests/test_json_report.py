"""The JSON report is streamed finding by finding: the same object, and for a small report the same text."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from szcheck.api import verify
from szcheck.model import Report
from szcheck.render import json as json_report
from szcheck.render.json import render_json, report_object, write_json


@pytest.fixture
def corpus(corpus_project) -> Report:
    return verify(Path("sources"), Path("claims"), Path.cwd())


def test_small_report_is_the_text_json_dumps_writes_with_indentation(corpus):
    assert corpus.findings
    assert render_json(corpus) == json.dumps(report_object(corpus), ensure_ascii=False, indent=2) + "\n"


def test_large_report_holds_the_same_object_one_finding_per_line(corpus, monkeypatch):
    monkeypatch.setattr(json_report, "INDENTED_CLAIMS", 0)
    text = render_json(corpus)
    assert json.loads(text) == report_object(corpus)
    finding_lines = [line for line in text.splitlines() if line.startswith('    {"id": ')]
    assert len(finding_lines) == len(corpus.findings)


def test_report_without_findings_is_unchanged():
    empty = Report(sources=[], claims=[], findings=[])
    stream = io.StringIO()
    write_json(empty, stream)
    assert stream.getvalue() == json.dumps(report_object(empty), ensure_ascii=False, indent=2) + "\n"


def test_cli_writes_the_streamed_report_to_a_file(corpus_project, runner):
    from szcheck.cli import app

    result = runner.invoke(app, ["verify", "-f", "json", "-o", "report.json", "--fail-on", "never"])
    assert result.exit_code == 0
    assert json.loads((corpus_project / "report.json").read_text(encoding="utf-8"))["findings"]


def test_corroborating_findings_list_their_claims_by_reference(corpus):
    data = report_object(corpus)
    by_source_and_id = {(c.source, c.id): c for c in corpus.claims}
    agreeing = [f for f in data["findings"] if f["rule"] == "SZ110"]
    assert agreeing and data["version"] == 2
    for finding in agreeing:
        for reference in finding["claims"]:
            assert set(reference) == {"id", "source", "line", "column", "text"}
            claim = by_source_and_id[(reference["source"], reference["id"])]
            assert (claim.line, claim.column, claim.value) == (reference["line"], reference["column"], reference["text"])
    conflicts = [f for f in data["findings"] if f["rule"] == "SZ101"]
    assert conflicts and all("quote" in claim and "unit" in claim for f in conflicts for claim in f["claims"])
