"""GitHub Actions workflow commands: one annotation per finding and claim, shown on the files in a run or pull request."""

from __future__ import annotations

from ..errors import printable
from ..rules import shown_claims
from ..model import Claim, Finding, Report
from .sarif import span_text

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """A command's message: %, CR and LF would end or corrupt the command; other control characters
    (terminal escapes) are shown escaped."""
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """A property value: as a message, and also the ':' and ',' that separate the properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(finding: Finding, claim: Claim | None) -> str:
    properties: list[tuple[str, str]] = []
    if claim is not None:
        properties.append(("file", claim.source))
        if claim.line >= 1:
            properties.append(("line", str(claim.line)))
            if claim.column >= 1:
                properties.append(("col", str(claim.column)))
                if span := span_text(claim):
                    properties.append(("endColumn", str(claim.column + len(span))))
    properties.append(("title", f"{finding.rule} {finding.name}"))
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{COMMANDS[finding.severity]} {listed}::{escape_data(finding.message)}"


def render_github(report: Report) -> str:
    """Accepted findings are left out (the baseline already decided about them); a finding is annotated
    on the few claims per value a report shows."""
    lines = []
    for finding in (f for f in report.findings if not f.accepted):
        located = [claim for claim in shown_claims(finding)[0] if claim.source]
        lines += [command(finding, claim) for claim in located] if located else [command(finding, None)]
    return "".join(line + "\n" for line in lines)
