"""Fuzzing the command line with hostile claims files and source bytes: exit 0, 1 or 2 only, never
an internal error, never a claims file lost or half-written."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from szcheck.claims import load_claims_file
from szcheck.cli import app
from szcheck.errors import SzcheckError

SENTENCE = "Ningbo's R&D spending reached 35.2 billion yuan in 2023.\n"

CLAIMS_LINES = [
    "source: sources/a.txt", "source: sources/../a.txt", "source: 5", "claims:", "claims: []", "claims: {}", "- id: x", "- id: y",
    "- &anchor {id: z}", "- *anchor", "  entity: Ningbo", "  metric: rd_investment", "  value: 35.2 billion yuan",
    "  value: 41.7 billion yuan", "  value: 1" + "0" * 400 + " yuan", "  value: [a, b]", "  value: !!binary aGVsbG8=",
    "  status: reviewed", "  status: rejected", "  ｓｔａｔｕｓ: rejected", "  sta\u200btus: reviewed", "  line: -1",
    "  line: " + "9" * 5000, "  column: 3", "  line: !!int abc", "  period: 2025-02-30", "  period: '2023'", "  period: 2023",
    "  qualifier: over", "  kind: guess", "  quote: \"\\e]0;x\\a ::error file=a::b\"", "  quote: Ningbo's R&D spending reached",
    "  checksum: 0", "  note: {a: 1}", "  note: !!set {a}", "1: x", "null: y", "2025-01-01: z", "__line__: 3", "? [a]\n: b",
    "  <<: {entity: Wuhan}", "\t- bad indent", "---", "...", "%YAML 1.1", "key: \"unclosed", "[" * 30, "]" * 30,
    "# a comment", "  # 'quoted' \"text\": here", "#", "  #", "- id: x  # c", "claims:  # the list", "  value: 35.2 billion yuan # ok",
    "  note: 'a # b'  # c", "  note:  # c\n    a: 1  # d", "source: sources/a.txt  # c", "# ::error file=a::b", "  quote: a #b",
]
SOURCE_PIECES = [
    b"---\n", b"title: t\n", b"published: 2025-06-01\n", b"published: 2025-02-30\n", b"a: &x [1, 2]\nb: *x\n", b"title: a\ntitle: b\n",
    SENTENCE.encode(), "深圳市研发投入2023年达到352亿元。".encode("gb18030"), "深圳市研发投入2023年达到352亿元。".encode(),
    "Café Résumé: Nîmes rose 5% in 2024.".encode("cp1252"), "東京の研究費は5%増加した。".encode("shift_jis"), b"\xff\xfe", b"\xfe\xff",
    b"\xff\xfe\x00\x00", b"\xef\xbb\xbf", b"\x00", b"1,1,1,1,1,1,1,1 ", b"over over over 5 billion ", b"1" * 400 + b" yuan ",
    b"\x1b]0;title\x07", b"<script>alert(1)</script> ", b"| pipe | `tick` ", b"\n", b"\r\n", b"::error file=a::b\n", b"from 5 to 6 in 2020 ",
]

claims_texts = st.lists(st.sampled_from(CLAIMS_LINES) | st.text(max_size=12), max_size=14).map("\n".join)
source_bytes = st.lists(st.sampled_from(SOURCE_PIECES) | st.binary(max_size=12), max_size=12).map(b"".join)
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def run(runner, *args):
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2) and "internal error" not in result.output, result.output
    return result


def in_project(test):
    """Run `test(folder)` in a fresh project folder as the working directory."""
    folder = Path(tempfile.mkdtemp(prefix="szcheck-fuzz-"))
    (folder / "szcheck.yaml").write_text("# fuzz\n", encoding="utf-8")
    (folder / "sources").mkdir()
    (folder / "claims").mkdir()
    previous = os.getcwd()
    os.chdir(folder)
    try:
        test(folder)
    finally:
        os.chdir(previous)
        shutil.rmtree(folder)


def claims_files_whole(folder: Path, before: dict[Path, bytes]) -> None:
    """Every claims file is the one a person wrote, byte for byte, or one szcheck reads; none is missing."""
    for path, data in before.items():
        assert path.exists(), path
        if path.read_bytes() != data:
            load_claims_file(path)
    for path in (folder / "claims").rglob("*.yaml"):
        try:
            load_claims_file(path)
        except SzcheckError:
            assert path in before and path.read_bytes() == before[path], path  # an unreadable file is one the person wrote
    assert not [p for p in (folder / "claims").rglob(".*")]


@FUZZ
@given(text=claims_texts)
def test_fuzz_claims_files_through_the_command_line(text):
    def check(folder):
        (folder / "sources" / "a.txt").write_text(SENTENCE, encoding="utf-8")
        (folder / "claims" / "a.yaml").write_text(text, encoding="utf-8")
        before = {folder / "claims" / "a.yaml": (folder / "claims" / "a.yaml").read_bytes()}
        runner = CliRunner()
        for args in (["verify", "-f", "json"], ["verify", "-f", "markdown"], ["claims"], ["extract"], ["verify", "-f", "rich"]):
            run(runner, *args)
        claims_files_whole(folder, before)

    in_project(check)


@FUZZ
@given(data=source_bytes)
def test_fuzz_source_bytes_through_the_command_line(data):
    def check(folder):
        (folder / "sources" / "a.txt").write_bytes(data)
        (folder / "sources" / "b.txt").write_text(SENTENCE, encoding="utf-8")
        runner = CliRunner()
        run(runner, "extract")
        before = {path: path.read_bytes() for path in (folder / "claims").rglob("*.yaml")}
        for args in (["verify", "-f", "sarif"], ["verify", "-f", "junit"], ["extract", "--force"]):
            run(runner, *args)
        claims_files_whole(folder, before)

    in_project(check)
