"""Intervals: the values a figure as written allows, from its stated precision and its qualifier."""

from __future__ import annotations

import functools
import math
from decimal import Decimal
from importlib import resources

from ..build_cache import built


@functools.cache
def tolerances() -> dict:
    return built("tolerances", read_tolerances)  # kept between runs: no YAML to parse


def read_tolerances() -> dict:
    import yaml

    text = resources.files("szcheck").joinpath("data", "intervals.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def half_unit(number: str) -> Decimal:
    """Half a unit of the last stated digit, trailing zeros included: the rounding a figure as
    written allows ("40" is 39.5-40.5, "223.66" 223.655-223.665). A scale word scales it
    ("2 trillion" is 1.5-2.5 trillion)."""
    number = number.replace(",", "")
    if "." in number:
        return Decimal(5).scaleb(-1 - len(number.split(".")[1]))
    return Decimal("0.5")


def make_interval(value: Decimal, rounding: Decimal, qualifier: str) -> tuple[Decimal | float, Decimal | float, bool, bool]:
    """The interval a figure states: (low, high, low_open, high_open); an open end is infinite.
    A rounding is half-open, [X - r, X + r), as rounding half up is: "1.3" and "1.4" only touch,
    they share no value."""
    if qualifier == "over":
        return value, math.inf, True, False
    if qualifier == "at_least":
        return value, math.inf, False, False
    if qualifier == "under":
        return min(Decimal(0), value), value, False, True
    if qualifier == "at_most":
        return min(Decimal(0), value), value, False, False
    if qualifier == "nearly":
        return value - abs(value) * tolerance("nearly_relative"), value, False, True
    if qualifier == "level":
        return value, value * 10, False, True
    if qualifier == "about":
        band = max(rounding, abs(value) * tolerance("about_relative"))
        return value - band, value + band, False, True
    return value - rounding, value + rounding, False, True


def signed_interval(value: Decimal, rounding: Decimal, qualifier: str, sign: int, measure: str = "") -> tuple[float, float, float, bool, bool]:
    """(value, low, high, low_open, high_open) of a figure, computed exactly and given as the
    nearest floats ('16.4 billion' is 16400000000.0); a fall (sign -1) mirrors its interval. A
    figure in a physical unit ('600 kilometres', `measure` 'kilometer') is given in its reference unit."""
    low, high, low_open, high_open = make_interval(value, rounding, qualifier)
    if measure:
        value, low, high = (in_reference_unit(end, measure) for end in (value, low, high))
    if sign < 0:
        return float(-value), float(-high), float(-low), high_open, low_open
    return float(value), float(low), float(high), low_open, high_open


def in_reference_unit(value, measure: str):
    from ..measures import to_reference

    return value if isinstance(value, float) else to_reference(value, measure)


@functools.cache
def tolerance(name: str) -> Decimal:
    return Decimal(str(tolerances()[name]))
