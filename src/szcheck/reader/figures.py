"""Figures: where a figure stands in a sentence, its number, scale and unit, and the interval it states.

The words come from every language's vocabulary and the context rules from the language grammar
(see szcheck.languages); this module composes them and holds no word of any language.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from ..model import Quantity
from ..build_cache import built
from .intervals import half_unit, signed_interval
from .patterns import ending_with, ends_with, first_character_test, lower_in_place, lowered, prefix_tree, start_test, word_alternation

CONTEXT = "en"  # the language whose rules read a figure's context (see szcheck.languages)
MAX_DIGITS = 40  # the longest digit run read as a number ("1,000,000,000,000,000" has 22 characters)
SIGNS = "\\-\u2212"  # a minus before digits: hyphen-minus, minus sign
GROUP_SPACES = " \u00a0\u2009\u202f"  # "35 000": spaces between groups of three digits
GAPS = " \\t\u00a0\u202f"  # what may stand between a number and its scale or unit
DECIMAL_POINTS = ".\uff0e"
VULGAR_FRACTIONS = {"\u00bd": (1, 2), "\u00bc": (1, 4), "\u00be": (3, 4), "\u2153": (1, 3), "\u2154": (2, 3),
                    "\u215b": (1, 8), "\u215c": (3, 8), "\u215d": (5, 8), "\u215e": (7, 8)}
VULGAR = "".join(VULGAR_FRACTIONS)
# "3 1/2", "6-3/4", "1/2", "3\u00bd", "\u00be": a fraction, with or without a whole number before it
FRACTION = (rf"(?P<fraction>(?:\d{{1,3}}[ \u00a0-])?[1-9]\d?/[1-9]\d{{0,2}}(?![\d/])(?!\.\d)"
            rf"|\d{{0,3}}[{VULGAR}])")
# whole, numerator, denominator; or one sign: a whole number is set off from a numerator ("3 1/2"), not from a sign ("3½")
FRACTION_PARTS = re.compile(rf"(?:(\d+)(?:[ \u00a0-]|(?=[{VULGAR}])))?(?:(\d+)/(\d+)|([{VULGAR}]))")
NOUN_REACH = 200  # characters after a figure in which its noun and a share's base are read
NUMBER_FORM = str.maketrans({**{chr(0xFF10 + d): str(d) for d in range(10)}, "\uff0e": ".", ",": None, " ": None,
                             "\u00a0": None, "\u2009": None, "\u202f": None, "'": None})

SUPERSCRIPT_DIGITS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
# "3 x 10^8", "6.022 \u00d7 10\u00b2\u00b3": a number times a power of ten
TIMES_TEN = rf"[ \u00a0]?(?:\u00d7|x|X|\*)[ \u00a0]?10(?:\^[-\u2212]?\d{{1,2}}|\u207b?[{SUPERSCRIPT_DIGITS}]{{1,2}})(?![\d{SUPERSCRIPT_DIGITS}])"
POWER_OF_TEN = re.compile(r"[ \u00a0]?(?:\u00d7|x|X|\*)[ \u00a0]?10\^?")
EXPONENT_FORM = str.maketrans({**{c: str(d) for d, c in enumerate(SUPERSCRIPT_DIGITS)}, "\u207b": "-", "\u2212": "-"})
DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")  # "1,2 billion" (a number of three digits after a comma is grouped)
HALF, HUNDREDTH_HALF = Decimal("0.5"), Decimal("0.005")
DOTTED_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")  # "1.234.567": points between groups (one point is a decimal)
GROUPED_DECIMAL_COMMA = re.compile(rf"\d{{1,3}}(?:[.{GROUP_SPACES}]\d{{3}})+,\d+")  # "1.234,56": a decimal comma after groups
NUMBER_FORM_DIGITS = str.maketrans({chr(0xFF10 + d): str(d) for d in range(10)})


@dataclass(frozen=True)
class Lexicon:
    """The reader's vocabulary, compiled once per process."""

    figure_anywhere: str  # source of a pattern trying a figure at every place one can begin: figure_matches's reference
    digit_figure: re.Pattern  # the same, tried only where a digit, a sign or a symbol can begin one
    figure_body: re.Pattern  # the same, with no test of where it begins (for match at a known place)
    figure_word: re.Pattern  # a word that can begin a figure with no digit in it, in lower-cased text
    figure_characters: re.Pattern  # a character without which a text holds no figure but one of figure_word's
    qualifier_before: re.Pattern  # matched against reversed text: see ending_with
    qualifier_of: dict  # lower-cased qualifier phrase -> qualifier
    qualifier_after: dict  # a bound written after the number ("or more") -> qualifier
    qualifier_after_words: tuple  # its keys, for one startswith test
    glued_bounds_after: dict  # a bound glued to the number ("-plus"), read as part of the figure -> qualifier
    scales: dict  # lower-cased scale word -> Decimal multiplier
    short_scales: dict  # a letter that is a scale only in some places -> when glued to the number: "any" | "capital"
    vague_multipliers: dict
    vague_scales: dict
    number_words: dict
    currency_of: dict  # lower-cased symbol or word -> ISO code
    measure_of: dict  # a physical unit as written (a word lower-cased, a symbol as is) -> its name in measures/units.txt
    percent_words: frozenset
    per_mille_words: frozenset
    point_words: frozenset
    basis_point_words: frozenset
    code_scales: dict  # a letter glued before a currency code -> its multiplier ("45 MUSD")
    glued_subunits: dict  # a letter glued to a number that is a hundredth of a currency -> its code ("312p")
    # the named groups of the figure pattern that play one role, in the order they stand in it
    scale_groups: tuple[int, ...]
    unit_groups: tuple[int, ...]
    level_groups: tuple[int, ...]
    vague_groups: tuple[int, ...]  # "tens of billions": the multiplier, then its scale
    vague_scale_groups: tuple[int, ...]
    point_groups: tuple[int, ...]  # a fraction of a percentage point in words ("a quarter point")
    alone_groups: tuple[int, ...]  # "thousands of passengers", "several hundred": an order of magnitude in one word
    vague_alone: dict
    ratio_groups: tuple[int, ...]  # a share or a change written in words: read by its language's ratio_value
    growth_groups: tuple[int, ...]  # a change written in words ("doubled"): a growth rate
    number_groups: tuple[int, ...]  # the number as written: digits, or a language's number words
    bare_groups: tuple[int, ...]  # the symbol, scale, unit and level groups: a figure with none of them is bare


def roles(pattern: re.Pattern) -> dict[str, tuple[str, ...]]:
    """Group names by role: a group's role is its name's first part ('scale_cjk' is a scale);
    a name with a part 'level' also marks an order of magnitude ('scale_bare_level')."""
    found: dict[str, list[str]] = {}
    for name, _ in sorted(pattern.groupindex.items(), key=lambda item: item[1]):
        parts = name.split("_")
        found.setdefault(parts[0], []).append(name)
        if "level" in parts[1:]:
            found.setdefault("level", []).append(name)
    return {role: tuple(names) for role, names in found.items()}


def first_of(match: re.Match, groups: tuple[int, ...]) -> str | None:
    """The text of the first of `groups` (group numbers of one role) that took part in the match."""
    for value in match.group(*groups) if len(groups) > 1 else (match.group(groups[0]),):
        if value is not None:
            return value
    return None


@dataclass(frozen=True)
class Currencies:
    """How the text writes money: every form of every currency, and what an ambiguous one means."""

    code_of: dict  # lower-cased sign, word or code -> the ISO code it means by default
    ambiguous: dict  # lower-cased form -> every code it can mean ("$", "kr", "dollars")
    hundredths: frozenset  # words for a hundredth of a currency ("pence", "cents")
    signs: list  # written before a number: "£", "US$", "RMB"
    words: list  # written after it: "pounds", "yuan"
    codes: list  # ISO codes, before or after it, in capitals only ("GBP", "ALL")


@functools.cache
def currencies() -> Currencies:
    return built("currencies", build_currencies)


def build_currencies() -> Currencies:
    from ..money import ambiguous_forms, currency_table

    code_of, signs, words, hundredths = {}, [], [], set()
    table = currency_table()
    for code, spec in table.items():
        signs.extend(spec.get("symbols", []))
        words.extend(spec.get("words", []))
        hundredths.update(w.lower() for w in spec.get("subunits", []))
        for form in spec.get("symbols", []) + spec.get("words", []) + spec.get("subunits", []) + [code]:
            code_of.setdefault(form.lower(), code)
    ambiguous = ambiguous_forms()
    code_of.update({form: meaning["default"] for form, meaning in ambiguous.items()})
    words += [w for spec in table.values() for w in spec.get("subunits", [])]
    signs += [w for w in words if not w.isascii() and len(w) > 1]  # a Chinese currency name may stand before its number
    return Currencies(code_of, {form: frozenset(m["codes"]) for form, m in ambiguous.items()}, frozenset(hundredths),
                      sorted(set(signs)), sorted(set(words)), sorted(table))


def currency_words() -> tuple[dict, list[str], list[str]]:
    """(lower-cased form -> ISO code, signs before a number, words after it)."""
    money = currencies()
    return money.code_of, money.signs, money.words


def case_sensitive(forms) -> str:
    """Codes and signs that begin with a letter count only as written ("ALL 500" is lek, "all 500" is not)."""
    return f"(?-i:{word_alternation(forms)})"


@functools.cache
def lexicon() -> Lexicon:
    return built("lexicon", build_lexicon)  # kept between runs: building it was most of a short run's time


def scale_not_in_unit(scales, units) -> str:
    """A scale written without a boundary after it (a Chinese one) is no scale where it opens a unit
    word: the kilowatt-hour is one unit, not 'thousand' and then 'watt'; nor is a letter scale that opens
    a unit per something ('15 m/s' is metres per second, not 15 million)."""
    rests = sorted({(scale, unit[len(scale):]) for scale in scales for unit in units
                    if unit.startswith(scale) and len(unit) > len(scale) and (not scale[0].isascii() or unit[len(scale)] == "/")})
    return "(?!" + "|".join(f"(?<={re.escape(scale)}){re.escape(rest)}" for scale, rest in rests) + ")" if rests else ""


def build_lexicon() -> Lexicon:
    from ..languages import grammars, vocabulary

    vocab = vocabulary("figures")
    languages = grammars("figures")
    scales = {word.lower(): Decimal(str(value)) for word, value in vocab["scales"].items()}
    money = currencies()
    currency_of, unit_words = money.code_of, money.words
    lettered = [s for s in money.signs if s[0].isascii() and s[0].isalpha()] + money.codes
    symbols = [s for s in money.signs if s not in lettered]
    qualifier_of = {re.sub(r"\s+", " ", w.lower()): q for q, words in vocab["qualifiers"].items() for w in words}
    number_words = {word.lower(): value for word, value in vocab["number_words"].items()}
    measures = vocabulary("units")
    units = (unit_words + vocab["percent_words"] + vocab["per_mille_words"] + vocab["percentage_point_words"]
             + vocab["basis_point_words"] + list(measures["words"]))
    spelled = "|".join(p for p in (language.number_words_pattern(vocab) for language in languages) if p)
    bare = [word for language in languages for word in language.bare_scales(vocab)]
    bare_words = [w for w in bare if w[0].isascii() and w[0].isalpha()]
    number_starts = {c for language in languages for c in language.number_starts(vocab)}
    first_characters = ({w[0] for w in symbols + lettered} | {w[0] for w in bare if w not in bare_words} | set("0123456789.")
                        | set(SIGNS) | {"("} | set(VULGAR) | number_starts)
    suffixes = "|".join(language.level_suffix(vocab) for language in languages)
    alternatives = "".join(f"\n|\n{a}" for language in languages for a in language.figure_alternatives(vocab, unit_words))
    ratios = "".join(f"{a}\n|\n" for language in languages for a in language.ratio_alternatives(vocab))
    sign_words = "|".join(p for p in (language.sign_pattern(vocab) for language in languages) if p)
    not_grouped = grouped_number_not_before(vocab, languages)
    sign_before = {w[0] for w in symbols}  # "-$4.2 billion": a minus before a currency sign
    signs = (rf"(?:{sign_words})|" if sign_words else "") + f"(?<![^\\s(\\[{{\"'\u201c\u2018=:])[{SIGNS}](?=\\d|{characters_of(sign_before)})"
    extra_words = [word for language in languages for word in language.figure_words(vocab)]
    # a language's own number forms are tried before digits: a Chinese number with digits between its
    # units is one number, not two
    numbers = "".join(f"{a}\n           |" for language in languages for a in language.number_alternatives(vocab))
    # Where a figure can start: a digit, a currency sign, a scale that stands alone or a symbol
    # word. A text with no figure word (number word, scale word, vague multiplier) is scanned with
    # this prefix, which skips most positions at once.
    figure_start = digit_start(first_characters, lettered, sign_before)
    code_scales = {letter: Decimal(str(value)) for letter, value in vocab["code_scales"].items()}
    glued = {**vocab["glued_subunits"], **{sign: "" for sign in vocab["multiple_signs"]}}
    scale_words = word_alternation(scales)  # "1,2 billion": a decimal comma, before a scale only
    joiners = word_alternation(vocab["range_joiners"])  # "1,2 to 1,5 billion": or before a range's second end with one
    percent_words = "|".join(re.escape(w) + ("(?![A-Za-z])" if w[-1].isalpha() else "") for w in vocab["percent_words"])
    comma_before_scale = (rf"(?=[{GAPS}]?(?:{scale_words}|{percent_words})"  # "2,5%": a decimal comma before a percent too
                          rf"|\s*(?:{joiners}|[-–])\s*\d{{1,3}},\d{{1,2}}(?![\d,])[{GAPS}]?{scale_words})")
    # "1.234,56", "1 234,50": groups set off by points or spaces, then a decimal comma
    grouped_decimal_comma = rf"\d{{1,3}}(?:\.\d{{3}})+,\d{{1,2}}(?![\d,])|\d{{1,3}}(?:[{GROUP_SPACES}]\d{{3}})+,\d{{1,2}}(?![\d,])"
    primes = compound_only_units(measures)
    unit_after_scale = scale_not_in_unit(scales, units + list(measures["symbols"]))
    glued_bounds = vocab.get("glued_bounds_after")
    bounds_after = word_alternation(glued_bounds) if glued_bounds else "(?!x)x"  # "a 300-plus percent rise", "40-odd years"
    percent_in_paren = "(?:" + "|".join(re.escape(w) for w in vocab["percent_words"] if not w[0].isalpha()) + ")"
    # A unit is a currency's word or code, a physical unit, percent, or a sign after its number
    # ("25 €", "50,000₫") when no number follows it.
    figure_pattern = rf"""
        {ratios}(?<![A-Za-z0-9.,:%])
        (?P<sign>{signs})?
        (?:(?P<symbol>{word_alternation(symbols)}|{case_sensitive(lettered)})\s?)?
        (?P<sign_paren>\((?=[\d.,]+{percent_in_paren}?\)))?
        (?:{numbers}{FRACTION}|(?P<digits>\d{{1,3}},\d{{1,2}}(?![\d,]){comma_before_scale}|{grouped_decimal_comma}|\d{{1,2}}(?:,\d\d)+,\d{{3}}(?![\d,])(?:\.\d+)?|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:\.\d{{3}}){{2,}}(?![\d.,]\d)|\d{{1,3}}(?:[{GROUP_SPACES}']\d{{3}})+(?![\d]){not_grouped}(?:\.\d+)?
                        |\d{{1,3}}(?:\.\d+)?(?:[e][+-]?\d{{1,2}}(?![\w.])|{TIMES_TEN})|\d+(?:[{DECIMAL_POINTS}]\d+)?|(?<![\d.])\.\d+)
           |(?P<words>(?<![A-Za-z])(?:{spelled})(?![A-Za-z])))(?(sign_paren)(?P<unit_paren>{percent_in_paren})?\))
        (?:(?P<gap_scale>[{GAPS}-]?)(?P<scale>{word_alternation(scales)})(?![\d²³]){unit_after_scale})?
        (?P<bound_after>{bounds_after}(?![\d+]))?
        (?:(?P<gap_unit>[{GAPS}-]?)(?P<unit>{word_alternation(units)}|{case_sensitive(money.codes + list(measures["symbols"]))}{primes}
                                          |(?-i:(?P<codescale>{characters_of(code_scales)}){prefix_tree(money.codes)}(?![A-Za-z]))
                                          |(?<=\d)(?-i:{prefix_tree(list(glued))})(?![A-Za-z\d]|\.[A-Za-z\d])
                                          |{word_alternation(symbols)}(?!\s?[\d(])))?
        (?:{suffixes})?{alternatives}
        """
    word_starts = {w[0].lower() for w in list(number_words) + bare_words + list(vocab["vague_multipliers"]) + extra_words}
    letters = {c for c in first_characters | word_starts if c.isalpha()}
    any_start = start_test(first_characters | letters | {c.upper() for c in letters} | {c.lower() for c in letters})
    # digit_figure's start test is case-sensitive (a lower-case 'c' or 'u' rarely begins 'CNY' or
    # 'US$'), which cuts the positions its body is tried at; the body itself ignores case ('Billion',
    # 'Rmb'). figure_matches adds the places where a figure word (including 'usd') begins.
    digit_figure = re.compile(figure_start + rf"(?i:{figure_pattern})", re.VERBOSE)
    figure_body = re.compile(rf"(?i:{figure_pattern})", re.VERBOSE)
    role_groups = {role: tuple(figure_body.groupindex[name] for name in names) for role, names in roles(figure_body).items()}
    signs = {w[0] for w in symbols}
    lower_signs = {w.lower() for w in lettered if w[0].islower()}  # 'kr 500', 'usd 20': see digit_start
    starting_words = sorted(set(number_words) | {w.lower() for w in bare_words} | lowered(vocab["vague_multipliers"]) | lower_signs)
    standalone = {w[0] for w in bare if w not in bare_words} | number_starts
    return Lexicon(
        figure_anywhere=any_start + rf"(?i:{figure_pattern})",
        digit_figure=digit_figure,
        figure_body=figure_body,
        figure_word=re.compile("(?<![a-z])" + first_character_test(starting_words + extra_words) + "(?:"
                               + word_alternation(starting_words) + "|" + first_words(extra_words) + ")"),
        figure_characters=re.compile(r"[\d" + re.escape("".join(sorted(signs | standalone | set(VULGAR)))) + "]"),
        qualifier_before=ending_with(qualifier_of),
        qualifier_of=qualifier_of,
        qualifier_after=dict(vocab["qualifiers_after"]),
        qualifier_after_words=tuple(vocab["qualifiers_after"]),
        glued_bounds_after=dict(vocab.get("glued_bounds_after", {})),
        scales=scales,
        short_scales={k.lower(): v for k, v in vocab["short_scales"].items()},
        vague_multipliers={k.lower(): Decimal(v) for k, v in vocab["vague_multipliers"].items()},
        vague_scales={k.lower(): Decimal(str(v)) for k, v in vocab["vague_scales"].items()},
        number_words=number_words,
        currency_of=currency_of,
        measure_of={**{w.lower(): name for w, name in measures["words"].items()}, **measures["symbols"],
                    **measures.get("compound_only", {})},
        percent_words=lowered(vocab["percent_words"]),
        per_mille_words=lowered(vocab["per_mille_words"]),
        point_words=lowered(vocab["percentage_point_words"]),
        basis_point_words=lowered(vocab["basis_point_words"]),
        code_scales=code_scales,
        glued_subunits=glued,
        scale_groups=role_groups["scale"],
        unit_groups=role_groups["unit"],
        level_groups=role_groups["level"],
        vague_groups=role_groups["vague"],
        vague_scale_groups=role_groups["vaguescale"],
        alone_groups=role_groups.get("vaguealone", ()),
        point_groups=role_groups.get("pointratio", ()),
        vague_alone={k.lower(): Decimal(str(v)) for k, v in {**vocab.get("several_scales", {}), **vocab.get("vague_alone", {})}.items()},
        ratio_groups=role_groups.get("pointratio", ()) + role_groups.get("ratio", ()) + role_groups.get("growth", ()),
        growth_groups=role_groups.get("growth", ()),
        number_groups=role_groups["fraction"] + role_groups["digits"] + role_groups["words"],
        bare_groups=role_groups["symbol"] + role_groups["scale"] + role_groups["unit"] + role_groups["level"],
    )


def grouped_number_not_before(vocab: dict, languages: list) -> str:
    """A lookahead for what the groups of a number written with spaces ('35 000') may not end
    before, in the languages that say ('150 737 ...' where a model's name follows)."""
    ends = [hook(vocab) for hook in (getattr(language, grouped_number_not_before.__name__, None) for language in languages) if hook]
    return f"(?!{'|'.join(ends)})" if ends else ""


def characters_of(letters) -> str:
    return "[" + re.escape("".join(sorted(letters))) + "]"


def digit_start(first_characters: set[str], lettered: list[str], sign_before: set[str]) -> str:
    """Where digit_figure tries its pattern: a digit, a sign, a scale that stands alone, a point or
    minus before a digit, or a code or lettered sign ('US$', 'GBP', 'Rs 5'). Most capitals begin
    no figure: a capital is tried only before a capital, '$', '.', '/' or a space, and a lettered
    sign of another shape ('Rs', 'kr') is listed whole."""
    letters = {c for c in first_characters if c.isalpha() and not c.isascii()} - {w[0] for w in lettered}
    plain = {c for c in first_characters if not c.isalpha() and c not in ".-\u2212("} | letters
    capitals = sorted({w[0] for w in lettered if w[0].isupper() and (len(w) == 1 or not w[1].islower())})
    # a sign that begins with a lower-case letter ('kr', 'usd') is found by figure_word instead: a
    # lower-case letter here would send every word of the text through this test
    others = sorted({re.escape(w) for w in lettered if w[0].isupper() and len(w) > 1 and w[1].islower()}, key=len, reverse=True)
    starts = [rf"[\d{re.escape(''.join(sorted(plain)))}]", rf"[.({SIGNS}]\d", rf"[{SIGNS}]{characters_of(sign_before)}", rf"[{''.join(capitals)}][A-Z$./ \d]"] + others
    # one character class first: the regex engine scans for it fast, then tries the detailed test
    firsts = plain | set(".(") | set(capitals) | {w[0] for w in lettered if not w[0].islower()}
    return rf"(?=[\d{re.escape(''.join(sorted(firsts)))}{SIGNS}])(?={'|'.join(starts)})"


def first_words(phrases: list[str]) -> str:
    """The first word of each phrase, where the rest of it follows: a figure begins there, and the
    rest of the phrase stays free to begin another ('a' in 'a billion-yuan fund' begins none)."""
    rests: dict[str, set[str]] = {}
    for phrase in phrases:
        first, *rest = re.split(r"[\s-]+", phrase.lower())
        rests.setdefault(first, set()).add(" ".join(rest))
    alternatives = []
    for first, following in sorted(rests.items(), key=lambda item: -len(item[0])):
        tails = sorted(t for t in following if t)
        tail = "|".join(r"[\s-]+" + r"[\s-]+".join(map(re.escape, t.split())) for t in tails)
        if "" in following or not tails:
            alternatives.append(rf"{re.escape(first)}(?![a-z])")
        else:
            alternatives.append(rf"{re.escape(first)}(?=(?:{tail})(?![a-z]))")
    return "|".join(alternatives) or "(?!)"


@functools.cache
def context_rules():
    """The grammar that reads a figure's context."""
    from ..languages import grammar

    return grammar(CONTEXT, "figures")


def starts_within(word: re.Match) -> list[int]:
    """Where a figure may begin in a figure word: at its start and, in one of several words ('lakh
    crore'), at each later word, where the pattern tried at every start would find one too."""
    found = word.group()
    if not any(joint in found for joint in " -"):
        return [word.start()]
    return [word.start()] + [word.start() + at + 1 for at, character in enumerate(found[:-1]) if character in " -" and found[at + 1] not in " -"]


def figure_matches(text: str, lex: Lexicon) -> Iterator[re.Match]:
    """The matches of the lex.figure_anywhere pattern in `text`, found faster. A figure begins with
    a digit, a sign or a symbol (where lex.digit_figure looks) or with one of the words
    lex.figure_word finds (a number word, a scale, 'tens'); trying the pattern at those words only,
    instead of at every word that starts with one of their letters, and taking whichever match comes
    first, gives the same matches at a fraction of the cost (a property test holds them equal)."""
    word_starts = [start for word in lex.figure_word.finditer(lower_in_place(text)) for start in starts_within(word)]
    if not word_starts:
        if lex.figure_characters.search(text):
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


def is_bare(match: re.Match, lex: Lexicon) -> bool:
    """A number with no symbol, scale, unit or level word: it may be a year, a rank or a name."""
    return not any(match.group(*lex.bare_groups))  # no group of these roles matches empty text


def read_quantities(text: str, currency: str = "") -> list[Quantity]:
    """Every figure stated in `text`, in order. Years, dates, ordinals and identifiers are not figures.
    `currency` is the source's own: what an ambiguous sign or word ("$", "kr", "dollars") means."""
    lex = lexicon()
    rules = context_rules()
    found: list[Quantity] = []
    for match in figure_matches(text, lex):
        if found and match.start() < found[-1].end:
            continue  # the second part of a compound measure ("10 in" of "5 ft 10 in"), read with the first
        if len(match.group("digits") or "") > MAX_DIGITS:
            continue  # a run of digits no figure has: an identifier or debris (and past Decimal's exponent range)
        match = without_word_code(text, without_modifier_unit(text, without_money_scale(text, match, lex), lex), lex)
        bare = is_bare(match, lex)
        if found and ends_prefixed_range(text, found[-1], match):
            second = in_prefix_unit(found[-1], build_quantity(text, match, lex, currency=currency))
            if second.value >= found[-1].value:
                found.append(second)  # "USD 15-20"; "$15-2" is no range (and its "2" no figure)
            continue
        if is_not_a_figure(text, match, bare, lex.qualifier_of):
            continue
        if match.group("gap_scale") not in ("", "-", None) and match.group("gap_unit") == "-" and match.group("scale"):
            found.extend(split_count_and_level(text, match, lex, currency))  # "four trillion-yuan industrial clusters"
            continue
        found.append(with_subunit_part(text, with_second_part(text, build_quantity(text, match, lex, currency=currency))))
    if found:
        found = in_table_unit(found, rules.table_unit(text, currency))
    return in_metal_units(text, gapped_changes(text, compound_durations(text, merge_ranges(text, scales_for_letters(found))), rules))


def in_metal_units(text: str, quantities: list[Quantity], metal_named_before: bool = False) -> list[Quantity]:
    """Gold, silver and the platinum metals are weighed in their own ounce (the troy ounce): an ounce
    of a sentence that names such a metal, or of an article that named one before, is one."""
    units = metal_units()
    if not any(q.measure in units for q in quantities):
        return quantities
    if not metal_named_before and not names_metal(text):
        return quantities
    return [remeasured(q, units[q.measure]) if q.measure in units else q for q in quantities]


def metal_units() -> dict[str, str]:
    """A unit -> the one it means for precious metals, in the languages that say."""
    return {unit: metal for hook in language_hooks(metal_units.__name__) for unit, metal in hook().items()}


def names_metal(text: str) -> bool:
    """Whether `text` names a metal weighed in troy ounces."""
    return any(hook(text) for hook in language_hooks(names_metal.__name__))


def remeasured(quantity: Quantity, measure: str) -> Quantity:
    """The same number read in another unit of its dimension ('186,400 ounces' of gold are troy ounces), as a
    claims file's `read_as: 1 troy_ounce` reads it back."""
    again = read_in_context(quantity.surface, quantity.qualifier, quantity.kind, "", Decimal(1), measure)
    if again is None:
        return quantity
    return replace(quantity, value=again.value, low=again.low, high=again.high, low_open=again.low_open, high_open=again.high_open,
                   unit=again.unit, measure=measure, rounding=again.rounding)


@functools.cache
def duration_steps() -> tuple[dict[str, tuple[frozenset[str], int]], re.Pattern]:
    """For each larger time noun, the smaller nouns after it and how many of them it holds; and what may join them."""
    from ..languages import vocabulary

    vocab = vocabulary("figures")
    steps = {noun.lower(): (frozenset(w.lower() for w in smaller), int(count)) for noun, (smaller, count) in vocab.get("duration_steps", {}).items()}
    joiner = re.compile(rf"\s*(?:,\s*)?(?:(?:{word_alternation(vocab.get('duration_joiners') or ['(?!x)x'])})\s+)?", re.I)
    return steps, joiner


def compound_durations(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """A span written in two units ("two hours and 20 minutes", "1 hour 45 minutes"): one duration in the smaller."""
    if len(quantities) < 2:
        return quantities
    steps, joiner = duration_steps()
    merged: list[Quantity] = []
    for quantity in quantities:
        first = merged[-1] if merged else None
        step = steps.get((first.noun or "").lower()) if first is not None and first.kind == "duration" == quantity.kind else None
        noun_end = first.end + len(first.noun) + 1 if step else 0
        if step and (quantity.noun or "").lower().partition(" ")[0] in step[0] and text[first.end : noun_end].strip().lower() == first.noun.lower() \
                and joiner.fullmatch(text, noun_end, quantity.start) and first.qualifier == "exact":
            whole, unit_end = first.value * step[1], len(text) - len(text[quantity.end :].lstrip())
            unit_end += len(quantity.noun.partition(" ")[0])  # "two hours and 20 minutes": written whole, it reads back alone
            merged[-1] = replace(quantity, surface=text[first.start : unit_end], value=whole + quantity.value, low=whole + quantity.low,
                                 high=whole + quantity.high, start=first.start, end=unit_end, number=text[first.start : quantity.end],
                                 noun=quantity.noun.partition(" ")[0])
            continue
        merged.append(quantity)
    return merged




def gapped_changes(text: str, quantities: list[Quantity], rules) -> list[Quantity]:
    """'industry grew 0.3% and services 0.1%': a percentage after a change and a noun, with the verb left out, is
    a change the same way."""
    for index in range(1, len(quantities)):
        before, quantity = quantities[index - 1], quantities[index]
        if quantity.kind == "share" and quantity.unit == "percent" and not quantity.base and before.kind == "growth" \
                and before.unit == "percent" and rules.gapped_change(text, before.end, quantity.start):
            sign = -1 if before.value < 0 else 1
            quantities[index] = replace(quantity, kind="growth", value=sign * quantity.value, low=min(sign * quantity.low, sign * quantity.high),
                                        high=max(sign * quantity.low, sign * quantity.high),
                                        low_open=quantity.high_open if sign < 0 else quantity.low_open,
                                        high_open=quantity.low_open if sign < 0 else quantity.high_open)
    return quantities


def compound_only_units(measures: dict) -> str:
    """The units that are one only before their compound's second part, glued: the prime of 6'2"."""
    branches = []
    for symbol, first in measures.get("compound_only", {}).items():
        seconds = measures["compounds"][first].values()
        written = "|".join(re.escape(w) for words in seconds for w in words if not w[0].isalnum())
        branches.append(rf"|{re.escape(symbol)}(?=\d{{1,2}}(?:\.\d{{1,2}})?(?:{written}))")
    return "".join(branches)


@functools.cache
def compound_parts() -> dict[str, tuple[str, re.Pattern]]:
    """First unit -> (second unit, the pattern of its part right after the first: ' 10 in')."""
    from ..languages import vocabulary

    parts = {}
    for first, seconds in vocabulary("units").get("compounds", {}).items():
        for second, words in seconds.items():
            written = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
            parts[first] = (second, re.compile(rf"[{GAPS}]{{0,2}}(\d{{1,2}}(?:\.\d{{1,2}})?)[{GAPS}]?(?:{written})(?![A-Za-z\d])"))
    return parts


def with_second_part(text: str, quantity: Quantity) -> Quantity:
    """'5 ft 10 in' is one length, 1.778 meter, stated to half an inch; '3 lb 4 oz' one weight."""
    part = compound_parts().get(quantity.measure) if quantity.measure and quantity.number[:1].isdigit() else None
    second = part[1].match(text, quantity.end) if part else None
    if second is None or not DECIMAL_DIGITS.fullmatch(plain_number(quantity.number)):
        return quantity
    unit, number = part[0], second.group(1)
    total = to_reference(Decimal(plain_number(quantity.number)), quantity.measure) + to_reference(Decimal(number), unit)
    rounding = to_reference(half_unit(number), unit)
    value, low, high, low_open, high_open = signed_interval(total, rounding, quantity.qualifier, -1 if quantity.value < 0 else 1)
    return replace(quantity, surface=text[quantity.start : second.end()], end=second.end(), value=value, low=low, high=high,
                   low_open=low_open, high_open=high_open, measure=unit, rounding=rounding, noun=None)


@functools.cache
def subunit_part(code: str) -> re.Pattern | None:
    """The pattern of a currency's hundredths written right after a whole amount of it: ' and 50 cents'."""
    from ..languages import vocabulary
    from ..money import currency_table

    words = currency_table().get(code, {}).get("subunits", [])
    if not words:
        return None
    vocab = vocabulary("figures")
    joiners = word_alternation(vocab.get("subunit_joiners", []))
    written = word_alternation(words)
    return re.compile(rf"(?i:[{GAPS}]{{1,2}}(?:(?:{joiners})[{GAPS}]+)?(\d{{1,2}}{small_number_pattern(vocab)})[{GAPS}]?(?:{written})(?![A-Za-z\d]))")


def small_number_pattern(vocab: dict) -> str:
    """Every language's spelled numbers from one to ninety-nine, as alternatives after digits ('|fifty|...')."""
    return "".join(f"|{p}" for p in (hook(vocab) for hook in language_hooks(small_number_pattern.__name__)))


def with_subunit_part(text: str, quantity: Quantity) -> Quantity:
    """'12 euros and 50 cents', 'twenty dollars and five cents' are one amount, stated to the cent."""
    whole = quantity.number.isdigit() or SPELLED_NUMBER.fullmatch(quantity.number)
    if quantity.kind != "amount" or quantity.measure or quantity.rounding != HALF or not whole:
        return quantity
    part = subunit_part(quantity.unit)
    second = part.match(text, quantity.end) if part else None
    if second is None:
        return quantity
    total = whole_number(quantity.number) + whole_number(second.group(1)) / 100
    value, low, high, low_open, high_open = signed_interval(total, HUNDREDTH_HALF, quantity.qualifier, -1 if quantity.value < 0 else 1)
    return replace(quantity, surface=text[quantity.start : second.end()], end=second.end(), value=value, low=low, high=high,
                   low_open=low_open, high_open=high_open, rounding=HUNDREDTH_HALF, noun=None)


def whole_number(written: str) -> Decimal:
    """The value of a whole number written in digits or words: '50', 'twenty-five'."""
    if written.isdigit():
        return Decimal(written)
    total, current, _ = context_rules().spelled_number(written)
    return total + current


@functools.cache
def money_scales() -> dict:
    from ..languages import vocabulary

    return dict(vocabulary("figures").get("money_scales", {}))


def without_money_scale(text: str, match: re.Match, lex: Lexicon) -> re.Match:
    """'3 grand slams': a scale that is money by itself ('50 grand') is none before a noun; the
    figure is the number alone."""
    scale = match.group("scale")
    if not scale or scale.lower() not in money_scales() or match.group("unit") or match.group("symbol"):
        return match
    if money_scale_stands(text, match.end()):
        return match
    return lex.figure_body.match(text, match.start(), match.start("gap_scale")) or match


def without_modifier_unit(text: str, match: re.Match, lex: Lexicon) -> re.Match:
    """'12 stone cottages', 'Team 3 won the cup': a unit word that is another word there is no unit;
    the figure is the number alone ('weighs 12 stone.', '50,000 won a month' keep it)."""
    if not match.group("unit") or unit_stands(text, match):
        return match
    return lex.figure_body.match(text, match.start(), match.start("gap_unit")) or match


def without_word_code(text: str, match: re.Match, lex: Lexicon) -> re.Match:
    """'We want ALL 50 items', 'the TOP 10 list': a currency code that is a word of the language, before a number
    that counts a noun after it, is that word; the figure is the number alone ('ALL 5,000' stays Albanian lek)."""
    symbol = match.group("symbol")
    if not symbol or not all(hook(text, match) for hook in language_hooks(without_word_code.__name__)):
        return match
    return lex.figure_body.match(text, match.start("digits") if match.group("digits") else match.end("symbol")) or match


def unit_stands(text: str, match: re.Match) -> bool:
    """The unit word matched is a unit there, in the eyes of every language that says."""
    return all(hook(text, match) for hook in language_hooks(unit_stands.__name__))


def money_scale_stands(text: str, end: int) -> bool:
    """A money scale ends a figure ('50 grand.'), in the eyes of every language that says."""
    return all(hook(text, end) for hook in language_hooks(money_scale_stands.__name__))


def is_time_span(text: str, start: int) -> bool:
    """A bound word before a duration names the span of a change ('grew 20% over 3 years')."""
    return any(hook(text, start) for hook in language_hooks(is_time_span.__name__))


def measure_after(text: str, start: int, end: int) -> str:
    """The physical unit a word after a count names in its context only, in the eyes of any language."""
    return next((m for m in (hook(text, start, end) for hook in language_hooks(measure_after.__name__)) if m), "")


def states_difference(text: str, start: int, end: int) -> bool:
    """A temperature written as a change ('a 5C rise'), in the eyes of any language."""
    return any(hook(text, start, end) for hook in language_hooks(states_difference.__name__))


RANGE_DASH = re.compile(r"[-\u2013]")


def prefixed_money(quantity: Quantity) -> bool:
    """'USD 15', '£3', 'EUR 3': money whose currency is written before its number."""
    return quantity.unit.isupper() and not quantity.measure and not quantity.surface[:1].isdigit() and quantity.qualifier in RANGE_START_QUALIFIERS


def ends_prefixed_range(text: str, first: Quantity, match: re.Match) -> bool:
    """'USD 15-20', '£3-5 million': a number right after a dash after money with its currency
    written before it is the range's second end, in that currency."""
    return (first.end + 1 == match.start() and bool(RANGE_DASH.fullmatch(text[first.end : match.start()]))
            and prefixed_money(first) and bool(match.group("digits")) and not match.group("symbol")
            and not match.group("unit") and not NUMBER_GOES_ON.match(text, match.end()))


NUMBER_GOES_ON = re.compile(r"[-\u2013/.]\d")  # "$5-555-1234": a phone number, not a range


def takes_prefix_unit(first: Quantity, second: Quantity) -> bool:
    """A bare number, or one with a scale only, after money with its currency before it."""
    return ((prefixed_money(first) or percent_written_before(first)) and second.unit == "count" and second.kind == "count"
            and not second.noun and not second.measure)


def percent_written_before(quantity: Quantity) -> bool:
    """A percent whose word stands before its number (a language's hook): a range's second end after it
    is a percent too, the word written once."""
    return quantity.unit == "percent" and quantity.qualifier in RANGE_START_QUALIFIERS and any(
        hook(quantity.surface) for hook in language_hooks(percent_written_before.__name__))


def in_prefix_unit(first: Quantity, second: Quantity) -> Quantity:
    """The second end of 'USD 15-20' in the first end's currency (merge_ranges then joins them); a
    letter glued to it is its scale, as after the currency ('EUR3-5m' is 3 to 5 million)."""
    scale = lexicon().scales.get(second.surface[-1:].lower()) if second.measure and second.surface[-2:-1].isdigit() else None
    if second.measure and scale is not None:
        written = plain_number(second.number)
        value, low, high, low_open, high_open = signed_interval(Decimal(written) * scale, half_unit(written) * scale, "exact", 1)
        second = replace(second, value=value, low=low, high=high, low_open=low_open, high_open=high_open, measure="",
                         rounding=half_unit(written) * scale)
    return replace(second, unit=first.unit, kind=first.kind, currency_from=first.currency_from, qualifier="exact", noun=None)


def is_not_a_figure(text: str, match: re.Match, bare: bool, qualifier_of: dict) -> bool:
    """A year, a date, a name or an identifier, in the eyes of any language's grammar."""
    for test in language_hooks(is_not_a_figure.__name__):
        if test(text, match, bare, qualifier_of):
            return True
    return False


def in_table_unit(quantities: list[Quantity], table: tuple[int, int, Decimal, str] | None) -> list[Quantity]:
    """Bare numbers after a unit stated once ('in millions of euros: 2024: 118.4') are in that unit;
    the statement of the unit is no figure itself."""
    if table is None:
        return quantities
    start, end, scale, code = table
    result = []
    for q in quantities:
        if start <= q.start < end:
            continue
        if q.start < end or q.unit != "count" or q.kind != "count" or q.noun or not q.number[:1].isdigit():
            result.append(q)
            continue
        value, low, high = (float(Decimal(repr(x)) * scale) for x in (q.value, q.low, q.high))
        result.append(replace(q, value=value, low=low, high=high, unit=code, kind="amount", currency_from="context",
                              rounding=q.rounding * scale if q.rounding is not None else None))
    return result


def scales_for_letters(quantities: list[Quantity]) -> list[Quantity]:
    """'sold 1.8m cars, up from 1.5m': a letter read as a unit (metres) is the scale that the same
    sentence gives it elsewhere."""
    scaled = {q.surface[-1]: q for q in quantities if not q.measure and q.surface[-1:].isalpha() and q.number != q.surface
              and q.surface[-2:-1].isdigit() and q.unit != "percent"}
    if not scaled:
        return quantities
    lex, result = lexicon(), []
    for quantity in quantities:
        model = scaled.get(quantity.surface[-1]) if quantity.measure and quantity.surface[-2:-1].isdigit() else None
        scale = lex.scales.get(quantity.surface[-1].lower()) if model else None
        if model is None or scale is None or quantity.kind != "amount":
            result.append(quantity)
            continue
        number = Decimal(plain_number(quantity.number))
        value, low, high, low_open, high_open = signed_interval(number * scale, half_unit(plain_number(quantity.number)) * scale,
                                                               quantity.qualifier, 1)
        result.append(replace(quantity, value=value, low=low, high=high, unit=model.unit, kind=model.kind, measure="", noun=model.noun))
    return result


def split_count_and_level(text: str, match: re.Match, lex: Lexicon, currency: str = "") -> list[Quantity]:
    """A count of things each of an order of magnitude: the number, then the level that follows it."""
    number_end = next((match.end(group) for group in ("fraction", "digits") if match.group(group)), match.end("words"))
    count = replace(build_quantity(text, match, lex, currency=currency), surface=text[match.start() : number_end], end=number_end,
                    value=0.0)
    level_match = lex.figure_body.match(text, match.start("scale"))
    if level_match is None:
        return [build_quantity(text, match, lex, currency=currency)]
    level = build_quantity(text, level_match, lex, currency=currency)
    number, rounding = figure_number(match, lex, Decimal(1))
    value, low, high, low_open, high_open = signed_interval(number, rounding, "exact", 1)
    count = replace(count, value=value, low=low, high=high, low_open=low_open, high_open=high_open, unit="count",
                    kind="count", qualifier="exact", noun=level.noun,
                    number=match.group("fraction") or match.group("digits") or match.group("words"),
                    rounding=rounding)
    return [count, level]


SPACES = re.compile(r"\s+")


def unit_and_scale(match: re.Match, lex: Lexicon, currency: str = "") -> tuple[str, Decimal, str]:
    """(unit, scale, measure): measure is the physical unit the figure is in ('kilometer'), or ''."""
    if first_of(match, lex.ratio_groups):
        return ("percentage_point" if lex.point_groups and first_of(match, lex.point_groups) else "percent"), Decimal(1), ""
    written_scale = first_of(match, lex.scale_groups) or ""
    scale_word = written_scale.lower()
    symbol = (match.group("symbol") or "").lower()
    written_unit = SPACES.sub(" ", first_of(match, lex.unit_groups) or "")
    scale = lex.scales.get(scale_word, Decimal(1))
    if match.group("codescale"):
        scale, written_unit = scale * lex.code_scales[match.group("codescale")], written_unit[1:]  # "45 MUSD"
    elif written_unit in lex.glued_subunits:
        code = lex.glued_subunits[written_unit]  # "312p"; "1.5x" is a multiple: a count
        return (code, scale * Decimal("0.01"), "") if code else ("count", scale, "")
    unit_word = written_unit.lower()
    measure = lex.measure_of.get(written_unit) or lex.measure_of.get(unit_word, "")
    if measure:
        measure = measure_per_before(match.string, match.start(), measure)
    if (scale_word in lex.short_scales and not symbol and not measure and unit_word not in lex.currency_of
            and not short_scale_counts(match, lex)):
        # "11.5 m" and "a 1m gap" are lengths; "HK$300m", "10k", "1.2M", "5m subscribers" and "3m tonnes"
        # (a unit after it: the letter is no unit) are figures
        scale = Decimal(1)
        measure = measure or lex.measure_of.get(written_scale, "")
    vague = first_of(match, lex.vague_groups)
    if vague:
        scale = lex.vague_multipliers[vague.lower()] * lex.vague_scales[first_of(match, lex.vague_scale_groups).lower()]
    elif lex.alone_groups and first_of(match, lex.alone_groups):
        scale = lex.vague_alone[first_of(match, lex.alone_groups).lower()]  # "thousands of", "several dozen"
    if unit_word in lex.percent_words:
        return "percent", scale, ""
    if unit_word in lex.per_mille_words:
        return "percent", scale * Decimal("0.1"), ""  # "7.2 per mille" is 0.72 percent
    if unit_word in lex.point_words:
        return "percentage_point", scale, ""
    if unit_word in lex.basis_point_words:
        return "percentage_point", scale * Decimal("0.01"), ""
    if unit_word in currencies().hundredths:
        scale *= Decimal("0.01")  # "45 pence", "99 cents"
    if not unit_word and not symbol and scale_word in money_scales():
        return str(currency) or currency_meant(money_scales()[scale_word], ""), scale, ""  # "paid 50 grand"
    code = currency_meant(symbol, currency) or (currency_meant(unit_word, currency) if not measure else None)
    if code and not symbol:
        measure = context_rules().measure_in_context(match.string, match.start(), match.end(), unit_word)
        if measure:
            return "count", scale, measure  # "the lobster weighed 4 pounds": a mass
    return code or "count", scale, (measure if not code else "")


def short_scale_counts(match: re.Match, lex: Lexicon) -> bool:
    """A letter scale glued to its number counts: 'k' and 'b' always, 'm' in capitals ('1.2M'),
    before a plural noun ('5m subscribers'; '6m wall' is a length) or with nothing after it in a
    clause that counts things ('visitors reached 8m')."""
    written = first_of(match, lex.scale_groups)
    if match.group("gap_scale") != "":
        return False
    if lex.short_scales[written.lower()] == "any" or written.isupper():
        return True
    rules = context_rules()
    return rules.counts_plural(match.string, match.end()) or rules.counts_before(match.string, match.start(), match.end())


def measured_rounding(value: Decimal, rounding: Decimal, measure: str) -> Decimal:
    """A figure's rounding in the unit it is compared in: '600 km' allows 50 km, that is 50000 meter
    (measured across the value, so an offset unit such as degrees Celsius converts correctly)."""
    if not measure:
        return rounding
    return (to_reference(value + rounding, measure) - to_reference(value - rounding, measure)) / 2


def reference_unit(measure: str) -> str:
    from ..measures import reference_unit

    return reference_unit(measure)


def to_reference(value: Decimal, measure: str) -> Decimal:
    from ..measures import to_reference

    return to_reference(value, measure)


def from_reference(value: Decimal, measure: str) -> Decimal:
    from ..measures import from_reference

    return from_reference(value, measure)


class PlaceCurrency(str):
    """The currency of the place a source is about, passed where the source's own goes: it gives its meaning to the
    signs several currencies share, but not to those that mean the US dollar unless a source says otherwise ('$':
    news marks a local dollar, 'C$', 'A$')."""


def currency_meant(form: str, currency: str) -> str | None:
    """The ISO code a lower-cased sign or word means: the source's currency when it can mean that."""
    from ..money import dollar_forms

    money = currencies()
    if currency and currency in money.ambiguous.get(form, ()) and not (isinstance(currency, PlaceCurrency) and form in dollar_forms()):
        return str(currency)  # a plain code: a PlaceCurrency only says how it was found
    return money.code_of.get(form)




def read_qualifier(text: str, match: re.Match, number: Decimal, lex: Lexicon) -> str:
    # Only what the text calls a level is one: a scale word with no number ("a billion-yuan fund"),
    # "at the X level", a level suffix. A figure with digits is that figure, compound or not ("a 1-billion-yuan
    # fund" is 1 billion: read as 1-10 billion it would agree with "10 billion", the slip to catch).
    if first_of(match, lex.level_groups) or context_rules().is_level_phrase(text, match):
        return "level"
    qualifier = ends_with(text[max(0, match.start() - 24) : match.start()], lex.qualifier_before)
    if qualifier and is_particle(text, text.rfind(qualifier, 0, match.start()), qualifier):
        qualifier = None
    if qualifier and not is_range_tilde(text, match.start(), qualifier):
        return lex.qualifier_of[SPACES.sub(" ", qualifier.lower())]
    if match.group("bound_after"):
        return lex.glued_bounds_after[match.group("bound_after").lower()]
    after = text[match.end() : match.end() + 8]
    if after.startswith(lex.qualifier_after_words):  # "50+" when the figure is read without its bound
        return next(meaning for word, meaning in lex.qualifier_after.items() if after.startswith(word))
    return qualifier_around(text, match.start(), match.end()) or "exact"


RANGE_TILDE = "~"


def is_range_tilde(text: str, start: int, qualifier: str) -> bool:
    """'20%~30%', '3~5': a tilde glued to the figure before it joins a range's ends; it is no 'about'."""
    at = start - len(qualifier)
    return qualifier.strip() == RANGE_TILDE and at > 0 and (text[at - 1].isdigit() or text[at - 1] == "%")


def is_particle(text: str, start: int, qualifier: str) -> bool:
    """A qualifier's word that completes the verb before it ('handed over 348,000 vehicles'): no bound."""
    return any(hook(text, start, qualifier) for hook in language_hooks(is_particle.__name__))


def qualifier_around(text: str, start: int, end: int) -> str | None:
    """A bound a language writes away from its number: after the thing counted, before the verb."""
    return next((q for q in (hook(text, start, end) for hook in language_hooks("qualifier_around")) if q), None)


def ratio_number(match: re.Match) -> tuple[Decimal, Decimal] | None:
    """(number, rounding) of a ratio in words, where its language states its precision."""
    return next((r for r in (hook(match) for hook in language_hooks("ratio_number")) if r is not None), None)


def percent_step(surface: str) -> Decimal | None:
    """The percent a unit of a percent written in words stands for (ten, where a language counts tenths)."""
    return next((s for s in (hook(surface) for hook in language_hooks(percent_step.__name__)) if s), None)


def measure_per_before(text: str, start: int, measure: str) -> str:
    """The measure of a quantity whose time is written before its number (a language's rate of it), else its own."""
    return next((m for m in (hook(text, start, measure) for hook in language_hooks(measure_per_before.__name__)) if m), measure)


def has_digit(surface: str) -> bool:
    return any(c.isdigit() for c in surface)


def scale_of_number(number: str) -> Decimal | None:
    """The scale that a number's own words hold (a language's numerals may end in their scale)."""
    return next((s for s in (hook(number) for hook in language_hooks("scale_of_number")) if s), None)


def read_kind(text: str, match: re.Match, unit: str, noun: str | None, lex: Lexicon, measure: str = "") -> tuple[str, str | None, int]:
    """(kind, per, sign): a percent after "increase of" is growth; "patents per day" and "3 million
    barrels per day" are rates."""
    rules = context_rules()
    if first_of(match, lex.growth_groups):
        return "growth", None, 1
    if not measure and ratio_kind(text, match, unit):
        return "share", None, 1  # a ratio of two measures
    if unit in PERCENT_UNITS:
        sign = percent_sign(text, match.start(), match.end(), lex)
        if sign:
            return "growth", None, sign
        return ("growth" if unit == "percentage_point" else "share"), None, 1
    if unit != "count" and not measure:
        return "amount", None, amount_sign(text, match.start(), lex)
    rate_or_duration = rules.rate_or_duration(text, match.end(), noun)
    if measure:
        return ("rate", rate_or_duration[1], 1) if rate_or_duration and rate_or_duration[0] == "rate" else ("amount", None, 1)
    if rate_or_duration and rate_or_duration[0] != "rate":
        return rate_or_duration[0], rate_or_duration[1], 1
    sign = amount_sign(text, match.start(), lex)
    return (rate_or_duration[0], rate_or_duration[1], sign) if rate_or_duration else ("count", None, sign)


def ratio_kind(text: str, match: re.Match, unit: str) -> str | None:
    """'share' for a number that a language's grammar reads as a ratio of two measures."""
    return next((kind for kind in (hook(text, match, unit) for hook in language_hooks(ratio_kind.__name__)) if kind), None)


def amount_sign(text: str, start: int, lex: Lexicon) -> int:
    """-1 for an amount or a count that states a fall or a smaller difference, else 1: a language's own reading first."""
    for hook in language_hooks(amount_sign.__name__):
        sign = hook(text, start)
        if sign is not None:
            return sign
    return context_rules().change_sign(text, start, lex.qualifier_before)


def percent_sign(text: str, start: int, end: int, lex: Lexicon) -> int:
    """+1 / -1 for a percent that states a change, 0 for a level: a language's own reading first."""
    for hook in language_hooks("percent_sign"):
        sign = hook(text, start, end)
        if sign is not None:
            return sign
    return context_rules().growth_sign(text, start, end, lex.qualifier_before)


def read_value(text: str, qualifier: str | None = None, kind: str | None = None, down: bool = False,
               currency: str = "") -> Quantity | None:
    """A figure as written in a claims file ("223.66 billion yuan"), read alone; the claim's own
    qualifier, kind and direction (which a person may have corrected) take precedence over the text's.
    With all three known, only the number, scale and unit are read (the fast path for large projects)."""
    from ..languages import reading_form

    lex, text = lexicon(), reading_form(text)
    if qualifier == "range":
        parts = read_quantities(text, currency)
        if len(parts) == 2:
            return range_of(text, parts[0], parts[1])
        return parts[0] if len(parts) == 1 and parts[0].qualifier == "range" else None
    if kind == "duration":
        parts = read_quantities(text, currency)  # "two hours and 20 minutes": a span in two units reads whole
        if len(parts) == 1 and parts[0].kind == "duration" and parts[0].qualifier == (qualifier or parts[0].qualifier):
            return parts[0]
    match = next(figure_matches(text, lex), None)
    if not match:
        return None
    if not (qualifier and kind):
        return with_subunit_part(text, with_second_part(text, build_quantity(text, match, lex, qualifier, kind, currency)))
    unit, scale, measure = unit_and_scale(match, lex, currency)
    measure = rate_unit(measure)[0]
    number, rounding = figure_number(match, lex, scale)
    value, low, high, low_open, high_open = signed_interval(number * scale, rounding * scale, qualifier, -1 if down else 1, measure)
    unit = reference_unit(measure) if measure else unit
    if currency and unit == "count":
        unit = currency  # a claim whose currency came from its sentence, not its value: kept in its claims file
    quantity = Quantity(surface=match.group(0), value=value, low=low, high=high, unit=unit, qualifier=qualifier,
                        kind=kind, start=match.start(), end=match.end(), number=number_text(match, lex),
                        low_open=low_open, high_open=high_open, rounding=measured_rounding(number * scale, rounding * scale, measure))
    compound = with_second_part(text, replace(quantity, measure=measure)) if measure else with_subunit_part(text, quantity)
    return compound if compound.end != quantity.end else quantity  # "5 ft 10 in", "12 euros and 50 cents" read whole


def figure_number(match: re.Match, lex: Lexicon, scale: Decimal) -> tuple[Decimal, Decimal]:
    """(number, rounding) of a figure as written, before its scale: '223.66' -> (223.66, 0.005);
    'six' -> (6, 0.5); 'four million three hundred' before 'thousand' -> (4300, 0.5); '-312' -> (-312, 0.5)."""
    digits, words = match.group("digits"), match.group("words")
    if match.group("fraction"):
        number, rounding = fraction_number(match.group("fraction"))
    elif digits:
        written = plain_number(digits)
        mantissa, _, exponent = written.lower().partition("e")  # "1.5e3": 1500, to the hundred
        number, rounding = Decimal(written), half_unit(mantissa).scaleb(int(exponent or 0))
    elif words:
        total, current, decimals = context_rules().spelled_number(words)
        number, rounding = total / scale + current, Decimal(5).scaleb(-1 - decimals)
        if total:  # "four million three hundred thousand" is written to the hundred thousand
            rounding = half_unit(format(number.normalize(), "f"))
    elif first_of(match, lex.ratio_groups):
        stated = ratio_number(match)
        if stated is not None:
            number, rounding = stated  # the precision the words state ("3.6 per mille" is to 0.005 percent)
        else:
            value = next(v for v in (language.ratio_value(match) for language in figure_grammars()) if v is not None)
            # "a quarter point" is a step of its own size, not a whole point rounded
            number, rounding = value, (value / 2 if first_of(match, lex.point_groups) else Decimal("0.5"))
    else:
        read = next((n for n in (language.number_of(match) for language in figure_grammars()) if n is not None), None)
        if read is None:
            return Decimal(1), Decimal("0.5")  # a scale with no number: "a billion-yuan fund", "tens of billions"
        number, rounding = read
    return (-number if match.group("sign") or is_accounting_negative(match) else number), rounding


def plain_number(written: str) -> str:
    """Digits as Decimal reads them: ASCII digits, no group separators, a point for a decimal comma, an
    exponent for a power of ten ('3 x 10^8' -> '3e8')."""
    times = POWER_OF_TEN.search(written)
    if times is not None:
        return f"{written[: times.start()]}e{written[times.end() :].translate(EXPONENT_FORM)}"
    if DOTTED_GROUPS.fullmatch(written):
        return written.replace(".", "")
    if GROUPED_DECIMAL_COMMA.fullmatch(written):
        return written.replace(".", "").replace(",", ".").translate(NUMBER_FORM)
    return (written.replace(",", ".") if DECIMAL_COMMA.fullmatch(written) else written).translate(NUMBER_FORM)


def fraction_number(written: str) -> tuple[Decimal, Decimal]:
    """'3 1/2' -> (3.5, 0.25): a fraction is stated to half a step of its denominator."""
    whole, numerator, denominator, sign = FRACTION_PARTS.fullmatch(written.translate(NUMBER_FORM_DIGITS)).groups()
    numerator, denominator = VULGAR_FRACTIONS[sign] if sign else (numerator, denominator)
    denominator = Decimal(denominator)
    return Decimal(whole or 0) + Decimal(numerator) / denominator, 1 / (2 * denominator)


def is_accounting_negative(match: re.Match) -> bool:
    """'$(42.10) million', '(1,250.00)': a figure in brackets is negative in accounts when it has
    a currency sign or decimals ('(3)' numbers a list item). A percent in brackets is negative only
    where a value is stated ('the return was (3.2%)'; 'most of them (56.5%)' is an aside)."""
    if not match.group("sign_paren"):
        return False
    if match.group("unit_paren"):
        return context_rules().states_value_before(match.string, match.start())
    return bool(match.group("symbol") or "." in (match.group("digits") or ""))


def number_text(match: re.Match, lex: Lexicon) -> str:
    """The number as written ('223.66', 'six', a Han numeral); '1' for a scale with no number."""
    return first_of(match, lex.number_groups) or "1"


@functools.cache
def language_hooks(name: str) -> tuple:
    """The figure grammars' functions of that name, for the readings only some languages need
    (a bound written away from its number, a share named in the clause)."""
    return tuple(hook for hook in (getattr(language, name, None) for language in figure_grammars()) if hook)


@functools.cache
def figure_grammars() -> list:
    """Every language's figure grammar: each reads the figure forms it contributed to the pattern."""
    from ..languages import grammars

    return grammars("figures")


def build_quantity(text: str, match: re.Match, lex: Lexicon, qualifier: str | None = None, kind: str | None = None,
                   currency: str = "") -> Quantity:
    rules = context_rules()
    unit, scale, measure = unit_and_scale(match, lex, currency)
    measure, stated_per = rate_unit(measure)
    if unit == "count" and not measure:
        measure = measure_after(text, match.start(), match.end())
    measure = difference_measure(text, match, measure)
    number, rounding = figure_number(match, lex, scale)
    unit = reference_unit(measure) if measure else unit
    implicit = ""
    if unit == "count":
        implicit = next((code for code in (language.implicit_currency(text, match.start(), match.end(), match.group(0))
                                           for language in figure_grammars()) if code), "") or (currency if kind == "amount" else "")
        unit = implicit or unit
    qualifier = qualifier or read_qualifier(text, match, number, lex)
    rest = text[match.end() : match.end() + NOUN_REACH]  # a bounded copy: one of the whole rest per figure is quadratic
    noun = rules.read_noun(rest, lex.number_words) if unit != "percent" else None
    read_as, per, sign = read_kind(text, match, unit, noun, lex, measure)
    if stated_per:
        read_as, per = "rate", stated_per
    kind = kind or read_as
    if number < 0 and sign < 0:
        sign = 1  # "shrank -0.3%", "fell -3%": the minus states the fall its verb states, once
    if kind == "duration" and qualifier == "over" and is_time_span(text, match.start()):
        qualifier = "exact"  # "grew 20% over 3 years": the span of a change, not a bound
    value, low, high, low_open, high_open = signed_interval(number * scale, rounding * scale, qualifier, sign, measure)
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
        number=number_text(match, lex),
        noun=noun if kind in ("count", "rate", "duration", "amount") else None,
        per=per,
        base=rules.read_share_base(rest, text[max(0, match.start() - 80) : match.start()], match.group(0)) if kind == "share" else None,
        low_open=low_open,
        high_open=high_open,
        currency_from="context" if implicit else currency_from(match, lex, unit, currency),
        measure=measure,
        rounding=measured_rounding(number * scale, rounding * scale, measure),
    )


def rate_unit(measure: str) -> tuple[str, str | None]:
    """(measure, per) of a unit that states a rate by itself: 'bpd' is barrels a day."""
    if not measure:
        return measure, None
    from ..languages import vocabulary

    stated = vocabulary("units").get("rates", {}).get(measure)
    return (stated[0], stated[1]) if stated else (measure, None)


@functools.cache
def measure_differences() -> dict:
    from ..languages import vocabulary

    return dict(vocabulary("units").get("differences", {}))


def difference_measure(text: str, match: re.Match, measure: str) -> str:
    """A temperature written as a change ('a 5C rise') is in degrees of difference, with no offset."""
    difference = measure_differences().get(measure) if measure else None
    if difference and states_difference(text, match.start(), match.end()):
        return difference
    return measure


def currency_from(match: re.Match, lex: Lexicon, unit: str, currency: str) -> str:
    """Where the currency of a sign or word several currencies share comes from: 'source' when the
    source's own currency decided it, 'default' when the source names none; '' when unambiguous."""
    forms = [(match.group("symbol") or "").lower(), SPACES.sub(" ", (first_of(match, lex.unit_groups) or "").lower()),
             money_scales().get((first_of(match, lex.scale_groups) or "").lower(), "")]
    shared = [currencies().ambiguous[form] for form in forms if form in currencies().ambiguous]
    if not shared or unit not in shared[0]:
        return ""
    return "source" if currency and unit == currency else "default"


RANGE_START_QUALIFIERS = ("exact", "about")  # "around 1,000-1,500 people": a range, its ends already approximate


def merge_ranges(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """'2 to 3 billion yuan', 'between 18 and 45', '5-10%': one range, in the unit of its second
    end. 'rose from 30 to 40 dollars' stays two figures, the first in the second's unit."""
    rules = context_rules()
    merged: list[Quantity] = []
    for quantity in quantities:
        first = merged[-1] if merged else None
        if first:
            first = past_repeated_measure(text, first, quantity)
        if (first and first.qualifier in RANGE_START_QUALIFIERS and quantity.qualifier == "exact" and takes_prefix_unit(first, quantity)
                and rules.rules().range_joiner.match(text[first.end : quantity.start])):
            quantity = in_prefix_unit(first, quantity)  # "$20 to 30", "EUR 3 to 5 million": the currency written once
        if (first and first.qualifier in RANGE_START_QUALIFIERS and first.unit in ("count", quantity.unit) and quantity.qualifier == "exact"
                and (not first.noun or rules.rules().range_joiner.match(text[first.end : quantity.start]))):
            joined = rules.joins_range(text, first, quantity)
            if joined == "range":
                whole = range_of(text, first, quantity)
                if whole.low <= whole.high:  # "10 to 2" is not a range: two figures
                    merged[-1] = whole
                    continue
                if quantity.unit in PERCENT_UNITS and first.unit == "count" and not first.noun:
                    merged[-1] = in_unit_of(first, quantity)  # "won 52 to 48 percent": a split, the percent written once
            elif joined == "pair":
                merged[-1] = first = change_of_pair(text, first)
                if first.unit == "count" and quantity.unit != "count":
                    merged[-1] = in_unit_of(first, quantity)
        merged.append(quantity)
    return merged


REPEATED_MEASURE = 2  # characters: the longest measure word written after both ends of a range


def past_repeated_measure(text: str, first: Quantity, second: Quantity) -> Quantity:
    """A range whose measure word is written after each end in a script without spaces (Chinese writes
    '34 thousand vehicles to 36 thousand vehicles' with the classifier twice and no space): the first end
    ends after its measure word, so the joiner is all that stands between the two ends."""
    between = text[first.end : second.start]
    for size in range(REPEATED_MEASURE, 0, -1):
        measure = between[:size]
        if len(between) > size and measure.isalpha() and not measure.isascii() and text.startswith(measure, second.end) \
                and context_rules().rules().range_joiner.fullmatch(between[size:]):
            return replace(first, end=first.end + size)
    return first


def change_of_pair(text: str, change: Quantity) -> Quantity:
    """The change of a pair ('fell 12,000 to 1.3 million'), negative when its word is a fall."""
    if change.value < 0 or change.kind not in ("count", "amount", "rate") or change.measure:
        return change
    if context_rules().change_sign(text, change.start, lexicon().qualifier_before, pair=True) > 0:
        return change
    return negated(change)


def negated(quantity: Quantity) -> Quantity:
    return replace(quantity, value=-quantity.value, low=-quantity.high, high=-quantity.low,
                   low_open=quantity.high_open, high_open=quantity.low_open)


def first_end(first: Quantity, second: Quantity) -> Decimal:
    """The value of a bare first end in the second's scale and unit: '2' in '2 to 3 billion yuan',
    '20' in '20 to 25 degrees Celsius'; a first end with a scale of its own keeps it."""
    first_value, second_value = Decimal(repr(first.value)), Decimal(repr(second.value))
    first_number, second_number = written_number(first, first_value), written_number(second, second_value)
    if abs(first_value) != first_number and second.measure and not first.measure:
        return to_reference(first_value, second.measure)  # "1.9 million to 1.95 million barrels": the barrels written once
    if abs(first_value) != first_number or not second_number:
        return first_value
    if second.measure and not first.measure:
        scale = from_reference(second_value, second.measure) / abs(second_number)
        return to_reference(first_number * scale, second.measure)
    return first_value * second_value / abs(second_number)


SPELLED_NUMBER = re.compile(r"[A-Za-z]+(?:[\s-]+[A-Za-z]+)*")
DECIMAL_DIGITS = re.compile(r"\d+(?:\.\d+)?")  # a number written in digits alone (a Chinese "6 wan 3 qian" mixes in its scales)


def written_number(quantity: Quantity, value: Decimal) -> Decimal:
    """The number as written, without a scale: '3' of '3 billion'; of a number whose words hold
    their scale (a Han numeral ending in ten thousand), its value over that scale."""
    digits = plain_number(quantity.number)
    step = percent_step(quantity.surface) if quantity.unit == "percent" else None
    if step:
        return value / step  # a percent in words of a tenth: its number is the tenths written
    if DECIMAL_DIGITS.fullmatch(digits):
        return Decimal(digits)
    scale = scale_of_number(quantity.number)
    if SPELLED_NUMBER.fullmatch(quantity.number):  # 'three' of 'three million', 'three hundred' of itself
        total, current, _ = context_rules().spelled_number(quantity.number)
        return (total + current) / (scale or 1)
    return value / scale if scale else value


def in_unit_of(first: Quantity, second: Quantity) -> Quantity:
    """'30' in 'rose from 30 to 40 dollars': the same measure as the figure it changed to."""
    value = first_end(first, second)
    ratio = value / Decimal(repr(first.value)) if first.value else Decimal(1)
    low, high = (float(Decimal(repr(end)) * ratio) for end in (first.low, first.high))
    return replace(first, value=float(value), low=low, high=high, unit=second.unit, kind=second.kind, measure=second.measure)


def range_of(text: str, first: Quantity, second: Quantity) -> Quantity:
    """The first end takes the second's scale when it has none of its own ('2 to 3 billion')."""
    if first.value < 0 and first.surface[:1].isnumeric() and not second.measure:
        # a sign read before the first end, not written with it, is the whole range's: the range of
        # the magnitudes, signed once (a percent range takes its sign below)
        whole = range_of(text, negated(first), negated(second) if second.value < 0 else second)
        return whole if second.unit in PERCENT_UNITS else negated(whole)
    second_value = Decimal(repr(second.value))
    low = first_end(first, second)
    if low > second_value and not second.measure:
        low = Decimal(repr(first.value))  # '10 to 2 million': the first end is not in millions
    kind, value_sign = second.kind, 1
    if second.unit in PERCENT_UNITS:
        value_sign = percent_sign(text, first.start, second.end, lexicon())
        kind = "growth" if value_sign else "share"
    if value_sign < 0 and second_value > 0:
        low, high = -second_value, -abs(low)  # a fall's first end may carry its sign already ("fell by 2 to 3%")
    else:
        high = second_value
    return replace(
        second,
        kind=kind,
        surface=text[first.start : second.end],
        start=first.start,
        value=float((low + high) / 2),
        low=float(low),
        high=float(high),
        qualifier="range",
        low_open=False,
        high_open=False,
    )


PLAIN_UNITS = ("count", "percent", "percentage_point")
PERCENT_UNITS = ("percent", "percentage_point")


def read_in_context(text: str, qualifier: str, kind: str, currency: str, factor: Decimal, unit: str) -> Quantity | None:
    """A claims file's figure with the reading its sentence gave it (`read_as: <factor> <unit>`): the
    number as written times `factor`, in `unit` (an ISO code, count, percent, percentage_point or a
    physical unit), with the claim's qualifier and kind. '118.4' under a table 'in millions of
    euros' is 118.4 x 1000000 EUR; '4 pounds' a parcel weighed is 4 x 1 pound; '12,000' of 'fell by
    12,000' is 12,000 x -1 count."""
    from ..languages import reading_form

    lex, text = lexicon(), reading_form(text)
    if qualifier == "range":
        plain = read_value(text, qualifier, kind, False, currency)
        return None if plain is None else scaled_range(plain, factor, unit)
    match = next(figure_matches(text, lex), None)
    if not match:
        return None
    _, scale, _ = unit_and_scale(match, lex, currency)
    number, rounding = figure_number(match, lex, scale)
    measure = "" if unit in PLAIN_UNITS or unit.isupper() else unit
    size = abs(factor)
    value, low, high, low_open, high_open = signed_interval(number * size, rounding * size, qualifier, -1 if factor < 0 else 1, measure)
    return Quantity(surface=match.group(0), value=value, low=low, high=high, unit=reference_unit(measure) if measure else unit,
                    qualifier=qualifier, kind=kind, start=match.start(), end=match.end(), number=number_text(match, lex),
                    low_open=low_open, high_open=high_open, measure=measure,
                    rounding=measured_rounding(number * size, rounding * size, measure))


def scaled_range(plain: Quantity, factor: Decimal, unit: str) -> Quantity:
    """A range read from its own words, times `factor`, in `unit` (a currency, count or percent, or a physical
    unit of the dimension its words gave: '700,000 to 760,000 ounces' of gold in troy ounces)."""
    measure = plain.measure if plain.measure and unit not in PLAIN_UNITS and not unit.isupper() else ""
    if measure:
        from ..measures import reference_factor

        factor = factor * reference_factor(unit) / reference_factor(measure)
    value, low, high = (float(Decimal(repr(end)) * factor) for end in (plain.value, plain.low, plain.high))
    low_open, high_open = plain.low_open, plain.high_open
    if factor < 0:
        low, high, low_open, high_open = high, low, high_open, low_open
    if measure:
        return replace(plain, value=value, low=low, high=high, low_open=low_open, high_open=high_open, unit=reference_unit(unit), measure=unit)
    return replace(plain, value=value, low=low, high=high, low_open=low_open, high_open=high_open, unit=unit, measure="")


def same_reading(first: Quantity | None, second: Quantity) -> bool:
    return first is not None and (first.unit, first.value, first.low, first.high, first.low_open, first.high_open) == (
        second.unit, second.value, second.low, second.high, second.low_open, second.high_open)


def context_factor(text: str, qualifier: str, kind: str, currency: str, quantity: Quantity) -> tuple[Decimal, str] | None:
    """(factor, unit) that `read_in_context` turns `text` into `quantity` with, exactly; None when
    no such pair does (the figure's sentence changed more than its unit, scale or sign)."""
    from ..languages import reading_form

    lex, text = lexicon(), reading_form(text)
    unit = quantity.measure or quantity.unit
    if quantity.measure and same_reading(read_in_context(text, qualifier, kind, currency, Decimal(1), unit), quantity):
        return Decimal(1), unit  # only the unit changed: ounces of gold are troy ounces
    stated = Decimal(repr(quantity.value))
    if quantity.measure:
        stated = from_reference(stated, quantity.measure)
    if qualifier == "range":
        plain = read_value(text, qualifier, kind, False, currency)
        base = Decimal(repr(plain.value)) if plain is not None and not quantity.measure else Decimal(0)
    else:
        match = next(figure_matches(text, lex), None)
        base = figure_number(match, lex, unit_and_scale(match, lex, currency)[1])[0] if match else Decimal(0)
    if not base or not stated.is_finite():
        return None
    ratio = stated / base
    for factor in (ratio.quantize(Decimal(1).scaleb(ratio.adjusted() - 11)).normalize(), ratio):
        if same_reading(read_in_context(text, qualifier, kind, currency, factor, unit), quantity):
            return factor, unit
    return None
