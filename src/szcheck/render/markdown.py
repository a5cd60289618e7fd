"""Markdown conflict report: self-contained, for pasting into an editorial review (renders on GitHub)."""

from __future__ import annotations

import re
from datetime import date

from .. import __version__
from ..checks.wording import metric_label, pick_scale, source_name
from ..rules import shown_claims
from ..errors import printable
from ..model import Claim, Finding, Report, in_severity_order
from .format import normalized, period_text, summary_line

HEADINGS = {"error": "Contradictions", "warning": "Possible contradictions", "info": "Agreements and checks that hold"}


MARKUP = re.compile(r"([\\`*_\[\]<>|~$])|&(?=#?\w+;)")  # what could start a link, HTML, code, emphasis, maths or a table cell


WHITESPACE = re.compile(r"\s+")


def cell(text: str) -> str:
    """Text from an article or a file name as markdown that shows it literally, on one line: no HTML,
    no links, no code spans, no stray table cells."""
    return MARKUP.sub(lambda match: "\\" + match[1] if match[1] else "&amp;", printable(WHITESPACE.sub(" ", text)))


def code(text: str) -> str:
    """A file name in a code span, or escaped as text when a backtick or pipe would break the span or the table."""
    text = printable(WHITESPACE.sub(" ", text))
    return f"`{text}`" if not re.search(r"[`|]", text) else cell(text)


def paragraph(text: str) -> str:
    """A line of its own: nor a heading, list or quote, nor a CI command ('::error')."""
    text = cell(text)
    return "\\" + text if text.startswith((":", "#", ">", "-", "+", "=")) else text


def mermaid_text(text: str) -> str:
    """A chart label: quotes, brackets, commas and backticks would end the label or the chart."""
    return re.sub(r"[\"`\[\]{},;#<>\\|]", " ", printable(" ".join(text.split())))


def anchor(finding: Finding) -> str:
    return "finding-" + finding.id


def quote_with_figure(claim: Claim, width: int = 220) -> str:
    at = claim.quote.find(claim.value)
    if at < 0:
        return cell(claim.quote[:width])
    start, end = max(0, at - width // 2), min(len(claim.quote), at + len(claim.value) + width // 2)
    before = ("…" if start else "") + claim.quote[start:at]
    after = claim.quote[at + len(claim.value) : end] + ("…" if end < len(claim.quote) else "")
    return f"{cell(before)}**{cell(claim.value)}**{cell(after)}"


def claims_table(finding: Finding) -> list[str]:
    lines = ["| source | as written | normalized | period | quote |", "| --- | --- | --- | --- | --- |"]
    shown, hidden = shown_claims(finding)
    for claim in shown:
        period = period_text(claim)
        lines.append(
            f"| {code(source_name(claim.source))}:{claim.line} | {cell(claim.value)} | {cell(normalized(claim.quantity))} "
            f"| {cell(period)} | {quote_with_figure(claim)} |"
        )
    if hidden:
        lines.append(f"| … and {hidden} more | | | | the JSON report lists them all |")
    return lines


def short_source(name: str) -> str:
    """'2025-09-15-shenzhen-news-tech-finance' -> 'shenzhen-news': a short chart label, without the date."""
    return "-".join(re.sub(r"^\d{4}-\d{2}-\d{2}-", "", name).split("-")[:2])[:16]


def series_chart(finding: Finding) -> list[str]:
    """A mermaid bar chart of the metric's figures by period and source (renders on GitHub)."""
    points = finding.details.get("series") or []
    if len({(p["period"], p["source"]) for p in points}) < 2:
        return []
    top = max(abs(p["value"]) for p in points)
    scale, word = pick_scale(top)
    labels = ", ".join(f'"{mermaid_text(p["period"] + " " + short_source(p["source"]))}"' for p in points)
    values = ", ".join(f"{p['value'] / scale:.6g}" for p in points)
    unit = finding.claims[0].quantity.unit if finding.claims[0].quantity else ""
    return [
        "```mermaid",
        "xychart-beta",
        f'    title "{mermaid_text(metric_label(finding.metric) + " of " + finding.entity)}"',
        f"    x-axis [{labels}]",
        f'    y-axis "{(word + " " + unit).strip()}" 0 --> {top / scale * 1.1:.3g}',  # from zero, so bars compare
        f"    bar [{values}]",
        "```",
        "",
    ]


def finding_section(finding: Finding) -> list[str]:
    lines = [f'<a id="{anchor(finding)}"></a>', f"### {finding.rule} {finding.name}: {cell(finding.entity)} · {cell(metric_label(finding.metric))}", ""]
    lines += [paragraph(finding.message), ""]
    if finding.accepted:
        lines += [f"*Accepted in the baseline: {cell(finding.accepted)}*", ""]
    if finding.diagnosis:
        lines += [f"**Diagnosis.** {cell(finding.diagnosis)}", ""]
    if any(c.quote for c in finding.claims):
        lines += claims_table(finding) + [""]
    lines += series_chart(finding)
    lines += [f"<sub>id `{finding.id}` · `szcheck explain {finding.rule}`</sub>", ""]
    return lines


SECTIONS_BUDGET = 800_000  # bytes of finding sections: the whole report stays under GitHub's 1 MiB job-summary limit


def bounded_sections(conflicts) -> tuple[list[Finding], list[str]]:
    """The findings whose sections fit the budget, in severity order, and those sections' lines."""
    included, lines, size, heading = [], [], 0, None
    for finding in conflicts:
        section = finding_section(finding)
        size += sum(len(line.encode("utf-8")) + 1 for line in section)
        if size > SECTIONS_BUDGET:
            break
        if finding.severity != heading:
            heading = finding.severity
            lines += [f"## {HEADINGS[heading]}", ""]
        included.append(finding)
        lines += section
    return included, lines


def read_once(findings, hygiene_wanted: bool) -> tuple[list[Finding], list[str], list[Finding]]:
    """One read of the findings, in severity order: the conflicts' bounded sections, and the hygiene
    findings when the report lists them (it stops at the budget otherwise)."""
    hygiene: list[Finding] = []

    def conflicts():
        for finding in in_severity_order(findings):
            if is_hygiene(finding):
                hygiene.append(finding)
            else:
                yield finding

    stream = conflicts()
    included, lines = bounded_sections(stream)
    if hygiene_wanted:
        for _ in stream:  # the rest of the conflicts are left out; their hygiene findings are not
            pass
    return included, lines, hygiene


def is_hygiene(finding: Finding) -> bool:
    return finding.rule.startswith("SZ5")


def shown(text: str) -> str:
    """The offending text for a table cell; whitespace by its code points, which would not show."""
    if not text.strip():
        return " + ".join(f"U+{ord(char):04X}" for char in text)
    return f"“{cell(text)}”"


def hygiene_sections(report: Report, findings: list[Finding]) -> list[str]:
    """After the conflicts, each source with its hygiene findings (SZ5xx): one table row per finding."""
    if not findings:
        return []
    lines = ['<a id="source-hygiene"></a>', "## Source hygiene", "", "What makes a source unreliable before any figure in it is compared.", ""]
    for source in report.sources:
        path = source.path.as_posix()
        own = [f for f in findings if f.claims and f.claims[0].source == path]
        lines += [f"### {code(path)}", ""]
        if not own:
            lines += ["No hygiene findings.", ""]
            continue
        lines += ["| rule | severity | line:column | text | finding |", "| --- | --- | --- | --- | --- |"]
        for finding in sorted(own, key=lambda f: (f.claims[0].line, f.claims[0].column, f.rule)):
            where = ", ".join(f"{c.line}:{c.column}" for c in finding.claims)
            accepted = f" *Accepted in the baseline: {cell(finding.accepted)}*" if finding.accepted else ""
            lines.append(f'| <a id="{anchor(finding)}"></a>{finding.rule} {finding.name} | {finding.severity} | {where} '
                         f"| {shown(finding.claims[0].value)} | {cell(finding.message)}{accepted} |")
        lines.append("")
    return lines


def render_markdown(report: Report, title: str = "szcheck conflict report") -> str:
    lines = [f"# {title}", "", f"Generated {(report.generated or date.today()).isoformat()} by szcheck {__version__}.", ""]
    lines += [
        summary_line(report) + ".",
        "",
        "| severity | findings |",
        "| --- | --- |",
    ]
    lines += [f"| {severity} | {report.count(severity)} |" for severity in ("error", "warning", "info")] + [""]
    tally = report.tally
    hygiene_count = tally.hygiene
    conflict_count = tally.total - hygiene_count
    included, sections, hygiene = read_once(report.findings, hygiene_wanted=hygiene_count > 0)
    left_out = conflict_count - len(included)
    if left_out:
        lines += [f"**{left_out} of {conflict_count} findings are left out to keep this report readable; "
                  "`szcheck verify --format json` lists them all.**", ""]
    if included or hygiene_count:
        lines += ["## Contents", ""]
        for finding in included:
            summary = re.sub(r"\s+", " ", finding.message)[:120]
            lines.append(f"- [{finding.rule} ({finding.severity})](#{anchor(finding)}) {cell(summary)}")
        if hygiene_count:
            lines.append(f"- [Source hygiene](#source-hygiene): {hygiene_count} findings in {tally.sources_with_hygiene()} sources")
        lines.append("")
    lines += sections + hygiene_sections(report, hygiene)
    if report.notes:
        lines += ["## Notes", ""] + [f"- {cell(note)}" for note in report.notes] + [""]
    lines += ["## Sources", "", "| source | publisher | published | kind |", "| --- | --- | --- | --- |"]
    for source in report.sources:
        lines.append(f"| {code(source.path.as_posix())} | {cell(str(source.meta.get('publisher', '')))} | {source.published or 'unknown'} "
                     f"| {cell(source.kind)} |")
    return "\n".join(lines).rstrip() + "\n"
