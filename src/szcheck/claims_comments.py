"""Claims files: the comments a person wrote in one, found with PyYAML's marks, and written back
beside what they annotate when `extract` rewrites the file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .claims_writer import claim_line, claim_text, pyyaml_text, top_level_text

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
KEY_INDENT = "  "  # a claim's keys, and the comments among them
GAP_CHARACTER = re.compile(r"[^ \t\n]")  # between two scalars: an indicator (- : ? , [ ] { }), a comment, a directive


@dataclass
class Notes:
    """The comments of one mapping (the file, or one claim): full-line comments above it, above
    each of its keys, and below its last key; end-of-line comments after each key's value."""

    above: list[str] = field(default_factory=list)
    before: dict[str, list[str]] = field(default_factory=dict)
    after: dict[str, tuple[str, int]] = field(default_factory=dict)  # key -> (comment, its column)
    below: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.above or self.before or self.after or self.below)


@dataclass
class FileComments:
    notes: Notes  # the file's head (above), its top-level keys, and its end (below)
    claims: dict[int, Notes]  # by the claim's place in the file's list


@dataclass(frozen=True)
class Owner:
    """The key a scalar belongs to: a top-level key (claim None) or a key of the claim-th claim."""

    key: str
    claim: int | None = None


@dataclass
class Leaf:
    start: int
    end: int
    owner: Owner
    is_key: bool


def read_comments(text: str, header: str = "") -> FileComments | None:
    """The comments of a claims file that has loaded (so its YAML is valid), or None when it has
    none besides `header`, the lines szcheck writes at its top."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "#" not in text[len(header) if text.startswith(header) else 0:]:
        return None  # the common case, without parsing the file again
    leaves = file_leaves(text)
    if leaves is None:
        return None
    found = FileComments(Notes(), {})
    for number, start in enumerate([0] + [leaf.end for leaf in leaves]):
        end = leaves[number].start if number < len(leaves) else len(text)
        previous = leaves[number - 1] if number else None
        following = leaves[number] if number < len(leaves) else None
        place_gap(text, start, end, previous, following, found)
    if found.notes.above == header.splitlines():
        found.notes.above = []  # szcheck's own lines, written anyway
    return found if found.notes or any(found.claims.values()) else None


def file_leaves(text: str) -> list[Leaf] | None:
    """Every scalar of the file, in order, with the key it belongs to: what lies between two of them
    is whitespace, indicators and comments only, so a '#' there is a comment (one inside a quoted
    value is inside a scalar)."""
    loader = Loader(text)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    if not isinstance(root, yaml.MappingNode):
        return None
    leaves: list[Leaf] = []
    for key_node, value_node in root.value:
        owner = Owner(str(key_node.value))
        add_leaves(key_node, owner, leaves, is_key=True)
        if owner.key == "claims" and isinstance(value_node, yaml.SequenceNode):
            for number, item in enumerate(value_node.value):
                add_claim_leaves(item, number, leaves)
        else:
            add_leaves(value_node, owner, leaves)
    return leaves


def add_claim_leaves(item, number: int, leaves: list[Leaf]) -> None:
    if not isinstance(item, yaml.MappingNode):
        add_leaves(item, Owner("", number), leaves)
        return
    for key_node, value_node in item.value:
        owner = Owner(str(key_node.value), number)
        add_leaves(key_node, owner, leaves, is_key=True)
        add_leaves(value_node, owner, leaves)


def add_leaves(node, owner: Owner, leaves: list[Leaf], is_key: bool = False) -> None:
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if node.end_mark.index > node.start_mark.index:  # an empty value takes no room
                leaves.append(Leaf(node.start_mark.index, node.end_mark.index, owner, is_key))
        elif isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in reversed(node.value) for part in reversed(pair))
        else:
            stack.extend(reversed(node.value))


def place_gap(text: str, start: int, end: int, previous: Leaf | None, following: Leaf | None,
              found: FileComments) -> None:
    """Put each comment between two scalars in its place."""
    unindented_seen = False
    position = start
    while True:
        match = GAP_CHARACTER.search(text, position, end)
        if match is None:
            return
        position = match.start()
        if text[position] != "#":
            position += 1  # an indicator, or a directive's text (the file's head only)
            if text[position - 1] == "%":
                position = line_end(text, position, end)
            continue
        close = line_end(text, position, end)
        comment = text[position:close].rstrip()
        line_start = text.rfind("\n", 0, position) + 1
        column = position - line_start
        own_line = not text[line_start:position].strip(" \t")
        same_line = previous is not None and previous.end > line_start
        if not own_line and same_line:
            place_end_of_line(comment, column, previous, following, found)
        else:
            indented = column > 0 and not unindented_seen
            unindented_seen |= column == 0
            place_full_line(comment, indented, position, text, previous, following, found)
        position = close


def line_end(text: str, position: int, end: int) -> int:
    close = text.find("\n", position, end)
    return end if close < 0 else close


def notes_of(owner: Owner, found: FileComments) -> Notes:
    if owner.claim is None:
        return found.notes
    return found.claims.setdefault(owner.claim, Notes())


def place_end_of_line(comment: str, column: int, previous: Leaf, following: Leaf | None, found: FileComments) -> None:
    """A comment after a key or its value: on that key's line. One inside a list or mapping a person
    added as a key's value goes above that key (szcheck writes such a value with PyYAML)."""
    notes = notes_of(previous.owner, found)
    inside = following is not None and following.owner == previous.owner and not following.is_key
    if inside and not previous.is_key or previous.owner.key in notes.after:
        notes.before.setdefault(previous.owner.key, []).append(comment)
    else:
        notes.after[previous.owner.key] = (comment, column)


def place_full_line(comment: str, indented: bool, position: int, text: str, previous: Leaf | None,
                    following: Leaf | None, found: FileComments) -> None:
    """A comment on a line of its own: with the key or claim below it. An indented one below a
    claim's last key (before any unindented comment) stays with that claim."""
    if previous is None:
        found.notes.above.append(comment)
        return
    if following is not None and following.owner == previous.owner:
        notes_of(previous.owner, found).before.setdefault(previous.owner.key, []).append(comment)
        return
    after_claim = previous.owner.claim is not None
    before_item = following is None or following.owner.claim != previous.owner.claim
    if after_claim and before_item and indented and not dash_before(text, previous.end, position):
        notes_of(previous.owner, found).below.append(comment)
    elif following is None:
        found.notes.below.append(comment)
    elif following.owner.claim is not None and following.owner.claim != previous.owner.claim:
        notes_of(following.owner, found).above.append(comment)
    else:
        notes_of(following.owner, found).before.setdefault(following.owner.key, []).append(comment)


def dash_before(text: str, start: int, position: int) -> bool:
    """Whether a list item's '-' stands between the end of the last scalar and this comment (a '-'
    on a line of its own, with the item's keys below it)."""
    for line in text[start:position].split("\n"):
        stripped = line.strip(" \t")
        if stripped.startswith("-") and not stripped.startswith("#"):
            return True
    return False


# --------------------------------------------------------------------------- writing them back

def render_commented_yaml(data: dict, comments: FileComments, claim_notes: dict[str, Notes], header: str) -> str:
    """`data` as render_claims_yaml writes it, with the comments put back: the file's head, each
    claim's (found by its id) and each key's. A comment whose key is no longer written goes below
    its claim (or at the end of the file): a comment is never dropped."""
    notes = comments.notes
    parts = [head_text(notes.above, header)]
    for key, value in data.items():
        parts.extend(comment_lines(notes.before.get(key, ()), ""))
        if key == "claims" and type(value) is list and value:
            parts.append(with_end_comment("claims:\n", notes.after.get(key), True))
            parts.extend(commented_claim(entry, claim_notes.get(entry.get("id"))) for entry in value)
        else:
            parts.append(with_end_comment(top_level_text(key, value), notes.after.get(key), is_collection(value)))
    parts.extend(comment_lines(leftovers(notes, data), ""))
    parts.extend(comment_lines(notes.below, ""))
    return "".join(parts)


def head_text(above: list[str], header: str) -> str:
    """The comments at the file's head, with szcheck's header lines where they stand (a person may
    have written above or among them), or first."""
    rest = iter(above)
    has_header = all(line in rest for line in header.splitlines())  # in order, among the others
    return ("" if has_header else header) + "".join(comment_lines(above, ""))


def commented_claim(entry: object, notes: Notes | None) -> str:
    if not notes or type(entry) is not dict or not entry:
        return claim_text(entry)
    parts = list(comment_lines(notes.above, ""))
    for number, (key, value) in enumerate(entry.items()):
        comments = notes.before.get(key, ())
        if number == 0:
            parts.extend(comment_lines(comments, ""))  # above the "- " that opens the claim
            block = "-" + key_text(key, value)[1:]
        else:
            parts.extend(comment_lines(comments, KEY_INDENT))
            block = key_text(key, value)
        parts.append(with_end_comment(block, notes.after.get(key), is_collection(value)))
    parts.extend(comment_lines(leftovers(notes, entry), KEY_INDENT))
    parts.extend(comment_lines(notes.below, KEY_INDENT))
    return "".join(parts)


def key_text(key: object, value: object) -> str:
    """'  key: value\n' as claim_text writes it inside a claim (PyYAML writes each key of a mapping
    apart from the others, so a claim is the join of its keys)."""
    line = claim_line(key, value) if type(key) is str and type(value) in (str, int) else None
    return line if line is not None else KEY_INDENT + pyyaml_text([{key: value}])[2:]


def is_collection(value: object) -> bool:
    return isinstance(value, (dict, list)) and bool(value)


def with_end_comment(block: str, comment: tuple[str, int] | None, on_first_line: bool) -> str:
    """A key's lines with its end-of-line comment: after the value (its last line), or after the key
    when the value is a list or mapping below it; at the column it had when that line is short enough."""
    if comment is None:
        return block
    text, column = comment
    cut = block.index("\n") if on_first_line else len(block) - 1
    line_start = block.rfind("\n", 0, cut) + 1
    padding = column - (cut - line_start) if column > cut - line_start else 2
    return block[:cut] + " " * padding + text + block[cut:]


def comment_lines(comments, indent: str):
    return (f"{indent}{comment}\n" for comment in comments)


def leftovers(notes: Notes, mapping: dict) -> list[str]:
    """The comments of keys the mapping no longer has, as full lines."""
    lines = []
    for key, comments in notes.before.items():
        if key not in mapping:
            lines.extend(comments)
    lines.extend(text for key, (text, _) in notes.after.items() if key not in mapping)
    return lines
