"""Languages: each language's vocabulary (data files) and the grammar code data cannot express.

Every language's vocabulary is merged into one for reading, so that an English sentence with a
Chinese fragment (or the reverse) is still read. The rules that look at a figure's context (is it a
year, what does it count, is it a growth rate) are English's (`languages.en.figures`); they read
the Chinese words they need from `languages/zh/` data.
"""

from __future__ import annotations

import functools
import re
from importlib import import_module, resources

LANGUAGES = ("en", "zh")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LETTER = re.compile(r"[^\W\d_]")


def read_language_data(language: str, part: str) -> dict:
    """One of a language's vocabulary files (`languages/<language>/<part>.yaml`)."""
    import yaml

    text = resources.files("szcheck").joinpath("languages", language, f"{part}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}  # noqa: S506 - a safe loader


def merge_vocabularies(merged: dict, extra: dict) -> dict:
    """Lists are joined (first language first), mappings merged key by key; a single value is the first language's."""
    result = dict(merged)
    for key, value in extra.items():
        if key not in result:
            result[key] = value
        elif isinstance(value, list):
            result[key] = list(result[key]) + value
        elif isinstance(value, dict):
            result[key] = merge_vocabularies(result[key], value) if all(isinstance(v, (list, dict)) for v in value.values()) else {**result[key], **value}
    return result


@functools.cache
def vocabulary(part: str) -> dict:
    """Every language's `part` vocabulary ("figures" or "periods"), merged."""
    from ..build_cache import built

    return built(f"vocabulary-{part}", lambda: merged_vocabulary(part))  # kept between runs: no YAML to parse


def merged_vocabulary(part: str) -> dict:
    merged: dict = {}
    for language in LANGUAGES:
        merged = merge_vocabularies(merged, read_language_data(language, part))
    return merged


def grammar(language: str, stage: str):
    """A language's grammar module for one stage of reading: `grammar("en", "periods")`."""
    return import_module(f"szcheck.languages.{language}.{stage}")


def grammars(stage: str) -> list:
    return [grammar(language, stage) for language in LANGUAGES]


def reading_form(text: str) -> str:
    """The text as the vocabulary is written: traditional Chinese in simplified characters and
    full-width digits in ASCII ones, with every character where it was (see languages.zh.script); any other text as it is."""
    if text.isascii() or not HAN.search(text):
        return text
    from .zh.numerals import with_arabic_years, with_ascii_digits
    from .zh.script import simplified

    return with_arabic_years(with_ascii_digits(simplified(text)))


def language_of(text: str, declared: str = "") -> str:
    """A source's language: its front matter's `language` ("zh-CN", "zh-Hant" are zh), else its
    script: Chinese when a third of its letters are Han characters."""
    declared = declared.strip().lower()
    if declared:
        code = declared.split("-")[0].split("_")[0]
        return "zh" if code in ("zh", "cmn", "yue") else code
    sample = text[:20000]
    letters = len(LETTER.findall(sample))
    return "zh" if letters and len(HAN.findall(sample)) * 3 >= letters else "en"
