"""The command line: parse, explain, help and usage errors."""

from __future__ import annotations

import json
import subprocess
import sys

from szcheck.cli import app


def test_parse_json_has_the_documented_keys(runner):
    result = runner.invoke(app, ["parse", "R&D investment reached 223.66 billion yuan in 2024.", "-f", "json"])
    assert result.exit_code == 0
    [figure] = json.loads(result.stdout)
    assert {"surface", "value", "low", "high", "unit", "qualifier", "kind", "period", "start", "end"} <= set(figure)
    assert (figure["value"], figure["unit"], figure["period"]) == (223.66e9, "CNY", "2024")


def test_parse_stdin_prints_one_array_per_line(runner):
    result = runner.invoke(app, ["parse", "--stdin", "--published", "2025-09-15"], input="over 2 trillion yuan\nlast year it grew 5%\nno figures here\n")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 3
    assert lines[0][0]["high"] is None and lines[0][0]["qualifier"] == "over"
    assert (lines[1][0]["kind"], lines[1][0]["period"]) == ("growth", "2024")
    assert lines[2] == []


def test_parse_rich_table_names_the_figure(runner):
    result = runner.invoke(app, ["parse", "The fund invested in 973 seed-stage startups."])
    assert result.exit_code == 0 and "973" in result.stdout and "seed-stage" in result.stdout


def test_parse_rejects_a_bad_date(runner):
    result = runner.invoke(app, ["parse", "5%", "--published", "yesterday"])
    assert result.exit_code == 2 and "not a date" in result.output


def test_explain_lists_and_documents_rules(runner):
    listing = runner.invoke(app, ["explain"]).stdout
    assert "SZ101" in listing and "SZ110" in listing
    detail = runner.invoke(app, ["explain", "sz101"]).stdout
    assert "value-conflict" in detail and "interval" in detail
    assert runner.invoke(app, ["explain", "SZ999"]).exit_code == 2


def test_missing_sources_folder_is_exit_2(project, runner):
    result = runner.invoke(app, ["verify", "--sources", "nowhere"])
    assert result.exit_code == 2 and "nowhere" in result.output and "Traceback" not in result.output


def test_help_runs_in_a_fresh_process():
    result = subprocess.run([sys.executable, "-m", "szcheck", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "verify" in result.stdout


def test_markdown_report_written_to_a_file(corpus_project, runner):
    result = runner.invoke(app, ["verify", "-f", "markdown", "-o", "report.md"])
    assert result.exit_code == 1
    text = (corpus_project / "report.md").read_text(encoding="utf-8")
    assert text.startswith("# szcheck conflict report") and "**223.66 billion yuan**" in text


def test_claims_command_filters_by_metric_entity_and_source(corpus_project, runner):
    from szcheck.cli import app as cli_app

    result = runner.invoke(cli_app, ["claims", "--metric", "fund size", "--entity", "angel", "-f", "json"])
    assert result.exit_code == 0
    claims = json.loads(result.stdout)
    assert {c["text"] for c in claims} == {"billion-yuan", "10-billion-yuan", "10-billion-yuan level"}
    only_xinhua = json.loads(runner.invoke(cli_app, ["claims", "--source", "xinhua", "-f", "json"]).stdout)
    assert only_xinhua and all("xinhua" in c["source"] for c in only_xinhua)


def test_timeline_shows_the_series_in_period_order(corpus_project, runner):
    result = runner.invoke(app, ["timeline", "rd_investment"])
    assert result.exit_code == 0
    text = result.stdout
    assert text.index("2017") < text.index("2020") < text.index("2024")
    assert "245.31" in text and "█" in text
    assert "no claims" in runner.invoke(app, ["timeline", "rd_investment", "--entity", "Atlantis"]).stdout
    unknown = runner.invoke(app, ["timeline", "rd_investmnet"])
    assert unknown.exit_code == 2 and "unknown metric 'rd_investmnet' (did you mean 'rd_investment'?)" in unknown.stderr
