"""Source hygiene checks (SZ5xx): what a source lacks, or carries by mistake, for its figures to be
read with confidence. The rules that read the text (SZ503-SZ513) are in hygiene_rules/."""

from __future__ import annotations

from ..rules import document_rule, make_finding
from ..model import Claim, Finding, Source
from . import hygiene_rules


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


def check_sources(sources: list[Source], read: dict | None = None) -> list[Finding]:
    """`read`: the rules' hits by text, so that a text published in several sources (wire copy) is read once."""
    findings = []
    read = {} if read is None else read
    for source in sources:
        anchor = [Claim(id="source", source=source.path.as_posix(), entity="", metric="", value="", line=source.body_offset_line, column=1)]
        if source.published is None:
            message = f"{source.path.as_posix()} has no publication date: relative periods in it cannot be resolved"
            findings.append(make_finding("SZ501", message, anchor, entity=source.id))
        elif source.published_from == "dateline":
            message = f"{source.path.as_posix()}: publication date {source.published} read from the dateline"
            findings.append(make_finding("SZ502", message, anchor, entity=source.id))
        findings += text_findings(source, read)
    return findings


def text_findings(source: Source, read: dict | None = None) -> list[Finding]:
    """One finding per defect; the same defect repeated in a source (the same stripped link lead-in,
    the same whitespace damage) is one finding with a location for each time, so its id stays the same
    however the lines move."""
    path = source.path.as_posix()
    groups: dict[tuple[str, str], list[hygiene_rules.Hit]] = {}
    for hit in source_hits(source, read if read is not None else {}):
        groups.setdefault((hit.code, hit.group or hit.text), []).append(hit)
    findings = []
    for (code, _), hits in groups.items():
        anchors = [Claim(id=code.lower(), source=path, entity=source.id, metric="", value=hit.text, quote=hit.context,
                         line=hit.line, column=hit.column) for hit in hits]
        message = f"{source.id} line {hits[0].line}: {hits[0].message}"
        if len(hits) > 1:
            lines = ", ".join(dict.fromkeys(str(hit.line) for hit in hits[1:]))
            message += f" (and {len(hits) - 1} more, line{'s' if ',' in lines else ''} {lines})"
        findings.append(make_finding(code, message, anchors, entity=source.id))
    return findings


def source_hits(source: Source, read: dict) -> list[hygiene_rules.Hit]:
    """The rules' hits in a source, by what they depend on: its text, where it starts and its language."""
    key = (source.body, source.body_offset_line, hygiene_rules.language(source))
    found = read.get(key)
    if found is None:
        found = read[key] = hygiene_rules.hits(source, key[2])
    return found
