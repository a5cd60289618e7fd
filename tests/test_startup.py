"""Start-up: the reader's vocabulary kept between runs reads exactly as one built afresh, and `szcheck
parse` takes its options without importing pydantic."""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys

import pytest

from conftest import ROOT
from szcheck import build_cache as compiled


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("SZCHECK_NO_CACHE", raising=False)
    return tmp_path / "cache" / "szcheck" / "build"


def builders():
    from szcheck.languages import merged_vocabulary
    from szcheck.languages.en.figures import build_rules
    from szcheck.reader.figures import build_currencies, build_lexicon
    from szcheck.reader.intervals import read_tolerances

    return {"lexicon": build_lexicon, "en-figure-rules": build_rules, "currencies": build_currencies, "tolerances": read_tolerances,
            "vocabulary-figures": lambda: merged_vocabulary("figures"), "vocabulary-periods": lambda: merged_vocabulary("periods")}


@pytest.mark.parametrize("name", list(builders()))
def test_what_the_cache_gives_back_equals_a_fresh_build(cache_home, name):
    build = builders()[name]
    first = compiled.built(name, build)  # built and stored
    assert len(list(cache_home.glob(f"{name}-*.pickle"))) == 1
    again = compiled.built(name, lambda: pytest.fail("built again"))  # read back
    assert again == first == build()  # patterns compare by their compiled program, not only their text


def test_a_stored_pattern_is_the_program_re_compiles():
    pattern = re.compile(r"(?P<number>\d+(?:[.,]\d+)?)\s*(?:billion|亿)(?i:yuan)?", re.VERBOSE)
    restored = pickle.loads(pickle.dumps(compiled.compiled_pattern(pattern.pattern, *compiled.compile_program(pattern.pattern, pattern.flags))))
    assert restored == pattern and restored.groupindex == pattern.groupindex
    assert restored.match("3.5 亿Yuan").groupdict() == pattern.match("3.5 亿Yuan").groupdict()


@pytest.mark.parametrize("damage", [lambda data: data[: len(data) // 2], lambda data: b"", lambda data: data[:-1] + b"x"],
                         ids=["truncated", "empty", "one byte changed"])
def test_a_damaged_entry_is_built_again(cache_home, damage):
    value = {"words": ["billion", "亿"], "pattern": re.compile("a+")}
    compiled.built("test-entry", lambda: value)
    [entry] = cache_home.glob("test-entry-*.pickle")
    entry.write_bytes(damage(entry.read_bytes()))
    assert compiled.built("test-entry", lambda: value) == value
    assert compiled.built("test-entry", lambda: pytest.fail("built again")) == value  # and stored whole again


def test_an_entry_holds_only_szcheck_records_never_a_call_to_anything_else(cache_home):
    compiled.built("test-entry", lambda: 1)
    [entry] = cache_home.glob("test-entry-*.pickle")
    key = compiled.cache_key("test-entry")
    body = b"cos\ngetcwd\n(tR."  # a pickle calling os.getcwd()
    entry.write_bytes(compiled.entry_seal(key, body).encode("ascii") + b"\n" + body)
    assert compiled.read_entry(entry, key) is None


def test_an_edited_package_file_builds_the_entry_again(cache_home, tmp_path, monkeypatch):
    package = tmp_path / "package"
    (package / "languages").mkdir(parents=True)
    vocabulary = package / "languages" / "figures.yaml"
    vocabulary.write_text("scales: {billion: 1e9}\n", encoding="utf-8")
    monkeypatch.setattr(compiled, "PACKAGE", package)
    before = compiled.cache_key("lexicon")
    vocabulary.write_text("scales: {billion: 1e9, 亿: 1e8}\n", encoding="utf-8")
    compiled.package_fingerprint.cache_clear()  # as the next run starts
    assert compiled.cache_key("lexicon") != before


def test_without_a_cache_folder_it_is_a_plain_build(monkeypatch, tmp_path):
    monkeypatch.setenv("SZCHECK_NO_CACHE", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert compiled.built("test-entry", lambda: [1, 2]) == [1, 2]
    assert not list(tmp_path.rglob("*.pickle"))


def corpus_lines(limit: int = 1500) -> str:
    lines = []
    for folder in (ROOT / "sources", ROOT / "tests" / "corpus" / "articles"):
        for path in sorted(folder.glob("*")):
            lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and line != "---"]
    return "\n".join(lines[:limit]) + "\n"


def szcheck_parse(args: list[str], env: dict, text: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "szcheck", "parse", *args], input=text, capture_output=True, text=True,
                          env={**os.environ, **env}, cwd=ROOT, timeout=300)


def test_szcheck_parse_reads_the_same_with_a_cold_a_warm_and_no_cache(tmp_path):
    text = corpus_lines()
    fresh = szcheck_parse(["--stdin", "--published", "2025-09-02"], {"SZCHECK_NO_CACHE": "1"}, text)
    assert fresh.returncode == 0 and fresh.stdout.count("\n") == text.count("\n") and '"unit": "CNY"' in fresh.stdout
    cache = {"XDG_CACHE_HOME": str(tmp_path), "SZCHECK_NO_CACHE": ""}
    cold = szcheck_parse(["--stdin", "--published", "2025-09-02"], cache, text)
    warm = szcheck_parse(["--stdin", "--published", "2025-09-02"], cache, text)
    assert list(tmp_path.rglob("lexicon-*.pickle"))
    assert fresh.stdout == cold.stdout == warm.stdout


IMPORTED = """
import sys
from typer.testing import CliRunner
from szcheck.cli import app
result = CliRunner().invoke(app, sys.argv[1:])
print(result.exit_code, "pydantic" in sys.modules)
"""


@pytest.mark.parametrize("args", [["parse", "Revenue rose 5% in 2024"], ["parse", "-f", "json", "营收增长5%"],
                                  ["parse", "--published", "2025-01-02", "--format", "rich", "Sales rose 3% last year"]])
def test_szcheck_parse_does_not_import_pydantic(args):
    done = subprocess.run([sys.executable, "-c", IMPORTED, *args], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.stdout.split() == ["0", "False"], done.stderr


def test_a_misspelt_choice_still_gets_typers_own_message(runner):
    from szcheck.cli import app

    result = runner.invoke(app, ["parse", "-f", "jsn", "Revenue rose 5%"])
    assert result.exit_code == 2 and "'jsn' is not one of 'rich', 'json'" in result.output


def console_script(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([os.path.join(os.path.dirname(sys.executable), "szcheck"), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_the_process_ends_at_once_with_its_output_and_exit_code_whole():
    done = console_script("parse", "-f", "json", "Revenue rose 5% in 2024")
    assert done.returncode == 0 and done.stdout.rstrip().endswith("]") and '"unit": "percent"' in done.stdout
    wrong = console_script("parse", "-f", "jsn", "Revenue rose 5% in 2024")
    assert wrong.returncode == 2 and "'jsn' is not one of 'rich', 'json'" in wrong.stderr
    bad_date = console_script("parse", "--published", "2024-13-01", "x")
    assert bad_date.returncode == 2 and bad_date.stderr == "szcheck: error: --published '2024-13-01' is not a date (YYYY-MM-DD)\n"


ENDS_WITHOUT = """
import atexit, sys
atexit.register(lambda: print("typer" in sys.modules, "pydantic" in sys.modules, file=sys.stderr))
sys.argv = ["szcheck", *sys.argv[1:]]
from szcheck.entry import run
run()
"""


def test_the_plain_forms_of_parse_run_without_importing_typer():
    done = subprocess.run([sys.executable, "-c", ENDS_WITHOUT, "parse", "-f", "json", "Revenue rose 5% in 2024"], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0 and '"unit": "percent"' in done.stdout
    assert done.stderr.split() == ["False", "False"], done.stderr
    other = subprocess.run([sys.executable, "-c", ENDS_WITHOUT, "parse", "--help"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert other.returncode == 0 and "--stdin" in other.stdout and other.stderr.split() == ["True", "False"]


THROUGH_TYPER = """
import sys
sys.argv = ["szcheck", *sys.argv[1:]]
from szcheck.cli import run
run()
"""


@pytest.mark.parametrize("args", [
    ["parse", "Revenue rose 5% in 2024"], ["parse", "--format=json", "Sales rose 3% last year", "--published", "2025-01-02"],
    ["parse", "--published=2025-01-02", "-f", "rich", "营收增长5%"], ["parse", "--currency", "aud", "-f", "json", "It cost $5 million"],
    ["parse", "-f", "json", "-f", "rich", "Revenue rose 5%"], ["parse", "--stdin", "--published", "2025-01-01"],
    ["parse", "--currency", "XXX", "x"], ["parse", "--published", "2024-13-01", "x"], ["parse"], ["parse", ""],
    ["parse", "-f", "jsn", "x"], ["parse", "-f"], ["parse", "a", "b"], ["parse", "-fjson", "5%"], ["parse", "--", "-5%"],
    ["parse", "--published", "--stdin"], ["parse", "-h"], ["parse", "--form", "json", "5%"]])
def test_parse_without_typer_says_what_typer_says(args):
    lines = "Revenue rose 5% in 2024\n第一季度营收增长5%\n\n"
    plain, typers = (subprocess.run([sys.executable, "-m", "szcheck", *args] if program is None else [sys.executable, "-c", program, *args],
                                    input=lines, capture_output=True, text=True, cwd=ROOT, timeout=120) for program in (None, THROUGH_TYPER))
    assert (plain.returncode, plain.stdout, plain.stderr) == (typers.returncode, typers.stdout, typers.stderr)


@pytest.mark.parametrize("args, request_", [
    (["parse", "5%"], {"text": "5%", "published": None, "currency": None, "output_format": "rich", "stdin": False}),
    (["parse", "--stdin", "--currency=EUR", "-f", "json"], {"text": None, "published": None, "currency": "EUR", "output_format": "json", "stdin": True}),
    (["parse", "--published", "--stdin"], {"text": None, "published": "--stdin", "currency": None, "output_format": "rich", "stdin": False}),
])
def test_the_plain_forms_read_as_typer_reads_them(args, request_):
    from szcheck.entry import plain_parse_request

    assert plain_parse_request(args) == request_


@pytest.mark.parametrize("args", [["verify"], ["parse", "-h"], ["parse", "--stdin=1"], ["parse", "-f", "markdown", "x"], ["parse", "--", "x"],
                                  ["parse", "x", "y"], ["parse", "--currency"], ["--version"], []])
def test_every_other_command_line_goes_to_typer(args):
    from szcheck.entry import plain_parse_request

    assert plain_parse_request(args) is None
