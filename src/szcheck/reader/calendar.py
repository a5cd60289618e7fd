"""Period rules: what a language's time expression looks like and how it resolves to a period."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Optional

YEAR = r"(?:1[89]|20)\d\d"

# (match, text, published, vocabulary) -> (period, relative, event), or None when the match names no period
Resolver = Callable[[re.Match, str, Optional[date], dict], Optional[tuple[str, bool, bool]]]


@dataclass(frozen=True)
class PeriodRule:
    name: str
    rank: int  # rules run in rank order across languages; an earlier rule's match wins an overlap
    pattern: str  # run on the lower-cased sentence
    trigger: object  # a word, words or a regex that the text must hold for the rule to run (see reader.periods)
    resolve: Resolver
    running: bool = False  # a span from a past time up to publication ("since January"): it dates its own sentence only


def year_of(match: re.Match, published: date | None, vocab: dict) -> tuple[int | None, bool]:
    """(year, relative) from a rule's `year` or `rel` group: a stated year, or this or last year."""
    groups = match.groupdict()
    if groups.get("year"):
        return int(groups["year"]), False
    relative = (groups.get("rel") or "").lower()
    if not relative:
        return (published.year, True) if published else (None, True)
    if not published:
        return None, True
    return published.year + year_offset(relative, vocab), True


def year_offset(words: str, vocab: dict) -> int:
    """-1 for 'last year', +1 for 'next year', 0 for 'this year' (each language's words)."""
    written = " ".join(words.lower().split())
    if written in (w.lower() for w in vocab["last_year"] + vocab.get("year_before_said", [])):
        return -1
    return 1 if written in (w.lower() for w in vocab.get("next_year", [])) else 0


def months_from_january(year: int, months: int) -> str:
    """The first `months` months of a year as the period it names: the first quarter, the first half
    or the whole year when it is one ('the first six months of 2025' is 2025-H1), else an interval."""
    named = {3: f"{year}-Q1", 6: f"{year}-H1", 12: str(year)}
    return named.get(months, f"{year}-01/{year}-{months:02d}")


def months_ending(year: int, last: int, months: int) -> str:
    """The `months` months up to month `last` of `year`: a quarter, a half or a calendar year when it is one."""
    if months == 3 and last % 3 == 0:
        return f"{year}-Q{last // 3}"
    if months == 6 and last % 6 == 0:
        return f"{year}-H{last // 6}"
    if months == 12 and last == 12:
        return str(year)
    first = year * 12 + last - months  # months counted from year 0, the first one of the span
    return f"{first // 12}-{first % 12 + 1:02d}/{year}-{last:02d}"
