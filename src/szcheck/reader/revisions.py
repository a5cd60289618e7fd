"""The stage of revision a sentence marks a figure with: preliminary, revised or final."""

from __future__ import annotations

import functools
import re

from .patterns import lower_in_place, word_alternation


REVISION_REACH = 400  # characters


@functools.cache
def revision_pattern() -> tuple[re.Pattern, dict[str, str]]:
    from ..languages import vocabulary

    stages = {word.lower(): stage for stage, words in (vocabulary("figures").get("revision_words") or {}).items() for word in words}
    return re.compile(word_alternation(stages)), stages


def revision_stage(text: str, start: int) -> str:
    """The stage named by the revision word nearest before position `start` of a sentence, or ''
    (looked for in the REVISION_REACH characters before it: a copy of the whole start of a long
    sentence for each of its figures made reading it quadratic)."""
    pattern, stages = revision_pattern()
    found = list(pattern.finditer(lower_in_place(text[max(0, start - REVISION_REACH) : start])))
    return stages[" ".join(found[-1].group(0).split())] if found else ""
