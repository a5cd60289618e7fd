"""Chinese figure forms: Han numerals (三百四十万, 十几, 三千多), percents in words (百分之十七,
千分之三点六, 四成), a scale with no number (千亿元, 百亿级) and the 级 ("level") suffix.

The numbers themselves are read by numerals.py; this module says where they stand."""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from ...reader.patterns import word_alternation
from . import numerals


def bare_scales(vocab: dict) -> list[str]:
    """Scales that state a figure alone: every Chinese scale (千亿元 is "a hundred billion yuan")."""
    return [word for word in vocab["scales"] if not word.isascii()]


@functools.cache
def numeral_characters() -> tuple[str, str]:
    """(characters that carry a number, characters that may stand beside them in a numeral), escaped for a class."""
    raw = numerals.vocabulary().raw
    carrying = set(raw["digits"]) | set(raw["zeros"]) | set(raw["small_units"])
    around = set(raw["big_units"]) | set(raw["points"]) | set(raw["few"]) | set(raw["more"])
    return re.escape("".join(sorted(carrying))), re.escape("".join(sorted(around - carrying)))


def han_numeral() -> str:
    """A run of numeral characters holding at least one that carries a number (万 alone is a scale).
    The part before that character excludes it, so the run is matched without backtracking."""
    carrying, around = numeral_characters()
    signs = "".join(c for c in numerals.vocabulary().raw["signs"] if not c.isascii() and c.isalpha())
    return rf"[{re.escape(signs)}]?[{around}]*[{carrying}][{carrying}{around}]*"


def number_words_pattern(vocab: dict) -> str:
    return ""  # Han numerals have a group of their own: see number_alternatives


def number_alternatives(vocab: dict) -> list[str]:
    return [mixed_numeral(), rf"(?P<words_zh>{han_numeral()})"]


def level_suffix(vocab: dict) -> str:
    return f"(?P<level_ji>{word_alternation(w for w in vocab['level_words'] if not w.isascii())})"


def figure_alternatives(vocab: dict, unit_words: list[str]) -> list[str]:
    """千亿元, 百亿级, 千亿元级: an order of magnitude with no number."""
    level = word_alternation(w for w in vocab["level_words"] if not w.isascii())
    units = word_alternation(w for w in unit_words if not w.isascii())
    return [rf"(?<![\d.])(?P<scale_cjk>{word_alternation(bare_scales(vocab))})(?:(?P<unit_cjk>{units})(?P<level_cjk>{level})?|(?P<level_cjk_only>{level}))"]


def figure_words(vocab: dict) -> list[str]:
    return []


def ratio_alternatives(vocab: dict) -> list[str]:
    """百分之十七, 千分之三点六, 四成: percents in words, tried before the other forms."""
    raw = numerals.vocabulary().raw
    prefixes = word_alternation(raw["percent_prefixes"])
    tenths = word_alternation(raw["tenths"])
    run = han_numeral()
    return [rf"(?P<ratio_zh>{prefixes}{run}|{run}{tenths}(?:{run})?)", money_with_change()]


def mixed_numeral() -> str:
    """6万3千, 3亿5千万, 1万2千5百: Arabic digits between Chinese units, read whole (tried before the
    digits of '6万', so that its '3千' is not a figure of its own)."""
    raw = numerals.vocabulary().raw
    units = re.escape("".join(raw["small_units"]) + "".join(raw["big_units"]))
    return rf"(?<![\d.])(?P<words_mixed_zh>\d+(?:\.\d+)?[{units}]+(?:\d+[{units}]+)+)"


def money_with_change() -> str:
    """七块八, 八元四毛, 30元2角五分: yuan with jiao and fen after them (plain 30元 is an ordinary figure)."""
    raw = numerals.vocabulary().raw
    yuan, jiao, fen = ("".join(raw[key]) for key in (("yuan"), "jiao", "fen"))
    yuan += "".join(raw["kuai"])
    digit = rf"[{re.escape(''.join(raw['digits']) + ''.join(raw['zeros']))}\d]"
    return (rf"(?P<words_money_zh>(?:{han_numeral()}|\d+)[{yuan}](?:{digit}[{jiao}](?:{digit}[{fen}])?|{digit}[{fen}]|{digit}(?![{jiao}{fen}])))")


def ratio_value(match: re.Match) -> Decimal | None:
    if match.group("ratio_zh") is None:
        return None
    percent = numerals.percent_of(match.string, match.start("ratio_zh"))
    return percent.value if percent is not None and percent.end == match.end("ratio_zh") else None


def numeral_at(match: re.Match, group: str = "words_zh") -> numerals.Numeral | None:
    """The Han numeral of a match, when numerals.py reads exactly the span the pattern found."""
    numeral = numerals.read_numeral(match.string, match.start(group))
    return numeral if numeral is not None and numeral.end == match.end(group) else None


def number_of(match: re.Match) -> tuple[Decimal, Decimal] | None:
    """(number, rounding) of a Han numeral: '三百四十万' -> (3400000, 50000); '十几' -> (15.5, 4.5);
    of yuan with their change: '七块八' -> (7.8, 0.05)."""
    if match.group("words_money_zh") is not None:
        money = money_at(match)
        return money.value, money.unit_of_last_digit / 2
    if match.group("words_mixed_zh") is not None:
        numeral = numeral_at(match, "words_mixed_zh")
        return numeral.value, numeral.unit_of_last_digit / 2
    if match.group("words_zh") is None:
        return None
    numeral = numeral_at(match)
    if numeral.low != numeral.high:
        return (numeral.low + numeral.high) / 2, (numeral.high - numeral.low) / 2
    return numeral.value, numeral.unit_of_last_digit / 2


def money_at(match: re.Match) -> numerals.Numeral | None:
    money = numerals.money_units(match.string, match.start("words_money_zh"))
    return money if money is not None and money.end == match.end("words_money_zh") else None


def is_not_a_figure(text: str, match: re.Match, bare: bool, qualifier_of: dict) -> bool:
    """Han numerals that are not figures: words that hold one (一路, 十分), ordinals (第十届), years
    (二〇二四年), dates, and a bare 零, 一 or 两 (一个, 一项: 'a', not a count)."""
    if match.group("ratio_zh") is not None:
        return ratio_value(match) is None
    if match.group("words_money_zh") is not None:
        return money_at(match) is None
    if match.group("words_mixed_zh") is not None:
        return numeral_at(match, "words_mixed_zh") is None
    if match.group("words_zh") is None:
        return False
    numeral = numeral_at(match)
    if numeral is None:
        return True
    start, end = match.start("words_zh"), numeral.end
    if numerals.is_ordinal(text, start) or numerals.is_year(text, start, end) or numerals.is_date(text, start, end):
        return True
    if end - start == 4 and text[end : end + 1] in INTAKE_AFTER and all(c in numeral_characters()[0] for c in text[start:end]):
        return True  # 二〇二四级, 二〇二四届: an intake year, written digit by digit
    return bare and end - start == 1 and numeral.value in (0, 1, 2)


def sign_pattern(vocab: dict) -> str:
    """负15%, 負3.2%: a minus written before Arabic digits (a Han numeral carries its own sign)."""
    signs = [c for c in numerals.vocabulary().raw["signs"] if not c.isascii() and c.isalpha()]
    return rf"[{''.join(signs)}](?=\d)"


CLAUSE_END = re.compile(r"[，。；！？、,;]")
YUAN_WITH_CHANGE = re.compile(r"[元圆圓块塊].")


@functools.cache
def money_words() -> tuple[re.Pattern, tuple[str, ...]]:
    from .. import vocabulary

    vocab = vocabulary("figures")
    return re.compile(word_alternation(vocab["money_nouns"])), tuple(vocab["big_scales"])


def implicit_currency(text: str, start: int, end: int, surface: str) -> str:
    """'CNY' for a sum in 亿 with no currency whose clause is about money (规模近8000亿,
    千亿级产业基金); '' otherwise: 8000亿 alone may count anything."""
    nouns, scales = money_words()
    if YUAN_WITH_CHANGE.search(surface):
        return "CNY"  # 七块八: yuan and jiao, read whole
    if not any(scale in surface for scale in scales):
        return ""
    before = CLAUSE_END.split(text[max(0, start - 30) : start])[-1]
    after = CLAUSE_END.split(text[end : end + 30])[0]
    return "CNY" if nouns.search(before) or nouns.search(after) else ""


INTAKE_AFTER = ("级", "届")


def number_starts(vocab: dict) -> set[str]:
    """The characters a Han numeral or a percent in words can begin with."""
    raw = numerals.vocabulary().raw
    return (set(raw["digits"]) | set(raw["zeros"]) | set(raw["small_units"]) | set(raw["big_units"]) | set(raw["few"])
            | {c for c in raw["signs"] if not c.isascii() and c.isalpha()} | {p[0] for p in raw["percent_prefixes"]})
