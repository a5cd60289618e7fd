"""Bad input: every case is a clear one-line message (file:line where there is one), the right exit
code, no traceback, and nothing the user wrote is lost."""

from __future__ import annotations

import json
import os

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import write_source
from szcheck.claims import load_claims_file, merge_claims, write_atomically
from szcheck.cli import app
from szcheck.errors import SzcheckError
from szcheck.sources import read_source

SENTENCE = "Ningbo's R&D spending reached 35.2 billion yuan in 2023."


def run(runner, *args):
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    return result


def claims_file(project, claims, name="a"):
    body = {"source": f"sources/{name}.txt", "claims": claims}
    (project / "claims" / f"{name}.yaml").write_text(yaml.safe_dump(body, allow_unicode=True), encoding="utf-8")


def claim(**changes):
    return {"id": "x", "entity": "Ningbo", "metric": "rd_investment", "value": "35.2 billion yuan", **changes}


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (claim(line="seven"), "'line' must be a whole number"),
        (claim(entity=["a", "b"]), "'entity' must be text, not list"),
        ({"id": "x", "metric": "rd_investment", "value": "35.2 billion yuan"}, "missing required key 'entity'"),
        (claim(value="35.2 billion zorkmids"), "reads as count, but metric 'rd_investment' takes money"),
        (claim(kind="guess"), "kind 'guess' is not one of"),
    ],
    ids=["wrong-type-int", "wrong-type-list", "missing-key", "unknown-unit", "unknown-kind"],
)
def test_bad_claims_are_exit_2_with_file_and_line(project, runner, entry, message):
    write_source(project, "a", SENTENCE)
    claims_file(project, [entry])
    result = run(runner, "verify")
    assert result.exit_code == 2
    [error] = result.stderr.strip().splitlines()
    assert message in error and error.startswith("szcheck: error: claims/a.yaml:")


def test_claims_file_pointing_outside_the_project_is_refused(project, runner):
    write_source(project, "a", SENTENCE)
    (project / "claims" / "evil.yaml").write_text("source: ../../etc/passwd\nclaims: []\n", encoding="utf-8")
    result = run(runner, "verify")
    assert result.exit_code == 2 and "outside the project" in result.output


def test_huge_and_deeply_nested_yaml_are_refused(project, runner):
    write_source(project, "a", SENTENCE)
    (project / "claims" / "a.yaml").write_text("source: sources/a.txt\nclaims: " + "[" * 50 + "]" * 50 + "\n", encoding="utf-8")
    result = run(runner, "verify")
    assert result.exit_code == 2 and "nesting deeper" in result.output
    (project / "claims" / "a.yaml").write_text("source: sources/a.txt\n# " + "x" * (11 * 2**20) + "\nclaims: []\n", encoding="utf-8")
    result = run(runner, "verify")
    assert result.exit_code == 2 and "larger than" in result.output


def test_quote_no_longer_in_its_source_is_a_finding_not_a_crash(project, runner):
    write_source(project, "a", SENTENCE)
    claims_file(project, [claim(quote="A sentence the article never had.")])
    result = run(runner, "verify", "-f", "json", "--fail-on", "never")
    assert result.exit_code == 0
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["SZ401"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Caf\xe9 revenue rose 5% in 2024.".encode("latin-1"), "not UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
    ids=["latin-1", "binary"],
)
def test_unreadable_sources_are_exit_2_naming_the_file(project, runner, content, message):
    (project / "sources" / "bad.txt").write_bytes(content)
    result = run(runner, "verify")
    assert result.exit_code == 2 and "sources/bad.txt" in result.output and message in result.output


@pytest.mark.parametrize(
    "content",
    ["", "\n\n", "A sentence with no figures at all.\n", "Mixed 深圳 scripts and \x07 control \x1b characters: 5 firms.\n",
     "word " * 200_000 + "\n"],
    ids=["empty", "blank", "no-figures", "control-characters", "very-long-line"],
)
def test_odd_but_valid_sources_are_read(project, runner, content):
    (project / "sources" / "odd.txt").write_text(content, encoding="utf-8")
    result = run(runner, "verify", "-q")
    assert result.exit_code == 0


def test_utf16_and_gb18030_sources_are_read(project, runner):
    (project / "sources" / "a.txt").write_bytes(("---\npublished: 2025-01-01\n---\n" + SENTENCE).encode("utf-16"))
    (project / "sources" / "b.txt").write_bytes("---\npublished: 2025-01-01\n---\n宁波研发投入2023年达到352亿元。".encode("gb18030"))
    result = run(runner, "claims", "-f", "json")
    assert result.exit_code == 0
    assert {c["text"] for c in json.loads(result.stdout)} >= {"35.2 billion yuan", "352亿元"}


def test_symlink_pointing_outside_the_project_is_refused(project, runner, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "secret.txt"
    outside.write_text(SENTENCE, encoding="utf-8")
    os.symlink(outside, project / "sources" / "link.txt")
    result = run(runner, "verify")
    assert result.exit_code == 2 and "outside the project" in result.output


def test_a_file_where_a_folder_is_expected(project, runner):
    (project / "notafolder").write_text("x", encoding="utf-8")
    result = run(runner, "verify", "--sources", "notafolder")
    assert result.exit_code == 2 and "is a file, not a folder" in result.output


def test_unwritable_output_path(project, runner):
    write_source(project, "a", SENTENCE)
    result = run(runner, "verify", "-f", "json", "-o", "no/such/folder/report.json")
    assert result.exit_code == 2 and "cannot write" in result.output


def test_interrupted_write_leaves_the_old_claims_file_intact(tmp_path, monkeypatch):
    target = tmp_path / "a.yaml"
    target.write_text("old content\n", encoding="utf-8")

    def crash(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, "new content\n")
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]  # no temporary file left behind


def test_hand_written_claim_without_checksum_is_kept(project, runner):
    write_source(project, "a", SENTENCE)
    claims_file(project, [claim(quote=SENTENCE, period="2023", note_to_self="ignored key")])
    assert run(runner, "extract").exit_code == 0
    kept = yaml.safe_load((project / "claims" / "a.yaml").read_text(encoding="utf-8"))["claims"]
    assert any(c["id"] == "x" and "checksum" not in c for c in kept)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_fuzz_claims_loader_raises_only_its_own_error(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fuzz") / "c.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        load_claims_file(path)
    except SzcheckError:
        pass


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)


@settings(max_examples=80, deadline=None)
@given(st.dictionaries(st.sampled_from(["id", "entity", "metric", "value", "period", "qualifier", "kind", "line", "status", "quote", "x"]), yaml_values))
def test_fuzz_random_claims_raise_only_its_own_error(tmp_path_factory, entry):
    path = tmp_path_factory.mktemp("fuzz") / "c.yaml"
    path.write_text(yaml.safe_dump({"source": "sources/a.txt", "claims": [entry]}), encoding="utf-8")
    try:
        load_claims_file(path)
    except SzcheckError:
        pass


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_fuzz_source_reader_raises_only_its_own_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "s.txt"
    path.write_bytes(data)
    try:
        read_source(path)
    except SzcheckError:
        pass


def test_merge_keeps_claims_a_person_added(tmp_path):
    from szcheck.model import Claim

    mine = Claim(id="mine", source="sources/a.txt", entity="Ningbo", metric="rd_investment", value="1 yuan", quote="not in the text")
    result = merge_claims([mine], [], body="other text")
    assert [(c.id, c.status) for c in result.claims] == [("mine", "stale")] and result.stale == ["mine"]
    quoted = Claim(id="mine", source="sources/a.txt", entity="Ningbo", metric="rd_investment", value="1 yuan", quote="other text")
    assert merge_claims([quoted], [], body="other text").kept == ["mine"]
