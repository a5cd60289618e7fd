"""Periods: running every language's period rules over a sentence, and giving each figure its period."""

from __future__ import annotations

import bisect
import math
import functools
import re
from dataclasses import replace
from datetime import date

from ..model import UNSPECIFIED, PeriodMention, Quantity
from ..money import one_word_names
from .calendar import PeriodRule, months_from_january
from ..build_cache import built
from .patterns import lower_in_place, with_start_test, word_alternation

CONTEXT = "en"  # the language whose rule finds the years a growth rate spans (see szcheck.languages)


@functools.cache
def period_rules() -> list[tuple[PeriodRule, re.Pattern, str | tuple[str, ...] | re.Pattern]]:
    """Every language's rules in rank order, compiled, with their trigger tests. A rule runs only on
    text that holds one of its trigger words (or matches its trigger regex): most sentences name no
    month, half or plan. Equal triggers are tested once."""
    from ..languages import grammars, vocabulary

    vocab = vocabulary("periods")
    found = sorted((rule for language in grammars("periods") for rule in language.rules(vocab)), key=lambda rule: rule.rank)
    # The patterns run on the lower-cased text: case-insensitive matching is several times slower.
    # kept between runs (the rules themselves hold functions, so only their patterns are)
    compiled = built("period_rules", lambda: compile_rules(found))
    if [source for source, _ in compiled] != [rule.pattern for rule in found]:
        compiled = compile_rules(found)
    return [(rule, pattern, trigger_test(rule.trigger)) for rule, (_, pattern) in zip(found, compiled)]


def compile_rules(rules: list[PeriodRule]) -> list[tuple[str, re.Pattern]]:
    """Each rule's pattern as written, and compiled with a test of where it can begin."""
    return [(rule.pattern, re.compile(with_start_test(rule.pattern))) for rule in rules]


@functools.cache
def context_periods():
    """The period grammar of the language that reads a figure's context (it finds growth spans)."""
    from ..languages import grammar

    return grammar(CONTEXT, "periods")


def trigger_test(trigger: str | list[str] | re.Pattern) -> str | tuple[str, ...] | re.Pattern:
    """A word or words, tested with `in` (much cheaper than a regex; '' always passes), or a regex.
    A word that contains another of the list adds nothing ('Sept' holds 'Sep'), so it is dropped;
    equal lists give equal tuples, so that patterns share their test."""
    if isinstance(trigger, list):
        return tuple(sorted(word for word in set(trigger) if not any(other != word and other in word for other in trigger)))
    return trigger


@functools.cache
def trigger_kinds() -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...], tuple[re.Pattern, ...]]:
    """The rules' distinct triggers, by kind: a word, a list of words (capitalized ones, the month
    names, are looked for as written, the rest in the lower-cased text), a regex."""
    triggers = dict.fromkeys(trigger for _, _, trigger in period_rules())
    return (tuple(t for t in triggers if isinstance(t, str)), tuple(t for t in triggers if isinstance(t, tuple)),
            tuple(t for t in triggers if isinstance(t, re.Pattern)))


@functools.cache
def word_list_tests() -> tuple[tuple[tuple[str, ...], re.Pattern | None, bool, tuple[bool, bool]], ...]:
    """For each list of trigger words: a pattern finding any of them when its words share their first
    character (one search then skips to that character) or are capitalized (the month names, looked for
    as written), else None (an `in` test per word costs less than a search trying several first
    characters at every place); whether it is looked for as written; and the script its words need
    (see script_needed)."""
    tests = []
    for word_list in trigger_kinds()[1]:
        cased = word_list[0][:1].isupper()
        pattern = re.compile("|".join(re.escape(word) for word in word_list)) if cased or len({w[0] for w in word_list}) == 1 else None
        tests.append((word_list, pattern, cased, script_needed(word_list)))
    return tuple(tests)


LATIN_LETTER = re.compile("[a-z]")


def script_needed(words) -> tuple[bool, bool]:
    """(every word holds a character outside ASCII: no ASCII text holds one of them, every word holds a
    Latin letter: no text whose lower case has none of a-z holds one)."""
    return all(not word.isascii() for word in words), all(LATIN_LETTER.search(word.lower()) for word in words)


@functools.cache
def single_word_tests() -> tuple[tuple[str, tuple[bool, bool]], ...]:
    return tuple((word, script_needed([word]) if word else (False, False)) for word in trigger_kinds()[0])


def triggered_rules(text: str, lowered: str) -> dict:
    """Each distinct trigger -> whether `text` holds it. A sentence of ASCII holds no Han word, one without a
    Latin letter no English word: those tests are answered without looking (str.isascii costs nothing)."""
    ascii_only = text.isascii()  # then its lower case is too (not the other way round: the Kelvin sign lowers to 'k')
    no_latin = not ascii_only and LATIN_LETTER.search(lowered) is None

    def absent(script: tuple[bool, bool]) -> bool:
        return (script[0] and ascii_only) or (script[1] and no_latin)

    triggered: dict = {word: not absent(script) and word in lowered for word, script in single_word_tests()}
    for word_list, holds_one, cased, script in word_list_tests():
        if absent(script):
            triggered[word_list] = False
        elif holds_one is not None:
            triggered[word_list] = holds_one.search(text if cased else lowered) is not None
        else:
            triggered[word_list] = any(map(lowered.__contains__, word_list))
    for regex in trigger_kinds()[2]:
        triggered[regex] = regex.search(lowered) is not None
    return triggered


def transparent(vocab: dict) -> str:
    """Lookarounds that keep a comma next to a word set off by commas that leaves its clause whole (", respectively,")
    from breaking the clause."""
    words = vocab.get("transparent_asides") or []
    return "".join(rf"(?!\s*{re.escape(word)}\s*,)(?<!{re.escape(word)},)" for word in words)


@functools.cache
def period_words() -> dict:
    from ..languages import vocabulary

    vocab = vocabulary("periods")
    return {
        "vocab": vocab,
        "openers": frozenset(vocab["fronted_openers"]),
        "now": frozenset(w.lower() for w in vocab["as_of_publication"]),
        # "grew 14% and now account for 18%": a time of now after a joiner dates the joined verb's figures only
        "now_joined": re.compile(rf"\s(?:{word_alternation(vocab.get('now_after_joiners') or ['(?!x)x'])})\s+$", re.I),
        "clause_break": re.compile(rf"(?:(?<!\d),|,(?!\d)){transparent(vocab)}|;|" + word_alternation(vocab["clause_breaks"])),  # not "2,380"
        "point_words": re.compile(word_alternation(vocab["point_words"]), re.I),
        "point_openers": re.compile(rf"(?:{word_alternation(vocab['point_openers'])})\s*$", re.I),
        # "lower than in 2023", "eased from the peaks of 2023": the time of what is compared
        # ("against the dollar this year" sets a currency against another, not a time against this year)
        "compared": re.compile(rf"(?:{word_alternation(vocab['comparison_words'])})\s+(?:(?:{word_alternation(vocab['articles'])})\s+"
                               rf"(?:(?!(?:{word_alternation(sorted(one_word_names()))})\s)[a-z]+\s+)?)?"
                               rf"(?:(?:{word_alternation(vocab['attaching_words'])})\s+)?$"),
        "said_before": re.compile(rf"(?<![\w-])(?:{word_alternation(vocab.get('statement_verbs') or ['(?!x)x'])})\s+"
                                  rf"(?:(?:{word_alternation(vocab['attaching_words'])})\s+)?$", re.I),
        "span_start": re.compile(rf"(?:{word_alternation(vocab.get('span_start_words') or ['(?!x)x'])})\s+$", re.I),
        "change_to_level": re.compile(rf"\s+(?:{word_alternation(vocab.get('change_to_level') or ['(?!x)x'])})\s*$", re.I),
        "a_year_back": re.compile(rf"(?:\s+(?:{word_alternation(vocab['a_year_back_nouns'])}))?\s+(?:{word_alternation(vocab['a_year_back_after'])})(?![\w-])", re.I),
        # "the peaks of 2023, when the group had reported ...": a relative clause of time is dated by the time before it
        "time_relative": re.compile(rf",?\s*(?:{word_alternation(vocab.get('time_relatives') or ['(?!x)x'])})(?![\w-])", re.I),
        # "the A$2.6 billion it had expected in December": when a forecast was made, not the period it is for
        "when_expected": re.compile(rf"(?:{word_alternation(vocab.get('expecting_subjects') or ['(?!x)x'])})\s+"
                                    rf"(?:{word_alternation(vocab.get('expecting_participles') or ['(?!x)x'])})\s+$", re.I),
        # "11.4 trillion shillings, or about $88 billion, at the end of June": a restatement dates its figure too
        "restating": re.compile(rf"\s*[,(]\s*(?:{word_alternation(vocab.get('restating_words') or ['(?!x)x'])})(?:\s+[a-z]+){{0,2}}\s+$", re.I),
        "bound_opener": re.compile(rf",\s*(?:(?:{word_alternation(vocab.get('bound_relatives') or ['(?!x)x'])})"
                                   rf"|(?:{word_alternation(vocab.get('bound_participles') or ['(?!x)x'])})\s+"
                                   rf"(?:{word_alternation(vocab.get('bound_participle_prepositions') or ['(?!x)x'])}))(?![\w-])", re.I),
        "bound_after_figure": re.compile(rf"\s+(?:{word_alternation(vocab.get('bound_participles') or ['(?!x)x'])})\s+"
                                         rf"(?:{word_alternation(vocab.get('bound_participle_prepositions') or ['(?!x)x'])})(?![\w-])", re.I),
        "dating_before": re.compile(rf"(?<![\w-])(?:{word_alternation(vocab['dating_words'])})\s+$", re.I),
        "change_noun": re.compile(rf"^\s*(?:{word_alternation(vocab.get('change_nouns_after') or ['(?!x)x'])})(?![\w-])", re.I),
        "place_adverb": re.compile(rf"^\s*(?:{word_alternation(vocab.get('place_adverbs') or ['(?!x)x'])})(?=\s)", re.I),
        # "$1.75 a pound in the June quarter": a price's unit does not part it from its period
        "attaching": re.compile(rf"^(?:\s+(?:{word_alternation(vocab['per_unit_words'])})\s+[a-z]+)?[\s,)]*"
                                rf"(?:{word_alternation(vocab['attaching_words'])})?\s*(?:{word_alternation(vocab['articles'])}\s+)?$", re.I),
    }


def read_periods(text: str, published: date | None = None) -> list[PeriodMention]:
    """Every time expression in `text`, longest first, without overlaps; relative ones need `published`."""
    vocab = period_words()["vocab"]
    taken: list[PeriodMention] = []  # kept sorted by start, so an overlap test is a bisection
    lowered = lower_in_place(text)
    triggered = triggered_rules(text, lowered)
    for rule, pattern, trigger in period_rules():
        if not triggered[trigger]:
            continue
        for match in pattern.finditer(lowered):
            at = bisect.bisect_left(KeyView(taken), match.start())
            if (at < len(taken) and taken[at].start < match.end()) or (at > 0 and taken[at - 1].end > match.start()):
                continue
            resolved = rule.resolve(match, text, published, vocab)
            if resolved:
                period, relative, event, *anchor = resolved
                taken.insert(at, PeriodMention(start=match.start(), end=match.end(), period=period, text=text[match.start() : match.end()],
                                               relative=relative, fronted=is_fronted(text, match), event=event, anchor="".join(anchor),
                                               point=is_point(text, match), running=rule.running))
    return put_a_year_back(text, [as_time_of_saying(text, mention) for mention in taken])


def as_time_of_saying(text: str, mention: PeriodMention) -> PeriodMention:
    """A time written right after a verb of expecting that has its own subject ('the 9.2 million it had forecast
    in May'), or a month or a day right after a verb of saying ('said in May that'), says when the statement was
    made: an event, which dates no figure."""
    if mention.event:
        return mention
    expected = period_words()["when_expected"].search(text, max(0, mention.start - 40), mention.start)
    said = MONTH_OR_DAY.fullmatch(mention.period) and period_words()["said_before"].search(text, max(0, mention.start - 30), mention.start)
    return replace(mention, event=True) if expected or said else mention


MONTH_OR_DAY = re.compile(r"\d{4}-\d\d(?:-\d\d)?")


MAY_BE_PUT_BACK = re.compile(r"Q|(?:H|Q)[1-4]|")  # anchors of a period named without its year


def put_a_year_back(text: str, mentions: list[PeriodMention]) -> list[PeriodMention]:
    """'the April-June period a year earlier', 'the third quarter a year ago': a period named without its
    year and then put a year back is that period of the year before (the words are part of the mention)."""
    pattern, kept = period_words()["a_year_back"], []
    for mention in mentions:
        if kept and kept[-1].end > mention.start:
            continue  # "a year earlier" read on its own, now part of the mention before it
        found = pattern.match(text, mention.end) if mention.relative and not mention.event and MAY_BE_PUT_BACK.fullmatch(mention.anchor) else None
        if found:
            mention = replace(mention, end=found.end(), text=text[mention.start : found.end()], period=year_before(mention.period))
        kept.append(mention)
    return kept


class KeyView:
    """The starts of a sorted list of mentions, for bisect without copying them."""

    def __init__(self, mentions: list[PeriodMention]):
        self.mentions = mentions

    def __len__(self) -> int:
        return len(self.mentions)

    def __getitem__(self, index: int) -> int:
        return self.mentions[index].start


def is_fronted(text: str, match: re.Match) -> bool:
    """The expression opens its sentence and is closed by a comma ('In 2024, ...'): it sets the period of what follows."""
    if match.start() > 20:
        return False
    opener = text[: match.start()].strip().lower()
    return opener in period_words()["openers"] and text[match.end() : match.end() + 2].startswith((",", "\uff0c"))


def is_point(text: str, match: re.Match) -> bool:
    """The expression names a moment, not a stretch of time: 'at the end of 2024', 'as of June' (each language's point words)."""
    words = period_words()
    return words["point_words"].search(text, match.start(), match.end()) is not None \
        or words["point_openers"].search(text, max(0, match.start() - 8), match.start()) is not None


def flow_through(period: str) -> str:
    """What a flow up to a moment covers: the year to its month (2024-12 -> 2024, 2025-06 -> 2025-H1,
    2025-10 -> 2025-01/2025-10); any other period stays as it is."""
    month = re.fullmatch(r"(\d{4})-(\d\d)", period)
    return months_from_january(int(month[1]), int(month[2])) if month else period


PARENTHESES = re.compile(r"\([^)]*\)")


def outside(quantities: list[Quantity], mentions: list[PeriodMention]) -> list[Quantity]:
    """The figures that are not part of a time expression (the count in 'over the past five years')."""
    kept = []
    for quantity in quantities:
        at = bisect.bisect_right(KeyView(mentions), quantity.start)
        if not (at and mentions[at - 1].start <= quantity.start < mentions[at - 1].end):
            kept.append(quantity)
    return kept


def without_noun(between: str, noun: str | None) -> str:
    """'8.9 million vehicles worldwide in the year to March 2026': the noun a figure counts, and a word
    saying where (vocabulary `place_adverbs`), stand between a figure and its period."""
    stripped = between.lstrip()
    if noun and stripped.startswith(noun):
        between = stripped[len(noun) :]
    return period_words()["place_adverb"].sub("", between, count=1)


BASE_REACH = 12  # characters before a share's whole: the word joining them, an article ("of the")


def without_base(between: str, base: str | None) -> str:
    """'12% of output in 2024': the whole a share is of stands between it and its period."""
    at = between.find(base) if base else -1
    return between[at + len(base) :] if 0 <= at <= BASE_REACH else between


def attached_mention(text: str, quantity: Quantity, quantity_starts: list[int], mentions: list[PeriodMention]):
    """The period written right after a figure, skipping a parenthesis."""
    at = bisect.bisect_left(KeyView(mentions), quantity.end)
    if at == len(mentions):
        return None
    mention = mentions[at]
    between = without_noun(without_base(text[quantity.end : mention.start], quantity.base), quantity.noun)
    if quantity.kind == "growth":
        between = period_words()["change_noun"].sub("", between, count=1)
    if not period_words()["attaching"].match(PARENTHESES.sub("", between) if "(" in between else between):
        return None
    first, last = bisect.bisect_left(quantity_starts, quantity.end), bisect.bisect_left(quantity_starts, mention.start)
    if all("(" in text[quantity.end : start] for start in quantity_starts[first:last]):
        return mention
    return None


CLAUSE_END = re.compile(r"(?<!\d),|,(?!\d)|;")  # not the comma inside "1,150"


def bound_clauses(text: str, quantities: list[Quantity]) -> list[tuple[int, int]]:
    """(start, end) of each clause whose period dates only the figures inside it (`bound_relatives` and the
    participles of the language's periods vocabulary), in order of start."""
    words = period_words()
    spans = [(found.start(), end) for found in words["bound_opener"].finditer(text)
             if closed_before_more(text, end := clause_end(text, found.end()))]
    spans += [(q.start, clause_end(text, q.end)) for q in quantities if words["bound_after_figure"].match(text, q.end)]
    return sorted(spans)


def closed_before_more(text: str, end: int) -> bool:
    """A comma closes the clause at `end` and the word after it does not go on with that clause."""
    after = NEXT_WORD.match(text, end)
    return after is not None and not after[1].lower().endswith(tuple(period_words()["vocab"].get("continuing_endings") or ()))


NEXT_WORD = re.compile(r",\s*(\w+)")


def clause_end(text: str, start: int) -> int:
    found = CLAUSE_END.search(text, start)
    return found.start() if found else len(text)


def bound_clause_at(spans: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    at = bisect.bisect_right(spans, (position, math.inf)) - 1
    return spans[at] if at >= 0 and spans[at][0] <= position < spans[at][1] else None


def bound_elsewhere(bound: list[tuple[int, int]], own: tuple[int, int] | None, mention: PeriodMention) -> bool:
    """A period inside a clause that dates only its own figures, other than the clause the figure stands in."""
    return bool(bound) and bound_clause_at(bound, mention.start) not in (None, own)


def unbound(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """The figures outside the clauses that date only their own: those whose periods a sentence states for the next."""
    spans = bound_clauses(text, quantities)
    return [q for q in quantities if bound_clause_at(spans, q.start) is None] if spans else quantities


def assign_periods(
    text: str, quantities: list[Quantity], mentions: list[PeriodMention], context: PeriodMention | None = None
) -> list[Quantity]:
    """Give each figure the period it describes: the one attached to it, else the nearest before it in
    the sentence, else the nearest after it in the same clause, else the paragraph's context."""
    growth_span = context_periods().growth_span
    clause_break = period_words()["clause_break"]
    usable = [m for m in mentions if not m.event]
    starts = [q.start for q in quantities]
    attached = restated_periods(text, quantities, [attached_mention(text, q, starts, usable) for q in quantities])
    claimed = {id(m) for m in attached if m}
    compared = period_words()["compared"]
    # "from 25.1 million in the same period last year": a period attached to a compared figure dates it only
    of_a_base = {id(m) for q, m in zip(quantities, attached) if m and compared.search(text, max(0, q.start - 40), q.start)}
    set_against = {id(m) for m in usable if compared.search(text[max(0, m.start - 30) : m.start].lower())}
    # "short of the 47.4°C it reached in 2021": a period after a compared figure is that figure's, not an earlier one's
    base_starts = [q.start for q in quantities if compared.search(text, max(0, q.start - 40), q.start)]
    # "up 14% on the previous season, as ... lifted income to £198 million": a growth's base dates no later figure
    quantity_ends = [q.end for q in quantities]
    growth_bases = {id(m) for m in usable if m.anchor in ("B", "P", "A") and follows_a_growth(text, quantities, quantity_ends, m)}
    bound = bound_clauses(text, quantities)
    ends = [m.end for m in usable]
    result = []
    spans: list[str | None] = []  # the sentence's growth span, found once, when a growth figure needs it
    for index, (quantity, mention) in enumerate(zip(quantities, attached)):
        own = bound_clause_at(bound, quantity.start) if bound else None
        elsewhere = functools.partial(bound_elsewhere, bound, own)
        start = None if mention else start_of_span(text, quantities, attached, index)
        if start is not None:
            result.append(quantity.with_period(*start))
            continue
        mention = mention or level_mention(text, quantities, attached, index)
        if mention is None and quantity.kind == "growth" and not spans:
            spans.append(growth_span(text))
        span = spans[0] if mention is None and quantity.kind == "growth" else None
        if span:
            result.append(quantity.with_period(span, "stated"))
            continue
        if mention is None:
            # the nearest period in the figure's own clause, before or after it; else the last one before it
            before = bisect.bisect_right(ends, quantity.start)
            while before and (id(usable[before - 1]) in set_against and id(usable[before - 1]) not in claimed
                              and not period_words()["time_relative"].match(text, usable[before - 1].end) or id(usable[before - 1]) in growth_bases
                              or elsewhere(usable[before - 1])):
                before -= 1  # 'Compared with September 2024, output was 1.0% lower': the time of the base dates no later figure
            preceding = usable[before - 1] if before else None
            in_clause = preceding if preceding and within_clause(text, preceding.end, quantity.start, clause_break) else None
            following = following_mention(text, quantity, usable, claimed, clause_break, elsewhere)
            if following is not None and bisect.bisect_left(base_starts, quantity.end) < bisect.bisect_left(base_starts, following.start):
                following = None
            if in_clause and following and (in_clause.text.lower() in period_words()["now"] or id(in_clause) in claimed) \
                    and following.start - quantity.end < quantity.start - in_clause.end:
                # "now has 52,000 employees and spent $3.1 billion on R&D in the quarter", "held rates at 4% this
                # month and forecast inflation of 3% by mid-2026": the nearer, when the one before is another's
                in_clause = None
            mention = in_clause or following or (preceding if preceding is None or id(preceding) not in of_a_base
                                                 or in_its_time_clause(text, preceding, quantity, clause_break) else None)
        if mention is not None and quantity.kind == "growth" and (mention.anchor in ("P", "A") or mention.anchor == "B" and not dates_a_change(text, mention)):
            # "an increase of 14% on the same period last year": the base of the growth, not its period
            mention = next((m for m in reversed(usable[: bisect.bisect_right(ends, quantity.start)]) if m.anchor not in ("P", "A")), None)
        if mention is not None and mention.running and SPAN_MARK.search(mention.period) and mention.end <= quantity.start \
                and period_words()["time_relative"].match(text, mention.end):
            # "since September, when the Selic stood at 10.50%": the time the span started from
            result.append(quantity.with_period(SPAN_MARK.split(mention.period)[0], "stated"))
        elif mention is not None and mention.running and quantity.kind == "share":
            # "has cut its rate by 150 basis points to 4.75% since September": a rate's level is the one now
            result.append(quantity.with_period(last_month(mention.period) or mention.period, "stated"))
        elif mention is not None:
            # a period the words name without its months ("its fiscal fourth quarter"): left open, never inferred
            result.append(quantity.with_period(mention.period, "stated" if mention.period != UNSPECIFIED else "open"))
        elif context is not None:
            result.append(quantity.with_period(context.period, "context"))
        else:
            result.append(quantity.with_period(UNSPECIFIED, "none"))
    return result


SPAN_MARK = re.compile(r"/|\.\.")  # "2024-09/2025-06", "2019..2025": a span from its first period
BASE_GAP = 24  # characters between a growth and the base period after it ("% on the previous")


def follows_a_growth(text: str, quantities: list[Quantity], ends: list[int], mention: PeriodMention) -> bool:
    """A period written just after a growth figure, as its base ('up 14% on the previous season')."""
    at = bisect.bisect_right(ends, mention.start) - 1
    if at < 0:
        return False
    growth = quantities[at]
    return growth.kind == "growth" and mention.start - growth.end <= BASE_GAP and not any(c in text[growth.end : mention.start] for c in ",;(")


def dates_a_change(text: str, mention: PeriodMention) -> bool:
    """'rose 3% in the previous year': the year of the change; 'an increase of 25% over the previous year' its base."""
    return period_words()["dating_before"].search(text, max(0, mention.start - 12), mention.start) is not None


def restated_periods(text: str, quantities: list[Quantity], attached: list) -> list:
    """The period attached to a figure's restatement in another unit dates the figure too ('11.4 trillion
    shillings, or about $88 billion, at the end of June')."""
    restating = period_words()["restating"]
    for index in range(len(quantities) - 2, -1, -1):
        if attached[index] is None and attached[index + 1] is not None \
                and restating.fullmatch(text, quantities[index].end, quantities[index + 1].start):
            attached[index] = attached[index + 1]
    return attached


def level_mention(text: str, quantities: list[Quantity], attached: list, index: int) -> PeriodMention | None:
    """The period attached to the level a change reached ('rose 14.3% to $405.5 billion in 2024', 'fell by
    16,000 to 1.5 million in 2024'); not that of a level reached from a base ('from 1.2 million to ...')."""
    quantity = quantities[index]
    if quantity.kind not in ("growth", "amount", "count") or index + 1 == len(quantities) or attached[index + 1] is None:
        return None
    if quantity.kind != "growth" and period_words()["compared"].search(text, max(0, quantity.start - 40), quantity.start):
        return None
    between = without_noun(text[quantity.end : quantities[index + 1].start], quantity.noun)  # 'grew by 6,100 people to'
    return attached[index + 1] if period_words()["change_to_level"].fullmatch(between) else None


def start_of_span(text: str, quantities: list[Quantity], attached: list, index: int) -> tuple[str, str] | None:
    """(period, basis) of the level a change started from, when only the level it reached is dated: in
    'rose from $1.2 billion to $1.5 billion in 2024' the start is 2023's; of a part of a year, which the
    words leave open (the part before, or the same part a year back), it is unstated."""
    quantity = quantities[index]
    if index + 1 == len(quantities) or attached[index + 1] is None \
            or not period_words()["span_start"].search(text, max(0, quantity.start - 20), quantity.start) \
            or not period_words()["change_to_level"].fullmatch(text[quantity.end : quantities[index + 1].start]):
        return None
    reached = attached[index + 1].period
    return (year_before(reached), "inferred") if re.fullmatch(r"\d{4}", reached) else (UNSPECIFIED, "open")


def following_mention(text: str, quantity: Quantity, mentions: list[PeriodMention], claimed: set[int],
                      clause_break: re.Pattern, elsewhere=lambda mention: False) -> PeriodMention | None:
    """The nearest period after a figure, not attached to another figure, in the same clause."""
    compared = period_words()["compared"]
    for index in range(bisect.bisect_left(KeyView(mentions), quantity.end), len(mentions)):
        mention = mentions[index]
        if not within_clause(text, quantity.end, mention.start, clause_break):
            return None  # and so for every mention after it: stop here, or the search is quadratic
        if id(mention) in claimed or elsewhere(mention):
            continue
        if is_now(mention) and period_words()["now_joined"].search(text, quantity.end, mention.start):
            return None
        # the time of what the figure is compared with ('lower than in 2023') dates that side only
        return None if compared.search(text[max(0, mention.start - 30) : mention.start].lower()) else mention
    return None


CLAUSE_REACH = 300  # characters: a period further from its figure than this is not in the figure's clause


def in_its_time_clause(text: str, mention: PeriodMention, quantity: Quantity, clause_break: re.Pattern) -> bool:
    """'from 46,000 in 2010, when the vacancy rate was 14.2%': a figure in the relative clause of time right after a
    period is of that period, though the period also dates a compared figure."""
    relative = period_words()["time_relative"].match(text, mention.end)
    return relative is not None and within_clause(text, relative.end(), quantity.start, clause_break)


def within_clause(text: str, start: int, end: int, clause_break: re.Pattern) -> bool:
    """No clause ends between `start` and `end`, and they are near enough to share one."""
    return end - start <= CLAUSE_REACH and not clause_break.search(text, start, end)


def fronted_period(mentions: list[PeriodMention]) -> PeriodMention | None:
    """The period a sentence opens with, which the next sentences of its paragraph inherit."""
    return next((m for m in mentions if m.fronted and not m.event and is_span(m.period) and not is_now(m)), None)


def is_span(period: str) -> bool:
    """A year, a part of one, a month or an interval of months ('2024-01/2024-10'), not a day nor a
    time no year placed ('unspecified')."""
    return period != UNSPECIFIED and ("/" in period or "-" not in period[5:])


def is_now(mention: PeriodMention) -> bool:
    """A word for the time of publication says nothing of the next sentence's figures."""
    return mention.relative and mention.text.lower() in period_words()["now"]


def step_before(period: str, step: str) -> str:
    """The period one step before `period`: with step "M" the month before (2024-11 -> 2024-10), with
    "Q" the quarter before (2024-Q1 -> 2023-Q4), with "P" the period of the same length just before
    (2024-H2 -> 2024-H1). A run of months moves back by a month, by three months, or by its own length
    (2024-08/2024-10 -> 2024-05/2024-07 with "Q" or "P"). Anything else stays as it is."""
    months = month_run(period)
    if months:
        first, last = months
        back = {"M": 1, "Q": 3, "P": last - first + 1}[step]
        return "/".join(month_name(month - back) for month in (first, last)) if first != last else month_name(first - back)
    quarter = re.fullmatch(r"(\d{4})-Q([1-4])", period)
    if step in ("Q", "P") and quarter:
        number = int(quarter[1]) * 4 + int(quarter[2]) - 2
        return f"{number // 4}-Q{number % 4 + 1}"
    half = re.fullmatch(r"(\d{4})-H([12])", period)
    if step == "P" and half:
        return f"{half[1]}-H1" if half[2] == "2" else f"{int(half[1]) - 1}-H2"
    if step == "P" and re.fullmatch(r"\d{4}", period):
        return year_before(period)
    return period


def is_financial_year(period: str) -> bool:
    """Twelve months that are not a calendar year: '2025-04/2026-03'."""
    return financial_year_beside(period, 0) is not None


def holds(financial_year: str, period: str) -> bool:
    """Whether `period` lies within the financial year: '2025-04/2025-09' in '2025-04/2026-03'."""
    outer, inner = month_run(financial_year), months_of(period)
    return bool(outer and inner) and outer[0] <= inner[0] and inner[1] <= outer[1]


def months_of(period: str) -> tuple[int, int] | None:
    """The first and last month of a month, a run of months, a quarter or a half, counted from year 0."""
    part = re.fullmatch(r"(\d{4})-(Q|H)([1-4])", period)
    if not part:
        return month_run(period)
    length = 3 if part[2] == "Q" else 6
    first = int(part[1]) * 12 + (int(part[3]) - 1) * length
    return first, first + length - 1


def month_run(period: str) -> tuple[int, int] | None:
    """A month or a run of months as month numbers counted from year 0: '2024-08/2024-10'."""
    match = re.fullmatch(r"(\d{4})-(\d\d)(?:/(\d{4})-(\d\d))?", period)
    if not match:
        return None
    first = int(match[1]) * 12 + int(match[2]) - 1
    last = int(match[3]) * 12 + int(match[4]) - 1 if match[3] else first
    return first, last


def month_name(number: int) -> str:
    return f"{number // 12}-{number % 12 + 1:02d}"


def year_before(period: str) -> str:
    """The same period a year earlier: 2024 -> 2023, 2025-H1 -> 2024-H1, 2020..2024 -> 2019..2023."""
    return re.sub(r"\d{4}", lambda match: str(int(match.group(0)) - 1), period)


def anchored(mentions: list[PeriodMention], story: PeriodMention | None, published: date | None = None,
             fiscal: str = "") -> list[PeriodMention]:
    """Mentions of the story's own year, quarter or period ('the full year', 'the quarter', 'the period') resolved against
    the period the article last stated, when it has one; otherwise they keep their default. The full year of a
    story about part of a financial year the article stated (`fiscal`) is that financial year."""
    if not any(m.anchor for m in mentions):
        return mentions  # anchors: Y, Q, S ... the story's own; P the story's a year back ("the same period last
        # year"); B the year before the one said ("the previous year": the base of a growth unless "in" dates it);
        # A the story's period in a year written ("the same quarter of 2023")
    mentions = this_financial_year(mentions, story, published, fiscal)
    if story is None:
        mentions = [m for m in mentions if m.anchor not in ("S", "SE")]  # "over the period" with no period stated before says nothing
    else:
        held = fiscal if fiscal and holds(fiscal, story.period) else ""
        mentions = [replace(m, period=put_back(m, held if held and m.anchor == "Y" else period_within(story.period, m.anchor, published) or m.period))
                    if m.anchor not in ("", "P", "B", "A") else m for m in mentions]
    return [a_year_before_the_one_said(mentions, index, story) if m.anchor in ("P", "B", "A") else m for index, m in enumerate(mentions)]


def this_financial_year(mentions: list[PeriodMention], story: PeriodMention | None, published: date | None,
                        fiscal: str = "") -> list[PeriodMention]:
    """'this year', 'the current year' ('C') in a story about a financial year that is not a calendar year (the
    story's, one its own sentence states: "in the fiscal year starting July 1, up from 3.99 trillion shillings
    this year", or the one the article last stated) is the one of that kind under way at publication; in any
    other story the calendar year, as said."""
    if not any(m.anchor == "C" for m in mentions):
        return mentions
    own = next((m for m in mentions if not m.anchor and financial_year_beside(m.period, 0)), None)
    model = own.period if own is not None else story.period if story is not None else fiscal
    current = financial_year_at(model, published) if model else None
    return [(replace(m, period=current) if current else replace(m, anchor="")) if m.anchor == "C" else m for m in mentions]


def put_back(mention: PeriodMention, period: str) -> str:
    """A period resolved against the story, a year back when its mention says so ('the quarter a year ago')."""
    return year_before(period) if period_words()["a_year_back"].search(mention.text) else period


def a_year_before_the_one_said(mentions: list[PeriodMention], index: int, story: PeriodMention | None) -> PeriodMention:
    """'1.9 billion dollars in the third quarter, compared with 1.7 billion dollars in the same quarter a
    year earlier': the sentence's own period before it, else the story's, a year earlier; 'in the same quarter
    of 2023' (anchor A): that period in the year written."""
    mention = mentions[index]
    said = next((m for m in reversed(mentions[:index]) if m.anchor not in ("P", "A") and not m.event and is_span(m.period) and not is_now(m)), story)
    if said is None:
        return mention
    if mention.anchor == "A":
        return replace(mention, period=in_year(said.period, int(mention.period)))
    return replace(mention, period=year_before(said.period))


def in_year(period: str, year: int) -> str:
    """The same period in another year: 2024-Q3 in 2023 -> 2023-Q3, 2024-01/2024-09 -> 2023-01/2023-09."""
    first = re.search(r"\d{4}", period)
    shift = year - int(first.group(0)) if first else 0
    return re.sub(r"\d{4}", lambda match: str(int(match.group(0)) + shift), period)


PART_OF_YEAR = re.compile(r"(?:H|Q)[1-4]")


def is_part_of_year(anchor: str) -> bool:
    """'H2', 'Q4': a half or quarter written without its year, of the story's year."""
    return PART_OF_YEAR.fullmatch(anchor) is not None


def period_within(period: str, unit: str, published: date | None = None) -> str | None:
    """The year ('Y') or quarter ('Q') that `period` lies in: 2024-Q3 -> 2024, 2024-08 -> 2024-Q3;
    with 'S' the period itself (what "over the period" refers to), with 'H2' or 'Q4' that part of its year; with 'YE' or 'QE' the last month of
    that year or quarter ("at the end of the year": 2024-12; of a financial year, its last month), with
    'SE' of the period itself ("at the end of the period")."""
    if unit == "S":
        return period
    if is_part_of_year(unit):
        year = re.match(r"\d{4}(?=$|-(?:H|Q)\d$|-\d\d$)", period)
        return f"{year[0]}-{unit}" if year else None
    if unit == "C":
        return financial_year_at(period, published)
    if unit == "SE":
        return last_month(period)
    if unit in ("YE", "QE"):
        run = month_run(period)
        if unit == "YE" and run and run[1] - run[0] == 11:
            return month_name(run[1])
        within = period_within(period, unit[0])
        return last_month(within) if within else None
    if unit in ("N", "L"):
        return financial_year_beside(period, 12 if unit == "N" else -12)
    if unit == "Y" and financial_year_beside(period, 0):
        return period  # "full-year" in a story about the financial year to March 2026: that financial year
    year = re.match(r"(\d{4})(?:$|-(?:Q([1-4])$|H[12]$|(\d\d)$|\d\d/\1-\d\d$))", period)
    if not year:
        return None
    if unit == "Y":
        return year[1]
    if year[2]:
        return period
    return f"{year[1]}-Q{(int(year[3]) - 1) // 3 + 1}" if year[3] else None


def financial_year_at(period: str, published: date | None) -> str | None:
    """The financial year of the same kind as `period` (not a calendar year) that holds the publication
    month: 2024-04/2025-03 published in May 2025 -> 2025-04/2026-03."""
    run = month_run(period)
    if not run or run[1] - run[0] != 11 or run[0] % 12 == 0 or published is None:
        return None
    month = published.year * 12 + published.month - 1
    shift = (month - run[0]) // 12 * 12
    return f"{month_name(run[0] + shift)}/{month_name(run[1] + shift)}"


def financial_year_beside(period: str, months: int) -> str | None:
    """The financial year `months` (12 or -12) after a financial year that is not a calendar year:
    2023-03/2024-02 -> 2024-03/2025-02; None for any other period (a calendar year keeps its words)."""
    run = month_run(period)
    if not run or run[1] - run[0] != 11 or run[0] % 12 == 0:
        return None
    return f"{month_name(run[0] + months)}/{month_name(run[1] + months)}"


def last_month(period: str) -> str | None:
    """The month a period ends in: 2024 -> 2024-12, 2024-Q3 -> 2024-09, 2024-H1 -> 2024-06,
    2024-01/2024-10 -> 2024-10, 2024-05 -> 2024-05; None for a day or a run of years."""
    found = re.fullmatch(r"(\d{4})(?:-(?:Q([1-4])|H([12])|(\d\d))|-\d\d/(\d{4}-\d\d))?", period)
    if not found:
        return None
    year, quarter, half, month, until = found.groups()
    if until:
        return until
    end = int(month) if month else int(quarter) * 3 if quarter else int(half) * 6 if half else 12
    return f"{year}-{end:02d}"
