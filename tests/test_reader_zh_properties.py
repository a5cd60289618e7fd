"""Chinese figures in a sentence, read back from numbers written out by cn2an (a test oracle):
every style it writes (lower-case, financial capitals, RMB amounts with jiao and fen, digit by
digit), with a scale and 元, in simplified and traditional characters."""

from __future__ import annotations

from decimal import Decimal

import cn2an
from hypothesis import given, settings
from hypothesis import strategies as st

from szcheck.reader import read_figures

TRADITIONAL = str.maketrans({"万": "萬", "亿": "億", "贰": "貳", "叁": "參"})
SCALES = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8}
PROPERTY = settings(max_examples=150, deadline=None)


def only_figure(text: str):
    figures = read_figures(text)
    assert len(figures) == 1, (text, [(f.surface, f.value) for f in figures])
    figure = figures[0]
    assert figure.low <= figure.value <= figure.high, (text, figure)
    return figure


@PROPERTY
@given(st.integers(min_value=1, max_value=10**12), st.sampled_from(["low", "up"]))
def test_integer_in_words_with_yuan_reads_back(n, style):
    figure = only_figure(f"合同金额为{cn2an.an2cn(str(n), style)}元。")
    assert (figure.value, figure.unit) == (float(n), "CNY")


@PROPERTY
@given(st.integers(min_value=1, max_value=99_999_999), st.sampled_from(["low", "up"]), st.sampled_from(sorted(SCALES)))
def test_integer_in_words_before_a_scale_reads_back(n, style, scale):
    if scale == "万" and n >= 10**4:
        n //= 10**4  # 三万四千万 is not written: a number before 万 stays under 万
    if n == 0:
        return
    figure = only_figure(f"该项目总投资{cn2an.an2cn(str(n), style)}{scale}元，已全部到位。")
    assert (figure.value, figure.unit) == (float(n * SCALES[scale]), "CNY")


@PROPERTY
@given(st.integers(min_value=1, max_value=99_999_999), st.sampled_from(["low", "up"]))
def test_traditional_characters_read_the_same(n, style):
    written = cn2an.an2cn(str(n), style).translate(TRADITIONAL)
    figure = only_figure(f"該項目總投資{written}億元。")
    assert (figure.value, figure.unit) == (float(n * SCALES["亿"]), "CNY")
    assert figure.surface.startswith(written)


@PROPERTY
@given(st.integers(min_value=100, max_value=10**9))
def test_rmb_amount_with_jiao_and_fen_reads_back(cents):
    amount = Decimal(cents).scaleb(-2)
    figure = only_figure(f"发票金额为{cn2an.an2cn(str(amount), 'rmb')}。")
    assert (figure.value, figure.unit) == (float(amount), "CNY")


@PROPERTY
@given(st.integers(min_value=1900, max_value=2099))
def test_a_year_written_digit_by_digit_is_no_figure(year):
    assert read_figures(f"{cn2an.an2cn(str(year), 'direct')}年，这座城市迎来了新机遇。") == []


@PROPERTY
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=3), st.sampled_from(["多", "余"]),
       st.sampled_from(sorted(SCALES)))
def test_round_number_with_duo_and_a_scale_is_one_range(head, zeros, more, scale):
    number = head * 10**zeros
    if scale == "万" and number >= 10**4:
        return
    place = Decimal(10) ** (len(str(number)) - len(str(number).rstrip("0")))
    figure = only_figure(f"园区企业营收{number}{more}{scale}元。")
    low = number * SCALES[scale]
    assert (figure.low, figure.high, figure.unit) == (float(low), float(low + place * SCALES[scale]), "CNY")


@PROPERTY
@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=0, max_value=3))
def test_percent_in_words_reads_to_its_stated_precision(whole, places):
    written = f"{Decimal(whole).scaleb(-places)}"
    figure = only_figure(f"研发投入强度为百分之{cn2an.an2cn(written)}。")
    assert figure.unit == "percent"
    assert figure.value == float(Decimal(written))
    assert Decimal(repr(figure.high)) - Decimal(repr(figure.low)) <= Decimal(1).scaleb(-places) * Decimal("1.0000001")
