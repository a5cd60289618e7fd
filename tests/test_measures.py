"""Physical measures: read by szcheck's reader, converted by pint to one reference unit per dimension."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from szcheck.cli import app
from szcheck.measures import from_reference, to_reference
from szcheck.reader import read_figures

from conftest import write_source


@pytest.mark.parametrize("text, value, unit", [
    ("The new line adds 600 kilometres of track.", 600_000, "meter"),
    ("The ridge runs for 372 miles.", Decimal("598675.968"), "meter"),  # 372 x 1609.344 m
    ("The district covers 1,997.47 square kilometres.", 1_997_470_000, "square_meter"),
    ("The park will generate 5 GW.", 5_000_000_000, "watt"),
    ("The port handled 278,000 t of grain.", 278_000_000, "kilogram"),
    ("Its battery stores 77.4 kWh.", 278_640_000, "joule"),
    ("The engine makes 710 horsepower.", Decimal("529446.90882341185620"), "watt"),
    ("The phone has 512GB of storage.", 512_000_000_000, "byte"),
    ("Seville hit 41°C on Tuesday.", Decimal("314.15"), "kelvin"),
    ("The farm spans 40 hectares.", 400_000, "square_meter"),
    ("新线路全长38公里。", 38_000, "meter"),
])
def test_a_physical_figure_is_given_in_its_reference_unit(text, value, unit):
    [figure] = read_figures(text)
    assert (figure.unit, figure.kind) == (unit, "amount")
    assert Decimal(repr(figure.value)) == Decimal(value).quantize(Decimal(repr(figure.value)))


@pytest.mark.parametrize("text, unit", [
    ("a 1m gap over the chasing group", "meter"),
    ("the 11.5 m deep lock", "meter"),
    ("a leap of 8.41m.", "meter"),
    ("the service added 5m subscribers", "count"),
    ("a £1.5m grant", "GBP"),
])
def test_a_lower_case_m_is_a_length_unless_money_or_a_count_of_things_follows(text, unit):
    [figure] = read_figures(text)
    assert figure.unit == unit


def test_names_with_a_unit_letter_stay_names():
    assert read_figures("The 5G network and 4G phones") == []


def test_a_range_takes_the_unit_of_its_second_end():
    [figure] = read_figures("Highs of 20 to 25 degrees Celsius are expected.")
    assert (figure.low, figure.high, figure.unit) == (293.15, 298.15, "kelvin")


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["kilometer", "mile", "tonne", "degree_Fahrenheit", "kilowatt_hour", "acre"]))
def test_conversion_to_the_reference_unit_and_back_is_exact(number, unit):
    assert from_reference(to_reference(Decimal(number), unit), unit).quantize(Decimal(1)) == number


def test_kilometres_and_miles_agree_and_a_tenfold_slip_is_a_conflict(project, runner):
    write_source(project, "a", "The Hefei ring road is 600 km long, officials said in 2024.")
    write_source(project, "b", "The Hefei ring road is 372.8 miles long, officials said in 2024.")
    write_source(project, "c", "The Hefei ring road is 60 km long, officials said in 2024.")
    findings = json.loads(runner.invoke(app, ["verify", "-f", "json"]).stdout)["findings"]
    conflicts = [f for f in findings if f["rule"] in ("SZ101", "SZ102")]
    assert len(conflicts) == 1
    values = {claim["text"] for claim in conflicts[0]["claims"]}
    assert "60 km" in values and {"600 km", "372.8 miles"} & values
    assert any(cause.get("cause") == "scale" for cause in conflicts[0].get("causes", []))


def test_pint_is_imported_only_when_a_text_has_a_physical_unit_not_worked_out_before(tmp_path):
    """pint works out the reference unit and factor of each unit the vocabulary names once; the table is
    kept between runs (build_cache), so a later run reads '38 km' without loading pint."""
    code = ("import sys; from szcheck.reader import read_figures; read_figures('Revenue rose 5% to $3 billion.');"
            "print('pint' in sys.modules); q = read_figures('The line is 38 km long.')[0];"
            "print('pint' in sys.modules); print(q.value, q.unit, q.rounding)")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("SZCHECK_NO_CACHE", None)
    first, again = (subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout.split()
                    for _ in range(2))
    assert first[:2] == ["False", "True"] and again[:2] == ["False", "False"]
    assert first[2:] == again[2:]  # the same reading, worked out by pint or read from the table


def test_the_kept_table_of_reference_units_is_what_pint_works_out():
    from szcheck.measures import build_references, known_references, pint_reference_factor, pint_reference_unit

    table = known_references()
    assert table == build_references() and {"kilometer", "acre", "degree_Celsius", "foot", "inch"} <= set(table)
    assert all(table[unit] == (pint_reference_unit(unit), pint_reference_factor(unit)) for unit in table)
    assert table["degree_Celsius"][1] is None  # an offset unit: converted by pint itself
