"""The reader: the figures of a sentence as intervals in a base unit, each with the period it describes.

Language-neutral steps only; each language's words and grammar are in szcheck.languages.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..languages import reading_form
from ..model import Quantity
from .figures import read_quantities, read_value
from .periods import assign_periods, outside, read_periods

__all__ = ["read_figures", "read_quantities", "read_value"]


def read_figures(text: str, published: date | None = None, currency: str = "") -> list[Quantity]:
    """The quantities of one sentence with the period each describes (what `szcheck parse` shows);
    `currency` is what an ambiguous sign or word means in this source ("AUD" for an Australian one)."""
    reading = reading_form(text)
    quantities = read_quantities(reading, currency)
    if not quantities:
        return []  # a sentence with no figure needs no period reading
    mentions = read_periods(reading, published)
    figures = assign_periods(reading, outside(quantities, mentions), mentions)
    return figures if reading is text else [as_written(figure, text) for figure in figures]


def as_written(figure: Quantity, text: str) -> Quantity:
    """A figure read from the simplified form of a traditional text, with its surface as written."""
    return replace(figure, surface=text[figure.start : figure.end])
