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
    """One regex alternative per word, longer first; ASCII words only match whole.
    The words are laid out as a prefix tree, so that a long list (every currency of the world) costs
    about as much to try as a short one; a space in a word matches any run of spaces."""
    words = set(words)
    by_boundary: dict[tuple[bool, bool], list[str]] = {}
    for word in words:
        left = word[0].isascii() and word[0].isalnum()
        right = word[-1].isascii() and word[-1].isalnum()
        by_boundary.setdefault((left, right), []).append(word)
    parts = []
    for (left, right), group in sorted(by_boundary.items(), reverse=True):
        parts.append(("(?<![A-Za-z])" if left else "") + f"(?:{prefix_tree(group)})" + ("(?![A-Za-z])" if right else ""))
    return f"{first_character_test(words)}(?:{'|'.join(parts)})"


def prefix_tree(words: list[str]) -> str:
    """A regex matching exactly `words`, preferring the longer of two that share a beginning."""
    tree: dict = {}
    for word in words:
        node = tree
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}
    return tree_pattern(tree)


def tree_pattern(node: dict) -> str:
    branches = []
    for character in sorted(key for key in node if key):
        piece = r"\s+" if character == " " else re.escape(character)
        branches.append(piece + tree_pattern(node[character]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


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
