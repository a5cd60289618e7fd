"""Diagnosis and arithmetic checks on small corpora: where each applies and where it must not."""

from __future__ import annotations

import json

from conftest import write_source
from szcheck.cli import app


def report(runner):
    result = runner.invoke(app, ["verify", "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def by_rule(data, rule):
    return [f for f in data["findings"] if f["rule"] == rule]


def test_factor_of_ten_between_different_years_is_not_a_scale_slip(project, runner):
    write_source(project, "a", "Ningbo's R&D spending reached 3.52 billion yuan in 2017.")
    write_source(project, "b", "Ningbo's R&D spending reached 35.2 billion yuan in 2024.")
    assert report(runner)["findings"] == []


def test_same_digits_in_unrelated_metrics_are_nothing(project, runner):
    write_source(project, "a", "By the end of 2024, sci-tech loans in Ningbo reached 1.23 trillion yuan.")
    write_source(project, "b", "The National Supercomputing Center in Ningbo involved a total investment of 1.23 billion yuan in 2024.")
    assert report(runner)["findings"] == []


def test_cagr_that_does_not_match_its_figures_warns(project, runner):
    write_source(project, "a", "Ningbo's R&D spending grew from 20 billion yuan in 2020 to 30 billion yuan in 2024, an average annual growth rate of 15%.")
    [finding] = by_rule(report(runner), "SZ201")
    assert finding["severity"] == "warning" and "10.67%" in finding["message"]


def test_cagr_that_matches_is_info(project, runner):
    write_source(project, "a", "Ningbo's R&D spending grew from 20 billion yuan in 2020 to 30 billion yuan in 2024, an average annual growth rate of 10.7%.")
    [finding] = by_rule(report(runner), "SZ201")
    assert finding["severity"] == "info"


def test_single_year_growth_checked_against_another_sources_previous_year(project, runner):
    write_source(project, "a", "Ningbo's R&D spending reached 30 billion yuan in 2024, an increase of 25% over the previous year.")
    write_source(project, "b", "In 2023, Ningbo's R&D spending was 27.3 billion yuan.")
    [finding] = by_rule(report(runner), "SZ201")
    assert finding["severity"] == "warning" and "9.89%" in finding["message"]


def test_conversion_within_the_band_is_fine_and_outside_warns(project, runner):
    write_source(project, "a", "In 2024 Ningbo's R&D investment reached 71.9 billion yuan (about 10 billion U.S. dollars).")
    write_source(project, "b", "In 2024 Hangzhou's R&D investment reached 71.9 billion yuan (about 12 billion U.S. dollars).")
    findings = {f["entity"]: f for f in by_rule(report(runner), "SZ202")}
    assert findings["Ningbo"]["severity"] == "info"
    assert findings["Hangzhou"]["severity"] == "warning" and "outside" in findings["Hangzhou"]["message"]


def test_parts_exceeding_the_whole_are_an_error(project, runner):
    write_source(project, "a", "As of 2024, Ningbo had a talent pool of 2.1 million, including 1.5 million skilled workers and 0.9 million professionals.")
    [finding] = by_rule(report(runner), "SZ203")
    assert finding["severity"] == "error"


def test_balance_series_far_from_the_stated_growth_warns(project, runner):
    write_source(project, "a", "By the end of 2024, sci-tech loans in Ningbo reached 400 billion yuan.")
    write_source(project, "b", "As of March 2025, the loan balance for technology enterprises in Ningbo reached 600 billion yuan, a year-on-year growth of 8%.")
    [finding] = by_rule(report(runner), "SZ204")
    assert finding["severity"] == "warning" and "different definitions" in finding["diagnosis"]


def test_balance_series_consistent_with_its_growth_is_quiet(project, runner):
    write_source(project, "a", "By the end of 2024, sci-tech loans in Ningbo reached 400 billion yuan.")
    write_source(project, "b", "As of March 2025, the loan balance for technology enterprises in Ningbo reached 408 billion yuan, a year-on-year growth of 8%.")
    assert by_rule(report(runner), "SZ204") == []


def test_official_source_is_favoured_when_nothing_else_decides(project, runner):
    write_source(project, "a", "Ningbo's R&D spending reached 35.2 billion yuan in 2023.", kind="official")
    write_source(project, "b", "Ningbo's R&D spending reached 41.7 billion yuan in 2023.")
    [finding] = by_rule(report(runner), "SZ101")
    assert finding["favours"] == "35.2 billion yuan"


def test_undecided_when_the_evidence_is_even(project, runner):
    write_source(project, "a", "Ningbo's R&D spending reached 35.2 billion yuan in 2023.")
    write_source(project, "b", "Ningbo's R&D spending reached 41.7 billion yuan in 2023.")
    [finding] = by_rule(report(runner), "SZ101")
    assert finding["favours"] is None and "undecided" in finding["diagnosis"]


def test_figures_in_different_currencies_agree_once_converted(project, runner):
    write_source(project, "a", "Ningbo's R&D spending reached 71.9 billion yuan in 2024.")
    write_source(project, "b", "Ningbo's R&D spending reached $10 billion in 2024.")
    data = report(runner)
    assert [f["rule"] for f in data["findings"]] == ["SZ111"]


def test_figures_in_different_currencies_that_disagree_warn_with_a_currency_cause(project, runner):
    write_source(project, "a", "Ningbo's R&D spending reached 71.9 billion yuan in 2024.")
    write_source(project, "b", "Ningbo's R&D spending reached $14 billion in 2024.")
    [finding] = by_rule(report(runner), "SZ104")
    assert finding["severity"] == "warning" and finding["causes"][0]["cause"] == "currency"


def test_share_of_gdp_recomputed_from_spending_and_gdp(project, runner):
    write_source(project, "a", "In 2024, Ningbo's R&D spending reached 48 billion yuan, accounting for 2.9 percent of the city's GDP.")
    write_source(project, "b", "Ningbo's GDP reached 1,814.8 billion yuan in 2024.")
    [finding] = by_rule(report(runner), "SZ205")
    assert finding["severity"] == "warning" and "2.64%" in finding["message"]


def test_share_of_gdp_that_holds_is_info(project, runner):
    write_source(project, "a", "In 2024, Ningbo's R&D spending reached 48 billion yuan, accounting for 2.64 percent of the city's GDP.")
    write_source(project, "b", "Ningbo's GDP reached 1,814.8 billion yuan in 2024.")
    [finding] = by_rule(report(runner), "SZ205")
    assert finding["severity"] == "info"


def test_percent_and_percentage_points_for_the_same_change_warn(project, runner):
    write_source(project, "a", "In 2024, Ningbo's R&D intensity rose 0.2 percentage points.")
    write_source(project, "b", "In 2024, Ningbo's R&D intensity rose 0.2%.")
    [finding] = by_rule(report(runner), "SZ105")
    assert finding["severity"] == "warning" and finding["causes"][0]["cause"] == "unit"
