"""Regex building blocks shared by every language's rules: word alternations, anchored endings, case folding."""

from __future__ import annotations

import re
from re import _constants, _parser


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


def word_start_test(words) -> str:
    """first_character_test, with the words that begin with an ASCII letter or digit tried only where
    no letter comes before (as word_alternation's alternatives for them require): in running text
    most letters stand inside a word, and one step then rejects them too."""
    bounded = [w for w in words if w[0].isascii() and w[0].isalnum()]
    others = [w for w in words if not (w[0].isascii() and w[0].isalnum())]
    tests = [f"(?<![A-Za-z]){first_character_test(bounded)}"] if bounded else []
    tests += [first_character_test(others)] if others else []
    if len(tests) < 2:
        return tests[0] if tests else first_character_test(words)
    return f"(?:{'|'.join(tests)})"


def start_test(characters: set[str]) -> str:
    """A lookahead for where a figure can begin: one of `characters`, a letter only at a word's start
    (worth its cost only when many letters can begin a figure)."""
    letters = "".join(sorted(c for c in characters if c.isascii() and c.isalpha()))
    others = re.escape("".join(sorted(c for c in characters if not (c.isascii() and c.isalpha()))))
    return f"(?=[{others}]|(?<![A-Za-z])[{letters}])" if letters else f"(?=[{others}])"


SUPERSCRIPT_POWERS = "²³"


def word_alternation(words) -> str:
    """One regex alternative per word, longer first; ASCII words only match whole.
    The words are laid out as a prefix tree, so that a long list (every currency of the world) costs
    about as much to try as a short one; a space in a word matches any run of spaces."""
    words = set(words)
    by_boundary: dict[tuple[bool, bool], list[str]] = {}
    for word in words:
        left = word[0].isascii() and word[0].isalnum()
        right = word[-1].isascii() and word[-1].isalnum() or word[-1] in SUPERSCRIPT_POWERS  # "km²" with "km": the longer wins
        by_boundary.setdefault((left, right), []).append(word)
    parts = []
    for (left, right), group in sorted(by_boundary.items(), reverse=True):
        # each part tests its own first characters too: a tree of 400 Han first characters would
        # otherwise be tried branch by branch at every English word
        parts.append(("(?<![A-Za-z])" if left else "") + f"{first_character_test(group)}(?:{prefix_tree(group)})" + ("(?![A-Za-z])" if right else ""))
    return f"{word_start_test(words)}(?:{'|'.join(parts)})"


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


def with_start_test(pattern: str) -> str:
    """`pattern` led by a lookahead for the characters its matches can begin with, when it opens with
    an optional part ('(?:the\\s+)?...'): the regex engine can then skip most places in one step, where
    it would try the optional part and every way on at each of them. Unchanged when it opens with a
    fixed character (which the engine already scans for) or when those characters cannot be told."""
    parsed = _parser.parse(pattern)
    if parsed.state.flags & re.IGNORECASE or not parsed.data:
        return pattern
    op, av = parsed.data[0]
    if op not in (_constants.MAX_REPEAT, _constants.MIN_REPEAT) or av[0] != 0:
        return pattern
    found = first_characters(parsed.data)
    if found is None or found[2]:
        return pattern
    characters, digits, _ = found
    return "(?=[" + re.escape("".join(sorted(characters))) + (r"\d" if digits else "") + "])" + pattern


def first_characters(items) -> tuple[set[str], bool, bool] | None:
    """(characters, any digit, may be empty) that a parsed sequence's matches begin with; None when
    some part of it is not one this reads (a negated class, a dot, case-insensitive text, ...)."""
    characters, digits = set(), False
    for op, av in items:
        found = first_of_part(op, av)
        if found is None:
            return None
        characters |= found[0]
        digits |= found[1]
        if not found[2]:
            return characters, digits, False
    return characters, digits, True


def first_of_part(op, av) -> tuple[set[str], bool, bool] | None:
    c = _constants
    if op is c.LITERAL:
        return {chr(av)}, False, False
    if op is c.IN:
        return class_characters(av)
    if op is c.SUBPATTERN:
        _, add_flags, _, sub = av
        return None if add_flags & re.IGNORECASE else first_characters(sub.data)
    if op is c.BRANCH:
        characters, digits, empty = set(), False, False
        for alternative in av[1]:
            found = first_characters(alternative.data)
            if found is None:
                return None
            characters, digits, empty = characters | found[0], digits or found[1], empty or found[2]
        return characters, digits, empty
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        found = first_characters(av[2].data)
        return None if found is None else (found[0], found[1], found[2] or av[0] == 0)
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return set(), False, True  # takes no character: what follows begins the match
    return None


def class_characters(items) -> tuple[set[str], bool, bool] | None:
    characters, digits = set(), False
    for op, av in items:
        if op is _constants.LITERAL:
            characters.add(chr(av))
        elif op is _constants.RANGE and av[1] - av[0] < 1000:
            characters.update(chr(code) for code in range(av[0], av[1] + 1))
        elif op is _constants.CATEGORY and av is _constants.CATEGORY_DIGIT:
            digits = True  # every Unicode digit, as \d matches
        else:
            return None
    return characters, digits, False
