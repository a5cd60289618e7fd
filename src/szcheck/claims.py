"""Claims files: reading, validating and writing claims/<source-id>.yaml, and merging re-extractions."""

from __future__ import annotations

import difflib
import functools
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

import yaml

from .errors import SzcheckError
from .model import Claim
from .reader.figures import read_value

MAX_CLAIMS_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 20
QUALIFIERS = ("exact", "about", "over", "at_least", "under", "at_most", "nearly", "level", "range")
STATUSES = ("extracted", "reviewed", "rejected", "stale")
KINDS = ("amount", "share", "growth", "count", "rate", "duration", "description")
WRITTEN_FIELDS = tuple(f.name for f in fields(Claim) if f.name not in ("source", "quantity", "claims_line"))
REQUIRED_FIELDS = ("entity", "metric", "value")
KNOWN_FIELDS = set(WRITTEN_FIELDS)
CLAIM_FIELDS = tuple((f.name, f.default) for f in fields(Claim))  # every field is written or has a default


Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when installed
STR_TAG = yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG


def build(node, loader, depth: int, seen: set[int]) -> object:
    """The Python value of a YAML node, refusing aliases (the "billion laughs" attack: one node
    reachable many times) and deep nesting; each mapping records the line it starts on."""
    line = node.start_mark.line + 1
    if id(node) in seen:
        raise SzcheckError("YAML aliases (*name) are not allowed in claims files", None, line)
    seen.add(id(node))
    if depth > MAX_DEPTH:
        raise SzcheckError(f"nesting deeper than {MAX_DEPTH} levels", None, line)
    if isinstance(node, yaml.MappingNode):
        mapping = {}
        for key_node, value_node in node.value:
            key = build(key_node, loader, depth + 1, seen)
            if isinstance(key, (list, dict)):
                raise SzcheckError("a mapping key must be text, not a list or mapping", None, key_node.start_mark.line + 1)
            mapping[key] = build(value_node, loader, depth + 1, seen)
        mapping["__line__"] = line
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [build(child, loader, depth + 1, seen) for child in node.value]
    if node.tag == STR_TAG:
        return node.value
    return loader.construct_object(node)  # ints, floats, booleans, nulls, dates: YAML's own rules


def parse_yaml(text: str) -> object:
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else build(node, loader, 1, set())
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


class ParseCache:
    """Parsed claims files as JSON, keyed by the file's text and szcheck's version, so an unchanged
    claims file is not parsed as YAML again (YAML parsing is most of `verify` on large projects).
    Off until `use` names a folder; only data that JSON holds exactly is cached."""

    def __init__(self) -> None:
        self.folder: Path | None = None

    def use(self, folder: Path | None) -> None:
        self.folder = folder

    def key(self, text: str) -> str | None:
        from . import __version__

        if self.folder is None:
            return None
        digest = hashlib.sha256(f"{__version__}\x00{text}".encode("utf-8")).hexdigest()
        return os.path.join(self.folder, f"{digest}.json")

    def read(self, text: str) -> object | None:
        path = self.key(text)
        if path is None:
            return None
        try:
            with open(path, encoding="utf-8") as stream:
                return json.load(stream)
        except (OSError, ValueError):
            return None  # not cached yet, or unreadable: parse the YAML

    def write(self, text: str, data: object) -> None:
        path = self.key(text)
        if path is None:
            return
        try:
            encoded = json.dumps(data, ensure_ascii=False)
        except (TypeError, ValueError):
            return  # dates and other non-JSON values: parse the YAML each time
        try:
            write_atomically(Path(path), encoded)
        except OSError:
            pass  # a read-only project still works, only slower


parse_cache = ParseCache()


def load_yaml(path: Path) -> object:
    try:
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


def load_claims_file(path: Path, warn=lambda message: None) -> ClaimsFile:
    """Read and validate a claims file; every problem names the file and line."""
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("claims", []), list):
        raise SzcheckError("a claims file is a mapping with 'source' and a list of 'claims'", path, 1)
    source = data.get("source")
    if not isinstance(source, str) or not source:
        raise SzcheckError("missing 'source': the path of the article these claims come from", path, 1)
    claims, seen = [], {}
    for entry in data.get("claims") or []:
        claim = claim_from_entry(entry, source, path, warn)
        if claim.id in seen:
            raise SzcheckError(f"duplicate claim id {claim.id!r} (first at line {seen[claim.id]})", path, entry.get("__line__"))
        seen[claim.id] = entry.get("__line__")
        claims.append(claim)
    return ClaimsFile(path, source, str(data.get("source_sha256") or ""), claims, str(data.get("extracted_with") or ""))


CHOICES = {"qualifier": QUALIFIERS, "status": STATUSES, "kind": KINDS, "direction": ("", "down"), "outlook": ("", "forecast", "target", "plan")}
WHOLE_NUMBERS = ("line", "column")
CHECKED_TEXT = frozenset(CHOICES) | frozenset(WHOLE_NUMBERS)


def claim_from_entry(entry: object, source: str, path: Path, warn) -> Claim:
    """A claim from its mapping in a claims file, every field checked; problems name the file and line."""
    if not isinstance(entry, dict):
        raise SzcheckError("each claim must be a mapping of keys to values", path)
    values = dict(entry)
    line = values.pop("__line__", None)
    for key in REQUIRED_FIELDS:
        if values.get(key) in (None, ""):
            raise SzcheckError(f"claim is missing required key {key!r}" + unknown_keys_note(values), path, line)
    if not values.keys() <= KNOWN_FIELDS:
        for key in [key for key in values if key not in KNOWN_FIELDS]:
            nearest = difflib.get_close_matches(str(key), sorted(KNOWN_FIELDS), n=1)
            warn(f"{path}:{line}: unknown key {key!r} ignored" + (f" (did you mean {nearest[0]!r}?)" if nearest else ""))
            del values[key]
    if None in values.values():
        values = {key: value for key, value in values.items() if value is not None}
    for key, value in values.items():
        if type(value) is not str or key in CHECKED_TEXT:  # other text needs no check (most fields)
            values[key] = checked_value(key, value, path, line)
    values.setdefault("id", f"claim-{line}")
    values["source"], values["claims_line"] = source, line or 0
    # positional: a keyword call matches each key read from JSON to a parameter by comparing text
    # (they are not the interned names), about 1.5 times the cost of the call itself
    claim = Claim(*[values.get(name, default) for name, default in CLAIM_FIELDS])
    if not claim.is_description:
        claim.quantity = value_of(claim.value, claim.qualifier, claim.kind if "kind" in values else None, claim.direction == "down")
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


@functools.lru_cache(maxsize=2**16)
def value_of(value: str, qualifier: str, kind: str | None, down: bool):
    """read_value, remembered: the same figures recur across a project's claims files (a Quantity is
    immutable, so claims can share one)."""
    return read_value(value, qualifier, kind, down)


def checked_value(key: str, value: object, path: Path, line: int | None) -> object:
    if key in WHOLE_NUMBERS:
        if type(value) is not int:
            raise SzcheckError(f"{key!r} must be a whole number, not {value!r}", path, line)
        return value
    if type(value) is not str:
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise SzcheckError(f"{key!r} must be text, not {type(value).__name__}", path, line)
        value = str(value)
    if key in CHOICES and value not in CHOICES[key]:
        raise SzcheckError(f"{key} {value!r} is not one of: {', '.join(CHOICES[key])}", path, line)
    return value


def claim_entry(claim: Claim) -> dict:
    entry = {}
    for name in WRITTEN_FIELDS:
        value = getattr(claim, name)
        if value not in (None, "") or name in REQUIRED_FIELDS:
            entry[name] = value
    return entry


HEADER = (
    "# Claims read by szcheck from the source below. Review and correct them by hand: set\n"
    "# status: reviewed (or rejected) to keep a claim as it is; edits are kept on re-extraction.\n"
)


def claims_file_data(source: str, source_sha256: str, claims: list[Claim]) -> dict:
    """What a claims file holds, as plain data."""
    from . import __version__

    return {"source": source, "source_sha256": source_sha256, "extracted_with": f"szcheck {__version__}",
            "claims": [claim_entry(c) for c in claims]}


def render_claims_file(source: str, source_sha256: str, claims: list[Claim]) -> str:
    return render_data(claims_file_data(source, source_sha256, claims))


def render_data(data: dict) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml writes the same text, several times faster
    return HEADER + yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)


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
    """Write via a temporary file and a rename, so an interrupted run leaves the old file intact."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.chmod(temporary, 0o666 & ~current_umask())  # mkstemp makes it private; the file is the user's, as any other they write
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
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


def claim_checksum(claim: Claim) -> str:
    """A fingerprint of the fields as extracted: a claim edited by hand no longer matches it."""
    fields = (claim.entity, claim.metric, claim.value, claim.period, claim.qualifier, claim.kind, claim.quote, claim.category,
              claim.founded) + ((claim.direction,) if claim.direction else ()) + ((claim.outlook,) if claim.outlook else ())  # older claims files stay valid
    return hashlib.sha1("\x1f".join(map(str, fields)).encode()).hexdigest()[:10]


def is_edited(claim: Claim) -> bool:
    return claim.status in ("reviewed", "rejected") or (bool(claim.checksum) and claim.checksum != claim_checksum(claim)) or not claim.checksum


def merge_claims(existing: list[Claim], extracted: list[Claim], body: str, prune: bool = False) -> MergeResult:
    """A re-extraction merged into the claims a person may have worked on: nothing they wrote is lost.
    A machine claim whose quote disappeared is removed; one a person edited, reviewed or rejected is
    kept (edited ones marked stale) unless `prune` asks to remove it after review."""
    result = MergeResult(claims=[])
    fresh = {(c.value, c.quote): c for c in extracted}
    used_ids = {c.id for c in existing}
    for claim in existing:
        new = fresh.pop((claim.value, claim.quote), None)
        gone = claim.status == "stale" or (bool(claim.quote) and claim.quote not in body)
        if prune and gone:
            result.removed.append(claim.id)
        elif is_edited(claim):
            keep_edited(claim, gone, result)
        elif new is not None:
            updated = replace(new, id=claim.id)
            result.claims.append(updated)
            if updated.checksum != claim.checksum:
                result.updated.append(claim.id)
        else:
            result.removed.append(claim.id)
    for claim in extracted:
        if (claim.value, claim.quote) in fresh:
            claim.id = unique_id(claim.id, used_ids)
            result.claims.append(claim)
            result.added.append(claim.id)
    result.claims.sort(key=lambda c: (c.line, c.column))
    return result


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
