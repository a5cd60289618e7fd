"""Article text, front matter and file names are untrusted: every report format prints them as
text in its own syntax, and the report's structure stays intact (a hostile corpus per format)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import assert_tables_are_whole
import yaml

from szcheck.cli import app
from test_render_formats import sarif_validator

HOSTILE = ("said <script>alert(1)</script> and <img src=x onerror=alert(2)>, [click](javascript:alert(3)) | a `tick` "
           "\x1b]0;pwned\x07 \x1b[8mhidden\x1b[0m \x1b]52;c;ZXZpbA==\x07 ::error file=a::x ::add-mask::secret $x$ **bold** &amp;")
NAMES = ("[blink reverse]x [link=javascript:alert(1)]`|a.txt", 'q"],b ::error file=z::w.txt')
FIGURES = ("35.2", "41.7")


@pytest.fixture
def hostile(project):
    for name, figure in zip(NAMES, FIGURES):
        front = "---\ntitle: '<script>t</script>'\npublished: 2025-06-01\npublisher: 'news | <script>k</script> `x`'\n---\n"
        text = f"Ningbo's R&D spending reached {figure} billion yuan in 2023, {HOSTILE}.\n"
        (project / "sources" / name).write_text(front + text, encoding="utf-8")
    return project


def report(runner, output_format):
    result = runner.invoke(app, ["verify", "-f", output_format, "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.stdout


def assert_no_control_text(text):
    assert "\x1b" not in text and "\x07" not in text
    assert not any(line.lstrip().startswith("::") for line in text.splitlines())


def test_markdown_report_keeps_its_structure(hostile, runner):
    from markdown_it import MarkdownIt

    text = report(runner, "markdown")
    assert_no_control_text(text)
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    inline = [child for token in tokens for child in (token.children or [])]
    anchors = ('<a id="finding-', '<a id="source-hygiene">')  # the report's own anchors
    assert not [t for t in tokens + inline if t.type.startswith("html") and not any(a in t.content for a in anchors)
                and t.content not in ("<sub>", "</sub>", "</a>")]
    assert all(t.attrs.get("href", "").startswith(("#finding-", "#source-hygiene")) for t in inline if t.type == "link_open")
    assert not [t for t in inline if t.type == "code_inline" and "script" in t.content]
    assert_tables_are_whole(tokens)
    rendered = "".join(t.content for t in inline if t.type in ("text", "code_inline"))
    assert "<script>alert(1)</script>" in rendered and "[click](javascript:alert(3))" in rendered  # shown, as text
    charts = re.findall(r"```mermaid\n(.*?)```", text, re.S)
    assert charts  # the file names are chart labels too
    for chart in charts:
        labels = re.search(r"x-axis \[(.*)\]", chart).group(1)
        assert labels.count('"') // 2 == len(re.search(r"bar \[(.*)\]", chart).group(1).split(","))


def test_junit_report_keeps_its_structure(hostile, runner):
    text = report(runner, "junit")
    assert_no_control_text(text)
    root = ET.fromstring(text)
    cases = root.find("testsuite").findall("testcase")
    assert len(cases) == int(root.get("tests")) and [c for c in cases if c.find("failure") is not None]
    assert all(element.tag in ("testsuites", "testsuite", "testcase", "failure", "skipped") for element in root.iter())
    failure = next(c.find("failure") for c in cases if c.find("failure") is not None)
    assert "<script>alert(1)</script>" in failure.text  # the text, as text: XML escaped it


@pytest.mark.parametrize("output_format", ["json", "sarif"])
def test_json_and_sarif_keep_their_structure(hostile, runner, output_format):
    text = report(runner, output_format)
    assert_no_control_text(text)
    data = json.loads(text)
    if output_format == "json":
        assert "\x1b]0;pwned" in data["findings"][0]["claims"][0]["quote"]  # kept as it is, JSON-escaped
    else:
        assert sarif_validator().is_valid(data)
        uris = [loc["physicalLocation"]["artifactLocation"]["uri"] for r in data["runs"][0]["results"] for loc in r["locations"]]
        assert uris and all(re.fullmatch(r"[A-Za-z0-9\-._~/%]+", uri) for uri in uris)
        assert "sources/%5Bblink%20reverse%5Dx%20%5Blink%3Djavascript%3Aalert%281%29%5D%60%7Ca.txt" in uris


def test_github_annotations_are_one_command_each(hostile, runner):
    text = report(runner, "github")
    assert "\x1b" not in text
    lines = text.splitlines()
    assert lines and all(re.match(r"::(error|warning|notice) file=[^:]*(,line=\d+,col=\d+(,endColumn=\d+)?)?,title=[^:]+::", line)
                         for line in lines)
    assert any(line.startswith('::error file=sources/q"]%2Cb %3A%3Aerror file=z%3A%3Aw.txt,line=') for line in lines)


def test_concise_lines_are_one_per_finding(hostile, runner):
    text = report(runner, "concise")
    assert_no_control_text(text)
    *findings, summary = text.splitlines()
    assert findings and all(re.match(r"sources/.*:\d+:\d+: SZ\d{3} \[(error|warning|info)\] ", line) for line in findings)
    assert summary.startswith("2 sources, ")


def test_terminal_report_prints_markup_and_escapes_literally(hostile, runner):
    text = report(runner, "rich")
    assert_no_control_text(text)
    assert "[blink reverse]x [link=javascript:alert(1)]`|a" in text  # the file name, not rich markup
    assert "\\x1b]0;pwned" in text


def test_markup_in_an_entity_or_a_baseline_reason_is_text(hostile, runner):
    assert runner.invoke(app, ["extract"]).exit_code == 0
    for path in (hostile / "claims").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for claim in data["claims"]:
            claim["entity"] = "[/] [bold]Ningbo[/bold] [link=javascript:x]"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert runner.invoke(app, ["verify", "--write-baseline", "b.yaml", "--reason", "[/] known [red]"]).exit_code == 0
    for args in (["verify", "-f", "rich", "--baseline", "b.yaml"], ["claims"], ["timeline", "rd_investment"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0 and result.exception is None or isinstance(result.exception, SystemExit), (args, result.output)
        assert "[/] [bold]Ningbo[/bold]" in result.stdout, args
    assert "accepted: [/] known [red]" in runner.invoke(app, ["verify", "-f", "rich", "--baseline", "b.yaml"]).stdout


def test_file_names_that_would_forge_output_are_refused(project, runner):
    (project / "sources" / "a\n::error file=x::forged.txt").write_text("Ningbo's R&D spending reached 35.2 billion yuan in 2023.\n",
                                                                       encoding="utf-8")
    (project / "sources" / "b\x1b[31m.txt").write_text("Wuhan's R&D spending reached 3.2 billion yuan in 2023.\n", encoding="utf-8")
    for output_format in ("concise", "json", "markdown", "junit", "sarif", "github", "rich"):
        result = runner.invoke(app, ["verify", "-f", output_format])
        assert result.exit_code == 2
        assert_no_control_text(result.stdout + result.stderr)
        assert "sources/a\\x0a::error file=x::forged.txt: file name has control characters; rename it" in result.stderr


def test_extract_messages_are_literal(hostile, runner):
    result = runner.invoke(app, ["extract"])
    assert result.exit_code == 0
    assert_no_control_text(result.stdout)
    assert "wrote claims/[blink reverse]x [link=javascript:alert(1)]`|a.yaml" in result.stdout
