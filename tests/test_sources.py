"""Sources: front matter, datelines and encodings."""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from szcheck.errors import SzcheckError
from szcheck.sources import read_source, sentences


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ("Shenzhen Government Online\nUpdated: 2018-08-09\n", date(2018, 8, 9)),
        (" date 2025-09-02 Shenzhen-HK cluster tops ranking\n", date(2025, 9, 2)),
        ("21st Century Herald·2025-05-13 11:00\n", date(2025, 5, 13)),
        ("Shenzhen News Network, September 15, 2025 In the ranking...\n", date(2025, 9, 15)),
        ("深圳新闻网 2025年9月15日\n", date(2025, 9, 15)),
    ],
)
def test_publication_date_from_dateline(tmp_path, top, expected):
    path = tmp_path / "a.txt"
    path.write_text(top + "Shenzhen's R&D spending grew.\n", encoding="utf-8")
    source = read_source(path)
    assert (source.published, source.published_from) == (expected, "dateline")


def test_front_matter_wins_and_body_is_kept_exactly(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: T\npublished: 2025-01-02\nkind: official\n---\nUpdated: 2018-08-09\nBody  text.\n", encoding="utf-8")
    source = read_source(path)
    assert (source.published, source.published_from, source.kind) == (date(2025, 1, 2), "front matter", "official")
    assert source.body == "Updated: 2018-08-09\nBody  text.\n"
    assert source.body_offset_line == 6


def test_undated_source_has_no_date(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Shenzhen's R&D spending grew last year.\n", encoding="utf-8")
    assert read_source(path).published is None


def test_bad_front_matter_names_the_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("---\ntitle: [oops\n---\nBody.\n", encoding="utf-8")
    with pytest.raises(SzcheckError) as error:
        read_source(path)
    assert "invalid front matter" in str(error.value) and error.value.line


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_chinese_text_in_other_encodings_is_read(tmp_path, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes("深圳研发投入达到2236.61亿元。\n".encode(encoding))
    assert "2236.61亿元" in read_source(path).body


def test_latin1_and_binary_are_refused_clearly(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 revenue rose 5%.\n".encode("latin-1"))
    with pytest.raises(SzcheckError, match="not UTF-8"):
        read_source(latin)
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02PNG")
    with pytest.raises(SzcheckError, match="binary"):
        read_source(binary)


def test_sentences_keep_line_and_column(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("---\npublished: 2025-01-01\n---\nFirst one. The U.S. dollar rose 5%. Next - Item two\n", encoding="utf-8")
    found = [(s.line, s.column, s.text) for s in sentences(read_source(path))]
    assert found == [(4, 1, "First one."), (4, 12, "The U.S. dollar rose 5%."), (4, 37, "Next"), (4, 44, "Item two")]


def test_glossary_heading_sets_the_section(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Intro sentence.\n\nPing An Life\n\nPing An Life is an insurer founded in 1988.\n", encoding="utf-8")
    sections = [s.section for s in sentences(read_source(path))]
    assert sections == ["", "Ping An Life"]


def test_truncated_utf16_is_refused_clearly(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xfe\xff\x00A\x00")
    with pytest.raises(SzcheckError, match="not valid UTF-16"):
        read_source(path)


front_matter_keys = st.one_of(st.from_regex(r"[A-Za-z_][A-Za-z0-9_-]{0,8}", fullmatch=True), st.sampled_from(["no", "NO", "on", "y", "null"]))
front_matter_values = st.one_of(
    st.text(max_size=30),
    st.dates().map(str),
    st.sampled_from(["yes", "no", "null", "NO", "on", "Off", "~", "1e3", "0x1F", "1_000", "12:30", "2024-01-01 10:00", "3.5", "-1", ".inf",
                     "<<", "=", " a", "a ", "'q'", "a #b", "a: b", "a:", "深圳 Shenzhen News", "2025-9-2"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(front_matter_keys, front_matter_values), min_size=1, max_size=4))
def test_simple_front_matter_reads_what_yaml_reads_or_leaves_it_to_yaml(pairs):
    from szcheck.sources import simple_front_matter

    text = "\n".join(f"{key}: {value}" for key, value in pairs)
    fast = simple_front_matter(text)
    assert fast is None or fast == yaml.load(text, Loader=yaml.SafeLoader)


def test_simple_front_matter_takes_the_usual_header():
    from szcheck.sources import simple_front_matter

    assert simple_front_matter("title: 深圳 tops the index\npublished: 2025-09-02\nkind: official") == {
        "title": "深圳 tops the index", "published": date(2025, 9, 2), "kind": "official"}


def test_chinese_text_is_split_into_sentences_at_its_full_stops():
    from szcheck.sources import split_sentences

    text = "合肥市2024年地区生产总值1.35万亿元。同比增长5.8%！他说：“很好。”然后离开。"
    assert [sentence for _, sentence in split_sentences(text)] == [
        "合肥市2024年地区生产总值1.35万亿元。", "同比增长5.8%！", "他说：“很好。”", "然后离开。"]
    assert all(text[offset:].startswith(sentence) for offset, sentence in split_sentences(text))


def test_each_chinese_sentence_is_read_on_its_own_and_its_fronted_year_holds_for_the_paragraph():
    from szcheck.extract import extract_claims
    from pathlib import Path

    from szcheck.model import Source

    body = "2023年，合肥市研发投入达554亿元。全市新增高新技术企业2800家。"
    source = Source(path=Path("sources/hefei.txt"), id="hefei", body=body, body_offset_line=1, meta={})
    claims = extract_claims(source)
    assert [(c.value, c.period, c.period_basis) for c in claims] == [("554亿元", "2023", "stated"), ("2800", "2023", "context")]
    assert claims[1].quote == "全市新增高新技术企业2800家。"


def test_an_abbreviated_month_before_a_day_ends_no_sentence():
    from szcheck.sources import split_sentences

    assert [s for _, s in split_sentences("HEFEI, Jan. 22 -- Hefei grew 5.8 percent. It ended in Jan. The next one.")] == [
        "HEFEI, Jan. 22 -- Hefei grew 5.8 percent.", "It ended in Jan.", "The next one."]


def test_a_dateline_day_is_not_a_figure(project, runner):
    import json

    from conftest import write_source
    from szcheck.cli import app

    write_source(project, "hefei", "HEFEI, Jan. 22 -- Hefei's GDP grew 5.8 percent in 2024, the city said.", published="2025-01-23")
    claims = json.loads(runner.invoke(app, ["claims", "-f", "json"]).output)
    assert [c["value"] for c in claims] == [5.8]
