"""Claims files as YAML text: the bytes PyYAML's dumper writes for their fixed shape, without its
representer and serializer (which were a third of `extract`)."""

from __future__ import annotations

import functools
import re

import yaml

DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter when installed, as PyYAML's own choice
WIDTH = 100  # the line width PyYAML is given: a plain or quoted scalar is folded at a space past it
INDENT = 2  # PyYAML's default: a claim's keys under "- ", a scalar's continuation lines under its key
STR_TAG = "tag:yaml.org,2002:str"
IMPLICIT = DUMPER.yaml_implicit_resolvers  # first character -> the patterns that make a plain scalar a number, date, ...

# Characters both of PyYAML's emitters write as they are, with allow_unicode: no line break
# (\x85, \u2028, \u2029), no byte-order mark, no control character, nothing beyond the BMP (which
# libyaml escapes and the pure-Python emitter does not). Text with anything else is left to PyYAML.
PRINTABLE = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*")
FIRST_INDICATORS = frozenset("#,[]{}&*!|>'\"%@`")


def render_claims_yaml(data: dict) -> str:
    """`data` (claims_file_data's shape) as yaml.dump(data, Dumper=DUMPER, allow_unicode=True,
    sort_keys=False, width=100) writes it."""
    parts = []
    for key, value in data.items():
        if key == "claims" and type(value) is list and value:
            parts.append("claims:\n")
            parts.extend(claim_text(entry) for entry in value)
        else:
            parts.append(top_level_text(key, value))
    return "".join(parts)


def top_level_text(key: str, value: object) -> str:
    if type(key) is str and plain_key(key):
        scalar = scalar_text(value, len(key) + 2, INDENT)
        if scalar is not None:
            return f"{key}: {scalar}\n"
    return pyyaml_text({key: value})


def claim_text(entry: object) -> str:
    """One claim: '- ' and its first key, then each key indented under it."""
    if type(entry) is not dict or not entry:
        return pyyaml_text([entry])
    try:
        lines = [claim_line(key, value) for key, value in entry.items()]
    except TypeError:  # a list or mapping a person added to the claim
        lines = [None]
    if None in lines:
        return pyyaml_text([entry])  # keys a person added may hold anything: PyYAML writes the whole claim
    return "-" + "".join(lines)[1:]


@functools.lru_cache(maxsize=4096, typed=True)  # most fields take a handful of values (status, qualifier, kind, ...)
def claim_line(key: object, value: object) -> str | None:
    """The line '  key: value' (folded past the width), or None when PyYAML must write the key or the value."""
    if type(key) is not str or type(value) not in (str, int) or not plain_key(key):
        return None
    scalar = scalar_text(value, INDENT + len(key) + 2, 2 * INDENT)
    if scalar is None:
        scalar = pyyaml_text([{key: value}])[len(key) + 4 : -1]  # "- key: " ... "\n"
    return f"  {key}: {scalar}\n"


@functools.lru_cache(maxsize=256)
def plain_key(key: str) -> bool:
    """A key written plain and as a simple key (short, nothing to quote)."""
    return 0 < len(key) < 100 and scalar_text(key, 0, 0) == key


def scalar_text(value: object, column: int, indent: int) -> str | None:
    """A scalar as the emitter writes it from `column`, continuation lines at `indent`; None for a
    value the fast path does not cover (PyYAML writes it)."""
    kind = type(value)
    if kind is int:
        return str(value)
    if kind is not str:
        return None
    if not value:
        return "''"
    if PRINTABLE.fullmatch(value) is None:
        return None  # line breaks, tabs, control or astral characters: double quotes and escapes
    if plain_allowed(value):
        return folded(value, column, indent)
    return "'" + folded(value.replace("'", "''"), column + 1, indent) + "'"


def plain_allowed(text: str) -> bool:
    """Whether the emitter writes printable one-line `text` without quotes: nothing YAML would read
    as an indicator, a comment or a mapping, no space at either end, and not read back as a
    number, boolean, null or date."""
    first = text[0]
    if first in FIRST_INDICATORS or first == " " or text[-1] in " :":
        return False
    if first in "-?:" and (len(text) == 1 or text[1] == " "):
        return False
    if ": " in text or " #" in text or text.startswith(("---", "...")):
        return False
    return resolves_to_text(text)


def resolves_to_text(text: str) -> bool:
    for tag, pattern in IMPLICIT.get(text[0], ()):
        if pattern.match(text):
            return tag == STR_TAG
    return True


def folded(text: str, column: int, indent: int) -> str:
    """`text` started at `column`: each single space (not at either end, not next to another space)
    met once the line is past WIDTH becomes a line break and `indent` spaces, as both emitters do."""
    if column + len(text) <= WIDTH + 1:
        return text  # no space can be met past the width
    lines, start = [], 0
    while True:
        space = SINGLE_SPACE.search(text, max(start, start + WIDTH + 1 - column))  # the first one past the width
        if space is None:
            lines.append(text[start:])
            return ("\n" + " " * indent).join(lines)
        lines.append(text[start : space.start()])
        start, column = space.end(), indent


SINGLE_SPACE = re.compile(r"(?<=[^ ]) (?=[^ ])")


def pyyaml_text(data: object) -> str:
    return yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=WIDTH)
