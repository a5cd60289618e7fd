"""Property tests for the number reader: what is written in any supported style reads back."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from szcheck.reader import read_figures, read_quantities

SCALES = {"": 1, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
CJK_SCALES = {"万": 1e4, "亿": 1e8, "万亿": 1e12}
CURRENCIES = {"yuan": "CNY", "U.S. dollars": "USD", "euros": "EUR", "HKD": "HKD", "RMB": "CNY"}
SYMBOLS = {"$": "USD", "US$": "USD", "HK$": "HKD", "¥": "CNY", "€": "EUR"}

numbers = st.tuples(st.integers(min_value=1, max_value=999_999), st.integers(min_value=0, max_value=3))


def written(number: int, decimals: int) -> tuple[str, float]:
    value = number / 10**decimals
    return f"{value:,.{decimals}f}", value


def contains(quantity, value: float) -> bool:
    tolerance = 1e-9 * max(1.0, abs(value))
    return quantity.low - tolerance <= value <= quantity.high + tolerance


@given(numbers, st.sampled_from(sorted(SCALES)), st.sampled_from(sorted(CURRENCIES)))
def test_amount_with_scale_and_currency_word_reads_back(number, scale, currency):
    text, value = written(*number)
    phrase = " ".join(part for part in (text, scale, currency) if part)
    [quantity] = read_quantities(f"The total reached {phrase} last year.")
    assert quantity.unit == CURRENCIES[currency]
    assert contains(quantity, value * SCALES[scale])


@given(numbers, st.sampled_from(sorted(SYMBOLS)), st.sampled_from(["", "million", "billion"]))
def test_amount_with_currency_symbol_reads_back(number, symbol, scale):
    text, value = written(*number)
    [quantity] = read_quantities(f"It was valued at {symbol}{text}{' ' + scale if scale else ''}.")
    assert quantity.unit == SYMBOLS[symbol]
    assert contains(quantity, value * SCALES[scale])


@given(numbers, st.sampled_from(sorted(CJK_SCALES)))
def test_chinese_scale_reads_back(number, scale):
    text, value = written(*number)
    [quantity] = read_quantities(f"研发投入达到{text.replace(',', '')}{scale}元")
    assert quantity.unit == "CNY"
    assert contains(quantity, value * CJK_SCALES[scale])


@given(numbers, st.sampled_from(["%", " percent", " per cent"]))
def test_percent_reads_back(number, sign):
    text, value = written(*number)
    [quantity] = read_quantities(f"The share rose to {text}{sign} of the total.")
    assert quantity.unit == "percent"
    assert contains(quantity, value)


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["million", "billion", "trillion"]))
def test_hyphenated_compound_reads_back(number, scale):
    [quantity] = read_quantities(f"The city set up a {number}-{scale}-yuan seed fund.")
    assert quantity.unit == "CNY"
    assert contains(quantity, number * SCALES[scale])


@given(numbers, st.sampled_from(["over", "about", "nearly", "more than", "at least", "up to", "under"]))
def test_qualified_value_interval_contains_or_bounds_the_value(number, qualifier):
    text, value = written(*number)
    [quantity] = read_quantities(f"Loans reached {qualifier} {text} billion yuan.")
    bound = float(Decimal(number[0]).scaleb(9 - number[1]))  # exact: 4.1 billion is 4100000000, not 4099999999.9999995
    if qualifier in ("over", "more than"):
        assert quantity.low == bound and quantity.low_open
    elif qualifier in ("under", "nearly"):
        assert quantity.high == bound and quantity.high_open
    else:
        assert contains(quantity, bound)


@given(st.integers(min_value=1000, max_value=10**9))
def test_counts_with_thousands_separators_are_never_years(number):
    [quantity] = read_quantities(f"The city is home to {number:,} enterprises.")
    assert quantity.value == number and quantity.unit == "count" and quantity.noun == "enterprises"


@settings(max_examples=300)
@given(st.text(max_size=300), st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))))
def test_reader_never_raises_on_arbitrary_text(text, published):
    for quantity in read_figures(text, published):
        assert quantity.low <= quantity.high
        assert 0 <= quantity.start < quantity.end <= len(text)


@given(st.lists(st.sampled_from(["over", "2", "trillion", "-", "yuan", "in", "2024", "%", "the", "10", "level", "at", ",", "亿", "元", "级", "$", "and", "to"]), max_size=30))
def test_reader_never_raises_on_figure_like_fragments(words):
    text = " ".join(words)
    assume(text.strip())
    for quantity in read_figures(text, date(2025, 9, 2)):
        assert quantity.low <= quantity.high


figure_tokens = st.sampled_from(
    ["2024", "223.66", "1,300", "5", "two", "Twenty-five", "one", "ten", "tens of", "billions", "billion", "Billion-yuan",
     "trillion-yuan", "million", "yuan", "U.S. dollars", "US$", "U.S.$", "HK$", "$", "RMB", "Rmb", "usd", "eur", "EUR",
     "%", "percent", "level", "at the", "亿", "百亿", "元", "级", "约", "the", "Eight", "hundred", "dozens of", "-", ",",
     ".", "(", ")", "CNY", "Hong Kong", "over", "nearly", "and", "to", "firms", "Tencent", "in", "e", "u", "kr", "zł",
     "Rs", "1/2", "½", "¢", "lakh crore", "pc", "MAX", "e6"]
)


@settings(max_examples=400)
@given(st.lists(figure_tokens, max_size=12), st.lists(st.sampled_from([" ", "", "-"]), min_size=12, max_size=12))
def test_figure_matches_finds_what_the_pattern_finds_at_every_start(tokens, joints):
    import re

    from szcheck.reader.figures import figure_matches, lexicon

    text = "".join(token + joint for token, joint in zip(tokens, joints))
    lex = lexicon()
    anywhere = re.compile(lex.figure_anywhere, re.VERBOSE)
    assert [m.span() for m in figure_matches(text, lex)] == [m.span() for m in anywhere.finditer(text)]


def test_a_descending_pair_is_two_figures_not_a_range():
    # found by test_reader_never_raises_on_figure_like_fragments: "10 to 2" read as the range [10, 2]
    assert [q.surface for q in read_quantities("The score went 10 to 2.")] == ["10", "2"]
