"""Property tests for the reader: any value written in any supported style reads back to an
interval holding it; the reader never raises."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from szcheck.reader import read_figures

UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spelled(n: int) -> str:
    """An English spelling of 0 <= n < 10**12, written here independently of szcheck's grammar."""
    if n < 20:
        return UNITS[n]
    if n < 100:
        return TENS[n // 10] + ("-" + UNITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return UNITS[n // 100] + " hundred" + (" and " + spelled(rest) if rest else "")
    for size, word in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand")):
        if n >= size:
            rest = n % size
            head = spelled(n // size) + " " + word
            if not rest:
                return head
            return head + (" and " if rest < 100 else " ") + spelled(rest)
    raise ValueError(n)


def grouped(n: int, separator: str) -> str:
    return f"{n:,}".replace(",", separator)


def holds(figure, value: Decimal) -> bool:
    low, high = Decimal(repr(figure.low)), Decimal(repr(figure.high))
    slack = abs(value) * Decimal("1e-12")
    return low - slack <= value <= high + slack


@given(st.integers(min_value=1, max_value=999_999_999_999))
def test_a_spelled_number_reads_back_exactly(number):
    [figure] = read_figures(f"The agency counted {spelled(number)} visitors last season.")
    assert Decimal(repr(figure.value)) == number


@given(st.integers(min_value=1000, max_value=10**12), st.sampled_from([",", " ", "\u00a0", "\u202f", "\u2009"]))
def test_digits_with_any_group_separator_read_back(number, separator):
    [figure] = read_figures(f"The port handled {grouped(number, separator)} containers.")
    assert figure.value == number and figure.unit == "count"


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=0, max_value=2),
       st.sampled_from([("k", 10**3), ("K", 10**3), ("M", 10**6), ("bn", 10**9), ("b", 10**9), ("tn", 10**12), (" million", 10**6),
                        (" billion", 10**9), (" mln", 10**6)]))
def test_a_number_with_a_scale_suffix_reads_back(number, decimals, suffix):
    text, scale = suffix
    written = f"{number / 10**decimals:.{decimals}f}"
    [figure] = read_figures(f"The fund raised ${written}{text} this year.")
    assert figure.unit == "USD" and holds(figure, Decimal(written) * scale)


@given(st.integers(min_value=1, max_value=99_999), st.sampled_from([
    ("£{n}", "GBP"), ("{n} pounds", "GBP"), ("€{n}", "EUR"), ("{n} euros", "EUR"), ("¥{n}", "CNY"), ("{n} yen", "JPY"),
    ("₹{n}", "INR"), ("Rs {n}", "INR"), ("₩{n}", "KRW"), ("{n} won", "KRW"), ("CHF {n}", "CHF"), ("{n} CHF", "CHF"),
    ("GBP{n}", "GBP"), ("{n} KWD", "KWD"), ("A${n}", "AUD"), ("HK${n}", "HKD"), ("R${n}", "BRL"), ("{n}元", "CNY"),
    ("{n}美元", "USD"), ("{n} ₫", "VND")]))
def test_a_currency_before_or_after_its_number_reads_back(number, form):
    written, code = form
    [figure] = read_figures("The ticket cost " + written.format(n=f"{number:,}") + " at the door.")
    assert (figure.unit, figure.value) == (code, number)


@given(st.integers(min_value=1, max_value=99_999), st.sampled_from([
    ("{n} km", "meter", 1000), ("{n} kilometres", "meter", 1000), ("{n}km", "meter", 1000), ("{n} miles", "meter", Decimal("1609.344")),
    ("{n} tonnes", "kilogram", 1000), ("{n} kg", "kilogram", 1), ("{n} MW", "watt", 10**6), ("{n} GW", "watt", 10**9),
    ("{n} kWh", "joule", 3_600_000), ("{n} hectares", "square_meter", 10_000), ("{n} square kilometres", "square_meter", 10**6),
    ("{n}GB", "byte", 10**9), ("{n} litres", "cubic_meter", Decimal("0.001")), ("{n}公里", "meter", 1000), ("{n}吨", "kilogram", 1000)]))
def test_a_physical_quantity_reads_back_in_its_reference_unit(number, form):
    written, unit, factor = form
    [figure] = read_figures("The project covers " + written.format(n=f"{number:,}") + " in all.")
    assert figure.unit == unit and holds(figure, number * Decimal(factor))


@given(st.integers(min_value=0, max_value=999), st.sampled_from([2, 3, 4, 5, 8, 10, 16, 32, 100]), st.data())
def test_a_fraction_with_or_without_a_whole_number_reads_back(whole, denominator, data):
    numerator = data.draw(st.integers(min_value=1, max_value=denominator - 1))
    written = f"{whole} {numerator}/{denominator}" if whole else f"{numerator}/{denominator}"
    [figure] = read_figures(f"Mortgage rates stood at {written} percent in May.")
    assert figure.unit == "percent" and holds(figure, whole + Decimal(numerator) / Decimal(denominator))


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=2), st.integers(min_value=3, max_value=12))
def test_a_number_in_scientific_notation_reads_back(number, decimals, exponent):
    written = f"{number / 10**decimals:.{decimals}f}"
    [figure] = read_figures(f"The culture held {written}e{exponent} cells.")
    assert figure.unit == "count" and Decimal(repr(figure.value)) == Decimal(written).scaleb(exponent)


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999))
def test_a_range_holds_both_of_its_ends(low, width):
    high = low + width
    [figure] = read_figures(f"Tickets cost {low}-{high} dollars.")
    assert (figure.low, figure.high, figure.unit, figure.qualifier) == (low, high, "USD", "range")


@settings(max_examples=300)
@given(st.lists(st.sampled_from(list("0123456789 ,.-–()%$£€¥kmbMKB") + ["billion", " km", "万", "亿", "三", "十",
                                                                         "百分之", "成", "minus ", "half a ", "one hundred", "/", "½", "e", "¢", "pc",
                                                                         " lakh crore", " MAX", "C"]),
                max_size=40))
def test_the_reader_never_raises_on_figure_like_text(pieces):
    text = "".join(pieces)
    for figure in read_figures(text):
        assert figure.low <= figure.high
