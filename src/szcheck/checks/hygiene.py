"""Source hygiene checks (SZ5xx): what a source lacks for its figures to be read with confidence."""

from __future__ import annotations

from ..findings import document_rule, make_finding
from ..model import Claim, Finding, Source


document_rule(
    "SZ501",
    "undated-source",
    "warning",
    """A source has no publication date, in front matter or in a dateline at its top.

    Relative periods ("last year", "as of the end of June this year", "currently") cannot be
    resolved, and figures without a stated period cannot be placed in time. Add `published:
    YYYY-MM-DD` to the source's front matter.
    """,
)


document_rule(
    "SZ502",
    "dateline-date",
    "info",
    """A source's publication date was read from a dateline in its text, not from front matter.

    szcheck uses the first full date at the top of the article ("Updated: 2018-08-09",
    "September 15, 2025"). Confirm it by adding `published:` to the front matter.
    """,
)


def check_sources(sources: list[Source]) -> list[Finding]:
    findings = []
    for source in sources:
        anchor = [Claim(id="source", source=source.path.as_posix(), entity="", metric="", value="", line=source.body_offset_line, column=1)]
        if source.published is None:
            message = f"{source.path.as_posix()} has no publication date: relative periods in it cannot be resolved"
            findings.append(make_finding("SZ501", message, anchor, entity=source.id))
        elif source.published_from == "dateline":
            message = f"{source.path.as_posix()}: publication date {source.published} read from the dateline"
            findings.append(make_finding("SZ502", message, anchor, entity=source.id))
    return findings
