"""Verify's two stages as pure functions: a map over sources, then a check per entity's claims.

Stage 1 (`source_claims`, `source_findings`) looks at one source and its claims file alone. Stage 2
(`check_entity`) looks at the comparable claims of one entity (`partition_key`), in corpus order:
every value and series check compares claims of one entity only, across its metrics, periods and
units. `run_checks` runs both over a whole project in memory; `spill` runs them with the claims
grouped on disk. The description checks (SZ3xx) are the one step over the whole corpus: see
`checks.descriptions.check_descriptions`.
"""

from __future__ import annotations

from typing import Mapping

from .claims import ClaimsFile
from .entities import entity_key
from .group import is_comparable
from .model import Claim, Finding, Source

PER_SOURCE_RULES = ("SZ202", "SZ203", "SZ206", "SZ401", "SZ402", "SZ5")
PER_ENTITY_RULES = ("SZ1", "SZ201", "SZ204", "SZ205", "SZ207")
CORPUS_RULES = ("SZ3",)


def source_claims(source: Source, claims_file: ClaimsFile | None) -> list[Claim]:
    """A source's claims: those of its claims file, else what extraction reads in it."""
    if claims_file is not None:
        return list(claims_file.claims)
    from .extract import extract_claims

    return extract_claims(source)


def source_findings(source: Source, claims: list[Claim], read: dict | None = None) -> list[Finding]:
    """What one source shows alone: hygiene (SZ5xx), stale quotes (SZ401), and the checks within one
    sentence (SZ202 conversions, SZ203 parts, SZ206 shares). `read` may hold the hygiene rules'
    hits by text, so that a text published in several sources is read once."""
    return sources_findings([source], claims, read)


def sources_findings(sources: list[Source], claims: list[Claim], read: dict | None = None) -> list[Finding]:
    """source_findings over several sources at once, `claims` in their order: the same findings."""
    from .checks import arithmetic, hygiene, provenance

    return (arithmetic.check_conversions(sources, claims) + arithmetic.check_parts(claims)
            + provenance.check_provenance(sources, claims) + hygiene.check_sources(sources, read))


def partition_key(claim: Claim) -> str:
    """The key stage 2 is cut by: the entity, however it is spelt (entity_key)."""
    return entity_key(claim.entity)


def check_entity(claims: list[Claim], sources: Mapping[str, Source]) -> list[Finding]:
    """The value and series checks (SZ1xx, SZ201, SZ204, SZ205, SZ207) over the claims of one
    entity, or of several: the findings of a union of entities are the union of their findings.
    `sources` gives each source path's front matter (its kind and date weigh the evidence)."""
    from .checks import arithmetic, values
    from .group import group_claims

    comparable = [claim for claim in claims if is_comparable(claim)]
    series = arithmetic.series_index(comparable)
    return values.check_values(group_claims(comparable), sources, series) + arithmetic.check_series_rules(series)


def source_index(sources) -> dict[str, Source]:
    return {source.path.as_posix(): source for source in sources}
