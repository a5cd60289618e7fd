"""Chinese claims: the entity and metric key of figures in a Chinese report."""

from __future__ import annotations

import json

from conftest import write_source

from szcheck.cli import app

REPORT = ("2024年，杭州市地区生产总值21860亿元，同比增长4.7%。全年新能源汽车产量35万辆，增长20%。"
          "全省水平为2.9%。")


def claims_of(project, runner):
    write_source(project, "hangzhou", REPORT, published="2025-03-10", title="杭州市2024年统计公报")
    return json.loads(runner.invoke(app, ["claims", "-f", "json"]).output)


def test_a_common_noun_ending_like_a_carmaker_is_not_an_entity(project, runner):
    vehicles = [c for c in claims_of(project, runner) if c["metric"].startswith("vehicle_output")]
    assert vehicles and {c["entity"] for c in vehicles} == {"Hangzhou"}


def test_a_phrase_key_never_ends_in_a_function_word(project, runner):
    keys = [c["metric"] for c in claims_of(project, runner)]
    assert not [key for key in keys if key.split(" ")[0].endswith(("为", "的", "达", "是"))]


def test_a_chinese_and_an_english_source_meet_in_one_group(project, runner):
    write_source(project, "zh", "2024年，合肥市研发经费投入554亿元。", published="2025-03-01")
    write_source(project, "en", "Hefei's R&D spending in 2024 reached 58.4 billion yuan.", published="2025-03-01")
    write_source(project, "en2", "Hefei spent 55.4 billion yuan on R&D in 2024, the city said.", published="2025-03-02")
    findings = json.loads(runner.invoke(app, ["verify", "-f", "json"]).stdout)["findings"]
    conflicts = [f for f in findings if f["rule"] == "SZ101"]
    assert [(f["entity"], f["metric"], f["period"]) for f in conflicts] == [("Hefei", "rd_investment", "2024")]
    assert {c["text"] for c in conflicts[0]["claims"]} == {"554亿元", "58.4 billion yuan", "55.4 billion yuan"}


def test_a_dateline_is_never_the_entity(project, runner):
    write_source(project, "en", "SHANGHAI, April 2 -- Tianlong Motors sold 1.76 million vehicles in 2024, the carmaker said.",
                 published="2025-04-02")
    write_source(project, "zh", "新华社杭州3月10日电 天龙汽车2024年销售新车176万辆。", published="2025-03-10")
    entities = {c["entity"] for c in json.loads(runner.invoke(app, ["claims", "-f", "json"]).output)}
    assert not entities & {"Shanghai", "Hangzhou"}


def test_one_organisation_written_three_ways_is_one_entity(project, runner):
    write_source(project, "a", "Carmaker Tianlong said its net profit was 31.5 billion yuan in 2024.", published="2025-04-02",
                 title="Carmaker Tianlong posts record sales")
    write_source(project, "b", "Tianlong Motors' net profit was 35.1 billion yuan in 2024, its annual report shows.", published="2025-04-05")
    findings = json.loads(runner.invoke(app, ["verify", "-f", "json"]).stdout)["findings"]
    assert [f["metric"] for f in findings if f["rule"] in ("SZ101", "SZ102")] == ["net_profit"]


def test_a_traditional_chinese_source_meets_the_others_and_is_quoted_as_written(project, runner):
    write_source(project, "tw", "2024年，合肥市研發經費投入達554億元。", published="2025-03-01")
    write_source(project, "en", "Hefei's R&D spending in 2024 reached 58.4 billion yuan.", published="2025-03-01")
    [finding] = [f for f in json.loads(runner.invoke(app, ["verify", "-f", "json"]).stdout)["findings"] if f["rule"] == "SZ101"]
    assert (finding["entity"], finding["metric"]) == ("Hefei", "rd_investment")
    traditional = next(c for c in finding["claims"] if c["source"].endswith("tw.txt"))
    assert (traditional["text"], traditional["quote"]) == ("554億元", "2024年，合肥市研發經費投入達554億元。")


def test_opencc_is_loaded_only_for_traditional_text():
    import subprocess
    import sys

    code = ("import sys; from szcheck.reader import read_figures; read_figures('研发投入增长5%，Revenue rose 5%.');"
            "print('opencc' in sys.modules); read_figures('研發投入增長5%'); print('opencc' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split() == ["False", "True"]


def test_a_chinese_port_and_its_english_name_meet_in_one_group(project, runner):
    write_source(project, "zh", "2024年，青岛港完成集装箱吞吐量3087万标箱。", published="2025-01-14")
    write_source(project, "en", "Qingdao Port handled 33.1 million TEU of containers in 2024.", published="2025-01-15")
    findings = json.loads(runner.invoke(app, ["verify", "-f", "json"]).stdout)["findings"]
    conflicts = [(f["entity"], f["metric"], f["period"]) for f in findings if f["rule"] == "SZ101"]
    assert conflicts == [("Qingdao Port", "container_throughput", "2024")]


def test_a_quote_from_a_long_chinese_sentence_is_the_words_around_its_figure():
    from datetime import date
    from pathlib import Path

    from szcheck.extract import MAX_QUOTE, QUOTE_SLACK, extract_claims
    from szcheck.model import Source

    text = "合肥市2024年地区生产总值1.35万亿元，增长百分之五点八，" * 200  # one sentence of 6,000 characters
    source = Source(path=Path("zh.txt"), id="zh", body=text, body_offset_line=1, meta={"title": ""}, published=date(2025, 3, 1))
    claims = extract_claims(source)
    assert claims and all(c.quote in text and len(c.quote) <= MAX_QUOTE + QUOTE_SLACK for c in claims)
    last = claims[-1]
    assert last.value in last.quote and not text.startswith(last.quote)
