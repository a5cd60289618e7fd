"""Registry: the metrics and entities szcheck knows by name, their aliases, and where the text names them."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from .errors import SzcheckError
from .reader.patterns import word_alternation

_extra_registry_files: list[Path] = []


def read_yaml_data(name: str) -> dict:
    """A data file shipped in szcheck/data."""
    text = resources.files("szcheck").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}  # noqa: S506 - a safe loader


@dataclass(frozen=True)
class Metric:
    name: str
    label: str
    unit: str  # money | percent | count | rate
    kind: str  # flow (over a period) | balance (at a date) | attribute (does not change with time)
    aliases: tuple[str, ...]
    share_of: tuple[str, str] | None = None  # (metric, base): "R&D intensity" is rd_investment of GDP
    real: bool = False  # its stated growth is real (at constant prices): not recomputed from nominal levels


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
            real=bool(spec.get("real", False)),
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


@dataclass(frozen=True)
class Mention:
    """Where a sentence names a registry metric or entity."""

    start: int
    end: int
    name: str
    surface: str = ""


@functools.cache
def alias_pattern(kind: str) -> tuple[re.Pattern, dict[str, str]]:
    """One regex for every alias of the registry's metrics or entities, and alias -> canonical name."""
    registry = load_registry()
    table = registry.metrics if kind == "metrics" else registry.entities
    names = {alias.lower(): name for name, item in table.items() for alias in item.aliases}
    if kind == "entities":
        names.update({name.lower(): name for name in table})
    if not names:
        return re.compile(r"(?!x)x"), names
    alternatives = word_alternation(names).replace(r"(?![A-Za-z])", r"(?:e?s)?(?![A-Za-z])")
    return re.compile(alternatives, re.I), names


def find_mentions(text: str, kind: str) -> list[Mention]:
    """The registry `kind` ("metrics" or "entities") that `text` names, singular or plural, in order."""
    pattern, names = alias_pattern(kind)
    found = []
    for match in pattern.finditer(text):
        surface = match.group(0).lower()
        name = names.get(surface) or names.get(re.sub(r"e?s$", "", surface)) or names.get(surface[:-1])
        if name:
            found.append(Mention(match.start(), match.end(), name, match.group(0)))
    return found
