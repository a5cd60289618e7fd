"""The reader: the figures of a sentence as intervals in a base unit, each with the period it describes.

Language-neutral steps only; each language's words and grammar are in szcheck.languages.
"""

from __future__ import annotations

from datetime import date

from ..model import Quantity
from .figures import read_quantities, read_value
from .periods import assign_periods, outside, read_periods

__all__ = ["read_figures", "read_quantities", "read_value"]


def read_figures(text: str, published: date | None = None, currency: str = "") -> list[Quantity]:
    """The quantities of one sentence with the period each describes (what `szcheck parse` shows);
    `currency` is what an ambiguous sign or word means in this source ("AUD" for an Australian one)."""
    quantities = read_quantities(text, currency)
    if not quantities:
        return []  # a sentence with no figure needs no period reading
    mentions = read_periods(text, published)
    return assign_periods(text, outside(quantities, mentions), mentions)
