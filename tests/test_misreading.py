"""Input szcheck must never misread silently: legacy encodings, duplicate or look-alike keys, sources
that share a name, folder mistakes. Each is read correctly or refused in one line, exit 2."""

from __future__ import annotations

import json
import os

import pytest
import yaml

from conftest import write_source
from szcheck.cli import app

SENTENCE = "Ningbo's R&D spending reached 35.2 billion yuan in 2023."
JAPANESE = "東京都の研究開発費は2024年に5%増加しました。これは記録です。"


def run(runner, *args):
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output and "internal error" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def only_error(result) -> str:
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("szcheck: error: ")
    return line


# --- legacy encodings are not read as GB18030 mojibake ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "encoding", "named"),
    [
        ("Résumés: Nîmes revenue rose 5% in 2024, the café said.", "latin-1", "Latin-1"),
        ("\u201cShenzhen\u201d R&D rose 5% in 2024 \u2014 a record.", "cp1252", "Windows-1252"),
        (JAPANESE, "shift_jis", "Shift-JIS"),
        (JAPANESE, "euc_jp", "EUC-JP"),
        ("선전시의 연구개발 투자는 2024년에 5% 증가했습니다. 이것은 기록입니다.", "euc_kr", "EUC-KR"),
        ("台北市研究與發展投入在二零二四年增長百分之五，創下紀錄。國際科技創新中心。", "big5", "Big5"),
    ],
    ids=["latin-1", "cp1252", "shift-jis", "euc-jp", "euc-kr", "big5"],
)
def test_legacy_encodings_are_refused_naming_the_likely_one(project, runner, text, encoding, named):
    (project / "sources" / "legacy.txt").write_bytes(text.encode(encoding))
    result = run(runner, "verify")
    assert result.exit_code == 2
    error = only_error(result)
    assert error.startswith("szcheck: error: sources/legacy.txt:1: is not UTF-8 text") and f"({named}?)" in error


def test_chinese_in_gb18030_and_utf32_with_bom_are_read(project, runner):
    (project / "sources" / "zh.txt").write_bytes("深圳 Shenzhen 的研发投入2023年达到352亿元，A股上涨。".encode("gb18030"))
    (project / "sources" / "wide.txt").write_bytes(("---\npublished: 2025-01-01\n---\n" + SENTENCE).encode("utf-32"))
    result = run(runner, "claims", "-f", "json")
    assert result.exit_code == 0, result.output
    assert {c["text"] for c in json.loads(result.stdout)} >= {"35.2 billion yuan", "352亿元"}


def test_a_configured_encoding_reads_what_is_refused_otherwise(project, runner):
    (project / "sources" / "ja.txt").write_bytes(JAPANESE.encode("shift_jis"))
    (project / "szcheck.yaml").write_text('encodings: {"sources/ja.txt": shift_jis}\n', encoding="utf-8")
    assert run(runner, "verify").exit_code == 0


# --- claims files: duplicate keys, keys that are not text, absurd positions -------------------------


def claims_text(project, text: str, name: str = "a") -> None:
    write_source(project, name, SENTENCE)
    (project / "claims" / f"{name}.yaml").write_text(text, encoding="utf-8")


CLAIM = "- id: x\n  entity: Ningbo\n  metric: rd_investment\n  value: 35.2 billion yuan\n"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (f"source: sources/a.txt\nclaims:\n{CLAIM}  value: 41.7 billion yuan\n", 7, "duplicate key 'value' (first at line 6)"),
        (f"source: sources/a.txt\nclaims:\n{CLAIM}claims: []\n", 7, "duplicate key 'claims' (first at line 2)"),
        (f"source: sources/a.txt\nclaims:\n{CLAIM}  note: {{a: 1, a: 2}}\n", 7, "duplicate key 'a'"),
        (f"source: sources/a.txt\n1: x\nclaims:\n{CLAIM}", 2, "key '1' is not text (YAML reads it as int)"),
        (f"source: sources/a.txt\nnull: x\nclaims:\n{CLAIM}", 2, "key 'null' is not text (YAML reads it as null)"),
        (f"source: sources/a.txt\n2025-01-01: x\nclaims:\n{CLAIM}", 2, "key '2025-01-01' is not text (YAML reads it as timestamp)"),
        (f"source: sources/a.txt\nclaims:\n{CLAIM}  ｓｔａｔｕｓ: rejected\n", 7, "has invisible or full-width characters (it looks like 'status')"),
        (f"source: sources/a.txt\nclaims:\n{CLAIM}  sta\u200btus: rejected\n", 7, "it looks like 'status'"),
        (f"source: sources/a.txt\nclaims:\n{CLAIM}  line: -3\n", 3, "'line' must be between 0 and"),
        (f"source: sources/a.txt\nclaims:\n{CLAIM}  column: 99999999999999999999\n", 3, "not a 20-digit number"),
        (f"source: sources/a.txt\nclaims:\n{CLAIM}  line: {'7' * 5000}\n", 7, "is not a valid int"),
        (f"source: sources/a.txt\nclaims:\n{CLAIM}  period: 2025-02-30\n", 7, "'2025-02-30' is not a valid timestamp"),
        (f"source: sources/a.txt\nclaims:\n{CLAIM}  quote: !!timestamp soon\n", 7, "'soon' is not a valid timestamp"),
        (f"source: sources/a.txt\nclaims:\n{CLAIM}  quote: 2025-13-01\n", 7, "'2025-13-01' is not a valid timestamp"),
        (f"source: sources/a.txt\nclaims:\n{CLAIM}  line: !!int abc\n", 7, "'abc' is not a valid int"),
        (f"source: sources/a.txt\nclaims:\n{CLAIM}  column: !!float abc\n", 7, "'abc' is not a valid float"),
        (f"source: sources/a.txt\nclaims:\n{CLAIM}  status: !!bool abc\n", 7, "'abc' is not a valid bool"),
        (f"source: sources/a.txt\nclaims:\n{CLAIM}  __line__: 1\n", 7, "key '__line__' is reserved"),
    ],
    ids=["duplicate-value", "duplicate-claims-list", "duplicate-nested", "int-key", "null-key", "date-key", "full-width-key",
         "zero-width-key", "negative-line", "absurd-column", "5000-digit-line", "invalid-date", "bad-timestamp", "month-13-quote", "bad-int",
         "bad-float", "bad-bool", "reserved-key"],
)
def test_claims_files_that_would_be_misread_are_refused(project, runner, text, line, message):
    claims_text(project, text)
    result = run(runner, "verify")
    assert result.exit_code == 2
    error = only_error(result)
    assert error.startswith(f"szcheck: error: claims/a.yaml:{line}: ") and message in error, error


def test_quoted_keys_and_dates_are_text(project, runner):
    claims_text(project, f"source: sources/a.txt\nclaims:\n{CLAIM}  period: '2023'\n  quote: \"{SENTENCE}\"\n")
    assert run(runner, "verify").exit_code == 0


# --- front matter -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("a: &x [1, 2]\nb: *x\n", "YAML aliases (*name) are not allowed"),
        ("title: one\ntitle: two\n", "duplicate key 'title'"),
        ("published: 2025-02-30\n", "'2025-02-30' is not a valid timestamp"),
        ("published: 2025-13-01\n", "is not a valid timestamp"),
    ],
    ids=["alias", "duplicate", "invalid-day", "month-13"],
)
def test_front_matter_that_would_be_misread_is_refused(project, runner, front, message):
    (project / "sources" / "a.txt").write_text(f"---\n{front}---\n{SENTENCE}\n", encoding="utf-8")
    result = run(runner, "verify")
    assert result.exit_code == 2
    error = only_error(result)
    assert error.startswith("szcheck: error: sources/a.txt:") and message in error, error


def test_billion_laughs_in_front_matter_is_refused_quickly(project, runner):
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"] + [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
    (project / "sources" / "a.txt").write_text("---\n" + "\n".join(levels) + "\n---\n" + SENTENCE + "\n", encoding="utf-8")
    result = run(runner, "verify")
    assert result.exit_code == 2 and "aliases" in result.stderr


# --- sources that share a name each have their own claims file ----------------------------------------


def test_sources_with_the_same_stem_get_their_own_claims_files(project, runner):
    write_source(project, "a", SENTENCE)
    (project / "sources" / "sub").mkdir()
    (project / "sources" / "sub" / "a.txt").write_text("Wuhan's R&D spending reached 10.1 billion yuan in 2023.\n", encoding="utf-8")
    (project / "sources" / "a.md").write_text("Hefei's R&D spending reached 20.2 billion yuan in 2023.\n", encoding="utf-8")
    assert run(runner, "extract").exit_code == 0
    files = sorted(p.relative_to(project / "claims").as_posix() for p in (project / "claims").rglob("*.yaml"))
    assert files == ["a.txt.yaml", "a.yaml", "sub/a.yaml"]
    named = {p.relative_to(project / "claims").as_posix(): yaml.safe_load(p.read_text(encoding="utf-8"))["source"]
             for p in (project / "claims").rglob("*.yaml")}
    assert named == {"a.yaml": "sources/a.md", "a.txt.yaml": "sources/a.txt", "sub/a.yaml": "sources/sub/a.txt"}
    report = json.loads(run(runner, "verify", "-f", "json").stdout)
    assert report["notes"] == [] and report["input_errors"] == [] and report["summary"]["claims"] == 3
    assert "skipped" in run(runner, "extract").stdout  # a second run finds every file again


def test_an_existing_flat_claims_file_stays_valid(project, runner):
    write_source(project, "a", SENTENCE)
    assert run(runner, "extract").exit_code == 0
    before = (project / "claims" / "a.yaml").read_text(encoding="utf-8")
    (project / "sources" / "sub").mkdir()
    (project / "sources" / "sub" / "a.txt").write_text("Wuhan's R&D spending reached 10.1 billion yuan in 2023.\n", encoding="utf-8")
    assert run(runner, "extract", "--force").exit_code == 0
    assert (project / "claims" / "a.yaml").read_text(encoding="utf-8") == before
    assert yaml.safe_load((project / "claims" / "sub" / "a.yaml").read_text(encoding="utf-8"))["source"] == "sources/sub/a.txt"


def test_two_claims_files_for_one_source_are_an_error(project, runner):
    write_source(project, "a", SENTENCE)
    assert run(runner, "extract").exit_code == 0
    copy = (project / "claims" / "a.yaml").read_text(encoding="utf-8")
    (project / "claims" / "b.yaml").write_text(copy, encoding="utf-8")
    result = run(runner, "verify", "-f", "json")
    assert result.exit_code == 2
    assert "claims/b.yaml:1: names the same source (sources/a.txt) as claims/a.yaml" in only_error(result)
    assert json.loads(result.stdout)["summary"]["claims"] == 0  # neither file is picked silently
    extract = run(runner, "extract", "--force")
    assert extract.exit_code == 2 and "names the same source" in extract.stderr
    assert (project / "claims" / "b.yaml").read_text(encoding="utf-8") == copy


# --- folder mistakes ----------------------------------------------------------------------------------


def test_a_misspelt_claims_folder_is_an_error(project, runner):
    write_source(project, "a", SENTENCE)
    for command in ("verify", "claims"):
        result = run(runner, command, "--claims", "claimz")
        assert result.exit_code == 2 and "claimz: claims folder not found" in only_error(result)
    (project / "szcheck.yaml").write_text("claims: claimz\n", encoding="utf-8")
    assert run(runner, "verify").exit_code == 2


def test_a_claims_path_that_is_a_file_is_an_error(project, runner):
    write_source(project, "a", SENTENCE)
    (project / "claims").rmdir()
    (project / "claims").write_text("not a folder", encoding="utf-8")
    result = run(runner, "verify")
    assert result.exit_code == 2 and "claims: is a file, not a folder" in only_error(result)
    assert run(runner, "extract").exit_code == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_claims_is_an_error_not_a_hang(project, runner):
    write_source(project, "a", SENTENCE)
    os.mkfifo(project / "claims" / "a.yaml")
    result = run(runner, "verify")
    assert result.exit_code == 2 and "claims/a.yaml: is not a regular file" in only_error(result)


def test_links_pointing_outside_the_project_are_errors(project, runner, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere")
    (outside / "b.txt").write_text(SENTENCE, encoding="utf-8")
    write_source(project, "a", SENTENCE)
    os.symlink(outside, project / "sources" / "linked")
    result = run(runner, "verify")
    assert result.exit_code == 2 and "sources/linked: " in only_error(result) and "outside the project" in result.stderr
    os.unlink(project / "sources" / "linked")
    assert run(runner, "extract").exit_code == 0
    (outside / "a.yaml").write_text((project / "claims" / "a.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    os.unlink(project / "claims" / "a.yaml")
    os.symlink(outside / "a.yaml", project / "claims" / "a.yaml")
    result = run(runner, "verify")
    assert result.exit_code == 2 and "claims/a.yaml: claims file is a link to a file outside the project" in only_error(result)


# --- what used to be internal errors ------------------------------------------------------------------


def test_latin1_configuration_and_baseline_are_one_line_errors(project, runner):
    write_source(project, "a", SENTENCE)
    (project / "szcheck.yaml").write_bytes("# caf\xe9\nfail_on: error\n".encode("latin-1"))
    result = run(runner, "verify")
    assert result.exit_code == 2 and "szcheck.yaml:1: configuration is not UTF-8 text" in only_error(result)
    (project / "szcheck.yaml").write_text("# x\n", encoding="utf-8")
    (project / "b.yaml").write_bytes("accepted: []  # caf\xe9\n".encode("latin-1"))
    result = run(runner, "verify", "--baseline", "b.yaml")
    assert result.exit_code == 2 and "b.yaml:1: baseline is not UTF-8 text" in only_error(result)


def test_a_file_name_that_is_not_utf8_is_named_and_the_rest_read(project, runner):
    write_source(project, "a", SENTENCE)
    (project / "sources" / os.fsdecode(b"caf\xe9.txt")).write_text(SENTENCE, encoding="utf-8")
    for command in ("verify", "extract", "claims"):
        result = run(runner, command)
        assert result.exit_code == 2
        assert only_error(result) == "szcheck: error: sources/caf\\xe9.txt: file name is not UTF-8; rename it"
    assert (project / "claims" / "a.yaml").exists()


def test_a_figure_of_400_digits_is_read_without_crashing(project, runner):
    huge = "1" + "0" * 400
    write_source(project, "a", f"Ningbo's R&D spending reached {huge} yuan in 2023.")
    assert run(runner, "parse", f"Revenue reached {huge} yuan in 2023.").exit_code == 0
    assert run(runner, "extract").exit_code == 0
    assert run(runner, "verify", "-f", "json").exit_code in (0, 1)
