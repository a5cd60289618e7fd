"""Chinese figure forms: Han numerals (三百四十万, 十几, 三千多), percents in words (百分之十七,
千分之三点六, 四成), a scale with no number (千亿元, 百亿级) and the 级 ("level") suffix.

The numbers themselves are read by numerals.py; this module says where they stand."""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from ...reader.patterns import word_alternation
from .. import HAN
from . import numerals


@functools.lru_cache(maxsize=8)
def has_han(text: str) -> bool:
    """Does `text` hold a Han character? The context words below all hold one (a test checks), so a
    sentence without any needs none of them looked for; kept for the few sentences read last, since
    each of their figures asks."""
    return HAN.search(text) is not None


def bare_scales(vocab: dict) -> list[str]:
    """Scales that state a figure alone: every Chinese scale (千亿元 is "a hundred billion yuan") but
    百, which does so only after a bound (近百家: bounded_scale); 百元 and 百米 name a banknote and a race."""
    return [word for word in vocab["scales"] if not word.isascii() and word not in vocab["bounded_scales"]["bound_only"]]


@functools.cache
def numeral_characters() -> tuple[str, str]:
    """(characters that carry a number, characters that may stand beside them in a numeral), escaped for a class."""
    raw = numerals.vocabulary().raw
    carrying = set(raw["digits"]) | set(raw["zeros"]) | set(raw["small_units"]) | set(raw["tens"])
    around = set(raw["big_units"]) | set(raw["points"]) | set(raw["few"]) | set(raw["more"])
    return re.escape("".join(sorted(carrying))), re.escape("".join(sorted(around - carrying)))


@functools.cache
def leading_characters() -> str:
    """The characters beside a number that may open a numeral before it (万亿, 几十): not 多 or 点,
    which only follow one (最多两百人 is 'at most 200')."""
    raw = numerals.vocabulary().raw
    leading = (set(raw["big_units"]) | set(raw["few"])) - set(raw["digits"]) - set(raw["zeros"]) - set(raw["small_units"]) - set(raw["tens"])
    return re.escape("".join(sorted(leading)))


def han_numeral() -> str:
    """A run of numeral characters holding at least one that carries a number (万 alone is a scale),
    or a vague digit before a big unit (数万, 几亿). The part before the carrying character excludes
    it, so the run is matched without backtracking, and begins only where such a run begins: tried
    at every character of a long run of 万, it would scan the rest of the run each time."""
    carrying, around = numeral_characters()
    raw = numerals.vocabulary().raw
    signs = "".join(c for c in raw["signs"] if not c.isascii() and c.isalpha())
    few, big, zeros, digits, more = (re.escape("".join(raw[key])) for key in ("few", "big_units", "zeros", "digits", "more"))
    # a zero before a digit begins a code or a short year (〇八年), or ends a word (找零贰拾元): no numeral
    leading = leading_characters()
    unit = unit_opening_with_numeral()  # 五千瓦 is five kilowatts: the numeral stops before the unit's 千
    # 人数二十人, 接待人数十二万: the 数 of a noun of counting is no vague digit (数十 is 'several tens' elsewhere)
    nouns = re.escape("".join(raw["few_not_after"]))
    few_here = rf"(?<![{nouns}])[{few}]"
    not_few = re.escape("".join(sorted(set(numerals.vocabulary().raw["few"]))))
    lead = rf"(?:[{leading}](?<![{not_few}])|{few_here})"
    return (rf"[{re.escape(signs)}]?(?![{zeros}][{digits}])"
            rf"(?:(?:(?<![{around}]){lead}+)?[{carrying}](?:{unit}[{carrying}{around}])*|{few_here}[{big}]+"
            rf"|(?<![{carrying}{around}])[{big}][{more}](?![{carrying}]))")  # 万余人: ten thousand odd


@functools.cache
def unit_opening_with_numeral() -> str:
    """A guard against the physical units whose first character is a numeral character (千瓦, 千米, 千克)."""
    from .. import vocabulary

    characters = set(numerals.vocabulary().raw["small_units"]) | set(numerals.vocabulary().raw["big_units"])
    opening = [word for word in vocabulary("units")["words"] if len(word) > 1 and word[0] in characters]
    return f"(?!{word_alternation(opening)})" if opening else ""


def number_words_pattern(vocab: dict) -> str:
    return ""  # Han numerals have a group of their own: see number_alternatives


def number_alternatives(vocab: dict) -> list[str]:
    return [mixed_numeral(), rf"(?P<words_zh>{han_numeral()})"]


def level_suffix(vocab: dict) -> str:
    """百亿级, 百亿元级 (a level: 级 right after a scale word, or a scale and its unit); ':1' after the first
    term of a ratio (2.31:1), read only where a ratio is named (is_ratio). A 级 after a plain number is a
    grade or a magnitude (5级地震, 三级医院): see is_grade."""
    level = word_alternation(w for w in vocab["level_words"] if not w.isascii())
    ends = scale_ends(vocab)
    after_scale = rf"(?:(?<=[{ends}])|(?<=[{ends}][\u4e00-\u9fff])|(?<=[{ends}][\u4e00-\u9fff]{{2}}))"
    return rf"{after_scale}(?P<level_ji>{level})|(?P<ratioto_zh>[:：∶]1(?![\d.．]))"


def scale_ends(vocab: dict) -> str:
    """The last characters of the Chinese scale words (亿 of 百亿, 万 of 千万), escaped for a class."""
    return re.escape("".join(sorted({word[-1] for word in bare_scales(vocab)})))


@functools.cache
def ratio_noun() -> re.Pattern:
    from .. import vocabulary

    vocab = vocabulary("figures")
    not_after = re.escape("".join(vocab["ratio_not_after"]))
    return re.compile(rf"(?:{word_alternation(vocab['ratio_nouns'])})(?![{not_after}])")


def is_ratio(text: str, start: int) -> bool:
    """Does the clause before `start` name a ratio (城乡居民收入比为2.31)?"""
    if start == 0 or text[start - 1].isascii():
        return False
    window = text[max(0, start - 30) : start]
    if not any(last in window for last in ratio_noun_ends()):
        return False
    return ratio_noun().search(CLAUSE_END.split(window)[-1]) is not None


@functools.cache
def ratio_noun_ends() -> frozenset[str]:
    """The last characters of the ratio nouns: a window holding none of them names no ratio."""
    from .. import vocabulary

    return frozenset(noun[-1] for noun in vocabulary("figures")["ratio_nouns"])


def ratio_name(text: str) -> str:
    """The ratio the clause at the end of `text` names, with the noun phrase before it:
    '全市城乡居民收入比为' -> '城乡居民收入比', '出生人口性别比为' -> '出生人口性别比'; '' for none."""
    from .phrases import noun_before

    clause = CLAUSE_END.split(text[-60:])[-1]
    found = list(ratio_noun().finditer(clause))
    if not found:
        return ""
    return noun_before(clause[: found[-1].start()]) + found[-1].group(0)


def ratio_kind(text: str, match: re.Match, unit: str) -> str | None:
    """'share' for a bare number that states a ratio (see is_ratio): a proportion, not a count; and so
    is a multiple of another figure (是去年的3倍, 相当于全国的两倍: a ratio of the two, as English reads
    "three times"); a multiple after a change word is a growth (增长了2倍), read before this."""
    if unit != "count":
        return None
    if match.group("ratioto_zh") or is_ratio(text, match.start()) or is_multiple_of(text, match.end()):
        return "share"
    return None


def is_multiple_of_another(text: str, start: int, end: int) -> bool:
    """是去年的3倍, 为上年同期的近1.8倍: a multiple of a figure named before it (的, then perhaps a bound);
    市盈率为32.6倍 is the ratio itself."""
    from .. import vocabulary

    return is_multiple_of(text, end) and follows_a_base(text, start)


def follows_a_base(text: str, start: int) -> bool:
    """Does 的 (perhaps with a bound after it) stand right before `start` (是去年的3倍, 相当于全国的九成)?"""
    from .. import vocabulary

    vocab = vocabulary("figures")
    bounds = tuple(w for words in vocab["qualifiers"].values() for w in words if not w.isascii())
    before = text[max(0, start - 6) : start]
    trimmed = next((before[: -len(b)] for b in sorted(bounds, key=len, reverse=True) if before.endswith(b)), before)
    return trimmed.endswith(vocab["multiple_of"])


def is_relative_level(text: str, start: int) -> bool:
    """相当于全国平均水平的九成: a percent of another figure after 相当于 and 的 is a ratio of two levels, no
    share of a whole (占全国的三成 is one)."""
    from .. import vocabulary

    if not follows_a_base(text, start):
        return False
    vocab = vocabulary("figures")
    clause = CLAUSE_END.split(text[max(0, start - MULTIPLE_REACH) : start])[-1]
    openers = [(clause.rfind(word), word) for word in vocab["relative_openers"] if word in clause]
    if not openers:
        return False
    at, word = max(openers)
    base = clause[at + len(word) : clause.rfind(vocab["multiple_of"])]
    return base not in vocab["wholes"]  # 相当于全省的三成 is a share of the province


MULTIPLE_REACH = 30  # characters before a multiple searched for the verb that opens its base


def multiple_base_at(text: str, start: int) -> int:
    """Where the base of a multiple at `start` begins (the 是 of 是全国平均水平的2倍, the 相当于 of
    相当于上年的1.5倍): what is after it is what the figure is a multiple of, not whose figure it is; -1
    when the number at `start` is no multiple of another figure."""
    number = MULTIPLE_NUMBER.match(text, start)
    if number is None or not (is_multiple_of_another(text, start, number.end()) or is_relative_level(text, start)):
        return -1
    window_start = max(0, start - MULTIPLE_REACH)
    clause = max((m.end() for m in CLAUSE_END.finditer(text, window_start, start)), default=window_start)
    found = [m for m in multiple_openers().finditer(text, clause, start)]
    return found[-1].start() if found else -1


@functools.cache
def multiple_openers() -> re.Pattern:
    from .. import vocabulary

    return re.compile(word_alternation(vocabulary("figures")["multiple_openers"]))


def is_multiple_of(text: str, end: int) -> bool:
    """Does 倍 follow the number (3倍, 三倍多, 1.5倍左右)?"""
    from .. import vocabulary

    return text.startswith(vocabulary("figures")["times_word"], end) and has_han(text)


def figure_alternatives(vocab: dict, unit_words: list[str]) -> list[str]:
    """千亿元, 百亿级, 千亿元级: an order of magnitude with no number."""
    level = word_alternation(w for w in vocab["level_words"] if not w.isascii())
    units = word_alternation(w for w in unit_words if not w.isascii())
    return [rf"(?<![\d.])(?P<scale_cjk>{word_alternation(bare_scales(vocab))})(?:(?P<unit_cjk>{units})(?P<level_cjk>{level})?|(?P<level_cjk_only>{level}))"]


def bounded_scale(vocab: dict) -> str:
    """近万家, 逾千人: a scale alone after a bound, before what it counts, is one unit of that scale."""
    words = vocab["bounded_scales"]
    after, counted = (re.escape("".join(words[key])) for key in ("after", "counted"))
    measure = "".join(re.escape(w) for w in vocab["classifiers"] + vocab["counting_measure_words"] if len(w) == 1)
    not_after = "".join(f"(?<!{re.escape(word)})" for word in words["not_after"])  # 附近万家超市: no bound
    idioms = word_alternation(w for w in numerals.vocabulary().raw["not_numerals"] if w.startswith(tuple(words["scales"])))
    return rf"(?<=[{after}]){not_after}(?!{idioms})(?P<scale_counted_zh>{word_alternation(words['scales'])})(?=[{measure}{counted}])"


def passed_scale(vocab: dict) -> str:
    """破万亿, 用户数过亿: a scale alone after a word of passing it, ending its clause (or before a measure
    word or 大关), is one unit of that scale; the bound is read by passing_bound."""
    words = vocab["passing_bounds"]
    passing = re.escape("".join(words["words"]))
    not_after = re.escape("".join(words["not_after"]))
    measure = "".join(re.escape(w) for w in vocab["classifiers"] + vocab["counting_measure_words"] if len(w) == 1)
    scales = word_alternation(w for w in vocab["scales"] if not w.isascii())
    ends = re.escape(words["clause_ends"])
    counted = re.escape("".join(vocab["bounded_scales"]["counted"]))
    adverbs = "".join(f"|(?<={re.escape(word)}[{passing}])" for word in words["adverbs_before"])  # 已经过亿: 已经, then 过
    return (rf"(?:(?<=[{passing}])(?<![{not_after}][{passing}]){adverbs})(?P<scale_passed_zh>{scales})"
            rf"(?=[{measure}{counted}{ends}]|$|{word_alternation(words['landmarks'])})")


def passing_bound(text: str, start: int, end: int) -> str | None:
    """破十亿, 过亿, 票房破10亿: a word of passing right before a figure makes it a lower bound (over), as
    突破 does; 过 only before a figure with a scale (去过3次 is an aspect), and neither after a verb
    that makes it part of another word (打破, 通过, 经过, 超过 is read as a bound of its own)."""
    from .. import vocabulary

    words = vocabulary("figures")["passing_bounds"]
    if not start or text[start - 1] not in words["words"]:
        return None
    if text[max(0, start - 2) : start - 1] in words["not_after"] and not text.endswith(tuple(words["adverbs_before"]), 0, start - 1):
        return None
    surface = text[start:end]
    if text[start - 1] not in words["any_figure"] and not any(c in words["scale_characters"] for c in surface):
        return None
    return "over"


def figure_words(vocab: dict) -> list[str]:
    return []


def ratio_alternatives(vocab: dict) -> list[str]:
    """百分之十七, 千分之三点六, 四成, 三分之一: percents in words, tried before the other forms."""
    raw = numerals.vocabulary().raw
    prefixes = word_alternation(raw["percent_prefixes"])
    tenths = word_alternation(raw["tenths"])
    half = re.escape(raw["half"])
    run = han_numeral()
    signs = "".join(c for c in raw["signs"] if not c.isascii() and c.isalpha())
    fraction = re.escape(raw["fraction_word"])
    part = rf"(?:{run}|(?<![\d.])\d{{1,3}}(?![\d.]))"  # 三分之一, 3分之1
    discount = rf"{word_alternation(raw['discount'])}(?!{word_alternation(w[1:] for w in raw['discount_not_before'])})"
    more = word_alternation(raw["more"])  # 三成多: some tenths and a part of one more
    digit_tenths = rf"(?<![\d.])\d{tenths}(?:{run}|{half}|{more})?"  # 3成, 3成半, 3成多
    digit_discount = rf"(?<![\d.])\d{{1,2}}(?:\.\d)?{discount}"  # 8折, 8.5折, 95折
    return [rf"(?P<ratio_zh>[{re.escape(signs)}]?{prefixes}{run}|{run}{tenths}(?:{run}|{half}|{more})?|{digit_tenths}|{run}{discount}|{digit_discount}"
            rf"|{part}{fraction}{part})", money_with_change(),
            *multiples(vocab), bounded_scale(vocab), passed_scale(vocab)]


def multiples(vocab: dict) -> list[str]:
    """增长了一倍 / 上涨1.5倍 (a change of N times: +N x 100%, only right after a change word; 是去年的2倍
    is a level), 翻一番 / 翻两番 (doubled N times), 一半 / 半数 (half)."""
    run = han_numeral()
    times = re.escape(vocab["times_word"])
    multiple = rf"(?:{run}|\d+(?:\.\d+)?)"
    joiners = word_alternation(vocab["range_joiners"])
    written = rf"{multiple}(?:{times}?(?:{joiners}){multiple})?{times}"  # 2倍, 3至5倍, 3倍至5倍
    doubling = vocab["doubling"]
    between = word_alternation(doubling["between"])
    # the change word, then a 了 or a bound (增长了近2倍, 增长超过1倍): the bound is read before the figure
    return [rf"(?={written})(?:{after_change(vocab)})(?P<growth_zh_times>{written})",
            rf"(?P<growth_zh_doublings>{re.escape(doubling['before'])}(?:{between})?(?:{run})?{re.escape(doubling['after'])})",
            rf"(?:{bounded_doubling(vocab)})(?P<growth_zh_doublings_bounded>{run}{re.escape(doubling['after'])})",
            rf"(?P<ratio_zh_half>{word_alternation(vocab['half_words'])})", unchanged(vocab), passed_half(vocab), slash_fraction(vocab)]


def slash_fraction(vocab: dict) -> str:
    """近1/4的企业, 占比超过1/3。: a fraction written with a slash, a proper one of a small denominator, before 的, a
    bound after it or the end of its clause, is a share (3/15晚会 names an evening)."""
    words = vocab["slash_fractions"]
    after, ends = word_alternation(words["after"]), re.escape(words["ends"])  # full-width ends: 'Episodes 1/3, 2/3' is English
    return rf"(?<![\d./／])(?P<ratio_zh_slash>[1-9][/／][1-9]\d?)(?![\d./／])(?=(?:{after})|[{ends}])"


def passed_half(vocab: dict) -> str:
    """盈利面过半, 投票过半。: 半 alone after a word of passing, ending its clause, is over half (过半年 is a time)."""
    words = vocab["passing_bounds"]
    passing, ends = re.escape("".join(words["words"])), re.escape(words["clause_ends"])
    times = re.escape("".join(words["half_not_after"]))  # 一年过半, 时间过半: time has passed, no share
    return rf"(?<=[{passing}])(?<![{times}][{passing}])(?P<ratio_zh_halfpassed>{re.escape(words['half'])})(?=[{ends}]|$)"


def bounded_doubling(vocab: dict) -> str:
    """Lookbehinds for 翻 (and 了) with a bound after it (翻了近一番, 翻将近两番): the figure begins at its
    count, so the bound is read before it as before any figure; one lookbehind per length."""
    doubling = vocab["doubling"]
    bounds = [w for q in MULTIPLE_BOUNDS for w in vocab["qualifiers"][q] if not w.isascii()]
    cues = {doubling["before"] + tail + bound for tail in ["", *doubling["between"]] for bound in bounds}
    by_length: dict[int, list[str]] = {}
    for cue in cues:
        by_length.setdefault(len(cue), []).append(cue)
    return "|".join(f"(?<={word_alternation(words)})" for _, words in sorted(by_length.items(), reverse=True))


def unchanged(vocab: dict) -> str:
    """同比持平, 与上年持平, 零增长: a change of nothing, read as a growth of 0% (保持平稳 keeps no figure)."""
    flat = vocab["unchanged"]
    by_length: dict[int, list[str]] = {}
    for cue in flat["after"]:
        by_length.setdefault(len(cue), []).append(cue)
    after = "|".join(f"(?<={word_alternation(words)})" for _, words in sorted(by_length.items(), reverse=True))
    not_before = re.escape("".join(flat["not_before"]))
    return (rf"(?P<growth_zh_flat>(?:{after})(?:{word_alternation(flat['words'])})(?![{not_before}])"
            rf"|{word_alternation(flat['zero_growth'])})")


def after_change(vocab: dict) -> str:
    """Lookbehinds for a change word, a 了 and a bound after it (增长, 增长了, 增长近, 增长了超过): one per
    length, each an alternation of that length's words, so the test costs a few lookbehinds, tried
    only where a multiple follows."""
    bounds = ["", *(w for q in MULTIPLE_BOUNDS for w in vocab["qualifiers"][q] if not w.isascii())]
    cues = {w + tail + bound for w in vocab["growth_words"] if not w.isascii() for tail in ["", *vocab["times_after"]] for bound in bounds}
    by_length: dict[int, list[str]] = {}
    for cue in cues:
        by_length.setdefault(len(cue), []).append(cue)
    return "|".join(f"(?<={word_alternation(words)})" for _, words in sorted(by_length.items(), reverse=True))


SLASH_DENOMINATOR = 10  # the largest denominator of a share written with a slash (1/3, 3/10); 1/15 may be a date
MULTIPLE_BOUNDS = ("nearly", "over", "about", "under", "at_least")  # 增长近2倍, 增长超过1倍, 增长约3倍, 增长不到一倍
HUNDRED = Decimal(100)


def multiple_number(match: re.Match) -> tuple[Decimal, Decimal] | None:
    """(percent, rounding) of a multiple or a half (see multiples)."""
    groups = match.groupdict()
    if groups.get("ratio_zh_half") or groups.get("ratio_zh_halfpassed"):
        return Decimal(50), Decimal("0.5")
    if groups.get("ratio_zh_slash"):
        numerator, denominator = (int(part) for part in re.split("[/／]", groups["ratio_zh_slash"]))
        if not 0 < numerator < denominator or denominator > SLASH_DENOMINATOR:
            return None  # 5/3, 1/31: no share
        return HUNDRED * numerator / denominator, Decimal("0.5")
    if groups.get("growth_zh_flat"):
        return Decimal(0), Decimal("0.05")  # unchanged, as a rate is written to a tenth of a percent
    if groups.get("growth_zh_times"):
        ends = [multiple_of(part) for part in times_range_parts(groups["growth_zh_times"][:-1])]
        if any(end is None for end in ends):
            return None
        if len(ends) == 2:  # 增长3至5倍: the middle of the range, spanning it (qualifier_around calls it a range)
            (low, _), (high, _) = ends
            return (low + high) / 2, (high - low) / 2 if low < high else None
        return ends[0]
    doublings = groups.get("growth_zh_doublings") or groups.get("growth_zh_doublings_bounded")
    if doublings:
        between = "".join(c for c in doublings[:-1] if numerals.is_numeral_char(c, numerals.vocabulary()))
        times = numerals.read_numeral(between) if between else None
        count = times.value if times is not None and times.end == len(between) else Decimal(1 if not between else 0)
        if not count or count > 10:
            return None
        return (2 ** int(count) - 1) * HUNDRED, Decimal("0.5")
    return None


def multiple_of(written: str) -> tuple[Decimal, Decimal] | None:
    """(percent, rounding) of a change of `written` times: '1.5' -> (150, 5); '一' -> (100, 0.5)."""
    number = numerals.read_numeral(written)
    if number is None or number.end != len(written) or number.approximate:
        return None
    whole = number.value == number.value.to_integral_value()  # 增长了一倍 is doubled, to the percent
    return number.value * HUNDRED, Decimal("0.5") if whole else number.unit_of_last_digit / 2 * HUNDRED


@functools.cache
def times_joiners() -> re.Pattern:
    from .. import vocabulary

    vocab = vocabulary("figures")
    return re.compile(rf"{re.escape(vocab['times_word'])}?(?:{word_alternation(w for w in vocab['range_joiners'] if not w.isascii())})")


def times_range_parts(written: str) -> list[str]:
    """'3至5' -> ['3', '5'], '3倍至5' -> ['3', '5'], '2' -> ['2']."""
    return times_joiners().split(written, maxsplit=1)


def is_times_range(surface: str) -> bool:
    """增长3至5倍: a multiple written as a range."""
    from .. import vocabulary

    return surface.endswith(vocabulary("figures")["times_word"]) and len(times_range_parts(surface[:-1])) == 2


def mixed_numeral() -> str:
    """6万3千, 3亿5千万, 1万2千5百, 1万亿零520亿: Arabic digits between Chinese units (a zero may stand before them), read whole (tried before the
    digits of '6万', so that its '3千' is not a figure of its own). So are digits with 多/余 and the
    units after them (3000多亿 is 300-400 billion, 10多万 100,000-200,000, 2.5万余 25,000-26,000: 多
    adds up to one unit of the last stated digit, which must be a round one), and 兆 as 10^12 (2.8兆元;
    before a unit of measure it is mega, read by the unit: 5兆瓦)."""
    raw = numerals.vocabulary().raw
    units = re.escape("".join(raw["small_units"]) + "".join(raw["big_units"]))
    more = re.escape("".join(raw["more"]))
    zeros = re.escape("".join(raw["zeros"]))
    mega = re.escape(raw["mega"])
    not_measure = word_alternation(raw["mega_before"])
    return (rf"(?<![\d.])(?P<words_mixed_zh>\d+(?:\.\d+)?[{units}]+(?:[{zeros}]?\d+[{units}]+)+[{more}]?"
            rf"|\d*(?![0０])\d[0０]+[{more}][{units}]*|\d+(?:\.\d+)?[{units}]+[{more}][{units}]*"
            rf"|\d+(?:\.\d+)?{mega}(?!{not_measure}))")


def money_with_change() -> str:
    """七块八, 八元四毛, 30元2角五分: yuan with jiao and fen after them (plain 30元 is an ordinary figure)."""
    raw = numerals.vocabulary().raw
    yuan, jiao, fen = ("".join(raw[key]) for key in (("yuan"), "jiao", "fen"))
    kuai = re.escape("".join(raw["kuai"]))
    yuan += "".join(raw["kuai"])
    digit = rf"[{re.escape(''.join(raw['digits']) + ''.join(raw['zeros']))}\d]"
    zeros = re.escape(''.join(raw['zeros']))
    money_word, money_end = (re.escape("".join(raw[key])) for key in ("money_word", "money_end"))
    # "十四元一斤" is 14 yuan a jin: a digit after 元 with a measure word after it counts that, not jiao
    per = "".join(re.escape(word) for word in per_unit_words() if len(word) == 1)
    renminbi = word_alternation(w for w in renminbi_words() if not w.isascii())  # 人民币四百五十六元七角八分
    return (rf"(?:{renminbi})?(?P<words_money_zh>(?:{han_numeral()}|\d+)[{yuan}](?:[{zeros}]?{digit}[{jiao}](?:{digit}[{fen}]?)?|[{zeros}]?{digit}[{fen}]|{digit}(?![{jiao}{fen}{per}]))"
            rf"|(?:{han_numeral()}|\d+)[{yuan}][{money_end}]|(?:{han_numeral()}|\d+)[{kuai}](?={CLAUSE_END.pattern}|$)"
            rf"|{digit}[{jiao}](?:{digit}[{fen}]?|[{money_word}])|{digit}[{fen}][{money_word}])")


def renminbi_words() -> list[str]:
    from .. import vocabulary as language_vocabulary

    return language_vocabulary("figures")["renminbi_words"]


def per_unit_words() -> list[str]:
    """The measure words and units a price may be 'per' ('十四元一斤', '三元一个')."""
    from .. import vocabulary as language_vocabulary

    vocab = language_vocabulary("figures")
    return vocab["classifiers"] + vocab["counting_measure_words"] + list(language_vocabulary("units")["words"])


def ratio_value(match: re.Match) -> Decimal | None:
    read = ratio_number(match)
    return None if read is None else read[0]


def ratio_number(match: re.Match) -> tuple[Decimal, Decimal] | None:
    """(percent, rounding) of a percent in words: 百分之二点六四 -> (2.64, 0.005), 百分之十 -> (10, 0.5), 七八成 -> (80, 10)
    (the middle of 70-90), 负百分之二点五 -> (-2.5, 0.05)."""
    if match.group("ratio_zh") is None:
        return multiple_number(match)
    start = match.start("ratio_zh")
    negative = match.string[start] in numerals.vocabulary().signs
    percent = numerals.percent_of(match.string, start + negative)
    if percent is None or percent.end != match.end("ratio_zh"):
        return None
    if percent.approximate:
        value, rounding = (percent.low + percent.high) / 2, (percent.high - percent.low) / 2
    else:
        value, rounding = percent.value, percent.unit_of_last_digit / 2
        if any(match.string.startswith(prefix, start + negative) for prefix in numerals.vocabulary().raw["percent_prefixes"]):
            rounding = min(rounding, Decimal("0.5"))  # 百分之十 is 10%, as written to the percent (四成 is to the tenth)
    return (-value if negative else value), rounding


def numeral_at(match: re.Match, group: str = "words_zh") -> numerals.Numeral | None:
    """The Han numeral of a match, when numerals.py reads exactly the span the pattern found."""
    numeral = numerals.read_numeral(match.string, match.start(group))
    if numeral is not None and numeral.end > match.end(group) and unit_opening_with_numeral():
        # 五千瓦: the pattern stopped before a unit's 千 the numeral reader would take; read the span alone
        numeral = numerals.read_numeral(match.string[: match.end(group)], match.start(group))
    return numeral if numeral is not None and numeral.end == match.end(group) else None


def number_of(match: re.Match) -> tuple[Decimal, Decimal] | None:
    """(number, rounding) of a Han numeral: '三百四十万' -> (3400000, 50000); '十几' -> (15.5, 4.5);
    of yuan with their change: '七块八' -> (7.8, 0.05)."""
    if match.group("words_money_zh") is not None:
        money = money_at(match)
        return money.value, money.unit_of_last_digit / 2
    if match.group("words_mixed_zh") is not None:
        numeral = numeral_at(match, "words_mixed_zh")
    elif match.group("words_zh") is not None:
        numeral = numeral_at(match)
    else:
        return None
    if numeral is None:
        return bound_only_scale(match.group(0)) or lone_scale(match)
    if numeral.low != numeral.high:
        low, high = numeral.low, closed_high(numeral)
        return (low + high) / 2, (high - low) / 2
    return numeral.value, numeral.unit_of_last_digit / 2


def bound_only_scale(written: str) -> tuple[Decimal, Decimal] | None:
    """百 read alone, as a claims file keeps the figure of 近百家: a hundred (its bound is kept apart)."""
    from .. import vocabulary

    vocab = vocabulary("figures")
    if written not in vocab["bounded_scales"]["bound_only"]:
        return None
    return Decimal(str(vocab["scales"][written])), Decimal("0.5")


def lone_scale(match: re.Match) -> tuple[Decimal, Decimal] | None:
    """千元, 百元, 千吨级: a scale alone before its unit (or a level word) is one of that unit, to the
    scale (人均增收千元以上, 千元级手机 an order of magnitude, like 千亿级); alone it begins no numeral."""
    from .. import vocabulary

    words = match.group("words_zh")
    raw = numerals.vocabulary().raw
    if words is None or len(words) != 1 or words not in raw["leading_units"] or not (match.group("unit") or match.group("level_ji")):
        return None
    physical = vocabulary("units")["words"]
    if match.group("unit") in physical and not match.group("level_ji") or match.string.startswith(tuple(physical), match.start()):
        return None  # 百米赛跑 names a race; 千瓦时 is a unit alone (千吨级 is still a level)
    if is_unit_label(match.string, match.start()) or match.string.startswith(tuple(vocabulary("figures")["banknotes"]), match.end()):
        return None  # 一张百元大钞 names a note
    value = Decimal(raw["small_units"][words]) if words in raw["small_units"] else None
    return (value, value / 2) if value else None


def is_unit_label(text: str, start: int) -> bool:
    """单位：万元, 以千元计: a scale and its unit that label a table's figures, no figure of their own."""
    from .. import vocabulary

    labels = vocabulary("figures")["unit_labels"]
    before = text[max(0, start - 6) : start].rstrip()
    return before.endswith(tuple(labels["before"])) or (before.endswith(tuple(labels["by"])) and any(
        text.startswith(word, start + 1, start + 6) or word in text[start : start + 6] for word in labels["by_after"]))


def closed_high(numeral: numerals.Numeral) -> Decimal:
    """The top of a vague numeral's interval, which numerals.py gives half-open. A pair of digits
    names its two values (两三 is 2-3, 七八千 7000-8000, 三四十 30-40); a vague last digit names
    whole numbers (十几 is 11-19); at a higher place it spans the whole unit (几十 is 10-100, 数十亿
    1e9-1e10: several tens, written rounder than 十几, and read as widely); and so does 多 / 余 (3000多
    is 3000-4000)."""
    v = numerals.vocabulary()
    place = numeral.unit_of_last_digit
    if any(c in v.more for c in numeral.text):
        return numeral.high
    if any(c in v.few for c in numeral.text):
        return numeral.high - 1 if place == 1 else numeral.high
    return numeral.high - place


def money_at(match: re.Match) -> numerals.Numeral | None:
    money = numerals.money_units(match.string, match.start("words_money_zh"))
    return money if money is not None and money.end == match.end("words_money_zh") else None


def is_not_a_figure(text: str, match: re.Match, bare: bool, qualifier_of: dict) -> bool:
    """Han numerals that are not figures: words that hold one (一路, 十分), ordinals (第十届), years
    (二〇二四年, 公元前221年), dates, intake years (2024级), and a bare 零, 一 or 两 (一个, 一项: 'a',
    not a count; but 两家银行 and 两到三万元 count). Any number in an identifier (邮编：310000),
    a clock time (10时30分), a name (二十一世纪) or a line of page furniture (下一篇：...)."""
    han = has_han(text)
    if han and (is_furniture(text, match.start()) or is_grade(text, match) or is_address(text, match.end())):
        return True
    if han and (is_denominator(text, match.start(), match.end()) or match.group("scale_cjk") and is_per_output(text, match.start(), match.end())):
        return True
    if han and match.group("scale_cjk") and is_unit_label(text, match.start()):
        return True
    if han and not is_percent_match(match) and is_threshold(text, match.start(), match.end()):
        return True
    ratio, money, mixed, digits, words = match.group("ratio_zh", "words_money_zh", "words_mixed_zh", "digits", "words_zh")
    if match.group("ratioto_zh") and not (is_ratio(text, match.start()) or text.strip() == match.group(0)):
        return True  # 3:1 as a score or a time; a claims file's value '2.31:1' is read alone
    if ratio is not None:
        return ratio_value(match) is None
    if any(multiple_groups(match)):
        return multiple_number(match) is None
    if money is not None:
        return money_at(match) is None
    if mixed is not None:
        return numeral_at(match, "words_mixed_zh") is None
    if digits is not None:
        start, end = match.start("digits"), match.end("digits")
        if not han:  # of the tests of bare digits, only an identifier's label may be written without Han ('QQ')
            return is_heading_number(text, start, end) or (bare and is_identifier(text, start, end - start))
        return is_heading_number(text, start, end) or bare_number_is_not_a_figure(text, start, end, bare, digits)
    if words is None:
        return False
    numeral = numeral_at(match)
    if numeral is None:
        return lone_scale(match) is None or is_per_output(text, match.start(), match.end())
    start, end = match.start("words_zh"), numeral.end
    if is_heading_number(text, start, end) or is_price_unit(text, match, numeral):
        return True
    if numerals.is_ordinal(text, start) or numerals.is_year(text, start, end) or numerals.is_date(text, start, end):
        return True
    if bare and is_listed_ordinal(text, start, end):
        return True
    if end - start == 4 and text[end : end + 1] in INTAKE_AFTER and all(c in numeral_characters()[0] for c in text[start:end]):
        return True  # 二〇二四级, 二〇二四届: an intake year, written digit by digit
    if bare and (is_name_or_time(text, start, end) or is_day_of_month(text, start, end) or is_identifier(text, start) or in_byline(text, start) or is_age_bracket(text, end, start)):
        return True
    if bare and opens_a_name_word(text, start, end):
        return True
    return bare and end - start == 1 and numeral.value in (0, 1, 2) and not counts_after(text, end, numeral.value)


def is_percent_match(match: re.Match) -> bool:
    """A percent, in words or with a sign: 两成以上的企业 is a share of the firms, never a threshold."""
    return bool(match.group("ratio_zh") or match.group("ratio_zh_half") or match.group("ratio_zh_halfpassed") or match.group("ratio_zh_slash")) or (match.group("unit") or "") in PERCENT_SIGNS


PERCENT_SIGNS = frozenset({"%", "％", "‰"})
THRESHOLD_NOUN_REACH = 2  # characters of what is counted between a size and its bound (百万人口以上城市)


def is_threshold(text: str, start: int, end: int) -> bool:
    """亿元以上项目, 年营收超百亿元的企业: a size bounding a class of things named after it, not a figure."""
    words = context_words()["thresholds"]
    after = text[end : end + THRESHOLD_NOUN_REACH + 3]
    bound = next((at + len(w) for at in range(THRESHOLD_NOUN_REACH + 1) for w in words["after"]
                  if after.startswith(w, at) and all(HAN.match(c) for c in after[:at])), -1)
    if bound < 0:
        if not text[max(0, start - 3) : start].endswith(words["before"]):
            return False
        bound = 0
    rest = text[end + bound : end + bound + 8]
    if bound and rest.startswith(words["attributive"]):
        return True  # 2000万元以上的批发业企业
    rest = rest.removeprefix(words["attributive"])
    return rest.startswith(words["nouns"])


DENOMINATOR_REACH = 30  # characters after the number where its clause states what is per it


def is_denominator(text: str, start: int, end: int) -> bool:
    """每10股派发现金红利4.5元, 每10万人口中拥有大学文化程度的15467人: a number right after 每 with a
    figure after it in its clause is what that figure is per, not a quantity of its own."""
    if not text.endswith(context_words()["per"], 0, start):
        return False
    clause = CLAUSE_END.split(text[end : end + DENOMINATOR_REACH])[0]
    return price_after().search(clause) is not None or any(c.isdigit() for c in clause) or any(
        numerals.is_numeral_char(c, numerals.vocabulary()) for c in clause)


def is_per_output(text: str, start: int, end: int) -> bool:
    """万元GDP能耗, 每万元地区生产总值: a scale of yuan with no number, after 每 or before the output an
    intensity is measured per, is the ratio's unit."""
    words = context_words()["per_output"]
    return text.endswith(words["before"], 0, start) or text.startswith(words["nouns"], end)


def is_grade(text: str, match: re.Match) -> bool:
    """A number right before 级 with no scale word (5级地震, 三级医院, 十级大风) is a grade or a magnitude,
    part of what it names: no figure. After a scale word 级 is an order of magnitude (百亿级, level_suffix)."""
    return text[match.end() : match.end() + 1] in level_words() and not match.group("level_ji")


@functools.cache
def level_words() -> frozenset[str]:
    from .. import vocabulary

    return frozenset(w for w in vocabulary("figures")["level_words"] if not w.isascii())


def is_price_unit(text: str, match: re.Match, numeral: numerals.Numeral) -> bool:
    """一斤苹果八元四毛, 一吨钢材四千元: one unit of measure before the price its clause states, or
    right after it (十四元一斤), is what the price is per, not a quantity."""
    if numeral.value != 1 or numeral.end - match.start("words_zh") != 1 or match.group("unit") not in measure_words():
        return False
    if price_after().search(text, max(0, match.start() - 2), match.start()):
        return True
    return price_after().search(CLAUSE_END.split(text[match.end() : match.end() + 20])[0]) is not None


@functools.cache
def measure_words() -> frozenset[str]:
    from .. import vocabulary

    return frozenset(vocabulary("units")["words"])


@functools.cache
def price_after() -> re.Pattern:
    """A number of yuan: what a price states."""
    raw = numerals.vocabulary().raw
    numeral = re.escape("".join(raw["digits"]) + "".join(raw["zeros"]) + "".join(raw["small_units"]) + "".join(raw["tens"]))
    return re.compile(rf"[\d{numeral}][{re.escape(''.join(raw['yuan'] + raw['kuai']))}]")


MULTIPLE_GROUPS = ("growth_zh_times", "growth_zh_doublings", "growth_zh_doublings_bounded", "ratio_zh_half", "growth_zh_flat", "ratio_zh_halfpassed",
                   "ratio_zh_slash")


def multiple_groups(match: re.Match) -> tuple[str | None, ...]:
    """The text of each group of a multiple or a half (see multiples) in the match, read in one call
    (not match.groupdict(), which builds a dict of every group of the pattern); a pattern without
    them has none."""
    try:
        return match.group(*MULTIPLE_GROUPS)
    except IndexError:
        return tuple(match.group(name) for name in MULTIPLE_GROUPS if name in match.re.groupindex)


ORDINAL_LIST = re.compile(r"第[一二三四五六七八九十]{1,3}(?:、[一二三四五六七八九十]{1,3})*、$")


def is_listed_ordinal(text: str, start: int, end: int) -> bool:
    """'第一、二、三产业': a numeral listed after an ordinal is one too; '三产业' names an industry."""
    from .. import vocabulary

    if text.startswith(tuple(vocabulary("figures")["ordinal_heads"]), end) and end - start == 1:
        return True
    return ORDINAL_LIST.search(text, max(0, start - 16), start) is not None


YEAR_DIGITS = re.compile(r"(?:1[89]|20)\d\d")


def bare_number_is_not_a_figure(text: str, start: int, end: int, bare: bool, digits: str) -> bool:
    """Arabic digits: an intake year (2024级 is the class that entered in 2024, not a level), a
    year after 公元 / 公元前 (any number of digits), an identifier, a clock time or a name."""
    if text[end : end + 1] in INTAKE_AFTER and YEAR_DIGITS.fullmatch(digits):
        return True
    if not bare:
        return False
    prefixes = numerals.vocabulary().raw["year_prefixes"]
    if any(text.endswith(prefix, 0, start) for prefix in prefixes) and numerals.is_year(text, start, end):
        return True
    return is_identifier(text, start, end - start) or is_name_or_time(text, start, end) or is_age_bracket(text, end, start)


@functools.cache
def age_bracket() -> re.Pattern:
    from .. import vocabulary

    vocab = vocabulary("figures")
    ages, ends = word_alternation(vocab["age_words"]), word_alternation(vocab["age_bracket_ends"])
    han = numeral_characters()[0]
    return re.compile(rf"(?:(?:[-—–~至到](?:\d{{1,3}}|[{han}]{{1,4}})(?:{ages}))|(?:{ages})(?:{ends}))[\u4e00-\u9fff]")


AGE_JOINERS = "-—–~至到"


def is_age_bracket(text: str, end: int, start: int = -1) -> bool:
    """'65岁及以上人口', '15-59岁人口', '十五至五十九岁人口': an age bracket names a part of a population;
    the first bound (65, 15) is no figure. An age said of someone ('平均年龄38岁') is one."""
    if age_bracket().match(text, end) is not None:
        return True
    # the second bound ('59' of '15至59岁人口'): after a joiner and a number, before 岁 and a noun
    return start >= 2 and text[start - 1] in AGE_JOINERS and numerals.is_numeral_char(text[start - 2], numerals.vocabulary()) \
        and age_word_then_noun().match(text, end) is not None


@functools.cache
def age_word_then_noun() -> re.Pattern:
    from .. import vocabulary

    return re.compile(rf"(?:{word_alternation(vocabulary('figures')['age_words'])})[\u4e00-\u9fff]")


@functools.cache
def context_words() -> dict:
    from .. import read_language_data

    vocab = read_language_data("zh", "figures")
    not_in_noun = r"\d\s,;:" + re.escape("，。；！？、：") + "".join(numeral_characters())  # a noun before its bound holds none
    return {
        "label": re.compile(rf"(?:{word_alternation(w[::-1] for w in vocab['identifier_labels'])})"),
        "furniture": tuple(vocab["furniture_labels"]),
        "name_after": tuple(vocab["name_after"]),
        "numbered_heads": tuple(vocab["numbered_organisation_heads"]),
        "per": tuple(vocab["rate_words"]["per"]),
        "thresholds": {"after": tuple(vocab["thresholds"]["after"]), "before": tuple(vocab["thresholds"]["before"]),
                       "nouns": tuple(vocab["thresholds"]["nouns"]), "attributive": vocab["thresholds"]["attributive"]},
        "name_before": tuple(vocab["name_before"]),
        "rank": {"before": tuple(vocab["rank"]["before"]), "after": tuple(vocab["rank"]["after"])},
        "rank_moves": {key: tuple(words) for key, words in vocab["rank_moves"].items()},
        "date_dots": tuple(vocab["date_dots"]),
        "quotes": {"open": tuple(vocab["quotes"]["open"]), "close": tuple(vocab["quotes"]["close"])},
        "per_output": {"before": tuple(vocab["per_output"]["before"]), "nouns": tuple(vocab["per_output"]["nouns"])},
        "tenor": {"after": tuple(vocab["tenor"]["after"]), "not_before": tuple(vocab["tenor"]["not_before"])},
        "sessions": {"after": tuple(vocab["sessions"]["after"]), "bodies": tuple(vocab["sessions"]["bodies"]),
                     "plenary": vocab["sessions"]["plenary"], "meetings": tuple(vocab["sessions"]["meetings"])},
        "page_before": tuple(vocab["page_before"]),
        "address_units": tuple(vocab["address_units"]),
        "span_more": re.compile(rf"(?:{word_alternation(vocab['span_more']['units'])})(?:{word_alternation(vocab['span_more']['more'])})"
                                rf"(?![\u4e00-\u9fff])|(?:{word_alternation(vocab['span_more']['units'])})(?:{word_alternation(vocab['span_more']['more'])})"
                                rf"(?=(?:{word_alternation(vocab['span_more']['then'])}))"),
        "page_after": tuple(vocab["page_after"]),
        "clock_before": tuple(vocab["clock_before"]),
        "clock_after": tuple(vocab["clock_after"]),
        "clock_hours": {key: tuple(words) for key, words in vocab["clock_hours"].items()},
        "holidays": {key: tuple(words) for key, words in vocab["holidays"].items()},
        "classifiers": tuple(vocab["classifiers"] + vocab["counting_measure_words"]),
        "joiners": tuple(vocab["range_joiners"]),
        "qualifiers_after_noun": vocab["qualifiers_after_noun"],
        "before_verb": {w: q for q, words in vocab["qualifiers_before_verb"].items() for w in words},
        # the bound after one or two characters of the noun (no numeral, no clause end between), and
        # the adverb one or two characters before the number, matched on the reversed text
        "after_noun": re.compile(rf"[^{not_in_noun}]{{1,2}}?(?P<bound>{word_alternation(vocab['qualifiers_after_noun'])})"),
        "verb_before": re.compile(rf"[^{not_in_noun}]{{1,2}}?(?P<bound>{word_alternation(w[::-1] for ws in vocab['qualifiers_before_verb'].values() for w in ws)})"),
        "furniture_any": re.compile(word_alternation(vocab["furniture_labels"])),
        "not_growth": re.compile(word_alternation(vocab["not_growth_words"])),
        "share_words": re.compile(word_alternation(vocab["share_nouns"] + vocab["share_phrases"])),
        "cues": re.compile(word_alternation(vocab["growth_words"] + vocab["decrease_words"])),
        "decrease": frozenset(vocab["decrease_words"]),
        "rate_nouns": vocab["rate_nouns"],
        "rate_noun": re.compile(word_alternation(vocab["rate_nouns"])),
        "level_after": re.compile(word_alternation(vocab["level_prepositions"])),
        "byline": re.compile(word_alternation(vocab["byline_words"])),
        "heading_marks": tuple(vocab["heading_number_marks"]),
        "scale_bounds": vocab["bounded_scales"]["bounds"],
        "unchanged": {"words": tuple(vocab["unchanged"]["words"]), "about_after": vocab["unchanged"]["about_after"]},
        "scale_not_bounds": tuple(vocab["bounded_scales"]["not_after"]),
        "scales": tuple(vocab["big_scales"] + vocab["bounded_scales"]["scales"]),
    }


def scale_bound(text: str, start: int, words: dict) -> str | None:
    """上万人, 上亿元: the bound a character right before a scale alone makes of it (none in 线上)."""
    if text[max(0, start - 3) : start].endswith(words["scale_not_bounds"]):
        return None
    return words["scale_bounds"][text[start - 1]]


LABEL_GAP = re.compile(r"[\s:：\-－—]*")
LONG_IDENTIFIER = 5  # digits: a run this long right after a label needs no colon between (备12345678号)


def is_heading_number(text: str, start: int, end: int) -> bool:
    """三、工业 / 2、进出口: the number of a section heading or a list item, where a line opens."""
    return text.startswith(context_words()["heading_marks"], end) and not text[:start].strip(" \t（(")


def is_identifier(text: str, start: int, digits: int = 0) -> bool:
    """A number after an identifier label and a colon, dash or space (邮编：310000, 电话：0571-...,
    号-1), or a long one right after it (备12345678号); 起码3名 is a bound, not a code."""
    before = text[max(0, start - 12) : start][::-1]
    gap = LABEL_GAP.match(before).end()
    return (gap > 0 or digits >= LONG_IDENTIFIER) and context_words()["label"].match(before, gap) is not None


def is_address(text: str, end: int) -> bool:
    """3号楼2单元, 1201室: a number before a part of a building's address (单元, 室) locates, it counts nothing."""
    return text.startswith(context_words()["address_units"], end)


NAME_TAGS = frozenset({"n", "nz", "ns", "nr", "nt", "nrt"})
NAME_WORD_REACH = 8  # characters after a numeral that the segmenter reads with it


def opens_a_name_word(text: str, start: int, end: int) -> bool:
    """三体 (a novel), 三星电子, 五粮液, 七匹狼: a Han numeral that opens a longer word the segmenter knows as a noun or a
    name is part of that word, no count; a numeral it cuts off (三家, 九成, 两国) stays one."""
    from . import phrases

    if text.startswith(context_words()["classifiers"], end) or text.startswith(counted_words(), end):
        return False  # 两辆车, a word of the dictionary, still counts two cars
    words = phrases.tagged(text[start : end + NAME_WORD_REACH])
    if not words:
        return False
    word, tag = words[0]
    return len(word) > end - start and tag in NAME_TAGS


def is_name_or_time(text: str, start: int, end: int) -> bool:
    """二十一世纪 (a century), 共5页 (pagination), 10时30分 / 9点15分 (a clock time: the minutes after an hour),
    五年期 (a tenor), 十四届全国人大 (a session's number)."""
    words = context_words()
    if text.startswith(words["name_after"], end) or is_tenor(text, end) or is_session_number(text, start, end):
        return True
    if text.endswith(words["name_before"], 0, start) or is_dotted_date(text, start, end) or is_quoted_name(text, start, end):
        return True
    if text.endswith(words["rank"]["before"], 0, start) and (end == len(text) or text.startswith(words["rank"]["after"], end)
                                                             or CLAUSE_END.match(text, end)):
        return True  # 进入全国前十, 前10名: a rank
    if is_rank_move(text, start, end, words["rank_moves"]):
        return True
    if text.startswith(words["page_after"], end) and text.endswith(words["page_before"], 0, start):
        return True
    if is_clock_hour(text, start, end, words["clock_hours"]) or is_holiday(text, start, end, words["holidays"]):
        return True
    if is_numbered_organisation(text, start, end, words["numbered_heads"]):
        return True
    return text.startswith(words["clock_after"], end) and text.endswith(words["clock_before"], 0, start) \
        and start >= 2 and numerals.is_numeral_char(text[start - 2], numerals.vocabulary())


def is_numbered_organisation(text: str, start: int, end: int, heads: tuple[str, ...]) -> bool:
    """中铁十局, 中建三局: a number between a name (a word tagged a noun or a name) and a bureau's head is part of the
    organisation's name; after a verb (打满五局) it stays a count."""
    from . import phrases

    if not text.startswith(heads, end) or start == 0:
        return False
    before = phrases.tagged(text[max(0, start - 6) : start])
    return bool(before) and before[-1][1] in NUMBERED_NAME_TAGS and len(before[-1][0]) > 1


NUMBERED_NAME_TAGS = frozenset({"n", "nz", "ns", "nr", "nt", "j", "b"})


RANK_REACH = 60  # characters back from a rank move to the ranking its sentence names


def is_rank_move(text: str, start: int, end: int, moves: dict) -> bool:
    """居全国第12位，比上年前移2位; 排名较上年提升4个位次: the places a ranking moved by, no count."""
    before = text[max(0, start - 3) : start].removesuffix("了")
    if not before.endswith(moves["verbs"]) or not text.startswith(moves["units"], end):
        return False
    sentence = re.split("[。！？]", text[max(0, start - RANK_REACH) : start])[-1]
    return any(cue in sentence for cue in moves["cues"])


def is_holiday(text: str, start: int, end: int, holidays: dict) -> bool:
    """七一前夕, 六一期间, “五一”假期, 五一广场: a holiday written as its month and day, before a word of its time
    (a closing quotation mark may stand between) or of a place it names."""
    if text[start:end] not in holidays["days"]:
        return False
    closed = end + 1 if text.startswith(tuple(context_words()["quotes"]["close"]), end) else end
    return text.startswith(holidays["after"], closed)


def is_clock_hour(text: str, start: int, end: int, hours: dict) -> bool:
    """下午3点, 9点半, 3点钟: an hour of the day, read from the part of the day before it or the word after its 点."""
    if not text.startswith(hours["marks"], end):
        return False
    return text.endswith(hours["day_parts"], 0, start) or text.startswith(hours["after"], end + 1)


def is_dotted_date(text: str, start: int, end: int) -> bool:
    """3·15晚会, 7·20暴雨: a month and a day joined by a middle dot name an event."""
    dots = context_words()["date_dots"]
    return (text.startswith(dots, end) and end + 1 < len(text) and text[end + 1].isdigit()) or (
        start >= 2 and text.endswith(dots, 0, start) and text[start - 2].isdigit())


QUOTE_REACH = 6  # characters of a slogan's noun after its number ("三农", "六稳", "三去一降一补")


def is_quoted_name(text: str, start: int, end: int) -> bool:
    """"三农", "六稳", "九章三号": a number in a short quoted name (Han characters only, from the opening
    quotation mark to the closing one a few characters on) is the name's, not a count (a measure word after it counts)."""
    quotes = context_words()["quotes"]
    before = text[max(0, start - QUOTE_REACH) : start]
    opened = max(before.rfind(mark) for mark in quotes["open"])
    if opened < 0 or not all(HAN.match(c) for c in before[opened + 1 :]) or text.startswith(counted_words(), end):
        return False  # “九章三号”: a number later in a short quoted name is the name's too
    after = text[end : end + QUOTE_REACH + 1]
    close = min((at for at in (after.find(mark) for mark in quotes["close"]) if at > 0), default=-1)
    return close > 0 and all(HAN.match(c) for c in after[:close])


def is_tenor(text: str, end: int) -> bool:
    """五年期以上LPR, 10年期国债: a number before 年期 names a loan's or a bond's term (not 3年期间)."""
    tenor = context_words()["tenor"]
    for word in tenor["after"]:
        if text.startswith(word, end):
            return not text.startswith(tenor["not_before"], end + len(word))
    return False


def is_session_number(text: str, start: int, end: int) -> bool:
    """十四届全国人大, 二十届三中全会 (届 and then its body or a plenary's number), 全国人大二次会议 (a
    meeting's number right after its body): the numbers of sessions, written without 第."""
    sessions = context_words()["sessions"]
    if text.startswith(sessions["meetings"], end):
        return text.endswith(sessions["bodies"], 0, start)
    if not text.startswith(sessions["after"], end):
        return False
    after = end + 1
    if text.startswith(sessions["bodies"], after):
        return True
    numeral = numerals.read_numeral(text, after) if after < len(text) and numerals.is_numeral_char(text[after], numerals.vocabulary()) else None
    return numeral is not None and text.startswith(sessions["plenary"], numeral.end)


def is_day_of_month(text: str, start: int, end: int) -> bool:
    """正月十五, 腊月廿三, 八月十五: a day written in Han numerals right after its month, with no 日 (as the
    lunar calendar is written). A count after 月 goes on with what it counts (上月五家企业, 每月三千元)."""
    if not text.endswith(numerals.vocabulary().raw["month_suffix"], 0, start) or not all(HAN.match(c) for c in text[start:end]):
        return False
    number = numerals.read_numeral(text, start)
    if number is None or number.end != end or number.approximate or not 1 <= number.value <= 30:
        return False
    return not text.startswith(counted_words(), end)


@functools.cache
def counted_words() -> tuple[str, ...]:
    """What a count names right after its number: measure words, time nouns, the people counted."""
    from .. import vocabulary

    vocab = vocabulary("figures")
    words = vocab["classifiers"] + vocab["counting_measure_words"] + vocab["time_nouns"] + vocab["bounded_scales"]["counted"]
    return tuple(sorted({w for w in words if HAN.search(w)} | set(numerals.vocabulary().raw["yuan"]), key=len, reverse=True))


BYLINE_REACH = 8  # characters between 记者 and the name's digit (（记者张三）)


def in_byline(text: str, start: int) -> bool:
    """The digit of a name in a byline: （记者张三）, 通讯员李四."""
    before = text[max(0, start - BYLINE_REACH) : start]
    found = list(context_words()["byline"].finditer(before))
    return bool(found) and not CLAUSE_END.search(before, found[-1].end()) and not any(
        numerals.is_numeral_char(c, numerals.vocabulary()) for c in before[found[-1].end() :])


def counts_after(text: str, end: int, value) -> bool:
    """两家银行, 两个项目, 两到三万元: a 2 before a measure word or a range joiner is a count; 一 is 'a'
    before a measure word (一家企业), but begins a range (一到两年)."""
    words = context_words()
    if text.startswith(words["joiners"], end):
        return True
    return value == 2 and text.startswith(words["classifiers"], end)


FURNITURE_REACH = 80  # characters: a furniture line (a linked title) is short


def is_furniture(text: str, start: int) -> bool:
    """Is `start` in a line that opens with a page-furniture label (上一篇：..., 相关阅读)? Only the
    few characters before it are looked at, so the test costs the same for every figure."""
    window_start = max(0, start - FURNITURE_REACH)
    for label in context_words()["furniture_any"].finditer(text, window_start, start):
        at = label.start()
        if (at == 0 or text[at - 1] == "\n") and "\n" not in text[at:start]:
            return True
    return False


def percent_written_before(surface: str) -> bool:
    """百分之二十: the percent's word before its number (百分之二十到三十 is 20-30%); 千分之 scales its number."""
    prefixes = numerals.vocabulary().raw["percent_prefixes"]
    return any(surface.startswith(prefix) and Decimal(str(scale)) == 1 for prefix, scale in prefixes.items())


def qualifier_around(text: str, start: int, end: int) -> str | None:
    """A bound written away from the number: after the thing counted (5万人次以上, 3000家以上) or as
    an adverb before the verb (至少配备3名, 大约需要50亿元)."""
    if not has_han(text):
        return None
    if is_times_range(text[start:end]):
        return "range"
    words = context_words()
    if text.startswith(words["unchanged"]["words"], start) and text.endswith(tuple(words["unchanged"]["about_after"]), 0, start):
        return "about"  # 基本持平: about unchanged
    if start and text[start - 1] in words["scale_bounds"] and text[start:end].startswith(words["scales"]):
        return scale_bound(text, start, words)
    passed = passing_bound(text, start, end)
    if passed:
        return passed
    if words["span_more"].match(text, end):
        return "over"  # 两年多, 5天多来: more than the span, as 3000多 is more than 3000
    after = words["after_noun"].match(text[end : end + 4])
    if after:
        return words["qualifiers_after_noun"][after.group("bound")]
    before = words["verb_before"].match(text[max(0, start - 4) : start][::-1])
    if before:
        return words["before_verb"][before.group("bound")[::-1]]
    return None


@functools.cache
def comparison_words() -> dict:
    from ...build_cache import built

    return built("zh-comparison-words", build_comparison_words)  # kept between runs (build_cache)


def build_comparison_words() -> dict:
    from .. import read_language_data

    vocab = read_language_data("zh", "figures")
    bounds = word_alternation(w for words in vocab["qualifiers"].values() for w in words if not w.isascii())
    breaks = "，。；！？、,;"
    frames = vocab["comparison_frames"]
    framed = rf"(?:{word_alternation(frames['open'])})[^{breaks}]{{1,20}}?(?:{word_alternation(frames['close'])})"
    markers = rf"{framed}|{word_alternation(vocab['comparison_markers'])}"
    return {
        "after_marker": re.compile(rf"(?:{markers})[^{breaks}]*?(?P<word>{word_alternation(vocab['comparatives'])})(?:{bounds})?$"),
        "than": re.compile(rf"(?<!不)(?P<word>{word_alternation(vocab['comparatives_than'])})[^{breaks}\d]+?(?:{bounds})?$"),
        "difference": re.compile(rf"(?P<word>{word_alternation(vocab['change_difference_words'])})(?:{bounds})?$"),
        "signs": {**vocab["comparatives"], **vocab["comparatives_than"], **vocab["change_difference_words"]},
        # a word without which none of the three patterns matches: most clauses are tested with this alone
        "cue": re.compile(word_alternation(vocab["comparison_markers"] + list(vocab["comparatives_than"]) + list(vocab["change_difference_words"]))),
        "level_after": re.compile(rf"[^{breaks}]{{1,12}}?(?:{word_alternation(vocab['compared_level_after'])})"),
    }


def is_compared_level(text: str, start: int) -> bool:
    """'高于全国2.7%的水平': the figure at `start` is the compared side's level, not a difference."""
    return comparison_words()["level_after"].match(text, start, start + 20) is not None


def comparison_sign(clause: str) -> int | None:
    """+1 / -1 for a figure that states a difference from what its clause compares it with:
    比上年低0.3个百分点, 较上月高1.2%, 比去年多120家, 高于全国平均水平1.2个百分点, 比上年少增1200亿元."""
    words = comparison_words()
    if words["cue"].search(clause) is None:
        return None
    found = words["difference"].search(clause) or words["after_marker"].search(clause) or words["than"].search(clause)
    return words["signs"][found.group("word")] if found else None


def compared_from(text: str, start: int, position: int) -> int:
    """Where the compared side of a difference ending at `position` begins (the 比 of
    比全国高3.4个百分点, the 高于 of 增速高于全省平均水平0.6个百分点), searched from `start`; -1 for none."""
    if position == 0 or text[position - 1].isascii() or is_compared_level(text, position):
        return -1
    base = multiple_base_at(text, position)
    if base >= start:
        return base  # 人均GDP是全国平均水平的2倍: the nation is the base of the multiple
    words = comparison_words()
    if words["cue"].search(text, start, position) is None:
        return -1
    found = words["after_marker"].search(text, start, position) or words["than"].search(text, start, position)
    return found.start() if found else -1


def is_change_difference(text: str, start: int) -> bool:
    """多增 / 少增 right before the figure: the difference between two periods' changes."""
    return comparison_words()["difference"].search(text, max(0, start - 8), start) is not None


def amount_sign(text: str, start: int) -> int | None:
    """The sign of an amount or a count written as a difference (比上年少1200亿元, 少增300亿元) or as a
    fall (利润减少12亿元, 下降了近3000户: the change word the percents read, right before the figure);
    None for the other language rules to read."""
    if start == 0 or text[start - 1].isascii() or is_compared_level(text, start):
        return None
    clause = CLAUSE_END.split(text[max(0, start - 40) : start])[-1]
    return comparison_sign(clause) or fall_sign(clause)


@functools.cache
def fall_words() -> dict:
    from .. import vocabulary

    vocab = vocabulary("figures")
    bounds = word_alternation(w for words in vocab["qualifiers"].values() for w in words if not w.isascii())
    falls = [w for w in vocab["decrease_words"] + vocab["fall_before_amount"] if not w.isascii()]
    return {"bound": re.compile(rf"(?:{bounds})$"), "falls": tuple(sorted(set(falls), key=len, reverse=True)),
            "not_falls": tuple(vocab["not_fall_before_amount"]), "perfective": tuple(vocab["perfective_marks"]),
            "changes": tuple(sorted({w for w in falls + vocab["growth_words"] if not w.isascii()}, key=len, reverse=True))}


def states_change(text: str, start: int) -> bool:
    """Does the figure at `start` state a change, not a level: a change word right before it (旅游收入
    下降12亿元, 增加了近3000户, 减3亿元) or a difference from a compared time (比上年多12亿元)?"""
    if start == 0 or text[start - 1].isascii() or is_compared_level(text, start):
        return False
    clause = CLAUSE_END.split(text[max(0, start - 40) : start])[-1]
    return comparison_sign(clause) is not None or fall_sign(clause, rises=True) is not None


def fall_sign(clause: str, rises: bool = False) -> int | None:
    """-1 when the clause ends with a fall word (with `rises`, any change word), a 了 and a bound
    allowed after it (减少了近): the figure is a change down. 降至 / 减少到 reach a level, and end with
    no fall word."""
    words = fall_words()
    clause = clause[-12:]
    if rises:  # a rise as well: a change either way
        words = {**words, "falls": words["changes"]}
    bound = words["bound"].search(clause)
    clause = clause[: bound.start()] if bound else clause
    for mark in words["perfective"]:
        clause = clause.removesuffix(mark)
    if clause.endswith(words["not_falls"]):
        return None
    return -1 if clause.endswith(words["falls"]) else None


def percent_sign(text: str, start: int, end: int) -> int | None:
    """The sign of a difference (涨幅比上月低0.3个百分点: see comparison_sign); 0 for a share that
    the clause names after its last change word (占GDP比重为15.6%, 占规模以上工业的52.3%); the sign
    of a rate noun's change (增幅达到8%, 降幅为3%, 增速回落至3.5%); None to leave the reading to the
    context rules. 增加值 (value added) and 增长率 (a growth rate, named) are not change words."""
    if not has_han(text):
        return None
    words = context_words()
    clause = CLAUSE_END.split(text[max(0, start - 40) : start])[-1]
    compared = comparison_sign(clause) if clause and not is_compared_level(text, start) else None
    if compared is not None:
        return compared
    written = clause
    clause = words["not_growth"].sub(lambda m: "_" * len(m.group(0)), clause)
    cues = list(words["cues"].finditer(clause))
    share = [m.start() for m in words["share_words"].finditer(clause)]
    if share and (not cues or share[-1] >= cues[-1].end()):
        return 0
    rates = list(words["rate_noun"].finditer(written))  # 增长率 names a rate of change, though it cues none
    if rates and not (share and share[-1] > rates[-1].start()):
        # a rate noun, then at most a change word that reaches a level (增速回落至3.5% is a growth of 3.5%)
        later = [cue for cue in cues if cue.start() >= rates[-1].end()]
        if not later or words["level_after"].search(clause, later[-1].end()):
            return words["rate_nouns"][rates[-1].group(0)]
        if is_points(text[start:end]):
            # 降幅收窄1.2个百分点: the fall narrowed, so the growth rate rose; 降幅扩大 is a fall of the rate
            cue_sign = -1 if later[-1].group(0) in words["decrease"] else 1
            return cue_sign * words["rate_nouns"][rates[-1].group(0)]
    return None


def states_rate_change(text: str, start: int, end: int) -> bool:
    """增速回落0.4个百分点, 降幅收窄1.2个百分点: points after a growth rate's noun and a change word are
    the change of that rate, not a growth of its own."""
    if not has_han(text) or not is_points(text[start:end]):
        return False
    words = context_words()
    clause = CLAUSE_END.split(text[max(0, start - 40) : start])[-1]
    rates = list(words["rate_noun"].finditer(clause))
    if not rates:
        return False
    after = clause[rates[-1].end() :]
    return words["cues"].search(after) is not None or comparison_sign(after) is not None  # 增速比上月末高1个百分点


def compared_with_a_measure(text: str, start: int, end: int) -> bool:
    """增速比全部规模以上工业快6.2个百分点, 增速高于全行业平均2.1个百分点: points after a growth rate's noun that
    compare it with another measure's rate (no time: 比上年, 比一季度 make a change of the rate) are a gap."""
    if not has_han(text) or not is_points(text[start:end]):
        return False
    clause = CLAUSE_END.split(text[max(0, start - 40) : start])[-1]
    rates = list(context_words()["rate_noun"].finditer(clause))
    if not rates:
        return False
    after = clause[rates[-1].end() :]
    found = next((m for pattern in compared_side_patterns() if (m := pattern.search(after))), None)
    return found is not None and has_han(found["side"]) and not names_a_time(found["side"])


def names_a_time(side: str) -> bool:
    from ...reader.periods import read_periods

    return side.startswith(compared_times()) or bool(read_periods(side))


@functools.cache
def compared_times() -> tuple[str, ...]:
    from .. import read_language_data

    return tuple(read_language_data("zh", "figures")["compared_times"])


@functools.cache
def compared_side_patterns() -> tuple[re.Pattern, re.Pattern]:
    """What a rate is compared with: between 比 and 快 / 高 (比全部规模以上工业快), or after 高于 / 快于."""
    from .. import read_language_data

    vocab = read_language_data("zh", "figures")
    side = r"(?P<side>[^\d，。；,;]{1,16}?)"
    return (re.compile(rf"(?:{word_alternation(vocab['comparison_markers'])}){side}(?:{word_alternation(vocab['comparatives'])})[^\d，。；,;]{{0,4}}$"),
            re.compile(rf"(?:{word_alternation(vocab['comparatives_than'])}){side}$"))


def is_points(surface: str) -> bool:
    return surface.endswith(point_words())


@functools.cache
def point_words() -> tuple[str, ...]:
    from .. import read_language_data

    return tuple(read_language_data("zh", "figures")["percentage_point_words"])


def scale_of_number(number: str) -> Decimal | None:
    """The big units a Han numeral ends with, as a multiplier: '三万' -> 10000, '八亿' -> 1e8, '两' -> 1;
    None for a number that is not a Han numeral."""
    v = numerals.vocabulary()
    if not number or not all(numerals.is_numeral_char(c, v) or c in v.few or c in v.more for c in number):
        return None
    scale, i = Decimal(1), len(number)
    while i > 0 and number[i - 1] in v.big:
        scale *= v.big[number[i - 1]]
        i -= 1
    return scale


def sign_pattern(vocab: dict) -> str:
    """负15%, 負3.2%: a minus written before Arabic digits (a Han numeral carries its own sign); a
    minus sign or hyphen, half- or full-width, right after a Han character or Chinese punctuation
    (变动为－０．３％, 增速为-2%): Chinese sets no space before it; 零下 before a number (零下五摄氏度)."""
    signs = [c for c in numerals.vocabulary().raw["signs"] if not c.isascii() and c.isalpha()]
    dashes = re.escape("".join(c for c in numerals.vocabulary().raw["signs"] if not c.isalpha()))
    below_zero = word_alternation(numerals.vocabulary().raw["below_zero"])
    return (rf"[{''.join(signs)}](?=\d)|(?<=[\u3400-\u9fff\uf900-\ufaff：，；、（])[{dashes}](?=\d)"
            rf"|{below_zero}(?=[\d{numeral_characters()[0]}])")


CLAUSE_END = re.compile(r"[，。；！？、,;]")
MULTIPLE_NUMBER = re.compile(r"[0-9０-９.．〇零一二三四五六七八九十两兩]{1,8}")  # the number of a multiple (3, 1.5, 两, 十二)
YUAN_WITH_CHANGE = re.compile(r"[元圆圓块塊]|[角毛]|分[钱錢]")


@functools.cache
def money_words() -> tuple[re.Pattern, tuple[str, ...]]:
    from .. import vocabulary

    vocab = vocabulary("figures")
    return re.compile(word_alternation(vocab["money_nouns"])), tuple(vocab["big_scales"])


@functools.cache
def pay_words() -> tuple[re.Pattern, re.Pattern]:
    """A pay noun ending the words before a sum (月薪一万二, 工资为三千五), and what may follow a bare sum."""
    from .. import vocabulary

    words = vocabulary("figures")["pay_sums"]
    before = rf"(?:{word_alternation(words['nouns'])})(?:{word_alternation(words['between'])})?$"
    return re.compile(before), re.compile(rf"(?:{word_alternation(words['after'])})|[^\u3400-\u9fff]|$")


PAY_REACH = 8  # characters before a sum where its pay noun and the verb between may stand (月平均工资约为)


def is_pay_sum(text: str, start: int, end: int) -> bool:
    """月薪一万二, 工资三千五左右: a bare number right after a pay noun, with no noun of its own after it, is yuan."""
    before, after = pay_words()
    return bool(before.search(text, max(0, start - PAY_REACH), start) and after.match(text, end))


def implicit_currency(text: str, start: int, end: int, surface: str) -> str:
    """'CNY' for a sum in 亿 with no currency whose clause is about money (规模近8000亿,
    千亿级产业基金), and for yuan, jiao or fen read whole (七块八, 五毛钱); '' otherwise: 8000亿
    alone may count anything."""
    if not has_han(text):
        return ""
    nouns, scales = money_words()
    if YUAN_WITH_CHANGE.search(surface):
        return "CNY"  # 七块八: yuan and jiao, read whole
    if is_pay_sum(text, start, end):
        return "CNY"
    if not any(scale in surface for scale in scales):
        return ""
    clauses = CLAUSE_END.split(text[max(0, start - 60) : start])
    before, after = clauses[-1], CLAUSE_END.split(text[end : end + 30])[0]
    if nouns.search(before) or nouns.search(after):
        return "CNY"
    # '新增贷款3.2万亿，同比多增2000亿': a change of the sum the clause before is about
    return "CNY" if len(clauses) > 1 and nouns.search(clauses[-2]) and states_change_of_before(before) else ""


def states_change_of_before(clause: str) -> bool:
    """Is a clause only a change or a comparison up to its figure (同比多增, 比上年增加了, 增长近)?"""
    return bool(clause) and change_only_clause().fullmatch(clause.strip()) is not None


@functools.cache
def change_only_clause() -> re.Pattern:
    from .. import vocabulary

    vocab = vocabulary("figures")
    compared = word_alternation(vocab["compared_openings"])
    changes = word_alternation(w for w in [*vocab["change_difference_words"], *vocab["growth_words"], *vocab["decrease_words"],
                                           *vocab["fall_before_amount"]] if not w.isascii())
    bounds = word_alternation(w for words in vocab["qualifiers"].values() for w in words if not w.isascii())
    return re.compile(rf"(?:{compared})?(?:{changes})(?:{word_alternation(vocab['perfective_marks'])})?(?:{bounds})?")


INTAKE_AFTER = ("级", "届")


def number_starts(vocab: dict) -> set[str]:
    """The characters a Han numeral or a percent in words can begin with."""
    raw = numerals.vocabulary().raw
    return (set(raw["digits"]) | set(raw["zeros"]) | set(raw["small_units"]) | set(raw["tens"]) | set(raw["big_units"]) | set(raw["few"])
            | {c for c in raw["signs"] if not c.isascii()} | {p[0] for p in raw["percent_prefixes"]}
            | {vocab["doubling"]["before"]} | {w[0] for w in vocab["half_words"]} | {w[0] for w in vocab["unchanged"]["words"]})


def local_yuan_currency(declared: str, place: str, within: str = "") -> str:
    """The currency a bare 元 means in a source: its declared `currency` when 元 can name it, else the
    currency of the place it is about (Hong Kong's 元 are HKD); '' for the renminbi."""
    from .. import vocabulary

    table = vocabulary("figures")["local_yuan"]
    if declared:
        return declared if declared in table.values() and declared != "CNY" else ""
    return table.get(place) or table.get(within) or ""


def as_local_yuan(text: str, quantity, currency: str):
    """A figure in bare 元 (or yuan implied by its clause) read as the source's local `currency`."""
    from dataclasses import replace

    from .. import vocabulary

    if not currency or quantity.unit != "CNY" or quantity.currency_from not in ("", "context"):
        return quantity
    renminbi = vocabulary("figures")["renminbi_words"]
    around = text[max(0, quantity.start - 8) : quantity.end + 4]
    if any(word in around for word in renminbi):
        return quantity
    return replace(quantity, unit=currency, currency_from="source")


@functools.cache
def temperature_degree() -> dict:
    from .. import vocabulary

    return vocabulary("figures")["temperature_degree"]


TEMPERATURE_REACH = 20  # characters before the number where its clause may name a temperature


def measure_after(text: str, start: int, end: int) -> str:
    """The physical unit a bare word after a number names in its context: 度 is degrees Celsius
    below zero (零下5度) or where the clause names a temperature (最高气温30度), a kilowatt-hour where
    it names electricity (发电量1.2万亿度); '' otherwise."""
    degree = temperature_degree()
    if not text.startswith(degree["word"], end) or text.startswith(tuple(degree["not_before"]), end + len(degree["word"])):
        return ""
    clause = CLAUSE_END.split(text[max(0, start - TEMPERATURE_REACH) : start + 2])[-1]
    if any(cue in clause for cue in degree["cues"]):
        return "degree_Celsius"
    return "kilowatt_hour" if any(cue in clause for cue in degree["electricity_cues"]) else ""


def states_difference(text: str, start: int, end: int) -> bool:
    """A temperature written as a change (升高了5摄氏度, 比昨天低3度) is in degrees of difference."""
    return has_han(text) and states_change(text, start)


def percent_step(surface: str) -> Decimal | None:
    """10 for a percent written in tenths (六成: the first end of 五至六成 is five tenths too)."""
    return Decimal(10) if any(word in surface for word in numerals.vocabulary().raw["tenths"]) else None


@functools.cache
def exchange_rate_words() -> tuple[re.Pattern, frozenset[str]]:
    from .. import vocabulary

    words = vocabulary("figures")["exchange_rates"]
    return re.compile(word_alternation(words["cues"])), frozenset(words["units"])


EXCHANGE_RATE_REACH = 20  # characters of the clause before a quote where it names the exchange rate


def is_exchange_rate(text: str, start: int, digits: str) -> bool:
    """人民币对美元汇率收于7.1230元: a quote with decimals and no scale in a clause naming an exchange
    rate is the rate, a plain number, not a sum of money."""
    if "." not in digits:
        return False
    cues, _ = exchange_rate_words()
    return cues.search(CLAUSE_END.split(text[max(0, start - EXCHANGE_RATE_REACH) : start])[-1]) is not None


def unit_stands(text: str, match: re.Match) -> bool:
    """The 元 after an exchange rate's quote is the quote's currency, no sum of money (收于7.1230元)."""
    _, units = exchange_rate_words()
    if match.group("unit") not in units or not has_han(text) or match.group("scale"):
        return True
    return not is_exchange_rate(text, match.start(), match.group("digits") or "")


def measure_per_before(text: str, start: int, measure: str) -> str | None:
    """每秒1.86万立方米: a time written before the number makes a quantity a rate of it (a river's flow);
    a linking verb or a bound may stand between (时速达350公里)."""
    from .. import vocabulary

    units = vocabulary("units")
    per = units.get("per_before", {})
    ends = [start, *(start - len(link) for link in units.get("per_links", ()) if text.endswith(link, 0, start))]  # 时速达350公里
    return next((rates[measure] for word, rates in per.items() if measure in rates and any(text.endswith(word, 0, end) for end in ends)), None)
