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
    for key in ("noun", "per", "base", "currency_from"):
        if getattr(quantity, key):
            entry[key] = getattr(quantity, key)
    return entry


CURRENCY_FROM = {"source": "the source's currency", "default": "ambiguous sign: default reading, see --currency",
                 "context": "no currency written: yuan, from the sentence"}


def render_parse_table(text: str, figures: list[Quantity], console) -> None:
    from rich.table import Table

    from .tables import plain

    if not figures:
        console.print("no figures found")
        return
    table = Table(show_header=True, header_style="bold", expand=not console.soft_wrap)
    for column in ("surface", "normalized", "kind", "period", "of", "span"):
        table.add_column(column, overflow="fold")
    for q in figures:
        of = (q.noun or q.base or "") + (f" per {q.per}" if q.per else "")
        shown = normalized(q) if q.unit in normalized(q) else f"{normalized(q)} ({q.unit})"
        if q.currency_from:
            shown += f"; {CURRENCY_FROM[q.currency_from]}"
        cells = (q.surface, shown, f"{q.kind}, {q.qualifier}", q.period, of, f"{q.start}-{q.end}")
        table.add_row(*plain(cells))
    console.print(table)
