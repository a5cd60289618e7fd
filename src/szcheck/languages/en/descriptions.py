"""Description reader: 'X is a charitable organization established in 2013 ...' becomes a claim
about what kind of thing X is (its category) and when it was founded."""

from __future__ import annotations

import functools
import re

from ...model import Claim, Source
from ...reader.patterns import word_alternation
from ...registry import load_categories
from ...sources import Sentence

YEAR = r"(?:1[89]|20)\d\d"
PRONOUNS = ("it", "this", "the hub", "the park", "the institute", "the center", "the centre", "the fund", "the award",
            "the company", "the fair", "the circle", "the university", "the campus")
IS_A = re.compile(
    r"^(?P<subject>.{2,400}?)\s+(?:is|was|remains)\s+(?:not\s+[^,]+,\s*but\s+(?:rather\s+)?)?"
    r"(?:(?:now|also|currently)\s+)?(?P<article>an?|the)\s+(?P<phrase>.+)$"
)
# "X, a charity that ...": only an indefinite article, since "A, the B and C" is usually a list of names
APPOSITIVE = re.compile(r"(?:^|,\s)(?P<subject>[A-Z][\w&'’.-]*(?:\s+(?:of\s+|and\s+)?[A-Z(][\w&'’().-]*){1,8}),\s+(?P<article>an?)\s+(?P<phrase>[^,;]{3,160})[,;.]")
NP_END = re.compile(r"\s(?:of|in|at|for|on|with|that|which|who|to|from|by|and\s+has|established|founded|engaged|recognizing|recognising|aimed|involving|focusing|located|based|born|built|created|set)\b|[,;(]")
WAS_FOUNDED = re.compile(
    rf"^(?P<subject>.{{2,160}}?)\s+was\s+(?:initiated\s+and\s+)?(?:jointly\s+)?(?:established|founded|set up|created|launched|built)\b.{{0,80}}?\b(?P<year>{YEAR})"
)
FOUNDED = re.compile(rf"\b(?:established|founded|set up|created|launched|built|started)\b(?:\s+in|\s+on)?(?:\s+\w+\.?(?:\s+\d{{1,2}},)?)?\s+(?P<year>{YEAR})\b")
DESCRIPTION_CUES = re.compile(r"\s(?:is|was|remains)\s|,\s+an?\s")
LEADING_CLAUSE = re.compile(r"^(?:(?:Founded|Established|Set up|Launched|Created|Built|Cosponsored|Initiated|Located|Headquartered)\b[^,]*,\s*)+")


@functools.cache
def category_nouns() -> tuple[re.Pattern, dict[str, str]]:
    table = {noun.lower(): name for name, spec in load_categories()["categories"].items() for noun in spec["nouns"]}
    pattern = word_alternation(table).replace(r"(?![A-Za-z])", r"(?:e?s)?(?![A-Za-z])")
    return re.compile(pattern, re.I), table


def category_of(phrase: str) -> str:
    """The category of a description's head noun: the last category noun of its first noun phrase
    ('charitable organization established in 2013 ...' -> charity, 'satellite campus of ...' -> university)."""
    pattern, table = category_nouns()
    phrase = re.sub(r"^(?:name|one|part|member)\s+of\s+(?:an?|the)\s+", "", phrase.strip(), flags=re.I)
    end = NP_END.search(phrase)
    matches = list(pattern.finditer(phrase[: end.start()] if end else phrase))
    if not matches:
        return ""
    word = matches[-1].group(0).lower()
    return table.get(word) or table.get(re.sub(r"e?s$", "", word), "")


def clean_subject(subject: str) -> str:
    subject = LEADING_CLAUSE.sub("", subject.strip())
    subject = re.sub(r",\s*(?:established|founded|set up|created|launched)[^,]*,?$", "", subject)
    subject = subject.rsplit(", ", 1)[-1]  # "Cosponsored by ..., the China Hi-Tech Fair" -> "the China Hi-Tech Fair"
    subject = re.sub(r"\s*\([^)]*\)$", "", subject) if not subject.endswith("(Shenzhen)") else subject
    subject = subject.strip(" “”\"'‘’")
    return re.sub(r"^(?:the|The)\s+", "", subject).strip(" “”\"'‘’")


def subject_entity(subject: str, section: str, resolve) -> str:
    """The entity a description is about: a pronoun in a glossary entry is the entry's subject."""
    anaphor = subject.lower() in PRONOUNS or re.fullmatch(r"(?:it|this|[a-z]+)", subject) is not None
    if anaphor:  # "It is ...", "The hub is ...": the glossary entry's subject
        return resolve(section) if section else ""
    if not re.search(r"[A-Z]", subject) or len(subject.split()) > 12:
        return ""
    if section and (section.lower() in subject.lower() or subject.lower() in section.lower()):
        return resolve(section)  # "Shenzhen Virtual University Park" under "Virtual University Park"
    return resolve(subject)


def description_claims(source: Source, sentence: Sentence, resolve) -> list[Claim]:
    """Description claims of one sentence: 'X is a ...', 'X, a ..., ...', 'X was established in 2006'."""
    text = sentence.text
    if not DESCRIPTION_CUES.search(text):
        return []  # most sentences describe nothing: a cheap test before the three patterns below
    found = []
    for match in (IS_A.match(text), WAS_FOUNDED.match(text), *APPOSITIVE.finditer(text)):
        if match is None:
            continue
        subject = clean_subject(match.group("subject"))
        entity = subject_entity(subject, sentence.section, resolve)
        phrase = match.groupdict().get("phrase") or ""
        category = category_of(phrase)
        founded = FOUNDED.search(text)
        if not entity or not (category or founded):
            continue
        found.append(
            Claim(
                id="",
                source=source.path.as_posix(),
                entity=entity,
                metric="description",
                value=(phrase or text).strip().rstrip("."),
                period="unspecified",
                period_basis="none",
                qualifier="exact",
                kind="description",
                quote=text,
                line=sentence.line,
                column=sentence.column,
                metric_match="registry",
                category=category,
                founded=founded.group("year") if founded else "",
            )
        )
        break  # one description per sentence: the first pattern that names an entity
    return found
