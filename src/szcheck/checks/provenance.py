"""Provenance checks (SZ4xx): claims whose quote no longer stands in their source."""

from __future__ import annotations

from ..rules import document_rule, make_finding
from ..model import Claim, Finding, Source
from .wording import source_name


document_rule(
    "SZ401",
    "stale-quote",
    "warning",
    """A claim's quote no longer appears in its source.

    The article changed after the claim was extracted or reviewed, or the quote was edited by hand.
    The claim is kept (nothing a person wrote is thrown away) but is not compared with others until
    its quote is fixed or `szcheck extract` is run again.
    """,
)


def quote_stands(claim: Claim, source: Source, lines: list[str], bodies: dict[str, str]) -> bool:
    """The quote is in the source: on its own line (a quick look), else anywhere in the normalized body."""
    index = claim.line - source.body_offset_line
    line = lines[index] if 0 <= index < len(lines) else ""
    if claim.quote in line:
        return True  # as written, on its line: the usual case, and the cheapest test
    quote = " ".join(claim.quote.split())
    if quote in " ".join(line.split()):
        return True
    if claim.source not in bodies:
        bodies[claim.source] = " ".join(source.body.split())
    return quote in bodies[claim.source]


def check_provenance(sources: list[Source], claims: list[Claim]) -> list[Finding]:
    by_path = {s.path.as_posix(): s for s in sources}
    lines: dict[str, list[str]] = {}  # each source's lines (and normalized body) made when first needed
    bodies: dict[str, str] = {}
    findings = []
    for claim in claims:
        source = by_path.get(claim.source)
        if claim.status == "rejected" or source is None:
            continue
        if claim.source not in lines:
            lines[claim.source] = source.body.split("\n")
        if claim.status == "stale" or (claim.quote and not quote_stands(claim, source, lines[claim.source], bodies)):
            message = f"claim {claim.id!r} quotes text that is no longer in {source_name(claim.source)}: \"{claim.quote[:80]}\""
            findings.append(make_finding("SZ401", message, [claim], entity=claim.entity, metric=claim.metric, period=claim.period,
                                         identity=(claim.source, claim.id)))
    return findings


document_rule(
    "SZ402",
    "outdated-claims",
    "warning",
    """A source changed after its claims file was written.

    The claims may quote text that moved or changed, and new figures in the source are not checked.
    Run `szcheck extract` to merge the new reading into the claims file; reviewed claims are kept.
    """,
)


def check_outdated(source: Source, claims_file_path: str, recorded_sha256: str) -> list[Finding]:
    if not recorded_sha256 or recorded_sha256 == source.sha256:
        return []
    anchor = [Claim(id="source", source=source.path.as_posix(), entity="", metric="", value="", line=1, column=1)]
    message = f"{source.path.as_posix()} changed since {claims_file_path} was written; run `szcheck extract` to update it"
    return [make_finding("SZ402", message, anchor, entity=source.id)]
