"""Terminal tables for browsing what was read: `szcheck claims` and `szcheck timeline`."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..checks.wording import metric_label, source_name
from ..errors import printable
from ..model import Claim
from .format import normalized, period_text

BAR_WIDTH = 16


def plain(cells) -> list[Text]:
    """Cells as text, never as rich markup: an entity or a file name may hold '[/]' or '[link=...]'."""
    return [Text(printable(str(cell))) for cell in cells]


def render_claims_table(claims: list[Claim], console: Console) -> None:
    table = Table(show_header=True, header_style="bold", expand=not console.soft_wrap)  # off a terminal: unwrapped
    for column in ("source:line", "entity", "metric", "as written", "normalized", "period", "status"):
        table.add_column(column, overflow="fold")
    for claim in claims:
        period = period_text(claim)
        cells = (f"{source_name(claim.source)}:{claim.line}", claim.entity, metric_label(claim.metric) or "(none: not compared)", claim.value,
                 normalized(claim.quantity) if not claim.is_description else claim.category, period, claim.status)
        table.add_row(*plain(cells))
    console.print(table)
    console.print(f"{len(claims)} claims")


def render_timeline(metric: str, claims: list[Claim], console: Console) -> None:
    """The series of a metric across periods and sources, with a bar per figure (scaled to the largest)."""
    if not claims:
        console.print(Text(f"no claims for metric {printable(repr(metric))}"))
        return
    table = Table(title=Text(printable(metric_label(metric))), show_header=True, header_style="bold", expand=not console.soft_wrap)
    for column in ("period", "entity", "as written", "normalized", "source"):
        table.add_column(column, overflow="fold")
    table.add_column("chart", no_wrap=True, min_width=BAR_WIDTH)
    top = max(abs(c.quantity.value) for c in claims) or 1.0
    for claim in sorted(claims, key=lambda c: (c.period, c.entity, c.source)):
        bar = "█" * max(1, round(abs(claim.quantity.value) / top * BAR_WIDTH))
        table.add_row(*plain((claim.period, claim.entity, claim.value, normalized(claim.quantity), f"{source_name(claim.source)}:{claim.line}", bar)))
    console.print(table)
