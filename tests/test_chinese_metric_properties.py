"""Property tests for Chinese metric names: whatever sentence a figure stands in, the name szcheck
keys it by is a clean noun phrase, never a function word, a measure word or a predicate, nor ending
in one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given, settings, strategies as st

from szcheck.extract import extract_claims
from szcheck.languages import vocabulary
from szcheck.model import Source

VOCAB = vocabulary("claims")
FUNCTION_WORDS = ["的", "为", "达", "是", "已", "也", "了", "约", "共"]
MEASURE_WORDS = ["家", "户", "辆", "个", "笔", "件", "所", "项", "名", "座"]
BAD_ENDINGS = tuple(FUNCTION_WORDS + MEASURE_WORDS)

scopes = st.sampled_from(["", "全市", "全省", "全年", "其中，", "年末", "今年以来，"])
places = st.sampled_from(["", "武汉市", "江苏省", "苏州", "天元汽车", "江南银行"])
# nouns a statistics release names figures by, some known to the registry and most not
nouns = st.sampled_from(["快递业务量", "机动车保有量", "专利授权量", "在校大学生", "5G基站", "旅游总收入", "粮食总产量",
                         "城市轨道交通运营里程", "新开工项目", "养老床位", "社会消费品零售总额", "科技型中小企业",
                         "规模以上工业企业利润", "出生人口", "普惠小微贷款余额", "地区生产总值", "上市公司"])
predicates = st.sampled_from(["", "为", "达", "达到", "共有", "约为", "超过", "突破", "完成", "实现", "累计", "已达"])
numbers = st.sampled_from(["12", "3.5万", "860", "1.2亿", "4800", "26.7万", "五千", "三百四十"])
units = st.sampled_from(["家", "辆", "件", "个", "所", "项", "人", "亿元", "万元", "元", "人次", ""])
countable = st.sampled_from(["上市公司", "5G基站", "养老床位", "科技型中小企业", "新开工项目", "普通高校", "充电桩", "外资企业"])
tails = st.sampled_from(["。", "，同比增长6.5%。", "，比上年增加120{unit}。", "，占全省的三成。"])


@st.composite
def sentences(draw) -> str:
    year = draw(st.sampled_from(["", "2024年，", "截至2024年末，"]))
    unit = draw(units)
    tail = draw(tails).format(unit=unit)  # a change is in the unit of the level it changes
    return f"{year}{draw(scopes)}{draw(places)}{draw(nouns)}{draw(predicates)}{draw(numbers)}{unit}{tail}"


@st.composite
def counted_after(draw) -> str:
    """The counted noun after the figure and its measure word: '全市共有220家上市公司'."""
    return f"{draw(scopes)}{draw(places)}{draw(st.sampled_from(['共有', '拥有', '新增', '建成']))}{draw(numbers)}" \
           f"{draw(st.sampled_from(['家', '个', '所', '座']))}{draw(countable)}。"


def metrics_of(text: str) -> list[str]:
    source = Source(path=Path("cases/zh.txt"), id="zh", body=text, body_offset_line=1, meta={"title": ""},
                    published=date(2025, 3, 1))
    return [claim.metric for claim in extract_claims(source) if not claim.is_description]


def name_of(metric: str) -> str:
    """The noun phrase in a key: without the registry qualifier and the growth or share suffix."""
    for suffix in (" growth", " share of "):
        metric = metric.split(suffix)[0]
    return metric.split(":")[0].split(".")[0]


def assert_clean(metric: str) -> None:
    name = name_of(metric)
    assert name and name not in ("amount", "value"), metric  # a sentence that names its noun is keyed by it
    assert name not in BAD_ENDINGS and not name.endswith(BAD_ENDINGS), metric
    assert name not in VOCAB["predicate_words_zh"], metric
    assert not name.startswith(tuple(VOCAB["scope_prefixes_zh"])), metric


@settings(max_examples=100, deadline=None)
@given(sentences())
def test_a_chinese_metric_name_is_a_clean_noun_phrase(text):
    for metric in metrics_of(text):
        assert_clean(metric)


@settings(max_examples=150, deadline=None)
@given(counted_after())
def test_a_count_is_named_by_what_it_counts(text):
    metrics = metrics_of(text)
    assert metrics
    for metric in metrics:
        assert_clean(metric)
