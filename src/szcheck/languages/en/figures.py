"""English figure grammar: number words, figure forms, and the rules that read a figure's context
(is it a year, a name, a growth rate; what it counts; what a share is of; is it a range).

Chinese text is read with these rules too, with the Chinese words they need taken from
languages/zh/figures.yaml (measure words, date characters, 占, 到/至).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from ...build_cache import built
from ...reader.patterns import ending_with, ends_with, first_character_test, lower_in_place, lowered, word_alternation
from .. import vocabulary


# ---------------------------------------------------------------- figure forms ----

def bare_scales(vocab: dict) -> list[str]:
    """Scale words that state a figure without a number: "a billion-yuan fund"."""
    return [word for word in vocab["scales"] if word.isascii() and len(word) > 3]


def alternation(words) -> str:
    """Words as one regex alternative, longest first, spaces and hyphens as written or either."""
    return "|".join(re.escape(w).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]+") for w in sorted(words, key=len, reverse=True))


def number_words_pattern(vocab: dict) -> str:
    """Spelled numbers: "six", "twenty-five", "one hundred and seven", "thirty-four thousand and
    nine", "a hundred", "two point five", "half a" (before a scale word). A scale word is part of
    the number only when more of it follows ("four million three hundred"); the last scale word is
    read as the figure's scale."""
    words = {w.lower(): v for w, v in vocab["number_words"].items()}
    units = alternation(w for w, v in words.items() if v < 20 and w not in vocab["multipliers"])
    digits = alternation(w for w, v in words.items() if v < 10)
    tens = alternation(w for w, v in words.items() if v % 10 == 0 and 20 <= v < 100)
    multipliers = alternation(vocab["multipliers"])
    one = alternation(vocab["one_words"])
    long_scales = alternation(vocab["long_scales"])
    small = rf"(?:{tens})(?:[-\s]+(?:{digits})(?![\w-]))?|(?:{units})"
    group = (rf"(?:(?:{small}|{one})\s+(?:{multipliers})(?:\s+(?:and\s+)?(?:{small}))?|{small}|{multipliers}"
             rf"|(?:{alternation(vocab['fractions_of_scale'])}|{one})(?=\s+(?:{long_scales})(?![\w-])))")
    point = alternation(vocab["decimal_point_words"])
    return (rf"{first_character_test(list(words) + list(vocab['one_words']) + list(vocab['fractions_of_scale']))}"
            rf"(?:{group})(?:\s+(?:{long_scales}),?\s+(?:and\s+)?(?:{group}))*(?:\s+(?:{point})(?:\s+(?:{digits}))+)?")


def figure_words(vocab: dict) -> list[str]:
    """Where a figure with no digit can begin, besides the number words: "a hundred", "minus"."""
    after_one = list(vocab["multipliers"]) + vocab["long_scales"]
    return ([f"{one} {word}" for one in vocab["one_words"] for word in after_one] + vocab["sign_words"]
            + list(vocab["fractions_of_scale"]) + list(vocab["ratio_words"]) + list(vocab["change_words"]))


@functools.cache
def number_tables() -> tuple[dict, dict, dict, frozenset, frozenset, dict]:
    vocab = vocabulary("figures")
    return ({w.lower(): Decimal(v) for w, v in vocab["number_words"].items()},
            {w: Decimal(v) for w, v in vocab["multipliers"].items()},
            {w: Decimal(str(vocab["scales"][w])) for w in vocab["long_scales"]},
            frozenset(vocab["one_words"]), frozenset(vocab["decimal_point_words"]),
            {re.sub(r"[\s-]+", " ", w): fraction(v) for w, v in vocab["fractions_of_scale"].items()})


def fraction(text) -> Decimal:
    numerator, _, denominator = str(text).partition("/")
    return Decimal(numerator) / Decimal(denominator or 1)


def spelled_number(words: str) -> tuple[Decimal, Decimal, int]:
    """(total, current, decimals) of a spelled number: its value is total + current, where a
    trailing scale word multiplies `current` only ("four million three hundred" + "thousand");
    `decimals` is how many digits follow "point"."""
    numbers, multipliers, long_scales, ones, points, fractions = number_tables()
    phrase = re.sub(r"[\s-]+", " ", words.lower()).strip()
    if phrase in fractions:
        return Decimal(0), fractions[phrase], 1  # "half a billion": to a tenth of the scale
    total, current, decimals = Decimal(0), Decimal(0), None
    for token in re.findall(r"[a-z]+", phrase):
        if decimals is not None:
            decimals += str(numbers[token])
        elif token in points:
            decimals = ""
        elif token in ones:
            current = Decimal(1)
        elif token in multipliers:
            current = (current or 1) * multipliers[token]
        elif token in long_scales:
            total, current = total + (current or 1) * long_scales[token], Decimal(0)
        elif token in numbers:
            current += numbers[token]
    if decimals:
        current += Decimal(f"0.{decimals}")
    return total, current, len(decimals or "")


def ratio_value(match: re.Match) -> Decimal | None:
    """A share or a change written in words, in percent: "two-thirds of" -> 66.67, "one in five" -> 20,
    "halved" -> -50."""
    groups = match.groupdict()  # only for a share or change in words: rare
    if groups.get("growth_words"):
        return Decimal(vocabulary("figures")["change_words"][groups["growth_words"].lower()])
    if groups.get("ratio_words"):
        ratios = {re.sub(r"[\s-]+", " ", w): fraction(v) for w, v in vocabulary("figures")["ratio_words"].items()}
        return ratios[re.sub(r"[\s-]+", " ", groups["ratio_words"].lower())] * 100
    if groups.get("ratio_part"):
        part, whole = (small_number(groups[name]) for name in ("ratio_part", "ratio_whole"))
        return part / whole * 100 if whole else None
    return None


def small_number(text: str) -> Decimal:
    total, current, _ = spelled_number(text) if not text.isdigit() else (Decimal(0), Decimal(text), 0)
    return total + current


def ratio_alternatives(vocab: dict) -> list[str]:
    """Shares in words, tried before any other figure form at the same place."""
    numbers = {w.lower(): v for w, v in vocab["number_words"].items()}
    small = alternation(w for w, v in numbers.items() if 0 < v <= 20 and w not in vocab["multipliers"])
    smalls = [w for w, v in numbers.items() if 0 < v <= 20 and w not in vocab["multipliers"]]
    return [
        rf"{first_character_test(vocab['ratio_words'])}(?<![A-Za-z])(?P<ratio_words>{alternation(vocab['ratio_words'])})(?=\s)"
        rf"(?!\s+(?:{alternation(vocab['one_words'])})\s+(?:{alternation(vocab['long_scales'])}))",
        rf"{first_character_test(vocab['change_words'])}(?<![A-Za-z])(?P<growth_words>{alternation(vocab['change_words'])})(?![A-Za-z-])",
        rf"(?=[\d{''.join(sorted({w[0] for w in smalls} | {w[0].upper() for w in smalls}))}])(?<![A-Za-z0-9.,])"
        rf"(?P<ratio_part>{small}|\d{{1,2}})\s+{re.escape(vocab['one_in'])}\s+(?P<ratio_whole>{small}|\d{{1,3}})(?![\w.,-])",
    ]


def sign_pattern(vocab: dict) -> str:
    """"minus 8", "negative six": a sign word and a space before the number."""
    return rf"(?:{alternation(vocab['sign_words'])})\s+"


def level_suffix(vocab: dict) -> str:
    """"at the 10-billion-yuan level": the word after the figure."""
    return rf"[ \t-](?P<level>{word_alternation(w for w in vocab['level_words'] if w.isascii())})(?![A-Za-z])"


def figure_alternatives(vocab: dict, unit_words: list[str]) -> list[str]:
    """"billion-yuan" (an order of magnitude with no number) and "tens of billions of yuan"."""
    units = word_alternation(unit_words)
    of = re.escape(vocab["vague_joiner"])
    return [
        rf"(?<![A-Za-z0-9.,])(?P<scale_bare_level>{word_alternation(bare_scales(vocab))})-(?P<unit_bare>{units})",
        rf"(?<![A-Za-z])(?P<vague_level>{word_alternation(vocab['vague_multipliers'])})\s+{of}\s+(?P<vaguescale>{word_alternation(vocab['vague_scales'])})"
        rf"(?:\s+{of})?(?:\s+(?P<unit_vague>{units}))?",
    ]


# ---------------------------------------------------------------- context rules ----

@dataclass(frozen=True)
class Rules:
    """The context vocabulary, compiled once per process."""

    growth_cues: re.Pattern  # searched in lower-cased text
    share_phrase: re.Pattern  # matched against reversed text
    growth_after: re.Pattern
    decrease_after: re.Pattern
    decrease_words: frozenset
    not_quantity_before: frozenset
    rate_per: re.Pattern
    rate_adverbs: dict
    time_nouns: frozenset
    noun_stop_words: frozenset
    month_words: frozenset  # "December 18", "Sept. 2": a number after these is a day
    classifier: re.Pattern
    counted_after: re.Pattern
    not_a_number_after: re.Pattern
    not_a_number_before: re.Pattern
    range_to_percent: re.Pattern
    level_preposition_end: re.Pattern
    gdp_before: re.Pattern
    range_joiner: re.Pattern
    clock_after: re.Pattern  # "3 pm", "9.45 am"
    month_after: re.Pattern  # "14 March 2025"
    change_before_range: re.Pattern  # matched against reversed text: "rose from", "fell by"
    plural_nouns: frozenset  # plurals without an s: "people", "children"


def characters(words) -> str:
    return "[" + re.escape("".join(words)) + "]"


@functools.cache
def rules() -> Rules:
    return built("en-figure-rules", build_rules)  # kept between runs (build_cache)


def build_rules() -> Rules:
    vocab = vocabulary("figures")
    rates = vocab["rate_words"]
    cue_words = vocab["growth_words"] + vocab["decrease_words"]
    percent = "|".join(re.escape(w).replace(r"\ ", " ") for w in sorted(vocab["percent_words"], key=len, reverse=True))
    return Rules(
        growth_cues=re.compile(word_alternation(w.lower() for w in cue_words)),
        share_phrase=ending_with(vocab["share_phrases"]),
        growth_after=re.compile(rf"^\s*(?:{word_alternation(vocab['growth_after_words'])})", re.I),
        decrease_after=re.compile(rf"^\s*(?:{word_alternation(vocab['decrease_after_words'])})", re.I),
        decrease_words=lowered(vocab["decrease_words"]),
        not_quantity_before=lowered(vocab["not_quantity_before"]),
        rate_per=re.compile(  # matched against lower-cased text
            rf"^[^,.;:()]{{0,60}}?(?:(?:{word_alternation(w.lower() for w in rates['per'])})\s*"
            rf"(?P<per>{word_alternation(w.lower() for w in rates['units'])})"
            rf"|(?P<adverb>{word_alternation(w.lower() for w in rates['adverbs'])})"
            rf"(?=\s*(?:[,.;:)]|$|(?:and|in|on|at|for|from|with|over|since|during)\b)))",
        ),
        rate_adverbs={k.lower(): v for k, v in rates["adverbs"].items()},
        time_nouns=frozenset(vocab["time_nouns"]),
        noun_stop_words=lowered(vocab["noun_stop_words"]),
        month_words=frozenset(vocabulary("periods")["months"]),
        classifier=re.compile(characters(vocab["classifiers"]) + r"\w"),
        counted_after=re.compile(characters(vocab["counted_after"])),
        not_a_number_after=re.compile(r"(st|nd|rd|th)(?![A-Za-z])|[:/]\d|-\d|\.\d|\.[A-Za-z]|" + characters(vocab["date_after"])),
        not_a_number_before=re.compile(r"\d[-/]$|" + characters(vocab["ordinal_before"]) + "$"),
        range_to_percent=re.compile(rf"[-–](?:\d{{1,3}}(?:,\d{{3}})+|\d[\d.,]*[\s\u00a0]?(?:{range_units()}))"),
        level_preposition_end=re.compile(
            "(?:" + "|".join(rf"\b{w}" if w.isascii() else w for w in vocab["level_prepositions"]) + r")\s*$"),
        gdp_before=re.compile(r"(?:\bto|\bof|" + "|".join(vocab["share_of_before"]) + r")\s*(?:the\s+\w+['’]s\s+)?GDP(?![A-Za-z])"),
        range_joiner=re.compile(r"^\s*(?:" + "|".join(re.escape(w) for w in vocab["range_joiners"]) + r"|-|–|~)\s*$", re.I),
        clock_after=re.compile(rf"[\s\u00a0]?(?:{word_alternation(vocab['clock_words'])})"),
        month_after=re.compile(rf"\s+(?:{word_alternation(m.capitalize() for m in vocabulary('periods')['months'] if len(m) > 3)})(?![a-z])"),
        change_before_range=ending_with(f"{change} {joiner}".strip() for change in cue_words for joiner in vocab["change_words_before_range"]),
        plural_nouns=frozenset(vocab["plural_nouns"]),
    )


def range_units() -> str:
    """What the second end of a hyphenated range may carry: a scale, a percent sign, a currency."""
    from ...reader.figures import currency_words

    vocab, units = vocabulary("figures"), vocabulary("units")
    _, _, currencies = currency_words()
    return word_alternation(list(vocab["scales"]) + vocab["percent_words"] + currencies + list(units["words"]) + list(units["symbols"]))


PREVIOUS_WORD_REVERSED = re.compile(r"\s*([\w.]*[A-Za-z])")


def previous_word(text: str, start: int) -> str:
    """The word ending just before `start` (spaces aside), from its first letter: 'No.' in 'No. 5'.
    Matched on the reversed text: one anchored attempt instead of a search from every position."""
    match = PREVIOUS_WORD_REVERSED.match(text[max(0, start - 30) : start][::-1])
    return match.group(1)[::-1] if match else ""


YEAR_DIGITS = re.compile(r"(1[89]|20)\d\d")
PLURAL_NOUN_AFTER = re.compile(r"\s+[a-z][a-z-]*s\b")
YEAR_PREPOSITIONS = {"in", "since", "of", "by", "from", "to", "the", "a", "an", "during", "until", "before", "after", "for", "and", "or", "fiscal", "year", "through", "between"}


def is_year(digits: str, after: str, word: str) -> bool:
    """'in 2024', 'a 2024 doctoral student' are years; 'has 2000 firms', '近2000家' are counts
    (`after`: the text after the number; `word`: the word before it)."""
    if not YEAR_DIGITS.fullmatch(digits) or rules().counted_after.match(after):
        return False
    word = word.lower()
    return not (PLURAL_NOUN_AFTER.match(after) and word not in YEAR_PREPOSITIONS and not word.endswith(("'s", "’s")))


GROUPED_RANGE_START = re.compile(r"\d,\d{3}[-–]$")
PLUS_DIGIT_AFTER = re.compile(r"\+\d")
PARTITIVE_OF = re.compile(r"\s+of\b")
WORD_AFTER = re.compile(r"\s+[“\"‘']?[A-Za-z\u4e00-\u9fff]")
PART_OF_WORD_BEFORE = re.compile(r"[A-Za-z]-$")
NUMBER_RUN_AFTER = re.compile(r"\s+\d[\d.,]*(?:[\s;:]|$)")
NUMBER_RUN_BEFORE = re.compile(r"(?:^|\s)\d+\s+$")
YEAR_BEFORE = re.compile(r"(?:^|\s)(?:1[89]|20)\d\d\s+$")  # "In 2023 350 firms": a year, then the figure
SENTENCE_END = {".", "!", "?", ":", ";", ","}  # a capitalized word after these may just open a clause


def is_not_a_figure(text: str, match: re.Match, bare: bool, qualifier_of: dict) -> bool:
    """Years, ordinals, times, dates, ranks, citations and names that contain digits (`bare`: the
    number has no symbol, scale, unit or level word)."""
    digits, words = match.group("digits", "words")
    if not (digits or words):
        return False
    grammar = rules()
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
        if grammar.range_to_percent.match(after) or GROUPED_RANGE_START.search(before):
            return False  # "10-15%", "50,000-60,000": an end of a range
        if grammar.not_a_number_after.match(after) or grammar.not_a_number_before.search(before):
            return True  # ordinal, time, date, version, ticker or identifier
        if grammar.clock_after.match(after) or grammar.month_after.match(after) or PLUS_DIGIT_AFTER.match(after) or before.endswith("+"):
            return True  # "3 pm", "14 March", "1+5": a time, a date or a name
        if before.endswith("[") and after.startswith("]"):
            return True  # citation mark
        if after[:1].isascii() and after[:1].isalpha() or PART_OF_WORD_BEFORE.search(before):
            return True  # "5G", "post-95s", "COVID-19": part of a word
        if NUMBER_RUN_AFTER.match(after) or (NUMBER_RUN_BEFORE.search(before) and not YEAR_BEFORE.search(before)):
            return True  # a run of bare numbers is an identifier or layout debris ("2 1")
    if word.lower().rstrip(".") in grammar.not_quantity_before or word.lower() in grammar.not_quantity_before:
        return True
    if word.lower().rstrip(".") in grammar.month_words and digits:
        return True  # "December 18", "Sept. 2": a date
    if bare and digits and any(c.isupper() for c in word) and word.lower() not in qualifier_of and not word.endswith("."):
        gap = text[match.start() - 1 : match.start()] if match.start() else ""
        prefix = text[: match.start() - len(word) - 1]
        if gap == " " and prefix and prefix.rstrip()[-1:] not in SENTENCE_END:
            return True  # "Dawn 6000", "Group 1", "iPhone 16": part of a name
    return False


AT_THE = re.compile(r"\bat\s+the\s+$", re.I)
LEVEL_AFTER = re.compile(r"\s+level\b", re.I)


def is_level_phrase(text: str, match: re.Match) -> bool:
    """"at the 10 billion yuan level": an order of magnitude, written around the figure."""
    return bool(AT_THE.search(text, max(0, match.start() - 10), match.start()) and LEVEL_AFTER.match(text, match.end()))


NOUN_TOKEN = re.compile(r"\s*(?:[-–]\s*)?([“\"‘']?[A-Za-z][\w'’&./-]*[”\"’']?|[\u4e00-\u9fff]+)")


def read_noun(text: str, number_words: dict) -> str | None:
    """The noun phrase right after a figure: the thing counted ("national high-tech enterprises")."""
    grammar = rules()
    words, position = [], 0
    while len(words) < 6:
        token = NOUN_TOKEN.match(text, position)
        if not token:
            break
        word = token.group(1).strip("“”\"‘’'").rstrip(".,")
        if not words and grammar.classifier.match(word):
            word = word[1:]  # "45家科技支行": 家 is a measure word, not part of the noun
        if word.lower() in grammar.noun_stop_words or not word:
            if word.lower() in ("and", "or") and words and continues_phrase(text, token.end(), number_words):
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


def continues_phrase(text: str, position: int, number_words: dict) -> bool:
    """'seed-stage and early-stage enterprises' goes on past 'and'; '25,000 firms and 1,333 SMEs' does not."""
    following = NOUN_TOKEN.match(text, position)
    return bool(following) and following.group(1).lower() not in number_words


def growth_sign(text: str, start: int, end: int, qualifier_before: re.Pattern) -> int:
    """+1 or -1 when a percent states a change ("grew 5%", "an increase of 18.9%", "a 12% jump",
    "growth stayed above 5%", "fell 4.2%"); 0 when it states a level ("rose to 6.67%", "made up 40%")."""
    grammar = rules()
    after = text[end : end + 40]
    before = text[max(0, start - 60) : start].rstrip()
    sign = cue_sign(before[: len(before) - len(ends_with(before, qualifier_before))], grammar)
    if grammar.decrease_after.match(after):
        return -1
    if grammar.growth_after.match(after):
        return sign or 1
    return sign


CUE_CLAUSE_BREAK = re.compile(r"[,;:()，；：（）、]|\band\b|\bwhile\b")
TO_WORD = re.compile(r"\bto\b")


def cue_sign(before: str, grammar: Rules) -> int:
    clause = lower_in_place(CUE_CLAUSE_BREAK.split(before)[-1])  # the cue words are lower case
    if ends_with(clause, grammar.share_phrase) or grammar.level_preposition_end.search(clause):
        return 0  # "rose to 6.67%", "from 3.2%", "made up 40%": a level
    cues = list(grammar.growth_cues.finditer(clause))
    if not cues or TO_WORD.search(clause, cues[-1].end()):
        return 0
    cue = cues[-1]
    if cue.group(0) in ("up", "down") and clause[cue.end() :].strip() not in ("", "by"):
        return 0  # "up"/"down" count only right before the figure: "up 9.7%", "down by 3%", not "down payments"
    return -1 if cue.group(0) in grammar.decrease_words else 1


def rate_or_duration(text: str, end: int, noun: str | None) -> tuple[str, str | None] | None:
    """("rate", per) for "4.7 patents per day", ("duration", None) for "five years"; None for a count."""
    grammar = rules()
    rate = grammar.rate_per.match(lower_in_place(text[end : end + 70]))
    if rate:
        per = rate.group("per") or grammar.rate_adverbs[rate.group("adverb").lower()]
        return "rate", per.lower()
    if noun and (noun.split()[-1].lower() in grammar.time_nouns or noun[:1] in grammar.time_nouns):
        return "duration", None
    return None


SHARE_BASE = re.compile(r"^\s+of\s+(?P<base>[^,.;:()\[\]—]+?)(?=[,.;:()\[\]—]|\s(?:in|and|to|from|for|with|while|during|was|is)\s|$)", re.I)
SENTENCE_PART_BREAK = re.compile(r"[,;.]")
GDP_WORDS = re.compile(r"\bGDP\b|gross domestic product", re.I)
BASE_DETERMINERS = re.compile(r"^(?:the\s+|its\s+|their\s+|this\s+|[\w-]+['’]s\s+)+", re.I)


def read_share_base(text: str, before: str = "") -> str | None:
    """What a share is of: 'of the city's GDP' after it, or 'the ratio of R&D to GDP' / '占GDP' before it."""
    match = SHARE_BASE.match(text)
    if not match:
        clause = SENTENCE_PART_BREAK.split(before)[-1]
        return "GDP" if rules().gdp_before.search(clause) else None
    base = match.group("base").strip()
    if GDP_WORDS.search(base):
        return "GDP"
    return BASE_DETERMINERS.sub("", base).lower() or None


BETWEEN_END = re.compile(r"between\s+$", re.I)


def joins_range(text: str, first, second) -> str:
    """'range' for '2 to 3 billion', 'between 18 and 45', '5-10%', 'from 30 to 40 dollars'; 'pair' for
    a change and the level it reached ('rose from 3.2% to 4.1%', 'rose by 34,000 to 2.95 million'),
    two figures of one measure; '' otherwise."""
    joiner = text[first.end : second.start]
    if not rules().range_joiner.match(joiner):
        return ""
    if joiner.strip().lower() == "and":
        return "range" if BETWEEN_END.search(text, max(0, first.start - 12), first.start) else ""
    if not any(c.isalpha() for c in joiner):
        return "range"  # "rise 5.5%-6%": a dash joins a range even after a change word
    return "pair" if ends_with(text[max(0, first.start - 40) : first.start], rules().change_before_range) else "range"


NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")


def counts_plural(text: str, end: int) -> bool:
    """A plural noun follows: '5m subscribers', '3m people' count things ('a 6m wall' is a length)."""
    word = NEXT_WORD.match(text, end)
    if not word:
        return False
    noun = word.group(1).lower()
    return noun in rules().plural_nouns or (len(noun) > 3 and noun.endswith("s") and not noun.endswith(("ss", "us", "is")))


def number_alternatives(vocab: dict) -> list[str]:
    return []  # spelled numbers are the core's `words` group (number_words_pattern)


def number_of(match: re.Match):
    return None  # read by the reader from the `words` group


def number_starts(vocab: dict) -> set[str]:
    return set()  # spelled numbers begin at words: see figure_words


def implicit_currency(text: str, start: int, end: int, surface: str) -> str:
    return ""  # English names its currency
