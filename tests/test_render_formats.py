"""SARIF, JUnit and GitHub Actions renderers: golden files on the bundled corpus, the SARIF schema, escaping.

Regenerate the golden files after an intended change in the findings or the formats:
`pytest tests/test_render_formats.py --update-goldens`, then review the diff.
"""

from __future__ import annotations

import copy
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from conftest import assert_tables_are_whole

from szcheck.api import verify
from szcheck.checks import all_rules
from szcheck.model import Claim, Finding, Report
from szcheck.render.github import escape_data, escape_property, render_github
from szcheck.render.junit import render_junit
from szcheck.render.sarif import render_sarif

TESTS = Path(__file__).resolve().parent
GOLDEN = TESTS / "golden"
SCHEMA = TESTS / "data" / "sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}

COMMAND = re.compile(
    r"^::(?P<command>error|warning|notice) "
    r"(?:file=(?P<file>[^,:\r\n]+),line=(?P<line>\d+),col=(?P<col>\d+)(?:,endColumn=(?P<end>\d+))?,)?"
    r"title=(?P<title>[^,:\r\n]+)::(?P<message>[^\r\n]*)$"
)


@pytest.fixture
def corpus(corpus_project) -> Report:
    return verify(Path("sources"), Path("claims"), Path.cwd())


def sarif_validator():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def claim(source="sources/a.txt", value="1.5 billion yuan", line=3, column=7, quote="It spent 1.5 billion yuan.", **kw) -> Claim:
    return Claim(id=kw.pop("id", "c1"), source=source, entity="Acme", metric="revenue", value=value, period="2024",
                 quote=quote, line=line, column=column, **kw)


def finding(severity="error", message="Acme revenue 2024 disagrees", claims=(), rule="SZ101", name="value-conflict", **kw) -> Finding:
    return Finding(rule=rule, name=name, severity=severity, message=message, claims=tuple(claims),
                   entity="Acme", metric="revenue", period="2024", id=kw.pop("id", "0123456789ab"), **kw)


def report_of(*findings: Finding) -> Report:
    return Report(sources=[], claims=[c for f in findings for c in f.claims], findings=list(findings))


# --- golden files on the bundled corpus -------------------------------------------------------------


@pytest.mark.parametrize("name, render", [
    ("corpus.sarif", render_sarif),
    ("corpus.junit.xml", render_junit),
    ("corpus.github.txt", render_github),
])
def test_corpus_output_matches_golden_file(corpus, update_goldens, name, render):
    text = render(corpus)
    golden = GOLDEN / name
    if update_goldens:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8", newline="\n")
    assert golden.is_file(), f"{golden} is missing; run pytest --update-goldens"
    assert text == golden.read_text(encoding="utf-8"), f"{name} changed; if intended, run pytest --update-goldens and review the diff"


def test_renderers_are_deterministic(corpus_project):
    first = verify(Path("sources"), Path("claims"), Path.cwd())
    second = verify(Path("sources"), Path("claims"), Path.cwd())
    for render in (render_sarif, render_junit, render_github):
        assert render(first) == render(second)


# --- SARIF -------------------------------------------------------------------------------------------


def test_corpus_sarif_is_valid_against_the_sarif_2_1_0_schema(corpus):
    log = json.loads(render_sarif(corpus))
    errors = sorted(sarif_validator().iter_errors(log), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def test_schema_rejects_what_sarif_does_not_allow(corpus):
    """The stored schema really constrains results: SARIF has no level "info" and no region without a start."""
    validator = sarif_validator()
    log = json.loads(render_sarif(corpus))
    bad_level = copy.deepcopy(log)
    bad_level["runs"][0]["results"][0]["level"] = "info"
    assert not validator.is_valid(bad_level)
    bad_region = copy.deepcopy(log)
    del bad_region["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"]
    assert not validator.is_valid(bad_region)


def test_sarif_describes_every_rule(corpus):
    driver = json.loads(render_sarif(corpus))["runs"][0]["tool"]["driver"]
    rules = all_rules()
    assert driver["name"] == "szcheck"
    assert "informationUri" not in driver
    assert [r["id"] for r in driver["rules"]] == list(rules)
    for descriptor in driver["rules"]:
        rule = rules[descriptor["id"]]
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["fullDescription"]["text"] == descriptor["help"]["text"] == descriptor["help"]["markdown"] == rule.doc
        assert descriptor["defaultConfiguration"]["level"] == LEVELS[rule.severity]


def test_sarif_results_follow_the_findings(corpus):
    run = json.loads(render_sarif(corpus))["runs"][0]
    results = run["results"]
    assert len(results) == len(corpus.findings) > 0
    assert {r["level"] for r in results} == {LEVELS[f.severity] for f in corpus.findings}
    for result, found in zip(results, corpus.findings):
        assert result["ruleId"] == found.rule
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == found.rule
        assert result["level"] == LEVELS[found.severity]
        assert result["message"]["text"] == found.message
        assert result["partialFingerprints"] == {"szcheck/v2": found.id}
        assert result["properties"]["entity"] == found.entity
        assert result["properties"]["metric"] == found.metric
        assert result["properties"]["period"] == found.period
        assert result["properties"].get("details", {}) == json.loads(json.dumps(found.details))
        assert len(result["locations"]) == len(found.claims)


def test_sarif_regions_point_at_the_figure_in_the_source(corpus):
    """Open each location's file at its region: the text there is the claim's snippet."""
    checked = 0
    for result in json.loads(render_sarif(corpus))["runs"][0]["results"]:
        for location in result["locations"]:
            physical = location["physicalLocation"]
            assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
            uri = physical["artifactLocation"]["uri"]
            assert uri.startswith("sources/") and not Path(uri).is_absolute()
            region = physical["region"]
            if "snippet" not in region:
                continue
            line = Path(uri).read_text(encoding="utf-8").splitlines()[region["startLine"] - 1]
            assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == region["snippet"]["text"]
            checked += 1
    assert checked >= 20


def test_sarif_location_without_a_figure_has_no_span_or_snippet():
    anchor = claim(value="", quote="", line=1, column=1)
    log = json.loads(render_sarif(report_of(finding("warning", "undated", [anchor], rule="SZ501", name="undated-source"))))
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 1}
    assert sarif_validator().is_valid(log)


def test_description_claim_spans_its_sentence_not_its_phrase():
    """A description's column is where its sentence starts; the phrase it reads sits later in that sentence."""
    sentence = "Acme is a charitable foundation set up in 2013."
    described = claim(value="charitable foundation", quote=sentence, kind="description", line=4, column=1)
    report = report_of(finding("error", "Acme is described as a charity", [described], rule="SZ301", name="description-mismatch"))
    region = json.loads(render_sarif(report))["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 4, "startColumn": 1, "endColumn": 1 + len(sentence), "snippet": {"text": sentence}}
    assert f",col=1,endColumn={1 + len(sentence)}," in render_github(report)


def test_sarif_keeps_details_and_diagnosis_and_notes():
    found = finding(claims=[claim()], diagnosis="a factor of 10", details={"sides": [{"value": "1.5 billion yuan"}], "favours": None})
    report = report_of(found)
    report.notes.append("sources/a.txt: no claims file, extracted in memory")
    log = json.loads(render_sarif(report))
    properties = log["runs"][0]["results"][0]["properties"]
    assert properties["diagnosis"] == "a factor of 10"
    assert properties["details"] == {"sides": [{"value": "1.5 billion yuan"}], "favours": None}
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 7, "endColumn": 7 + len("1.5 billion yuan"), "snippet": {"text": "1.5 billion yuan"}}
    [notification] = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notification["message"]["text"] == "sources/a.txt: no claims file, extracted in memory"
    assert sarif_validator().is_valid(log)


def test_empty_report_is_a_valid_sarif_log_without_results():
    log = json.loads(render_sarif(report_of()))
    assert log["runs"][0]["results"] == []
    assert sarif_validator().is_valid(log)


# --- JUnit -------------------------------------------------------------------------------------------


def test_corpus_junit_counts_and_failures(corpus):
    root = ET.fromstring(render_junit(corpus))
    [suite] = root.findall("testsuite")
    assert suite.get("name") == "szcheck"
    cases = suite.findall("testcase")
    failing = corpus.count("error") + corpus.count("warning")
    assert 0 < failing < len(corpus.findings)  # the corpus has passing (info) findings too
    for element in (root, suite):
        assert element.get("tests") == str(len(corpus.findings)) == str(len(cases))
        assert element.get("failures") == str(failing)
        assert element.get("errors") == "0"
    assert sum(1 for case in cases if case.find("failure") is not None) == failing
    for case, found in zip(cases, corpus.findings):
        assert case.get("classname") == f"{found.rule}.{found.name}"
        assert case.get("name").endswith(f"[{found.id}]")
        failure = case.find("failure")
        if found.severity == "info":
            assert failure is None
            continue
        assert failure.get("type") == found.severity
        assert failure.get("message") == found.message
        for item in found.claims:
            assert f"{item.source}:{item.line}: {item.value}" in failure.text
        if found.diagnosis:
            assert found.diagnosis in failure.text


def test_junit_escapes_markup_and_drops_characters_xml_cannot_hold():
    message = 'R&D <spending> "quoted"\nsecond line\x0b end'
    root = ET.fromstring(render_junit(report_of(finding("warning", message, [claim(quote="a < b & c")]))))
    failure = root.find("testsuite/testcase/failure")
    assert failure.get("message") == 'R&D <spending> "quoted"\nsecond line end'
    assert "sources/a.txt:3: 1.5 billion yuan — a < b & c" in failure.text
    assert "<spending>" in root.find("testsuite/testcase").get("name")


def test_junit_of_an_empty_report_has_no_tests():
    suite = ET.fromstring(render_junit(report_of())).find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.findall("testcase")) == ("0", "0", [])


# --- GitHub Actions ----------------------------------------------------------------------------------


def test_escape_data():
    assert escape_data("100% sure\r\nnext, a: b") == "100%25 sure%0D%0Anext, a: b"
    assert escape_data("%0A") == "%250A"  # a literal "%0A" must not turn into a newline


def test_escape_property():
    assert escape_property("sources/a,b:c.txt") == "sources/a%2Cb%3Ac.txt"
    assert escape_property("50%\nx") == "50%25%0Ax"


def test_corpus_github_lines_are_workflow_commands(corpus):
    from szcheck.rules import shown_claims

    lines = render_github(corpus).splitlines()
    shown = {id(f): shown_claims(f)[0] for f in corpus.findings}  # a finding is annotated on the claims a report shows
    assert len(lines) == sum(len(shown[id(f)]) for f in corpus.findings)
    commands = {"error": "error", "warning": "warning", "info": "notice"}
    expected = [(commands[f.severity], c, f) for f in corpus.findings for c in shown[id(f)]]
    for line, (command, item, found) in zip(lines, expected):
        match = COMMAND.match(line)
        assert match, line
        assert match["command"] == command
        assert (match["file"], int(match["line"]), int(match["col"])) == (item.source, item.line, item.column)
        assert match["title"] == f"{found.rule} {found.name}"
        assert match["message"] == escape_data(found.message)


def test_github_escapes_message_and_properties():
    found = finding("warning", "Acme: 1.5, not 2\nsee 100%", [claim(source="sources/a,b:c.txt")])
    assert render_github(report_of(found)) == (
        "::warning file=sources/a%2Cb%3Ac.txt,line=3,col=7,endColumn=23,title=SZ101 value-conflict"
        "::Acme: 1.5, not 2%0Asee 100%25\n"
    )


def test_github_info_is_a_notice_and_a_finding_without_claims_still_shows():
    text = render_github(report_of(finding("info", "agrees", [claim()]), finding("error", "no place", [])))
    assert text.splitlines() == [
        "::notice file=sources/a.txt,line=3,col=7,endColumn=23,title=SZ101 value-conflict::agrees",
        "::error title=SZ101 value-conflict::no place",
    ]
    assert render_github(report_of()) == ""


def test_example_report_in_docs_is_current(corpus_project, runner, update_goldens):
    """docs/example-report.md is the markdown report of the bundled corpus; keep it current."""
    from szcheck.cli import app

    result = runner.invoke(app, ["verify", "-f", "markdown", "--date", "2025-12-31", "-o", "report.md"])
    assert result.exit_code == 1
    produced = (corpus_project / "report.md").read_text(encoding="utf-8")
    example = Path(__file__).resolve().parent.parent / "docs" / "example-report.md"
    if update_goldens:
        example.write_text(produced, encoding="utf-8")
    assert produced == example.read_text(encoding="utf-8")


def test_example_report_is_well_formed_markdown():
    """Every table row has its header's columns (no stray pipes), every contents link has its anchor,
    and every mermaid chart has as many bars as x-axis labels."""
    from markdown_it import MarkdownIt

    text = (Path(__file__).resolve().parent.parent / "docs" / "example-report.md").read_text(encoding="utf-8")
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    assert_tables_are_whole(tokens)
    links = re.findall(r"\]\(#([\w-]+)\)", text)
    assert links and all(f'<a id="{anchor}"></a>' in text for anchor in links)
    charts = re.findall(r"```mermaid\n(.*?)```", text, re.S)
    assert charts
    for chart in charts:
        labels = re.search(r"x-axis \[(.*)\]", chart).group(1)
        bars = re.search(r"bar \[(.*)\]", chart).group(1)
        assert labels.count('"') // 2 == len(bars.split(","))
