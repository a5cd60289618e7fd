"""Chinese period rules: 2025年, 2025年6月, 上半年, 第一季度."""

from __future__ import annotations

import bisect
import functools
import re
from datetime import timedelta

from ...model import UNSPECIFIED
from ...reader.calendar import YEAR, PeriodRule, months_ending, months_from_january, year_of
from ...reader.patterns import word_alternation

# A part of a year, or a time counted from publication, when neither the sentence nor the publication
# date gives its year: still a time (its numbers are no figures, and its figures take no other
# clause's year: 上半年 is never the full year), left unspecified until the article's year places it
# (see in_year).
UNRESOLVED = (UNSPECIFIED, True, False)


def rules(vocab: dict) -> list[PeriodRule]:
    this_or_last = word_alternation(w for w in vocab["this_year"] + vocab["last_year"] if not w.isascii())
    halves = word_alternation(vocab["halves"])
    numerals = "".join(vocab["cjk_numerals"])
    year_before = rf"(?:(?P<year>{YEAR})年|(?P<rel>{this_or_last}))?"
    quotes = vocab["holiday_quotes"]
    quote_open, quote_close = (re.escape("".join(quotes[side])) for side in ("open", "close"))
    # 今年“五一”假期: a quoted holiday of one month (not the shopping festivals, whose sales open weeks before)
    quoted = rf"(?:(?P<quoted>[{quote_open}](?=(?:{word_alternation(quotes['holidays'])})[{quote_close}]))|(?<![{quote_open}]))"
    counts = word_alternation(vocab["cjk_counts"])
    prior = word_alternation(vocab["last_year"] + vocab["prior_periods"])
    this_or_last_or_prior = word_alternation(w for w in vocab["this_year"] + vocab["last_year"] + vocab["prior_year"] if not w.isascii())
    ends = word_alternation(vocab["year_ends"])
    han_months = word_alternation(w for w, n in vocab["cjk_counts"].items() if n <= 12)
    month_numerals = "".join(sorted({c for w in vocab["cjk_counts"] for c in w}))
    year_joiners = "".join(re.escape(joiner) for joiner in vocab["year_span_joiners"])
    joiners = "".join(re.escape(joiner) for joiner in vocab["month_span_joiners"])
    not_in_number = rf"(?<![\d０-９{month_numerals}百千万亿])"  # 2015年前 is 'before 2015', 一百年前 no count of ten
    many = rf"[{month_numerals}百]{{1,4}}"  # 二十, 一百: a count of years in Han numerals
    return [
        # 1月28日至2月4日, and 自1月14日开始，至2月22日结束 (from one day, to another)
        PeriodRule("cjk_day_span", 24, rf"{year_before}(?P<m1>\d{{1,2}})月(?P<d1>\d{{1,2}})日(?:开始|開始|起)?[，,]?\s*[{joiners}]\s*(?:(?P<m2>\d{{1,2}})月)?(?P<d2>\d{{1,2}})日",
                   "日", day_span),
        PeriodRule("cjk_month_span", 25, rf"{year_before}(?P<m1>\d{{1,2}}|{han_months})月?\s*[{joiners}]\s*(?P<m2>\d{{1,2}}|{han_months})月", "月", month_span),
        PeriodRule("cjk_first_months", 26, rf"{year_before}[前首](?P<n>\d{{1,2}}|{counts})个?(?P<unit>月|季度|季(?![节風风]))", ["前", "首"], first_months(vocab["cjk_counts"])),
        # 2025年半年度报告, 2025年中期业绩: a company's interim period, the first half
        PeriodRule("cjk_interim", 29, rf"(?P<year>{YEAR})年(?:{word_alternation(vocab['interim'])})", "年",
                   lambda match, text, published, vocab: (f"{match['year']}-H1", False, False)),
        PeriodRule("cjk_half", 30, rf"{year_before}(?P<half>{halves})半年", "半年", part_of_year("H", "half", vocab["halves"])),
        PeriodRule("cjk_quarter", 40, rf"{year_before}第?(?P<q>[{numerals}1-4])(?:季度|(?<=第[{numerals}1-4])季(?![节风]))", "季", part_of_year("Q", "q", vocab["cjk_numerals"])),
        PeriodRule("cjk_month", 100, rf"(?P<year>{YEAR})年(?P<mm>\d{{1,2}})月", "月", month),
        # 7月5日: the month a day falls in (periods are months at the finest); 1月9日发布 dates a statement
        PeriodRule("cjk_day", 102, rf"{year_before}(?<![\d年])(?P<mm>1[0-2]|0?[1-9])月(?P<dd>[1-3]?\d)日(?![\d])", "日", day),
        # 10日 alone (晶邦股價10日收在1,045元): a day of the month of publication, else of the month before
        PeriodRule("cjk_day_alone", 103, rf"(?<![\d０-９月{re.escape(''.join(vocab['day_alone_not_after']))}])(?P<dd>[1-3]?\d)日(?![\d{re.escape(''.join(vocab['day_alone_not_before']))}])",
                   "日", day_alone),
        # 今年九月, 去年10月份: a month of this or last year, named by its word
        PeriodRule("cjk_relative_month", 101, rf"(?P<rel>{this_or_last})(?P<mm>1[0-2]|0?[1-9]|{han_months})月(?:{ends}|份)?(?![\d０-９日]|\s*[{joiners}])",
                   "月", relative_month),
        PeriodRule("cjk_year", 160, rf"(?P<year>{YEAR})年", "年", lambda match, text, published, vocab: (match["year"], False, False)),
        PeriodRule("cjk_plan", 12, r"[“\"]?(?P<n>十[一二三四五六七八九])五[”\"]?(?:规划|計劃|计划)?(?:期间|時期|时期)?", "五", plan),
        PeriodRule("cjk_past_years", 22, rf"(?:近|过去|過去)(?P<count>\d{{1,2}}|{counts})年(?:来|來|以来)?"
                   rf"|{not_in_number}(?P<count_since>\d{{1,3}}|{many})年(?:{word_alternation(vocab['since_after'])}|来|來)", "年",
                   past_years(vocab["cjk_counts"])),
        # 十年前, 三年前: the year that many years before publication (before the year the sentence named)
        PeriodRule("cjk_years_ago", 21, rf"{not_in_number}(?P<n>\d{{1,3}}|{many})年(?:{word_alternation(vocab['years_before'])})",
                   "年", years_ago(vocab["cjk_counts"])),
        PeriodRule("cjk_quarter_span", 24, rf"{year_before}第?(?P<q1>[{numerals}1-4])(?:季度)?\s*[{joiners}]\s*第?(?P<q2>[{numerals}1-4])季度", "季度", quarter_span),
        # 比去年同期, 较上年末, 与2023年相比: the time of what a figure is compared with dates nothing
        PeriodRule("cjk_compared", 14, rf"(?:{word_alternation(vocab['compared_before'])})\s*(?:(?P<year>{YEAR})年|(?P<rel>{prior}))"
                   rf"(?:{word_alternation(vocab['compared_after'])})?|(?P<rel_same>{prior})(?:{word_alternation(vocab['same_period'])})",
                   vocab["compared_before"] + vocab["same_period"], compared),
        # 增速较上半年提高1.2个百分点, 比一季度加快, 比1-9月加快, 比前三季度回落: a part of the year after 较 / 比 is the compared side, no period
        PeriodRule("cjk_compared_part", 14, rf"(?:{word_alternation(vocab['compared_parts_before'])})\s*(?:(?P<year>{YEAR})年)?"
                   rf"(?:{halves}半年|第?[{numerals}1-4]季度|前[{numerals}1-4]季度|前(?:\d{{1,2}}|{counts})个?月"
                   rf"|(?:1[0-2]|0?[1-9]|{han_months})\s*[{joiners}]\s*(?:1[0-2]|0?[1-9]|{han_months})月份?|(?:1[0-2]|0?[1-9]|{han_months})月份?)(?![\d日])",
                   vocab["compared_parts_before"], compared),
        # 上年同期，全省进出口1.56万亿元: opening its clause, the story's period a year before (not a compared side)
        PeriodRule("cjk_opening_same_period", 12, rf"(?:^|(?<=[，。；：\n]))\s*(?:{word_alternation(vocab['same_period_openers'])})(?=\s*[，,])",
                   vocab["same_period_openers"], story_period_a_year_before),
        # 是2020年的两倍, 为上年同期的1.8倍: the time of a multiple's base dates nothing
        PeriodRule("cjk_multiple_base", 13, rf"(?:{word_alternation(vocab['multiple_base']['before'])})\s*(?:(?P<year>{YEAR})年|(?P<rel>{prior}))"
                   rf"(?:{word_alternation(vocab['compared_after'])})?的(?=[^，。；,;]{{1,8}}{vocab['multiple_base']['times']})",
                   vocab["multiple_base"]["before"], compared),
        PeriodRule("cjk_years_after", 21, rf"(?P<n>\d{{1,2}}|{counts})年(?:{word_alternation(vocab['years_after'])})", "年", years_after(vocab["cjk_counts"])),
        PeriodRule("cjk_fiscal_year", 20, rf"(?P<y1>{YEAR})\s*[{year_joiners}/]\s*(?P<y2>\d{{2}}|{YEAR})\s*(?:财政|財政)?年度", "年度", fiscal_year),
        PeriodRule("cjk_year_span", 23, rf"(?P<y1>{YEAR})年?\s*[{year_joiners}]\s*(?P<y2>{YEAR})年", "年", year_span),
        PeriodRule("cjk_year_to_date", 45, word_alternation(vocab["year_to_date"]), vocab["year_to_date"], year_to_date),
        PeriodRule("cjk_last_month", 70, word_alternation(vocab["last_month"]), vocab["last_month"], last_month),
        PeriodRule("cjk_this_month", 71, rf"{word_alternation(vocab['this_month'])}(?!{word_alternation(vocab['this_month_not_before'])})",
                   vocab["this_month"], this_month),
        # 首季, 今年首季度 (Hong Kong's and Taiwan's first quarter), 年内 (within the year: the sentence's, else the publication's)
        PeriodRule("cjk_first_quarter", 41, rf"{year_before}(?P<q>{word_alternation(vocab['first_quarter'])})(?:度)?(?![节節风風])",
                   vocab["first_quarter"], part_of_year("Q", "q", {word: 1 for word in vocab["first_quarter"]})),
        PeriodRule("cjk_within_year", 156, word_alternation(vocab["within_year"]), vocab["within_year"], within_year),
        # 2024年末, 今年年底 (the year written twice), 上年末 (the year before the one the sentence names)
        PeriodRule("cjk_year_end", 95, rf"(?:(?P<year>{YEAR})年|(?P<rel>{this_or_last_or_prior}))年?(?:{ends})", vocab["year_ends"], year_end),
        # 本季度末, 上季末, 本季度: the quarter of publication (or the one before), at its end
        PeriodRule("cjk_current_quarter", 38, rf"(?P<which>{word_alternation(vocab['this_quarter'] + vocab['last_quarter'])})(?P<end>{ends})?",
                   vocab["this_quarter"] + vocab["last_quarter"], current_quarter),
        PeriodRule("cjk_next_years", 22, rf"(?:{word_alternation(vocab['next_years'])})(?P<count>\d{{1,2}}|{counts})年(?:内|內|间|間)?", "年", next_years(vocab["cjk_counts"])),
        # 未来10天, 未来一周: the days after publication, in the months they fall in
        PeriodRule("cjk_next_days", 22, rf"(?:{word_alternation(vocab['next_years'])})(?P<count>\d{{1,2}}|{counts})(?P<unit>天|日|周|週)(?:内|內)?",
                   ["天", "日", "周", "週"], next_days(vocab["cjk_counts"])),
        PeriodRule("cjk_quarter_end", 39, rf"{year_before}第?(?P<q>[{numerals}1-4])季度(?:{ends})", "季度", quarter_end),
        PeriodRule("cjk_since", 150, rf"(?P<year>{YEAR})年(?:{word_alternation(vocab['since_after'])})", "年", since),
        PeriodRule("cjk_since_event", 151, rf"(?:{word_alternation(vocab['since_events'])})(?:{word_alternation(vocab['since_after'])})", vocab["since_events"], since_event),
        PeriodRule("cjk_full_year", 155, word_alternation(vocab["whole_year_zh"]), vocab["whole_year_zh"], full_year),
        PeriodRule("cjk_holiday", 27, rf"(?<!第){year_before}{quoted}(?P<holiday>{word_alternation(vocab['holidays'])})(?(quoted)[{quote_close}])节?(?:{word_alternation(vocab['holiday_words'])})",
                   list(vocab["holidays"]), holiday),
        PeriodRule("cjk_lunar_holiday", 28, rf"{year_before}(?P<holiday>{word_alternation(vocab['lunar_holidays'])})(?:节|節)?"
                   rf"(?:(?P<words>{word_alternation(vocab['holiday_words'])})|(?=[，,]|{word_alternation(vocab['holiday_day_words'])}))", list(vocab["lunar_holidays"]), lunar_holiday),
        PeriodRule("cjk_month_alone", 125, rf"(?<![\d年{month_numerals}])(?P<mm>1[0-2]|0?[1-9]|{han_months})月(?:{ends}|份)?(?![\d０-９]|\s*[{joiners}])", "月", month_alone),
    ]


def plan(match, text, published, vocab):
    """"十四五" (the 14th Five-Year Plan): 2021..2025."""
    from ..en.periods import five_year_plan_start

    number = 10 + vocab["cjk_counts"][match["n"][1]]
    first = five_year_plan_start(number, vocab["five_year_plan_starts"])
    return f"{first}..{first + 4}", False, False


def past_years(counts: dict):
    """近五年, 过去三年: the years before publication."""
    def resolve(match, text, published, vocab):
        if not published:
            return UNRESOLVED
        years = count_of_years(match["count"] or match["count_since"], counts)
        if years is None:
            return None
        if years == 1:
            return str(published.year - 1), True, False  # 过去一年: the last year, no span of one
        return f"{published.year - years}..{published.year - 1}", True, False
    return resolve


def count_of_years(written: str, counts: dict) -> int | None:
    """'5', '五', '二十', '一百' as a whole number of years; None for what is no such count."""
    if written.isdigit():
        return int(written)
    if written in counts:
        return counts[written]
    from .numerals import read_numeral

    number = read_numeral(written)
    if number is None or number.end != len(written) or number.approximate or number.value != number.value.to_integral_value():
        return None
    return int(number.value)


def years_ago(counts: dict):
    """十年前: ten years before the year the sentence named before it, else before publication; after
    比 / 较 (比三年前增长) the compared side, which dates nothing."""
    def resolve(match, text, published, vocab):
        years = count_of_years(match["n"], counts)
        if years is None:
            return None
        if text.endswith(tuple(vocab["compared_before"]), 0, match.start()):
            return UNSPECIFIED, True, True
        named = named_year(text, match.start(), vocab)
        if named:
            return str(named - years), False, False
        return (str(published.year - years), True, False) if published else UNRESOLVED
    return resolve


def quarter_span(match, text, published, vocab):
    """一至三季度, 一季度至三季度, 第一季度到第三季度: the months from the first quarter's start to the last one's end; with no year
    written, the last such span up to publication (as 前三季度 and 1-9月)."""
    year, relative = sentence_year(match, text, published, vocab)
    if year is None:
        return UNRESOLVED
    first, last = (int(q) if q.isdigit() else vocab["cjk_numerals"][q] for q in (match["q1"], match["q2"]))
    year -= 1 if relative and not match["rel"] and published and 3 * last > published.month else 0
    return months_ending(year, 3 * last, 3 * (last - first + 1)), relative, False  # 一至二季度 is the first half


def part_of_year(letter: str, group: str, numbers: dict):
    """上半年 -> 2025-H1, 第三季度 -> 2025-Q3 (the year stated before it, or with none written the
    last such part up to publication, as in English: 上半年 in a March article is last year's)."""
    months = 6 if letter == "H" else 3
    def resolve(match, text, published, vocab):
        year, relative = sentence_year(match, text, published, vocab)
        if year is None:
            return UNRESOLVED
        written = match[group]
        number = int(written) if written.isdigit() else numbers[written]
        year -= 1 if relative and not match["rel"] and published and months * number > published.month else 0
        return f"{year}-{letter}{number}", relative, False
    return resolve


def full_year(match, text, published, vocab):
    """全年: the year the sentence named before it (2024年…，全年…; 今年…，全年… the publication's); with
    none named, no period of its own (the article's year places it)."""
    named = named_year(text, match.start(), vocab)
    if named:
        return str(named), False, False
    before = text[max(0, match.start() - YEAR_REACH) : match.start()]
    relative = next((w for w in vocab["this_year"] + vocab["last_year"] if not w.isascii() and w in before), "")
    if relative and published:
        return str(published.year - (relative in vocab["last_year"])), True, False
    return None  # no year named: the period rules leave it to the article's


def holiday(match, text, published, vocab):
    """今年国庆假期, 2024年五一小长假: the month the holiday falls in, of the sentence's year (else the
    last such holiday up to publication)."""
    year, relative = sentence_year(match, text, published, vocab)
    if year is None:
        return UNRESOLVED
    month_of = vocab["holidays"][match["holiday"]]
    year -= 1 if relative and not match["rel"] and published and month_of > published.month else 0
    return f"{year}-{month_of:02d}", relative, False


def lunar_holiday(match, text, published, vocab):
    """春运期间, 春节假期, 今年端午小长假: the months a holiday of the lunar calendar spans in its year (the
    days around its date, from a table of dates): the sentence's year, else the publication's for one
    early in the year (春节, 春运), else the last such holiday up to publication; None for a year the
    table lacks (the sentence's other words then date it)."""
    holiday = vocab["lunar_holidays"][match["holiday"]]
    if not match["words"] and not holiday.get("alone"):
        return None  # 春节，: the day itself is no period (春运， is one)
    year, relative = sentence_year(match, text, published, vocab)
    if year is None:
        return UNRESOLVED
    first, last = holiday_days(holiday, year)
    if first is None:
        return None
    if relative and not match["rel"] and published and not holiday.get("early") and first > published:
        first, last = holiday_days(holiday, year - 1)
        if first is None:
            return None
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    return (months_ending(last.year, last.month, months) if months > 1 else f"{first.year}-{first.month:02d}"), relative, False


def holiday_days(holiday: dict, year: int):
    """(first, last) day of a lunar holiday in `year`, or (None, None) for a year with no date listed."""
    from datetime import date

    written = holiday["dates"].get(year)
    if not written:
        return None, None
    month_of, day_of = (int(part) for part in str(written).split("-"))
    day = date(year, month_of, day_of)
    return day + timedelta(days=holiday["from"]), day + timedelta(days=holiday["to"])


def month(match, text, published, vocab):
    return f"{match['year']}-{int(match['mm']):02d}", False, False


def month_span(match, text, published, vocab):
    """2024年1-10月, 一至十月 -> 2024-01/2024-10."""
    year, relative = sentence_year(match, text, published, vocab)
    first, last = (int(m) if m.isdigit() else vocab["cjk_counts"][m] for m in (match["m1"], match["m2"]))
    if not 1 <= first < last <= 12:
        return None
    if year is None:
        return UNRESOLVED
    year -= 1 if relative and not match["rel"] and published and last > published.month else 0  # the last such span up to publication
    return months_ending(year, last, last - first + 1), relative, False  # 1-3月 is the first quarter, 1-6月 the first half


def day_span(match, text, published, vocab):
    """1月28日至2月4日, 10月1日至8日 -> the months those days fall in (2025-01/2025-02, 2025-10): periods
    are months at the finest; the year is the sentence's, else the last such span up to publication."""
    first, last = int(match["m1"]), int(match["m2"] or match["m1"])
    if not (1 <= first <= 12 and 1 <= last <= 12 and 1 <= int(match["d1"]) <= 31 and 1 <= int(match["d2"]) <= 31):
        return None
    year, relative = sentence_year(match, text, published, vocab)
    if year is None:
        return UNRESOLVED
    year -= 1 if relative and not match["rel"] and published and first > published.month else 0
    end_year = year + 1 if last < first else year  # 12月30日至1月5日 crosses a new year
    span = f"{year}-{first:02d}" if (year, first) == (end_year, last) else f"{year}-{first:02d}/{end_year}-{last:02d}"
    return span, relative, False


def first_months(counts: dict):
    """前三季度 -> the first nine months; 前两个月 -> the first two."""
    def resolve(match, text, published, vocab):
        year, relative = sentence_year(match, text, published, vocab)
        written = match["n"]
        number = int(written) if written.isdigit() else counts[written]
        months = number * (3 if match["unit"].startswith("季") else 1)
        if not 1 < months <= 12:
            return None
        if year is None:
            return UNRESOLVED
        year -= 1 if relative and not match["rel"] and published and months > published.month else 0
        return months_from_january(year, months), relative, False
    return resolve


def story_period_a_year_before(match, text, published, vocab):
    """上年同期， opening a clause: the period the story last stated, a year earlier (reader.periods.anchored);
    with no story stated, last year."""
    return (str(published.year - 1), True, False, "P") if published else None


def compared(match, text, published, vocab):
    """The compared side of a change (比去年同期增长5%): an event, which dates no figure."""
    return (match["year"] or "unspecified"), True, True


def years_after(counts: dict):
    """3年后: three years after the year the sentence named last before it (else after publication)."""
    def resolve(match, text, published, vocab):
        count = match["n"]
        years = int(count) if count.isdigit() else counts[count]
        named = named_year(text, match.start(), vocab)
        if named:
            return str(named + years), False, False
        return (str(published.year + years), True, False) if published else UNRESOLVED
    return resolve


YEAR_REACH = 200  # characters back to the year a sentence named, that "N年后" counts from and 上半年 lies in


def named_year(text: str, start: int, vocab: dict) -> int | None:
    """The last single year the sentence names before `start` (2024年营收30亿元，其中上半年...): not
    the start of a span (2020年以来, 2021年至2024年) nor the compared side (比2023年)."""
    found = None
    for match in single_year(vocab).finditer(text, max(0, start - YEAR_REACH), start):
        if not text.endswith(tuple(vocab["compared_before"]), 0, match.start()):
            found = int(match[1])
    return found


@functools.cache
def single_year_pattern(after: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"({YEAR})年(?!{word_alternation(after)})")


def single_year(vocab: dict) -> re.Pattern:
    return single_year_pattern(tuple(vocab["since_after"] + vocab["year_span_joiners"] + vocab["years_after"]))


def sentence_year(match, text, published, vocab) -> tuple[int | None, bool]:
    """(year, relative) of a part of a year: the one written with it (2024年上半年, 去年上半年), else the
    one its sentence named before it, else the publication's (year_of)."""
    groups = match.groupdict()
    if not (groups.get("year") or groups.get("rel")):
        named = named_year(text, match.start(), vocab)
        if named:
            return named, False
    return year_of(match, published, vocab)


def fiscal_year(match, text, published, vocab):
    """2024至25年度, 2024-25财政年度: a fiscal year from April to March (Hong Kong's, the one Chinese
    news writes across two years)."""
    first, last = int(match["y1"]), int(match["y2"])
    last = last if last > 99 else first // 100 * 100 + last
    return (f"{first}-04/{last}-03", False, False) if last == first + 1 else None


def year_span(match, text, published, vocab):
    """2020—2024年, 2021年至2024年: the years from the first to the last."""
    first, last = int(match["y1"]), int(match["y2"])
    return (f"{first}..{last}", False, False) if first < last else None


def year_to_date(match, text, published, vocab):
    """今年以来: from January to the month of publication."""
    if not published:
        return UNRESOLVED
    return f"{published.year}-01/{published.year}-{published.month:02d}", True, False


def last_month(match, text, published, vocab):
    if not published:
        return UNRESOLVED
    year, month = (published.year, published.month - 1) if published.month > 1 else (published.year - 1, 12)
    return f"{year}-{month:02d}", True, False


def this_month(match, text, published, vocab):
    """本月: the month of publication."""
    if not published:
        return UNRESOLVED
    return f"{published.year}-{published.month:02d}", True, False


def within_year(match, text, published, vocab):
    """年内 (within the year): the year the sentence named before it, else the publication's."""
    named = named_year(text, match.start(), vocab)
    if named:
        return str(named), False, False
    return (str(published.year), True, False) if published else UNRESOLVED


def year_end(match, text, published, vocab):
    """2024年末, 去年底: the last month of the year, as a level at its end is dated."""
    if match["year"]:
        return f"{match['year']}-12", False, False
    if match["rel"] in vocab["prior_year"]:
        named = named_year(text, match.start(), vocab)
        if named:
            return f"{named - 1}-12", False, False  # 2024年…上年末: the end of 2023
    if not published:
        return UNRESOLVED
    last = match["rel"] in vocab["last_year"] + vocab["prior_year"]
    return f"{published.year - last}-12", True, False


def current_quarter(match, text, published, vocab):
    """本季度末 / 上季度末: the last month of the quarter of publication or of the one before; 本季度 the quarter."""
    if not published:
        return UNRESOLVED
    quarter = (published.month - 1) // 3 + 1 - (match["which"] in vocab["last_quarter"])
    year = published.year - (quarter == 0)
    quarter = quarter or 4
    return (f"{year}-{3 * quarter:02d}" if match["end"] else f"{year}-Q{quarter}"), True, False


def day(match, text, published, vocab):
    """2025年7月5日, 7月5日: the month of the day, of the sentence's year, else the last such day up to
    publication; a day a verb of releasing follows (1月9日发布数据) is when something was said."""
    month_number, day_number = int(match["mm"]), int(match["dd"])
    if not 1 <= day_number <= 31:
        return None
    released = text.startswith(tuple(vocab["release_after_day"]), match.end()) or any(
        text.startswith(word, match.end() + gap) for gap in (1, 2) for word in vocab["release_after_day"])
    year, relative = sentence_year(match, text, published, vocab)
    if year is None:
        return UNRESOLVED
    year -= 1 if relative and not match["rel"] and published and (month_number, day_number) > (published.month, published.day) else 0
    return f"{year}-{month_number:02d}", relative, released


def day_alone(match, text, published, vocab):
    """10日: the last 10th up to publication, as its month; a verb of releasing after it dates nothing."""
    day_number = int(match["dd"])
    if not published or not 1 <= day_number <= 31:
        return UNRESOLVED if not published else None
    released = any(text.startswith(word, match.end() + gap) for gap in (0, 1, 2) for word in vocab["release_after_day"])
    year, month = (published.year, published.month) if day_number <= published.day else \
        ((published.year, published.month - 1) if published.month > 1 else (published.year - 1, 12))
    return f"{year}-{month:02d}", True, released


def relative_month(match, text, published, vocab):
    """今年九月, 去年10月: that month of the year of publication, or of the year before."""
    written = match["mm"]
    month_number = int(written) if written.isdigit() else vocab["cjk_counts"][written]
    year, relative = year_of(match, published, vocab)
    return (f"{year}-{month_number:02d}", relative, False) if year else UNRESOLVED


def month_alone(match, text, published, vocab):
    """6月末, 7月份, 十二月份: the last such month up to publication."""
    written = match["mm"]
    month_number = int(written) if written.isdigit() else vocab["cjk_counts"][written]
    named = named_year(text, match.start(), vocab)
    if named:
        return f"{named}-{month_number:02d}", False, False
    if not published:
        return UNRESOLVED
    year = published.year - (1 if month_number > published.month else 0)
    return f"{year}-{month_number:02d}", True, False


def next_years(counts: dict):
    """未来五年, 今后三年: the years after publication."""
    def resolve(match, text, published, vocab):
        if not published:
            return UNRESOLVED
        count = match["count"]
        years = int(count) if count.isdigit() else counts[count]
        return f"{published.year + 1}..{published.year + years}", True, False
    return resolve


def next_days(counts: dict):
    """未来10天, 未来一周: from publication to that many days after it, as the months they fall in."""
    def resolve(match, text, published, vocab):
        if not published:
            return UNRESOLVED
        count = match["count"]
        days = (int(count) if count.isdigit() else counts[count]) * (7 if match["unit"] in ("周", "週") else 1)
        end = published + timedelta(days=days)
        first, last = f"{published.year}-{published.month:02d}", f"{end.year}-{end.month:02d}"
        return (first if first == last else f"{first}/{last}"), True, False
    return resolve


def quarter_end(match, text, published, vocab):
    """三季度末: the quarter's last month, as a level at its end is dated."""
    year, relative = sentence_year(match, text, published, vocab)
    if year is None:
        return UNRESOLVED
    written = match["q"]
    quarter = int(written) if written.isdigit() else vocab["cjk_numerals"][written]
    if relative and not match["rel"] and published and 3 * quarter >= published.month and not is_year_end_ahead(text, match):
        year -= 1  # 第三季度末 in a September article: the last such quarter end passed, as 上半年 is; 到三季度末 looks ahead
    return f"{year}-{3 * quarter:02d}", relative, False


def since(match, text, published, vocab):
    """2019年以来: from that year to publication."""
    return (f"{match['year']}..{published.year}" if published else match["year"]), False, False


def since_event(match, text, published, vocab):
    """开通以来, 成立以来: since the thing began, up to publication: the month of publication."""
    if not published:
        return UNRESOLVED
    return f"{published.year}-{published.month:02d}", True, False


BARE_YEAR_END = re.compile(r"(?<![\d０-９年今去上明前本当當])年(?:末|底)")
WHOLE_YEAR = re.compile(r"(?<![\d０-９年今去上明前本当當])全年")
CONTEXT_YEAR = re.compile(rf"^({YEAR})(?:$|-)")


def year_ends_in_context(text: str, mentions: list, context, published) -> list:
    """年末, 年底 and 全年 with no year of their own: the end of (or the whole of) the year the title or an
    earlier sentence names (a 2024 communique's 年末 is 2024-12, its 全年 2024, even after a sentence on
    年末); with none named, 年末 is the last year-end before publication and 全年 is left to the context.
    A part of a year written without one (上半年, 前三季度, 1-10月) is a part of that named year too."""
    named = CONTEXT_YEAR.match(context.period) if context is not None else None
    if named:
        mentions = [in_year(m, int(named[1])) for m in mentions]
    if "年末" not in text and "年底" not in text and "全年" not in text:
        return mentions
    from ...model import PeriodMention
    from ...reader.periods import is_fronted

    year = int(named[1]) if named else (published.year - (published.month < 12) if published else None)
    found = []  # (match, year, relative): the sentence's own year first (2024年，该港全年…), else the context's
    for pattern, whole in ((BARE_YEAR_END, False), (WHOLE_YEAR, True)):
        for m in pattern.finditer(text):
            own = named_year(text, m.start(), period_vocabulary())
            if own or (named if whole else year is not None):
                this = published.year if not (own or named or whole) and published and is_year_end_ahead(text, m) else year
                found.append((m, f"{own or this}" + ("" if whole else "-12"), not (own or named)))
    added = [PeriodMention(start=m.start(), end=m.end(), period=period, text=m[0], relative=relative, fronted=is_fronted(text, m),
                            point=period.endswith("-12"))
             for m, period, relative in found if not overlaps_any(mentions, m.start(), m.end())]
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def is_year_end_ahead(text: str, match: re.Match) -> bool:
    """到年底, 年底前: a deadline at the end of the year under way, not the last year-end passed."""
    ahead = period_vocabulary()["year_end_ahead"]
    before = text.endswith(tuple(ahead["before"]), 0, match.start()) and not text.endswith(tuple(ahead["not_before"]), 0, match.start())
    return before or text.startswith(tuple(ahead["after"]), match.end())


@functools.cache
def period_vocabulary() -> dict:
    from .. import vocabulary

    return vocabulary("periods")


def overlaps_any(mentions: list, start: int, end: int) -> bool:
    """Whether a mention (sorted by start, none overlapping) overlaps [start, end)."""
    at = bisect.bisect_left(mentions, end, key=lambda m: m.start)
    return at > 0 and mentions[at - 1].end > start


PART_OF_YEAR = re.compile(rf"^{YEAR}-(?:H[12]|Q[1-4]|\d\d/{YEAR}-\d\d)$")
HAN_CHARACTER = re.compile(r"[\u4e00-\u9fff]")
WRITTEN_YEAR = re.compile(rf"{YEAR}|今年|去年|上年|明年|本年|前年")


def in_year(mention, year: int):
    """上半年 under a 2024 title is 2024-H1, not the publication year's half; so is an 上半年 that no
    publication date placed."""
    if mention.period == UNSPECIFIED and not mention.event:
        return placed_in(mention, year)
    if not mention.relative or not HAN_CHARACTER.search(mention.text) or not PART_OF_YEAR.match(mention.period) or WRITTEN_YEAR.search(mention.text):
        return mention
    from dataclasses import replace

    return replace(mention, period=re.sub(YEAR, str(year), mention.period), relative=False)


def placed_in(mention, year: int):
    """An unresolved part of a year (UNRESOLVED) read again as of the end of `year`: 1-10月 under a 2024
    title is 2024-01/2024-10. A time counted from publication (近五年, 今年以来) stays unresolved."""
    from dataclasses import replace
    from datetime import date

    from ...reader.periods import read_periods

    again = read_periods(mention.text, date(year, 12, 31))
    if len(again) != 1 or again[0].end - again[0].start != len(mention.text) or not PART_OF_YEAR.match(again[0].period):
        return mention
    return replace(mention, period=again[0].period, relative=False)
