"""Money: the currency table (how articles write each currency), the dated rate table and conversion."""

from __future__ import annotations

import functools
import math
from importlib import resources
from pathlib import Path

import yaml

from ..errors import SzcheckError

_rates_file: list[Path] = []
_default_currency: list[str] = []


def read_money_data(name: str) -> dict:
    text = resources.files("szcheck").joinpath("money", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}  # noqa: S506 - a safe loader


@functools.cache
def currency_data() -> dict:
    from ..build_cache import built

    return built("currency-data", lambda: read_money_data("currencies.yaml"))  # kept between runs: no YAML to parse


def currency_table() -> dict[str, dict[str, list[str]]]:
    """ISO code -> {"symbols": [...], "words": [...], "subunits": [...]} (generated from CLDR)."""
    return currency_data()["currencies"]


@functools.cache
def one_word_names() -> dict[str, str]:
    """The one-word lower-case names of currencies written in Latin letters, singular and plural, -> their codes
    ('real' -> BRL, 'yen' -> JPY): what a sentence can make the subject of a move ('the real has weakened')."""
    names: dict[str, str] = {}
    for code, spec in currency_table().items():
        for word in spec.get("words", []):
            if word.isascii() and word.isalpha() and word.islower():
                names.setdefault(word, code)
    shared = ambiguous_forms()
    return {word: shared[word]["default"] if word in shared else code for word, code in names.items()}  # 'peso': MXN


@functools.cache
def dollar_forms() -> frozenset[str]:
    """The signs and words of the US dollar ('$', 'dollars'), not its cents: what the currency of the place a
    source is about leaves alone (English news marks a local dollar: 'C$', 'A$')."""
    spec = currency_table()["USD"]
    return frozenset(form.lower() for form in spec.get("symbols", []) + spec.get("words", []))


def ambiguous_forms() -> dict[str, dict]:
    """A lower-cased form several currencies share -> {"default": code, "codes": [...]}."""
    return currency_data()["ambiguous"]


def use_default_currency(code: str) -> None:
    """The project's currency (configuration `currency`): what '$' or 'dollars' mean in its sources
    unless a source's front matter names its own."""
    _default_currency[:] = [code] if code else []


def source_currency(meta: dict) -> str:
    """A source's currency: its front matter's `currency`, else the project's; '' when neither says."""
    return str(meta.get("currency") or "").upper() or (_default_currency[0] if _default_currency else "")


def use_rates(path: Path | None) -> None:
    """A project rate table replacing the shipped one (read on next use)."""
    _rates_file[:] = [path] if path else []
    load_rates.cache_clear()


@functools.cache
def load_rates() -> dict:
    if not _rates_file:
        return read_money_data("rates.yaml")
    try:
        data = yaml.safe_load(_rates_file[0].read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise SzcheckError(f"cannot read rate table: {error}", _rates_file[0]) from None
    if not isinstance(data, dict) or not isinstance(data.get("per_usd"), dict) or "band" not in data:
        raise SzcheckError("a rate table has 'band' and 'per_usd: {CODE: {YEAR: rate}}'", _rates_file[0], 1)
    return data


def convert_currency(value: float, unit: str, target: str, year: int) -> float | None:
    """`value` in `unit` expressed in `target` at `year`'s average rate (money/rates.yaml, units of
    each currency per US dollar); None when the table has no rate for either, or a unit is not a
    currency. Each currency is its own unit: only a dated rate converts one into another."""
    if unit == target:
        return value
    per_usd = load_rates()["per_usd"]
    rate_from, rate_to = (per_usd.get(code, {}).get(year) for code in (unit, target))
    if not rate_from or not rate_to:
        return None
    converted = value / rate_from * rate_to
    return None if math.isnan(converted) else float(converted)
