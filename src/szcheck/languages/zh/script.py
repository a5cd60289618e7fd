"""Traditional Chinese, read as simplified: the vocabulary is written once, in simplified characters.

OpenCC converts character for character, so positions in the converted text are positions in the
original and quotes still come from the source as written. It is loaded only for a text that holds
a character found only in traditional writing."""

from __future__ import annotations

import functools

from .. import read_language_data


@functools.cache
def traditional_only() -> frozenset[str]:
    return frozenset(read_language_data("zh", "script")["traditional_only"].replace(" ", ""))


@functools.cache
def converter():
    import opencc

    return opencc.OpenCC("t2s")


@functools.cache
def financial_forms() -> tuple[frozenset[str], frozenset[str]]:
    data = read_language_data("zh", "script")
    return frozenset(data["financial_digits"]), frozenset(data["financial_units"])


def simplified(text: str) -> str:
    """`text` in simplified characters, of the same length; `text` itself when it holds no
    traditional character, or when a conversion would change its length. A financial digit that
    conversion would turn into another word's character (參佰 -> 参佰) is kept as written."""
    if traditional_only().isdisjoint(text):
        return text
    converted = converter().convert(text)
    if len(converted) != len(text):
        return text
    digits, units = financial_forms()
    if digits.isdisjoint(text):
        return converted
    kept = [c if c in digits and text[i + 1 : i + 2] in units else converted[i] for i, c in enumerate(text)]
    return "".join(kept)
