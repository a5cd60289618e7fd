"""What `szcheck parse` prints: the figures read in one sentence."""

from __future__ import annotations

from ..model import Quantity
from .format import json_number, normalized


def quantity_object(quantity: Quantity) -> dict:
    entry = {
        "surface": quantity.surface,
        "value": json_number(quantity.value),
        "low": json_number(quantity.low),
        "high": json_number(quantity.high),
        "unit": quantity.unit,
        "qualifier": quantity.qualifier,
        "kind": quantity.kind,
        "period": quantity.period,
        "start": quantity.start,
        "end": quantity.end,
    }
    for key in ("noun", "per", "base"):
        if getattr(quantity, key):
            entry[key] = getattr(quantity, key)
    return entry


def render_parse_table(text: str, figures: list[Quantity], console) -> None:
    from rich.table import Table

    if not figures:
        console.print("no figures found")
        return
    table = Table(show_header=True, header_style="bold")
    for column in ("surface", "normalized", "unit", "qualifier", "kind", "period", "span", "of"):
        table.add_column(column)
    for q in figures:
        of = q.noun or q.base or ""
        table.add_row(q.surface, normalized(q), q.unit, q.qualifier, q.kind, q.period, f"{q.start}-{q.end}", of + (f" per {q.per}" if q.per else ""))
    console.print(table)
