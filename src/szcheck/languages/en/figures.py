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
    digits = alternation(w for w, v in words.items() if v < 10)
    multipliers = alternation(vocab["multipliers"])
    one = alternation(vocab["one_words"])
    long_scales = alternation(vocab["long_scales"])
    small = below_a_hundred(vocab, lowest=0)
    couple = rf"(?:{one})\s+(?:{alternation(vocab['couple_words'])})\s+{re.escape(vocab['vague_joiner'])}"
    half = rf"(?:{small}|{one})[\s-]+(?:{alternation(vocab['fractions_after_words'])})"
    group = (rf"(?:{half})(?![\w-])|{couple}(?:\s+(?:{multipliers})(?![\w-]))?"
             rf"|(?:(?:{small}|{one})\s+(?:{multipliers})(?:\s+(?:and\s+)?(?:{small}))?|{small}|{multipliers}"
             rf"|(?:{alternation(vocab['fractions_of_scale'])}|{one})(?=\s+(?:{long_scales})(?![\w-])))")
    point = alternation(vocab["decimal_point_words"])
    return (rf"{first_character_test(list(words) + list(vocab['one_words']) + list(vocab['fractions_of_scale']))}"
            rf"(?:{group})(?:\s+(?:{long_scales}),?\s+(?:and\s+)?(?:{group}))*(?:\s+(?:{point})(?:\s+(?:{digits}))+)?")


def small_number_pattern(vocab: dict) -> str:
    """A spelled number from one to ninety-nine: 'fifty' of 'and fifty cents'."""
    return below_a_hundred(vocab, lowest=1)


def below_a_hundred(vocab: dict, lowest: int) -> str:
    """A spelled number from `lowest` to ninety-nine: 'seven', 'twenty-five', 'forty one'."""
    words = {w.lower(): v for w, v in vocab["number_words"].items()}
    units = alternation(w for w, v in words.items() if lowest <= v < 20 and w not in vocab["multipliers"])
    digits = alternation(w for w, v in words.items() if lowest <= v < 10)
    tens = alternation(w for w, v in words.items() if v % 10 == 0 and 20 <= v < 100)
    return rf"(?:{tens})(?:[-\s]+(?:{digits})(?![\w-]))?|(?:{units})"


def figure_words(vocab: dict) -> list[str]:
    """Where a figure with no digit can begin, besides the number words: "a hundred", "minus"."""
    after_one = list(vocab["multipliers"]) + vocab["long_scales"]
    after_one = after_one + list(vocab["couple_words"])
    return ([f"{one} {word}" for one in vocab["one_words"] for word in after_one] + vocab["sign_words"]
            + list(vocab["vague_alone"]) + list(vocab["several_words"])
            + list(vocab["fractions_of_scale"]) + list(vocab["ratio_words"]) + list(vocab["change_words"])
            + list(vocab["fold_words"]) + list(vocab["factor_words"]) + list(vocab["digit_bands"]) + list(vocab["point_fractions"]) + list(vocab["by_fractions"]))


@functools.cache
def number_tables() -> tuple[dict, dict, dict, frozenset, frozenset, dict]:
    vocab = vocabulary("figures")
    return ({w.lower(): Decimal(v) for w, v in vocab["number_words"].items()},
            {w: Decimal(v) for w, v in vocab["multipliers"].items()},
            {w: Decimal(str(vocab["scales"][w])) for w in vocab["long_scales"]},
            frozenset(vocab["one_words"]), frozenset(vocab["decimal_point_words"]),
            {re.sub(r"[\s-]+", " ", w): fraction(v) for w, v in vocab["fractions_of_scale"].items()})


def has_scale_word(words: str) -> bool:
    """Whether a spelled number has a scale word inside it, after a number ('two hundred and nine', 'thirty-four
    thousand'), not 'a thousand' alone."""
    _, multipliers, long_scales, ones, _, _ = number_tables()
    tokens = re.split(r"[\s-]+", words.lower())
    return any(token in multipliers or token in long_scales for token in tokens[1:]) and tokens[0] not in ones


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
    vocab = vocabulary("figures")
    for words_after, part in vocab["fractions_after_words"].items():
        if phrase.endswith(" " + words_after.replace("-", " ")):
            total, current, _ = spelled_number(phrase[: -len(words_after) - 1])
            part = fraction(part)
            return total, current + part, -part.as_tuple().exponent  # "two and a half" (million), to a tenth
    couples = vocab["couple_words"]
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
        elif token in couples:
            current = (current or 1) * Decimal(couples[token])
        elif token in long_scales:
            total, current = total + (current or 1) * long_scales[token], Decimal(0)
        elif token in numbers:
            current += numbers[token]
    if decimals:
        current += Decimal(f"0.{decimals}")
    return total, current, len(decimals or "")


def ratio_number(match: re.Match) -> tuple[Decimal, Decimal] | None:
    """(number, rounding) of a band of percentages in words: 'the mid-single digits' is 4 to 6 percent."""
    band = match.groupdict().get("ratio_band")
    if not band:
        return None
    bands = {re.sub(r"[\s-]+", " ", w): v for w, v in vocabulary("figures")["digit_bands"].items()}
    low, high = (Decimal(str(v)) for v in bands[re.sub(r"[\s-]+", " ", band.lower())])
    return (low + high) / 2, (high - low) / 2


def ratio_value(match: re.Match) -> Decimal | None:
    """A share or a change written in words, in percent: "two-thirds of" -> 66.67, "one in five" -> 20,
    "halved" -> -50."""
    groups = match.groupdict()  # only for a share or change in words: rare
    if groups.get("growth_words"):
        return Decimal(vocabulary("figures")["change_words"][groups["growth_words"].lower()])
    if groups.get("pointratio_fraction"):
        fractions = {re.sub(r"[\s-]+", " ", w): fraction(v) for w, v in vocabulary("figures")["point_fractions"].items()}
        return fractions[re.sub(r"[\s-]+", " ", groups["pointratio_fraction"].lower())]  # percentage points
    if groups.get("growth_fold") or groups.get("growth_factor"):
        fold = (groups["growth_fold"] or "").lower()
        times = vocabulary("figures")["fold_words"].get(fold)
        if times is None:
            number = groups["fold_number"] or groups["factor_number"]
            times = Decimal(number) if number[0].isdigit() else small_number(number)
        return (Decimal(times) - 1) * 100  # "a three-fold rise": +200 percent
    if groups.get("ratio_words"):
        ratios = {re.sub(r"[\s-]+", " ", w): fraction(v) for w, v in vocabulary("figures")["ratio_words"].items()}
        return ratios[re.sub(r"[\s-]+", " ", groups["ratio_words"].lower())] * 100
    if groups.get("ratio_by"):
        fractions = {re.sub(r"[\s-]+", " ", w): fraction(v) for w, v in vocabulary("figures")["by_fractions"].items()}
        return fractions[re.sub(r"[\s-]+", " ", groups["ratio_by"].lower())] * 100
    if groups.get("ratio_slashpart"):
        part, whole = (Decimal(groups[name]) for name in ("ratio_slashpart", "ratio_slashwhole"))
        return part / whole * 100 if whole else None
    if groups.get("ratio_part"):
        part, whole = (small_number(groups[name]) for name in ("ratio_part", "ratio_whole"))
        return part / whole * 100 if whole else None
    return None


def small_number(text: str) -> Decimal:
    total, current, _ = spelled_number(text) if not text.isdigit() else (Decimal(0), Decimal(text), 0)
    return total + current


def after_by(vocab: dict) -> str:
    """Right after "by", or after "by" and a bound ("fell by more than half"): one fixed-width look-behind
    each; or the fraction alone, as a claims file holds its value."""
    bounds = [""] + [re.escape(w).replace(r"\ ", r"\s") + r"\s" for words in vocab["qualifiers"].values() for w in words]
    alone = rf"\A(?=(?:{alternation(vocab['by_fractions'])})\Z)"  # the value of a claim, read back alone
    return "(?:" + "|".join([rf"(?<=\bby\s{bound})" for bound in bounds] + [alone]) + ")"


def ratio_alternatives(vocab: dict) -> list[str]:
    """Shares in words, tried before any other figure form at the same place."""
    numbers = {w.lower(): v for w, v in vocab["number_words"].items()}
    small = alternation(w for w, v in numbers.items() if 0 < v <= 20 and w not in vocab["multipliers"])
    smalls = [w for w, v in numbers.items() if 0 < v <= 20 and w not in vocab["multipliers"]]
    return [
        rf"{first_character_test(vocab['point_fractions'])}(?<![A-Za-z\d])(?P<pointratio_fraction>{alternation(vocab['point_fractions'])})"
        rf"[\s-]+(?:{alternation(vocab['fraction_point_words'])})(?![A-Za-z])",
        rf"{first_character_test(vocab['ratio_words'])}(?<![A-Za-z])(?P<ratio_words>{alternation(vocab['ratio_words'])})(?=\s|$)"
        rf"(?!\s+(?:{alternation(vocab['one_words'])})\s+(?:{alternation(vocab['long_scales'])}))",
        rf"{after_by(vocab)}(?P<ratio_by>{alternation(vocab['by_fractions'])})(?![\w-])(?!\s+(?:of|past|a|an|{alternation(vocab['fraction_point_words'])})\b)",
        rf"(?<![\w/.,])(?P<ratio_slashpart>\d)/(?P<ratio_slashwhole>[1-9]\d?)\s+of(?=\s|$)(?!\s+(?:{alternation(vocabulary('periods')['months'])})\b)",
        rf"{first_character_test(vocab['change_words'])}(?<![A-Za-z])(?P<growth_words>{alternation(vocab['change_words'])})(?![A-Za-z-])",
        rf"(?=[\d{''.join(sorted({w[0] for w in smalls} | {w[0].upper() for w in smalls}))}])(?<![A-Za-z0-9.,])"
        rf"(?P<growth_fold>{alternation(vocab['fold_words'])}|(?P<fold_number>\d+(?:\.\d+)?|{small})[\s-]?{re.escape(vocab['fold_word'])})"
        rf"(?![A-Za-z-])",
        rf"{first_character_test(vocab['digit_bands'])}(?<![A-Za-z-])(?P<ratio_band>{alternation(vocab['digit_bands'])})(?![\w-])",
        rf"{first_character_test(vocab['factor_words'])}(?<![A-Za-z])(?P<growth_factor>(?:{alternation(vocab['factor_words'])})\s+"
        rf"(?P<factor_number>\d+(?:\.\d+)?|{small}))(?![\w-]|[.,]\d)",
        rf"(?=[\d{''.join(sorted({w[0] for w in smalls} | {w[0].upper() for w in smalls}))}])(?<![A-Za-z0-9.,])"
        rf"(?P<ratio_part>{small}|\d{{1,2}})\s+(?:{alternation(vocab['one_in'])})\s+(?P<ratio_whole>{small}|\d{{1,3}})(?![\w-]|[.,]\d)",
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
    alone = word_alternation(vocab["vague_alone"])
    several = word_alternation(vocab["several_words"])
    return [
        rf"(?<![A-Za-z0-9.,])(?P<scale_bare_level>{word_alternation(bare_scales(vocab))})-(?P<unit_bare>{units})",
        rf"(?<![A-Za-z])(?P<vague_level>{word_alternation(vocab['vague_multipliers'])})\s+{of}\s+(?P<vaguescale>{word_alternation(vocab['vague_scales'])})"
        rf"(?:\s+{of})?(?:\s+(?P<unit_vague>{units}))?",
        rf"(?<![A-Za-z])(?P<vaguealone_level>{alone})\s+{of}(?:\s+(?P<unit_alone>{units}))?(?=[\s,.;:]|$)",
        rf"(?<![A-Za-z])(?:{several})\s+(?P<vaguealone_several_level>{word_alternation(vocab['several_scales'])})(?![A-Za-z-])"
        rf"(?:\s+(?P<unit_several>{units}))?",
    ]


# ---------------------------------------------------------------- context rules ----

@dataclass(frozen=True)
class Rules:
    """The context vocabulary, compiled once per process."""

    growth_cues: re.Pattern  # searched in lower-cased text
    share_phrase: re.Pattern  # matched against reversed text
    growth_after: re.Pattern
    decrease_after: re.Pattern
    share_whole_after: re.Pattern
    decrease_words: frozenset
    not_quantity_before: frozenset
    rank_words: frozenset  # the words of not_quantity_before that rank, also a sum of money ("the top $1 million")
    rate_per: re.Pattern
    rate_adverbs: dict
    forecaster_clause: re.Pattern  # "analysts had forecast" right after a figure: its forecasters, no counted noun
    time_nouns: frozenset
    time_users: frozenset  # 'skier days': a count of users' days
    time_from_now: frozenset  # "two years ago": a time, not a span
    time_on: frozenset  # "five years on, ...": a time before punctuation only
    irregular_participles: frozenset  # "paid subscribers": a participle before a noun qualifies it
    glued_time: re.Pattern  # a time symbol glued to its number: "20ms"
    unspaced_time_nouns: tuple  # of a language written without spaces: a noun opening with one is a time
    not_time_nouns: tuple  # ... unless it opens with one of these
    noun_stop_words: frozenset
    copular_verbs: frozenset  # "homes stood vacant": the verb ends the noun ...
    state_adjectives: frozenset  # ... and the state after it qualifies the noun
    month_words: frozenset  # "December 18", "Sept. 2": a number after these is a day
    classifier: re.Pattern
    counted_after: re.Pattern
    not_a_number_after: re.Pattern
    not_a_number_before: re.Pattern
    range_to_percent: re.Pattern
    level_preposition_end: re.Pattern
    gdp_before: re.Pattern
    range_joiner: re.Pattern
    between_joiner: re.Pattern
    between_closer: re.Pattern
    clock_before: re.Pattern  # "half past ten"
    clock_after: re.Pattern  # "3 pm", "9.45 am"
    month_after: re.Pattern  # "14 March 2025"
    change_before_range: re.Pattern  # matched against reversed text: "rose from", "fell by"
    plural_nouns: frozenset  # plurals without an s: "people", "children"
    race_nouns: frozenset  # "the 400m hurdles": a race, not a count
    length_words: frozenset  # "8m high", "the wall rises 8m": a glued 'm' is metres
    counted_totals: frozenset  # "the population is 8m": a glued 'm' is millions
    change_verbs: frozenset  # "rises", "falls": no plural nouns
    name_determiners: frozenset  # "the COP28 talks": a name after these
    fall_right_before: frozenset  # "off 2%": a fall, right before its percent only
    count_modifiers: frozenset  # "10-15 new staff": an adjective between a count and its noun
    dashed_range_measures: tuple  # a script without plurals: the measure word after '3-5' makes it a range of things counted
    count_openers: frozenset  # "Some 300 firms", "Only 5 ...": words that open a sentence before a count
    model_after: re.Pattern  # "737 MAX", "9 Pro": a model's name
    restating_end: re.Pattern  # ", or about": what follows restates the change before it
    year_nouns_after: re.Pattern  # "below 2019 levels": the number is a year


def characters(words) -> str:
    return "[" + re.escape("".join(words)) + "]"


@functools.cache
def rules() -> Rules:
    return built("en-figure-rules", build_rules)  # kept between runs (build_cache)


def alternation_or_none(words) -> str:
    """The words as one alternation; one that matches nothing when no language has any."""
    return word_alternation(words) if words else "(?!)"


def not_right_after(words: list[str]) -> str:
    """One fixed-width lookbehind per word: the match may not start right after any of them and a space."""
    return "".join(rf"(?<!\b{re.escape(word.lower())}\s)" for word in words)


def build_rules() -> Rules:
    vocab = vocabulary("figures")
    rates = vocab["rate_words"]
    cue_words = vocab["growth_words"] + vocab["decrease_words"]
    return Rules(
        growth_cues=re.compile(word_alternation(w.lower() for w in cue_words)),
        share_phrase=ending_with(vocab["share_phrases"]),
        growth_after=re.compile(rf"^\s*(?:{word_alternation(vocab['growth_after_words'])})", re.I),
        share_whole_after=re.compile(rf"^\s+of\s+(?:{word_alternation(vocab['share_wholes_after'])}|[A-Z][\w-]*['’]s)(?![\w-])"),
        decrease_after=re.compile(rf"^\s*(?:{word_alternation(vocab['decrease_after_words'])})", re.I),
        decrease_words=lowered(vocab["decrease_words"]),
        not_quantity_before=lowered(vocab["not_quantity_before"]),
        rank_words=lowered(vocab["rank_words"]),
        rate_per=re.compile(  # matched against lower-cased text
            rf"^[^,.;:()]{{0,60}}?(?:(?<![a-z]){not_right_after(rates['not_before'])}(?:{word_alternation(w.lower() for w in rates['per'])})\s*"
            rf"(?P<per>{word_alternation(w.lower() for w in rates['units'])})(?![a-z]|\s+(?:{word_alternation(rates['not_after'])})\b)"
            rf"|(?P<adverb>{word_alternation(w.lower() for w in rates['adverbs'])})"
            rf"(?=\s*(?:[,.;:)]|$|(?:and|in|on|at|for|from|with|over|since|during)\b)))",
        ),
        rate_adverbs={k.lower(): v for k, v in rates["adverbs"].items()},
        forecaster_clause=re.compile(rf"\s*(?:{word_alternation(vocab['forecaster_subjects'])})\s+(?:(?:had|have|has|were|was)\s+)?"
                                     rf"(?:{word_alternation(vocabulary('periods')['expecting_participles'] + vocab['forecasting_verbs'])})(?![\w-])", re.I),
        time_nouns=frozenset(vocab["time_nouns"]),
        time_users=frozenset(vocab.get("time_users", ())),
        time_from_now=lowered(vocab["time_from_now"]),
        time_on=lowered(vocab["time_on"]),
        irregular_participles=lowered(vocab["irregular_participles"]),
        glued_time=re.compile(rf"(?:{'|'.join(vocab['glued_time_symbols'])})(?![A-Za-z\d])"),
        unspaced_time_nouns=tuple(w for w in vocab["time_nouns"] if not w.isascii()),
        not_time_nouns=tuple(vocab.get("not_time_nouns", ())),
        noun_stop_words=lowered(vocab["noun_stop_words"] + vocab["copular_verbs"]),
        copular_verbs=lowered(vocab["copular_verbs"]),
        state_adjectives=lowered(vocab["state_adjectives"]),
        month_words=frozenset(vocabulary("periods")["months"]),
        classifier=re.compile(characters(vocab["classifiers"]) + r"\w"),
        counted_after=re.compile(characters(vocab["counted_after"])),
        not_a_number_after=re.compile(r"(st|nd|rd|th)(?![A-Za-z])|[:/]\d|-\d|-to-\d|\.\d|\.[A-Za-z]|" + characters(vocab["date_after"])
                                      + "".join(f"|{re.escape(suffix)}(?![A-Za-z])" for suffix in vocab.get("naming_suffixes", []))),
        not_a_number_before=re.compile(r"\d[-/]$|" + characters(vocab["ordinal_before"]) + "$"),
        range_to_percent=re.compile(rf"[-–](?:\d{{1,3}}(?:,\d{{3}})+|\d[\d.,]*[\s\u00a0]?(?:{range_units()}))"),
        level_preposition_end=re.compile(
            "(?:" + "|".join(rf"\b{w}" if w.isascii() else w for w in vocab["level_prepositions"]) + r")\s*$"),
        gdp_before=re.compile(r"(?:\bto|\bof|" + "|".join(vocab["share_of_before"]) + r")\s*(?:the\s+\w+['’]s\s+)?GDP(?![A-Za-z])"),
        range_joiner=re.compile(r"^\s*(?:" + "|".join(re.escape(w) for w in vocab["range_joiners"] + vocab.get("between_joiners", []))
                                + r"|-|–|~)\s*$", re.I),
        between_joiner=re.compile(rf"^\s*(?:{alternation_or_none(vocab.get('between_joiners'))})\s*$"),
        between_closer=re.compile(rf"[^,.;:，。；：、]{{0,{BETWEEN_CLOSER_REACH}}}?(?:{alternation_or_none(vocab.get('between_closers'))})"),
        clock_before=re.compile(rf"(?<![A-Za-z])(?:{'|'.join(vocab['clock_before_words'])})\s+$", re.I),
        clock_after=re.compile(rf"[\s\u00a0]?(?:{word_alternation(vocab['clock_words'])})"),
        month_after=re.compile(rf"\s+(?:{word_alternation(m.capitalize() for m in vocabulary('periods')['months'])})(?![a-z])"),
        change_before_range=ending_with(f"{change} {joiner}".strip() for change in cue_words for joiner in vocab["change_words_before_range"]),
        plural_nouns=frozenset(vocab["plural_nouns"]),
        race_nouns=frozenset(vocab["race_nouns"]),
        length_words=frozenset(vocab["length_words"]),
        change_verbs=lowered(vocab["growth_words"] + vocab["decrease_words"]),
        name_determiners=lowered(vocab["name_determiners"]),
        fall_right_before=lowered(vocab["fall_right_before"]),
        counted_totals=frozenset(vocab["counted_totals"]),
        count_modifiers=frozenset(vocab["count_modifiers"]),
        count_openers=lowered(vocab["count_openers"]),
        dashed_range_measures=tuple(vocab.get("dashed_range_measures", ())),
        model_after=re.compile(model_words(vocab)),
        restating_end=re.compile(rf",\s*(?:{word_alternation(vocab['restating_joiners'])})(?:\s+[a-z]+){{0,2}}$", re.I),
        year_nouns_after=re.compile(rf"[\s-]+(?:{word_alternation(vocab['year_nouns_after'])})(?![\w-])"),
    )


def model_words(vocab: dict) -> str:
    """A model's name right after its number, as written: " MAX" of "737 MAX"."""
    return rf"[ \u00a0]+(?-i:{word_alternation(vocab['model_words'])})(?![\w-])"


def grouped_number_not_before(vocab: dict) -> str:
    """'150 737 MAX jets' is 150 jets of a model, not 150,737: groups of digits end before a model name."""
    return model_words(vocab)


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
    if rules().year_nouns_after.match(after):
        return True
    word = word.lower()
    return not (PLURAL_NOUN_AFTER.match(after) and word not in YEAR_PREPOSITIONS and not word.endswith(("'s", "’s")))


LEVEL_ROLES = {"digits", "level"}


def is_year_of_level(match: re.Match, digits: str) -> bool:
    """'Costs fell to a tenth of the 2019 level': a year-shaped number whose only company is the
    level word (not 'the 10-billion-yuan level', not 'the 40,000 level' of an index)."""
    roles = {name for name, value in match.groupdict().items() if value and not name.startswith("gap")}
    return roles == LEVEL_ROLES and YEAR_DIGITS.fullmatch(digits) is not None


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
    digits, words, fraction = match.group("digits", "words", "fraction")
    if fraction:
        return is_not_a_fraction(fraction, bare)
    if match.group("ratio_slashpart"):
        return int(match.group("ratio_slashpart")) >= int(match.group("ratio_slashwhole"))  # "part 2/2 of": a numbering
    if not (digits or words):
        return False
    grammar = rules()
    after, before = text[match.end() : match.end() + 24], text[max(0, match.start() - 12) : match.start()]
    word = previous_word(text, match.start())
    if words:
        if words.lower() == "one" and PARTITIVE_OF.match(after):
            return True  # "one of only six": a partitive, not a count
        if bare and not WORD_AFTER.match(after) and not has_scale_word(words):
            return True  # a spelled number that counts nothing, or a compound such as "one-child policy" ("thirty-four
            # thousand and nine." is a figure: a scale word makes it one)
    if words and words.lower() == "one" and is_one_idiom(text, match):
        return True  # "at one point", "one another": an idiom, not a count
    if words and is_idiom(text, match, word):
        return True  # "offered their two cents"
    if digits and bare and is_numbering_total(text, match.start(), grammar):
        return True  # "Part 1 of 3", "page 2 of 10": how many there are of a numbered thing, page furniture
    if digits and bare and is_identifier_list(text, match, word):
        return True  # "sites 1, 2 and 3": numbers naming things, after the noun they name
    if bare and is_hour(digits, words) and grammar.clock_before.search(text, max(0, match.start() - 16), match.start()):
        return True  # "half past ten": a time of day
    if digits and bare and is_age_aside(text, match, digits):
        return True  # "Ana Berg, 52, said": a person's age, set off by commas after the name
    if bare and is_time_ago(text, match.end()):
        return True  # "two years ago", "five years later": when, not how long
    if words and is_someday(text, match, words, after):
        return True  # "One day the port hopes ...": when, not how long
    if digits and is_code_glued_name(match, word):
        return True  # "the COP28 summit": a currency code glued to a small number names a thing
    if digits and not bare and is_name_with_letter(text, match, word, qualifier_of):
        return True  # "Shares of 3M rose", "the publisher 2K": a name, not 3 million
    if digits and is_network_address(digits):
        return True  # "10.100.200.30": four numbers up to 255 between points address a computer
    if digits and bare and is_address(text, match, digits, word):
        return True  # "40 Marsh Lane", "CA 90210", "Next 4 stories": an address or page furniture
    if match.group("unit") and is_resolution(text, match):
        return True  # "1080p video": a screen resolution, not pence
    if digits and is_letter_name(text, match, digits, word):
        return True  # "Gate 23C", "2025F": a name or a forecast year, not degrees
    if words and DIGITS_DASHED_BEFORE.search(before) and match.group(0)[:1].isupper():
        return True  # the "Eleven" of "7-Eleven"
    if digits and bare and is_dashed_to_spelled_name(after):
        return True  # "7-Eleven": digits dashed to a capitalized spelled number name a thing
    if digits and is_year_of_level(match, digits):
        return True  # "the 2019 level": the year whose level is meant, not a figure at a level
    if digits and bare:
        if is_year(digits, after, word):
            return True  # a year: the period reader's business
        if grammar.model_after.match(after):
            return True  # "the 737 MAX", "the 9 Pro": a model's name
        if grammar.range_to_percent.match(after) or GROUPED_RANGE_START.search(before):
            return False  # "10-15%", "50,000-60,000": an end of a range
        if is_dashed_count_range(text, match, word):
            return False  # "150-200 staff": the ends of a range of things counted
        if grammar.not_a_number_after.match(after) or grammar.not_a_number_before.search(before) or TO_COMPOUND.search(before):
            return True  # ordinal, time, date, version, ticker or identifier
        if grammar.clock_after.match(after) or grammar.month_after.match(after) or PLUS_DIGIT_AFTER.match(after) or before.endswith("+"):
            return True  # "3 pm", "14 March", "1+5": a time, a date or a name
        if before.endswith("[") and after.startswith("]"):
            return True  # citation mark
        if after[:1].isascii() and after[:1].isalpha() and not grammar.glued_time.match(after) or PART_OF_WORD_BEFORE.search(before):
            return True  # "5G", "post-95s", "COVID-19": part of a word
        if NUMBER_RUN_AFTER.match(after) and not is_model_after(after, grammar) or (NUMBER_RUN_BEFORE.search(before) and not YEAR_BEFORE.search(before)):
            return True  # a run of bare numbers is an identifier or layout debris ("2 1")
    label = word.lower().rstrip(".") if word.lower().rstrip(".") in grammar.not_quantity_before else word.lower()
    if label in grammar.not_quantity_before and not (not bare and AS_VERB_BEFORE.search(text[max(0, match.start() - 40) : match.start()].rstrip()[: -len(word)])) \
            and not (match.group("symbol") and label not in grammar.rank_words):
        # "top 10", "No. 1", "the top 2%" (but "will top $500 billion" is a verb and an amount, and "cost the group
        # £310 million" is money: a label numbers things, never with a currency sign)
        return True
    if word.lower().rstrip(".") in grammar.month_words and digits:
        return True  # "December 18", "Sept. 2": a date
    return bool(bare and digits and is_part_of_name(text, match, digits, word, qualifier_of))


NUMBERED_OF = re.compile(r"(?<![\w-])(?P<label>[A-Za-z]+)\.?\s+\d{1,3}\s+of\s+$")


def is_numbering_total(text: str, start: int, grammar: Rules) -> bool:
    """The number after 'Part 1 of': a label, a number and 'of' before it (not 'won 74 of')."""
    found = NUMBERED_OF.search(text, max(0, start - 24), start)
    return found is not None and found["label"].lower() in grammar.not_quantity_before


def is_part_of_name(text: str, match: re.Match, digits: str, word: str, qualifier_of: dict) -> bool:
    """'Dawn 6000', 'Group 1', 'iPhone 16'; 'Windows 11 runs on ...', 'Season 2 drew ...' (a name
    opening its sentence): a number after a capitalized word."""
    if not any(c.isupper() for c in word) or word.lower() in qualifier_of or word.endswith("."):
        return False
    if "," in digits:
        return False  # "and Quebec 11,000": a name holds no grouped thousands
    gap = text[match.start() - 1 : match.start()] if match.start() else ""
    prefix = text[: match.start() - len(word) - 1]
    if gap == " " and prefix and prefix.rstrip()[-1:] not in SENTENCE_END:
        return True
    grammar = rules()
    return (gap == " " and len(digits) <= 3 and digits.isdigit() and word.lower() not in grammar.count_openers
            and word.lower() not in grammar.noun_stop_words)


DIGITS_DASHED_BEFORE = re.compile(r"\d[-\u2013]$")
DASHED_CAPITAL_WORD = re.compile(r"[-\u2013]([A-Z][a-z]{1,11})(?![A-Za-z])")


def is_dashed_to_spelled_name(after: str) -> bool:
    """'7-Eleven', '4-Seven': a capitalized number word glued to digits by a dash."""
    word = DASHED_CAPITAL_WORD.match(after)
    return bool(word) and word.group(1).lower() in number_tables()[0]


def is_hour(digits: str | None, words: str | None) -> bool:
    """A number that can name an hour on the clock: one to twelve."""
    number = int(digits) if digits and digits.isdigit() else (small_number(words) if words else 0)
    return 1 <= number <= 12


DASHED_END_AFTER = re.compile(r"[-\u2013](\d{1,3}(?:,\d{3})*)(?![\d.,/:-])")
DASHED_START_BEFORE = re.compile(r"(?:^|(?<=[\s(\u3400-\u9fff]))(\d{1,3}(?:,\d{3})*)[-\u2013]$")  # a script without spaces: right after a letter of it


def is_dashed_count_range(text: str, match: re.Match, word: str) -> bool:
    """'hired 150-200 staff': two bare numbers joined by a dash, the first smaller, no year and round
    when it has three digits, before a plural noun, after no capitalized name ('Delta 737-800 jets')."""
    second = DASHED_END_AFTER.match(text, match.end())
    if second:
        first_digits, second_digits, first_start, end = match.group("digits"), second.group(1), match.start(), second.end()
    else:
        first = DASHED_START_BEFORE.search(text, max(0, match.start() - 12), match.start())
        if not first:
            return False
        first_digits, second_digits, first_start, end = first.group(1), match.group("digits"), first.start(), match.end()
    if not (first_digits.replace(",", "").isdigit() and second_digits.replace(",", "").isdigit()):
        return False
    low, high = int(first_digits.replace(",", "")), int(second_digits.replace(",", ""))
    if YEAR_DIGITS.fullmatch(first_digits) or low >= high or (low >= 100 and low % 5):
        return False  # "737-800 jets": a model's number, not a round end of a range
    before = previous_word(text, first_start)
    if before[:1].isupper() and before.lower() not in rules().count_openers and before.lower() not in rules().noun_stop_words:
        return False
    return (counts_plural(text, end) or text.startswith(rules().dashed_range_measures, end)
            or not (text[:first_start].strip() or text[end:].strip()))  # a claim's value alone


FRACTION_DIGITS = re.compile(r"(?:(\d+)\D)?(\d+)/(\d+)")


def is_not_a_fraction(fraction: str, bare: bool) -> bool:
    """'3/4' alone is a date or a page ('parts 1/2 and 2/2'), '24/7' and '9/11' are names: a
    fraction is a figure when it is less than one and has a whole number or a unit with it
    ('3 1/2', '1/2 inch', '3/4 percent')."""
    parts = FRACTION_DIGITS.fullmatch(fraction)
    if not parts:
        return False  # a fraction in one sign: '3\u00bd'
    whole, numerator, denominator = parts.groups()
    return int(numerator) >= int(denominator) or (bare and not whole)


NUMBER_AFTER = re.compile(r"\s+\d+")


def is_model_after(after: str, grammar: Rules) -> bool:
    """'150 737 MAX jets': the number after this one names a model."""
    number = NUMBER_AFTER.match(after)
    return bool(number) and bool(grammar.model_after.match(after, number.end()))


TO_COMPOUND = re.compile(r"\d-to-$")  # the second number of "a 9-to-5 job", "a 5-to-4 ruling"


@dataclass(frozen=True)
class Names:
    """Words that make a number part of a name, an address or page furniture."""

    street: re.Pattern  # after the number: "40 Marsh Lane"
    state_codes: frozenset
    furniture: frozenset
    someday: re.Pattern  # after a spelled 'one': "One day the port hopes"
    someday_after: frozenset
    resolution: re.Pattern  # after a glued hundredth: "1080p video"


@functools.cache
def names() -> Names:
    vocab = vocabulary("figures")
    return Names(
        street=re.compile(r"[A-Za-z]?\s+(?:[A-Z][\w'’.-]*\s+){1,3}(?:" + "|".join(map(re.escape, vocab["street_words"]))
                          + r")\b(?!-)"),
        state_codes=frozenset(vocab["state_codes"]),
        furniture=frozenset(vocab["furniture_words"]),
        someday=re.compile(r"\s+(?:" + "|".join(vocab["someday_nouns"]) + r")\b(?!\s+(?:of|a|per|each|every)\b)(?!\s*[-,.;:]?\s*$)", re.I),
        someday_after=frozenset(vocab["someday_after"]),
        resolution=re.compile(r"\s*(?:" + "|".join(map(re.escape, vocab["glued_subunit_not_before"])) + r")\b"),
    )


@functools.cache
def idioms() -> tuple[re.Pattern, frozenset]:
    vocab = vocabulary("figures")
    return re.compile(r"(?:" + "|".join(map(re.escape, vocab["possessive_idioms"])) + r")\b", re.I), frozenset(vocab["possessives"])


def is_idiom(text: str, match: re.Match, word: str) -> bool:
    pattern, possessives = idioms()
    return word.lower() in possessives and bool(pattern.match(text, match.start()))


@functools.cache
def one_idioms() -> tuple[tuple[re.Pattern, re.Pattern], ...]:
    """Each idiom of 'one' as (what ends the text before it, what begins the text after it)."""
    pairs = []
    for idiom in vocabulary("figures")["one_idioms"]:
        before, _, after = idiom.partition("one")
        pairs.append((re.compile(rf"(?<![A-Za-z]){re.escape(before)}$" if before else "$", re.I),
                      re.compile(rf"{re.escape(after)}(?![A-Za-z])" if after else "", re.I)))
    return tuple(pairs)


def is_one_idiom(text: str, match: re.Match) -> bool:
    start, end = match.start(), match.end()
    return any(after.match(text, end) and before.search(text, max(0, start - 20), start) for before, after in one_idioms())


IDENTIFIER_LIST = re.compile(
    r"(?<![A-Za-z])(?P<noun>[A-Za-z]{2,}s)\s+\d{1,3}(?:,\s*\d{1,3})*,?\s+(?:and|or)\s+\d{1,3}(?![\d.,]*\d)"
    r"(?=\s*[.,;:)]|\s*$|\s+(?P<verb>[a-z]+)\b)")
LIST_VERBS = frozenset({"were", "was", "are", "is", "will", "would", "have", "has", "had"})
LIST_PREPOSITIONS = frozenset({"at", "in", "of", "on", "near", "from"})  # "Teams 3 and 4 at the plant": named, nothing counted


def is_network_address(digits: str) -> bool:
    parts = digits.split(".")
    return len(parts) == 4 and all(part.isdigit() and int(part) <= 255 for part in parts)


def is_identifier_list(text: str, match: re.Match, word: str) -> bool:
    """'sites 1, 2 and 3', 'Terminals 2 and 3 reopened', 'Teams 1, 2 and 3 won': small numbers listed
    after the plural noun they name, and nothing counted after the last of them ('employs 40, 50 or
    60 people' counts)."""
    from .phrases import is_a_verb

    digits = match.group("digits")
    if len(digits) > 3 or not digits.isdigit():
        return False
    stops = rules().noun_stop_words
    for listed in IDENTIFIER_LIST.finditer(text, max(0, match.start() - 60), min(len(text), match.end() + 60)):
        noun = listed.group("noun").lower()
        if listed.end("noun") < match.start() < listed.end() and noun not in stops and not noun.endswith(("ss", "us", "is")):
            verb = listed.group("verb")
            if not verb or verb in LIST_VERBS or verb in LIST_PREPOSITIONS or verb.endswith("ed") or is_a_verb(verb):
                return True
    return False


ZIP_DIGITS = re.compile(r"\d{5}")
CLAUSE_OPENING = re.compile(r"(?:^|[.!?;:,\n—–]\s*|[\"“‘(]\s*)$")
SENTENCE_OPENING = re.compile(r"(?:^|[.!?\n]\s*|[\"“‘(]\s*)$")


def is_address(text: str, match: re.Match, digits: str, word: str) -> bool:
    """A house number ('40 Marsh Lane'), a ZIP code after a state ('CA 90210') or a number after a
    line-opening word of page furniture ('Next 4 stories')."""
    vocab = names()
    if vocab.street.match(text, match.end()):
        return True
    if word in vocab.state_codes and ZIP_DIGITS.fullmatch(digits):
        return True
    if word in vocab.furniture:
        opening = len(text[: match.start()].rstrip()) - len(word)
        line = text[max(0, opening - 40) : max(0, opening)].rstrip(" \t")
        return not line or line.endswith("\n")
    return False


NAME_AND_COMMA_BEFORE = re.compile(r"[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+,\s*$")


def is_age_aside(text: str, match: re.Match, digits: str) -> bool:
    """A whole number under 120 between commas right after a first name and a surname ('Ana Berg, 52,')."""
    if not digits.isdigit() or int(digits) >= 120 or text[match.end() : match.end() + 1] != ",":
        return False
    return bool(NAME_AND_COMMA_BEFORE.search(text, max(0, match.start() - 40), match.start()))


def is_time_ago(text: str, end: int) -> bool:
    """A span followed by a word that places it from now ('three years ago', '10 months earlier')."""
    noun = NEXT_WORD.match(text, end)
    if not noun or noun.group(1).lower() not in rules().time_nouns:
        return False
    following = NEXT_WORD.match(text, noun.end())
    if not following:
        return False
    word = following.group(1).lower()
    if word in rules().time_on:
        return text[following.end() : following.end() + 1] in ("", ",", ".", ";")  # "Five years on, ..." (not "on average")
    return word in rules().time_from_now


def is_someday(text: str, match: re.Match, words: str, after: str) -> bool:
    """'One day the port hopes', 'and one morning it ...': 'one' opening a clause before a time of day."""
    vocab = names()
    if words.lower() != "one" or not vocab.someday.match(text, match.end()):
        return False
    before = text[max(0, match.start() - 30) : match.start()]
    return bool(CLAUSE_OPENING.search(before)) or previous_word(text, match.start()).lower() in vocab.someday_after


def is_name_with_letter(text: str, match: re.Match, word: str, qualifier_of: dict) -> bool:
    """'3M', '2K' glued, whole and in capitals, with no currency and nothing counted after them, name
    a company or a studio: '100K subscribers', '1.2M views', 'over 2K' are figures."""
    scale, digits = match.group("scale"), match.group("digits")
    if not scale or len(scale) != 1 or not scale.isupper() or match.group("gap_scale") or not digits.isdigit():
        return False
    if match.group("symbol") or match.group("unit") or match.group("sign") or len(digits) > 2:
        return False  # "100K", "250M": a name holds one or two digits ("3M", "2K", "10K")
    following = text[match.end() : match.end() + 2]
    if following[:1] in ("+", "-", "–", "/") or word.lower() in qualifier_of:
        return False
    return not counts_plural(text, match.end())


def is_code_glued_name(match: re.Match, word: str) -> bool:
    """A three-letter currency code glued to a whole number of one or two digits, with nothing after
    it, after a determiner or opening its sentence ('the COP28 talks', 'At COP29,'), is a name; money
    written with a code follows its verb ('cost GBP5'), is spaced, or carries a scale ('USD5m')."""
    symbol = match.group("symbol") or ""
    if len(symbol) != 3 or not symbol.isalpha() or not symbol.isupper() or match.group(0)[len(symbol):][:1].isspace():
        return False
    before = match.string[max(0, match.start() - 40) : match.start()].rstrip()
    opens_sentence = SENTENCE_OPENING.search(before[: len(before) - len(word)].rstrip()) and (not word or word[0].isupper())
    if word.lower() not in rules().name_determiners and not opens_sentence:
        return False
    digits = match.group("digits")
    if match.string[match.end() : match.end() + 1] in ("-", "–", "/"):
        return False  # "EUR4-6m": the first end of a range
    return digits.isdigit() and len(digits) <= 2 and not (match.group("scale") or match.group("unit"))


@functools.cache
def glued_only_units() -> frozenset:
    return frozenset(vocabulary("units").get("glued_only", []))


def is_letter_name(text: str, match: re.Match, digits: str, word: str) -> bool:
    """A unit of one capital letter ('40C', '104F') is one only glued to a small number that no
    capitalized word names, and with no letter or digit after it."""
    unit = match.group("unit")
    if not unit or unit not in glued_only_units():
        return False
    glued = match.group("gap_unit") == "" and len(digits.split(".")[0].lstrip("-")) <= 3
    after = text[match.end() : match.end() + 1]
    return not glued or after.isalnum() or (any(c.isupper() for c in word) and word.lower() not in rules().count_openers
                                             and word.lower() not in rules().noun_stop_words)


def is_resolution(text: str, match: re.Match) -> bool:
    """'1080p video': a hundredth glued to its number ('312p') that names a screen resolution."""
    from ...reader.figures import lexicon

    unit = match.group("unit")
    return unit in lexicon().glued_subunits and bool(names().resolution.match(text, match.end()))


AT_THE = re.compile(r"\bat\s+the\s+$", re.I)
LEVEL_AFTER = re.compile(r"\s+level\b", re.I)


def is_level_phrase(text: str, match: re.Match) -> bool:
    """"at the 10 billion yuan level": an order of magnitude, written around the figure."""
    return bool(AT_THE.search(text, max(0, match.start() - 10), match.start()) and LEVEL_AFTER.match(text, match.end()))


NOUN_TOKEN = re.compile(r"\s*(?:[-–]\s*)?([“\"‘']?[A-Za-z][\w'’&./-]*[”\"’']?|[\u4e00-\u9fff]+)")


FIGURE_NEXT = re.compile(r"\s+(?:about|some|nearly|almost|more than|over)?\s*[\d$€£¥]")


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
        # "4.6 million registered voters", "2 million paid subscribers": a participle before the noun is an adjective
        stops = word.lower() in grammar.noun_stop_words and not (not words and is_participle_before_noun(word, text, token.end()))
        if stops or not word:
            if word.lower() in ("and", "or") and words and continues_phrase(text, token.end(), number_words):
                words.append(word)
                position = token.end()
                continue
            break
        words.append(word)
        position = token.end()
        if token.group(1).endswith((".", ",")):
            break
    if len(words) > 1 and words[-1].lower().endswith("ing") and FIGURE_NEXT.match(text, position):
        words.pop()  # "450 cruise ships carrying 780,000 passengers": the participle takes the next figure
    while words and (words[-1].lower().endswith("ed") or words[-1].lower().endswith("ly") or words[-1].lower() in ("and", "or")):
        words.pop()  # trailing participles and adverbs ("enterprises benefited", "patents already")
    if words and grammar.forecaster_clause.match(text):
        return None  # "the 3.9 billion analysts had forecast": who forecast the figure, not what it counts
    state = in_a_state(text, position) if words else ""
    return " ".join([state] * bool(state) + words) or None


def in_a_state(text: str, position: int) -> str:
    """'stood vacant' after a count's noun: the state adjective that qualifies the noun ('' when there is none)."""
    verb = NOUN_TOKEN.match(text, position)
    if not verb or verb.group(1).lower() not in rules().copular_verbs:
        return ""
    state = NOUN_TOKEN.match(text, verb.end())
    word = state.group(1).rstrip(".,").lower() if state else ""
    return word if word in rules().state_adjectives else ""


def is_participle_before_noun(word: str, text: str, position: int) -> bool:
    """A past participle right after a figure and before a plural noun qualifies that noun."""
    if not (word.lower().endswith("ed") or word.lower() in rules().irregular_participles):
        return False
    following = NOUN_TOKEN.match(text, position)
    return bool(following) and is_plural_noun(following.group(1).strip("“”\"‘’'").rstrip(".,").lower())


def continues_phrase(text: str, position: int, number_words: dict) -> bool:
    """'seed-stage and early-stage enterprises' goes on past 'and'; '25,000 firms and 1,333 SMEs' and
    '11 countries and employs' do not."""
    from .phrases import is_a_verb

    following = NOUN_TOKEN.match(text, position)
    if not following:
        return False
    word = following.group(1)
    if word[:1].isupper() and not word[1:2].isupper() and not text[:position].split()[-2][:1].isupper():
        return False  # "21,000 jobs and Quebec 11,000": a name after a common noun opens another clause ("cars and SUVs" goes on)
    return word.lower() not in number_words and not is_a_verb(word)


def growth_sign(text: str, start: int, end: int, qualifier_before: re.Pattern) -> int:
    """+1 or -1 when a percent states a change ("grew 5%", "an increase of 18.9%", "a 12% jump",
    "growth stayed above 5%", "fell 4.2%"); 0 when it states a level ("rose to 6.67%", "made up 40%")."""
    grammar = rules()
    after = text[end : end + 40]
    restated = restated_change_sign(text, start)
    if restated and not after.lstrip().lower().startswith("of "):
        return restated
    if grammar.share_whole_after.match(after):
        return 0  # "grows about 37% of the world's coffee": a share of a larger whole
    before = text[max(0, start - 60) : start].rstrip()
    if before.endswith(" by"):
        before = text[max(0, start - 140) : start].rstrip()  # "by 18%" is a change: its verb may stand further back
    qualifier = ends_with(before, qualifier_before)
    unqualified = before[: len(before) - len(qualifier)]
    if qualifier.lower() in crossing()["bounds"] and previous_word(unqualified, len(unqualified)).lower() in crossing()["verbs"]:
        return 0  # "Inflation fell below 3%": the level crossed a line, no fall of 3%
    if previous_word(unqualified, len(unqualified)).lower() in grammar.fall_right_before:
        return -1  # "shares were off 2%"
    sign = cue_sign(unqualified, grammar)
    if grammar.decrease_after.match(after):
        return -1
    if grammar.growth_after.match(after):
        return sign or 1
    return sign


@functools.cache
def crossing() -> dict[str, frozenset[str]]:
    vocab = vocabulary("figures")["crossing"]
    return {"bounds": frozenset(vocab["bounds"]), "verbs": frozenset(vocab["verbs"])}


CUE_CLAUSE_BREAK = re.compile(r"[,;:()，；：（）、]|\band\b|\bwhile\b")
CLAUSE_BREAK_OUTSIDE_NUMBERS = re.compile(r"[;:()，；：（）、]|,(?!\d)|\band\b|\bwhile\b")  # "150,000" is one figure
TO_WORD = re.compile(r"\bto\b")


def restated_change_sign(text: str, start: int) -> int:
    """+1 / -1 for a figure that restates in another unit the change stated right before it ("rose $2
    billion, or 5%", "fell 4%, or about $300 million"); 0 when what comes before states no change
    ("totalled $2 billion, or 5%", "rose to $42 billion, or ...")."""
    grammar = rules()
    before = text[max(0, start - 80) : start].rstrip()
    joined = grammar.restating_end.search(before)
    if joined is None:
        return 0
    clause = lower_in_place(CLAUSE_BREAK_OUTSIDE_NUMBERS.split(before[: joined.start()])[-1])
    cues = list(grammar.growth_cues.finditer(clause))
    cue = cues[-1] if cues else None  # the verb of the change restated: the last in the clause
    if cue is None or TO_WORD.search(clause, cue.end()) or not any(c.isdigit() for c in clause[cue.end() :]):
        return 0
    return -1 if cue.group(0) in grammar.decrease_words else 1


def change_sign(text: str, start: int, qualifier_before: re.Pattern, pair: bool = False) -> int:
    """-1 for a count or amount that states a fall: "fell by 12,000", "down 200,000", and, as the
    change in a pair with the level it reached, "fell 12,000 to 1.3 million"; else 1. A fall's
    object keeps its sign ("lost £40m", "cut 500 jobs" are what was lost or cut)."""
    restated = restated_change_sign(text, start)
    if restated:
        return restated
    before = text[max(0, start - 60) : start].rstrip()
    before = before[: len(before) - len(ends_with(before, qualifier_before))].rstrip()
    words = lower_in_place(CUE_CLAUSE_BREAK.split(before)[-1]).split()
    if len(words) > 1 and words[-1] == "by":
        cue = words[-2]
    elif words and (pair or words[-1] == "down"):
        cue = words[-1]
    else:
        return 1
    return -1 if cue in rules().decrease_words else 1


def cue_sign(before: str, grammar: Rules) -> int:
    clause = lower_in_place(CUE_CLAUSE_BREAK.split(before)[-1])  # the cue words are lower case
    if ends_with(clause, grammar.share_phrase) or grammar.level_preposition_end.search(clause):
        return 0  # "rose to 6.67%", "from 3.2%", "made up 40%": a level
    cues = list(grammar.growth_cues.finditer(clause))
    by = clause.endswith(" by")  # "cut its forecast for the year to March 2026 by 18%": its "to" names no level
    if not cues or (TO_WORD.search(clause, cues[-1].end()) and not by):
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
    words = noun.lower().split() if noun else []
    unspaced = noun is not None and noun.startswith(grammar.unspaced_time_nouns) and not noun.startswith(grammar.not_time_nouns)
    if len(words) >= 2 and words[-1] in grammar.time_nouns and words[-2] in grammar.time_users:
        return None  # "2.9 million skier days": so many users' days counted
    if words and (words[-1] in grammar.time_nouns or words[0] in grammar.time_nouns or unspaced):
        return "duration", None
    return None


SHARE_BASE = re.compile(r"^\s+of\s+(?P<base>[^,.;:()\[\]—]+?)(?=[,.;:()\[\]—]|\s(?:in|and|to|from|for|with|while|during|was|is|are|were|has|have|had|will|would|came|comes|come|went|goes|go|rose|fell|grew|made|makes|make|accounted|accounts|account|stood|stands|at|on|by|now)\s|\sof\s+(?:about\s+|around\s+|some\s+)?\d|$)", re.I)  # "of its capacity of 30 GWh"
SENTENCE_PART_BREAK = re.compile(r"[,;.]")
GDP_WORDS = re.compile(r"\bGDP\b|gross domestic product", re.I)
BASE_DETERMINERS = re.compile(r"^(?:the\s+|its\s+|their\s+|this\s+|[\w-]+['’]s\s+)+", re.I)


OF_END = re.compile(r"\sof$", re.I)


def read_share_base(text: str, before: str = "", surface: str = "") -> str | None:
    """What a share is of: 'of the city's GDP' after it (after a share in words that ends in its "of", 'a third of
    the fleet', the words right after it), or 'the ratio of R&D to GDP' / '占GDP' before it."""
    match = SHARE_BASE.match(" of" + text if OF_END.search(surface) else text)
    if not match:
        clause = SENTENCE_PART_BREAK.split(before)[-1]
        return "GDP" if rules().gdp_before.search(clause) else None
    base = match.group("base").strip()
    if GDP_WORDS.search(base):
        return "GDP"
    return BASE_DETERMINERS.sub("", base).lower() or None


BETWEEN_END = re.compile(r"between\s+$", re.I)
BETWEEN_CLOSER_REACH = 3  # characters of what is counted between a range's second end and its closing word (2万与3万人之间)
AS_VERB_BEFORE = re.compile(r"\b(?:to|will|would|could|may|might|should)\s+$", re.I)
BY_END = re.compile(r"\bby\s+$", re.I)
CHANGE_FROM = re.compile(r"\bfrom$", re.I)  # "rose from", as ends_with gives it: a change, whatever its units
LEVEL_AFTER_CHANGE = 5  # "cut its workforce by 1,500 to 21,000": an end this many times the other is the level reached


def joins_range(text: str, first, second) -> str:
    """'range' for '2 to 3 billion', 'between 18 and 45', '5-10%', 'from 30 to 40 dollars'; 'pair' for
    a change and the level it reached ('rose from 3.2% to 4.1%', 'rose by 34,000 to 2.95 million'),
    two figures of one measure; '' otherwise."""
    joiner = text[first.end : second.start]
    if not rules().range_joiner.match(joiner):
        return ""
    if rules().between_joiner.match(joiner):  # 介于4%与5%之间: the closing word after the second end makes the pair a range
        return "range" if rules().between_closer.match(text, second.end, second.end + BETWEEN_CLOSER_REACH + 2) else ""
    if joiner.strip().lower() == "and":
        return "range" if BETWEEN_END.search(text, max(0, first.start - 12), first.start) else ""
    if not any(c.isalpha() for c in joiner):
        return "range"  # "rise 5.5%-6%": a dash joins a range even after a change word
    change = ends_with(without_qualifier(text[max(0, first.start - 40) : first.start], first), rules().change_before_range)
    if change and (CHANGE_FROM.search(change) or not (unit_written_once(first, second) or same_unit_range(joiner, first, second))):
        return "pair"
    # after a verb with its object ("cut its workforce by 1,500 to 21,000") a level far above the change is reached
    by_change = BY_END.search(text, max(0, first.start - 6), first.start) and 0 < first.value * LEVEL_AFTER_CHANGE <= second.value
    return "pair" if by_change else "range"


def without_qualifier(before: str, first) -> str:
    """The words before a figure without its qualifier: 'fell some 20,000 to 1.3 million' is a change after 'fell'."""
    if first.qualifier == "exact":
        return before
    from ...reader.figures import lexicon

    qualifier = ends_with(before, lexicon().qualifier_before)
    return before.rstrip()[: -len(qualifier)] if qualifier else before


def same_unit_range(joiner: str, first, second) -> bool:
    """'增长3%至5%', '增长五至六成', '增长3至5亿元': Chinese writes a change and the level it reached with a comma or
    由…至 (增长0.2个百分点至5.3%), so a non-ASCII joiner between two ends of one unit, the second
    above the first and close to it, joins a range."""
    if joiner.isascii():
        return False
    if first.unit == "count" and first.number == first.surface:  # 增长五至六成, 增长3至5亿元: the unit written once
        from ...reader.figures import written_number

        low, high = first.value, float(written_number(second, Decimal(repr(second.value))))
    elif first.unit == second.unit:
        low, high = first.value, second.value
    else:
        return False
    return 0 < low < high < low * LEVEL_AFTER_CHANGE


def unit_written_once(first, second) -> bool:
    """'rise by 10 to 15 percent', 'cut 40 to 50 jobs': a bare first end near the second, whose unit
    it shares, is a range; 'rose by 34,000 to 2.95 million' is a change and the level it reached."""
    from ...reader.figures import written_number

    if not (first.unit == "count" and first.number == first.surface and first.value):
        return False
    second_number = written_number(second, Decimal(repr(second.value)))  # "3" of "3 billion dollars"
    if second.unit != "count":
        return second_number < abs(first.value) * LEVEL_AFTER_CHANGE
    # "cut 40 to 50 jobs", "added 3 to 4 million users": what is counted, or its scale, written once after
    # the second end, which is a little above the first ("rose 12,000 to 1.3 million" is a change and its level)
    if not (second.noun or second_number != Decimal(repr(second.value))):
        return False
    return abs(first.value) < second_number < abs(first.value) * LEVEL_AFTER_CHANGE


NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
WORDS = re.compile(r"[A-Za-z]+")


def counts_before(text: str, start: int, end: int) -> bool:
    """Nothing is counted after the number, but its clause counts things: 'Visitors reached 8m',
    'the population is 8m' (and no word of size: 'the wall rises 8m', '8m high' are lengths)."""
    grammar = rules()
    following = NEXT_WORD.match(text, end)
    if following and following.group(1).lower() in grammar.length_words:
        return False
    clause = text[max(0, start - 80) : start]
    clause = clause[max((clause.rfind(mark) for mark in ".;:,\n"), default=-1) + 1 :]
    words = [word.lower() for word in WORDS.findall(clause)]
    if not words or words[-1] in ("the", "a") or any(word in grammar.length_words for word in words):
        return False  # "ran the 100m": a race
    return any(word in grammar.counted_totals or is_plural_noun(word) and word not in grammar.change_verbs for word in words)


def is_plural_noun(word: str) -> bool:
    return word in rules().plural_nouns or (len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")))


def counts_plural(text: str, end: int) -> bool:
    """A plural noun follows: '5m subscribers', '3m people' count things ('a 6m wall' is a length)."""
    word = NEXT_WORD.match(text, end)
    if not word:
        return False
    noun = word.group(1).lower()
    if noun in rules().count_modifiers:
        after = NEXT_WORD.match(text, word.end())  # "10-15 new staff": the noun after one adjective
        noun = after.group(1).lower() if after else noun
    if noun in rules().race_nouns:
        return False
    return is_plural_noun(noun)


SPELLED_WORDS = re.compile(r"[\s-]+")


@functools.cache
def spelled_scales() -> dict:
    vocab = vocabulary("figures")
    scales = {word: Decimal(str(vocab["scales"][word])) for word in vocab["long_scales"]}
    return {**scales, **{word: Decimal(str(value)) for word, value in vocab["multipliers"].items()}}


def scale_of_number(number: str) -> Decimal | None:
    """The scale words a spelled number ends with, as a multiplier: 'three hundred' -> 100, 'two
    hundred thousand' -> 100000 (so 'two to three hundred' is 200 to 300); None for any other number."""
    words = SPELLED_WORDS.split(number.lower())
    if not all(word.isalpha() for word in words):
        return None
    scale, scales = Decimal(1), spelled_scales()
    for word in reversed(words):
        if word not in scales:
            break
        scale *= scales[word]
    return scale if scale != 1 else None


def number_alternatives(vocab: dict) -> list[str]:
    """Digits and a half: "11 and a half hours", "2 and a half million"; a scale and a half: "a million
    and a half" (other spelled numbers are the core's `words` group: number_words_pattern)."""
    half = alternation(vocab["fractions_after_words"])
    scale = rf"(?:{alternation(vocab['one_words'])}|{alternation(w for w, v in vocab['number_words'].items() if 1 < v < 10)})"
    return [rf"(?P<words_half_en>\d{{1,6}}[ \t\u00a0]+(?:{half}))(?![A-Za-z-])",
            rf"(?<![A-Za-z])(?P<scale_half_en>{scale}\s+(?:{alternation(vocab['long_scales'])})\s+(?:{half}))(?![A-Za-z-])"]


def number_of(match: re.Match) -> tuple[Decimal, Decimal] | None:
    """(number, rounding) of digits and a half: '11 and a half' -> (11.5, 0.25); of a scale and a half,
    to a tenth of the scale: 'a million and a half' -> (1500000, 50000)."""
    written = match.group("words_half_en")
    if written is not None:
        part = fraction_after(written)
        return Decimal(re.match(r"\d+", written).group(0)) + part, part / 2
    written = match.group("scale_half_en")
    if written is None:
        return None
    count, scale = written.lower().split()[:2]
    numbers, _, long_scales, ones, _, _ = number_tables()
    number = Decimal(1) if count in ones else numbers[count]
    part = fraction_after(written)
    return (number + part) * long_scales[scale], long_scales[scale] * Decimal(5).scaleb(part.as_tuple().exponent - 1)


def fraction_after(written: str) -> Decimal:
    """The fraction a number ends with: 'and a half' of '11 and a half' is 0.5."""
    words = re.sub(r"[\s-]+", " ", written.lower())
    return next(fraction(part) for after, part in vocabulary("figures")["fractions_after_words"].items()
                if words.endswith(re.sub(r"[\s-]+", " ", after)))


def number_starts(vocab: dict) -> set[str]:
    return set()  # spelled numbers begin at words: see figure_words


def implicit_currency(text: str, start: int, end: int, surface: str) -> str:
    return ""  # English names its currency


@functools.cache
def weight_words() -> tuple[dict, re.Pattern, re.Pattern]:
    vocab = vocabulary("figures")
    return (dict(vocab["measure_in_context"]), re.compile(word_alternation(w.lower() for w in vocab["weight_cues"])),
            re.compile(r"\s*(?:" + word_alternation(vocab["weight_after"]) + ")", re.I))


def measure_in_context(text: str, start: int, end: int, unit_word: str) -> str:
    """The physical unit a currency word means in its clause ('the lobster weighed 4 pounds',
    '4 pounds of flour'), or '' when it is money."""
    measures, cues, after = weight_words()
    measure = measures.get(unit_word)
    if not measure:
        return ""
    clause = lower_in_place(CUE_CLAUSE_BREAK.split(text[max(0, start - 60) : start])[-1])
    return measure if cues.search(clause) or after.match(text, end) else ""


@functools.cache
def metal_words() -> tuple[dict[str, str], re.Pattern]:
    vocab = vocabulary("figures")
    return dict(vocab["metal_units"]), re.compile(r"(?<![a-z])(?:" + word_alternation(w.lower() for w in vocab["metal_words"]) + r")(?![a-z])", re.I)


def metal_units() -> dict[str, str]:
    return metal_words()[0]


def names_metal(text: str) -> bool:
    return metal_words()[1].search(text) is not None


VALUE_STATED_BEFORE = re.compile(r"(?:\b(?:was|were|is|are|of|at|to|from|be|been|stood|came|totalled|totaled)|[:=\t|])\s*$", re.I)


def states_value_before(text: str, start: int) -> bool:
    """A bracketed percent stands where a value is stated: after a verb of being, a preposition of
    value, a colon or a table cell ('the return was (3.2%)', '2023: (4.1%)')."""
    return not text[:start].strip() or bool(VALUE_STATED_BEFORE.search(text, max(0, start - 16), start))


@functools.cache
def table_unit_pattern() -> re.Pattern:
    from ...reader.figures import currencies

    vocab, money = vocabulary("figures"), currencies()
    scales = word_alternation(vocab["table_scales"])
    long_scales = word_alternation(w for w in vocab["table_scales"] if len(w) > 3 and w.isalpha())
    words = word_alternation(money.words)
    signs = "(?:" + word_alternation(money.signs) + "|(?-i:" + word_alternation(money.codes) + "))"
    return re.compile(
        rf"\bin\s+(?P<scale>{long_scales})\s+of\s+(?P<currency>{words})"
        rf"|\((?:in\s+)?(?P<currency_sign>{signs})\s?(?P<scale_sign>{scales})\)"
        rf"|\bin\s+(?P<currency_in>{signs})\s?(?P<scale_in>{long_scales})\b", re.I)


TABLE_UNIT_CUES = ("illion", "housand", "m)", "bn)", "k)", "'000", "mn)")


@functools.cache
def gapped_pattern() -> re.Pattern:
    vocab = vocabulary("figures")
    stops = word_alternation(vocab["gap_stop_words"] + vocab["growth_words"] + vocab["decrease_words"])
    when = r"(?:\s+(?:in|on|over|during|last|this)(?:\s+the)?\s+[a-z]+(?:\s+[a-z]+)?)?"  # "grew 0.3% in the quarter and ..."
    return re.compile(rf"{when},?\s+and\s+(?:(?!(?:{stops})\b)[a-z][\w-]*\s+){{1,3}}", re.I)


def gapped_change(text: str, start: int, end: int) -> bool:
    """'grew 0.3% and services 0.1%': between two figures, 'and' and a noun of up to three words, no verb."""
    return end - start < 48 and gapped_pattern().fullmatch(text, start, end) is not None


def table_unit(text: str, currency: str = "") -> tuple[int, int, Decimal, str] | None:
    """(where it begins and ends, scale, currency) of a unit stated once for the bare numbers after it:
    'Net result, in millions of euros: 2024: 118.4', 'Revenue (€m) 412.0'; None when there is none."""
    if not any(cue in text for cue in TABLE_UNIT_CUES):
        return None
    from ...reader.figures import currency_meant

    match = table_unit_pattern().search(text)
    if not match:
        return None
    scales = {w.lower(): Decimal(str(v)) for w, v in vocabulary("figures")["table_scales"].items()}
    scale = next(m for m in match.group("scale", "scale_sign", "scale_in") if m)
    written = next(m for m in match.group("currency", "currency_sign", "currency_in") if m)
    code = currency_meant(re.sub(r"\s+", " ", written.lower()), currency) or currency_meant(written.upper(), currency)
    return (match.start(), match.end(), scales[scale.lower()], code) if code else None


@functools.cache
def span_and_difference_words() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    vocab = vocabulary("figures")
    return (ending_with(vocab["span_words"]), ending_with(vocab["difference_before"]),
            re.compile(r"\s*(?:" + word_alternation(vocab["difference_after"]) + ")", re.I))


def is_time_span(text: str, start: int) -> bool:
    """'grew 20% over 3 years': 'over' before a duration, after a verb of change in its clause,
    names the span of the change ('the works took over 3 years' is more than 3)."""
    span, _, _ = span_and_difference_words()
    before = text[max(0, start - 80) : start]
    word = ends_with(before, span)
    if not word:
        return False
    clause = lower_in_place(CUE_CLAUSE_BREAK.split(before[: len(before.rstrip()) - len(word)])[-1])
    return bool(rules().growth_cues.search(clause))


def states_difference(text: str, start: int, end: int) -> bool:
    """'a 5C rise', 'warming of 1.5C', 'rose by 2 degrees': a temperature written as a change."""
    _, before, after = span_and_difference_words()
    return bool(ends_with(text[max(0, start - 24) : start], before) or after.match(text, end))


MONEY_SCALE_AFTER = re.compile(r"\s*([A-Za-z]+)")


def money_scale_stands(text: str, end: int) -> bool:
    """'50 grand.', '50 grand for a car': a money scale with no noun after it ('3 grand slams' has one)."""
    word = MONEY_SCALE_AFTER.match(text, end)
    return not word or word.group(1) in rules().noun_stop_words


@functools.cache
def other_word_units() -> tuple[frozenset, frozenset, re.Pattern]:
    units, vocab = vocabulary("units"), vocabulary("figures")
    times = word_alternation(vocabulary("claims")["period_nouns"])  # "7.5 trillion won this year": a time, no object
    objects = re.compile(rf"\s+(?:\d|(?:{word_alternation(vocab['verb_unit_objects'])})(?!\s+(?:{times})))", re.I)
    return frozenset(units.get("ends_phrase", [])), frozenset(vocab["verb_units"]), objects


def without_word_code(text: str, match: re.Match) -> bool:
    """Whether the code before a figure is an English word ('ALL', 'TOP') and the figure counts a noun after it."""
    symbol = match.group("symbol") or ""
    return symbol.isupper() and symbol.lower() in vocabulary("figures")["word_codes"] and counts_plural(text, match.end()) \
        or symbol.lower() in vocabulary("figures")["word_codes"] and ranked_after().match(text, match.end()) is not None


@functools.cache
def ranked_after() -> re.Pattern:
    return re.compile(rf"\s+(?:{alternation(vocabulary('figures')['ranked_nouns_after'])})\b", re.I)


def unit_stands(text: str, match: re.Match) -> bool:
    """'lost 2 stone.' but '12 stone cottages'; '50,000 won.' but 'Team 3 won a medal' and 'Teams 1,
    2 and 3 won' (a number that names something, or an object after the word: the verb)."""
    modifiers, verbs, objects = other_word_units()
    unit = match.group("unit")
    if unit in modifiers:
        return money_scale_stands(text, match.end())
    if unit not in verbs:
        return True
    if objects.match(text, match.end()):
        return False
    digits, word = match.group("digits"), previous_word(text, match.start())
    if not digits or match.group("scale") or match.group("symbol"):
        return True
    from ...reader.figures import lexicon

    return not (is_identifier_list(text, match, word) or is_part_of_name(text, match, digits, word, lexicon().qualifier_of))


def is_particle(text: str, start: int, qualifier: str) -> bool:
    """'handed over 348,000 vehicles', 'took over 120 stores': 'over' completing a verb (vocabulary
    `over_particle_verbs`), not 'more than'."""
    if qualifier.strip().lower() != "over":
        return False
    return previous_word(text, start).lower() in over_particle_verbs()


@functools.cache
def over_particle_verbs() -> frozenset[str]:
    return frozenset(vocabulary("figures")["over_particle_verbs"])
