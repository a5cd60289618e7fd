"""Claims files: reading, validating and writing claims/<source-id>.yaml, and merging re-extractions."""

from __future__ import annotations

import difflib
import functools
import hashlib
import re
import json
import os
import stat
import tempfile
import unicodedata
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal
from pathlib import Path

import yaml

from .claims_writer import render_claims_yaml
from .errors import SzcheckError
from .model import Claim
from .reader.figures import context_factor, read_in_context, read_value, same_reading

MAX_CLAIMS_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 20
MAX_POSITION = 20 * 2**20  # a line or column beyond the largest source szcheck reads
QUALIFIERS = ("exact", "about", "over", "at_least", "under", "at_most", "nearly", "level", "range")
STATUSES = ("extracted", "reviewed", "rejected", "stale")
KINDS = ("amount", "share", "growth", "count", "rate", "duration", "description")
WRITTEN_FIELDS = tuple(f.name for f in fields(Claim) if f.name not in ("source", "quantity", "claims_line"))
REQUIRED_FIELDS = ("entity", "metric", "value")
MAY_BE_EMPTY = frozenset({"metric", "entity"})  # a figure that names no measure is written with `metric: ''` and never compared; a world market's quote (gold, the yen) is no one's: `entity: ''`
KNOWN_FIELDS = set(WRITTEN_FIELDS)
KNOWN_ENTRY_KEYS = frozenset(KNOWN_FIELDS | {"__line__"})
CLAIM_FIELDS = tuple((f.name, f.default) for f in fields(Claim))  # every field is written or has a default
FIELD_DEFAULTS = tuple(default for _, default in CLAIM_FIELDS)  # (the id, the one without one, is always set)
FIELD_INDEX = {name: index for index, (name, _) in enumerate(CLAIM_FIELDS) if name in KNOWN_FIELDS}
SOURCE_INDEX, LINE_INDEX = (next(i for i, (name, _) in enumerate(CLAIM_FIELDS) if name == wanted) for wanted in ("source", "claims_line"))


Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when installed
STR_TAG = yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG


LINE_KEY = "__line__"  # where each mapping starts, recorded by build
CONSTRUCT_ERRORS = (ValueError, TypeError, KeyError, AttributeError, OverflowError)  # YAML's constructors on a bad tagged value


def build(node, loader, depth: int, seen: set[int], lines: bool = True) -> object:
    """The Python value of a YAML node, refusing aliases (the "billion laughs" attack: one node
    reachable many times), deep nesting, duplicate keys and keys that are not plain text; each
    mapping records the line it starts on (unless `lines` is false)."""
    line = node.start_mark.line + 1
    if id(node) in seen:
        raise SzcheckError("YAML aliases (*name) are not allowed", None, line)
    seen.add(id(node))
    if depth > MAX_DEPTH:
        raise SzcheckError(f"nesting deeper than {MAX_DEPTH} levels", None, line)
    if isinstance(node, yaml.MappingNode):
        mapping, first = {}, {}
        for key_node, value_node in node.value:
            key = mapping_key(key_node, lines)
            if key in mapping:
                raise SzcheckError(f"duplicate key {key!r} (first at line {first[key]}): YAML would keep only the last",
                                   None, key_node.start_mark.line + 1)
            first[key] = key_node.start_mark.line + 1
            mapping[key] = build(value_node, loader, depth + 1, seen, lines)
        if lines:
            mapping[LINE_KEY] = line
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [build(child, loader, depth + 1, seen, lines) for child in node.value]
    if node.tag == STR_TAG:
        return node.value
    try:
        return loader.construct_object(node)  # ints, floats, booleans, nulls, dates: YAML's own rules
    except CONSTRUCT_ERRORS as error:
        kind = node.tag.rsplit(":", 1)[-1]
        text = node.value if len(node.value) <= 40 else node.value[:40] + "…"
        raise SzcheckError(f"{text!r} is not a valid {kind} ({str(error)[:80]}); quote it to keep it as text", None, line) from None


def mapping_key(node, lines: bool) -> str:
    """A mapping key: plain text, as a person would type it. A number, date or null key, or one with
    invisible or full-width characters, would never match the key szcheck looks for."""
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.ScalarNode):
        raise SzcheckError("a mapping key must be text, not a list or mapping", None, line)
    key = node.value
    if node.tag != STR_TAG:
        raise SzcheckError(f"key {key!r} is not text (YAML reads it as {node.tag.rsplit(':', 1)[-1]}); quote it if it is meant as text",
                           None, line)
    lookalike = unicodedata.normalize("NFKC", "".join(c for c in key if unicodedata.category(c)[0] != "C"))
    if lookalike != key:
        raise SzcheckError(f"key {key!r} has invisible or full-width characters (it looks like {lookalike!r})", None, line)
    if lines and key == LINE_KEY:
        raise SzcheckError(f"key {LINE_KEY!r} is reserved", None, line)
    return key


def parse_yaml(text: str) -> object:
    """A claims file's YAML, each mapping with its line."""
    return safe_yaml(text)


def safe_yaml(text: str, lines: bool = True) -> object:
    """YAML read without aliases, duplicate keys or look-alike keys (claims files, front matter,
    configuration and baselines alike)."""
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else build(node, loader, 1, set(), lines)
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark or error.context_mark
        raise SzcheckError(f"invalid YAML: {error.problem}", None, mark.line + 1 if mark else None) from None
    finally:
        loader.dispose()


@dataclass
class ClaimsFile:
    path: Path
    source: str
    source_sha256: str
    claims: list[Claim]
    extracted_with: str = ""  # the szcheck version that wrote it: a newer reader re-extracts
    extras: dict = field(default_factory=dict)  # keys a person added at the top of the file, written back as they are
    claim_extras: dict = field(default_factory=dict)  # claim id -> the keys a person added to that claim


class ParseCache:
    """Parsed claims files as JSON, keyed by the file's text and szcheck's version, so an unchanged
    claims file is not parsed as YAML again (YAML parsing is most of `verify` on large projects).
    Each entry starts with a hash of its key and its content, checked on every read: an edited,
    truncated or corrupt entry is ignored (and rewritten), so the cache can be missing, never wrong.
    Off until `use` names a folder; only data that JSON holds exactly is cached."""

    def __init__(self) -> None:
        self.folder: Path | None = None
        self.last: tuple[str, str, str] = ("", "", "")  # the last text, version and digest: a read, or a key then a write, hash the file once

    def use(self, folder: Path | None) -> None:
        self.folder = folder

    def digest(self, text: str) -> str:
        from . import __version__

        last_text, last_version, last_digest = self.last
        if last_text is text and last_version == __version__ and last_digest:
            return last_digest
        digest = hashlib.sha256(f"{__version__}\x00{text}".encode("utf-8")).hexdigest()
        self.last = (text, __version__, digest)
        return digest

    def key(self, text: str) -> str | None:
        if self.folder is None:
            return None
        return os.path.join(self.folder, f"{self.digest(text)}.json")

    def read(self, text: str) -> object | None:
        path = self.key(text)
        if path is None:
            return None
        try:
            with open(path, "rb") as stream:
                seal, _, body = stream.read().partition(b"\n")
            if seal.rstrip(b"\r").decode("ascii") != entry_seal(self.digest(text), body):
                return None  # edited or corrupt: parse the YAML, and the entry is written again
            return json.loads(body)
        except (OSError, ValueError):
            return None  # not cached yet, or unreadable: parse the YAML

    def write(self, text: str, data: object) -> None:
        path = self.key(text)
        if path is None:
            return
        try:
            body = json.dumps(data, ensure_ascii=False)
        except (TypeError, ValueError):
            return  # dates and other non-JSON values: parse the YAML each time
        try:
            write_atomically(Path(path), entry_seal(self.digest(text), body.encode("utf-8")) + "\n" + body)
        except OSError:
            pass  # a read-only project still works, only slower


def entry_seal(digest: str, body: bytes) -> str:
    return hashlib.sha256(digest.encode("ascii") + b"\x00" + body).hexdigest()


parse_cache = ParseCache()


def load_yaml(path: Path) -> object:
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise SzcheckError("is not a regular file (a pipe or a device?); a claims file is a YAML file", path)
        with open(path, "rb") as stream:
            data = stream.read(MAX_CLAIMS_BYTES + 1)
        if len(data) > MAX_CLAIMS_BYTES:
            raise SzcheckError(f"claims file is larger than {MAX_CLAIMS_BYTES // 2**20} MiB", path)
        text = data.decode("utf-8")
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")  # as a text-mode read would
    except UnicodeDecodeError as error:
        raise SzcheckError(f"claims file is not UTF-8 text ({error.reason})", path) from None
    except OSError as error:
        raise SzcheckError(f"cannot read claims file: {error.strerror}", path) from None
    cached = parse_cache.read(text)
    if cached is not None:
        return cached
    try:
        data = parse_yaml(text)
        parse_cache.write(text, data)
        return data
    except SzcheckError as error:
        raise SzcheckError(error.message, path, error.line) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise SzcheckError(f"invalid YAML: {problem}", path, mark.line + 1 if mark else None) from None


def load_claims_file(path: Path, warn=lambda message: None, shared: dict | None = None) -> ClaimsFile:
    """Read and validate a claims file; every problem names the file and line. `shared`: see claim_from_entry."""
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("claims", []), list):
        raise SzcheckError("a claims file is a mapping with 'source' and a list of 'claims'", path, 1)
    source = data.get("source")
    if not isinstance(source, str) or not source:
        raise SzcheckError("missing 'source': the path of the article these claims come from", path, 1)
    claims, seen, claim_extras = [], {}, {}
    for entry in data.get("claims") or []:
        claim = claim_from_entry(entry, source, path, warn, shared)
        if claim.id in seen:
            raise SzcheckError(f"duplicate claim id {claim.id!r} (first at line {seen[claim.id]})", path, entry.get(LINE_KEY))
        seen[claim.id] = entry.get(LINE_KEY)
        claims.append(claim)
        if not entry.keys() <= KNOWN_ENTRY_KEYS:
            claim_extras[claim.id] = added_keys(entry, KNOWN_ENTRY_KEYS)
    extras = added_keys(data, FILE_KEYS) if not data.keys() <= FILE_KEYS else {}
    return ClaimsFile(path, source, str(data.get("source_sha256") or ""), claims, str(data.get("extracted_with") or ""),
                      extras, claim_extras)


FILE_KEYS = frozenset(("source", "source_sha256", "extracted_with", "claims", LINE_KEY))


def added_keys(mapping: dict, known: frozenset) -> dict:
    """The keys of a mapping that szcheck does not read, without the line numbers parsing recorded."""
    return {key: without_lines(value) for key, value in mapping.items() if key not in known}


def without_lines(value: object) -> object:
    if isinstance(value, dict):
        return {key: without_lines(item) for key, item in value.items() if key != LINE_KEY}
    if isinstance(value, list):
        return [without_lines(item) for item in value]
    return value


REVISIONS = ("", "preliminary", "revised", "final")
OUTLOOKS = ("", "forecast", "target", "plan", "hypothetical")
CHOICES = {"qualifier": QUALIFIERS, "status": STATUSES, "kind": KINDS, "direction": ("", "down"), "revision": REVISIONS,
           "outlook": OUTLOOKS}
WHOLE_NUMBERS = ("line", "column")
CHECKED_TEXT = frozenset(CHOICES) | frozenset(WHOLE_NUMBERS) | {"currency", "read_as"}
ACCEPTED = {key: {choice: choice for choice in choices} for key, choices in CHOICES.items()}  # each choice kept once
UNIQUE_TEXT = frozenset(("id", "checksum"))  # never shared between claims: not worth interning


def claim_from_entry(entry: object, source: str, path: Path, warn, shared: dict | None = None) -> Claim:
    """A claim from its mapping in a claims file, every field checked; problems name the file and line.
    With `shared`, text that recurs across claims (entities, metrics, periods, quotes) is kept once:
    a string read from JSON or YAML is a new object each time."""
    if not isinstance(entry, dict):
        raise SzcheckError("each claim must be a mapping of keys to values", path)
    line = entry.get(LINE_KEY)
    for key in REQUIRED_FIELDS:
        if entry.get(key) is None or (entry[key] == "" and key not in MAY_BE_EMPTY):
            given = {name: value for name, value in entry.items() if name != LINE_KEY}
            raise SzcheckError(f"claim is missing required key {key!r}" + unknown_keys_note(given), path, line)
    if not entry.keys() <= KNOWN_ENTRY_KEYS:
        for key in [key for key in entry if key not in KNOWN_ENTRY_KEYS]:
            nearest = difflib.get_close_matches(str(key), sorted(KNOWN_FIELDS), n=1)
            warn(f"{path}:{line}: unknown key {key!r} ignored" + (f" (did you mean {nearest[0]!r}?)" if nearest else ""))
    # positional, each value put in its place: a keyword call would match every key read from
    # JSON to a parameter by comparing text (they are not the interned names)
    fields = list(FIELD_DEFAULTS)
    fields[0], fields[SOURCE_INDEX], fields[LINE_INDEX] = f"claim-{line}", source, line or 0
    for key, value in entry.items():
        index = FIELD_INDEX.get(key)
        if index is None or value is None:  # the line, an unknown key (warned about), or null: the default
            continue
        if type(value) is str:
            if key in CHECKED_TEXT:
                choice = ACCEPTED[key].get(value) if key in ACCEPTED else None
                value = checked_value(key, value, path, line) if choice is None else choice
            elif shared is not None and key not in UNIQUE_TEXT:
                value = shared.setdefault(value, value)
        elif not (type(value) is int and key in WHOLE_NUMBERS and 0 <= value <= MAX_POSITION):
            value = checked_value(key, value, path, line)
        fields[index] = value
    claim = Claim(*fields)
    if not claim.is_description:
        claim.quantity = value_of(claim.value, claim.qualifier, claim.kind if entry.get("kind") is not None else None,
                                  claim.direction == "down", claim.currency, claim.read_as)
        if claim.quantity is None:
            raise SzcheckError(f"cannot read a figure in value {claim.value!r}", path, line)
    return claim


def unknown_keys_note(values: dict) -> str:
    """' (unknown key 'entitty': did you mean 'entity'?)': the likely cause of a missing key."""
    notes = []
    for key in (key for key in values if key not in KNOWN_FIELDS):
        nearest = difflib.get_close_matches(str(key), sorted(KNOWN_FIELDS), n=1)
        notes.append(f"unknown key {key!r}" + (f": did you mean {nearest[0]!r}?" if nearest else ""))
    return f" ({'; '.join(notes)})" if notes else ""


@functools.lru_cache(maxsize=2**20)  # a million claims state a few hundred thousand distinct figures: a smaller cache thrashes
def value_of(value: str, qualifier: str, kind: str | None, down: bool, currency: str = "", read_as: str = ""):
    """read_value, remembered: the same figures recur across a project's claims files (a Quantity is
    immutable, so claims can share one). `read_as` (checked on load) is the reading its sentence gave."""
    if read_as:
        factor, unit = read_as.split(" ", 1)
        return read_in_context(value, qualifier, kind or "amount", currency, Decimal(factor), unit)
    return read_value(value, qualifier, kind, down, currency)


def context_reading(claim: Claim) -> str:
    """The claim's `read_as`: its own, else, for a figure whose words alone read otherwise than its
    sentence did ("weighed 4 pounds", a table's "in millions of euros", "fell by 12,000"), the factor
    and unit that give back exactly what extraction read; '' when the words alone suffice."""
    if claim.read_as or claim.quantity is None or claim.is_description:
        return claim.read_as
    quantity = claim.quantity
    if same_reading(value_of(claim.value, claim.qualifier, claim.kind, claim.direction == "down", claim.currency), quantity):
        return ""
    found = context_factor(claim.value, claim.qualifier, claim.kind, claim.currency, quantity)
    return f"{format(found[0], 'f')} {found[1]}" if found else ""


def checked_value(key: str, value: object, path: Path, line: int | None) -> object:
    if key in WHOLE_NUMBERS:
        if type(value) is not int:
            raise SzcheckError(f"{key!r} must be a whole number, not {value!r}", path, line)
        if not 0 <= value <= MAX_POSITION:
            shown = value if abs(value) < 10**12 else f"a {len(str(abs(value)))}-digit number"
            raise SzcheckError(f"{key!r} must be between 0 and {MAX_POSITION} (a place in a source), not {shown}", path, line)
        return value
    if type(value) is not str:
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise SzcheckError(f"{key!r} must be text, not {type(value).__name__}", path, line)
        value = str(value)
    if key in CHOICES and value not in CHOICES[key]:
        raise SzcheckError(f"{key} {value!r} is not one of: {', '.join(CHOICES[key])}", path, line)
    if key == "currency" and value:
        from .money import currency_table

        if value not in currency_table():
            raise SzcheckError(f"currency {value!r} is not an ISO 4217 code szcheck knows", path, line)
    if key == "read_as" and value and not valid_read_as(value):
        raise SzcheckError(f"read_as {value!r} is not '<factor> <unit>' (a non-zero number, then an ISO code, count, "
                           "percent, percentage_point or a physical unit such as kilometer)", path, line)
    return value


READ_AS = re.compile(r"(-?\d+(?:\.\d+)?(?:E[+-]?\d+)?) ([A-Za-z_]+)")


def valid_read_as(text: str) -> bool:
    from .money import currency_table

    match = READ_AS.fullmatch(text)
    if not match or not Decimal(match.group(1)):
        return False
    unit = match.group(2)
    if unit in ("count", "percent", "percentage_point") or unit in currency_table():
        return True
    try:
        from .measures import reference_unit

        reference_unit(unit)
    except Exception:  # pint's error for a unit it does not define, or a name it cannot parse
        return False
    return not unit.isupper()


def claim_entry(claim: Claim, extras: dict | None = None) -> dict:
    entry = {}
    for name in WRITTEN_FIELDS:
        value = getattr(claim, name) if name != "read_as" else context_reading(claim)
        if value not in (None, "") or name in REQUIRED_FIELDS:
            entry[name] = value
    if extras:
        entry.update((key, value) for key, value in extras.items() if key not in entry)
    return entry


HEADER = (
    "# Claims read by szcheck from the source below. Review and correct them by hand: set\n"
    "# status: reviewed (or rejected) to keep a claim as it is; edits are kept on re-extraction.\n"
)


def claims_file_data(source: str, source_sha256: str, claims: list[Claim], extras: dict | None = None,
                     claim_extras: dict | None = None) -> dict:
    """What a claims file holds, as plain data, with the keys a person added to the file and its claims."""
    from . import __version__

    claim_extras = claim_extras or {}
    data = {"source": source, "source_sha256": source_sha256, "extracted_with": f"szcheck {__version__}"}
    data.update((key, value) for key, value in (extras or {}).items() if key not in data and key != "claims")
    data["claims"] = [claim_entry(c, claim_extras.get(c.id)) for c in claims]
    return data


def render_claims_file(source: str, source_sha256: str, claims: list[Claim]) -> str:
    return render_data(claims_file_data(source, source_sha256, claims))


def render_data(data: dict, comments=None, claim_notes: dict | None = None) -> str:
    """A claims file's text; with `comments` (claims_comments.read_comments of the file it replaces),
    the comments a person wrote are put back, each claim's found by its id in `claim_notes`."""
    if comments is None:
        return HEADER + render_claims_yaml(data)
    from .claims_comments import render_commented_yaml

    return render_commented_yaml(data, comments, claim_notes or {}, HEADER)


def remember_parse(text: str, data: dict) -> None:
    """Put a claims file szcheck has just written into the parse cache, so that the next `verify`
    does not parse its YAML."""
    path = parse_cache.key(text)
    if path is None or os.path.exists(path):
        return
    parsed = parsed_form(text, data)
    if parsed is not None:
        parse_cache.write(text, parsed)


def parsed_form(text: str, data: dict) -> dict | None:
    """What parse_yaml returns for `text`, the rendering of `data`, worked out without parsing it:
    `data` with the line numbers parse_yaml records (the file's first key, and each claim's '- ' line,
    which the dumper writes at the start of a line). PyYAML reads back exactly the strings and
    integers it wrote. None when the lines cannot be matched up."""
    if not data.keys() <= FILE_KEYS or any(not entry.keys() <= KNOWN_ENTRY_KEYS for entry in data["claims"]):
        return None  # keys a person added may hold anything: parse them
    lines = text.split("\n")
    starts = [number for number, line in enumerate(lines, 1) if line.startswith("- ")]
    first = next((number for number, line in enumerate(lines, 1) if line and not line.startswith("#")), None)
    if len(starts) != len(data["claims"]) or first is None:
        return None
    claims = [{**entry, "__line__": line} for entry, line in zip(data["claims"], starts)]
    return {**data, "claims": claims, "__line__": first}


def current_umask() -> int:
    mask = os.umask(0)  # the only way to read it is to set it
    os.umask(mask)
    return mask


def write_atomically(path: Path, text: str) -> None:
    """Write via a temporary file and a rename, so an interrupted run leaves the old file intact. A
    write the disk refuses (read-only, full) is an OSError naming `path`, not the temporary file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from None
    try:
        os.chmod(temporary, 0o666 & ~current_umask())  # mkstemp makes it private; the file is the user's, as any other they write
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OSError(error.errno, error.strerror, str(path)) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@dataclass
class MergeResult:
    claims: list[Claim]
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # reviewed, rejected or edited by a person
    stale: list[str] = field(default_factory=list)  # quote no longer in the source
    removed: list[str] = field(default_factory=list)  # machine-written, unedited, no longer read

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.stale or self.removed)

    def counts(self) -> MergeCounts:
        return MergeCounts(len(self.claims), len(self.added), len(self.updated), len(self.kept), len(self.stale), len(self.removed))


@dataclass(frozen=True)
class MergeCounts:
    """How many claims a merge added, updated, kept, ...: what `extract` reports, small enough for
    a worker process to send back."""

    claims: int
    added: int
    updated: int
    kept: int
    stale: int
    removed: int

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.stale or self.removed)


def claim_checksum(claim: Claim) -> str:
    """A fingerprint of the fields as extracted: a claim edited by hand no longer matches it."""
    fields = ((claim.entity, claim.metric, claim.value, claim.period, claim.qualifier, claim.kind, claim.quote, claim.category,
               claim.founded) + ((claim.direction,) if claim.direction else ()) + ((claim.revision,) if claim.revision else ())
              + ((claim.outlook,) if claim.outlook else ()) + tuple(reading for reading in (context_reading(claim),) if reading))
    # (optional fields join only when set: older claims files stay valid)
    return hashlib.sha1("\x1f".join(map(str, fields)).encode()).hexdigest()[:10]


def is_edited(claim: Claim) -> bool:
    return claim.status in ("reviewed", "rejected") or (bool(claim.checksum) and claim.checksum != claim_checksum(claim)) or not claim.checksum


def merge_claims(existing: list[Claim], extracted: list[Claim], body: str, prune: bool = False,
                 annotated: frozenset[str] | set[str] = frozenset()) -> MergeResult:
    """A re-extraction merged into the claims a person may have worked on: nothing they wrote is lost.
    Each claim is matched to the figure it is about (see match_claims). A machine claim whose figure
    is gone is removed; one a person edited, reviewed, rejected or commented on (its id in
    `annotated`) is kept (edited and commented ones marked stale when their figure is gone) unless
    `prune` asks to remove it after review."""
    result = MergeResult(claims=[])
    matches = match_claims(existing, extracted)
    matched = {id(new) for new in matches.values()}
    used_ids = {c.id for c in existing}
    for claim in existing:
        new = matches.get(id(claim))
        gone = claim.status == "stale" or (new is None and bool(claim.quote) and claim.quote not in body)
        if prune and gone:
            result.removed.append(claim.id)
        elif is_edited(claim):
            keep_edited(relocated(claim, new, body) if new is not None else claim, gone, result)
        elif new is not None:
            updated = replace(new, id=claim.id)
            result.claims.append(updated)
            if updated.checksum != claim.checksum:
                result.updated.append(claim.id)
        elif claim.id in annotated:
            keep_edited(claim, gone, result)  # a comment is a person's work too
        else:
            result.removed.append(claim.id)
    for claim in extracted:
        if id(claim) not in matched:
            claim.id = unique_id(claim.id, used_ids)
            result.claims.append(claim)
            result.added.append(claim.id)
    result.claims.sort(key=lambda c: (c.line, c.column))
    return result


SIMILAR_QUOTE = 80  # rapidfuzz ratio: the same sentence with a word or two changed


def match_claims(existing: list[Claim], extracted: list[Claim]) -> dict[int, Claim]:
    """For each existing claim (by id()), the new reading of the same figure: the same figure text in
    the same sentence; else the figure at the same place in the same sentence (a person corrected the
    value); else the same figure text in a similar sentence, the nearest line first (a word of the
    sentence was corrected, or lines were inserted above it). A figure the source itself changed
    matches nothing: a person's claim about the old figure is kept and reported stale."""
    from rapidfuzz import fuzz

    matches: dict[int, Claim] = {}
    by_text: dict[tuple[str, str], list[Claim]] = {}
    for new in extracted:
        by_text.setdefault((new.value, new.quote), []).append(new)
    for claim in existing:
        if by_text.get((claim.value, claim.quote)):
            matches[id(claim)] = by_text[(claim.value, claim.quote)].pop(0)
    taken = {id(new) for new in matches.values()}
    by_place: dict[tuple[int, int], list[Claim]] = {}
    by_value: dict[str, list[Claim]] = {}
    for new in extracted:
        if id(new) not in taken:
            by_place.setdefault((new.line, new.column), []).append(new)
            by_value.setdefault(new.value, []).append(new)

    def same(claim: Claim, new: Claim) -> bool:
        return id(new) not in taken and claim.quote == new.quote

    def similar(claim: Claim, new: Claim) -> bool:
        return id(new) not in taken and fuzz.ratio(claim.quote, new.quote) >= SIMILAR_QUOTE

    for candidates, fits in ((lambda c: by_place.get((c.line, c.column), []), same),
                             (lambda c: sorted(by_value.get(c.value, []), key=lambda new: abs(new.line - c.line)), similar)):
        for claim in existing:
            if id(claim) in matches:
                continue
            new = next((new for new in candidates(claim) if fits(claim, new)), None)
            if new is not None:
                matches[id(claim)] = new
                taken.add(id(new))
    return matches


def relocated(claim: Claim, new: Claim, body: str) -> Claim:
    """A person's claim moved to where its figure now stands, with the sentence as it now reads."""
    return replace(claim, line=new.line, column=new.column, quote=claim.quote if claim.quote in body else new.quote)


def keep_edited(claim: Claim, gone: bool, result: MergeResult) -> None:
    """A claim a person worked on stays. When its quote is gone, an edited one is marked stale (its
    edits still show against its checksum); a reviewed or rejected one keeps its status, which says
    more, and the quote check reports a reviewed one as stale (SZ401)."""
    if gone and claim.status not in ("reviewed", "rejected"):
        claim = replace(claim, status="stale")
    result.claims.append(claim)
    (result.stale if gone and claim.status != "rejected" else result.kept).append(claim.id)


def unique_id(wanted: str, used: set[str]) -> str:
    candidate, number = wanted, 1
    while candidate in used:
        number += 1
        candidate = f"{wanted}-{number}"
    used.add(candidate)
    return candidate
