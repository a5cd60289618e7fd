"""szcheck as a linter in CI and in the daily loop: baselines in every format, strict selectors,
plain unwrapped output off a terminal, the usual linter flags, and per-file errors."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
import yaml

from conftest import write_source
from szcheck.cli import app

CONFLICT = ("Ningbo's R&D spending reached 35.2 billion yuan in 2023.", "Ningbo's R&D spending reached 41.7 billion yuan in 2023.")


def conflicting(project):
    write_source(project, "a", CONFLICT[0])
    write_source(project, "b", CONFLICT[1])


def accepted_project(project, runner):
    conflicting(project)
    assert runner.invoke(app, ["verify", "--write-baseline", "baseline.yaml", "--reason", "known slip"]).exit_code == 0


# --- item 1: accepted findings are marked in every format ----------------------------------------


def test_github_format_leaves_accepted_findings_out(project, runner):
    accepted_project(project, runner)
    assert "::error" in runner.invoke(app, ["verify", "-f", "github"]).stdout
    result = runner.invoke(app, ["verify", "-f", "github", "--baseline", "baseline.yaml"])
    assert result.exit_code == 0
    assert "::error" not in result.stdout and "::warning" not in result.stdout


def test_junit_marks_accepted_findings_skipped(project, runner):
    accepted_project(project, runner)
    root = ET.fromstring(runner.invoke(app, ["verify", "-f", "junit", "--baseline", "baseline.yaml"]).stdout)
    suite = root.find("testsuite")
    [case] = [c for c in suite.findall("testcase") if c.get("classname").startswith("SZ101")]
    assert case.find("failure") is None
    assert case.find("skipped").get("message") == "accepted in the baseline: known slip"
    assert (suite.get("failures"), suite.get("skipped")) == ("0", "1")


def test_sarif_gives_accepted_findings_an_external_suppression(project, runner):
    accepted_project(project, runner)
    log = json.loads(runner.invoke(app, ["verify", "-f", "sarif", "--baseline", "baseline.yaml"]).stdout)
    [result] = [r for r in log["runs"][0]["results"] if r["ruleId"] == "SZ101"]
    assert result["suppressions"] == [{"kind": "external", "justification": "known slip"}]
    assert all("suppressions" not in r for r in log["runs"][0]["results"] if r["ruleId"] != "SZ101")


def test_json_marks_accepted_with_its_reason_and_counts_apart(project, runner):
    accepted_project(project, runner)
    report = json.loads(runner.invoke(app, ["verify", "-f", "json", "--baseline", "baseline.yaml"]).stdout)
    [finding] = [f for f in report["findings"] if f["rule"] == "SZ101"]
    assert (finding["accepted"], finding["reason"]) == (True, "known slip")
    assert (report["summary"]["errors"], report["summary"]["accepted"]) == (0, 1)


# --- item 2: unknown selectors are usage errors ---------------------------------------------------


@pytest.mark.parametrize("selector, nearest", [("SZ999", None), ("SZ10l", "SZ101"), ("SZ1O1", "SZ101"), ("foo", None), ("SZ9", None)])
def test_unknown_selector_is_exit_2(project, runner, selector, nearest):
    conflicting(project)
    for option in ("--select", "--ignore"):
        result = runner.invoke(app, ["verify", option, selector])
        assert result.exit_code == 2, (option, result.output)
        assert f"{option}: unknown rule or family {selector!r}" in result.stderr
    if nearest:
        assert f"(did you mean {nearest!r}?)" in result.stderr


def test_unknown_selector_in_configuration_is_exit_2(project, runner):
    conflicting(project)
    (project / "szcheck.yaml").write_text("select: [SZ9]\n", encoding="utf-8")
    result = runner.invoke(app, ["verify"])
    assert result.exit_code == 2
    assert "szcheck.yaml: select: unknown rule or family 'SZ9'" in result.stderr


def test_known_families_still_select(project, runner):
    conflicting(project)
    assert runner.invoke(app, ["verify", "--select", "SZ1"]).exit_code == 1
    assert runner.invoke(app, ["verify", "--select", "SZ10,SZ5"]).exit_code == 1


def test_explain_accepts_a_family(runner):
    result = runner.invoke(app, ["explain", "SZ1"])
    assert result.exit_code == 0
    codes = [line.split()[0] for line in result.stdout.splitlines()]
    assert "SZ101" in codes and "SZ110" in codes and all(code.startswith("SZ1") for code in codes)
    unknown = runner.invoke(app, ["explain", "SZ9"])
    assert unknown.exit_code == 2 and "unknown rule or family 'SZ9'" in unknown.stderr


# --- item 4: off a terminal, nothing wraps; concise is the default there --------------------------


def test_concise_is_one_line_per_finding(project, runner):
    conflicting(project)
    result = runner.invoke(app, ["verify", "-f", "concise"])
    assert result.exit_code == 1
    *findings, summary = result.stdout.splitlines()
    assert findings and summary.startswith("2 sources, 2 claims: 1 error, ")
    for line in findings:
        path, line_number, column, rest = line.split(":", 3)
        assert path.startswith("sources/") and line_number.isdigit() and column.isdigit()
        assert rest.split()[0].startswith("SZ") and rest.split()[1] in ("[error]", "[warning]", "[info]")
    assert any(" SZ101 [error] " in line for line in findings)


def test_concise_is_the_default_off_a_terminal(project, runner):
    conflicting(project)
    default = runner.invoke(app, ["verify"]).stdout
    assert default == runner.invoke(app, ["verify", "-f", "concise"]).stdout
    assert "╭" not in default


def test_quiet_summary_does_not_wrap_off_a_terminal(corpus_project):
    """Run as pre-commit does: a real process whose output is a pipe."""
    subprocess.run([sys.executable, "-m", "szcheck", "verify", "--write-baseline", "b.yaml"], capture_output=True, check=True)
    for output_format in ("rich", "concise"):
        result = subprocess.run([sys.executable, "-m", "szcheck", "verify", "-q", "-f", output_format, "--baseline", "b.yaml"],
                                capture_output=True, text=True, env={"PATH": "", "COLUMNS": "80"})
        [line] = result.stdout.splitlines()
        assert line.endswith("accepted in the baseline)") and len(line) > 80


def test_claims_table_does_not_wrap_off_a_terminal(corpus_project, runner):
    result = runner.invoke(app, ["claims", "--source", "xinhua"])
    header = next(line for line in result.stdout.splitlines() if "source:line" in line)
    assert "period" in header and "status" in header
    assert any("2025-09-02-xinhua-gii-cluster:" in line for line in result.stdout.splitlines())


# --- item 5: the flags linters have ------------------------------------------------------------------


def test_paths_limit_the_findings_but_not_the_comparison(project, runner):
    conflicting(project)
    write_source(project, "c", "Hangzhou's R&D spending reached 35.2 billion yuan in 2023. Hangzhou is a city.")
    only_a = json.loads(runner.invoke(app, ["verify", "sources/a.txt", "-f", "json"]).stdout)["findings"]
    assert only_a and all(any(c["source"] == "sources/a.txt" for c in f["claims"]) for f in only_a)
    assert "SZ101" in {f["rule"] for f in only_a}  # a.txt's conflict is with b.txt, which was still read
    only_c = runner.invoke(app, ["verify", "sources/c.txt", "-f", "json"])
    assert only_c.exit_code == 0 and "SZ101" not in {f["rule"] for f in json.loads(only_c.stdout)["findings"]}
    assert runner.invoke(app, ["verify", "sources/nope.txt"]).exit_code == 2


def test_exit_zero(project, runner):
    conflicting(project)
    assert runner.invoke(app, ["verify"]).exit_code == 1
    assert runner.invoke(app, ["verify", "--exit-zero"]).exit_code == 0


def test_statistics_counts_per_rule(project, runner):
    conflicting(project)
    result = runner.invoke(app, ["verify", "--statistics"])
    assert result.exit_code == 1
    *rows, summary = result.stdout.splitlines()
    counts = {row.split()[1]: int(row.split()[0]) for row in rows}
    assert counts["SZ101"] == 1 and summary.startswith("2 sources")
    report = json.loads(runner.invoke(app, ["verify", "-f", "json"]).stdout)
    assert sum(counts.values()) == len(report["findings"])
    assert runner.invoke(app, ["verify", "--statistics", "-f", "json"]).exit_code == 2


def test_color_always_and_never(project, runner):
    conflicting(project)
    assert "\x1b[" in runner.invoke(app, ["verify", "--color", "always"]).stdout
    assert "\x1b[" not in runner.invoke(app, ["verify", "--color", "never"]).stdout
    assert "\x1b[" in runner.invoke(app, ["verify", "-f", "rich", "--color", "always"]).stdout
    assert "\x1b[" not in runner.invoke(app, ["verify", "-f", "rich", "--color", "never"]).stdout


def test_short_version_flag(runner):
    result = runner.invoke(app, ["-V"])
    assert result.exit_code == 0 and result.stdout.startswith("szcheck ")


def test_bad_date_names_the_date_option(project, runner):
    conflicting(project)
    result = runner.invoke(app, ["verify", "--date", "2025-13-45"])
    assert result.exit_code == 2 and "--date '2025-13-45' is not a date" in result.stderr


def test_timeline_of_an_unknown_metric_is_exit_2(corpus_project, runner):
    result = runner.invoke(app, ["timeline", "nonsense"])
    assert result.exit_code == 2 and "unknown metric 'nonsense'" in result.stderr
