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
