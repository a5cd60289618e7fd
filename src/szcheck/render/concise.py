"""Concise report: one line per finding, `path:line:col: SZ101 [error] message`, for logs and editors."""

from __future__ import annotations

from ..errors import printable
from ..model import Finding, Report
from .format import summary_line

COLORS = {"error": "\x1b[1;31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
RESET = "\x1b[0m"


def location(finding: Finding) -> str:
    claim = next((c for c in finding.claims if c.source), None)
    if claim is None:
        return ""
    if claim.line < 1:
        return f"{claim.source}: "
    return f"{claim.source}:{claim.line}:{max(claim.column, 1)}: "


def finding_line(finding: Finding, color: bool = False) -> str:
    severity = f"[{finding.severity}]"
    if color:
        severity = COLORS[finding.severity] + severity + RESET
    message = printable(" ".join(finding.message.split()))
    return f"{printable(location(finding))}{finding.rule} {severity} {message}"


def render_concise(report: Report, quiet: bool = False, color: bool = False) -> str:
    """The findings that stand (accepted ones are only counted in the summary), then the summary line."""
    lines = [] if quiet else [finding_line(f, color) for f in report.findings if not f.accepted]
    return "".join(line + "\n" for line in [*lines, summary_line(report)])


def render_statistics(counts: list, report: Report) -> str:
    """`count  code  name  severity` per rule, like a linter's statistics, then the summary line."""
    width = max((len(c.name) for c in counts), default=0)
    lines = [f"{c.standing:>5}  {c.code}  {c.name:<{width}}  {c.severity}" + (f"  ({c.accepted} accepted)" if c.accepted else "")
             for c in counts]
    return "".join(line + "\n" for line in [*lines, summary_line(report)])
