"""Registry: the metrics and entities szcheck knows by name, their aliases, and where the text names them."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .errors import SzcheckError
from .reader.patterns import word_alternation

_extra_registry_files: list[Path] = []


def read_yaml_data(name: str) -> dict:
    """A data file shipped in szcheck/data."""
    import yaml  # here, not at the top: `szcheck parse` imports this module and reads no YAML

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
    nouns: tuple[str, ...] = ()  # what a count of it counts ("TEU")
    verbs: tuple[str, ...] = ()  # with `nouns`: the words that choose it ("delivered" vehicles)
    spent_on: tuple[str, ...] = ()  # "spent X on R&D"
    changes: bool = False  # a percentage of it is its change: "inflation was 2.4%" is CPI growth
    opposite: str = ""  # the metric that is this one's other sign: a net loss is a negative net profit
    per_unit: bool = False  # a price of one unit: "$2 billion of shares" is not a share price
    market: bool = False  # a market price or value: unless a period is stated, the time of publication
    held_by: tuple[str, ...] = ()  # the sub-entities whose figure is the place's own: "banks" lend a province's loans
    for_places: str = ""  # the metric that measures the same for a place: a company's employees, a country's employment
    of_places: bool = False  # only a place has it (GDP, consumer prices): said of an organisation in a place's story, the place's


@dataclass(frozen=True)
class Entity:
    name: str
    category: str
    aliases: tuple[str, ...]
    place: str = ""  # where it is: a common-noun alias ("seed fund") means it only in articles about that place
    within: str = ""  # the province a city is in
    country: str = ""  # the country a province or a city is in


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
    if _extra_registry_files:
        return build_registry()
    from .build_cache import built

    return built("registry", build_registry)  # kept between runs: no YAML to parse


def build_registry() -> Registry:
    import yaml

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
            nouns=tuple(spec.get("nouns", [])),
            verbs=tuple(spec.get("verbs", [])),
            spent_on=tuple(spec.get("spent_on", [])),
            changes=bool(spec.get("changes", False)),
            opposite=spec.get("opposite", ""),
            per_unit=bool(spec.get("per_unit", False)),
            market=bool(spec.get("market", False)),
            held_by=tuple(spec.get("held_by", [])),
            for_places=spec.get("for_places", ""),
            of_places=bool(spec.get("of_places", False)),
        )
        for name, spec in data.get("metrics", {}).items()
    }
    entities = gazetteer_places()
    for name, spec in data.get("entities", {}).items():
        known = entities.get(name)
        entities[name] = Entity(name=name, category=spec.get("category", ""), place=spec.get("place", ""),
                                aliases=tuple(dict.fromkeys(list(spec.get("aliases", [])) + list(known.aliases if known else ()))),
                                within=known.within if known else "", country=known.country if known else "")
    return Registry(
        metrics=metrics,
        entities=entities,
        size_nouns=dict(data.get("size_nouns", {})),
        not_names=frozenset(data.get("not_names", [])),
    )


def place_aliases(name: str, chinese: str, suffixes: tuple[str, str]) -> list[str]:
    """A place's names with their usual suffixes: Anhui, Anhui Province, 安徽, 安徽省. A name shared by
    two places ("Yulin (Shaanxi)") is known by its Chinese name only; a Chinese name written with its
    suffix (吉林市, 广西壮族自治区) only with it, and a region's also by its first two characters (广西)."""
    english, zh_suffix = suffixes
    aliases = [] if "(" in name else [name, f"{name} {english}", f"{name} {english.capitalize()}"]
    if not chinese:
        return aliases
    if chinese.endswith(("市", "自治区")):
        return aliases + [chinese] + ([chinese[:2]] if chinese.endswith("自治区") and len(chinese) > 5 else [])
    return aliases + [chinese, chinese + zh_suffix]


CHINA = "China"  # the gazetteer's provinces and cities are China's


@functools.cache
def gazetteer_places() -> dict[str, Entity]:
    """Every place of the shipped gazetteer, as entities."""
    data = read_yaml_data("gazetteer.yaml")
    places: dict[str, Entity] = {}
    adjectives = data.get("nationalities", {})
    for name, names in data.get("countries", {}).items():
        places[name] = Entity(name, "country", tuple([name, *names, *adjectives.get(name, [])]))
    taken = {alias.lower() for entity in places.values() for alias in entity.aliases}
    for country in read_yaml_data("world_countries.yaml").values():  # generated from CLDR: the rest of the world
        if not any(alias.lower() in taken for alias in country["aliases"]):
            places[country["name"]] = Entity(country["name"], "country", tuple(country["aliases"]))
    city_countries = {city: country for country, cities in data.get("world_city_countries", {}).items() for city in cities}
    for name, names in data.get("world_cities", {}).items():
        places[name] = Entity(name, "city", tuple([name, *names]), country=city_countries.get(name, ""))
    for name, names in data.get("continents", {}).items():
        places[name] = Entity(name, "region", tuple([name, *names]))
    for country, regions in data.get("world_regions", {}).items():
        for name, names in regions.items():
            if name not in places:  # a city of that name keeps it
                places[name] = Entity(name, "region", tuple([name, *names]), country=country)
    for name, chinese in data.get("provinces", {}).items():
        places[name] = Entity(name, "province", tuple(place_aliases(name, chinese, ("province", "省"))), country=CHINA)
    for name, chinese in data.get("province_level_cities", {}).items():
        places[name] = Entity(name, "city", tuple(place_aliases(name, chinese, ("city", "市"))), country=CHINA)
    for province, cities in data.get("cities", {}).items():
        for name, chinese in cities.items():
            places[name] = Entity(name, "city", tuple(place_aliases(name, chinese, ("city", "市"))), within=province, country=CHINA)
    return places


def place_currency(name: str) -> str:
    """The currency of a place the registry knows (its own, else its country's): what an ambiguous sign ('$', 'kr',
    'dollars') means in a story about it; '' for an organisation or an unknown place."""
    entity = load_registry().entities.get(name)
    if entity is None:
        return ""
    table = currencies_of_places()
    return table.get(name) or table.get(entity.country) or (next((table[a] for a in entity.aliases if a in table), "") if entity.category == "country" else "")


@functools.cache
def currencies_of_places() -> dict[str, str]:
    """A place's name (or any name of a country) -> the ISO code of its currency."""
    found = {alias: country["currency"] for country in read_yaml_data("world_countries.yaml").values() if country.get("currency")
             for alias in [country["name"], *country["aliases"]]}
    return {**found, **read_yaml_data("gazetteer.yaml").get("place_currencies", {})}


@functools.cache
def nationality_adjectives() -> frozenset[str]:
    """'Chinese', 'German': the gazetteer's adjectives that name a country."""
    from .build_cache import built

    return built("nationality-adjectives", read_nationality_adjectives)  # kept between runs: no YAML to parse


def read_nationality_adjectives() -> frozenset[str]:
    return frozenset(word.lower() for words in read_yaml_data("gazetteer.yaml").get("nationalities", {}).values() for word in words)


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
    if _extra_registry_files:
        return build_alias_pattern(kind)
    from .build_cache import built

    return built(f"aliases-{kind}", lambda: build_alias_pattern(kind))  # kept between runs: compiling it was most of a short run


def build_alias_pattern(kind: str) -> tuple[re.Pattern, dict[str, str]]:
    registry = load_registry()
    table = registry.metrics if kind == "metrics" else registry.entities
    names = {alias.lower(): name for name, item in table.items() for alias in item.aliases}
    if kind == "entities":
        names.update({name.lower(): name for name in table})
    if not names:
        return re.compile(r"(?!x)x"), names
    # a name runs on into digits ("Wuhan3" is not Wuhan); a metric may be glued to its figure ("GDP2024")
    end = r"(?![A-Za-z0-9])" if kind == "entities" else r"(?![A-Za-z])"
    alternatives = word_alternation(names).replace(r"(?![A-Za-z])", r"(?:e?s)?" + end)
    return re.compile(alternatives, re.I), names


def find_mentions(text: str, kind: str) -> list[Mention]:
    """The registry `kind` ("metrics" or "entities") that `text` names, singular or plural, in order."""
    pattern, names = alias_pattern(kind)
    found = []
    for match in pattern.finditer(text):
        surface = " ".join(match.group(0).lower().split())
        name = names.get(surface) or names.get(re.sub(r"e?s$", "", surface)) or names.get(surface[:-1])
        if name and not (kind == "entities" and (inside_a_word(text, match.start()) or names_a_section(text, match.end()))) \
                and not (kind == "metrics" and is_per_base(text, match.start())):
            found.append(Mention(match.start(), match.end(), name, match.group(0)))
    return found


def names_a_section(text: str, end: int) -> bool:
    """'福建段': a place before a section word names a stretch of the line named before, not the figure's place."""
    return text.startswith(section_words(), end)


@functools.cache
def section_words() -> tuple[str, ...]:
    from .languages import vocabulary

    return tuple(vocabulary("claims").get("section_words_zh", ()))


def is_per_base(text: str, start: int) -> bool:
    """'每万人口拥有5G基站': a measure right after a per prefix (每万) is the base of a rate, not what it measures."""
    return text.endswith(per_prefixes(), 0, start)


@functools.cache
def per_prefixes() -> tuple[str, ...]:
    from .languages import vocabulary

    return tuple(vocabulary("claims").get("per_prefixes_zh", ()))


def inside_a_word(text: str, start: int) -> bool:
    """'其中国内游客': the name's first character ends a word written before it (其中), so 中国 is no name there."""
    return any(text.endswith(word[:-1], 0, start) and text.startswith(word[-1], start) for word in words_ending_in_names())


@functools.cache
def words_ending_in_names() -> tuple[str, ...]:
    from .languages import vocabulary

    return tuple(vocabulary("claims").get("words_ending_in_names_zh", ()))
