"""What a scraper or a summarizer leaves in: headline metadata (SZ505), page furniture (SZ506), spaced pinyin (SZ507),
stripped links (SZ509), citation markers (SZ510)."""

from __future__ import annotations

import re
from typing import Iterator

from ...rules import document_rule
from .common import CITATION, Hit, Line, context, han_count, is_prose, vocabulary


# --- SZ505 metadata fused into the headline ---------------------------------------------------------

document_rule(
    "SZ505",
    "headline-metadata",
    "warning",
    """Metadata fused into the headline: a date, or a label and a date, before the headline's text.

    "date 2025-09-02 Shenzhen-HK-Guangzhou innovation cluster tops ...": a scraper that flattens a
    page's header joins the date field to the headline. The headline is then misquoted, and a reader
    (or szcheck's dateline reader) may take the wrong date for the article's. Reported for the first lines of a source, before its running text: a line that opens
    with a label such as "date", "updated", "source", 发布时间 and a date, or with a bare date, and
    goes on with a headline. A dateline on a line of its own ("Updated: 2018-08-09") is fine.
    """,
)

DATE = re.compile(
    r"(?:19|20)\d\d(?:-\d\d?-\d\d?|/\d\d?/\d\d?|\.\d\d?\.\d\d?|年\d\d?月\d\d?日)"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.? \d\d?, (?:19|20)\d\d"
)
LABEL = re.compile(r"([^\W\d_]{1,12})\s*[:：]?\s*")
TIME = re.compile(r"\s*\d\d?:\d\d(?::\d\d)?")


def headline_metadata(lines: list[Line], english: bool) -> Iterator[Hit]:
    labels = set(vocabulary()["metadata_labels"])
    for number, text in lines[:3]:
        if is_prose(text):
            break
        body = text.lstrip()
        label = LABEL.match(body)
        rest = label.end() if label and label.group(1).lower() in labels else 0
        date = DATE.match(body, rest)
        if not date:
            continue
        time = TIME.match(body, date.end())
        headline = body[time.end() if time else date.end() :].strip(" ·|-—:：")
        more = LABEL.match(headline)
        if more and more.group(1).lower() in labels:
            continue  # a line of metadata ("2025-09-02 10:00 Source: Xinhua"), not a headline
        if len(headline.split()) >= 3 or han_count(headline) >= 6:
            fused = body[: date.end()]
            column = len(text) - len(body) + 1
            yield Hit("SZ505", number, column, fused, f'metadata "{fused}" fused into the headline "{headline[:80]}"', context(text, 0, len(fused)))


# --- SZ506 navigation and page furniture ------------------------------------------------------------

document_rule(
    "SZ506",
    "page-furniture",
    "warning",
    """A navigation word or a piece of page furniture left in the text by a scraper.

    "Workflow", "Share", "Previous article: ...", 上一篇, an ICP licence number, "All rights
    reserved" are not part of the article: they show that the text was cut from a web page without
    cleaning, so other parts of the page (captions, teasers of other articles, their figures) may
    have come along. Reported: a line that is only navigation words (alone or separated by "|",
    ">", "/", "·"), and a short line that opens with a previous/next link or a footer marker. The words
    are listed per language in data/hygiene.yaml.
    """,
)

SEPARATORS = re.compile(r"\s*[|>›»/·]\s*")


def furniture(lines: list[Line], english: bool) -> Iterator[Hit]:
    words = vocabulary()
    navigation, openers = set(words["navigation"]), tuple(words["furniture"])
    for number, text in lines:
        body = text.strip()
        if len(body) > 120:
            continue  # furniture is a short line
        key = body.lower().strip(":：|>»› ")
        column = text.index(body[0]) + 1
        if key and all(part in navigation for part in SEPARATORS.split(key)):
            yield Hit("SZ506", number, column, body, f'navigation word(s) left in the text: "{body}"', body)
        elif key.startswith(openers) or any(mark in key for mark in words["footer_marks"]):
            yield Hit("SZ506", number, column, body, f'page furniture left in the text: "{body}"', body)


# --- SZ507 spaced pinyin ----------------------------------------------------------------------------

document_rule(
    "SZ507",
    "spaced-pinyin",
    "warning",
    """A name spelled out as spaced pinyin syllables ("2 1 Shi Ji Jing Ji Bao Dao" for 21世纪经济报道).

    A romanizer that writes one syllable per word turns an outlet's or an organization's name into a
    string nobody can look up, and the source can no longer be attributed. Reported: four or more
    capitalized single pinyin syllables in a row, at least two of them starting or ending as short
    English words rarely do (zh, ch, sh, j, q, x, z, c, r; -ao, -ei, -iu, -ui, -uo, -ian, -iao), with
    the spaced digits before them. A person's name ("Liu Chenli", "Zhang Lin") has at most three
    syllables and is never reported; a romanization given in brackets after a translated name is a gloss and left alone.
    """,
)

SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iong|iang|uang|ueng|iao|ian|uai|uan|ang|eng|ing|ong|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|v)"
)
TOKEN = re.compile(r"[A-Za-z]+|\d+")
FOUR_CAPITALIZED = re.compile(r"\b[A-Z][a-z]{0,5}(?: [A-Z][a-z]{0,5}){3}\b")  # a cheap test before the token walk
# Short capitalized English words rarely start or end like these ("To Be A Man" is not a name).
MARKED_INITIALS = ("zh", "ch", "sh", "j", "q", "x", "z", "c", "r")
MARKED_FINALS = ("ao", "ei", "iu", "ui", "uo", "ian", "iao", "iang", "iong")


def is_syllable(word: str) -> bool:
    return word[:1].isupper() and word[1:].islower() and len(word) <= 6 and bool(SYLLABLE.fullmatch(word.lower()))


def spaced_pinyin(lines: list[Line], english: bool) -> Iterator[Hit]:
    for number, text in lines:
        if not FOUR_CAPITALIZED.search(text):
            continue
        run: list[re.Match] = []
        for token in [*TOKEN.finditer(text), None]:
            joined = token is not None and run and text[run[-1].end() : token.start()] == " "
            fits = token is not None and (is_syllable(token[0]) or (len(token[0]) == 1 and token[0].isdigit()))
            if fits and (joined or not run):
                run.append(token)
                continue
            syllables = [t for t in run if is_syllable(t[0])]
            marked = [t for t in syllables if t[0].lower().startswith(MARKED_INITIALS) or t[0].lower().endswith(MARKED_FINALS)]
            if len(syllables) >= 4 and len(marked) >= 2:
                start, end = run[0].start(), syllables[-1].end()  # digits after the name are not part of it
                if not (text[start - 1 : start] == "(" and text[end : end + 1] == ")"):
                    name = text[start:end]
                    yield Hit("SZ507", number, start + 1, name, f'a name spelled as spaced pinyin: "{name}"', context(text, start, end))
            run = [token] if fits else []


# --- SZ509 stripped links ---------------------------------------------------------------------------

document_rule(
    "SZ509",
    "stripped-link",
    "warning",
    """A stripped link: a lead-in such as "Learn more at:" with nothing after it, or a bare "www.".

    The text promised a reference (the source of a figure, an organization's site) and lost it when
    the page was copied as plain text. Reported: a lead-in that ends its line (data/hygiene.yaml lists
    them per language: "Learn more at", "For more information", 详情请见, 原文链接 ...), at the start of
    a sentence or before a colon, and a "www.", "http://" or "https://" not followed by an address.
    """,
)

SENTENCE_BREAK = ".!?。！？)）"


def stripped_links(lines: list[Line], english: bool) -> Iterator[Hit]:
    lead_ins = vocabulary()["link_lead_ins"]
    for number, text in lines:
        body = text.rstrip()
        low = body.lower()
        bare = low.rstrip(" :：")
        for lead in lead_ins:
            if bare.endswith(lead):
                start = len(bare) - len(lead)
                before = low[:start].rstrip()
                if low[start - 1 : start].isalpha():
                    break  # "revisit" does not end with the lead-in "visit"
                if start == len(text) - len(text.lstrip()) or before[-1:] in SENTENCE_BREAK or low[len(bare) :].strip():
                    shown = body[start:]
                    yield Hit("SZ509", number, start + 1, shown, f'"{shown}" is followed by no link', context(body, start, len(body)))
                break
        for marker in ("www.", "http://", "https://"):
            at = low.find(marker)
            while at >= 0:
                after = low[at + len(marker) : at + len(marker) + 1]
                if not (after.isascii() and after.isalnum()):
                    shown = body[at : at + len(marker)]
                    yield Hit("SZ509", number, at + 1, shown, f'a bare "{shown}" with no address after it', context(body, at, at + len(marker)))
                at = low.find(marker, at + 1)


# --- SZ510 citation markers -------------------------------------------------------------------------

document_rule(
    "SZ510",
    "citation-markers",
    "info",
    """Citation markers of a machine summary ("[1][2]"): the text summarizes documents it does not hold.

    A summary generated from several documents marks which one each statement comes from. The
    documents themselves are not in the source, so its figures are second-hand: check them against
    the documents when it matters. The markers are never read as figures. One finding per source,
    with a location for each marker.
    """,
)


def citations(lines: list[Line], english: bool) -> Iterator[Hit]:
    for number, text in lines:
        for match in CITATION.finditer(text) if "[" in text or "【" in text else ():
            yield Hit("SZ510", number, match.start() + 1, match[0], f'citation marker "{match[0]}" of a machine summary',
                      context(text, match.start(), match.end(), 40), "citations")
