"""verify on small corpora written in the tests: one behaviour each."""

from __future__ import annotations

import json

from conftest import write_source
from szcheck.cli import app


def verify(runner, *args):
    result = runner.invoke(app, ["verify", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def rules(report):
    return sorted(f["rule"] for f in report["findings"])


def test_agreeing_sources_exit_zero_with_a_corroboration(project, runner):
    write_source(project, "a", "Ningbo's R&D spending reached 35.2 billion yuan in 2023.")
    write_source(project, "b", "In 2023, the R&D expenditure of Ningbo was 35.2 billion yuan.")
    code, report = verify(runner)
    assert code == 0
    assert rules(report) == ["SZ110"]


def test_disjoint_values_for_the_same_period_are_an_error(project, runner):
    write_source(project, "a", "Ningbo's R&D spending reached 35.2 billion yuan in 2023.")
    write_source(project, "b", "Ningbo's R&D investment was 41.7 billion yuan in 2023.")
    code, report = verify(runner)
    assert code == 1
    [finding] = report["findings"]
    assert (finding["rule"], finding["entity"], finding["metric"], finding["period"]) == ("SZ101", "Ningbo", "rd_investment", "2023")


def test_different_periods_are_not_compared(project, runner):
    write_source(project, "a", "Ningbo's R&D spending reached 35.2 billion yuan in 2023.")
    write_source(project, "b", "Ningbo's R&D spending reached 28.1 billion yuan in 2020.")
    code, report = verify(runner)
    assert code == 0
    assert report["findings"] == []


def test_over_bound_does_not_contradict_a_larger_value(project, runner):
    write_source(project, "a", "By the end of 2024, sci-tech loans in Ningbo exceeded 500 billion yuan.")
    write_source(project, "b", "Technology loans in Ningbo reached 620 billion yuan by the end of 2024.")
    code, report = verify(runner)
    assert code == 0
    assert rules(report) == []  # consistent, but a bound does not corroborate a figure


def test_over_bound_contradicts_a_smaller_value(project, runner):
    write_source(project, "a", "By the end of 2024, sci-tech loans in Ningbo exceeded 500 billion yuan.")
    write_source(project, "b", "Technology loans in Ningbo reached 420 billion yuan by the end of 2024.")
    code, report = verify(runner)
    assert code == 1 and rules(report) == ["SZ101"]


def test_approximation_overlapping_an_exact_figure_agrees(project, runner):
    write_source(project, "a", "Ningbo's R&D spending was about 35 billion yuan in 2023.")
    write_source(project, "b", "Ningbo's R&D spending reached 35.9 billion yuan in 2023.")
    code, report = verify(runner)
    assert code == 0


def test_values_just_apart_are_a_near_miss_warning_not_an_error(project, runner):
    write_source(project, "a", "Ningbo's R&D spending reached 35.21 billion yuan in 2023.")
    write_source(project, "b", "Ningbo's R&D spending reached 35.24 billion yuan in 2023.")
    code, report = verify(runner)
    assert code == 0
    assert rules(report) == ["SZ103"]
    assert verify(runner, "--fail-on", "warning")[0] == 1


def test_inferred_period_only_warns(project, runner):
    write_source(project, "a", "Ningbo's R&D spending reached 35.2 billion yuan in 2024.", published="2025-03-01")
    write_source(project, "b", "Ningbo's R&D spending reached 41.7 billion yuan.", published="2025-04-01")
    code, report = verify(runner)
    assert code == 0
    [finding] = report["findings"]
    assert finding["rule"] == "SZ102" and "inferred" in finding["message"]


def test_unknown_metric_is_matched_by_its_noun_phrase(project, runner):
    write_source(project, "a", "As of June 2025, Ningbo had 1,250 specialized robotics startups.")
    write_source(project, "b", "As of June 2025, the city was home to 980 specialized robotics startups.", title="Ningbo startups")
    code, report = verify(runner)
    assert code == 1
    [finding] = report["findings"]
    assert (finding["entity"], finding["metric"]) == ("Ningbo", "specialized robotics startup")


def test_unknown_metric_in_one_source_is_not_compared_with_itself(project, runner):
    write_source(project, "a", "As of June 2025, Ningbo had 1,250 robotics startups, and its districts had 300 robotics startups.")
    write_source(project, "b", "Ningbo's R&D spending reached 35.2 billion yuan in 2023.")
    code, report = verify(runner)
    assert code == 0 and report["findings"] == []


def test_fuzzily_matching_noun_phrases_only_warn(project, runner):
    write_source(project, "a", "As of June 2025, Ningbo had 1,250 specialised robotics startups.")
    write_source(project, "b", "As of June 2025, Ningbo had 980 specialized robotics startups.")
    code, report = verify(runner)
    assert code == 0
    [finding] = report["findings"]
    assert finding["rule"] == "SZ102" and "fuzzy" in finding["message"]


def test_a_scale_slip_is_diagnosed(project, runner):
    write_source(project, "a", "The city set up a 5 billion yuan seed fund.")
    write_source(project, "b", "The city set up a 50 billion yuan seed fund.")
    code, report = verify(runner)
    assert code == 1
    assert "10^1" in report["findings"][0]["diagnosis"]


def test_the_entity_comes_from_the_article_not_a_default(project, runner):
    write_source(project, "a", "Hangzhou is a city of makers. The city's R&D investment reached 70.1 billion yuan in 2023.")
    from szcheck.extract import extract_claims
    from szcheck.sources import read_source

    claims = extract_claims(read_source(project / "sources" / "a.txt", project))
    assert {c.entity for c in claims} == {"Hangzhou"}


def test_a_registry_fund_mentioned_in_passing_does_not_become_the_articles_subject(project):
    from szcheck.extract import extract_claims
    from szcheck.sources import read_source

    write_source(project, "a", "Ningbo's R&D spending reached 35.2 billion yuan in 2023. Ningbo also set up a seed fund. "
                               "The city had 1,250 robotics startups as of June 2025.")
    claims = extract_claims(read_source(project / "sources" / "a.txt", project))
    by_value = {c.value: c.entity for c in claims if not c.is_description}
    assert by_value == {"35.2 billion yuan": "Ningbo", "1,250": "Ningbo"}


def test_a_common_noun_alias_means_the_registry_entity_only_in_an_article_about_its_place(project):
    from szcheck.extract import extract_claims
    from szcheck.sources import read_source

    write_source(project, "a", "Hangzhou's R&D spending reached 74.2 billion yuan in 2024. Hangzhou set up a 2 billion yuan seed fund. "
                               "The Hangzhou Innovation Fund, a 10-billion-yuan government guidance fund, opened in 2021.")
    write_source(project, "b", "Shenzhen's R&D spending reached 245.31 billion yuan in 2024. Shenzhen set up a 2 billion yuan seed fund.")
    sizes = {c.entity: c.value for path in ("a", "b") for c in extract_claims(read_source(project / "sources" / f"{path}.txt", project))
             if c.metric == "fund_size"}
    assert sizes == {"Hangzhou seed fund": "2 billion yuan", "Hangzhou Innovation Fund": "10-billion-yuan",
                     "Shenzhen Sci-Tech Seed Fund": "2 billion yuan"}


def test_a_company_opening_the_sentence_is_the_entity_of_its_figures(project):
    from szcheck.extract import extract_claims
    from szcheck.sources import read_source

    write_source(project, "a", "Hangzhou's R&D spending reached 74.2 billion yuan in 2024. Alibaba, headquartered in Hangzhou, "
                               "reported revenue of 941.2 billion yuan. The company employs about 204,000 people. "
                               "Enterprises contributed 93.3 percent of this investment.")
    by_value = {c.value: c.entity for c in extract_claims(read_source(project / "sources" / "a.txt", project)) if not c.is_description}
    assert by_value == {"74.2 billion yuan": "Hangzhou", "941.2 billion yuan": "Alibaba", "204,000": "Alibaba",
                        "93.3 percent": "Hangzhou enterprises"}  # the enterprises' share, not the city's


def test_comparisons_and_changes_keep_their_metric_and_period(project):
    from szcheck.extract import extract_claims
    from szcheck.sources import read_source

    write_source(project, "a", "Suzhou's industrial output grew 4.5% last year, slower than the 6.2% pace in 2023. "
                               "Suzhou plans to lift R&D spending to 4.2% of GDP by 2027, up from 4.1% in 2023. "
                               "Foreign direct investment fell 12% year on year to $6.2 billion.",
                 published="2025-02-20", title="Why Suzhou matters")
    claims = {c.value: c for c in extract_claims(read_source(project / "sources" / "a.txt", project)) if not c.is_description}
    assert {c.entity for c in claims.values()} == {"Suzhou"}
    assert (claims["4.5%"].metric, claims["4.5%"].period) == ("industrial_output.growth", "2024")
    assert (claims["6.2%"].metric, claims["6.2%"].period) == ("industrial_output.growth", "2023")
    assert (claims["4.2%"].metric, claims["4.2%"].period) == ("rd_intensity", "2027")
    assert (claims["4.1%"].metric, claims["4.1%"].period) == ("rd_intensity", "2023")
    assert claims["$6.2 billion"].metric == "fdi"
    assert (claims["12%"].metric, claims["12%"].quantity.value) == ("fdi.growth", -12)


def test_figures_that_name_nothing_get_no_key_and_are_never_compared(project, runner):
    write_source(project, "a", "Ningbo reported 35.2 billion yuan in 2023.")
    write_source(project, "b", "Ningbo reported 41.7 billion yuan in 2023.")
    code, report = verify(runner)
    assert code == 0 and report["findings"] == []
    assert runner.invoke(app, ["extract"]).exit_code == 0
    written = (project / "claims" / "a.yaml").read_text(encoding="utf-8")
    assert "  metric: ''\n" in written
    assert verify(runner)[1]["findings"] == []  # the claims file reads back: still nothing compared
    listing = runner.invoke(app, ["claims"])
    assert listing.exit_code == 0 and "(none: not compared)" in listing.output


def test_a_person_gives_an_unnamed_figure_a_metric_and_it_is_compared(project, runner):
    write_source(project, "a", "Ningbo reported 35.2 billion yuan in 2023.")
    write_source(project, "b", "Ningbo's revenue was 41.7 billion yuan in 2023.")
    assert runner.invoke(app, ["extract"]).exit_code == 0
    path = project / "claims" / "a.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  metric: ''\n", "  metric: revenue\n"), encoding="utf-8")
    code, report = verify(runner)
    assert code == 1 and rules(report) == ["SZ101"]
