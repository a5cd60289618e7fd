"""Parallel and incremental extraction: same output with any number of jobs; unchanged sources skipped."""

from __future__ import annotations

import shutil

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SOURCES, write_source
from szcheck.cli import app


SENTENCE = "Ningbo's R&D spending reached 35.2 billion yuan in 2023."


def forbid(monkeypatch, target: str, what: str) -> None:
    """Make `target` (a dotted name) fail the test if it is called."""

    def called(*args):
        raise AssertionError(f"{what} again")

    monkeypatch.setattr(target, called)


def claims_texts(project):
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((project / "claims").glob("*.yaml"))}


def test_jobs_2_and_jobs_1_write_identical_claims_files(project, runner, tmp_path_factory):
    for source in SOURCES.glob("*.txt"):
        shutil.copy(source, project / "sources" / source.name)
    assert runner.invoke(app, ["extract", "--jobs", "1"]).exit_code == 0
    single = claims_texts(project)
    shutil.rmtree(project / "claims")
    assert runner.invoke(app, ["extract", "--jobs", "2"]).exit_code == 0
    assert claims_texts(project) == single and len(single) == 5


def test_unchanged_source_is_skipped_and_changed_one_reextracted(project, runner):
    write_source(project, "a", SENTENCE)
    write_source(project, "b", "Hangzhou's R&D spending reached 70.1 billion yuan in 2023.")
    runner.invoke(app, ["extract"])
    write_source(project, "b", "Hangzhou's R&D spending reached 71.3 billion yuan in 2023.")
    result = runner.invoke(app, ["extract"])
    lines = dict(line.split(" ", 1) for line in result.output.strip().splitlines())
    assert lines["skipped"].startswith("claims/a.yaml")
    assert lines["wrote"].startswith("claims/b.yaml")
    assert "71.3 billion yuan" in (project / "claims" / "b.yaml").read_text(encoding="utf-8")


def test_verify_on_an_unchanged_corpus_redoes_no_extraction(project, runner, monkeypatch):
    write_source(project, "a", SENTENCE)
    runner.invoke(app, ["extract"])
    forbid(monkeypatch, "szcheck.extract.extract_claims", "extracted")
    assert runner.invoke(app, ["verify", "-q"]).exit_code == 0
    assert "skipped" in runner.invoke(app, ["extract"]).output


def test_unchanged_claims_files_are_not_parsed_again(project, runner, monkeypatch):
    write_source(project, "a", SENTENCE)
    runner.invoke(app, ["extract"])
    first = runner.invoke(app, ["verify", "-f", "json"]).stdout
    assert list((project / ".szcheck_cache" / "claims").glob("*.json"))
    forbid(monkeypatch, "szcheck.claims.parse_yaml", "parsed")
    assert runner.invoke(app, ["verify", "-f", "json"]).stdout == first
    monkeypatch.setenv("SZCHECK_NO_CACHE", "1")
    uncached = runner.invoke(app, ["verify", "-f", "json"])
    assert isinstance(uncached.exception, AssertionError)  # the cache really was what spared the parse


def test_an_edited_claims_file_is_parsed_afresh(project, runner):
    write_source(project, "a", SENTENCE)
    runner.invoke(app, ["extract"])
    runner.invoke(app, ["verify", "-q"])
    path = project / "claims" / "a.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("35.2 billion yuan", "a lot"), encoding="utf-8")
    result = runner.invoke(app, ["verify", "-q"])
    assert result.exit_code == 2 and "cannot read a figure in value 'a lot'" in result.output


def test_verify_right_after_extract_parses_no_yaml(project, runner, monkeypatch):
    write_source(project, "a", SENTENCE)
    runner.invoke(app, ["extract"])
    forbid(monkeypatch, "szcheck.claims.parse_yaml", "parsed")
    result = runner.invoke(app, ["verify", "-f", "json"])
    assert result.exit_code == 0 and '"claims": 1,' in result.stdout


def test_the_parse_extract_caches_is_what_parsing_the_file_gives():
    from szcheck.claims import parse_yaml, parsed_form, render_data

    paths = sorted((SOURCES.parent / "claims").glob("*.yaml"))
    assert len(paths) == 5
    for path in paths:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        assert render_data(data) == text  # the committed files are exactly what extract renders
        assert parsed_form(text, data) == parse_yaml(text)


quote_text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=120)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.fixed_dictionaries({"id": quote_text, "entity": quote_text, "metric": quote_text, "value": quote_text,
                                       "quote": quote_text, "line": st.integers(1, 10**6), "column": st.integers(1, 10**4)}),
                min_size=0, max_size=4))
def test_parsed_form_matches_parse_yaml_for_any_text(entries):
    from szcheck.claims import parse_yaml, parsed_form, render_data

    data = {"source": "sources/a.txt", "source_sha256": "0" * 64, "extracted_with": "szcheck test", "claims": entries}
    text = render_data(data)
    assert parsed_form(text, data) == parse_yaml(text)


def test_extract_and_verify_leave_the_cycle_collector_as_they_found_it(project, runner):
    import gc

    write_source(project, "a", SENTENCE)
    assert gc.isenabled()
    runner.invoke(app, ["extract"])
    runner.invoke(app, ["verify", "-q"])
    assert gc.isenabled()
    gc.disable()
    try:
        runner.invoke(app, ["verify", "-q"])
        assert not gc.isenabled()
    finally:
        gc.enable()
