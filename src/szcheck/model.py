"""Shared records of the data flow: sources, quantities, claims, findings, reports."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date
from decimal import Decimal
from pathlib import Path

UNSPECIFIED = "unspecified"


@dataclass(frozen=True)
class Quantity:
    """A figure read from text, normalized to an interval in a base unit."""

    surface: str
    value: float
    low: float
    high: float
    unit: str  # ISO 4217 code, "percent", "percentage_point" or "count"
    qualifier: str  # exact | about | over | at_least | under | at_most | nearly | level | range
    kind: str  # amount | share | growth | count | rate | duration
    start: int
    end: int
    number: str = ""  # the digits or words of the number as written
    noun: str | None = None  # the thing counted ("national high-tech enterprises")
    per: str | None = None  # denominator of a rate ("day")
    base: str | None = None  # what a share is of ("GDP")
    low_open: bool = False
    high_open: bool = False
    period: str = UNSPECIFIED
    period_basis: str = "none"  # stated | context | inferred | none | open (a span's start its sentence leaves undated)
    currency_from: str = ""  # "source" | "default" for a sign several currencies share ("$"); "context" for 规模近8000亿
    measure: str = ""  # the physical unit as written ("kilometer"; `unit` is its reference unit, "meter")
    rounding: Decimal | None = None  # half a unit of the last stated digit, scaled: "223.66 billion" -> 0.005 billion

    def overlaps(self, other: Quantity) -> bool:
        return intervals_overlap(self.interval, other.interval)

    def with_period(self, period: str, basis: str) -> Quantity:
        """A copy with its period set: what dataclasses.replace does, at a seventh of its cost (the
        reader calls it for every figure)."""
        copy = object.__new__(Quantity)
        copy.__dict__.update(self.__dict__, period=period, period_basis=basis)
        return copy

    @property
    def interval(self) -> tuple[float, float, bool, bool]:
        return (self.low, self.high, self.low_open, self.high_open)

    @cached_property
    def key(self) -> str:
        """The value as normalized ("6.46 percent" and "6.46%" are one value), worked out once: the
        checks ask for it several times per claim, and claims stating one figure share a Quantity."""
        return f"{self.unit}:{self.low!r}:{self.high!r}:{self.low_open:d}{self.high_open:d}"

    @cached_property
    def exact_bounds(self) -> tuple[Decimal | float, Decimal | float]:
        """(low, high) as the decimals they were written as; an unbounded end stays infinite."""
        return tuple(Decimal(repr(end)) if math.isfinite(end) else end for end in (self.low, self.high))


def intervals_overlap(a: tuple, b: tuple) -> bool:
    """Two intervals (low, high, low_open, high_open) share at least one point."""
    a_low, a_high, a_low_open, a_high_open = a
    b_low, b_high, b_low_open, b_high_open = b
    if a_high < b_low or b_high < a_low:
        return False
    if a_high == b_low and (a_high_open or b_low_open):
        return False
    if b_high == a_low and (b_high_open or a_low_open):
        return False
    return True


@dataclass(frozen=True)
class PeriodMention:
    """A time expression in a sentence, resolved to a period string."""

    start: int
    end: int
    period: str  # "2024", "2025-03", "2025-Q1", "2025-H1", "2020..2024", "2025-09-15"
    text: str
    relative: bool = False  # resolved against the publication date
    fronted: bool = False  # opens its sentence ("In 2024, ..."): sets the time for what follows
    event: bool = False  # a day on which something happened, not the time a figure describes
    anchor: str = ""  # "Y" or "Q": the year or quarter the story is about ("the full year", "the quarter"); "YE", "QE", "SE" the end of those or of the story's period
    point: bool = False  # a moment ("at the end of 2024", 年末, 截至6月): it dates levels; a flow up to it spans the year to it
    running: bool = False  # a span from a past time up to publication ("since January"): no period for the sentences after it


@dataclass
class Source:
    """An article: its front matter and the body exactly as published."""

    path: Path
    id: str
    body: str
    body_offset_line: int  # line number (1-based) of the body's first line in the file
    meta: dict = field(default_factory=dict)
    published: date | None = None
    published_from: str = ""  # "front matter" | "dateline" | ""
    sha256: str = ""

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or "")

    @property
    def kind(self) -> str:
        return str(self.meta.get("kind") or "news")


@dataclass(slots=True)
class Claim:
    """One statement of a source: a figure (or a description) with where and how it was read."""

    id: str
    source: str  # path of the source, relative to the project root
    entity: str
    metric: str
    value: str  # as written; normalized on load
    period: str = UNSPECIFIED
    period_basis: str = "stated"  # stated | context | inferred | none
    qualifier: str = "exact"
    kind: str = "amount"
    quote: str = ""
    line: int = 0
    column: int = 0
    status: str = "extracted"  # extracted | reviewed | rejected | stale
    metric_match: str = "registry"  # registry | phrase
    role: str = ""  # "conversion" for a figure restating the one before it in another unit
    noun: str | None = None
    base: str | None = None
    direction: str = ""  # "down" for a fall ("decreased by 3%"): the value is written as the article wrote it
    revision: str = ""  # "preliminary" | "revised" | "final" when the text marks the figure's stage
    category: str = ""  # descriptions: the kind of thing the entity is said to be
    founded: str = ""  # descriptions: the year it was founded, if stated
    checksum: str = ""
    quantity: Quantity | None = field(default=None, compare=False, repr=False)
    claims_line: int = field(default=0, compare=False)  # where the claim stands in its claims file
    currency: str = ""  # the source's currency, when it decided what an ambiguous sign means ("$" in an Australian source)
    outlook: str = ""  # forecast | target | plan | hypothetical: a figure for what is expected (or would have been), never compared with actual figures
    read_as: str = ""  # "<factor> <unit>": how its sentence read a value its words alone read otherwise ("118.4" in a table in millions of euros)

    @property
    def is_description(self) -> bool:
        return self.kind == "description"


@dataclass(frozen=True)
class Finding:
    """A problem (or a confirmation) found by a check, with the claims involved."""

    rule: str
    name: str
    severity: str  # error | warning | info
    message: str
    claims: tuple[Claim, ...]
    entity: str = ""
    metric: str = ""
    period: str = ""
    diagnosis: str = ""
    id: str = ""
    details: dict = field(default_factory=dict, compare=False)  # machine-readable diagnosis and evidence
    accepted: str = ""  # the baseline's reason, when the finding was accepted on purpose


@dataclass
class Report:
    """Everything verify found, ready for a renderer."""

    sources: list[Source]
    claims: list[Claim]
    findings: list[Finding]
    notes: list[str] = field(default_factory=list)  # e.g. sources extracted in memory
    generated: date | None = None  # the date a report states; today when None

    errors: list = field(default_factory=list)  # SzcheckErrors of files that could not be read; the rest was checked

    @property
    def tally(self) -> "Tally":
        return tally_of(self.findings)

    def count(self, severity: str) -> int:
        """Findings of a severity that stand: accepted ones are counted apart."""
        return self.tally.count(severity, accepted=False)

    @property
    def accepted(self) -> int:
        return self.tally.accepted


HYGIENE = "SZ5"  # the rules of a source's own text (markdown lists their sources)


@dataclass
class Tally:
    """What a report's summary says about its findings, counted in one pass: findings and the claims
    they list by (rule, name, severity, accepted), and the sources of each hygiene rule's findings."""

    findings: Counter = field(default_factory=Counter)
    claims: Counter = field(default_factory=Counter)
    hygiene_sources: dict = field(default_factory=dict)  # rule -> the sources of its findings' first claims

    @classmethod
    def of(cls, findings) -> "Tally":
        tally = cls()
        for finding in findings:
            tally.add(finding)
        return tally

    def add(self, finding: Finding) -> None:
        key = (finding.rule, finding.name, finding.severity, bool(finding.accepted))
        self.findings[key] += 1
        self.claims[key] += len(finding.claims)
        if finding.rule.startswith(HYGIENE) and finding.claims:
            self.hygiene_sources.setdefault(finding.rule, set()).add(finding.claims[0].source)

    def where(self, keep_rule) -> "Tally":
        """The tally of the findings whose rule `keep_rule` accepts."""
        return Tally(Counter({key: n for key, n in self.findings.items() if keep_rule(key[0])}),
                     Counter({key: n for key, n in self.claims.items() if keep_rule(key[0])}),
                     {rule: sources for rule, sources in self.hygiene_sources.items() if keep_rule(rule)})

    def count(self, severity: str | None = None, accepted: bool | None = None) -> int:
        return sum(n for (_, _, sev, acc), n in self.findings.items() if severity in (None, sev) and accepted in (None, acc))

    @property
    def total(self) -> int:
        return sum(self.findings.values())

    @property
    def accepted(self) -> int:
        return self.count(accepted=True)

    @property
    def listed_claims(self) -> int:
        return sum(self.claims.values())

    @property
    def hygiene(self) -> int:
        return sum(n for key, n in self.findings.items() if key[0].startswith(HYGIENE))

    def sources_with_hygiene(self) -> int:
        return len(set().union(*self.hygiene_sources.values()))


def tally_of(findings) -> Tally:
    """A list's tally is counted now; findings on disk and their views keep theirs (see spilled_findings)."""
    return findings.tally() if hasattr(findings, "tally") else Tally.of(findings)


class FindingsView:
    """Findings worked out from findings held on disk (spilled_findings), again on each pass: nothing
    kept but the tally, which `tallied` works out from the base's (no pass) or one pass counts."""

    def __init__(self, base, step, tallied=None) -> None:
        self.base, self.step, self.tallied = base, step, tallied
        self.counted: Tally | None = None

    def __iter__(self):
        return iter(self.step(iter(self.base)))

    def tally(self) -> Tally:
        if self.counted is None:
            self.counted = self.tallied(tally_of(self.base)) if self.tallied else Tally.of(self)
        return self.counted

    def __len__(self) -> int:
        return self.tally().total

    def __bool__(self) -> bool:
        return self.tally().total > 0


def derived(findings, step, tallied=None) -> list[Finding] | FindingsView:
    """`step` (findings in, findings out) over a report's findings: at once for a list, as a view
    for findings on disk (the spill path), so that a filter does not bring them all into memory.
    `tallied`, when given, works out the view's tally from the base's."""
    return list(step(findings)) if isinstance(findings, list) else FindingsView(findings, step, tallied)


def in_severity_order(findings):
    """Errors, then warnings, then infos, each in the order given. Findings on disk come in finding
    order (severity first) already, so they are passed through in one read."""
    from .rules import SEVERITY_RANK

    if not isinstance(findings, list):
        return iter(findings)
    return iter(sorted(findings, key=lambda f: -SEVERITY_RANK[f.severity]))


def is_finite(number: float) -> bool:
    return math.isfinite(number)
