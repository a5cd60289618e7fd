"""A bare 元 is the renminbi, except in a source about Hong Kong, Macau or Taiwan, where it is the
place's own currency; the source decides (its front matter `currency`, else the place it is most about),
and 人民币 written with a figure keeps it CNY."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from szcheck.extract import extract_claims
from szcheck.model import Source


def units(text: str, title: str = "", **meta) -> dict[str, str]:
    source = Source(path=Path("cases/yuan.txt"), id="yuan", body=text, body_offset_line=1, meta={"title": title, **meta},
                    published=date(2025, 3, 1))
    return {c.value: c.quantity.unit for c in extract_claims(source) if not c.is_description}


@pytest.mark.parametrize(("title", "text", "figure", "unit"), [
    ("香港2024年经济回顾", "2024年，香港本地生产总值为3.18万亿元。", "3.18万亿元", "HKD"),
    ("香港特区政府财政预算案", "政府拨款50亿元推动创新科技。", "50亿元", "HKD"),
    ("澳门2024年旅游业", "2024年，澳门旅游总收入为1200亿元。", "1200亿元", "MOP"),
    ("台湾半导体产业概况", "2024年，台湾半导体产业产值达到5.3万亿元。", "5.3万亿元", "TWD"),
    ("香港2024年经济回顾", "内地企业在港投资人民币120亿元。", "人民币120亿元", "CNY"),
    ("2024年武汉市统计公报", "2024年，武汉市地区生产总值2.11万亿元。", "2.11万亿元", "CNY"),
    ("香港2024年经济回顾", "2024年，香港出口额为4.9万亿港元。", "4.9万亿港元", "HKD"),
    ("香港2024年经济回顾", "2024年，香港从内地进口300亿美元的货物。", "300亿美元", "USD"),
])
def test_a_bare_yuan_is_the_currency_of_the_place_the_source_is_about(title, text, figure, unit):
    assert units(text, title)[figure] == unit


def test_front_matter_decides_before_the_place():
    assert units("2024年，香港本地生产总值为3.18万亿元。", "香港2024年经济回顾", currency="CNY")["3.18万亿元"] == "CNY"
    assert units("2024年，该基金规模为80亿元。", "一只基金的年报", currency="HKD")["80亿元"] == "HKD"


def test_a_currency_that_is_not_called_yuan_leaves_yuan_alone():
    assert units("2024年，武汉市地区生产总值2.11万亿元。", "2024年武汉市统计公报", currency="AUD")["2.11万亿元"] == "CNY"
