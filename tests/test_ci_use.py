"""szcheck as a linter in CI and in the daily loop: baselines in every format, strict selectors,
plain unwrapped output off a terminal, the usual linter flags, and per-file errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
import yaml

from conftest import write_source
from test_render_formats import sarif_validator
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
    assert sarif_validator().is_valid(log)


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
    (project / "elsewhere.txt").write_text(CONFLICT[0], encoding="utf-8")
    outside = runner.invoke(app, ["verify", "elsewhere.txt"])
    assert outside.exit_code == 2 and "elsewhere.txt: not among the sources in sources/" in outside.stderr


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


# --- item 6: a gate that passes on nothing is an error -----------------------------------------------


def test_no_sources_is_exit_2_saying_where_and_what(project, runner):
    result = runner.invoke(app, ["verify"])
    assert result.exit_code == 2
    assert "sources: no sources found" in result.stderr and ".md, .txt" in result.stderr


def test_only_html_sources_is_exit_2_naming_them(project, runner):
    (project / "sources" / "article.html").write_text("<p>Ningbo spent 35.2 billion yuan in 2023.</p>", encoding="utf-8")
    result = runner.invoke(app, ["verify"])
    assert result.exit_code == 2 and "article.html" in result.stderr


def test_html_beside_text_sources_is_named_as_skipped(project, runner):
    conflicting(project)
    (project / "sources" / "article.html").write_text("<p>x</p>", encoding="utf-8")
    report = json.loads(runner.invoke(app, ["verify", "-f", "json"]).stdout)
    assert any(note.startswith("sources/article.html: skipped") for note in report["notes"])


# --- item 7: one bad file is reported and the rest still checked -------------------------------------


def test_an_unreadable_source_is_reported_and_the_rest_checked(project, runner):
    conflicting(project)
    (project / "sources" / "legacy.txt").write_bytes("Caf\xe9 \u201crevenue\u201d rose 5% in 2024.\n".encode("cp1252"))
    result = runner.invoke(app, ["verify", "-f", "json"])
    assert result.exit_code == 2
    [error] = result.stderr.strip().splitlines()
    assert error.startswith("szcheck: error: sources/legacy.txt:1: is not UTF-8")
    report = json.loads(result.stdout)
    assert "SZ101" in {f["rule"] for f in report["findings"]}
    assert report["input_errors"] == [{"file": "sources/legacy.txt", "line": 1, "message": error.split(":1: ", 1)[1]}]


def test_a_malformed_claims_file_is_reported_and_the_rest_checked(project, runner):
    conflicting(project)
    write_source(project, "c", "Hangzhou's R&D spending reached 35.2 billion yuan in 2023.")
    (project / "claims" / "c.yaml").write_text("source: sources/c.txt\nclaims:\n  - id: x\n    value: [unclosed\n", encoding="utf-8")
    result = runner.invoke(app, ["verify", "-f", "sarif"])
    assert result.exit_code == 2 and "claims/c.yaml:" in result.stderr
    log = json.loads(result.stdout)
    assert "SZ101" in {r["ruleId"] for r in log["runs"][0]["results"]}
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False and sarif_validator().is_valid(log)
    assert any(n["level"] == "error" and "claims/c.yaml" in n["message"]["text"] for n in invocation["toolExecutionNotifications"])
    sources = {c["source"] for f in json.loads(runner.invoke(app, ["verify", "-f", "json"]).stdout)["findings"] for c in f["claims"]}
    assert "sources/c.txt" not in sources  # its claims file is broken: not silently re-extracted in its place


def test_configured_encoding_reads_a_legacy_source(project, runner):
    (project / "sources" / "legacy").mkdir()
    (project / "sources" / "legacy" / "a.txt").write_bytes(("Caf\xe9 \u201cNingbo\u201d: " + CONFLICT[0] + "\n").encode("cp1252"))
    write_source(project, "b", CONFLICT[1])
    (project / "szcheck.yaml").write_text('encodings: {"sources/legacy/*.txt": cp1252}\n', encoding="utf-8")
    result = runner.invoke(app, ["verify", "-f", "json"])
    assert result.exit_code == 1, result.output
    [finding] = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "SZ101"]
    assert {c["source"] for c in finding["claims"]} == {"sources/legacy/a.txt", "sources/b.txt"}
    (project / "szcheck.yaml").write_text('encodings: {"sources/legacy/*.txt": klingon}\n', encoding="utf-8")
    bad = runner.invoke(app, ["verify"])
    assert bad.exit_code == 2 and "'klingon'" in bad.stderr


# --- item 11: papercuts ------------------------------------------------------------------------------


def test_claims_json_has_status(project, runner):
    conflicting(project)
    claims = json.loads(runner.invoke(app, ["claims", "-f", "json"]).stdout)
    assert claims and all(c["status"] == "extracted" for c in claims)


def test_json_numbers_are_the_stated_values(runner):
    [figure] = json.loads(runner.invoke(app, ["parse", "about 1.07 billion yuan", "-f", "json"]).stdout)
    assert (figure["value"], figure["low"], figure["high"]) == (1.07e9, 1.0165e9, 1.1235e9)


def test_summary_counts_accepted_findings_apart_and_in_the_singular(project, runner):
    accepted_project(project, runner)
    result = runner.invoke(app, ["verify", "-q", "--baseline", "baseline.yaml"])
    assert result.exit_code == 0
    assert result.stdout.strip() == "2 sources, 2 claims: 0 errors, 0 warnings, 0 infos (1 accepted in the baseline)"


def test_missing_key_names_the_unknown_key_that_is_its_typo(project, runner):
    write_source(project, "a", CONFLICT[0])
    body = {"source": "sources/a.txt", "claims": [{"id": "x", "entitty": "Ningbo", "metric": "rd_investment", "value": "35.2 billion yuan"}]}
    (project / "claims" / "a.yaml").write_text(yaml.safe_dump(body), encoding="utf-8")
    result = runner.invoke(app, ["verify"])
    assert result.exit_code == 2
    assert "missing required key 'entity' (unknown key 'entitty': did you mean 'entity'?)" in result.stderr


# --- item 9: reports stay readable at any size -------------------------------------------------------


def long_article(project, repeats=40):
    filler = "The report was long and detailed, and it went on " + "and on " * 600 + "about many things."
    paragraphs = [f"{filler} In 2023, Ningbo's R&D spending reached 35.2 billion yuan, it said again." for _ in range(repeats)]
    write_source(project, "a", "\n\n".join(paragraphs))
    write_source(project, "b", CONFLICT[1])


def test_a_finding_shows_a_few_claims_per_value_and_counts_the_rest(project, runner):
    long_article(project)
    report = json.loads(runner.invoke(app, ["verify", "-f", "json"]).stdout)
    [conflict] = [f for f in report["findings"] if f["rule"] == "SZ101"]
    hidden = len(conflict["claims"]) - 4  # 3 of the repeated value, 1 of the other
    assert hidden > 30
    for output_format in ("rich", "markdown", "junit"):
        text = runner.invoke(app, ["verify", "-f", output_format]).stdout
        assert f"and {hidden} more" in text, output_format
        assert text.count("35.2 billion yuan, it said again") <= 3 * 2, output_format
    annotations = runner.invoke(app, ["verify", "-f", "github"]).stdout.splitlines()
    assert len([line for line in annotations if "SZ101" in line]) == 4


def test_quotes_are_trimmed_around_the_figure(project, runner):
    write_source(project, "a", "In 2023, after years of work " + "and more work " * 300 + "by its people, Ningbo's R&D spending reached "
                 "35.2 billion yuan, it said again, " + "and so on " * 300 + "for ever.")
    write_source(project, "b", CONFLICT[1])
    for output_format in ("markdown", "junit", "rich"):
        text = runner.invoke(app, ["verify", "-f", output_format]).stdout
        line = next(line for line in text.splitlines() if "it said again" in line)
        assert len(line) < 600 and line.count("…") >= 2, output_format


def test_markdown_report_has_a_size_bound_and_points_to_json(project, runner, monkeypatch):
    from szcheck.render import markdown

    long_article(project, repeats=3)
    for index in range(30):
        write_source(project, f"x{index}", f"Wuhan{index}'s R&D spending reached {index + 10}.1 billion yuan in 2023.")
        write_source(project, f"y{index}", f"Wuhan{index}'s R&D spending reached {index + 50}.3 billion yuan in 2023.")
    full = runner.invoke(app, ["verify", "-f", "markdown"]).stdout
    assert "left out" not in full
    monkeypatch.setattr(markdown, "SECTIONS_BUDGET", len(full.encode()) // 4)
    bounded = runner.invoke(app, ["verify", "-f", "markdown"]).stdout
    assert len(bounded.encode()) < len(full.encode()) // 2
    assert "findings are left out to keep this report readable; `szcheck verify --format json` lists them all" in bounded
    links = re.findall(r"\]\(#([\w-]+)\)", bounded)
    assert links and all(f'<a id="{anchor}"></a>' in bounded for anchor in links)


def test_extract_goes_on_past_a_bad_file_and_leaves_it_untouched(project, runner):
    conflicting(project)
    broken = "source: sources/b.txt\nclaims:\n  - id: x\n    value: [unclosed\n"
    (project / "claims" / "b.yaml").write_text(broken, encoding="utf-8")
    (project / "sources" / "legacy.txt").write_bytes("Caf\xe9 \u201crevenue\u201d rose 5% in 2024.\n".encode("cp1252"))
    result = runner.invoke(app, ["extract"])
    assert result.exit_code == 2
    assert "wrote claims/a.yaml" in result.stdout
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2 and all(e.startswith("szcheck: error: ") for e in errors)
    assert any("claims/b.yaml:" in e for e in errors) and any("sources/legacy.txt:1:" in e for e in errors)
    assert (project / "claims" / "b.yaml").read_text(encoding="utf-8") == broken


def test_no_baseline_is_written_from_part_of_the_corpus(project, runner):
    conflicting(project)
    (project / "sources" / "legacy.txt").write_bytes("Caf\xe9 \u201crevenue\u201d rose 5% in 2024.\n".encode("cp1252"))
    result = runner.invoke(app, ["verify", "--write-baseline", "baseline.yaml"])
    assert result.exit_code == 2 and "no baseline written" in result.stderr
    assert not (project / "baseline.yaml").exists()


def test_timeline_knows_registry_metrics_without_claims(project, runner):
    conflicting(project)
    result = runner.invoke(app, ["timeline", "rd_intensity"])
    assert result.exit_code == 0 and "no claims for metric" in result.stdout
