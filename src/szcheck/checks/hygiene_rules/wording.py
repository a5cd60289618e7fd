"""Wording damage: untranslated Chinese (SZ503), whitespace (SZ512), carried-over ellipses (SZ513)."""

from __future__ import annotations

from typing import Iterator

from ...rules import document_rule
import re

from .common import HAN, Hit, Line, context, han_count, is_latin, latin_count


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
    if not english:
        return
    for number, text in lines:
        if not HAN.search(text):
            continue
        han, latin, body = han_count(text), latin_count(text), text.strip()
        if han >= 4 and latin * 2 < han and not (body[0] in "“\"「『(（" and body.rstrip("。.")[-1:] in "”\"」』)）"):
            column = text.index(body[0]) + 1
            yield Hit("SZ503", number, column, body, f'a line in Chinese in an English source: "{body}"', body)
            continue
        for run in HAN.finditer(text):
            start, end = run.span()
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


GAP = re.compile("[ \u00a0]{2,}")


def whitespace(lines: list[Line], english: bool) -> Iterator[Hit]:
    for number, text in lines:
        if text.lstrip().startswith("|"):
            continue  # a markdown table's columns are padded on purpose
        end = len(text.rstrip(" \u00a0"))
        for gap_match in GAP.finditer(text):
            index, stop = gap_match.span()
            if index == 0 or stop > end:
                continue  # indentation, or spaces at the end of the line
            gap = gap_match[0]
            left, right = text.rfind(" ", max(0, index - 40), index), text.find(" ", stop, stop + 40)
            words = text[left + 1 if left >= 0 else max(0, index - 40) : right if right >= 0 else min(len(text), stop + 40)]
            if "\u00a0" in gap:
                kind = "a no-break space next to a space" if " " in gap else "doubled no-break spaces"
                yield Hit("SZ512", number, index + 1, gap, f'{kind} in "{words}"', words)
            elif text[max(0, index - 3) : index].rstrip("”’\"')）")[-1:] not in ".!?:。":
                yield Hit("SZ512", number, index + 1, gap, f'a doubled space in "{words}"', words)


# --- SZ513 carried-over ellipses --------------------------------------------------------------------

document_rule(
    "SZ513",
    "carried-over-ellipsis",
    "info",
    """An ellipsis carried over from a translated or teaser lead ("… for 7 consecutive years…").

    "……" in an English text, or "…" closing a sentence that is otherwise complete: a lead cut for a
    teaser ends in an ellipsis, and a translation keeps it (and the Chinese "……"). The sentence may
    have gone on with a qualification or a figure that is lost. Reported: an ellipsis
    that ends a paragraph, one followed by a new sentence in an English text, and "……" in an English
    text. An ellipsis inside a quotation is the speaker's and is left alone.
    """,
)


ELLIPSIS = re.compile(r"(?:…|\.\.\.)[….]*")


def ellipses(lines: list[Line], english: bool) -> Iterator[Hit]:
    for number, text in lines:
        body = text.rstrip()
        quoted, seen = 0, 0  # how many “ are open before the ellipsis
        for match in ELLIPSIS.finditer(body):
            index, stop = match.span()
            quoted = max(0, quoted + body.count("“", seen, index) - body.count("”", seen, index))
            seen = stop
            run, after = match[0], body[stop : stop + 2]
            closes = stop == len(body) or (english and (after[:1] == " " and after[1:].isupper()))
            if not quoted and (closes or (english and "……" in run)):
                shown = body[max(0, index - 30) : stop].split(" ", 1)[-1] if index > 30 else body[:stop]
                yield Hit("SZ513", number, index + 1, run, f'an ellipsis closes "…{shown}"' if closes else f'a Chinese ellipsis in "…{shown}"',
                          context(body, index, stop), run)
