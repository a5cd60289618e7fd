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


def simplified(text: str) -> str:
    """`text` in simplified characters, of the same length; `text` itself when it holds no
    traditional character, or when a conversion would change its length."""
    if traditional_only().isdisjoint(text):
        return text
    converted = converter().convert(text)
    return converted if len(converted) == len(text) else text
