"""Verdicts a fact-checker can trust: agreement only for equal values or roundings, levels only
where the text says so, one finding per disagreeing cluster, revisions, self-contradictions."""

from __future__ import annotations

import json

import pytest

from conftest import write_source
from szcheck.cli import app


def report(runner):
    result = runner.invoke(app, ["verify", "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def rules(data):
    return sorted(f["rule"] for f in data["findings"])


@pytest.mark.parametrize("first, second", [
    ("1.3 trillion yuan", "1.4 trillion yuan"),
    ("1 trillion yuan", "1.4 trillion yuan"),
])
def test_gdp_figures_that_only_touch_or_overlap_are_not_corroborated(project, runner, first, second):
    write_source(project, "a", f"Wuhu's GDP was {first} in 2024.")
    write_source(project, "b", f"Wuhu's GDP was {second} in 2024.")
    assert "SZ110" not in rules(report(runner))


def test_touching_roundings_are_a_conflict(project, runner):
    write_source(project, "a", "Wuhu's GDP was 1.3 trillion yuan in 2024.")
    write_source(project, "b", "Wuhu's GDP was 1.4 trillion yuan in 2024.")
    assert rules(report(runner)) == ["SZ101"]


def test_one_significant_digit_overlapping_a_precise_figure_is_no_finding(project, runner):
    write_source(project, "a", "Wuhu's R&D intensity was 4 percent in 2024.")
    write_source(project, "b", "Wuhu's R&D intensity was 4.4 percent in 2024.")
    assert rules(report(runner)) == []


def test_adjacent_two_decimal_shares_are_a_near_miss_not_an_agreement(project, runner):
    write_source(project, "a", "Wuhu's R&D intensity was 6.46% in 2024.")
    write_source(project, "b", "Wuhu's R&D intensity was 6.47% in 2024.")
    assert rules(report(runner)) == ["SZ103"]


def test_a_whole_percent_is_read_to_its_last_digit(project, runner):
    write_source(project, "a", "Wuhu's R&D intensity was 40% in 2024.")
    write_source(project, "b", "Wuhu's R&D intensity was 44% in 2024.")
    assert rules(report(runner)) == ["SZ101"]


@pytest.mark.parametrize("first, second", [
    ("3.47 billion yuan", "about 3.5 billion yuan"),
    ("57.96 billion yuan", "58 billion yuan"),
    ("35.2 billion yuan", "35.2 billion yuan"),
])
def test_equal_values_and_roundings_are_corroborated(project, runner, first, second):
    write_source(project, "a", f"Wuhu's R&D spending was {first} in 2024.")
    write_source(project, "b", f"Wuhu's R&D spending was {second} in 2024.")
    assert rules(report(runner)) == ["SZ110"]


def test_a_compound_figure_with_digits_is_that_figure_and_a_tenfold_slip_is_caught(project, runner):
    write_source(project, "a", "Hefei set up the 10 billion yuan Hefei Future Industry Fund in 2023.")
    write_source(project, "b", "The Hefei Future Industry Fund, a 1-billion-yuan fund, invests in chips.")
    [finding] = report(runner)["findings"]
    assert (finding["rule"], finding["severity"]) == ("SZ101", "error")
    assert {"cause": "scale", "factor": 10.0, "power": 1} in finding["causes"]


def test_bare_scale_words_and_the_level_suffix_stay_levels(project, runner):
    write_source(project, "a", "Wuhu set up the Wuhu Angel Fund, a billion-yuan fund for start-ups.")
    write_source(project, "b", "Wuhu set up the Wuhu Angel Fund, a 10-billion-yuan level fund for start-ups.")
    [finding] = report(runner)["findings"]
    assert finding["rule"] == "SZ101"
    assert {c["qualifier"] for c in finding["claims"]} == {"level"}


def test_a_cluster_of_agreeing_values_is_one_side_and_near_misses_are_apart(project, runner):
    write_source(project, "a", "Wuhu's R&D spending was 51.3 billion yuan in 2024.")
    write_source(project, "b", "Wuhu's R&D spending was 51.36 billion yuan in 2024.")
    write_source(project, "c", "Wuhu's R&D spending was 58 billion yuan in 2024.")
    write_source(project, "d", "Wuhu's R&D spending was 57.96 billion yuan in 2024.")
    data = report(runner)
    assert rules(data) == ["SZ101", "SZ103"]
    [conflict] = [f for f in data["findings"] if f["rule"] == "SZ101"]
    assert [side["sources"] for side in conflict["sides"]] == [["sources/a.txt", "sources/b.txt"], ["sources/c.txt", "sources/d.txt"]]
    assert conflict["message"].count("58 billion yuan") == 1 and " but " in conflict["message"]
    assert conflict["message"].split(" but ")[1].startswith('"58 billion yuan" / "57.96 billion yuan"')
    [near] = [f for f in data["findings"] if f["rule"] == "SZ103"]
    assert {c["text"] for c in near["claims"]} == {"51.3 billion yuan", "51.36 billion yuan"}


def test_a_scale_slip_of_ten_thousand_says_how_far_apart_in_plain_digits(project, runner):
    write_source(project, "a", "Wuhu's R&D spending was 51.3 billion yuan in 2024.")
    write_source(project, "b", "Wuhu's R&D spending was 5.13 million yuan in 2024.")
    [conflict] = [f for f in report(runner)["findings"] if f["rule"] in ("SZ101", "SZ102")]
    assert "(10,000× apart)" in conflict["message"] and "e+" not in conflict["message"]


def test_a_headline_and_body_that_disagree_are_a_self_contradiction(project, runner):
    write_source(project, "a", """
        Wuhu's R&D spending hit 42.8 billion yuan in 2024

        In 2024, Wuhu's R&D spending reached 48.2 billion yuan, the city's statistics bureau said.
        """)
    [finding] = report(runner)["findings"]
    assert (finding["rule"], finding["name"], finding["severity"]) == ("SZ106", "self-contradiction", "error")
    assert "(line 6)" in finding["message"] and "(line 8)" in finding["message"]


def test_a_rounded_headline_is_no_self_contradiction(project, runner):
    write_source(project, "a", """
        Wuhu's R&D spending hit 48 billion yuan in 2024

        In 2024, Wuhu's R&D spending reached 48.2 billion yuan, the city's statistics bureau said.
        """)
    assert rules(report(runner)) == []


def test_a_preliminary_figure_against_the_final_one_is_a_revision_warning(project, runner):
    write_source(project, "a", "The preliminary estimate put Wuhu's GDP at 512.3 billion yuan in 2024.", published="2025-03-01")
    write_source(project, "b", "After final verification, Wuhu's GDP in 2024 was 518.6 billion yuan.", published="2025-09-01")
    [finding] = report(runner)["findings"]
    assert (finding["rule"], finding["severity"]) == ("SZ107", "warning")
    assert finding["causes"][0]["cause"] == "revision"
    assert finding["favours"] == "518.6 billion yuan"


def test_a_revision_within_one_article_is_no_self_contradiction(project, runner):
    write_source(project, "a", "The preliminary estimate put Wuhu's GDP at 512.3 billion yuan in 2024. "
                               "In the revised data, Wuhu's GDP in 2024 was 518.6 billion yuan.")
    [finding] = report(runner)["findings"]
    assert (finding["rule"], finding["severity"], finding["favours"]) == ("SZ107", "warning", "518.6 billion yuan")


def test_unmarked_figures_that_disagree_stay_an_error(project, runner):
    write_source(project, "a", "Wuhu's GDP was 512.3 billion yuan in 2024.")
    write_source(project, "b", "Wuhu's GDP in 2024 was 518.6 billion yuan.")
    assert rules(report(runner)) == ["SZ101"]


@pytest.mark.parametrize("text, stage", [
    ("The preliminary estimate put GDP at 5.0%", "preliminary"),
    ("Initial figures showed sales of 3.1 billion", "preliminary"),
    ("The preliminary estimate was 5.0%, later revised to 5.2%", "revised"),
    ("According to final data, output grew 5.2%", "final"),
    ("Output grew 5.2% in 2024", ""),
    ("地区生产总值初步核算为5123亿元", "preliminary"),
    ("经最终核实为5186亿元", "final"),
])
def test_revision_stage_is_the_nearest_marking_word_before_the_figure(text, stage):
    from szcheck.reader.revisions import revision_stage

    assert revision_stage(text, len(text) - 4) == stage


def test_the_revision_stage_is_written_to_the_claims_file_only_when_set(project, runner):
    write_source(project, "a", "The preliminary estimate put Wuhu's GDP at 512.3 billion yuan in 2024. Wuhu's R&D spending was 20.1 billion yuan in 2024.")
    assert runner.invoke(app, ["extract"]).exit_code == 0
    text = (project / "claims" / "a.yaml").read_text(encoding="utf-8")
    assert text.count("revision: preliminary") == 1 and text.count("revision:") == 1
    assert runner.invoke(app, ["verify", "--fail-on", "never"]).exit_code == 0


def growth_findings(data):
    return [f for f in data["findings"] if f["rule"] == "SZ201"]


def test_a_growth_rate_within_the_figures_precision_holds_and_is_reported_once(project, runner):
    write_source(project, "a", "Wuhu's R&D spending reached 1.35 billion yuan in 2024, up 6.1% year on year.")
    write_source(project, "b", "In 2024, Wuhu's R&D spending rose 6.1% to 1.35 billion yuan.")
    write_source(project, "c", "Wuhu's R&D spending was 1.27 billion yuan in 2023.")
    [finding] = growth_findings(report(runner))
    assert finding["severity"] == "info"
    assert "6.30%" in finding["message"] and "5.49–7.11%" in finding["message"]
    assert len({c["source"] for c in finding["claims"]}) == 3


def test_a_growth_rate_outside_the_figures_precision_warns(project, runner):
    write_source(project, "a", "Wuhu's R&D spending reached 1.35 billion yuan in 2024, up 8.1% year on year.")
    write_source(project, "c", "Wuhu's R&D spending was 1.27 billion yuan in 2023.")
    [finding] = growth_findings(report(runner))
    assert finding["severity"] == "warning" and "does not match" in finding["message"]


def test_gdp_growth_is_real_and_not_recomputed_from_nominal_figures(project, runner):
    write_source(project, "a", "Wuhu's GDP reached 1.35 trillion yuan in 2024, up 8.1% year on year.")
    write_source(project, "c", "Wuhu's GDP was 1.27 trillion yuan in 2023.")
    assert growth_findings(report(runner)) == []


def test_growth_checks_are_not_quadratic_in_repeated_figures():
    import time

    from szcheck.checks.arithmetic import check_growth
    from szcheck.reader.figures import read_value
    from szcheck.model import Claim

    def claim(i, value, period, metric, kind):
        c = Claim(id=f"c{i}", source=f"s{i % 50}.txt", entity="Wuhu", metric=metric, value=value, period=period, kind=kind)
        c.quantity = read_value(value, "exact", kind)
        return c

    claims = [claim(i, "6.1%", "2024", "rd_investment.growth", "growth") for i in range(3000)]
    claims += [claim(i, "1.27 billion yuan", "2023", "rd_investment", "amount") for i in range(3000)]
    claims += [claim(i, f"1.{3000 + i} billion yuan", "2024", "rd_investment", "amount") for i in range(3000)]
    series = {("Wuhu", "rd_investment.growth"): claims[:3000], ("Wuhu", "rd_investment"): claims[3000:]}
    began = time.perf_counter()
    [finding] = check_growth(series)
    assert time.perf_counter() - began < 5
    assert finding.rule == "SZ201" and "and 2877 more" in finding.message  # 120 of the 3000 ends fit


def rule_findings(data, rule):
    return [f for f in data["findings"] if f["rule"] == rule]


def test_shares_of_a_split_whole_that_do_not_make_100_percent_are_an_error(project, runner):
    write_source(project, "a", "In 2024, Wuhu's industrial revenue was split between chips at 58%, new energy vehicles at 32% "
                               "and software at 20%.")
    [finding] = rule_findings(report(runner), "SZ206")
    assert finding["severity"] == "error" and "110" in finding["message"]


def test_shares_of_a_split_whole_that_make_100_percent_hold(project, runner):
    write_source(project, "a", "In 2024, Wuhu's industrial revenue was split between chips at 48%, new energy vehicles at 32% "
                               "and software at 20%.")
    [finding] = rule_findings(report(runner), "SZ206")
    assert finding["severity"] == "info"


def test_parts_stop_at_the_end_of_their_list(project, runner):
    write_source(project, "a", "As of 2024, Ningbo had a talent pool of 2.1 million, including 1.5 million skilled workers and "
                               "0.5 million professionals; the city also drew 0.9 million new residents.")
    [finding] = rule_findings(report(runner), "SZ203")
    assert finding["severity"] == "info" and len(finding["claims"]) == 3


def test_parts_are_not_pooled_across_repeats_of_a_sentence(project, runner):
    sentence = "As of 2024, Ningbo had a talent pool of 2.1 million, including 1.5 million skilled workers and 0.5 million professionals."
    write_source(project, "a", f"{sentence}\n\nOther news followed.\n\n{sentence}")
    findings = rule_findings(report(runner), "SZ203")
    assert findings and all(f["severity"] == "info" for f in findings)


def test_a_total_a_thousand_times_below_its_series_is_a_scale_outlier(project, runner):
    write_source(project, "a", "Wuhu's GDP was 512.3 billion yuan in 2023.")
    write_source(project, "b", "Wuhu's GDP was 540.1 billion yuan in 2025.")
    write_source(project, "c", "Wuhu's GDP reached 525.8 million yuan in 2024.")
    [finding] = rule_findings(report(runner), "SZ207")
    assert finding["severity"] == "warning" and finding["period"] == "2024"
    assert finding["causes"] == [{"cause": "scale", "power": -3, "series": 526200000000.0}]


@pytest.mark.parametrize("slip, power", [("52.58 billion yuan", 1), ("5.258 billion yuan", 2), ("525.8 million yuan", 3)])
def test_a_conflict_off_by_a_power_of_ten_is_diagnosed_against_the_series(project, runner, slip, power):
    write_source(project, "a", "Wuhu's GDP was 512.3 billion yuan in 2023.")
    write_source(project, "b", "Wuhu's GDP was 525.8 billion yuan in 2024.")
    write_source(project, "c", f"Wuhu's GDP reached {slip} in 2024.")
    [finding] = rule_findings(report(runner), "SZ101")
    [scale] = [c for c in finding["causes"] if c["cause"] == "scale"]
    assert (scale["power"], scale["fits"]) == (power, "525.8 billion yuan")
    assert finding["favours"] == "525.8 billion yuan"


def test_figures_that_follow_their_series_are_no_outlier(project, runner):
    write_source(project, "a", "Wuhu's GDP was 512.3 billion yuan in 2023.")
    write_source(project, "b", "Wuhu's GDP reached 525.8 billion yuan in 2024.")
    assert rule_findings(report(runner), "SZ207") == []


def test_every_rule_is_in_the_readme_table_and_explained(runner):
    from pathlib import Path

    from szcheck.checks import all_rules

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for code, rule in all_rules().items():
        assert f"| {code} | {rule.name} |" in readme, code
    for code in ("SZ106", "SZ107", "SZ206", "SZ207"):
        result = runner.invoke(app, ["explain", code])
        assert result.exit_code == 0 and code in result.output
    assert "merely overlap" in runner.invoke(app, ["explain", "SZ110"]).output


def test_a_self_contradiction_lists_its_sides_like_a_conflict(project, runner):
    write_source(project, "a", """
        Wuhu's R&D spending hit 42.8 billion yuan in 2024

        In 2024, Wuhu's R&D spending reached 48.2 billion yuan, the city's statistics bureau said.
        """)
    [finding] = report(runner)["findings"]
    assert [side["value"] for side in finding["sides"]] == ["42.8 billion yuan", "48.2 billion yuan"]
    assert all(side["sources"] == ["sources/a.txt"] for side in finding["sides"])



def profit_causes(project, runner, first: str, second: str) -> list[dict]:
    """The causes diagnosed for two sources stating one profit differently."""
    write_source(project, "a", f"Maren Line's net profit was {first} in 2024.")
    write_source(project, "b", f"Maren Line's net profit was {second} in 2024.")
    return [cause for finding in report(runner)["findings"] for cause in finding.get("causes", [])]


@pytest.mark.parametrize("first, second", [("612 million dollars", "621 million dollars"), ("9.95 million tonnes", "9.59 million tonnes")])
def test_two_neighbouring_digits_swapped_are_diagnosed_as_a_typing_slip(project, runner, first, second):
    [cause] = [c for c in profit_causes(project, runner, first, second) if c["cause"] == "transposition"]
    assert sorted(cause["values"]) == sorted([first, second])


@pytest.mark.parametrize("first, second", [
    ("612 million dollars", "623 million dollars"),  # two digits differ, not swapped
    ("1.3 billion dollars", "3.1 billion dollars"),  # swapped across the point: not neighbours
    ("612 million dollars", "621 billion dollars"),  # another scale word
])
def test_other_differences_are_no_transposition(project, runner, first, second):
    assert "transposition" not in [c["cause"] for c in profit_causes(project, runner, first, second)]
