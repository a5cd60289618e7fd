"""Chinese numeral reader: the cases in tests/data/reader_zh/numerals.yaml, and what any written numeral reads back as."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import cn2an
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from szcheck.languages.zh import numerals
from szcheck.languages.zh.numerals import (
    Numeral,
    is_date,
    is_ordinal,
    is_year,
    money_units,
    percent_of,
    read_numeral,
)

CASES = yaml.safe_load((Path(__file__).parent / "data" / "reader_zh" / "numerals.yaml").read_text(encoding="utf-8"))
READERS = {"numeral": read_numeral, "percent": percent_of, "money": money_units}
FULL_WIDTH = str.maketrans("0123456789.-", "０１２３４５６７８９．－")


def test_enough_cases_with_unique_ids():
    ids = [case["id"] for case in CASES]
    assert len(ids) >= 150
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_case(case):
    text, start = str(case["text"]), case.get("start", 0)
    read = READERS[case.get("reader", "numeral") if case["kind"] == "not" else case["kind"]]
    found = read(text, start)
    if case["kind"] == "not":
        assert found is None, found
        return
    assert found is not None
    assert found.value == Decimal(case["value"])
    assert found.low == Decimal(case.get("low", case["value"]))
    assert found.high == Decimal(case.get("high", case["value"]))
    assert found.text == text[start : found.end]
    if "read" in case:
        assert found.text == case["read"]
    if "unit" in case:
        assert found.unit_of_last_digit == Decimal(case["unit"])
    for flag, test in (("year", is_year), ("date", is_date)):
        if flag in case:
            assert test(text, start, found.end) is case[flag]
    if "ordinal" in case:
        assert is_ordinal(text, start) is case["ordinal"]


def test_not_numerals_are_listed_and_never_read():
    words = numerals.NOT_NUMERALS
    assert {"一路", "十分", "四川", "一些", "一起", "一直", "统一", "万一"} <= set(words)
    for word in words:
        for i in range(len(word)):
            assert read_numeral(word + "。", i) is None, (word, i)


def test_a_not_numeral_followed_by_its_exception_is_a_numeral():
    v = numerals.vocabulary()
    for word, followers in v.followers.items():
        start = next(i for i, c in enumerate(word) if numerals.is_numeral_char(c, v))  # 初三个月: at 三
        for follower in followers:
            assert read_numeral(word + follower, start) is not None, (word, follower)


def test_module_imports_without_yaml_or_its_data():
    code = "import sys, szcheck.languages.zh.numerals as n; print('yaml' in sys.modules, n.vocabulary.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "0"]


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError):
        numerals.NO_SUCH_NAME  # noqa: B018


def test_long_digit_runs_are_refused():
    assert read_numeral("1" * 40).value == Decimal("1" * 40)
    assert read_numeral("1" * 41) is None
    assert read_numeral("一" * 41) is None
    assert read_numeral("3." + "1" * 60) is None


def test_long_runs_read_in_linear_time():
    for text in ("一" * 200_000, "1" * 200_000, "十" * 200_000, "万" * 200_000, "1,000" * 40_000, "三点" * 100_000):
        read_numeral(text)
        percent_of(text, 0)
        money_units(text, 0)


# --- property tests ---

integers = st.integers(min_value=0, max_value=10**16 - 1)
decimals = st.tuples(st.integers(min_value=0, max_value=10**12), st.integers(min_value=1, max_value=4))


def reads_whole(text: str) -> Numeral:
    found = read_numeral(text)
    assert found is not None, text
    assert found.end == len(text), (text, found)
    return found


@given(integers)
def test_cn2an_integers_read_back(n):
    assert reads_whole(cn2an.an2cn(str(n))).value == n


@given(integers)
def test_cn2an_financial_integers_read_back(n):
    assert reads_whole(cn2an.an2cn(str(n), "up")).value == n


@given(decimals)
def test_cn2an_decimals_read_back(number):
    whole, places = number
    written = f"{whole // 10**places}.{whole % 10**places:0{places}d}"
    found = reads_whole(cn2an.an2cn(written))
    assert found.value == Decimal(written)
    assert found.unit_of_last_digit == Decimal(1).scaleb(-places)


@given(st.integers(min_value=-(10**16), max_value=10**16), st.integers(min_value=0, max_value=4))
def test_full_width_arabic_reads_back(n, places):
    written = str(Decimal(n).scaleb(-places))
    found = reads_whole(written.translate(FULL_WIDTH))
    assert found.value == Decimal(written)
    assert found.unit_of_last_digit == Decimal(1).scaleb(-places)


NUMERAL_CHARACTERS = "零〇一二两三四五六七八九十百千万亿兆壹贰叁肆伍陆柒捌玖拾佰仟萬億兩貳參俩点點负負几数多余成元块角毛分整钱第年月日之%％.．,－-0123456789０１２３４５６７８９"


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from(NUMERAL_CHARACTERS) | st.characters(), max_size=30), st.integers(min_value=-2, max_value=32))
def test_never_raises(text, start):
    for read in (read_numeral, percent_of, money_units):
        found = read(text, start)
        assert found is None or isinstance(found, Numeral)
        if found is not None:
            assert found.low <= found.value <= found.high
            assert found.text == text[start : found.end]
    for end in (start + 1, start + 4):
        is_year(text, start, end)
        is_date(text, start, end)
    is_ordinal(text, start)
