"""A company is keyed by one name in Chinese and English sources when the registry gives both: the
shipped registry lists well-known Chinese companies and banks (工商银行 is ICBC), and a project adds
its own in a registry file of its configuration (here the corpus's carmaker, 天河汽车 = Tianhe Motors)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from szcheck.extract import extract_claims
from szcheck.model import Source
from szcheck.registry import use_extra_registry
from szcheck.sources import read_source

CORPUS = Path(__file__).resolve().parent / "corpus"


def claims_of(text: str, title: str = "") -> list:
    source = Source(path=Path("cases/org.txt"), id="org", body=text, body_offset_line=1, meta={"title": title}, published=date(2025, 3, 1))
    return [c for c in extract_claims(source) if not c.is_description]


@pytest.mark.parametrize(("chinese", "english"), [
    ("截至2024年末，工商银行各项贷款余额为28.6万亿元。", "ICBC's loans reached 28.6 trillion yuan at the end of 2024."),
    ("2024年，宁德时代实现营业收入3620亿元。", "CATL's revenue was 362 billion yuan in 2024."),
    ("2024年，比亚迪新能源汽车销量为427万辆。", "BYD sold 4.27 million new energy vehicles in 2024."),
    ("2024年，招商銀行實現營業收入3375億元。", "China Merchants Bank's revenue was 337.5 billion yuan in 2024."),
])
def test_a_registry_company_has_one_name_in_both_languages(chinese, english):
    assert {c.entity for c in claims_of(chinese)} == {c.entity for c in claims_of(english)} != {"org"}


def test_a_company_only_the_text_names_keeps_its_chinese_name():
    assert {c.entity for c in claims_of("2024年，天河汽车营业收入为320亿元。")} == {"天河汽车"}


@pytest.fixture
def project_names(tmp_path):
    names = tmp_path / "names.yaml"
    names.write_text("entities:\n  Tianhe Motors:\n    category: company\n    aliases: [Tianhe Motors, 天河汽车]\n", encoding="utf-8")
    use_extra_registry([names])
    yield
    use_extra_registry([])


def test_a_project_registry_makes_a_chinese_and_an_english_article_meet(project_names):
    keys = {}
    for stem in ("tianhe-motors-zh", "tianhe-motors"):
        claims = extract_claims(read_source(CORPUS / "articles" / f"{stem}.md", CORPUS))
        keys[stem] = {(c.entity, c.metric, c.period, c.outlook) for c in claims if not c.is_description}
    assert {entity for entity, *_ in keys["tianhe-motors-zh"]} == {"Tianhe Motors"}
    assert ("Tianhe Motors", "vehicle_sales", "2024", "") in keys["tianhe-motors-zh"] & keys["tianhe-motors"]
    assert ("Tianhe Motors", "vehicle_sales:overseas", "2024", "") in keys["tianhe-motors-zh"] & keys["tianhe-motors"]
