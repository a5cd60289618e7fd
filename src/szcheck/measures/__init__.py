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
    return str(unit_registry().Quantity(Decimal(1), unit).to_base_units().units)


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
    def convert(value: Decimal) -> Decimal:
        return unit_registry().Quantity(value, unit).to_base_units().magnitude

    return convert(Decimal(1)) if convert(Decimal(0)) == 0 else None
