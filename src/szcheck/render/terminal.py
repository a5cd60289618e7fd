"""Terminal report (rich): a one-screen summary, then each finding with its claims side by side."""

from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..checks.wording import source_name
from ..errors import printable
from ..rules import shown_claims
from ..model import Claim, Finding, Report, in_severity_order
from .format import normalized, period_text, summary_line

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
TITLE = {"error": "Errors", "warning": "Warnings", "info": "Info"}


def highlighted_quote(claim: Claim, width: int = 160) -> Text:
    """The quote, shortened around the figure, with the figure in bold."""
    quote, value = printable(claim.quote), printable(claim.value)
    at = quote.find(value)
    if at < 0:
        return Text(quote[:width])
    start = max(0, at - width // 2)
    end = min(len(quote), at + len(value) + width // 2)
    text = Text(("…" if start else "") + quote[start:at])
    text.append(value, style="bold reverse")
    text.append(quote[at + len(value) : end] + ("…" if end < len(quote) else ""))
    return text


def claims_table(finding: Finding, fit: bool) -> Table:
    table = Table(show_header=True, header_style="bold", expand=fit, show_lines=True)
    for column, ratio in (("source", 2), ("as written", 2), ("normalized", 2), ("period", 1), ("quote", 5)):
        table.add_column(column, ratio=ratio, overflow="fold")
    shown, hidden = shown_claims(finding)
    for claim in shown:
        period = period_text(claim)
        table.add_row(Text(f"{printable(source_name(claim.source))}:{claim.line}"), Text(printable(claim.value)),
                      Text(normalized(claim.quantity)), Text(printable(period)), highlighted_quote(claim))
    if hidden:
        table.add_row(f"… and {hidden} more", "", "", "", Text("szcheck verify -f json lists them all", style="dim"))
    return table


def locations_table(finding: Finding) -> Table:
    """A hygiene finding's places in its one source (its message names it): the text and its context."""
    table = Table(show_header=True, header_style="bold", expand=True)
    for column, ratio in (("line:col", 1), ("text", 2), ("context", 6)):
        table.add_column(column, ratio=ratio, overflow="fold")
    for claim in finding.claims:
        text = claim.value if claim.value.strip() else repr(claim.value)  # whitespace by its escapes, or it would not show
        table.add_row(f"{claim.line}:{claim.column}", Text(printable(text)), highlighted_quote(claim))
    return table


def finding_panel(finding: Finding, fit: bool) -> Panel:
    parts = [Text(printable(finding.message))]
    if finding.diagnosis:
        parts.append(Text("Diagnosis: " + printable(finding.diagnosis), style="italic"))
    if finding.rule.startswith("SZ5") and any(c.quote for c in finding.claims):
        parts.append(locations_table(finding))
    elif any(c.quote for c in finding.claims):
        parts.append(claims_table(finding, fit))
    accepted = f" · [dim]accepted: {escape(printable(finding.accepted))}[/]" if finding.accepted else ""
    title = f"[{STYLE[finding.severity]}]{finding.rule} {finding.name}[/] · {finding.severity} · {finding.id}{accepted}"
    return Panel(Group(*parts), title=title, title_align="left", border_style=STYLE[finding.severity], expand=fit)


def render_terminal(report: Report, console: Console, quiet: bool = False) -> None:
    """On a terminal, boxes fit its width; elsewhere (console.soft_wrap) each is as wide as its text."""
    fit = not console.soft_wrap
    console.print(Text(summary_line(report), style="bold"))
    if quiet:
        return
    for note in report.notes:
        console.print(Text("note: " + printable(note), style="dim"))
    tally, heading = report.tally, None
    for finding in in_severity_order(report.findings):  # one read: the counts come from the tally
        if finding.severity != heading:
            heading = finding.severity
            title = f"[{STYLE[heading]}]{TITLE[heading]} ({tally.count(heading)})"
            console.rule(title) if fit else console.print(f"── {title}[/] ──")
        console.print(finding_panel(finding, fit))
    console.print(Text(summary_line(report), style="bold"))
