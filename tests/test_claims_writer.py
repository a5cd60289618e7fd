"""The claims-file writer: the same bytes PyYAML writes, read back by PyYAML as the same data."""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from szcheck import claims_writer
from szcheck.claims import HEADER, WRITTEN_FIELDS, parse_yaml, render_data, without_lines

KEYWORDS = ["yes", "Yes", "YES", "no", "No", "NO", "y", "Y", "n", "N", "on", "On", "ON", "off", "Off", "OFF", "true",
            "True", "false", "FALSE", "null", "Null", "NULL", "~", "<<", "=", "-", "?", ":", "#", "!", "&a", "*a", "|", ">",
            "%", "@", "`", "---", "...", "--- x", "... x", ".inf", "-.Inf", ".NaN", ".5", "+1", "-1", "1e3", "1.5e+3", "1_000",
            "0x10", "0o17", "0b101", "017", "12:30", "1:20:30", "190:20:30.15", "2024-01-01", "2024-1-1", "2001-12-14t21:59:43.10-05:00",
            "2024-01-01 10:00:00", "'", '"', "''", "- a", "-a", "? a", "?a", ":a", "a:", "a: b", "a:b", "a #b", "a#b", "#a",
            "[a]", "{a: b}", "a, b", "a ,b", "%YAML", "@a", " a", "a ", "  ", " ", "a  b", "a\tb", "\t", "a\nb", "\n", "a\n",
            "\n\na", "a \n b", "\u00a0a", "a\u00a0", "\u2028", "a\u2029b", "\x85", "\ufeff", "\x00", "\x7f", "\x1b[31m", "😀",
            "a😀 b", "中文", "深圳", "研发投入2236.6亿元", "增长8.5%，", "“引号”", "：", "。", "\u3000", "ｆｕｌｌ"]
ALPHABET = list(" -:#'\",[]{}?!&*|>%@`~.\t\n\r\\") + list("aZ09") + list("中文元亿。，：“”\u00a0\u3000😀\x85\u2028")


def spaced(words: list[str]) -> str:
    return " ".join(words)


words = st.text(st.sampled_from(list("abcxyz'#:-中文")), min_size=0, max_size=14)
hostile = st.one_of(
    st.sampled_from(KEYWORDS),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=60),
    st.text(st.sampled_from(ALPHABET), max_size=40),
    st.lists(words, max_size=60).map(spaced),  # long lines with spaces, folded at the width
    st.lists(st.sampled_from(KEYWORDS), min_size=1, max_size=4).map("".join),
    st.lists(st.sampled_from(KEYWORDS), min_size=1, max_size=40).map(spaced),
    st.integers(-10**30, 10**30).map(str),
    st.floats(allow_nan=False).map(str),
    st.text(st.sampled_from("ab "), min_size=90, max_size=300),  # runs of spaces around the width
)
scalar = st.one_of(hostile, st.integers(-10**12, 10**12))
field_names = st.sampled_from(WRITTEN_FIELDS)


@st.composite
def claim_entries(draw) -> dict:
    """A claim as claims_file_data writes it: known fields in their order, any text in them."""
    names = [name for name in WRITTEN_FIELDS if draw(st.booleans())] or ["id"]
    return {name: draw(scalar) for name in names}


@st.composite
def claims_data(draw) -> dict:
    data = {"source": draw(hostile), "source_sha256": draw(st.one_of(st.text("0123456789abcdef", min_size=64, max_size=64), hostile)),
            "extracted_with": "szcheck 0.1.0"}
    if draw(st.booleans()):
        data[draw(st.sampled_from(["reviewer", "notes", "yes", "a b", "x: y"]))] = draw(
            st.one_of(scalar, st.lists(scalar, max_size=3), st.dictionaries(st.sampled_from(["note", "by", "x y", "yes"]), scalar, max_size=2), st.none(), st.booleans()))
    entries = draw(st.lists(claim_entries(), max_size=5))
    if entries and draw(st.booleans()):  # keys a person added to a claim
        entries[0][draw(st.sampled_from(["note", "reviewer", "1", "x y", "id2"]))] = draw(
            st.one_of(scalar, st.lists(scalar, max_size=2), st.none(), st.booleans(),
                      st.floats(allow_nan=False)))  # NaN reads back as NaN, which is not equal to itself
    data["claims"] = entries
    return data


def pyyaml_text(data: dict, dumper=claims_writer.DUMPER) -> str:
    """What render_data wrote before the dedicated writer: PyYAML's dumper."""
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)


@settings(max_examples=300, deadline=None)
@given(claims_data())
def test_writer_writes_the_bytes_pyyaml_writes(data):
    assert claims_writer.render_claims_yaml(data) == pyyaml_text(data)


@settings(max_examples=150, deadline=None)
@given(claims_data())
def test_pyyaml_reads_back_what_the_writer_wrote(data):
    text = HEADER + claims_writer.render_claims_yaml(data)
    assert yaml.safe_load(text) == data
    assert without_lines(parse_yaml(text)) == data


@settings(max_examples=100, deadline=None)
@given(st.lists(hostile, min_size=1, max_size=8))
def test_every_string_in_every_field_is_written_as_pyyaml_writes_it(values):
    for name in WRITTEN_FIELDS:
        data = {"source": values[0], "claims": [{name: value} for value in values]}
        assert claims_writer.render_claims_yaml(data) == pyyaml_text(data)


@contextmanager
def pure_python_emitter():
    """The writer on PyYAML's pure-Python emitter, as where libyaml is not installed."""
    libyaml = claims_writer.DUMPER
    claims_writer.DUMPER = yaml.SafeDumper
    claims_writer.claim_line.cache_clear()
    try:
        yield yaml.SafeDumper
    finally:
        claims_writer.DUMPER = libyaml
        claims_writer.claim_line.cache_clear()


@settings(max_examples=100, deadline=None)
@given(claims_data())
def test_writer_writes_what_the_pure_python_emitter_writes_without_libyaml(data):
    with pure_python_emitter() as dumper:
        assert claims_writer.render_claims_yaml(data) == pyyaml_text(data, dumper)


def test_an_empty_claims_list_is_written_as_pyyaml_writes_it():
    data = {"source": "sources/a.txt", "source_sha256": "", "extracted_with": "szcheck 0.1.0", "claims": []}
    assert claims_writer.render_claims_yaml(data) == pyyaml_text(data)


def test_committed_claims_files_are_written_byte_for_byte():
    paths = sorted((ROOT / "claims").glob("*.yaml"))
    assert len(paths) == 5
    for path in paths:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        assert render_data(data) == text == HEADER + pyyaml_text(data)


def test_a_fresh_extract_of_the_test_corpus_is_written_byte_for_byte(tmp_path):
    from szcheck.api import extract_paths

    shutil.copytree(ROOT / "tests" / "corpus" / "articles", tmp_path / "sources")
    (tmp_path / "szcheck.yaml").write_text("", encoding="utf-8")
    outcomes = extract_paths([tmp_path / "sources"], tmp_path / "claims", tmp_path)
    assert len(outcomes) >= 20
    for outcome in outcomes:
        text = Path(outcome.claims_file).read_text(encoding="utf-8")
        assert text == HEADER + pyyaml_text(yaml.safe_load(text))
