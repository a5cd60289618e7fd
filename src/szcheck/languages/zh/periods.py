"""Chinese period rules: 2025年, 2025年6月, 上半年, 第一季度."""

from __future__ import annotations

from ...reader.calendar import YEAR, PeriodRule, year_of
from ...reader.patterns import word_alternation


def rules(vocab: dict) -> list[PeriodRule]:
    this_or_last = word_alternation(w for w in vocab["this_year"] + vocab["last_year"] if not w.isascii())
    halves = word_alternation(vocab["halves"])
    numerals = "".join(vocab["cjk_numerals"])
    year_before = rf"(?:(?P<year>{YEAR})年|(?P<rel>{this_or_last}))?"
    return [
        PeriodRule("cjk_half", 30, rf"{year_before}(?P<half>{halves})半年", "半年", part_of_year("H", "half", vocab["halves"])),
        PeriodRule("cjk_quarter", 40, rf"{year_before}第?(?P<q>[{numerals}1-4])季度", "季度", part_of_year("Q", "q", vocab["cjk_numerals"])),
        PeriodRule("cjk_month", 100, rf"(?P<year>{YEAR})年(?P<mm>\d{{1,2}})月", "月", month),
        PeriodRule("cjk_year", 160, rf"(?P<year>{YEAR})年", "年", lambda match, text, published, vocab: (match["year"], False, False)),
    ]


def part_of_year(letter: str, group: str, numbers: dict):
    """上半年 -> 2025-H1, 第三季度 -> 2025-Q3 (the year stated before it, or the publication's)."""
    def resolve(match, text, published, vocab):
        year, relative = year_of(match, published, vocab)
        if year is None:
            return None
        written = match[group]
        number = int(written) if written.isdigit() else numbers[written]
        return f"{year}-{letter}{number}", relative, False
    return resolve


def month(match, text, published, vocab):
    return f"{match['year']}-{int(match['mm']):02d}", False, False
