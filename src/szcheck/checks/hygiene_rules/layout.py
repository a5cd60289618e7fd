"""Layout damage: truncated text (SZ504), a whole article on one line (SZ508), lost glossary headings (SZ511)."""

from __future__ import annotations

import re
from typing import Iterator

from ...rules import document_rule
from ...sources import glossary_heading, is_heading
from .common import CITATION, Hit, Line, context, han_count, is_latin, is_prose, vocabulary


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
    A paragraph may end with a closing quotation mark, a link, a bracketed aside ("(Xinhua)", "（完）")
    or citation markers. Headlines (the first line), bylines and other short lines, list items and
    markdown tables are not running text and are not checked.
    """,
)

TERMINAL = frozenset(".!?…。！？:;：；")
OPENERS = {"(": ")", "（": "）", "[": "]", "【": "】", "《": "》", "「": "」", "“": "”"}
CLOSING = {close: open_ for open_, close in OPENERS.items()}
MARKS = re.compile("[" + re.escape("".join(OPENERS) + "".join(CLOSING)) + "]")


def unclosed(text: str) -> list[int]:
    """Positions of the openers a line never closes (brackets and curly quotes; a straight double
    quote when the line has an odd number of them)."""
    if '"' not in text and not MARKS.search(text):
        return []
    stacks: dict[str, list[int]] = {opener: [] for opener in OPENERS}
    for match in MARKS.finditer(text):
        index, char = match.start(), match[0]
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


QUOTE_CLOSERS = "”’\"」』"
BRACKET_OPENER = {")": "(", "）": "（", "]": "[", "】": "【"}
NOT_PROSE = re.compile(r"[|#>]|(?:[-*•·]|\d{1,2}[.)、])\s")  # markdown tables, headings, quotes; list items


def complete(text: str) -> bool:
    """A paragraph ends as a sentence does: with closing punctuation, a closing quotation mark or a
    link. A bracketed aside ("(Xinhua)", "（完）") or a summary's citation markers after it do not count."""
    end = text.rstrip()
    cited = CITATION.search(end, max(0, len(end) - 40))
    if cited and cited.end() == len(end):
        end = end[: cited.start()].rstrip()
    while end[-1:] in BRACKET_OPENER:
        opener = end.rfind(BRACKET_OPENER[end[-1]])
        if opener <= 0:
            return opener == 0  # a paragraph that is one aside is complete
        end = end[:opener].rstrip()
    last_word = end.rsplit(" ", 1)[-1].lower()
    return bool(end) and (end[-1] in TERMINAL or end[-1] in QUOTE_CLOSERS or "://" in last_word or last_word.startswith("www."))


def truncated(lines: list[Line], english: bool) -> Iterator[Hit]:
    for index, (number, text) in enumerate(lines):
        headline = index == 0 and len(text.split()) <= 25
        if not is_prose(text) or headline or NOT_PROSE.match(text.lstrip()):
            continue
        body = text.rstrip()
        last = index == len(lines) - 1
        opened = unclosed(body)
        if not complete(body):
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
ZH_PRONOUNS = ("这", "该", "此", "其", "它", "他", "她", "我们", "今年", "目前")


def defined_name(paragraph: str) -> str:
    match = DEFINES.match(paragraph.strip()[:240])
    if not match:
        return ""
    name = (match["name"] or match["zh"] or "").strip("“”\"")
    return "" if name.lower().split(" ")[0] in PRONOUNS or name.startswith(ZH_PRONOUNS) else name


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
