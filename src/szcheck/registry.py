"""Vocabulary and registry: scale words, currencies, metrics, entities and rates, loaded from YAML data."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from .errors import SzcheckError

_extra_registry_files: list[Path] = []
_rates_file: list[Path] = []


def read_yaml_data(name: str) -> dict:
    """A data file shipped in szcheck/data."""
    text = resources.files("szcheck").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}  # noqa: S506 - a safe loader


@functools.cache
def quantity_vocabulary() -> dict:
    return read_yaml_data("quantities.yaml")


@functools.cache
def period_vocabulary() -> dict:
    return read_yaml_data("periods.yaml")


@dataclass(frozen=True)
class Metric:
    name: str
    label: str
    unit: str  # money | percent | count | rate
    kind: str  # flow (over a period) | balance (at a date) | attribute (does not change with time)
    aliases: tuple[str, ...]
    share_of: tuple[str, str] | None = None  # (metric, base): "R&D intensity" is rd_investment of GDP


@dataclass(frozen=True)
class Entity:
    name: str
    category: str
    aliases: tuple[str, ...]
    place: str = ""  # where it is: a common-noun alias ("seed fund") means it only in articles about that place


@dataclass(frozen=True)
class Registry:
    metrics: dict[str, Metric]
    entities: dict[str, Entity]
    size_nouns: dict[str, str] = field(default_factory=dict)  # head noun -> attribute metric ("fund" -> fund_size)
    not_names: frozenset[str] = frozenset()  # capitalized words that are not proper names


def use_extra_registry(paths: list[Path]) -> None:
    """Project registry files that extend or override the shipped one (read on next use)."""
    from .extract import alias_pattern

    if list(paths) == _extra_registry_files:
        return
    _extra_registry_files[:] = list(paths)
    load_registry.cache_clear()
    alias_pattern.cache_clear()


def _merge(base: dict, extra: dict) -> dict:
    merged = dict(base)
    for section in ("metrics", "entities", "size_nouns"):
        merged[section] = {**base.get(section, {}), **(extra.get(section) or {})}
    merged["not_names"] = list(base.get("not_names", [])) + list(extra.get("not_names") or [])
    return merged


@functools.cache
def load_registry() -> Registry:
    data = read_yaml_data("registry.yaml")
    for path in _extra_registry_files:
        try:
            extra = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as error:
            raise SzcheckError(f"cannot read registry file: {error}", path) from None
        if not isinstance(extra, dict):
            raise SzcheckError("a registry file must be a mapping", path)
        data = _merge(data, extra)
    metrics = {
        name: Metric(
            name=name,
            label=spec.get("label", name),
            unit=spec["unit"],
            kind=spec.get("kind", "flow"),
            aliases=tuple(spec.get("aliases", [])),
            share_of=tuple(spec["share_of"]) if spec.get("share_of") else None,
        )
        for name, spec in data.get("metrics", {}).items()
    }
    entities = {
        name: Entity(name=name, category=spec.get("category", ""), aliases=tuple(spec.get("aliases", [])), place=spec.get("place", ""))
        for name, spec in data.get("entities", {}).items()
    }
    return Registry(
        metrics=metrics,
        entities=entities,
        size_nouns=dict(data.get("size_nouns", {})),
        not_names=frozenset(data.get("not_names", [])),
    )


@functools.cache
def load_categories() -> dict:
    return read_yaml_data("categories.yaml")


def use_rates(path: Path | None) -> None:
    """A project rate table replacing the shipped one (read on next use)."""
    _rates_file[:] = [path] if path else []
    load_rates.cache_clear()


@functools.cache
def load_rates() -> dict:
    if not _rates_file:
        return read_yaml_data("rates.yaml")
    try:
        data = yaml.safe_load(_rates_file[0].read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise SzcheckError(f"cannot read rate table: {error}", _rates_file[0]) from None
    if not isinstance(data, dict) or not isinstance(data.get("per_usd"), dict) or "band" not in data:
        raise SzcheckError("a rate table has 'band' and 'per_usd: {CODE: {YEAR: rate}}'", _rates_file[0], 1)
    return data
