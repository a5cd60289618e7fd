"""The text hygiene rules (SZ503-SZ513): defects a careful editor flags in a machine translation, a
scraped page or a machine summary before trusting any figure in it. Each rule reads the source's
body line by line (a line is a paragraph, as published); none of them backtracks over a long run."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Iterator

import yaml

from ..findings import document_rule
from ..model import Source
from ..sources import glossary_heading, is_heading


@dataclass(frozen=True)
class Hit:
    code: str
    line: int  # in the file
    column: int  # 1-based, of the offending text
    text: str  # the offending text, exactly as written
    message: str
    context: str = ""  # the text around it, for a report
    group: str = ""  # hits of one rule with the same group are one finding (default: the same text)


Line = tuple[int, str]  # (line number in the file, text)


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict:
    data = yaml.safe_load(resources.files("szcheck").joinpath("data/hygiene.yaml").read_text(encoding="utf-8"))

    def merged(key: str) -> list[str]:
        value = data[key]
        words = [w for words in value.values() for w in words] if isinstance(value, dict) else list(value)
        return sorted({str(w).lower() for w in words}, key=len, reverse=True)  # longest first

    return {key: merged(key) if isinstance(data[key], (dict, list)) else data[key] for key in data}


def is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def is_latin(char: str) -> bool:
    return char.isascii() and char.isalpha()


def han_count(text: str) -> int:
    return sum(1 for char in text if is_han(char))


def is_prose(text: str) -> bool:
    """A paragraph of running text, not a headline, a byline or a label."""
    return len(text.split()) > 12 or han_count(text) > 30


def language(source: Source) -> str:
    """'zh' or 'en' (or another code): the front matter's `language`, else what most of the text is in."""
    stated = str(source.meta.get("language") or "").strip().lower()
    if stated:
        return "zh" if stated.startswith(("zh", "cmn")) else stated[:2]
    latin = sum(1 for char in source.body if is_latin(char))
    return "zh" if han_count(source.body) * 3 > latin else "en"


def context(text: str, start: int, end: int, width: int = 60) -> str:
    left, right = max(0, start - width), min(len(text), end + width)
    return ("…" if left else "") + text[left:right].strip() + ("…" if right < len(text) else "")


def hits(source: Source) -> list[Hit]:
    lines = [(source.body_offset_line + index, text) for index, text in enumerate(source.body.split("\n")) if text.strip()]
    english = language(source) == "en"
    found: list[Hit] = []
    for rule in RULES:
        if rule is not untranslated or english:
            found += rule(lines, english)
    return sorted(found, key=lambda hit: (hit.line, hit.column, hit.code))


# --- SZ503 untranslated fragments -------------------------------------------------------------------

document_rule(
    "SZ503",
    "untranslated-fragment",
    "warning",
    """Chinese left untranslated in an English source: inside or between English words, or a whole line.

    A machine translation that could not render a word leaves it as it was ("invest安心ly", "the
    安心 investors"), and a scraper can keep the original Chinese headline above the translation. Both
    mean the sentence around it may be mistranslated too. Reported: Han characters fused to Latin
    letters, an unquoted run of Han characters between two English words, and a line that is (almost)
    all Chinese. A quotation in quotation marks or brackets ("“平安” (safe and well)") is left alone,
    and a source whose language is Chinese (front matter `language: zh`, else most of its text) is
    never checked by this rule.
    """,
)


def beside(text: str, index: int, step: int) -> str:
    """The first character that is not a space before index (step -1) or from it (step 1)."""
    index = index - 1 if step < 0 else index
    while 0 <= index < len(text) and text[index] == " ":
        index += step
    return text[index] if 0 <= index < len(text) else ""


def untranslated(lines: list[Line], english: bool) -> Iterator[Hit]:
    for number, text in lines:
        han = han_count(text)
        if not han:
            continue
        body = text.strip()
        latin = sum(1 for char in body if is_latin(char))
        if han >= 4 and latin * 2 < han and not (body[0] in "“\"「『(（" and body.rstrip("。.")[-1:] in "”\"」』)）"):
            column = text.index(body[0]) + 1
            yield Hit("SZ503", number, column, body, f'a line in Chinese in an English source: "{body}"', body)
            continue
        start = 0
        while start < len(text):
            if not is_han(text[start]):
                start += 1
                continue
            end = start
            while end < len(text) and is_han(text[end]):
                end += 1
            if is_latin(text[start - 1 : start]) or is_latin(text[end : end + 1]):
                left, right = start, end
                while left and is_latin(text[left - 1]):
                    left -= 1
                while right < len(text) and is_latin(text[right]):
                    right += 1
                word = text[left:right]
                yield Hit("SZ503", number, left + 1, word, f'Chinese characters inside the English word "{word}"', context(text, left, right))
            elif is_latin(beside(text, start, -1)) and is_latin(beside(text, end, 1)):
                around = context(text, start, end, 25)
                yield Hit("SZ503", number, start + 1, text[start:end], f'untranslated "{text[start:end]}" between English words: "{around}"', around)
            start = end


# --- SZ504 truncation -------------------------------------------------------------------------------

document_rule(
    "SZ504",
    "truncated-text",
    "warning",
    """The text, or a section of it, stops mid-sentence, or inside a quotation or a bracket.

    A paragraph of running text that ends without a sentence's closing punctuation was cut off: by a
    length limit of a scraper or a translation service, or where a page was split. What it said last is
    lost, and a figure in the cut sentence may be incomplete ("…and “preferential loans + future",
    followed by a glossary heading). Also reported: a bracket opened in a paragraph and never closed,
    and a text whose last paragraph leaves a quotation open. (A quotation that runs over several
    paragraphs opens each one without closing it, so an open quotation mark elsewhere is not a defect.)
    Headlines, bylines and other short lines are not running text and are not checked.
    """,
)

TERMINAL = frozenset(".!?…。！？:;：；")
CLOSERS = "”’\"'」』)）]】》 "
OPENERS = {"(": ")", "（": "）", "[": "]", "【": "】", "《": "》", "「": "」", "“": "”"}
CLOSING = {close: open_ for open_, close in OPENERS.items()}


def unclosed(text: str) -> list[int]:
    """Positions of the openers a line never closes (brackets and curly quotes; a straight double
    quote when the line has an odd number of them)."""
    stacks: dict[str, list[int]] = {opener: [] for opener in OPENERS}
    for index, char in enumerate(text):
        if char in OPENERS:
            stacks[char].append(index)
        elif char in CLOSING and stacks[CLOSING[char]]:
            stacks[CLOSING[char]].pop()
    found = [index for stack in stacks.values() for index in stack]
    if text.count('"') % 2:
        found.append(text.rindex('"'))
    return sorted(found)


def tail(text: str, width: int = 40) -> int:
    """Where the last few words of a line begin."""
    start = max(0, len(text) - width)
    if start and is_latin(text[start - 1]):
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < len(text) - 1 else start
    return start


def truncated(lines: list[Line], english: bool) -> Iterator[Hit]:
    for index, (number, text) in enumerate(lines):
        if not is_prose(text):
            continue
        body = text.rstrip()
        last = index == len(lines) - 1
        opened = unclosed(body)
        cited = CITATION.search(body, max(0, len(body) - 40))  # a summary's markers follow the full stop
        ending = body[: cited.start()] if cited and cited.end() == len(body) else body
        if ending.rstrip(CLOSERS)[-1:] not in TERMINAL:
            start = opened[-1] if opened and opened[-1] >= len(body) - 80 else tail(body)
            start += len(body[start:]) - len(body[start:].lstrip())
            quoted = body[start:]
            inside = f", inside an open {body[opened[-1]]}" if opened and opened[-1] >= start else ""
            if last:
                after = "; the text ends there"
            elif is_heading(lines[index + 1][1]):
                after = f"; a new section begins at line {lines[index + 1][0]}"
            else:
                after = ""
            yield Hit("SZ504", number, start + 1, quoted, f'the paragraph stops mid-sentence{inside}: "…{quoted}"{after}', context(body, start, len(body)))
            continue
        for at in opened:
            if body[at] in "“\"" and not last:
                continue
            shown = body[at : at + 40].strip()
            where = "the text ends inside it" if last else "the paragraph never closes it"
            yield Hit("SZ504", number, at + 1, body[at], f'an open {body[at]} at "{shown}…": {where}', context(body, at, at + 40), shown)


# --- SZ505 metadata fused into the headline ---------------------------------------------------------

document_rule(
    "SZ505",
    "headline-metadata",
    "warning",
    """Metadata fused into the headline: a date, or a label and a date, before the headline's text.

    "date 2025-09-02 Shenzhen-HK-Guangzhou innovation cluster tops ...": a scraper that flattens a page's header joins the date field to the headline. The headline is
    then misquoted, and a reader (or szcheck's dateline reader) may take the wrong date for the
    article's. Reported for the first lines of a source, before its running text: a line that opens
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
    reserved": page furniture is not part of the article: it shows that the text was cut from a web page
    without cleaning, so other parts of the page (captions, teasers of other articles, their figures)
    may have come along. Reported: a line that is only navigation words (alone or separated by "|",
    ">", "/", "·"), and a short line that opens with a previous/next link or a footer marker. The words
    are listed per language in data/hygiene.yaml.
    """,
)

SEPARATORS = re.compile(r"\s*[|>›»/·]\s*")


def furniture(lines: list[Line], english: bool) -> Iterator[Hit]:
    words = vocabulary()
    navigation = set(words["navigation"])
    for number, text in lines:
        body = text.strip()
        key = body.lower().strip(":：|>»› ")
        column = text.index(body[0]) + 1
        if key and all(part in navigation for part in SEPARATORS.split(key)):
            yield Hit("SZ506", number, column, body, f'navigation word(s) left in the text: "{body}"', body)
        elif len(body) <= 120 and (key.startswith(tuple(words["furniture"])) or any(mark in key for mark in words["footer_marks"])):
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
    the spaced digits before them. A person's name ("Liu Chenli", "Zhang Lin") has at most three syllables and is never
    reported; a romanization given in brackets after a translated name is a gloss and left alone.
    """,
)

SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iong|iang|uang|ueng|iao|ian|uai|uan|ang|eng|ing|ong|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|v)"
)
TOKEN = re.compile(r"[A-Za-z]+|\d+")
# Short capitalized English words rarely start or end like these ("To Be A Man" is not a name).
MARKED_INITIALS = ("zh", "ch", "sh", "j", "q", "x", "z", "c", "r")
MARKED_FINALS = ("ao", "ei", "iu", "ui", "uo", "ian", "iao", "iang", "iong")


def is_syllable(word: str) -> bool:
    return word[:1].isupper() and word[1:].islower() and len(word) <= 6 and bool(SYLLABLE.fullmatch(word.lower()))


def spaced_pinyin(lines: list[Line], english: bool) -> Iterator[Hit]:
    for number, text in lines:
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


# --- SZ508 a whole article on one line --------------------------------------------------------------

document_rule(
    "SZ508",
    "one-line-article",
    "warning",
    """A whole article on one line: its paragraphs, headings or list items joined by a scraper.

    With the paragraph breaks gone, szcheck cannot tell where a section or a list item ends, so a
    figure may be read with the period or the subject of the item before it. Reported: a line that
    holds most of the source's text and is longer than `one_line_chars` (1,000, data/hygiene.yaml),
    counting a Han character as three, as it carries about as much as three letters.
    """,
)


def one_line(lines: list[Line], english: bool) -> Iterator[Hit]:
    limit = vocabulary()["one_line_chars"]
    sizes = [len(text) + 2 * han_count(text) for _, text in lines]
    for (number, text), size in zip(lines, sizes):
        body = text.strip()
        if size > limit and size * 5 > sum(sizes) * 3:
            opening = body[:60].rsplit(" ", 1)[0] if " " in body[:60] else body[:30]
            column = text.index(body[0]) + 1
            yield Hit("SZ508", number, column, opening, f'the whole article is on one line of {len(body):,} characters: "{opening}…"', opening)


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

CITATION = re.compile(r"(?:[\[【]\d{1,3}[\]】])+")


def citations(lines: list[Line], english: bool) -> Iterator[Hit]:
    for number, text in lines:
        for match in CITATION.finditer(text):
            yield Hit("SZ510", number, match.start() + 1, match[0], f'citation marker "{match[0]}" of a machine summary',
                      context(text, match.start(), match.end(), 40), "citations")


# --- SZ511 glossary entries and their headings ------------------------------------------------------

document_rule(
    "SZ511",
    "glossary-heading",
    "warning",
    """A glossary entry without its heading, or under a heading that names something else than the
    entry describes.

    In a glossary (a run of headings, each followed by a paragraph that describes what it names), an
    entry whose heading was lost runs on under the entry before it: its description ("BGI-Shenzhen,
    established in 2007, is a scientific research institute ...") is read as part of that entry, and
    szcheck (or a reader) attributes it to the wrong name. Reported: in a source with at least two
    glossary entries, a paragraph that opens by defining a name ("X is a ...", "X, founded in 1999, is
    ...", "X是...") that the heading it stands under does not name.
    """,
)

DEFINES = re.compile(
    r"(?:(?:Founded|Established|Set up|Built|Launched) in \d{4}, )?(?:[Tt]he )?"
    r"(?P<name>[A-Z“\"][^\s,]*(?: [^\s,]+){0,8}?)(?:, [^,]{1,60},)? (?:is|was|are|were) (?:a|an|the|one|not)\b"
    r"|(?P<zh>[\u4e00-\u9fff（）()·A-Za-z]{2,30}?)(?:是|成立于|创建于|始建于)"
)
PRONOUNS = frozenset("it this that these those there he she they we its".split())


def defined_name(paragraph: str) -> str:
    match = DEFINES.match(paragraph.strip()[:240])
    if not match:
        return ""
    name = (match["name"] or match["zh"] or "").strip("“”\"")
    return "" if name.lower().split(" ")[0] in PRONOUNS else name


def glossary_headings(lines: list[Line], english: bool) -> Iterator[Hit]:
    entries = [i for i, (_, text) in enumerate(lines[:-1]) if is_heading(text) and glossary_heading(text.strip(), lines[i + 1][1])]
    if len(entries) < 2:
        return
    heading, headed = "", False
    for number, text in lines[entries[0] :]:
        if is_heading(text):
            heading, headed = text.strip(), True
            continue
        name = defined_name(text)
        if name and heading.lower() not in text.lower() and name.lower() not in heading.lower():
            column = text.index(name) + 1
            where = "is headed" if headed else "has no heading of its own: it runs on under"
            yield Hit("SZ511", number, column, name, f'the glossary entry for "{name}" {where} "{heading}", which names something else',
                      context(text, column - 1, column - 1 + len(name)))
        headed = False


# --- SZ512 whitespace damage ------------------------------------------------------------------------

document_rule(
    "SZ512",
    "whitespace-damage",
    "info",
    """Whitespace damage inside a sentence: a no-break space next to a space, or a doubled space.

    Left by a conversion from HTML ("&nbsp; ") or by words deleted from a sentence; the text around it
    may have lost a word. Harmless for figures, so info. Indentation, spaces at the end of a line and
    two spaces after a full stop are not reported.
    """,
)


def whitespace(lines: list[Line], english: bool) -> Iterator[Hit]:
    for number, text in lines:
        end = len(text.rstrip(" \u00a0"))
        index = len(text) - len(text.lstrip(" \u00a0"))
        while index < end:
            if text[index] not in " \u00a0":
                index += 1
                continue
            stop = index
            while stop < end and text[stop] in " \u00a0":
                stop += 1
            gap = text[index:stop]
            right = text.find(" ", stop)
            words = text[text.rfind(" ", 0, index) + 1 : right if right >= 0 else len(text)]
            if "\u00a0" in gap and len(gap) > 1:
                yield Hit("SZ512", number, index + 1, gap, f'a no-break space next to a space in "{words}"', words)
            elif len(gap) > 1 and "\u00a0" not in gap and text[index - 1] not in ".!?:。":
                yield Hit("SZ512", number, index + 1, gap, f'a doubled space in "{words}"', words)
            index = stop


# --- SZ513 carried-over ellipses --------------------------------------------------------------------

document_rule(
    "SZ513",
    "carried-over-ellipsis",
    "info",
    """An ellipsis carried over from a translated or teaser lead ("… for 7 consecutive years…").

    "……" in an English text, or "…" closing a sentence that is otherwise complete: a lead cut for a teaser ends in an ellipsis; a translation keeps it (and the Chinese "……"). The
    sentence may have gone on with a qualification or a figure that is lost. Reported: an ellipsis
    that ends a paragraph, one followed by a new sentence in an English text, and "……" in an English
    text. An ellipsis inside a quotation is the speaker's and is left alone.
    """,
)


def ellipses(lines: list[Line], english: bool) -> Iterator[Hit]:
    for number, text in lines:
        body = text.rstrip()
        index = 0
        while index < len(body):
            if body[index] != "…" and body[index : index + 3] != "...":
                index += 1
                continue
            stop = index
            while stop < len(body) and body[stop] in "….":
                stop += 1
            run, after = body[index:stop], body[stop : stop + 2]
            if stop == len(body) or (english and ("……" in run or (after[:1] == " " and after[1:].isupper()))):
                shown = body[max(0, index - 30) : stop].split(" ", 1)[-1] if index > 30 else body[:stop]
                yield Hit("SZ513", number, index + 1, run, f'an ellipsis closes "…{shown}"', context(body, index, stop), run)
            index = stop


RULES = (untranslated, truncated, headline_metadata, furniture, spaced_pinyin, one_line, stripped_links, citations, glossary_headings,
         whitespace, ellipses)
