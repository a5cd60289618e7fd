"""Entity descriptions on small corpora: a description that belongs to something else is caught."""

from __future__ import annotations

import json

from conftest import write_source
from szcheck.cli import app

GLOSSARY = """
Acme Robotics raised money this year.

Acme Robotics

Acme Robotics is {description}
"""


def findings(runner, rule):
    result = runner.invoke(app, ["verify", "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    return [f for f in json.loads(result.stdout)["findings"] if f["rule"] == rule]


def test_company_described_as_a_hospital_is_an_error(project, runner):
    write_source(project, "news", "Acme Robotics reported revenue of 3 billion yuan in 2024. Acme Robotics shipped 20,000 robots in 2024.")
    write_source(project, "other", "Acme Robotics employs 4,000 people, and Acme Robotics reported a profit in 2024.")
    write_source(project, "glossary", GLOSSARY.format(description="a public hospital founded in 1950 that treats patients in Ningbo."))
    [finding] = findings(runner, "SZ301")
    assert finding["severity"] == "error" and finding["entity"] == "Acme Robotics"
    assert (finding["described_as"], finding["used_as"]) == ("hospital", "company")
    assert "public hospital" in finding["claims"][0]["quote"]


def test_correct_description_is_not_flagged(project, runner):
    write_source(project, "news", "Acme Robotics reported revenue of 3 billion yuan in 2024. Acme Robotics shipped 20,000 robots in 2024.")
    write_source(project, "glossary", GLOSSARY.format(description="a robotics company founded in 2015 in Ningbo."))
    assert findings(runner, "SZ301") == []


def test_different_founding_years_across_sources_are_an_error(project, runner):
    write_source(project, "a", "Acme Robotics is a robotics company founded in 2015.")
    write_source(project, "b", "Acme Robotics is a robotics company established in 2012.")
    [finding] = findings(runner, "SZ302")
    assert finding["years"] == ["2012", "2015"]


def test_entity_with_no_usage_context_gives_no_finding(project, runner):
    write_source(project, "glossary", GLOSSARY.format(description="a charitable organization founded in 2001."))
    assert findings(runner, "SZ301") == [] and findings(runner, "SZ302") == []


def test_compatible_categories_are_not_a_mismatch(project, runner):
    write_source(project, "news", "Acme Life reported revenue of 3 billion yuan in 2024. Later Acme Life reported a profit.")
    write_source(project, "glossary", "Intro.\n\nAcme Life\n\nAcme Life is an insurance company based in Ningbo.")
    assert findings(runner, "SZ301") == []


def test_place_boilerplate_in_a_description_is_a_warning(project, runner):
    write_source(project, "glossary", "Intro.\n\nAcme Life\n\nAcme Life is not a specific place or cultural site, but an insurance company.")
    [finding] = findings(runner, "SZ303")
    assert finding["severity"] == "warning" and finding["entity"] == "Acme Life"


def test_one_description_in_several_sources_is_one_finding(project, runner):
    write_source(project, "news", "Acme Robotics reported revenue of 3 billion yuan in 2024. Acme Robotics shipped 20,000 robots in 2024.")
    wrong = GLOSSARY.format(description="a public hospital founded in 1950 that treats patients in Ningbo.")
    for name in ("glossary", "reprint", "wire"):
        write_source(project, name, wrong)
    [finding] = findings(runner, "SZ301")
    described = [c for c in finding["claims"] if c["metric"] == "description"]
    assert sorted(c["source"] for c in described) == ["sources/glossary.txt", "sources/reprint.txt", "sources/wire.txt"]
    assert "2 other source(s) give the same description" in finding["message"]
    assert finding["uses"] == 2 and len(finding["claims"]) == 5


def test_a_text_published_twice_gets_its_hygiene_findings_twice(project, runner):
    damaged = "Acme Robotics said revenue rose.   It  shipped   20,000 robots in 2024, and  more  were  made.\n"
    write_source(project, "first", damaged)
    write_source(project, "second", damaged)
    result = runner.invoke(app, ["verify", "--format", "json", "--fail-on", "never"])
    hygiene = [f for f in json.loads(result.stdout)["findings"] if f["rule"].startswith("SZ5")]
    by_source = {}
    for finding in hygiene:
        by_source.setdefault(finding["claims"][0]["source"], []).append((finding["rule"], finding["message"].split(" line ")[1]))
    assert set(by_source) == {"sources/first.txt", "sources/second.txt"}
    assert by_source["sources/first.txt"] == by_source["sources/second.txt"] != []
