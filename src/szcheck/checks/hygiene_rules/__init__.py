"""The text hygiene rules (SZ503-SZ513): defects a careful editor flags in a machine translation, a
scraped page or a machine summary before trusting any figure in it. Each rule reads the source's
body line by line (a line is a paragraph, as published), left to right; none of them backtracks over
a long run. Their vocabulary is data (data/hygiene.yaml)."""

from __future__ import annotations

from ...model import Source
from . import layout, scraping, wording
from .common import Hit, han_count, language

RULES = (wording.untranslated, layout.truncated, scraping.headline_metadata, scraping.furniture, scraping.spaced_pinyin,
         layout.one_line, scraping.stripped_links, scraping.citations, layout.glossary_headings, wording.whitespace,
         wording.ellipses)

__all__ = ["Hit", "han_count", "hits"]


def hits(source: Source, source_language: str | None = None) -> list[Hit]:
    """Every rule's hits in a source, in reading order (`source_language`: its language, if known)."""
    lines = [(source.body_offset_line + index, text) for index, text in enumerate(source.body.split("\n")) if text.strip()]
    english = (source_language or language(source)) == "en"
    found = [hit for rule in RULES for hit in rule(lines, english)]
    return sorted(found, key=lambda hit: (hit.line, hit.column, hit.code))
