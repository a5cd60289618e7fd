"""The spill path: verify with the claims grouped on disk by DuckDB gives the report verify gives in
memory, and DuckDB is imported only on that path."""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from szcheck import spill
from szcheck.api import claims_file_paths, verify
from szcheck.claims import load_claims_file
from szcheck.render.json import render_json
from szcheck.render.markdown import render_markdown

CORPORA = [(ROOT, "sources", "claims"), (ROOT / "tests" / "corpus", "articles", "no-claims")]


def reports(root: Path, sources: str, claims: str) -> tuple[str, str]:
    texts = []
    for forced in (False, True):
        report = verify(root / sources, root / claims, root, spill=forced)
        report.generated = datetime.date(2026, 1, 1)
        texts.append(render_json(report) + render_markdown(report))
    return texts[0], texts[1]


@pytest.mark.parametrize("root, sources, claims", CORPORA, ids=["bundled", "tests-corpus"])
def test_spilled_verify_reports_what_verify_in_memory_reports(root, sources, claims):
    pytest.importorskip("duckdb")
    in_memory, spilled = reports(root, sources, claims)
    assert '"rule": "SZ101"' in in_memory
    assert spilled == in_memory


def test_spilled_verify_reports_broken_doubled_and_missing_claims_files_as_verify_does(corpus_project):
    """Unreadable YAML, two claims files naming one source, a claims file naming no source, and a
    source without a claims file (extracted in memory): the same errors, notes and findings."""
    pytest.importorskip("duckdb")
    for path in (ROOT / "claims").glob("*.yaml"):
        shutil.copy(path, corpus_project / "claims" / path.name)
    claims = sorted((corpus_project / "claims").glob("*.yaml"))
    claims[0].write_text("claims: [unclosed\n", encoding="utf-8")
    shutil.copy(claims[1], corpus_project / "claims" / "zz-second.yaml")
    claims[2].unlink()
    (corpus_project / "claims" / "orphan.yaml").write_text(
        claims[3].read_text(encoding="utf-8").replace("source: sources/", "source: sources/gone-", 1), encoding="utf-8")
    in_memory, spilled = reports(corpus_project, "sources", "claims")
    assert in_memory.count('"file":') == 3
    assert "no claims file, extracted in memory" in in_memory
    assert spilled == in_memory


def generated_corpus(folder: Path, claims: int) -> dict:
    """The scale benchmark's synthetic corpus (cities, funds, planted contradictions), written to `folder`."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("scale_benchmark", ROOT / "benchmarks" / "run.py")
    benchmark = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(benchmark)
    corpus = benchmark.make_corpus(claims, seed=3)
    benchmark.write_corpus(corpus, folder / "sources")
    return corpus


def test_findings_spilled_in_many_sorted_runs_come_back_as_verify_in_memory_orders_them(tmp_path, monkeypatch):
    """On a generated corpus, with runs of a few findings and chunks smaller still, the merged runs
    give the in-memory report, byte for byte, in every format that lists findings."""
    pytest.importorskip("duckdb")
    from szcheck import spilled_findings
    from szcheck.render.sarif import render_sarif

    corpus = generated_corpus(tmp_path, 1_500)
    (tmp_path / "szcheck.yaml").write_text("# generated\n", encoding="utf-8")
    in_memory = verify(tmp_path / "sources", tmp_path / "claims", tmp_path, spill=False)
    monkeypatch.setattr(spilled_findings, "RUN", 7)
    monkeypatch.setattr(spilled_findings, "CHUNK", 3)
    spilled = verify(tmp_path / "sources", tmp_path / "claims", tmp_path, spill=True)
    assert isinstance(spilled.findings, spilled_findings.SpilledFindings) and len(spilled.findings.runs) > 3
    conflicts = {(f.entity, f.metric, f.period) for f in in_memory.findings if f.rule in ("SZ101", "SZ102")}
    assert {tuple(key) for key in corpus["planted"]} <= conflicts
    for report in (in_memory, spilled):
        report.generated = datetime.date(2026, 1, 1)
    for render in (render_json, render_markdown, render_sarif):
        assert render(spilled) == render(in_memory)
    assert list(spilled.findings) == in_memory.findings


RENDERERS = ["json", "markdown", "sarif", "junit", "github", "concise", "terminal", "statistics"]


def rendered(report, renderer: str) -> str:
    import io
    from importlib import import_module

    from rich.console import Console

    if renderer == "terminal":
        from szcheck.render.terminal import render_terminal

        text = io.StringIO()
        render_terminal(report, Console(file=text, width=120, soft_wrap=True, no_color=True))
        return text.getvalue()
    if renderer == "statistics":
        from szcheck.render.concise import render_statistics
        from szcheck.rules import rule_statistics

        return render_statistics(rule_statistics(report.findings), report)
    return getattr(import_module(f"szcheck.render.{renderer}"), f"render_{renderer}")(report)


@pytest.fixture(scope="module")
def spilled_and_in_memory(tmp_path_factory):
    """A generated corpus verified in memory and on the spill path, with runs of a few findings."""
    pytest.importorskip("duckdb")
    from szcheck import spilled_findings

    folder = tmp_path_factory.mktemp("generated")
    generated_corpus(folder, 600)
    (folder / "szcheck.yaml").write_text("# generated\n", encoding="utf-8")
    in_memory = verify(folder / "sources", folder / "claims", folder, spill=False)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(spilled_findings, "RUN", 7)
        spilled = verify(folder / "sources", folder / "claims", folder, spill=True)
    for report in (in_memory, spilled):
        report.generated = datetime.date(2026, 1, 1)
    return spilled, in_memory


def filtered(report, view: str):
    """The report through one of the command's filters: the same filter for a list and for findings on disk."""
    import copy

    from szcheck.api import findings_about
    from szcheck.baseline import apply_baseline
    from szcheck.rules import select_findings

    report = copy.copy(report)
    if view == "select":
        report.findings = select_findings(report.findings, ["SZ1", "SZ5"], ["SZ110"])
    elif view == "baseline":  # one entry matches a finding, one rotted: an SZ403 warning among the infos
        first = next(f for f in report.findings if f.severity == "info")
        accepted = {first.id: {"id": first.id, "reason": "checked"}, "gone": {"id": "gone", "rule": "SZ101"}}
        report.findings = apply_baseline(report.findings, accepted, Path("baseline.yaml"))
    elif view == "sources":
        source = report.sources[0].path.as_posix()
        report.findings = findings_about(report.findings, {source})
    return report


@pytest.mark.parametrize("view", ["all", "select", "baseline", "sources"])
@pytest.mark.parametrize("renderer", RENDERERS)
def test_a_spilled_report_is_read_once_and_its_summary_counted_while_spilling(spilled_and_in_memory, monkeypatch, renderer, view):
    """Each renderer reads the findings on disk at most once (the summary counts come from the tally
    kept while they were spilled, or worked out from it for a filter), and writes what it writes in memory.
    Only the filter by source needs a pass of its own to count; a baseline's pass finds its rotted entries."""
    from szcheck.model import Tally
    from szcheck.spilled_findings import SpilledFindings

    spilled, in_memory = spilled_and_in_memory
    expected = rendered(filtered(in_memory, view), renderer)
    reads = []
    monkeypatch.setattr(SpilledFindings, "__iter__", lambda self, read=SpilledFindings.__iter__: reads.append(1) or read(self))
    report = filtered(spilled, view)
    before = len(reads)
    assert rendered(report, renderer) == expected
    assert len(reads) - before <= (2 if view == "sources" else 1)
    assert report.tally == Tally.of(filtered(in_memory, view).findings)


def test_a_drop_after_spilling_counts_the_findings_again():
    from szcheck.model import Finding, Tally
    from szcheck.checks import finding_order
    from szcheck.spilled_findings import SpilledFindings

    def finding(rule: str, severity: str) -> Finding:
        return Finding(rule, "name", severity, "message", ())

    findings = SpilledFindings(finding_order)
    findings.add([finding("SZ101", "error"), finding("SZ202", "warning"), finding("SZ110", "info")])
    assert findings.tally().count("warning") == 1 and len(findings) == 3
    findings.drop(lambda f: f.rule == "SZ202")
    findings.add([finding("SZ202", "warning"), finding("SZ102", "warning")])
    assert findings.tally() == Tally.of(list(findings)) and findings.tally().count("warning") == 1
    assert len(findings) == 3 and findings


def test_a_claim_spilled_and_read_back_is_the_claim():
    claims = [claim for path in claims_file_paths(ROOT / "claims") for claim in load_claims_file(path).claims]
    shared: dict = {}
    for claim in claims + claims:
        for back in (spill.decode_claim(spill.encode_claim(claim)), spill.decode_claim(spill.encode_claim(claim), shared)):
            assert back == claim
            assert back.quantity == claim.quantity
            if claim.quantity is not None:
                assert back.quantity.key == claim.quantity.key and back.quantity.exact_bounds == claim.quantity.exact_bounds
    assert shared


def test_verify_spills_by_itself_above_the_threshold(monkeypatch):
    pytest.importorskip("duckdb")
    monkeypatch.setattr(spill, "SPILL_CLAIMS", 100)
    assert spill.estimated_claims(ROOT / "claims") > 100
    report = verify(ROOT / "sources", ROOT / "claims", ROOT)
    assert isinstance(report.claims, spill.ClaimCount)
    monkeypatch.setattr(spill, "SPILL_CLAIMS", 10**9)
    assert isinstance(verify(ROOT / "sources", ROOT / "claims", ROOT).claims, list)


def test_without_duckdb_the_automatic_spill_verifies_in_memory_and_says_so(monkeypatch):
    def missing():
        raise spill.SpillUnavailable('verifying this many claims needs DuckDB: pip install "szcheck[scale]"')

    monkeypatch.setattr(spill, "SPILL_CLAIMS", 100)
    monkeypatch.setattr(spill, "duckdb_module", missing)
    report = verify(ROOT / "sources", ROOT / "claims", ROOT)
    assert isinstance(report.claims, list) and report.findings
    assert any("szcheck[scale]" in note for note in report.notes)
    with pytest.raises(spill.SpillUnavailable):
        verify(ROOT / "sources", ROOT / "claims", ROOT, spill=True)


OPTIONS = [["-f", "json"], ["-f", "sarif"], ["-f", "markdown", "--date", "2026-01-01"], ["-f", "concise", "--select", "SZ1,SZ5"],
           ["-f", "rich", "--ignore", "SZ5", "--baseline", "baseline.yaml"], ["--statistics", "sources/2025-09-02-xinhua-gii-cluster.txt"]]


@pytest.mark.parametrize("options", OPTIONS, ids=["json", "sarif", "markdown", "select", "baseline", "paths"])
def test_the_spill_option_gives_the_same_report(runner, corpus_project, options):
    """Each format, and the filters the command applies to the findings (--select, --ignore, a
    baseline, the sources named): on the spill path they run over the findings on disk."""
    pytest.importorskip("duckdb")
    for path in (ROOT / "claims").glob("*.yaml"):
        shutil.copy(path, corpus_project / "claims" / path.name)
    from szcheck.cli import app

    written = runner.invoke(app, ["verify", "--write-baseline", "baseline.yaml", "--select", "SZ101"])
    assert written.exit_code == 0 and "accepted findings" in written.output
    plain = runner.invoke(app, ["verify", "--fail-on", "warning", *options])
    spilled = runner.invoke(app, ["verify", "--fail-on", "warning", "--spill", *options])
    assert plain.exit_code == spilled.exit_code == 1
    assert spilled.output == plain.output


IMPORTS = """
import sys
from szcheck.cli import app
from typer.testing import CliRunner
CliRunner().invoke(app, {args})
print("duckdb" in sys.modules)
"""


@pytest.mark.parametrize("args", [["--help"], ["verify", "--fail-on", "never", "-q", "-f", "concise"]])
def test_duckdb_is_not_imported_off_the_spill_path(args):
    done = subprocess.run([sys.executable, "-c", IMPORTS.format(args=args)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "False"
