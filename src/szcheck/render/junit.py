"""JUnit XML report: one test case per finding, failing for errors and warnings (skipped when accepted
in the baseline), for CI test dashboards."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..errors import printable
from ..rules import shown_claims
from ..model import Claim, Finding, Report
from .format import quote_excerpt

NAME_WIDTH = 100
FAILING = ("error", "warning")
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # characters XML 1.0 cannot carry


def xml_text(text: str) -> str:
    return NOT_XML.sub("", text)


def short(text: str, width: int = NAME_WIDTH) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def one_line(text: str) -> str:
    return printable(" ".join(text.split()))


def claim_line(claim: Claim) -> str:
    where = f"{claim.source}:{claim.line}" if claim.line else claim.source
    quote = re.sub(r"\s+", " ", quote_excerpt(claim)).strip()
    return one_line(f"{where}: {claim.value}" + (f" — {quote}" if quote else ""))


def failure_body(finding: Finding) -> str:
    lines = [one_line(finding.message)]  # a line of its own must not start a CI command ('::error')
    if finding.diagnosis:
        lines += ["", f"Diagnosis: {one_line(finding.diagnosis)}"]
    shown, hidden = shown_claims(finding)
    if shown:
        lines += [""] + [claim_line(claim) for claim in shown]
    if hidden:
        lines.append(f"… and {hidden} more (szcheck verify --format json lists them all)")
    lines += ["", f"id {finding.id} · szcheck explain {finding.rule}"]
    return "\n".join(lines)


def testcase(finding: Finding) -> ET.Element:
    case = ET.Element("testcase", classname=f"{finding.rule}.{finding.name}", name=xml_text(f"{short(finding.message)} [{finding.id}]"))
    if finding.accepted:
        ET.SubElement(case, "skipped", message=xml_text(f"accepted in the baseline: {finding.accepted}"))
    elif finding.severity in FAILING:
        failure = ET.SubElement(case, "failure", type=finding.severity, message=xml_text(finding.message))
        failure.text = xml_text(failure_body(finding))
    return case


def render_junit(report: Report) -> str:
    tally = report.tally
    failures = sum(tally.count(severity, accepted=False) for severity in FAILING)
    counts = {"tests": str(tally.total), "failures": str(failures), "errors": "0", "skipped": str(tally.accepted)}
    root = ET.Element("testsuites", name="szcheck", **counts)
    suite = ET.SubElement(root, "testsuite", name="szcheck", **counts)
    suite.extend(testcase(finding) for finding in report.findings)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
