"""The stage of revision a sentence marks a figure with: preliminary, revised or final."""

from __future__ import annotations

import functools
import re

from .patterns import lower_in_place, word_alternation


REVISION_REACH = 400  # characters


@functools.cache
def revision_pattern() -> tuple[re.Pattern, dict[str, str], tuple[str, ...]]:
    """The revision words' pattern, word -> stage, and a word of each (its longest) that any text holding it
    holds: 'revised' of 'was revised' (a space in a word matches any run of spaces, so the words as written
    would not do)."""
    from ..languages import vocabulary

    stages = {word.lower(): stage for stage, words in (vocabulary("figures").get("revision_words") or {}).items() for word in words}
    cores = {max(word.split() or [word], key=len) for word in stages}
    return re.compile(word_alternation(stages)), stages, tuple(sorted(c for c in cores if not any(o != c and o in c for o in cores)))


def revision_stage(text: str, start: int) -> str:
    """The stage named by the revision word nearest before position `start` of a sentence, or ''
    (looked for in the REVISION_REACH characters before it: a copy of the whole start of a long
    sentence for each of its figures made reading it quadratic). The pattern runs only where one of
    the words' cores is written: `in` tests cost less than the pattern tried at every place."""
    pattern, stages, cores = revision_pattern()
    before = lower_in_place(text[max(0, start - REVISION_REACH) : start])
    if not any(map(before.__contains__, cores)):
        return ""
    found = list(pattern.finditer(before))
    return stages[" ".join(found[-1].group(0).split())] if found else ""
