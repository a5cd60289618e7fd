"""Regex building blocks shared by every language's rules: word alternations, anchored endings, case folding."""

from __future__ import annotations

import re


def lower_in_place(text: str) -> str:
    """`text` in lower case, character for character, so that positions in it are positions in `text`
    (the few characters whose lower case is longer, such as 'İ', stay as they are)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def first_character_test(words) -> str:
    """A lookahead for the first characters of `words`, in both cases: one step rejects most positions."""
    return "(?=[" + re.escape("".join(sorted({c for w in words for c in (w[0].lower(), w[0].upper())}))) + "])"


def start_test(characters: set[str]) -> str:
    """A lookahead for where a figure can begin: one of `characters`, a letter only at a word's start
    (worth its cost only when many letters can begin a figure)."""
    letters = "".join(sorted(c for c in characters if c.isascii() and c.isalpha()))
    others = re.escape("".join(sorted(c for c in characters if not (c.isascii() and c.isalpha()))))
    return f"(?=[{others}]|(?<![A-Za-z])[{letters}])" if letters else f"(?=[{others}])"


def word_alternation(words) -> str:
    """One regex alternative per word, longest first; ASCII words only match whole.
    Words that begin and end with a letter or digit share one pair of boundary checks (much
    cheaper to compile and run than a lookaround per word)."""
    words = set(words)
    whole, other = [], []
    for word in sorted(words, key=len, reverse=True):
        pattern = re.escape(word).replace(r"\ ", r"\s+")
        if word[0].isascii() and word[0].isalnum() and word[-1].isascii() and word[-1].isalnum():
            whole.append(pattern)
            continue
        if word[0].isascii() and word[0].isalnum():
            pattern = r"(?<![A-Za-z])" + pattern
        if word[-1].isascii() and word[-1].isalnum():
            pattern += r"(?![A-Za-z])"
        other.append(pattern)
    parts = ([rf"(?<![A-Za-z])(?:{'|'.join(whole)})(?![A-Za-z])"] if whole else []) + other
    return f"{first_character_test(words)}(?:{'|'.join(parts)})"


def ending_with(phrases) -> re.Pattern:
    r"""A pattern that, matched at the start of a reversed text, finds which phrase the text ends
    with (before trailing spaces). One anchored match instead of a search for `(?:...)\s*$`, which
    would try the phrases at every position; see ends_with."""
    return re.compile(rf"\s*(?:{word_alternation(phrase[::-1] for phrase in phrases)})", re.I)


def ends_with(text: str, pattern: re.Pattern) -> str:
    """The phrase of an ending_with pattern that `text` ends with, as written; '' when none."""
    match = pattern.match(text[::-1])
    return match.group(0)[::-1].rstrip() if match else ""


def lowered(words) -> frozenset:
    return frozenset(re.sub(r"\s+", " ", w.lower()) for w in words)
