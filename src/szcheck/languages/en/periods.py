"""English period rules and their resolvers: "in 2024", "as of March 2025", "the first half of
2025", "during the 14th Five-Year Plan period", "over the past five years", "last month"."""

from __future__ import annotations

import calendar
import functools
import re
from datetime import date, timedelta

from ...reader.calendar import YEAR, PeriodRule, months_ending, months_from_january, year_of, year_offset
from ...model import UNSPECIFIED
from ...reader.patterns import ending_with, ends_with, word_alternation
from .. import vocabulary


def rules(vocab: dict) -> list[PeriodRule]:
    month = word_alternation(vocab["months"])
    ordinal = word_alternation(vocab["ordinals"])
    final = word_alternation(vocab["final_ordinals"])
    relative_year = word_alternation(vocab["this_year"] + vocab["last_year"] + vocab.get("next_year", []))
    # "October the previous year": a month of the year before publication's, as before the rule for the year alone
    before_said = word_alternation(vocab["this_year"] + vocab["last_year"] + vocab["year_before_said"] + vocab.get("next_year", []))
    year_or_relative = rf"(?P<year>{YEAR})(?!\d|,\d)|(?P<rel>{before_said})"
    count = rf"\d+|{word_alternation(vocabulary('figures')['number_words'])}"
    months = [m.capitalize() for m in vocab["months"]]  # months are capitalized; "may" is usually the verb
    ending_verbs = word_alternation(vocab["ending_verbs"])
    parts = word_alternation(vocab["parts_of_month"])  # "in mid-June", "in early May", "late-March": that month
    alone = word_alternation(vocab["month_alone_after"])  # "August alone brought 3.5 million passengers"
    count_word = rf"(?P<n>\d{{1,2}}|{word_alternation(vocabulary('figures')['number_words'])})"
    return [
        PeriodRule("months_to", 43, rf"(?:the\s+)?(?:(?P<n>\d{{1,2}}|{word_alternation(vocabulary('figures')['number_words'])})\s+(?P<unit>months|weeks|years)"
                   rf"|(?P<whole>(?:fiscal|financial)\s+year|year)|(?P<quarter>(?:fiscal\s+|financial\s+)?quarter)|(?P<half>half-year|half))"
                   rf"\s+(?:to|(?:(?:that|which)\s+)?(?:ended|ending|ends)(?:\s+(?:in|on))?|through|till|until)\s+(?P<month>{month})\.?(?:\s+(?P<day>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?)?(?:,?\s+(?:{year_or_relative}))?",
                   ["months", "weeks", "years", "year", "quarter", "half"], months_to),
        # "fiscal 2025, which ended in March", "fiscal 2024 ended Sept. 30": the twelve months to that month of the year named
        PeriodRule("fiscal_year_ended", 43, rf"(?:fiscal|financial)\s+(?:year\s+)?(?P<fy>{YEAR}),?\s+(?:(?:that|which)\s+)?(?:ended|ending|ends|to)(?:\s+(?:in|on))?"
                   rf"\s+(?P<month>{month})\.?(?:\s+\d{{1,2}}(?!\d)(?:st|nd|rd|th)?)?(?:,?\s+(?P<year>{YEAR})(?!\d))?", ["fiscal", "financial"], fiscal_year_ended),
        PeriodRule("years_to_year", 43, rf"(?:the\s+)?(?:(?P<count>{count})\s+years|(?P<decade>decade))\s+(?:to|through|till|until|(?:that\s+)?(?:ended|ending)(?:\s+in)?)"
                   rf"\s+(?:the\s+end\s+of\s+)?(?P<year>{YEAR})(?:[-/\u2013](?P<yy>\d\d))?(?!\d|,\d|[-/]\d)", ["years", "decade"], years_to_year),
        # "the fiscal year starting July 1", "the financial year that began in April": the twelve months from that month
        PeriodRule("year_from", 43, rf"(?:the\s+)?(?:fiscal|financial|budget|tax)\s+year\s+(?:(?:that|which)\s+)?(?P<verb>{word_alternation(vocab['year_start_verbs'])})"
                   rf"(?:\s+(?:on|in))?\s+(?P<month>{month})\.?(?:\s+(?P<day>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?)?(?:,?\s+(?P<year>{YEAR})(?!\d))?",
                   ["year"], year_from),
        # "between April 2025 and March 2030", "from July 2024 to June 2025": the months from one to the other
        PeriodRule("dated_month_span", 41, rf"(?:from|between)\s+(?P<m1>{month})\.?\s+(?P<y1>{YEAR})\s*(?:-|–|to|through|until|and)\s*"
                   rf"(?P<m2>{month})\.?\s+(?P<y2>{YEAR})(?!\d)", months, dated_month_span),
        PeriodRule("month_span", 44, rf"(?:from\s+|between\s+)?(?P<m1>{month})\.?\s*(?:-|–|to|through|and|-to-|-through-)\s*(?P<m2>{month})\.?(?:\s+quarter(?:\s+of)?)?(?:,?\s+(?:{year_or_relative}))?",
                   months, month_span),
        PeriodRule("first_months", 45, rf"(?:the\s+)?first\s+{count_word}\s+(?P<unit>months|quarters)(?:\s+of\s+(?:the\s+year\s+)?(?:{year_or_relative}))?",
                   ["months", "quarters"], first_months),
        PeriodRule("part_of_month", 42, rf"(?:the\s+)?(?:first|last|final|past|opening|closing)\s+(?:{count_word}\s+)?(?:weeks?|days?|fortnight)\s+of\s+"
                   rf"(?P<month>{month})\.?(?:,?\s+(?:{year_or_relative}))?(?![\w-])", ["weeks", "week", "days", "day", "fortnight"], part_of_month),
        PeriodRule("year_to_date", 46, word_alternation(vocab["year_to_date"]), [w.split()[-1] for w in vocab["year_to_date"]], year_to_date),
        # "its fiscal fourth quarter", "the first quarter of fiscal 2026", "Q2 FY26": a part of a financial year whose
        # calendar months the words do not give (with an end, "the fiscal first quarter ended Sept. 30", months_to reads it)
        PeriodRule("fiscal_part", 47, rf"fiscal\s+(?:{ordinal})[\s-](?:quarter|half)|fiscal\s+[qh][1-4](?![\w-])"
                   rf"|(?:{ordinal})[\s-](?:quarter|half)\s+of\s+(?:(?:the|its)\s+)?(?:fiscal|financial)\s+(?:year\s+)?(?:{YEAR}(?:[-/]\d\d)?(?!\d))?"
                   rf"|[qh][1-4]\s*(?:of\s+)?fy\s?'?(?:\d\d){{1,2}}(?:[-/]\d\d)?(?!\d)", re.compile(r"fiscal|financial|fy"),
                   lambda match, text, published, vocab: (UNSPECIFIED, False, False)),
        PeriodRule("plan", 10, r"(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+five-year\s+plan(?:\s+period)?", "five-year", plan),
        PeriodRule("past_years", 20, rf"(?:over|in|during|for|within)\s+the\s+(?P<dir>past|last|previous|next|coming)\s+(?:(?P<count>{count})\s+years|(?P<decade>decade))",
                   ["years", "decade"], past_years),
        PeriodRule("years_ago", 22, rf"(?P<count>{count})\s+years\s+ago|(?P<decade>a\s+decade)\s+ago", "ago", years_ago),
        PeriodRule("past_days", 19, rf"(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+(?P<count>{count})\s+(?P<unit>hours|days|weeks)(?![\w-])",
                   ["hours", "days", "weeks"], past_days),
        PeriodRule("past_months", 21, rf"(?:over|in|during|for|within)\s+the\s+(?:past|last|previous|trailing)\s+(?P<count>{count})\s+months", "months", past_months),
        PeriodRule("half", 50, rf"(?:the\s+)?(?:(?P<ord>{ordinal})|(?P<final>{final})(?=[\s-]half\s+of\s))[\s-]half(?:\s+(?:of\s+)?(?:{year_or_relative}))?"
                   rf"|{short_part('h', '12')}", re.compile(r"half|h[12]|[12]h\s?\d"), part_of_year("H")),
        PeriodRule("month_quarter", 55, rf"(?:the\s+)?(?P<month>{month})[\s-](?P<part>quarter|half)(?:\s+(?:of\s+)?(?:{year_or_relative}))?",
                   ["quarter", "half"], month_quarter),
        PeriodRule("quarter", 60, rf"(?:the\s+)?(?:(?P<ord>{ordinal})|(?P<final>{final})(?=[\s-]quarter\s+of\s))[\s-]quarter(?:\s+(?:of\s+)?(?:{year_or_relative}))?"
                   rf"|{short_part('q', '1-4')}", re.compile(r"quarter|q[1-4]|[1-4]q\s?\d"), part_of_year("Q")),
        PeriodRule("bare_quarter", 61, r"(?<![\w-])(?:q(?P<q>[1-4])|h(?P<h>[12]))(?![\w-]|\s*(?:'|fy|(?:19|20)\d\d))",
                   ["q1", "q2", "q3", "q4", "h1", "h2"], bare_quarter),
        PeriodRule("last_month_word", 70, r"(?:last|the\s+previous|the\s+past)\s+month", "month", last_month_word),
        PeriodRule("this_month", 71, r"(?:(?P<this>this|the\s+current|(?:earlier|later)\s+in\s+the)|(?P<next>next|the\s+coming))\s+(?P<unit>month|quarter)(?![\w-])",
                   ["month", "quarter"], this_or_next_part),
        PeriodRule("week", 69, r"(?:(?P<this>this|the\s+current|(?:earlier|later)\s+in\s+the)|(?P<last>last|the\s+previous|the\s+past)|(?P<next>next|the\s+coming))\s+week(?![\w-])",
                   "week", week_word),
        PeriodRule("mid_year", 73, r"(?:(?:by|at|in|until)\s+)?(?:the\s+)?(?:mid-?year|middle\s+of\s+(?:the|this)\s+year)(?![\w-])",
                   ["mid-year", "midyear", "middle of"], mid_year),
        PeriodRule("last_quarter_word", 72, r"last\s+quarter(?![\w-]|\s+of\b)", "quarter", last_quarter_word),
        # "at the end of the year", "ended the quarter at 17.9%": the last month of that part
        PeriodRule("end_of_part", 41, rf"(?:(?:as\s+of\s+|by\s+|at\s+)?(?:the\s+)?end\s+of\s+|(?<![\w-])(?:{ending_verbs})\s+)(?:the\s+)?"
                   rf"(?:(?P<ord>{ordinal})[\s-](?P<part>quarter|half)"
                   rf"(?:\s+(?:of\s+)?(?:{year_or_relative}))?|(?P<story>{word_alternation(vocab['story_ends'])})(?![\w-]|\s+{YEAR}))"
                   rf"|(?:at|by)\s+(?P<year_end>year[\s-]end)(?![\w-])", ["end of", "year-end", "year end", *vocab["ending_verbs"]], end_of_part),
        PeriodRule("ended_year", 42, rf"(?<![\w-])(?:{ending_verbs})\s+(?P<year>{YEAR})(?!\d|,\d|[-/]\d)", vocab["ending_verbs"],
                   lambda match, text, published, vocab: (f"{match['year']}-12", False, False)),  # "Shares ended 2024 at 152 crowns"
        PeriodRule("start_of", 79, rf"(?:at\s+)?the\s+(?:start|beginning)\s+of\s+(?:the\s+year|{year_or_relative})", ["start of", "beginning of"], start_of),
        PeriodRule("end_of", 80, rf"(?:as\s+of\s+|by\s+|at\s+)?(?:(?:the\s+)?end\s+of\s+|end-(?=[A-Za-z]+|\d))(?:(?P<month>{month})\.?\s*)?(?:{year_or_relative})?",
                   ["end of", "end-"], end_of),
        PeriodRule("iso_date", 90, rf"(?P<year>{YEAR})-(?P<mm>\d\d)-(?P<dd>\d\d)(?:\s+\d\d:\d\d)?", "-", iso_date),
        PeriodRule("since_month", 78, rf"since\s+(?:(?:(?:{parts})[\s-])?(?P<month>{month})\.?|the\s+(?:start|beginning)\s+of(?:\s+the\s+year)?)(?:\s+(?:{year_or_relative}))?(?![\w-])",
                   "since", since_month, running=True),
        PeriodRule("month_year", 110, rf"(?:(?P<asof>as\s+of|by)\s+)?(?P<month>{month})\.?\s+(?:(?P<day>\d{{1,2}}),?\s+)?(?:{year_or_relative})",
                   months, month_year),
        PeriodRule("month_day", 120, rf"(?:(?P<asof>as\s+of|by)\s+)?(?P<month>{month})\.?\s+(?P<day>\d{{1,2}})(?!\d|,\d)", months, month_day),
        # "the April race drew 31,000 runners", "the March election": a month before the event it names dates it
        PeriodRule("month_of_event", 131, rf"(?:(?:the|its|their|this|(?P<last>last))\s+|(?<=['’]s\s))(?P<month>{month})(?=\s+(?:{word_alternation(vocab['month_event_nouns'])})(?![\w-]))",
                   months, month_of_event),
        # "March payrolls are now estimated at 315,000": a month opening its sentence before a noun dates that noun
        PeriodRule("opening_month", 132, rf"^\s*(?P<last>)(?P<month>{month})(?=\s+[a-z][a-z-]*\s+[a-z])", months, month_of_event),
        PeriodRule("last_month", 130, rf"(?:(?:(?P<last>last)|in|as\s+of|by|for|during|the\s+month\s+of|(?<![\w-])(?:{word_alternation(vocab['ending_verbs_past'])}))\s+(?:(?:{parts})[\s-])?|(?<![\w-])(?:{parts})-|(?<=\bfrom\s)|(?<=\bcompared\swith\s)|(?<=\bcompared\sto\s)|(?=(?:{month})\s+(?:{alone})\b))(?P<month>{month})(?![\w-])", months, named_month),
        PeriodRule("year_range", 140, rf"(?:from\s+|between\s+)?(?P<y1>{YEAR})\s*(?:-|–|to|and)\s*(?P<y2>{YEAR})(?!\d)",
                   re.compile(rf"{YEAR}\s*(?:-|–|to|and)\s*{YEAR}"), lambda match, text, published, vocab: (f"{match['y1']}..{match['y2']}", False, False)),
        PeriodRule("since", 150, rf"since\s+(?P<year>{YEAR})(?!\d|,\d)", "since", since, running=True),
        # "FY26", "FY2026", "FY2025-26", "FY25/26": a financial year by the calendar year it ends in, as "fiscal 2026" is read
        PeriodRule("short_fiscal_year", 165, r"(?<![a-z])fy\s?'?(?:(?:20)?\d\d[-/–])?(?:20(?=\d\d(?!\d)))?(?P<yy>\d\d)(?!\d|s(?![a-z])|[-/–]\d)", "fy", short_fiscal_year),
        # "2024-25", "2024/25": a financial year or a season, by the calendar year it ends in, as "FY2024-25" is read
        PeriodRule("split_year", 166, rf"(?<![\d/-])(?P<year>{YEAR})[-/\u2013](?P<yy>\d\d)(?![\d/-])", re.compile(r"\d\d[-/\u2013]\d\d(?!\d)"), split_year),
        PeriodRule("story_period_in_year", 168, rf"the\s+same\s+(?:{word_alternation(vocab['story_period_in_year_nouns'])})\s+(?:of|in)\s+(?P<year>{YEAR})(?!\d|,\d)",
                   ["same"], story_period_in_year),
        PeriodRule("year", 170, rf"(?P<year>{YEAR})(?!\d|,\d|\.\d|['’]?s(?![a-z]))", "", year),  # "the 1990s" is a decade
        PeriodRule("relative_year", 180, relative_year, sorted({w.split()[-1].lower() for w in vocab["this_year"] + vocab["last_year"] + vocab.get("next_year", [])}),
                   this_or_last_year),
        PeriodRule("story_quarter", 186, rf"{word_alternation(vocab['story_quarter'])}(?!\s+(?:of|ended|ending|to)\b)",
                   [w.split()[-1].lower() for w in vocab["story_quarter"]], story_quarter),
        PeriodRule("next_financial_year", 184, word_alternation(vocab["next_financial_year"]), ["year"], next_financial_year),
        PeriodRule("current_financial_year", 184, word_alternation(vocab["current_financial_year"]), ["year"], current_financial_year),
        PeriodRule("story_period", 187, rf"{word_alternation(vocab['story_period'])}(?!\s+(?:of|from|between|to|ended|ending)\b|\s+\d)",
                   [w.split()[-1].lower() for w in vocab["story_period"]], story_period),
        # "A year earlier, the group pumped 27.8 million bpd": opening its sentence, the story's period a year back
        PeriodRule("opening_a_year_before", 174, rf"^\s*(?:{word_alternation(vocab['a_year_back_openers'])})(?=\s*,|\s+(?!(?:{word_alternation(vocab['a_year_back_openers_not_before'])})(?![\w-]))[A-Za-z])",
                   ["earlier", "ago", "before"], story_period_a_year_before),
        PeriodRule("year_before_said", 176, rf"{word_alternation(vocab['year_before_said'] + vocab['season_before_said'])}(?![\w-])",
                   ["previous", "prior", "preceding", "season"],
                   year_before_said),
        PeriodRule("story_period_a_year_before", 175, word_alternation(vocab["story_period_a_year_before"]),
                   ["same", "year-earlier", "year-ago", "prior-year", "this"], story_period_a_year_before),
        # "full-year 2024 profit": the year written says which full year
        PeriodRule("full_year", 185, rf"(?:{word_alternation(vocab['full_year'])})(?![\s-]+{YEAR}(?!\d))", [w.split()[-1].lower() for w in vocab["full_year"]], full_year),
        # "now expects", "now sees": when a forecast is made, not the period it is for
        PeriodRule("now", 190, rf"{word_alternation(vocab['as_of_publication'])}(?!\s+(?:{word_alternation(vocab['outlook_verbs_after_now'])}))",
                   [w.lower() for w in vocab["as_of_publication"]], now),
    ]


def dated_month_span(match, text, published, vocab):
    """'between April 2025 and March 2030': from the first month to the last, over the years they name."""
    first, last = (int(match["y1"]), vocab["months"][match["m1"].lower()]), (int(match["y2"]), vocab["months"][match["m2"].lower()])
    if first >= last:
        return None
    return f"{first[0]}-{first[1]:02d}/{last[0]}-{last[1]:02d}", False, False


def month_span(match, text, published, vocab):
    """'from January to October 2024', 'January-October': the months of one year, as an interval."""
    year, relative = year_of(match, published, vocab)
    first, last = vocab["months"][match["m1"].lower()], vocab["months"][match["m2"].lower()]
    if year is None or first >= last:
        return None
    year -= 1 if relative and not match["rel"] and published and last > published.month else 0  # the last such span up to publication
    return months_ending(year, last, last - first + 1), relative, False


def months_to(match, text, published, vocab):
    """'the three months to June' (2025-Q2), 'the year to January', 'the fiscal year ended March 31',
    'the quarter ended Sept. 30', 'the half-year to June', 'the six weeks to January 4':
    the months ending with that month, the last such month up to publication when no year is given."""
    count = match["n"]
    number = 12 if match["whole"] else 3 if match["quarter"] else 6 if match["half"] else \
        int(count) if count.isdigit() else int(vocabulary("figures")["number_words"][count.lower()])
    last = vocab["months"][match["month"].lower()]
    year, relative = year_of(match, published, vocab)
    if year is None or not 1 < number <= {"weeks": 52, "years": 10}.get(match["unit"], 12):
        return None
    if relative and not match["rel"] and published:
        year += year_to_come(last, published) if expects_before(text, match, vocab) else -not_yet_over(last, match["day"], published)
    if match["unit"] == "weeks":
        days_in_month = calendar.monthrange(year, last)[1]
        day = int(match["day"]) if match["day"] else days_in_month  # 'the 52 weeks to March': to its end
        if not 1 <= day <= days_in_month:
            return None
        return weeks_ending(date(year, last, day), number), relative, False
    if match["unit"] == "years":
        return years_ending(year, last, number), relative, False
    if match["day"] == "1" and not match["whole"] and not match["quarter"] and not match["half"]:
        year, last = (year, last - 1) if last > 1 else (year - 1, 12)  # "the twelve months to October 1": to the end of September
    return months_ending(year, last, number), relative, False


def fiscal_year_ended(match, text, published, vocab):
    """'fiscal 2025, which ended in March': 2024-04/2025-03, the months to that month of the year the words name."""
    year = int(match["year"] or match["fy"])
    return months_ending(year, vocab["months"][match["month"].lower()], 12), False, False


def year_from(match, text, published, vocab):
    """'the fiscal year starting July 1' (said in June 2025: 2025-07/2026-06), 'the financial year that began in
    April': the twelve months from that month; with no year written, a year that begins is the next to start (or
    one begun within the last STARTED_LATELY months), one that began the last to start by publication."""
    first = vocab["months"][match["month"].lower()]
    if match["year"]:
        year = int(match["year"])
    elif published is None:
        return None
    else:
        begun = (first, int(match["day"] or 1)) <= (published.month, published.day)
        year = published.year - (begun is False and match["verb"].lower() in vocab["year_started_verbs"])
        if begun and match["verb"].lower() not in vocab["year_started_verbs"]:
            year += (published.month - first) > STARTED_LATELY
    end = year * 12 + first - 1 + 11  # months counted from year 0, the last one of the twelve
    return months_ending(end // 12, end % 12 + 1, 12), not match["year"], False


STARTED_LATELY = 2  # "the fiscal year starting July 1" said in August is the one just begun; said in December, the next


def years_ending(year: int, last: int, years: int) -> str:
    """'the three years to March 2027': the 36 months ending with that month (2024-04/2027-03)."""
    if last == 12:
        return f"{year - years + 1}..{year}"  # as 'from 2025 to 2027' is read
    return f"{year - years}-{last + 1:02d}/{year}-{last:02d}"


def not_yet_over(last: int, day: str | None, published: date) -> bool:
    """Whether the month (or the day of it) a span ends with has not passed in the year of publication: 'the
    year to January' said in January is the last one, 'the six weeks to January 4' said on January 9 this one."""
    if day is None:
        return last >= published.month
    return (last, int(day)) >= (published.month, published.day)


def weeks_ending(end: date, weeks: int) -> str:
    """'the six weeks to January 4': the months those weeks fall in (periods are months at the finest)."""
    start = end - timedelta(days=7 * weeks - 1)
    return f"{end:%Y-%m}" if (start.year, start.month) == (end.year, end.month) else f"{start:%Y-%m}/{end:%Y-%m}"


def first_months(match, text, published, vocab):
    """'the first two months of 2025', 'the first three quarters': from January, as an interval."""
    year, relative = year_of(match, published, vocab)
    count = match["n"]
    number = int(count) if count.isdigit() else int(vocabulary("figures")["number_words"][count.lower()])
    months = number * (3 if match["unit"] == "quarters" else 1)
    if year is None or not 1 < months <= 12:
        return None
    year -= 1 if relative and not match["rel"] and published and months > published.month else 0  # the last such span up to publication
    return months_from_january(year, months), relative, False


def part_of_month(match, text, published, vocab):
    """'the first two weeks of July', 'the last ten days of March 2024': the month (periods are months at the finest),
    of the year written, else the latest such month up to publication."""
    month = vocab["months"][match["month"].lower()]
    if match["month"] == "may":
        return None  # "the first days of may ..." is no month
    if match["year"] or match["rel"]:
        year, relative = year_of(match, published, vocab)
        return (f"{year}-{month:02d}", relative, False) if year is not None else None
    if not published:
        return None
    year = published.year if month <= published.month else published.year - 1
    return f"{year}-{month:02d}", True, False


def year_to_date(match, text, published, vocab):
    if not published:
        return None
    return f"{published.year}-01/{published.year}-{published.month:02d}", True, False


def plan(match, text, published, vocab):
    first = five_year_plan_start(int(match["n"]), vocab["five_year_plan_starts"])
    return f"{first}..{first + 4}", False, False


def five_year_plan_start(number: int, known: dict) -> int:
    if number in known:
        return known[number]
    last = max(known)
    return known[last] + 5 * (number - last)


def years_ago(match, text, published, vocab):
    """'three years ago', 'a decade ago': that year before publication's."""
    if not published:
        return None
    return str(published.year - (10 if match["decade"] else spelled_count(match["count"]))), True, False


def past_years(match, text, published, vocab):
    """'over the past five years', 'the past decade': the whole years before publication's; 'the next
    three years' the ones after it."""
    if not published:
        return None
    years = 10 if match["decade"] else spelled_count(match["count"])
    if match["dir"].lower() in ("next", "coming"):
        return f"{published.year + 1}..{published.year + years}", True, False
    return f"{published.year - years}..{published.year - 1}", True, False


def years_to_year(match, text, published, vocab):
    """'the five years to 2024', 'the decade to 2024': the whole years ending with that one (2020..2024);
    'the two years to 2024-25' the financial years, by the calendar year each ends in (2024..2025)."""
    years = 10 if match["decade"] else spelled_count(match["count"])
    if not 1 < years <= 50:
        return None
    year = int(match["year"])
    if match["yy"]:
        year = year // 100 * 100 + int(match["yy"]) + (100 if int(match["yy"]) < year % 100 else 0)
    return f"{year - years + 1}..{year}", False, False


def short_part(letter: str, numbers: str) -> str:
    """'Q3 2024', "Q3'24", '3Q24', '1H 2025': a quarter or a half by its letter and number, with its year."""
    return (rf"(?:{letter}(?P<qq>[{numbers}])|(?<![\w.])(?P<qn>[{numbers}]){letter}(?=\s?\d))"
            rf"(?:\s*(?P<qyear>{YEAR})|['\u2019]?(?P<qyy>\d\d))(?![\w])")


def past_months(match, text, published, vocab):
    """'in the past 12 months': the months up to the one before publication, the last a story can report."""
    if not published:
        return None
    last = date(published.year, published.month, 1) - timedelta(days=1)
    return months_ending(last.year, last.month, spelled_count(match["count"])), True, False


PAST_DAYS_REACH = {"hours": 1 / 24, "days": 1, "weeks": 7}
PAST_DAYS_MOST = 62  # days back a span up to publication may reach and still be read as the latest days


def past_days(match, text, published, vocab):
    """'in the past 24 hours', 'over the last seven days': the days up to publication, as the months they fall in."""
    if not published:
        return None
    days = spelled_count(match["count"]) * PAST_DAYS_REACH[match["unit"].lower()]
    if not 0 < days <= PAST_DAYS_MOST:
        return None
    start = published - timedelta(days=max(0, int(days) - 1))
    if (start.year, start.month) == (published.year, published.month):
        return f"{published.year}-{published.month:02d}", True, False
    return f"{start.year}-{start.month:02d}/{published.year}-{published.month:02d}", True, False


def spelled_count(count: str) -> int:
    return int(count) if count.isdigit() else int(vocabulary("figures")["number_words"][count.lower()])


STALE_PART_MONTHS = 4  # a yearless quarter or half that ended longer ago than this in the year before is not last year's


def part_of_year(letter: str):
    """'the first half of 2025' -> 2025-H1, 'Q3 2024' and '3Q24' -> 2024-Q3, 'the final quarter of 2024' -> 2024-Q4."""
    def resolve(match, text, published, vocab):
        number = match.groupdict().get("qq") or match.groupdict().get("qn")
        if number:
            return f"{match['qyear'] or '20' + match['qyy']}-{letter}{number}", False, False
        year, relative = year_of(match, published, vocab)
        number = (4 if letter == "Q" else 2) if match.groupdict().get("final") else vocab["ordinals"][match["ord"].lower()]
        if year is None:
            return None
        if relative and not match["rel"] and published:
            return yearless_part(letter, number, match, text, published, vocab)
        return f"{year}-{letter}{number}", relative, False
    return resolve


def yearless_part(letter: str, number: int, match, text, published, vocab):
    """A quarter or half with no year ('the fourth quarter', 'Q3', 'the December quarter'): of the story's
    year when it names one (reader.periods.anchored), else the last one ended by publication; in a clause
    of expecting, the one to come. One that ended more than STALE_PART_MONTHS before publication in the
    year before is left open: no story reports last year's fourth quarter in November as 'the fourth
    quarter' (a financial year's quarter, more likely), unless its sentence names that year."""
    end_month, year = number * (6 if letter == "H" else 3), published.year
    if end_month > published.month and not expects_before(text, match, vocab):
        year -= 1
        if published.month + 12 - end_month > STALE_PART_MONTHS and str(year) not in text[: match.start()]:
            return UNSPECIFIED, True, False, f"{letter}{number}"
    return f"{year}-{letter}{number}", True, False, f"{letter}{number}"


def month_quarter(match, text, published, vocab):
    """'the September quarter of 2024' (2024-Q3), 'the June half' (H1): named by the month they end in;
    with no year, read as 'the third quarter' is (yearless_part)."""
    month = vocab["months"][match["month"].lower()]
    length = 3 if match["part"].lower() == "quarter" else 6
    if month % length:
        return None
    year, relative = year_of(match, published, vocab)
    if year is None:
        return None
    letter = "Q" if length == 3 else "H"
    if relative and not match["rel"] and published:
        return yearless_part(letter, month // length, match, text, published, vocab)
    return f"{year}-{letter}{month // length}", relative, False


def last_month_word(match, text, published, vocab):
    if not published:
        return None
    year, month = (published.year, published.month - 1) if published.month > 1 else (published.year - 1, 12)
    return f"{year}-{month:02d}", True, False


def week_word(match, text, published, vocab):
    """'this week', 'last week', 'next week': the month that week's middle falls in (periods are months at the finest)."""
    if not published:
        return None
    day = published + timedelta(days=-7 if match["last"] else 7 if match["next"] else 0)
    return f"{day.year}-{day.month:02d}", True, False


def mid_year(match, text, published, vocab):
    """'by mid-year', 'in the middle of the year': June of the year under way; after June, in a clause about the
    future, of the next."""
    if not published:
        return None
    ahead = published.month > 6 and future_in_clause(text, match.start())
    return f"{published.year + (1 if ahead else 0)}-06", True, False


def this_or_next_part(match, text, published, vocab):
    """'this month', 'the current quarter': the one of publication; 'next month', 'the coming quarter': the one after."""
    if not published:
        return None
    step = 1 if match["next"] else 0
    if match["unit"].lower() == "month":
        month = published.month - 1 + step
        return f"{published.year + month // 12}-{month % 12 + 1:02d}", True, False
    quarter = (published.month - 1) // 3 + step
    return f"{published.year + quarter // 4}-Q{quarter % 4 + 1}", True, False


def last_quarter_word(match, text, published, vocab):
    """'last quarter': the quarter before the one of publication ('the previous quarter' is the one before
    the story's: a base, left to the story's periods)."""
    if not published:
        return None
    quarter = (published.month - 1) // 3 - 1
    return (f"{published.year}-Q{quarter + 1}" if quarter >= 0 else f"{published.year - 1}-Q4"), True, False


def end_of(match, text, published, vocab):
    """'by the end of 2024', 'at the end of June', 'at end-June' (the last such month up to publication); a
    deadline in a sentence about the future ('could fall below 45% by the end of September') the next such month."""
    year, relative = year_of(match, published, vocab)
    if year is None or not (match["year"] or match["rel"] or match["month"]):
        return None
    month = vocab["months"][match["month"].lower()] if match["month"] else 12
    if relative and not match["rel"] and published:
        by = match.group(0).lower().startswith("by")
        if by and (future_marker().search(text, 0, match.start()) is not None or future_in_clause(text, match.start())):
            year += month < published.month  # "will be finished by the end of March", said in May: next March
        elif month > published.month:
            year -= 1
    return f"{year}-{month:02d}", relative, False


def start_of(match, text, published, vocab):
    """'at the start of the year', 'the beginning of 2025': the year's first month (of the publication year when the
    year is not named)."""
    year, relative = year_of(match, published, vocab)
    return (f"{year}-01", relative, False) if year is not None else None


def end_of_part(match, text, published, vocab):
    """'at the end of the third quarter' (2024-09), 'by the end of the first half of 2025' (2025-06): the
    part's last month. 'At the end of the year', 'by the end of the quarter', 'at year-end' with no year:
    the end of the year or quarter the story is about (reader.periods.anchored); with no story, the
    end of the last full one before publication, or of the current one in a sentence about the future.
    'At the end of the period' or 'of the half' is the end of the period the story last stated."""
    from ...reader.periods import last_month

    if match["ord"]:
        part = part_of_year("Q" if match["part"].lower() == "quarter" else "H")(match, text, published, vocab)
        return (last_month(part[0]), *part[1:]) if part else None
    if not published:
        return None
    end = "YE" if match["year_end"] else vocab["story_ends"][" ".join(match["story"].lower().split())]
    ahead = future_marker().search(text, 0, match.start()) is not None or text[max(0, match.start() - 3) : match.start()].lower() == "to "
    if end == "SE":  # "at the end of the period": a placeholder, as for "over the period"
        return f"{published.year}-{published.month:02d}", True, False, "SE"
    if end == "QE":
        number = published.year * 4 + (published.month - 1) // 3 - (0 if ahead else 1)
        return f"{number // 4}-{3 * (number % 4) + 3:02d}", True, False, "QE"
    if ahead:
        return f"{published.year}-12", True, False  # "expect inflation to end the year at 3.8%": the year under way, not the story's
    return f"{published.year - 1}-12", True, False, "YE"


def iso_date(match, text, published, vocab):
    return f"{match['year']}-{int(match['mm']):02d}-{int(match['dd']):02d}", False, True


def month_year(match, text, published, vocab):
    """'March 2025', 'May 31, 2025', 'as of December 2024'."""
    year, relative = year_of(match, published, vocab)
    return None if year is None else dated(match, year, relative, vocab)


def month_day(match, text, published, vocab):
    """'on December 18', 'as of May 31': a day of the year of publication."""
    return dated(match, published.year, True, vocab) if published else None


def dated(match, year: int, relative: bool, vocab: dict):
    """A month, or a day: a day dates an event, unless the figure is 'as of' it."""
    period = f"{year}-{vocab['months'][match['month'].lower()]:02d}"
    if match["day"]:
        return f"{period}-{int(match['day']):02d}", relative, not match["asof"]
    return period, relative, False


def month_of_event(match, text, published, vocab):
    """'the April race', 'last March's election' ... : the month, written with its capital, as 'in April' is read."""
    if not text[match.start("month")].isupper():
        return None
    return named_month(match, text, published, vocab)


def named_month(match, text, published, vocab):
    """'in March', 'last May': the latest such month up to publication; a deadline in a sentence about
    the future ('will open by December') the next such month."""
    if not published:
        return None
    month = vocab["months"][match["month"].lower()]
    if match["month"].lower() == "may" and not match["last"] and not text[match.start("month")].isupper():
        return None  # "in may" is the modal verb; "in May" the month
    year = published.year if month < published.month or (month == published.month and not match["last"]) else published.year - 1
    by = match.group(0).lower().startswith("by")
    if by and future_marker().search(text, 0, match.start()) or not match["last"] and future_in_clause(text, match.start()):
        year = published.year if month >= published.month else published.year + 1  # "will take delivery of nine planes by December", "will close in May"
    return f"{year}-{month:02d}", True, False


FUTURE_REACH = 40  # characters before "in May" that can hold the future marker of its own clause ("will close in May")
CLAUSE_TURN = re.compile(r"[,;]")


def future_in_clause(text: str, position: int) -> bool:
    """A future marker in the clause before `position`: "will close in May" ("will cut jobs, after sales fell in
    January" puts only the jobs in the future)."""
    start = max(0, position - FUTURE_REACH)
    marker = None
    for marker in future_marker().finditer(text, start, position):
        pass
    return marker is not None and CLAUSE_TURN.search(text, marker.end(), position) is None


@functools.cache
def future_marker() -> re.Pattern:
    return re.compile(word_alternation(vocabulary("periods")["future_markers"]), re.I)


def since_month(match, text, published, vocab):
    """'since August last year', 'since March 2024', 'since the start of the year': the months from that one up to
    publication; with no year, from the latest such month before it."""
    if not published:
        return None
    month = vocab["months"][match["month"].lower()] if match["month"] else 1  # "since the start of the year"
    if match["year"] or match["rel"] or not match["month"]:
        year, _ = year_of(match, published, vocab)
    else:
        year = published.year if month < published.month else published.year - 1
    start = date(year, month, 1)
    end = date(published.year, published.month, 1)
    if start >= end:
        return None
    return f"{start.year}-{start.month:02d}/{end.year}-{end.month:02d}", True, False


def since(match, text, published, vocab):
    return (f"{match['year']}..{published.year}" if published else match["year"]), False, False


@functools.cache
def year_preposition() -> re.Pattern:
    return ending_with(vocabulary("periods")["year_prepositions"])


@functools.cache
def full_year_words() -> re.Pattern:
    return ending_with(vocabulary("periods")["full_year"])


@functools.cache
def noun_year() -> tuple[re.Pattern, re.Pattern]:
    """'its 2023 output of', "the company's 2024 revenue of": a year that dates the noun after it."""
    words = vocabulary("periods")
    before = ending_with(words["noun_year_determiners"])
    after = re.compile(rf"\s+[a-z][a-z-]*(?:\s+[a-z][a-z-]*){{0,2}}\s+(?:{word_alternation(words['noun_year_links'])})\s")
    return before, after


def bare_quarter(match, text, published, vocab):
    """'Q3', 'H1' with no year, read as 'the third quarter' is (yearless_part). Written in capitals ('q3'
    is no period)."""
    if not published or not text[match.start()].isupper():
        return None
    letter, number = ("Q", int(match["q"])) if match["q"] else ("H", int(match["h"]))
    return yearless_part(letter, number, match, text, published, vocab)


def split_year(match, text, published, vocab):
    """'2024-25' is the year ending in 2025; '2019-22' the years 2019 to 2022."""
    year, last = int(match["year"]), int(match["year"][:2] + match["yy"])
    if last == year + 1:
        return str(last), False, False
    return (f"{year}..{last}", False, False) if last > year else None


def short_fiscal_year(match, text, published, vocab):
    return f"20{match['yy']}", False, False


def year(match, text, published, vocab):
    """A bare year is a period after a preposition or before punctuation, not when it names something;
    and when it dates a noun whose figure follows ('its 2023 output of 760,000 vehicles')."""
    before = text[max(0, match.start() - 16) : match.start()]
    after = text[match.end() : match.end() + 2]
    if ends_with(before, year_preposition()) or after == "" or after[0] in ",.;:)!?" or after.startswith((" (", " -")):
        return match["year"], False, False
    if ends_with(before, full_year_words()):
        return match["year"], False, False  # "full-year 2024 profit"
    determiner, link = noun_year()
    if (ends_with(before, determiner) or before.endswith(("'s ", "’s "))) and link.match(text, match.end()):
        return match["year"], False, False
    if year_noun_after().match(text, match.end()):
        return match["year"], False, False  # "in the 2024 fiscal year", "the 2025 season"
    dated = dated_noun_after().match(text, match.end())
    if dated and ends_with(before, determiner) and (dated_noun_link().match(text, dated.end()) or dated_noun_relative().match(text, dated.end())):
        return match["year"], False, False  # "raised its 2025 inflation forecast to 4.9%", "its 2030 target of 50%"
    if text[: match.start()].strip().lower() in vocab["noun_year_determiners"] and dated_noun_after().match(text, match.end()):
        # "The 2024 budget sets aside $3 billion": the year of the sentence's subject ("The 2026 model sells for", "The 2024
        # Climate Report lists" name things; "40% of the way to its 2030 target" is no figure of the target)
        return match["year"], False, False
    return None


@functools.cache
def dated_noun_after() -> re.Pattern:
    """A noun whose figures are of the year before it, perhaps after one modifier: 'budget', 'federal budget', 'accounts'."""
    return re.compile(rf"\s+(?:[a-z][a-z-]*\s+)?(?:{word_alternation(vocabulary('periods')['dated_nouns'])})(?![\w-])")


@functools.cache
def dated_noun_link() -> re.Pattern:
    return re.compile(rf"\s+(?:{word_alternation(vocabulary('periods')['dated_noun_links'])})\s+(?:[a-z]+\s+)?[\d$€£¥]")


@functools.cache
def dated_noun_relative() -> re.Pattern:
    """', which sets aside $3 billion', ' on Monday that would spend 579 billion': a relative clause after the dated noun
    that states its figures."""
    relatives = word_alternation(vocabulary("periods")["dated_noun_relatives"])
    return re.compile(rf"(?:\s+on\s+[A-Z][a-z]+)?,?\s+(?:{relatives})\s+(?:[a-z]+\s+){{0,4}}[\d$€£¥]")


@functools.cache
def year_noun_after() -> re.Pattern:
    words = vocabulary("periods")
    return re.compile(rf"[\s-]+(?:{word_alternation(words['year_nouns'] + words['year_event_nouns'])})(?![\w-])", re.I)


def this_or_last_year(match, text, published, vocab):
    """'last year', 'next year': the calendar year, or in a story about a financial year the one
    before or after it; 'this year', 'the current year': in such a story the one under way at publication
    (reader.periods.anchored)."""
    if not published:
        return None
    offset = year_offset(match.group(0), vocab)
    return str(published.year + offset), True, False, {-1: "L", 1: "N"}.get(offset, "C")


def next_financial_year(match, text, published, vocab):
    """'the current financial year' after a story about the one just ended: the financial year after
    it; with no such story, the calendar year of publication."""
    return (str(published.year), True, False, "N") if published else None


def current_financial_year(match, text, published, vocab):
    """'this fiscal year' after a story about a financial year that is not a calendar year: the one of
    that kind under way at publication; with no such story, the calendar year of publication."""
    return (str(published.year), True, False, "C") if published else None


def full_year(match, text, published, vocab):
    """'the full-year loss': the year the story is about, else the last full year before publication;
    'its full-year profit forecast', 'full-year guidance': the year now under way."""
    if not published:
        return None
    expected = FULL_YEAR_OUTLOOK.match(text, match.end()) is not None or expects_in_clause(text, match, vocab)
    return str(published.year if expected else published.year - 1), True, False, "Y"


def expects_in_clause(text: str, match: re.Match, vocab: dict) -> bool:
    """Whether the full year's clause has a word of expecting: 'expects full-year revenue of'."""
    start = max(text.rfind(mark, max(0, match.start() - 80), match.start()) for mark in ",;:")
    ends = [end for end in (text.find(mark, match.end(), match.end() + 80) for mark in ",;:.") if end >= 0]
    clause = text[start + 1 : min(ends, default=min(len(text), match.end() + 80))]
    return expecting_words(tuple(vocab["full_year_expecting"])).search(clause) is not None


def expects_before(text: str, match: re.Match, vocab: dict) -> bool:
    """Whether a word of expecting opens the period's clause before it: 'cut its forecast to 70 billion yen
    for the year to March', 'expects to sell 2.6 million cameras in the year to March'."""
    if ENDED.search(match.group(0)):
        return False  # 'the fiscal year that ended in March' is over, whatever is expected of it
    window = max(0, match.start() - 80)
    start = max((mark.end() for mark in CLAUSE_MARK.finditer(text, window, match.start())), default=window)
    expecting = expecting_words(tuple(vocab["full_year_expecting"]))
    if expecting.search(text, start, match.start()) is not None:
        return True
    # "For the fourth quarter, Korvane forecast revenue of": a period fronting the sentence dates the clause after it
    return bool(FRONTING.fullmatch(text, 0, match.start())) and text.startswith(",", match.end()) \
        and expecting.search(text, match.end(), match.end() + 60) is not None


FRONTING = re.compile(r"\s*(?:for|in|during|over)?\s*", re.I)


CLAUSE_MARK = re.compile(r"[;:]|,(?!\d)")  # not the comma of '410,000'
ENDED = re.compile(r"\bended\b", re.I)


def year_to_come(last: int, published: date) -> int:
    """A forecast's 'year to March' with no year written is the one not yet over at publication: said in
    November, the March to come (+1); 'the year to December', this one (0)."""
    return int(last < published.month)


@functools.cache
def expecting_words(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"\b(?:{word_alternation(words)})\b", re.I)


# the noun of expecting that a full year describes: "full-year operating profit forecast"
FULL_YEAR_OUTLOOK = re.compile(r"(?:\s+[\w&'’-]+){0,4}?\s+(?:forecasts?|guidance|outlook|targets?|goals?|estimates?|projections?)\b", re.I)


def story_quarter(match, text, published, vocab):
    """'sales fell 5% in the quarter': the quarter the story is about, else the last full one before publication."""
    if not published:
        return None
    year, quarter = (published.year, (published.month - 1) // 3) if published.month > 3 else (published.year - 1, 4)
    return f"{year}-Q{quarter}", True, False, "Q"


def story_period(match, text, published, vocab):
    """'over the period': the period the story last stated (reader.periods.anchored); the publication
    month is only a placeholder that anchoring replaces or drops."""
    return (f"{published.year}-{published.month:02d}", True, False, "S") if published else None


def story_period_a_year_before(match, text, published, vocab):
    """'in the same period last year': the period the story last stated, a year earlier
    (reader.periods.anchored); with no story stated, last year, or for a moment ('at the same point a year ago',
    'this time last year') the publication month a year earlier."""
    if not published:
        return None
    moment = MOMENT_WORD.search(match.group(0)) is not None
    return (f"{published.year - 1}-{published.month:02d}" if moment else str(published.year - 1)), True, False, "P"


def story_period_in_year(match, text, published, vocab):
    """'up from 101% in the same quarter of 2023': the story's period in the year written (reader.periods.anchored)."""
    return match["year"], False, False, "A"


MOMENT_WORD = re.compile(r"\b(?:point|time|date|stage)\b", re.I)


def year_before_said(match, text, published, vocab):
    """'5.1% the previous year': the year before the period said before it in the sentence, else the
    story's (reader.periods.anchored); with neither, last year."""
    return (str(published.year - 1), True, False, "B") if published else None


def now(match, text, published, vocab):
    if not published:
        return None
    return f"{published.year}-{published.month:02d}", True, False


# bounded gaps: the years of one "from ... to ..." stand within a clause, and the search stays linear
FROM_TO = re.compile(rf"\bfrom\b[^;]{{0,160}}?\b(?P<y1>{YEAR})\b[^;]{{0,160}}?\bto\b[^;]{{0,160}}?\b(?P<y2>{YEAR})\b", re.I)


def growth_span(text: str) -> str | None:
    """'grew 12.9% a year from 151.08 billion in 2020 to 245.31 billion in 2024': the years a growth rate spans."""
    match = FROM_TO.search(text)
    return f"{match['y1']}..{match['y2']}" if match else None
