"""SARIF 2.1.0 log: findings as static-analysis results, for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

import io
import itertools
import json
from typing import TextIO
from urllib.parse import quote

from .. import __version__
from ..checks import all_rules
from ..rules import Rule
from ..model import Claim, Finding, Report

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT = "szcheck/v2"  # v2: ids from the set of values, not the claims
SOURCE_ROOT = "%SRCROOT%"  # the project root: every claim's source is a path relative to it

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def rule_object(rule: Rule) -> dict:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }


def span_text(claim: Claim) -> str:
    """The text that starts at a claim's column: the figure, or for a description its whole sentence."""
    text = claim.quote if claim.is_description else claim.value
    return "" if "\n" in text or "\r" in text else text


def location_object(claim: Claim) -> dict:
    """Where a claim stands: its source file and, when it has a line, the span of its text in that line."""
    physical: dict = {"artifactLocation": {"uri": quote(claim.source, safe="/"), "uriBaseId": SOURCE_ROOT}}
    if claim.line >= 1:
        region: dict = {"startLine": claim.line}
        text = span_text(claim)
        if claim.column >= 1:
            region["startColumn"] = claim.column
            if text:
                region["endColumn"] = claim.column + len(text)
                region["snippet"] = {"text": text}
        physical["region"] = region
    return {"physicalLocation": physical}


def result_object(finding: Finding, rule_index: dict[str, int]) -> dict:
    result: dict = {"ruleId": finding.rule}
    if finding.rule in rule_index:
        result["ruleIndex"] = rule_index[finding.rule]
    result["level"] = LEVELS[finding.severity]
    result["message"] = {"text": finding.message}
    result["locations"] = [location_object(claim) for claim in finding.claims if claim.source]
    result["partialFingerprints"] = {FINGERPRINT: finding.id}
    if finding.accepted:
        # suppressed outside the log, by the baseline: code scanning shows the alert as dismissed
        result["suppressions"] = [{"kind": "external", "justification": finding.accepted}]
    properties: dict = {"entity": finding.entity, "metric": finding.metric, "period": finding.period}
    if finding.diagnosis:
        properties["diagnosis"] = finding.diagnosis
    if finding.details:
        properties["details"] = finding.details
    result["properties"] = properties
    return result


def sarif_object(report: Report, with_results: bool = True) -> dict:
    rules = list(all_rules().values())
    rule_index = {rule.code: index for index, rule in enumerate(rules)}
    invocation: dict = {"executionSuccessful": not report.errors}
    notifications = [{"level": "note", "message": {"text": note}} for note in report.notes]
    notifications += [{"level": "error", "message": {"text": str(error)}} for error in report.errors]
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run = {
        "tool": {"driver": {"name": "szcheck", "version": __version__, "rules": [rule_object(rule) for rule in rules]}},
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",  # claim columns count characters, as Python strings do
        "results": [result_object(finding, rule_index) for finding in report.findings] if with_results else [],
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


RESULTS_INDENT = " " * 8  # a result's depth in the log: the log, its runs, the run, its results


def write_sarif(report: Report, stream: TextIO) -> None:
    """The log, written result by result: the same text as json.dumps(sarif_object(report), indent=2),
    without holding every result (on the spill path the findings are on disk)."""
    head = json.dumps(sarif_object(report, with_results=False), ensure_ascii=False, indent=2)
    cut = head.rindex('"results": []') + len('"results": [')  # the run's last key: no string holds unescaped quotes
    rule_index = {rule.code: index for index, rule in enumerate(all_rules().values())}
    results = iter(report.findings)
    first = next(results, None)
    if first is None:
        stream.write(head + "\n")
        return
    stream.write(head[:cut] + "\n")
    for number, finding in enumerate(itertools.chain([first], results)):
        text = json.dumps(result_object(finding, rule_index), ensure_ascii=False, indent=2)
        stream.write(("" if number == 0 else ",\n") + RESULTS_INDENT + text.replace("\n", "\n" + RESULTS_INDENT))
    stream.write("\n      " + head[cut:] + "\n")


def render_sarif(report: Report) -> str:
    text = io.StringIO()
    write_sarif(report, text)
    return text.getvalue()
