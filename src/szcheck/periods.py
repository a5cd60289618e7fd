"""Period reader: the time expressions of a sentence, resolved against the publication date."""

from __future__ import annotations

import bisect
import functools
import re
from datetime import date

from .model import UNSPECIFIED, PeriodMention, Quantity
from .quantities import ending_with, ends_with, lower_in_place, read_quantities, word_alternation
from .registry import period_vocabulary, quantity_vocabulary

YEAR = r"(?:1[89]|20)\d\d"


@functools.cache
def period_patterns() -> list[tuple[str, re.Pattern, str | tuple[str, ...] | re.Pattern]]:
    vocab = period_vocabulary()
    month = word_alternation(vocab["months"])
    ordinal = word_alternation(vocab["ordinals"])
    relative_year = word_alternation(vocab["this_year"] + vocab["last_year"])
    year_or_relative = rf"(?P<year>{YEAR})(?!\d|,\d)|(?P<rel>{relative_year})"
    count = rf"\d+|{word_alternation(quantity_vocabulary()['number_words'])}"
    patterns = {
        "plan": r"(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+five-year\s+plan(?:\s+period)?",
        "past_years": rf"(?:over|in|during|for|within)\s+the\s+(?P<dir>past|last|previous|next|coming)\s+(?P<count>{count})\s+years",
        "cjk_half": rf"(?:(?P<year>{YEAR})年|(?P<rel>今年|去年))?(?P<half>上|下)半年",
        "cjk_quarter": rf"(?:(?P<year>{YEAR})年|(?P<rel>今年|去年))?第?(?P<q>[一二三四1-4])季度",
        "half": rf"(?:the\s+)?(?P<ord>{ordinal})\s+half(?:\s+(?:of\s+)?(?:{year_or_relative}))?",
        "quarter": rf"(?:the\s+)?(?P<ord>{ordinal})\s+quarter(?:\s+(?:of\s+)?(?:{year_or_relative}))?|q(?P<qq>[1-4])\s*(?P<qyear>{YEAR})",
        "last_month_word": r"(?:last|the\s+previous|the\s+past)\s+month",
        "end_of": rf"(?:as\s+of\s+|by\s+|at\s+)?(?:the\s+)?end\s+of\s+(?:(?P<month>{month})\.?\s*)?(?:{year_or_relative})?",
        "iso_date": rf"(?P<year>{YEAR})-(?P<mm>\d\d)-(?P<dd>\d\d)(?:\s+\d\d:\d\d)?",
        "cjk_month": rf"(?P<year>{YEAR})年(?P<mm>\d{{1,2}})月",
        "month_year": rf"(?:(?P<asof>as\s+of|by)\s+)?(?P<month>{month})\.?\s+(?:(?P<day>\d{{1,2}}),?\s+)?(?:{year_or_relative})",
        "month_day": rf"(?:(?P<asof>as\s+of|by)\s+)?(?P<month>{month})\.?\s+(?P<day>\d{{1,2}})(?!\d|,\d)",
        "last_month": rf"(?:(?P<last>last)|in|as\s+of|by)\s+(?P<month>{month})(?![\w-])",
        "year_range": rf"(?:from\s+|between\s+)?(?P<y1>{YEAR})\s*(?:-|–|to|and)\s*(?P<y2>{YEAR})(?!\d)",
        "since": rf"since\s+(?P<year>{YEAR})(?!\d|,\d)",
        "cjk_year": rf"(?P<year>{YEAR})年",
        "year": rf"(?P<year>{YEAR})(?!\d|,\d|\.\d)",
        "relative_year": rf"{relative_year}",
        "now": word_alternation(vocab["as_of_publication"]),
    }
    # A pattern runs only on text that holds one of its trigger words (or matches its trigger regex):
    # most sentences name no month, half or plan. The trigger tests are shared between patterns (the
    # three month patterns test once) and much cheaper than the patterns.
    months = [m.capitalize() for m in vocab["months"]]  # months are capitalized; "may" is usually the verb
    triggers = {
        "plan": "five-year", "past_years": "years", "cjk_half": "半年", "cjk_quarter": "季度", "half": "half",
        "quarter": ["quarter", "q1", "q2", "q3", "q4"], "last_month_word": "month", "end_of": "end of",
        "iso_date": "-", "cjk_month": "月", "month_year": months, "month_day": months, "last_month": months,
        "year_range": re.compile(rf"{YEAR}\s*(?:-|–|to|and)\s*{YEAR}"), "since": "since", "cjk_year": "年",
        "year": "", "relative_year": ["year", "年"], "now": [w.lower() for w in vocab["as_of_publication"]],
    }
    # The patterns run on the lower-cased text: case-insensitive matching is several times slower.
    compiled = [(name, re.compile(p), trigger_test(triggers[name])) for name, p in patterns.items()]
    return compiled + [("_preposition", ending_with(vocab["year_prepositions"]), "")]


def trigger_test(trigger: str | list[str] | re.Pattern) -> str | tuple[str, ...] | re.Pattern:
    """A word or words, tested with `in` (much cheaper than a regex; '' always passes), or a regex.
    A word that contains another of the list adds nothing ('Sept' holds 'Sep'), so it is dropped;
    equal lists give equal tuples, so that patterns share their test."""
    if isinstance(trigger, list):
        return tuple(sorted(word for word in set(trigger) if not any(other != word and other in word for other in trigger)))
    return trigger


@functools.cache
def trigger_kinds() -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...], tuple[re.Pattern, ...]]:
    """The patterns' distinct triggers, by kind: a word, a list of words (capitalized ones, the month
    names, are looked for as written, the rest in the lower-cased text), a regex."""
    triggers = dict.fromkeys(trigger for _, _, trigger in period_patterns()[:-1])
    return (tuple(t for t in triggers if isinstance(t, str)), tuple(t for t in triggers if isinstance(t, tuple)),
            tuple(t for t in triggers if isinstance(t, re.Pattern)))


def read_periods(text: str, published: date | None = None) -> list[PeriodMention]:
    """Every time expression in `text`, longest first, without overlaps; relative ones need `published`."""
    vocab = period_vocabulary()
    *patterns, (_, preposition, _) = period_patterns()
    taken: list[PeriodMention] = []  # kept sorted by start, so an overlap test is a bisection
    lowered = lower_in_place(text)
    single_words, word_lists, regexes = trigger_kinds()
    triggered: dict = {word: word in lowered for word in single_words}
    for word_list in word_lists:
        haystack = text if word_list[0][:1].isupper() else lowered
        triggered[word_list] = any(word in haystack for word in word_list)
    for regex in regexes:
        triggered[regex] = regex.search(lowered) is not None
    for name, pattern, trigger in patterns:
        if not triggered[trigger]:
            continue
        for match in pattern.finditer(lowered):
            at = bisect.bisect_left(KeyView(taken), match.start())
            if (at < len(taken) and taken[at].start < match.end()) or (at > 0 and taken[at - 1].end > match.start()):
                continue
            mention = resolve(name, match, text, published, vocab, preposition)
            if mention:
                taken.insert(at, mention)
    return taken


class KeyView:
    """The starts of a sorted list of mentions, for bisect without copying them."""

    def __init__(self, mentions: list[PeriodMention]):
        self.mentions = mentions

    def __len__(self) -> int:
        return len(self.mentions)

    def __getitem__(self, index: int) -> int:
        return self.mentions[index].start


def year_of(match: re.Match, published: date | None, vocab: dict) -> tuple[int | None, bool]:
    """(year, relative) from a pattern's `year` or `rel` group."""
    groups = match.groupdict()
    if groups.get("year"):
        return int(groups["year"]), False
    relative = (groups.get("rel") or "").lower()
    if not relative:
        return (published.year, True) if published else (None, True)
    if not published:
        return None, True
    last = relative in [w.lower() for w in vocab["last_year"]] or relative == "去年"
    return published.year - (1 if last else 0), True


def resolve(name, match, text, published, vocab, preposition) -> PeriodMention | None:
    groups = match.groupdict()
    months, ordinals = vocab["months"], vocab["ordinals"]
    relative, event = False, False
    if name == "plan":
        first = five_year_plan_start(int(groups["n"]), vocab["five_year_plan_starts"])
        period = f"{first}..{first + 4}"
    elif name == "past_years":
        if not published:
            return None
        count = groups["count"]
        years = int(count) if count.isdigit() else int(quantity_vocabulary()["number_words"][count.lower()])
        if groups["dir"].lower() in ("next", "coming"):
            period, relative = f"{published.year + 1}..{published.year + years}", True
        else:
            period, relative = f"{published.year - years}..{published.year - 1}", True
    elif name in ("half", "quarter", "cjk_half", "cjk_quarter"):
        if groups.get("qq"):
            year, number, relative = int(groups["qyear"]), int(groups["qq"]), False
        else:
            year, relative = year_of(match, published, vocab)
            if name == "cjk_half":
                number = 1 if groups["half"] == "上" else 2
            elif name == "cjk_quarter":
                number = int(groups["q"]) if groups["q"].isdigit() else vocab["cjk_numerals"][groups["q"]]
            else:
                number = ordinals[groups["ord"].lower()]
        if year is None:
            return None
        period = f"{year}-{'H' if 'half' in name else 'Q'}{number}"
    elif name == "last_month_word":
        if not published:
            return None
        year, month = (published.year, published.month - 1) if published.month > 1 else (published.year - 1, 12)
        period, relative = f"{year}-{month:02d}", True
    elif name == "end_of":
        year, relative = year_of(match, published, vocab)
        if year is None or not (groups.get("year") or groups.get("rel") or groups.get("month")):
            return None
        month = months[groups["month"].lower()] if groups.get("month") else 12
        period = f"{year}-{month:02d}"
    elif name in ("iso_date", "cjk_month"):
        period = f"{groups['year']}-{int(groups['mm']):02d}"
        if groups.get("dd"):
            period, event = f"{period}-{int(groups['dd']):02d}", True
    elif name in ("month_year", "month_day"):
        if name == "month_day" and not published:
            return None
        year, relative = year_of(match, published, vocab) if name == "month_year" else (published.year, True)
        if year is None:
            return None
        period = f"{year}-{months[groups['month'].lower()]:02d}"
        if groups.get("day"):
            period += f"-{int(groups['day']):02d}"
            event = not groups.get("asof")  # "on December 18" dates an event; "as of May 31" dates a figure
    elif name == "last_month":
        if not published:
            return None
        month = months[groups["month"].lower()]
        if groups["month"].lower() == "may" and not groups.get("last"):
            return None  # "in May" is rare next to the modal verb "may"
        year = published.year if month < published.month or (month == published.month and not groups.get("last")) else published.year - 1
        period, relative = f"{year}-{month:02d}", True
    elif name == "year_range":
        period = f"{groups['y1']}..{groups['y2']}"
    elif name == "since":
        end = published.year if published else None
        period = f"{groups['year']}..{end}" if end else groups["year"]
    elif name in ("year", "cjk_year"):
        if name == "year" and not is_period_year(match, text, preposition):
            return None
        period = groups["year"]
    elif name == "relative_year":
        if not published:
            return None
        last = match.group(0).lower() in [w.lower() for w in vocab["last_year"]]
        period, relative = str(published.year - (1 if last else 0)), True
    elif name == "now":
        if not published:
            return None
        period, relative = f"{published.year}-{published.month:02d}", True
    else:
        return None
    return PeriodMention(
        start=match.start(),
        end=match.end(),
        period=period,
        text=text[match.start() : match.end()],
        relative=relative,
        fronted=is_fronted(text, match),
        event=event,
    )


def five_year_plan_start(number: int, known: dict) -> int:
    if number in known:
        return known[number]
    last = max(known)
    return known[last] + 5 * (number - last)


def is_period_year(match: re.Match, text: str, preposition: re.Pattern) -> bool:
    """A bare year is a period after a preposition or before punctuation, not when it names something."""
    before = text[max(0, match.start() - 16) : match.start()]
    if ends_with(before, preposition):
        return True
    after = text[match.end() : match.end() + 2]
    return after == "" or after[0] in ",.;:)!?" or after.startswith((" (", " -"))


def is_fronted(text: str, match: re.Match) -> bool:
    """The expression opens its sentence and is closed by a comma: 'In 2024, ...', 'As of March 2025, ...'."""
    if match.start() > 20:
        return False
    opener = text[: match.start()].strip().lower()
    return opener in ("", "in", "by", "as of", "during", "at", "for", "throughout", "as of the", "by the", "at the", "in the") and text[
        match.end() : match.end() + 2
    ].startswith(",")


CLAUSE_BREAK = re.compile(r"[,;]|\bwhile\b|\bwhereas\b")
PARENTHESES = re.compile(r"\([^)]*\)")
ATTACHING = re.compile(r"^[\s,)]*(?:in|for|of|as of|by|at|during|through|throughout)?\s*(?:the\s+)?$", re.I)
FROM_TO = re.compile(rf"\bfrom\b[^;]*?\b(?P<y1>{YEAR})\b[^;]*?\bto\b[^;]*?\b(?P<y2>{YEAR})\b", re.I)


def outside(quantities: list[Quantity], mentions: list[PeriodMention]) -> list[Quantity]:
    """The figures that are not part of a time expression ('five' in 'over the past five years')."""
    kept = []
    for quantity in quantities:
        at = bisect.bisect_right(KeyView(mentions), quantity.start)
        if not (at and mentions[at - 1].start <= quantity.start < mentions[at - 1].end):
            kept.append(quantity)
    return kept


def attached_mention(text: str, quantity: Quantity, quantity_starts: list[int], mentions: list[PeriodMention]):
    """The period written right after a figure ('245.31 billion yuan in 2024'), skipping a parenthesis."""
    at = bisect.bisect_left(KeyView(mentions), quantity.end)
    if at == len(mentions):
        return None
    mention = mentions[at]
    between = text[quantity.end : mention.start]
    if not ATTACHING.match(PARENTHESES.sub("", between) if "(" in between else between):
        return None
    first, last = bisect.bisect_left(quantity_starts, quantity.end), bisect.bisect_left(quantity_starts, mention.start)
    if all("(" in text[quantity.end : start] for start in quantity_starts[first:last]):
        return mention
    return None


def assign_periods(
    text: str, quantities: list[Quantity], mentions: list[PeriodMention], context: PeriodMention | None = None
) -> list[Quantity]:
    """Give each figure the period it describes: the one attached to it, else the nearest before it in
    the sentence, else the nearest after it in the same clause, else the paragraph's context."""
    usable = [m for m in mentions if not m.event]
    starts = [q.start for q in quantities]
    attached = [attached_mention(text, q, starts, usable) for q in quantities]
    claimed = {id(m) for m in attached if m}
    ends = [m.end for m in usable]
    result = []
    for quantity, mention in zip(quantities, attached):
        from_to = FROM_TO.search(text) if mention is None and quantity.kind == "growth" else None
        if from_to:
            result.append(quantity.with_period(f"{from_to['y1']}..{from_to['y2']}", "stated"))
            continue
        if mention is None:
            # the nearest period in the figure's own clause, before or after it; else the last one before it
            before = bisect.bisect_right(ends, quantity.start)
            preceding = usable[before - 1] if before else None
            in_clause = preceding if preceding and not CLAUSE_BREAK.search(text, preceding.end, quantity.start) else None
            mention = in_clause or following_mention(text, quantity, usable, claimed) or preceding
        if mention is not None:
            result.append(quantity.with_period(mention.period, "stated"))
        elif context is not None:
            result.append(quantity.with_period(context.period, "context"))
        else:
            result.append(quantity.with_period(UNSPECIFIED, "none"))
    return result


def following_mention(text: str, quantity: Quantity, mentions: list[PeriodMention], claimed: set[int]) -> PeriodMention | None:
    """The nearest period after a figure, not attached to another figure, in the same clause."""
    for mention in mentions[bisect.bisect_left(KeyView(mentions), quantity.end) :]:
        if id(mention) in claimed:
            continue
        return None if CLAUSE_BREAK.search(text, quantity.end, mention.start) else mention
    return None


def fronted_period(mentions: list[PeriodMention]) -> PeriodMention | None:
    """The period a sentence opens with, which the next sentences of its paragraph inherit."""
    return next((m for m in mentions if m.fronted and not m.event and "-" not in m.period[5:] and not is_now(m)), None)


def is_now(mention: PeriodMention) -> bool:
    """'Currently', 'to date': the state at publication, which says nothing of the next sentence's figures."""
    return mention.relative and mention.text.lower() in [w.lower() for w in period_vocabulary()["as_of_publication"]]


def read_figures(text: str, published: date | None = None) -> list[Quantity]:
    """The quantities of one sentence with the period each describes (the `szcheck parse` view)."""
    quantities = read_quantities(text)
    if not quantities:
        return []  # a sentence with no figure needs no period reading
    mentions = read_periods(text, published)
    return assign_periods(text, outside(quantities, mentions), mentions)
