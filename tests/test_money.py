"""Money: the currency table, a source's own currency, and conversion."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from szcheck.cli import app
from szcheck.money import ambiguous_forms, currency_table
from szcheck.reader import read_figures

from conftest import write_source


def test_currency_table_lists_every_code_in_capitals_with_its_forms():
    table = currency_table()
    assert len(table) > 140
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in table)
    assert {"GBP", "JPY", "INR", "KRW", "BRL", "ZAR", "XOF"} <= set(table)
    assert "£" in table["GBP"]["symbols"] and "英镑" in table["GBP"]["words"]


def test_every_ambiguous_form_defaults_to_a_currency_it_can_mean():
    for form, meaning in ambiguous_forms().items():
        assert meaning["default"] in meaning["codes"], form
        assert len(meaning["codes"]) > 1


@pytest.mark.parametrize("text, currency, unit, currency_from", [
    ("The mine will cost $2.5 billion.", "", "USD", "default"),
    ("The mine will cost $2.5 billion.", "AUD", "AUD", "source"),
    ("The mine will cost US$2.5 billion.", "AUD", "USD", ""),
    ("The lunch set costs ¥2,000.", "JPY", "JPY", "source"),
    ("The lunch set costs ¥2,000.", "", "CNY", "default"),
    ("The flat sold for 3.2 million kronor.", "NOK", "SEK", ""),
    ("The fare is 40 kr.", "NOK", "NOK", "source"),
    ("The fine was €4,000.", "AUD", "EUR", ""),
])
def test_an_ambiguous_sign_means_the_sources_currency_when_it_can(text, currency, unit, currency_from):
    [figure] = read_figures(text, currency=currency)
    assert (figure.unit, figure.currency_from) == (unit, currency_from)


@pytest.mark.parametrize("text, expected", [
    ("Tickets sold for ALL 500 at the gate.", [("ALL", 500)]),
    ("All 5 players were fined.", [("count", 5)]),
    ("Tonga budgeted TOP 12 million.", [("TOP", 12_000_000)]),
    ("The top 10 firms", []),
])
def test_a_code_that_is_also_a_word_counts_only_in_capitals(text, expected):
    assert [(f.unit, f.value) for f in read_figures(text)] == expected


def test_a_sources_currency_reaches_its_claims_file_and_back(project, runner):
    write_source(project, "perth", "BHP said on Tuesday it would spend $4.1 billion on a new mine in 2025.",
                 published="2025-03-01")
    text = (project / "sources" / "perth.txt").read_text(encoding="utf-8").replace("kind: news\n", "kind: news\ncurrency: AUD\n")
    (project / "sources" / "perth.txt").write_text(text, encoding="utf-8")
    assert runner.invoke(app, ["extract"]).exit_code == 0
    claims = yaml.safe_load((project / "claims" / "perth.yaml").read_text(encoding="utf-8"))["claims"]
    assert [c.get("currency") for c in claims] == ["AUD"]
    result = runner.invoke(app, ["claims", "-f", "json"])
    assert [c["unit"] for c in json.loads(result.output)] == ["AUD"]


def test_the_projects_currency_is_the_default_for_every_source(project, runner):
    (project / "szcheck.yaml").write_text("currency: cad\n", encoding="utf-8")
    write_source(project, "toronto", "The city will borrow $1.2 billion for transit in 2025.", published="2025-03-01")
    result = runner.invoke(app, ["claims", "-f", "json"])
    assert [c["unit"] for c in json.loads(result.output)] == ["CAD"]


def test_an_unknown_currency_is_a_clear_error(project, runner):
    (project / "szcheck.yaml").write_text("currency: ABC\n", encoding="utf-8")
    write_source(project, "a", "It cost $5 in 2024.")
    result = runner.invoke(app, ["verify"])
    assert result.exit_code == 2 and "currency 'ABC' is not an ISO 4217 code" in result.output


def test_parse_names_where_the_currency_of_an_ambiguous_sign_came_from(runner):
    result = runner.invoke(app, ["parse", "It will cost $5 million.", "--currency", "SGD", "-f", "json"])
    [figure] = json.loads(result.output)
    assert (figure["unit"], figure["currency_from"]) == ("SGD", "source")


def test_an_implicit_yuan_sum_keeps_its_currency_in_the_claims_file(project, runner):
    write_source(project, "hefei", "合肥市设立的产业基金规模近8000亿。", published="2025-03-01")
    assert runner.invoke(app, ["extract"]).exit_code == 0
    claims = yaml.safe_load((project / "claims" / "hefei.yaml").read_text(encoding="utf-8"))["claims"]
    assert [(c["value"], c.get("currency")) for c in claims] == [("8000亿", "CNY")]
    assert [c["unit"] for c in json.loads(runner.invoke(app, ["claims", "-f", "json"]).output)] == ["CNY"]


@pytest.mark.parametrize("body, value, unit", [
    ("Fjordbank earned 6.2 billion Norwegian crowns, beating the 5.9 billion crowns expected.", "5.9 billion crowns", "NOK"),
    ("Fjordbank earned 6.2 billion Norwegian crowns.\n\nNet interest income rose to 9.8 billion crowns.", "9.8 billion crowns", "NOK"),
    ("Fjordbank earned 6.2 billion Norwegian crowns.\n\nThe pound was at $1.31.", "$1.31", "USD"),  # '$' cannot mean crowns
    ("Western Range spent A$2.8 billion on a hub.\n\nIt also paid $30 million for a port.", "$30 million", "AUD"),
    ("Net interest income rose to 9.8 billion crowns.", "9.8 billion crowns", "SEK"),  # nothing named: the default
])
def test_an_ambiguous_form_means_the_currency_the_source_named_first(body, value, unit):
    from datetime import date
    from pathlib import Path

    from szcheck.extract import extract_claims
    from szcheck.model import Source

    source = Source(path=Path("a.md"), id="a", body=body, body_offset_line=1, meta={"title": ""}, published=date(2025, 10, 22))
    [claim] = [c for c in extract_claims(source) if c.value == value]
    assert claim.quantity.unit == unit
