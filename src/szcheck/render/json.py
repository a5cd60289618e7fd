"""JSON report: the contract CI scripts read (see README, "JSON report")."""

from __future__ import annotations

import io
import json
from typing import TextIO

from ..model import Claim, Finding, Report
from .format import json_number

VERSION = 2  # 2: corroborating findings list their claims by reference
CORROBORATING = frozenset(("SZ110", "SZ111"))  # agreement: often most of a large report's claims, each stated in full elsewhere


def claim_object(claim: Claim) -> dict:
    entry = {"id": claim.id, "source": claim.source, "line": claim.line, "column": claim.column, "text": claim.value}
    quantity = claim.quantity
    if quantity is not None and not claim.is_description:
        entry.update(
            value=json_number(quantity.value),
            low=json_number(quantity.low),
            high=json_number(quantity.high),
            unit=quantity.unit,
            qualifier=claim.qualifier,
            kind=claim.kind,
        )
    entry.update(entity=claim.entity, metric=claim.metric, period=claim.period, period_basis=claim.period_basis, status=claim.status,
                 quote=claim.quote)
    if claim.outlook:
        entry["outlook"] = claim.outlook  # forecast | target | plan | hypothetical
    return entry


def claim_reference(claim: Claim) -> dict:
    """Where a claim is and what it says, without its reading: a corroborating finding's claims are
    the agreeing figures; `szcheck claims -f json` gives each in full (its source and id find it)."""
    return {"id": claim.id, "source": claim.source, "line": claim.line, "column": claim.column, "text": claim.value}


def finding_object(finding: Finding) -> dict:
    listed = claim_reference if finding.rule in CORROBORATING else claim_object
    return {
        "id": finding.id,
        "rule": finding.rule,
        "name": finding.name,
        "severity": finding.severity,
        "entity": finding.entity,
        "metric": finding.metric,
        "period": finding.period,
        "message": finding.message,
        "diagnosis": finding.diagnosis,
        **({"accepted": True, "reason": finding.accepted} if finding.accepted else {}),
        **finding.details,
        "claims": [listed(c) for c in finding.claims],
    }


def error_object(error) -> dict:
    """A file that could not be read: where, and why."""
    return {"file": str(error.path or ""), "line": error.line, "message": error.message}


def report_object(report: Report, with_findings: bool = True) -> dict:
    tally = report.tally
    return {
        "version": VERSION,
        "summary": {
            "sources": len(report.sources),
            "claims": len(report.claims),
            "errors": tally.count("error", accepted=False),
            "warnings": tally.count("warning", accepted=False),
            "infos": tally.count("info", accepted=False),
            "accepted": tally.accepted,
        },
        "notes": report.notes,
        "input_errors": [error_object(error) for error in report.errors],
        **({"findings": [finding_object(f) for f in report.findings]} if with_findings else {}),
    }


INDENTED_CLAIMS = 10_000  # up to this many claims in findings, each finding is indented as the rest


def write_json(report: Report, stream: TextIO) -> None:
    """The report object, written finding by finding so that no text of the whole report is built.
    The same text as json.dumps(report_object(report), indent=2) for a report listing up to
    INDENTED_CLAIMS claims; beyond, each finding stands on one line, since indentation makes Python
    fall back from its C encoder to one about three times slower."""
    envelope = report_object(report, with_findings=False)
    tally = report.tally
    indented = tally.listed_claims <= INDENTED_CLAIMS
    head = json.dumps({**envelope, "findings": []}, ensure_ascii=False, indent=2)
    if not tally.total:
        stream.write(head + "\n")
        return
    stream.write(head[: -len("[]\n}")] + "[\n")
    for number, finding in enumerate(report.findings):
        text = json.dumps(finding_object(finding), ensure_ascii=False, indent=2 if indented else None)
        stream.write(("" if number == 0 else ",\n") + "    " + (text.replace("\n", "\n    ") if indented else text))
    stream.write("\n  ]\n}\n")


def render_json(report: Report) -> str:
    text = io.StringIO()
    write_json(report, text)
    return text.getvalue()
