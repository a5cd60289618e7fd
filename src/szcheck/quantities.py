"""Quantity reader: the figures of a sentence as intervals in a base unit (CNY, USD, percent, count, ...)."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .model import Quantity
from .registry import period_vocabulary, quantity_vocabulary

NOUN_STOP_WORDS = set(
    """and or but with in of to from for that which who whom whose including include includes such as than
    were was are is be been being has have had by at on as per
    respectively while when where among across into over under between after before since until during
    valued worth totaling totalling reaching accounting it its their this these those the a an each every
    will would can could may might should shall about around nearly almost already still now currently 至 到 之间""".split()
)
CJK_CLASSIFIER = re.compile(r"[家个項项名位所只台件座条笔家次户]\w")
NOUN_TOKEN = re.compile(r"\s*(?:[-–]\s*)?([“\"‘']?[A-Za-z][\w'’&./-]*[”\"’']?|[\u4e00-\u9fff]+)")


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


@dataclass(frozen=True)
class Lexicon:
    """The reader's vocabulary, compiled once per process."""

    figure_anywhere: str  # source of a pattern trying a figure at every place one can begin: figure_matches's reference
    digit_figure: re.Pattern  # the same, tried only where a digit, a sign or a symbol can begin one
    figure_body: re.Pattern  # the same, with no test of where it begins (for match at a known place)
    qualifier_before: re.Pattern  # matched against reversed text: see ending_with
    growth_cues: re.Pattern  # searched in lower-cased text
    share_phrase: re.Pattern  # matched against reversed text
    growth_after: re.Pattern
    decrease_after: re.Pattern
    not_quantity_before: frozenset
    scales: dict
    short_scales: frozenset
    vague_multipliers: dict
    vague_scales: dict
    number_words: dict
    currency_of: dict  # lower-cased symbol or word -> ISO code
    qualifier_of: dict  # lower-cased qualifier phrase -> qualifier
    qualifier_after: dict
    decrease_words: frozenset
    percent_words: frozenset
    point_words: frozenset
    basis_point_words: frozenset
    rate_per: re.Pattern
    rate_adverbs: dict
    time_nouns: frozenset
    noun_stop_words: frozenset
    about_relative: float
    nearly_relative: float
    figure_word: re.Pattern  # a word that can begin a figure with no digit in it ("six", "billion-yuan", "tens"), in lower-cased text
    month_words: frozenset  # "December 18", "Sept. 2": a number after these is a day


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


@functools.cache
def lexicon() -> Lexicon:
    vocab = quantity_vocabulary()
    scales = {word.lower(): float(value) for word, value in vocab["scales"].items()}
    currency_of, symbols, unit_words = {}, [], []
    for code, spec in vocab["currencies"].items():
        for symbol in spec.get("symbols", []):
            currency_of[symbol.lower()] = code
            symbols.append(symbol)
        for word in spec.get("words", []):
            currency_of[word.lower()] = code
            unit_words.append(word)
    qualifier_of = {re.sub(r"\s+", " ", w.lower()): q for q, words in vocab["qualifiers"].items() for w in words}
    number_words = {word.lower(): value for word, value in vocab["number_words"].items()}
    units = unit_words + vocab["percent_words"] + vocab["percentage_point_words"] + vocab["basis_point_words"]
    small = "|".join(w for w, v in number_words.items() if v < 10)
    tens = "|".join(w for w, v in number_words.items() if v % 10 == 0 and 20 <= v < 100)
    spelled = rf"(?:{tens})(?:-(?:{small}))?|" + "|".join(sorted(number_words, key=len, reverse=True))
    spelled = rf"{first_character_test(number_words)}(?:{spelled})"
    english_scales = [w for w in scales if w.isascii() and len(w) > 3]
    cjk_scales = [w for w in scales if not w.isascii()]
    first_characters = {w[0] for w in symbols + cjk_scales} | set("0123456789")
    # Where a figure can start: a digit, a currency sign, a Chinese scale or a symbol word. A text
    # with no number word, scale word or vague multiplier ("tens of") is scanned with this prefix,
    # which skips most positions at once.
    figure_start = "(?=[" + re.escape("".join(sorted(first_characters))) + "])"
    figure_pattern = rf"""
        (?<![A-Za-z0-9.,:])
        (?:(?P<symbol>{word_alternation(symbols)})\s?)?
        (?:(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)
           |(?P<words>(?<![A-Za-z])(?:{spelled})(?![A-Za-z])))
        (?:(?P<scale_sep>[ \t-]?)(?P<scale>{word_alternation(scales)}))?
        (?:(?P<unit_sep>[ \t-]?)(?P<unit>{word_alternation(units)}))?
        (?:[ \t-](?P<level>level)(?![A-Za-z])|(?P<ji>级))?
        |
        (?<![A-Za-z0-9.,])(?P<bare_scale>{word_alternation(english_scales)})-(?P<bare_unit>{word_alternation(unit_words)})
        |
        (?<![A-Za-z])(?P<vague>{word_alternation(vocab["vague_multipliers"])})\s+of\s+(?P<vague_scale>{word_alternation(vocab["vague_scales"])})
            (?:\s+of)?(?:\s+(?P<vague_unit>{word_alternation(unit_words)}))?
        |
        (?<![\d.])(?P<cjk_scale>{word_alternation(cjk_scales)})(?:(?P<cjk_unit>{word_alternation([w for w in unit_words if not w.isascii()])})(?P<cjk_ji>级)?|(?P<cjk_ji_only>级))
        """
    word_starts = {w[0].lower() for w in list(number_words) + english_scales + list(vocab["vague_multipliers"])}
    letters = {c for c in first_characters | word_starts if c.isalpha()}
    any_start = start_test(first_characters | letters | {c.upper() for c in letters} | {c.lower() for c in letters})
    # digit_figure's start test is case-sensitive (a lower-case 'c' or 'u' rarely begins 'CNY' or
    # 'US$'), which cuts the positions its body is tried at; the body itself ignores case ('Billion',
    # 'Rmb'). figure_matches adds the places where a figure word (including 'usd') begins.
    digit_figure = re.compile(figure_start + rf"(?i:{figure_pattern})", re.VERBOSE)
    figure_body = re.compile(rf"(?i:{figure_pattern})", re.VERBOSE)
    rates = vocab["rate_words"]
    cue_words = vocab["growth_words"] + vocab["decrease_words"]
    return Lexicon(
        figure_anywhere=any_start + rf"(?i:{figure_pattern})",
        digit_figure=digit_figure,
        figure_body=figure_body,
        qualifier_before=ending_with(qualifier_of),
        growth_cues=re.compile(word_alternation(w.lower() for w in cue_words)),
        share_phrase=ending_with(vocab["share_phrases"]),
        growth_after=re.compile(rf"^\s*(?:{word_alternation(vocab['growth_after_words'])})", re.I),
        decrease_after=re.compile(rf"^\s*(?:{word_alternation(vocab['decrease_after_words'])})", re.I),
        not_quantity_before=lowered(vocab["not_quantity_before"]),
        scales=scales,
        short_scales=lowered(vocab["short_scales"]),
        vague_multipliers={k.lower(): v for k, v in vocab["vague_multipliers"].items()},
        vague_scales={k.lower(): float(v) for k, v in vocab["vague_scales"].items()},
        number_words=number_words,
        currency_of=currency_of,
        qualifier_of=qualifier_of,
        qualifier_after=dict(vocab["qualifiers_after"]),
        decrease_words=lowered(vocab["decrease_words"]),
        percent_words=lowered(vocab["percent_words"]),
        point_words=lowered(vocab["percentage_point_words"]),
        basis_point_words=lowered(vocab["basis_point_words"]),
        rate_per=re.compile(  # matched against lower-cased text
            rf"^[^,.;:()]{{0,60}}?(?:(?:{word_alternation(w.lower() for w in rates['per'])})\s*"
            rf"(?P<per>{word_alternation(w.lower() for w in rates['units'])})"
            rf"|(?P<adverb>{word_alternation(w.lower() for w in rates['adverbs'])})"
            rf"(?=\s*(?:[,.;:)]|$|(?:and|in|on|at|for|from|with|over|since|during)\b)))",
        ),
        rate_adverbs={k.lower(): v for k, v in rates["adverbs"].items()},
        time_nouns=frozenset(vocab["time_nouns"]),
        noun_stop_words=lowered(vocab["noun_stop_words"]) | NOUN_STOP_WORDS,
        about_relative=float(vocab["intervals"]["about_relative"]),
        nearly_relative=float(vocab["intervals"]["nearly_relative"]),
        figure_word=re.compile("(?<![a-z])" + word_alternation(set(number_words) | set(english_scales) | lowered(vocab["vague_multipliers"])
                                                | {w.lower() for w in symbols if w.isalpha()})),
        month_words=frozenset(period_vocabulary()["months"]),
    )


FIGURE_CHARACTERS = re.compile(r"[\d$¥€￥万亿千百十]")


def figure_matches(text: str, lex: Lexicon) -> Iterator[re.Match]:
    """The matches of the lex.figure_anywhere pattern in `text`, found faster. A figure begins with
    a digit, a sign or a symbol (where lex.digit_figure looks) or with one of the words
    lex.figure_word finds (a number word, a scale, 'tens'); trying the pattern at those words only,
    instead of at every word that starts with one of their letters, and taking whichever match comes
    first, gives the same matches at a fraction of the cost (a property test holds them equal)."""
    word_starts = [word.start() for word in lex.figure_word.finditer(lower_in_place(text))]
    if not word_starts:
        if FIGURE_CHARACTERS.search(text):
            yield from lex.digit_figure.finditer(text)
        return
    position, next_word = 0, 0
    digit_match = lex.digit_figure.search(text)
    while True:
        if digit_match is not None and digit_match.start() < position:
            digit_match = lex.digit_figure.search(text, position)
        limit = digit_match.start() if digit_match is not None else len(text)
        word_match = None
        while word_match is None and next_word < len(word_starts) and word_starts[next_word] < limit:
            if word_starts[next_word] >= position:
                word_match = lex.figure_body.match(text, word_starts[next_word])
            next_word += 1
        match = word_match or digit_match
        if match is None:
            return
        yield match
        position = match.end()


def read_quantities(text: str) -> list[Quantity]:
    """Every figure stated in `text`, in order. Years, dates, ordinals and identifiers are not figures."""
    lex = lexicon()
    found: list[Quantity] = []
    for match in figure_matches(text, lex):
        if is_not_a_quantity(text, match, lex):
            continue
        if match.group("scale_sep") in (" ", "\t") and match.group("unit_sep") == "-" and match.group("scale"):
            found.extend(split_count_and_level(text, match, lex))  # "four trillion-yuan industrial clusters"
            continue
        found.append(build_quantity(text, match, lex))
    return merge_ranges(text, found)


def split_count_and_level(text: str, match: re.Match, lex: Lexicon) -> list[Quantity]:
    """'four trillion-yuan clusters': a count of things, each of an order of magnitude."""
    number_end = match.end("digits") if match.group("digits") else match.end("words")
    count = replace(build_quantity(text, match, lex), surface=text[match.start() : number_end], end=number_end,
                    value=0.0)
    level_match = lex.figure_body.match(text, match.start("scale"))
    if level_match is None:
        return [build_quantity(text, match, lex)]
    level = build_quantity(text, level_match, lex)
    number = spelled_number(match.group("words"), lex) if match.group("words") else float(match.group("digits").replace(",", ""))
    rounding = 0.5 if match.group("words") else half_unit(match.group("digits"))
    low, high, low_open, high_open = make_interval(number, rounding, "exact", lex)
    count = replace(count, value=number, low=low, high=high, low_open=low_open, high_open=high_open, unit="count",
                    kind="count", qualifier="exact", noun=level.noun, number=match.group("digits") or match.group("words"))
    return [count, level]


def spelled_number(words: str, lex: Lexicon) -> float:
    return sum(lex.number_words[part] for part in words.lower().split("-"))


PREVIOUS_WORD_REVERSED = re.compile(r"\s*([\w.]*[A-Za-z])")


def previous_word(text: str, start: int) -> str:
    """The word ending just before `start` (spaces aside), from its first letter: 'No.' in 'No. 5'.
    Matched on the reversed text: one anchored attempt instead of a search from every position."""
    match = PREVIOUS_WORD_REVERSED.match(text[max(0, start - 30) : start][::-1])
    return match.group(1)[::-1] if match else ""


YEAR_DIGITS = re.compile(r"(1[89]|20)\d\d")
COUNTED_AFTER = re.compile(r"[家个名项所位余多]")
PLURAL_NOUN_AFTER = re.compile(r"\s+[a-z][a-z-]*s\b")
YEAR_PREPOSITIONS = {"in", "since", "of", "by", "from", "to", "the", "a", "an", "during", "until", "before", "after", "for", "and", "or", "fiscal", "year", "through", "between"}


def is_year(digits: str, after: str, word: str) -> bool:
    """'in 2024', 'a 2024 doctoral student' are years; 'has 2000 firms', '近2000家' are counts
    (`after`: the text after the number; `word`: the word before it)."""
    if not YEAR_DIGITS.fullmatch(digits) or COUNTED_AFTER.match(after):
        return False
    word = word.lower()
    return not (PLURAL_NOUN_AFTER.match(after) and word not in YEAR_PREPOSITIONS and not word.endswith(("'s", "’s")))


PARTITIVE_OF = re.compile(r"\s+of\b")
WORD_AFTER = re.compile(r"\s+[“\"‘']?[A-Za-z\u4e00-\u9fff]")
RANGE_TO_PERCENT = re.compile(r"[-–]\d[\d.,]*\s?(?:%|％|percent|per cent)")
NOT_A_NUMBER_AFTER = re.compile(r"(st|nd|rd|th)(?![A-Za-z])|[:/]\d|-\d|\.\d|\.[A-Za-z]|[月日号時时]")
NOT_A_NUMBER_BEFORE = re.compile(r"\d[-/]$|[第月]$")
PART_OF_WORD_BEFORE = re.compile(r"[A-Za-z]-$")
NUMBER_RUN_AFTER = re.compile(r"\s+\d[\d.,]*(?:[\s;:]|$)")
NUMBER_RUN_BEFORE = re.compile(r"(?:^|\s)\d+\s+$")
SENTENCE_END = {".", "!", "?", ":", ";", ","}  # a capitalized word after these may just open a clause


def is_not_a_quantity(text: str, match: re.Match, lex: Lexicon) -> bool:
    """Years, ordinals, times, dates, ranks, citations and names that contain digits."""
    digits, words, *marks = match.group("digits", "words", "symbol", "scale", "unit", "level", "ji")
    if not (digits or words):
        return False
    bare = not any(marks)
    after, before = text[match.end() : match.end() + 24], text[max(0, match.start() - 12) : match.start()]
    word = previous_word(text, match.start())
    if words:
        if words.lower() == "one" and PARTITIVE_OF.match(after):
            return True  # "one of only six": a partitive, not a count
        if bare and not WORD_AFTER.match(after):
            return True  # a spelled number that counts nothing, or a compound such as "one-child policy"
    if digits and bare:
        if is_year(digits, after, word):
            return True  # a year: the period reader's business
        if RANGE_TO_PERCENT.match(after):
            return False  # "10-15%": the first end of a range
        if NOT_A_NUMBER_AFTER.match(after) or NOT_A_NUMBER_BEFORE.search(before):
            return True  # ordinal, time, date, version, ticker or identifier
        if before.endswith("[") and after.startswith("]"):
            return True  # citation mark
        if after[:1].isascii() and after[:1].isalpha() or PART_OF_WORD_BEFORE.search(before):
            return True  # "5G", "post-95s", "COVID-19": part of a word
        if NUMBER_RUN_AFTER.match(after) or NUMBER_RUN_BEFORE.search(before):
            return True  # a run of bare numbers is an identifier or layout debris ("2 1")
    if word.lower().rstrip(".") in lex.not_quantity_before or word.lower() in lex.not_quantity_before:
        return True
    if word.lower().rstrip(".") in lex.month_words and digits:
        return True  # "December 18", "Sept. 2": a date
    if bare and digits and any(c.isupper() for c in word) and word.lower() not in lex.qualifier_of and not word.endswith("."):
        gap = text[match.start() - 1 : match.start()] if match.start() else ""
        prefix = text[: match.start() - len(word) - 1]
        if gap == " " and prefix and prefix.rstrip()[-1:] not in SENTENCE_END:
            return True  # "Dawn 6000", "Group 1", "iPhone 16": part of a name
    return False


def half_unit(number: str) -> float:
    """Half a unit of the last stated digit: the rounding a figure as written allows."""
    number = number.replace(",", "")
    if "." in number:
        return 0.5 * 10 ** -len(number.split(".")[1])
    trailing_zeros = len(number) - len(number.rstrip("0")) if number.strip("0") else 0
    return 0.5 * 10**trailing_zeros


def is_power_of_ten(value: float) -> bool:
    return value > 0 and abs(math.log10(value) - round(math.log10(value))) < 1e-9


def unit_and_scale(match: re.Match, lex: Lexicon) -> tuple[str, float]:
    scale_word = (match.group("scale") or match.group("bare_scale") or match.group("cjk_scale") or "").lower()
    symbol = (match.group("symbol") or "").lower()
    scale = lex.scales.get(scale_word, 1.0)
    if scale_word in lex.short_scales and not symbol:
        scale = 1.0  # "11.5 m" may be metres; "HK$300m" is money
    if match.group("vague"):
        scale = lex.vague_multipliers[match.group("vague").lower()] * lex.vague_scales[match.group("vague_scale").lower()]
    unit_word = SPACES.sub(" ", (match.group("unit") or match.group("bare_unit") or match.group("cjk_unit") or match.group("vague_unit") or "").lower())
    if unit_word in lex.percent_words:
        return "percent", scale
    if unit_word in lex.point_words:
        return "percentage_point", scale
    if unit_word in lex.basis_point_words:
        return "percentage_point", scale * 0.01
    code = lex.currency_of.get(symbol) or lex.currency_of.get(unit_word)
    return code or "count", scale


AT_THE = re.compile(r"\bat\s+the\s+$", re.I)
LEVEL_AFTER = re.compile(r"\s+level\b", re.I)
SPACES = re.compile(r"\s+")


def read_qualifier(text: str, match: re.Match, number: float, lex: Lexicon) -> str:
    if any(match.group("level", "ji", "bare_scale", "cjk_ji", "cjk_ji_only", "vague")):
        return "level"
    if AT_THE.search(text, max(0, match.start() - 10), match.start()) and LEVEL_AFTER.match(text, match.end()):
        return "level"
    # "a 10-billion-yuan fund", "a $1-billion deal": a round power of ten used as a compound modifier
    # names an order of magnitude (百亿级), the way Chinese sources state fund sizes; "2-billion-yuan"
    # stays a figure.
    compound = match.group("scale_sep") == "-" and (match.group("unit_sep") == "-" or (match.group("symbol") and not match.group("unit")))
    if compound and is_power_of_ten(number):
        return "level"
    qualifier = ends_with(text[max(0, match.start() - 24) : match.start()], lex.qualifier_before)
    if qualifier:
        return lex.qualifier_of[SPACES.sub(" ", qualifier.lower())]
    after = text[match.end() : match.end() + 2]
    for word, meaning in lex.qualifier_after.items():
        if after.startswith(word):
            return meaning  # "4000余家", "5%左右"
    return "exact"


def make_interval(value: float, rounding: float, qualifier: str, lex: Lexicon | None = None) -> tuple[float, float, bool, bool]:
    """The interval a figure states: (low, high, low_open, high_open)."""
    lex = lex or lexicon()
    if qualifier == "over":
        return value, math.inf, True, False
    if qualifier == "at_least":
        return value, math.inf, False, False
    if qualifier == "under":
        return min(0.0, value), value, False, True
    if qualifier == "at_most":
        return min(0.0, value), value, False, False
    if qualifier == "nearly":
        return value - abs(value) * lex.nearly_relative, value, False, True
    if qualifier == "level":
        return value, value * 10, False, True
    if qualifier == "about":
        band = max(rounding, abs(value) * lex.about_relative)
        return value - band, value + band, False, False
    return value - rounding, value + rounding, False, False


def read_noun(text: str, lex: Lexicon) -> str | None:
    """The noun phrase right after a figure: the thing counted ("national high-tech enterprises")."""
    words, position = [], 0
    while len(words) < 6:
        token = NOUN_TOKEN.match(text, position)
        if not token:
            break
        word = token.group(1).strip("“”\"‘’'").rstrip(".,")
        if not words and CJK_CLASSIFIER.match(word):
            word = word[1:]  # "45家科技支行": 家 is a measure word, not part of the noun
        if word.lower() in lex.noun_stop_words or not word:
            if word.lower() in ("and", "or") and words and continues_phrase(text, token.end()):
                words.append(word)
                position = token.end()
                continue
            break
        words.append(word)
        position = token.end()
        if token.group(1).endswith((".", ",")):
            break
    while words and (words[-1].lower().endswith("ed") or words[-1].lower().endswith("ly") or words[-1].lower() in ("and", "or")):
        words.pop()  # trailing participles and adverbs ("enterprises benefited", "patents already")
    return " ".join(words) or None


def continues_phrase(text: str, position: int) -> bool:
    """'seed-stage and early-stage enterprises' goes on past 'and'; '25,000 firms and 1,333 SMEs' does not."""
    following = NOUN_TOKEN.match(text, position)
    return bool(following) and following.group(1).lower() not in lexicon().number_words


def growth_sign(text: str, start: int, end: int, lex: Lexicon) -> int:
    """+1 or -1 when a percent states a change ("grew 5%", "an increase of 18.9%", "a 12% jump",
    "growth stayed above 5%", "fell 4.2%"); 0 when it states a level ("rose to 6.67%", "made up 40%")."""
    after = text[end : end + 40]
    before = text[max(0, start - 60) : start].rstrip()
    sign = cue_sign(before[: len(before) - len(ends_with(before, lex.qualifier_before))], lex)
    if lex.decrease_after.match(after):
        return -1
    if lex.growth_after.match(after):
        return sign or 1
    return sign


CUE_CLAUSE_BREAK = re.compile(r"[,;:()]|\band\b|\bwhile\b")
LEVEL_PREPOSITION_END = re.compile(r"(?:\bto|\bfrom|到|至)\s*$")
TO_WORD = re.compile(r"\bto\b")


def cue_sign(before: str, lex: Lexicon) -> int:
    clause = lower_in_place(CUE_CLAUSE_BREAK.split(before)[-1])  # the cue words are lower case
    if ends_with(clause, lex.share_phrase) or LEVEL_PREPOSITION_END.search(clause):
        return 0  # "rose to 6.67%", "from 3.2%", "made up 40%": a level
    cues = list(lex.growth_cues.finditer(clause))
    if not cues or TO_WORD.search(clause, cues[-1].end()):
        return 0
    cue = cues[-1]
    if cue.group(0) in ("up", "down") and clause[cue.end() :].strip() not in ("", "by"):
        return 0  # "up"/"down" count only right before the figure: "up 9.7%", "down by 3%", not "down payments"
    return -1 if cue.group(0) in lex.decrease_words else 1


def read_kind(text: str, match: re.Match, unit: str, noun: str | None, lex: Lexicon) -> tuple[str, str | None, int]:
    """(kind, per, sign): a percent after "increase of" is growth; "patents per day" is a rate."""
    if unit in ("percent", "percentage_point"):
        sign = growth_sign(text, match.start(), match.end(), lex)
        if sign:
            return "growth", None, sign
        return ("growth" if unit == "percentage_point" else "share"), None, 1
    if unit != "count":
        return "amount", None, 1
    rate = lex.rate_per.match(lower_in_place(text[match.end() : match.end() + 70]))
    if rate:
        per = rate.group("per") or lex.rate_adverbs[rate.group("adverb").lower()]
        return "rate", per.lower(), 1
    if noun and (noun.split()[-1].lower() in lex.time_nouns or noun[:1] in lex.time_nouns):
        return "duration", None, 1
    return "count", None, 1


SHARE_BASE = re.compile(r"^\s+of\s+(?P<base>[^,.;:()\[\]—]+?)(?=[,.;:()\[\]—]|\s(?:in|and|to|from|for|with|while|during|was|is)\s|$)", re.I)


SENTENCE_PART_BREAK = re.compile(r"[,;.]")
GDP_BEFORE = re.compile(r"(?:\bto|\bof|占)\s*(?:the\s+\w+['’]s\s+)?GDP(?![A-Za-z])")
GDP_WORDS = re.compile(r"\bGDP\b|gross domestic product", re.I)
BASE_DETERMINERS = re.compile(r"^(?:the\s+|its\s+|their\s+|this\s+|[\w-]+['’]s\s+)+", re.I)


def read_share_base(text: str, before: str = "") -> str | None:
    """What a share is of: 'of the city's GDP' after it, or 'the ratio of R&D to GDP' / '占GDP' before it."""
    match = SHARE_BASE.match(text)
    if not match:
        clause = SENTENCE_PART_BREAK.split(before)[-1]
        return "GDP" if GDP_BEFORE.search(clause) else None
    base = match.group("base").strip()
    if GDP_WORDS.search(base):
        return "GDP"
    return BASE_DETERMINERS.sub("", base).lower() or None


def read_value(text: str, qualifier: str | None = None, kind: str | None = None, down: bool = False) -> Quantity | None:
    """A figure as written in a claims file ("223.66 billion yuan"), read alone; the claim's own
    qualifier, kind and direction (which a person may have corrected) take precedence over the text's.
    With all three known, only the number, scale and unit are read (the fast path for large projects)."""
    lex = lexicon()
    if qualifier == "range":
        parts = read_quantities(text)
        if len(parts) == 2:
            return range_of(text, parts[0], parts[1])
        return parts[0] if len(parts) == 1 and parts[0].qualifier == "range" else None
    match = next(figure_matches(text, lex), None)
    if not match:
        return None
    if not (qualifier and kind):
        return build_quantity(text, match, lex, qualifier, kind)
    number, rounding = figure_number(match, lex)
    unit, scale = unit_and_scale(match, lex)
    value, low, high, low_open, high_open = signed_interval(number * scale, rounding * scale, qualifier, -1 if down else 1, lex)
    return Quantity(surface=match.group(0), value=value, low=low, high=high, unit=unit, qualifier=qualifier,
                    kind=kind, start=match.start(), end=match.end(), number=match.group("digits") or match.group("words") or "1",
                    low_open=low_open, high_open=high_open)


def signed_interval(value: float, rounding: float, qualifier: str, sign: int, lex: Lexicon) -> tuple[float, float, float, bool, bool]:
    """(value, low, high, low_open, high_open) of a figure; a fall (sign -1) mirrors its interval."""
    low, high, low_open, high_open = make_interval(value, rounding, qualifier, lex)
    if sign < 0:
        return -value, -high, -low, high_open, low_open
    return value, low, high, low_open, high_open


def figure_number(match: re.Match, lex: Lexicon) -> tuple[float, float]:
    """(number, rounding) of a figure as written: '223.66' -> (223.66, 0.005); 'six' -> (6, 0.5)."""
    digits, words = match.group("digits"), match.group("words")
    if digits:
        return float(digits.replace(",", "")), half_unit(digits)
    if words:
        return spelled_number(words, lex), 0.5
    return 1.0, 0.5  # "a billion-yuan fund", "tens of billions", "千亿元"


def build_quantity(text: str, match: re.Match, lex: Lexicon, qualifier: str | None = None, kind: str | None = None) -> Quantity:
    digits, words = match.group("digits"), match.group("words")
    number, rounding = figure_number(match, lex)
    unit, scale = unit_and_scale(match, lex)
    qualifier = qualifier or read_qualifier(text, match, number, lex)
    rest = text[match.end() :]
    noun = read_noun(rest, lex) if unit != "percent" else None
    read_as, per, sign = read_kind(text, match, unit, noun, lex)
    kind = kind or read_as
    value, low, high, low_open, high_open = signed_interval(number * scale, rounding * scale, qualifier, sign, lex)
    return Quantity(
        surface=match.group(0),
        value=value,
        low=low,
        high=high,
        unit=unit,
        qualifier=qualifier,
        kind=kind,
        start=match.start(),
        end=match.end(),
        number=digits or words or "1",
        noun=noun if kind in ("count", "rate", "duration", "amount") else None,
        per=per,
        base=read_share_base(rest, text[max(0, match.start() - 80) : match.start()]) if kind == "share" else None,
        low_open=low_open,
        high_open=high_open,
    )


BETWEEN_END = re.compile(r"between\s+$", re.I)
FROM_END = re.compile(r"from\s+$", re.I)
RANGE_JOINER = re.compile(r"^\s*(?:to|-|–|and|至|到|~|～)\s*$", re.I)


def merge_ranges(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """'2 to 3 billion yuan', 'between 18 and 45', '5-10%', '1亿至2亿元': one range, in the unit of its
    second end; 'rose from 3.2% to 4.1%' stays two figures."""
    merged: list[Quantity] = []
    for quantity in quantities:
        first = merged[-1] if merged else None
        if first and first.qualifier == "exact" and first.unit in ("count", quantity.unit) and not first.noun and quantity.qualifier == "exact":
            joiner = text[first.end : quantity.start]
            is_between = BETWEEN_END.search(text, max(0, first.start - 12), first.start)
            is_from = FROM_END.search(text, max(0, first.start - 8), first.start)
            if RANGE_JOINER.match(joiner) and not is_from and (joiner.strip().lower() != "and" or is_between):
                joined = range_of(text, first, quantity)
                if joined.low <= joined.high:  # "10 to 2" is not a range: two figures
                    merged[-1] = joined
                    continue
        merged.append(quantity)
    return merged


def range_of(text: str, first: Quantity, second: Quantity) -> Quantity:
    """The first end takes the second's scale when it has none of its own ('2 to 3 billion')."""
    first_number = float(first.number.replace(",", "")) if first.number[0].isdigit() else first.value
    second_number = float(second.number.replace(",", "")) if second.number[0].isdigit() else second.value
    scale = second.value / second_number if second_number else 1.0
    low = first.value * scale if first.value == first_number and first.value * scale <= second.value else first.value
    kind, value_sign = second.kind, 1
    if second.unit in ("percent", "percentage_point"):
        value_sign = growth_sign(text, first.start, second.end, lexicon())
        kind = "growth" if value_sign else "share"
    if value_sign < 0 and second.value > 0:
        low, high = -second.value, -low
    else:
        high = second.value
    return replace(
        second,
        kind=kind,
        surface=text[first.start : second.end],
        start=first.start,
        value=(low + high) / 2,
        low=low,
        high=high,
        qualifier="range",
        low_open=False,
        high_open=False,
    )


def convert_currency(value: float, unit: str, target: str, year: int) -> float | None:
    """`value` in `unit` expressed in `target` at `year`'s average rate (data/rates.yaml, units of
    each currency per US dollar); None when the table has no rate for either, or a unit is not a
    currency. Each currency is its own unit: only a dated rate converts one into another."""
    from .registry import load_rates

    if unit == target:
        return value
    per_usd = load_rates()["per_usd"]
    rate_from, rate_to = (per_usd.get(code, {}).get(year) for code in (unit, target))
    if not rate_from or not rate_to:
        return None
    converted = value / rate_from * rate_to
    return None if math.isnan(converted) else float(converted)
