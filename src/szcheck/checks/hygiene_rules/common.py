"""What the text hygiene rules share: the hit they report, the vocabulary and the reading helpers."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import yaml

from ...model import Source


@dataclass(frozen=True)
class Hit:
    code: str
    line: int  # in the file
    column: int  # 1-based, of the offending text
    text: str  # the offending text, exactly as written
    message: str
    context: str = ""  # the text around it, for a report
    group: str = ""  # hits of one rule with the same group are one finding (default: the same text)


Line = tuple[int, str]  # (line number in the file, text)


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict:
    data = yaml.safe_load(resources.files("szcheck").joinpath("data/hygiene.yaml").read_text(encoding="utf-8"))

    def merged(key: str) -> list[str]:
        value = data[key]
        words = [w for words in value.values() for w in words] if isinstance(value, dict) else list(value)
        return sorted({str(w).lower() for w in words}, key=len, reverse=True)  # longest first

    return {key: merged(key) if isinstance(data[key], (dict, list)) else data[key] for key in data}


def is_latin(char: str) -> bool:
    return char.isascii() and char.isalpha()


HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]+")  # CJK ideographs, extension A and compatibility
LATIN = re.compile("[A-Za-z]+")


def han_count(text: str) -> int:
    return 0 if text.isascii() else sum(map(len, HAN.findall(text)))


def latin_count(text: str) -> int:
    return sum(map(len, LATIN.findall(text)))


def is_prose(text: str) -> bool:
    """A paragraph of running text, not a headline, a byline or a label."""
    return len(text.split()) > 12 or han_count(text) > 30


def language(source: Source) -> str:
    """'zh' or 'en' (or another code): the front matter's `language`, else the script of the text."""
    from ...languages import language_of

    declared = str(source.meta.get("language") or "")
    if not declared and source.body[:20000].isascii():
        return "en"  # what language_of says of text without a Han character, without counting its letters
    return language_of(source.body, declared)


def context(text: str, start: int, end: int, width: int = 60) -> str:
    left, right = max(0, start - width), min(len(text), end + width)
    return ("…" if left else "") + text[left:right].strip() + ("…" if right < len(text) else "")


CITATION = re.compile(r"(?:[\[【]\d{1,3}[\]】])+")
