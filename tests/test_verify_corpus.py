"""End to end on the bundled corpus, through the JSON report and the exit code."""

from __future__ import annotations

import json

import pytest

from szcheck.cli import app


@pytest.fixture
def corpus_report(corpus_project, runner):
    result = runner.invoke(app, ["verify", "--format", "json"])
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def findings(report, severity=None, rule=None):
    return [f for f in report["findings"] if (severity is None or f["severity"] == severity) and (rule is None or f["rule"] == rule)]


def texts(finding):
    return {c["text"] for c in finding["claims"]}


def test_exactly_the_known_contradictions_are_errors(corpus_report):
    errors = {(f["entity"], f["metric"], f["period"]) for f in findings(corpus_report, "error")}
    assert errors == {
        ("Shenzhen", "rd_investment", "2024"),
        ("Shenzhen", "rd_intensity", "2024"),
        ("Shenzhen Guidance Fund", "fund_size", "any"),
        ("Shenzhen Angel Mother Fund", "fund_size", "any"),
        ("Shenzhen Angel Mother Fund", "description", ""),
    }


def test_angel_fund_charity_description_is_an_error_with_its_uses(corpus_report):
    [finding] = findings(corpus_report, rule="SZ301")
    description, *uses = finding["claims"]
    assert "charitable organization" in description["quote"] and description["line"] == 42
    assert "value" not in description  # a description claim has text, not a figure
    assert len(uses) >= 2 and len({u["source"] for u in uses}) >= 2
    assert (finding["described_as"], finding["used_as"]) == ("charity", "investment fund")


def test_correct_glossary_descriptions_are_not_errors(corpus_report):
    described = {f["entity"] for f in corpus_report["findings"] if f["rule"].startswith("SZ3") and f["severity"] == "error"}
    assert described == {"Shenzhen Angel Mother Fund"}
    boilerplate = {f["entity"] for f in findings(corpus_report, rule="SZ303")}
    assert boilerplate == {"Ping An Life", "Taiping Insurance", "Social Security Fund’s Bay Area Technology Innovation Special Fund"}


def test_rd_spending_2024_conflict_quotes_both_figures(corpus_report):
    [finding] = [f for f in findings(corpus_report, "error") if f["metric"] == "rd_investment"]
    assert {"223.66 billion yuan", "245.31 billion yuan"} <= texts(finding)
    assert finding["rule"] == "SZ101"
    lows = sorted(c["low"] for c in finding["claims"])
    assert lows[0] == pytest.approx(223.655e9) and lows[-1] == pytest.approx(245.305e9)


def test_rd_intensity_conflict(corpus_report):
    [finding] = [f for f in findings(corpus_report, "error") if f["metric"] == "rd_intensity"]
    assert {c["value"] for c in finding["claims"]} == {6.46, 6.67}
    assert {c["unit"] for c in finding["claims"]} == {"percent"}


def test_fund_conflicts_are_orders_of_magnitude_with_a_scale_diagnosis(corpus_report):
    funds = [f for f in findings(corpus_report, "error") if f["metric"] == "fund_size"]
    by_entity = {f["entity"]: f for f in funds}
    assert {"trillion-yuan", "100-billion-yuan", "100-billion-yuan level"} == texts(by_entity["Shenzhen Guidance Fund"])
    assert {"billion-yuan", "10-billion-yuan", "10-billion-yuan level"} == texts(by_entity["Shenzhen Angel Mother Fund"])
    for finding in funds:
        assert "10^1" in finding["diagnosis"]


def test_seed_fund_is_an_agreement_of_three_sources(corpus_report):
    [finding] = [f for f in findings(corpus_report, rule="SZ110") if f["entity"] == "Shenzhen Sci-Tech Seed Fund"]
    assert finding["severity"] == "info"
    assert len({c["source"] for c in finding["claims"]}) == 3


def test_2017_figures_are_not_compared_with_2024(corpus_report):
    for finding in corpus_report["findings"]:
        values = {c["text"] for c in finding["claims"]}
        assert not values & {"90 billion yuan", "4.13%"}, finding["message"]


def test_loan_balances_at_different_dates_are_not_a_contradiction(corpus_report):
    assert not [f for f in corpus_report["findings"] if f["metric"] == "tech_loans" and f["severity"] == "error"]


def test_loan_series_gets_a_plausibility_warning_with_implied_growth(corpus_report):
    [finding] = findings(corpus_report, rule="SZ204")
    assert finding["severity"] == "warning" and finding["metric"] == "tech_loans"
    assert "+141% a year" in finding["message"] and "7.23%" in finding["message"]
    assert "different definitions" in finding["diagnosis"]


def test_rd_spending_conflict_is_diagnosed_as_a_mislabelled_period(corpus_report):
    [finding] = [f for f in findings(corpus_report, "error") if f["metric"] == "rd_investment"]
    [cause] = finding["causes"]
    assert cause["cause"] == "period" and cause["fits"] == "245.31 billion yuan"
    assert cause["recomputed"] == {"223.66 billion yuan": 10.31, "245.31 billion yuan": 12.88}
    assert finding["favours"] == "245.31 billion yuan"
    assert [side["independent"] for side in finding["sides"]] == [2, 1]


def test_fund_conflicts_carry_a_scale_cause_and_lean_to_the_majority(corpus_report):
    favoured = {}
    for finding in [f for f in findings(corpus_report, "error") if f["metric"] == "fund_size"]:
        assert finding["causes"] == [{"cause": "scale", "factor": 10.0, "power": 1}]
        favoured[finding["entity"]] = finding["favours"]
        assert "weak sign" in finding["diagnosis"]
    assert favoured == {"Shenzhen Angel Mother Fund": "10-billion-yuan level", "Shenzhen Guidance Fund": "100-billion-yuan level"}


def test_rd_intensity_follows_the_diagnosis_of_rd_spending(corpus_report):
    [finding] = [f for f in findings(corpus_report, "error") if f["metric"] == "rd_intensity"]
    [cause] = finding["causes"]
    assert (cause["cause"], cause["linked"], cause["fits"]) == ("period", "rd_investment", "6.67%")
    assert finding["favours"] == "6.67%"


def test_cagr_and_usd_conversion_are_confirmed(corpus_report):
    [growth] = findings(corpus_report, rule="SZ201")
    assert growth["severity"] == "info" and "12.88%" in growth["message"]
    [conversion] = findings(corpus_report, rule="SZ202")
    assert conversion["severity"] == "info" and "7.11 CNY per USD" in conversion["message"]


def test_usd_conversion_is_not_compared_as_a_separate_figure(corpus_report):
    for finding in findings(corpus_report, "error"):
        assert "31.46 billion U.S. dollars" not in texts(finding)


def test_summary_counts_match_the_findings(corpus_report):
    summary = corpus_report["summary"]
    assert summary["sources"] == 5
    assert summary["errors"] == len(findings(corpus_report, "error"))
    assert summary["warnings"] == len(findings(corpus_report, "warning"))
    assert summary["infos"] == len(findings(corpus_report, "info"))
    assert corpus_report["version"] == 2


def test_finding_ids_are_stable_across_runs(corpus_project, runner):
    first = json.loads(runner.invoke(app, ["verify", "-f", "json"]).stdout)
    second = json.loads(runner.invoke(app, ["verify", "-f", "json"]).stdout)
    assert [f["id"] for f in first["findings"]] == [f["id"] for f in second["findings"]]
    assert len({f["id"] for f in first["findings"]}) == len(first["findings"])


def test_verify_after_extract_gives_the_same_findings(corpus_project, runner):
    before = json.loads(runner.invoke(app, ["verify", "-f", "json"]).stdout)
    assert runner.invoke(app, ["extract"]).exit_code == 0
    after = json.loads(runner.invoke(app, ["verify", "-f", "json"]).stdout)
    assert [f["id"] for f in before["findings"]] == [f["id"] for f in after["findings"]]
    assert after["notes"] == []
    assert len(before["notes"]) == 5  # each source was extracted in memory the first time


def test_fail_on_never_exits_zero(corpus_project, runner):
    assert runner.invoke(app, ["verify", "--fail-on", "never", "-q"]).exit_code == 0
