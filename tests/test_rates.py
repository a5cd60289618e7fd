"""The rate table: where its rows come from, how the script averages the ECB's daily rates, and
cross-checks of the shipped rows against facts that hold whatever the market did (pegs, fixed
conversion rates)."""

from __future__ import annotations

import importlib.util
import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from szcheck.money import convert_currency, read_money_data

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "generate_rates.py"
SHIPPED = ROOT / "src" / "szcheck" / "money" / "rates.yaml"


def load_script():
    spec = importlib.util.spec_from_file_location("generate_rates", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_history(path: Path, rows: list[str]) -> Path:
    path.write_text("Date,USD,JPY,RUB,\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_the_table_names_its_source_and_the_data_files_last_date():
    header = "".join(line for line in SHIPPED.read_text(encoding="utf-8").splitlines(keepends=True) if line.lstrip().startswith("#"))
    assert "European Central Bank" in header and "scripts/generate_rates.py" in header
    assert re.search(r"to (\d{4})-\d\d-\d\d", header)
    assert "# TWD: not quoted by the ECB; US Federal Reserve" in header


def test_every_major_currency_has_a_rate_for_every_year_from_2010_to_2025():
    per_usd = read_money_data("rates.yaml")["per_usd"]
    for code in ("CNY", "HKD", "EUR", "GBP", "JPY", "KRW", "INR", "AUD", "CAD", "CHF", "SGD", "USD"):
        assert sorted(per_usd[code]) == list(range(2010, 2026)), code


def test_pegs_and_fixed_rates_hold_in_every_year():
    per_usd = read_money_data("rates.yaml")["per_usd"]
    assert all(7.75 <= rate <= 7.85 for rate in per_usd["HKD"].values())  # HKD's band around 7.80
    for year, euro in per_usd["EUR"].items():
        assert per_usd["USD"][year] == 1
        if year in per_usd["BGN"]:
            assert per_usd["BGN"][year] / euro == pytest.approx(1.95583, rel=2e-3)  # the lev's board rate
        assert per_usd["DKK"][year] / euro == pytest.approx(7.46038, rel=5e-3)  # ERM II central rate


def test_a_conversion_uses_the_years_average():
    rates = read_money_data("rates.yaml")["per_usd"]
    assert convert_currency(100.0, "USD", "CNY", 2015) == pytest.approx(100 * rates["CNY"][2015])
    assert convert_currency(100.0, "EUR", "GBP", 2012) == pytest.approx(100 / rates["EUR"][2012] * rates["GBP"][2012])
    assert convert_currency(100.0, "EUR", "GBP", 2009) is None


def test_szcheck_does_not_depend_on_the_package_the_script_reads():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8").lower()
    assert "currencyconverter" not in pyproject
    sources = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "src" / "szcheck").rglob("*.py"))
    assert "currency_converter" not in sources


def test_a_years_rate_is_the_mean_of_its_daily_cross_rates(tmp_path):
    script = load_script()
    history = write_history(tmp_path / "hist.csv", [
        "2012-01-03,1.25,100,40,",
        "2012-06-01,1.20,96,39,",
        "2011-05-02,1.50,120,N/A,",
        "2011-05-03,1.40,112,42,",
        "2013-02-01,1.30,130,40,",
    ])
    table = script.yearly_averages(script.read_history(history))
    assert table["JPY"] == {2011: Decimal(80), 2012: Decimal(80)}  # 2013 is the file's last, unfinished year
    assert table["EUR"][2012] == Decimal("0.8167")  # (1/1.25 + 1/1.20) / 2, to 4 figures
    assert table["RUB"] == {2012: Decimal("32.25")}  # (32 + 32.5) / 2; 2011 lacks a day's quote
    assert table["USD"] == {2011: 1, 2012: 1}


def test_the_script_reads_the_ecbs_zip_and_keeps_hand_rows_for_what_it_lacks(tmp_path):
    import zipfile

    script = load_script()
    csv_path = write_history(tmp_path / "eurofxref-hist.csv", ["2020-03-02,1.1,120,70,", "2021-03-01,1.2,130,90,"])
    archive = tmp_path / "eurofxref-hist.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(csv_path, "eurofxref-hist.csv")
    data = yaml.safe_load(script.render(script.read_history(archive), archive))
    assert data["band"] == read_money_data("rates.yaml")["band"]
    assert data["per_usd"]["RUB"] == {2020: pytest.approx(63.64)}
    assert data["per_usd"]["TWD"] == read_money_data("rates.yaml")["per_usd"]["TWD"]


def test_the_shipped_table_is_what_the_script_makes_from_the_bundled_history():
    pytest.importorskip("currency_converter")
    script = load_script()
    source = script.bundled_history()
    assert script.render(script.read_history(source), source) == SHIPPED.read_text(encoding="utf-8")
