"""The reader's structure: language-neutral steps in reader/, each language's words in languages/."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from szcheck import languages
from szcheck.languages import language_of, merge_vocabularies

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "szcheck"
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
REGEX_SYNTAX = re.compile(r"\\[A-Za-z]|\(\?P[<=]\w+>?|\(\?\(\w+\)|\(\?-?[aiLmsux]+[:)]|[A-Za-z]-[A-Za-z]")
WORD = re.compile(r"[A-Za-z]{2,}")
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# The codes of the data model (units, kinds, qualifiers, period bases, language codes) and the names
# of data files and folders: identifiers, not words of a language.
MODEL_CODES = {"count", "percent", "percentage_point", "amount", "share", "growth", "rate", "duration", "exact", "range",
               "level", "over", "at_least", "under", "at_most", "nearly", "about", "stated", "context", "inferred", "none", "open", "en", "zh",
               "figures", "periods", "units", "szcheck", "data", "intervals", "yaml", "utf", "any", "capital", "source", "default", "pair",
               "YE", "QE", "SE"}  # period anchors: the end of the story's year or quarter (model.PeriodMention.anchor)


def identifiers() -> set[str]:
    """What a string literal in the reader may be: a model code, a vocabulary key, a named group of
    a figure or period pattern, a name the reader defines."""
    from szcheck.reader.figures import lexicon
    from szcheck.reader.periods import period_rules, period_words

    groups = set(lexicon().figure_body.groupindex)
    names = set(MODEL_CODES) | groups | {group.split("_")[0] for group in groups} | set(period_words())
    for rule, pattern, _ in period_rules():
        names |= set(pattern.groupindex)
    for path in PACKAGE.glob("languages/*/*.yaml"):
        names |= set(yaml.safe_load(path.read_text(encoding="utf-8")))
    names |= set(yaml.safe_load((PACKAGE / "data" / "intervals.yaml").read_text(encoding="utf-8")))
    money = yaml.safe_load((PACKAGE / "money" / "currencies.yaml").read_text(encoding="utf-8"))
    names |= set(money) | {key for section in money.values() for spec in section.values() for key in spec}
    for path in PACKAGE.glob("reader/*.py"):
        names |= {node.name for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(node, ast.FunctionDef)}
    return names


def words_in(literal: str, allowed: set[str]) -> list[str]:
    """The words of a language in a string literal: an identifier is allowed whole; in a pattern,
    regex syntax aside, no word is."""
    if not WORD.search(literal):
        return []
    if IDENTIFIER.fullmatch(literal):
        return [] if literal in allowed else [literal]
    return [word for word in WORD.findall(REGEX_SYNTAX.sub("", literal)) if word not in MODEL_CODES]


def string_literals(source: str) -> list[tuple[int, str]]:
    """Every string constant of a module except docstrings."""
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("reader/*.py")), ids=lambda p: p.name)
def test_reader_modules_hold_no_natural_language_word(path):
    source = path.read_text(encoding="utf-8")
    assert not HAN.search(source), f"{path.name}: Han characters belong in languages/zh"
    allowed = identifiers()
    words = [(line, word) for line, literal in string_literals(source) for word in words_in(literal, allowed)]
    assert words == [], f"{path.name}: words in string literals belong in a language's data or grammar"


def test_structure_test_catches_words_in_patterns_and_word_literals():
    allowed = identifiers()
    assert words_in(r"(?:\bfrom\s+|between\s+)?(?P<y1>\d{4})", allowed) == ["from", "between"]
    assert words_in("and", allowed) == ["and"]
    assert words_in("percentage_point", allowed) == []


def test_registry_does_not_import_extract():
    tree = ast.parse((PACKAGE / "registry.py").read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert "extract" not in imported


@pytest.mark.parametrize("text, declared, expected", [
    ("Hefei's GDP grew 5.8 percent in 2024.", "", "en"),
    ("合肥市2024年地区生产总值增长5.8%。", "", "zh"),
    ("The fund, known as 天使母基金 in Chinese, manages 10 billion yuan.", "", "en"),
    ("合肥的GDP在2024年达到1.35万亿元，也就是 about 1.35 trillion yuan。", "", "zh"),
    ("Any text", "zh-CN", "zh"),
    ("任何文字", "en", "en"),
    ("", "", "en"),
])
def test_language_of_reads_front_matter_then_script(text, declared, expected):
    assert language_of(text, declared) == expected


def test_vocabularies_merge_lists_in_language_order_and_mappings_by_key():
    merged = merge_vocabularies({"words": ["a"], "qualifiers": {"over": ["over"]}, "scales": {"m": 1}},
                                {"words": ["b"], "qualifiers": {"over": ["超"], "about": ["约"]}, "scales": {"万": 2}})
    assert merged == {"words": ["a", "b"], "qualifiers": {"over": ["over", "超"], "about": ["约"]}, "scales": {"m": 1, "万": 2}}


def word_lists(data, where=""):
    """Every list of words in a vocabulary file, with where it is."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from word_lists(value, f"{where}.{key}")
    elif isinstance(data, list) and data and all(not isinstance(item, (dict, list)) for item in data):
        yield where, data


PACKAGE = Path(languages.__file__).parent.parent
VOCABULARY_FILES = sorted([*PACKAGE.glob("languages/*/*.yaml"), *PACKAGE.glob("data/*.yaml")])


@pytest.mark.parametrize("path", VOCABULARY_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_vocabulary_words_are_words_not_yaml_booleans_or_numbers(path):
    # a bare `on`, `no` or `off` in a YAML list is read as a boolean, and the word is silently lost
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    wrong = [(where, item) for where, items in word_lists(data) for item in items if isinstance(item, bool)]
    assert wrong == []
