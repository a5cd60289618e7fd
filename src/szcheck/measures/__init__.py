"""Physical measures: a number in a unit the reader found, converted to its dimension's reference
unit (meter, square_meter, cubic_meter, kilogram, joule, watt, meter_per_second, hertz, byte, kelvin).

pint does the arithmetic, with szcheck's own definitions (units.txt) and exact decimals; it is
imported only when a text holds a physical unit, and only ever gets a number and a unit name,
never text."""

from __future__ import annotations

import functools
from decimal import Decimal
from importlib import resources


@functools.cache
def unit_registry():
    import pint

    path = resources.files("szcheck").joinpath("measures", "units.txt")
    with resources.as_file(path) as definitions:
        return pint.UnitRegistry(str(definitions), non_int_type=Decimal, autoconvert_offset_to_baseunit=True)


@functools.cache
def reference_unit(unit: str) -> str:
    """'kilometer' -> 'meter', 'kilowatt_hour' -> 'joule', 'degree_Celsius' -> 'kelvin'."""
    known = known_references().get(unit)
    return known[0] if known else pint_reference_unit(unit)


def pint_reference_unit(unit: str) -> str:
    return str(unit_registry().Quantity(Decimal(1), unit).to_base_units().units)


@functools.cache
def known_references() -> dict[str, tuple[str, Decimal | None]]:
    """unit -> (its reference unit, its reference_factor) for every unit the reader's vocabulary names: worked
    out by pint once and kept between runs (build_cache), so that reading a length or a mass needs no pint
    (importing it and loading units.txt was a third of a short run's start-up). Another unit asks pint."""
    from ..build_cache import built

    return built("measure-references", build_references)


def build_references() -> dict[str, tuple[str, Decimal | None]]:
    from ..languages import vocabulary

    units = vocabulary("units")
    names = {*units["words"].values(), *units["symbols"].values(), *units.get("compound_only", {}).values(), *units.get("differences", {}).values()}
    for first, seconds in units.get("compounds", {}).items():
        names |= {first, *seconds}
    references = {}
    for name in sorted(names):
        try:
            references[name] = (pint_reference_unit(name), pint_reference_factor(name))
        except Exception:  # noqa: BLE001 - a name pint does not define: asked of pint (and failing) when read, as before
            continue
    return references


def from_reference(value: Decimal, unit: str) -> Decimal:
    """The inverse of to_reference: a value in the reference unit, in `unit`s."""
    registry = unit_registry()
    return registry.Quantity(value, reference_unit(unit)).to(unit).magnitude


def to_reference(value: Decimal, unit: str) -> Decimal:
    """`value` `unit`s in the reference unit of its dimension, exactly where the definitions are exact."""
    factor = reference_factor(unit)
    if factor is not None:
        return value * factor  # the product pint's conversion of a unit without an offset computes, at a tenth of the cost
    return unit_registry().Quantity(value, unit).to_base_units().magnitude


@functools.lru_cache(maxsize=256)  # one entry per unit of units.txt
def reference_factor(unit: str) -> Decimal | None:
    """What one `unit` is in its reference unit, for a unit that converts by a factor alone (pint
    multiplies the value by the factor it keeps for the pair of units); None for a unit with an
    offset (degree_Celsius), which pint converts otherwise."""
    known = known_references().get(unit)
    return known[1] if known else pint_reference_factor(unit)


def pint_reference_factor(unit: str) -> Decimal | None:
    def convert(value: Decimal) -> Decimal:
        return unit_registry().Quantity(value, unit).to_base_units().magnitude

    return convert(Decimal(1)) if convert(Decimal(0)) == 0 else None
