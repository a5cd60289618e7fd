"""Verify past memory: the map over sources writes each claim to DuckDB, which sorts them by entity
on disk; each entity's claims come back, in corpus order, to the same checks as in memory.

DuckDB is an optional dependency (`pip install "szcheck[scale]"`), imported only here. What stays
in memory: each source's front matter (its text is dropped once its own checks ran), the description
claims, one entity's claims at a time, and for the description checks (only when a source describes
an entity) the claims that state a fund's size. The findings go to a temporary file in sorted runs
(spilled_findings), which the report reads back merged, pass by pass.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import marshal
import os
import tempfile
from decimal import Decimal
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Iterator

from .errors import SzcheckError
from .model import Claim, Quantity, Report, Source

SPILL_CLAIMS = 2_000_000  # above about this many claims, verify spills them (see estimated_claims)
BYTES_PER_CLAIM = 400  # what a claim takes in its claims file: about 380 bytes in news, 560 with long quotes
MEMORY_LIMIT = "2GB"  # DuckDB's own memory; beyond it, it spills to its temporary folder
BATCH = 50_000  # claims written to DuckDB at a time

CLAIM_FIELDS = tuple(field.name for field in dataclasses.fields(Claim))
QUANTITY_FIELDS = tuple(field.name for field in dataclasses.fields(Quantity))
QUANTITY_AT = CLAIM_FIELDS.index("quantity")
claim_row = attrgetter(*CLAIM_FIELDS)
quantity_row = itemgetter(*QUANTITY_FIELDS)
RECURRING = tuple(CLAIM_FIELDS.index(name) for name in ("source", "entity", "metric", "period", "value", "noun", "quote"))


class SpillUnavailable(SzcheckError):
    pass


def duckdb_module():
    try:
        import duckdb
    except ImportError:
        raise SpillUnavailable('verifying this many claims needs DuckDB: pip install "szcheck[scale]"') from None
    return duckdb


def estimated_claims(claims_dir: Path, enough: int | None = None) -> int:
    """How many claims a claims folder holds, from the size of its files (reading them would cost
    as much as loading them); the count stops once it passes `enough`."""
    total = 0
    for folder, _, names in os.walk(claims_dir):
        for name in names:
            if name.endswith(".yaml") and not name.startswith("."):
                try:
                    total += os.stat(os.path.join(folder, name)).st_size
                except OSError:
                    pass
        if enough is not None and total // BYTES_PER_CLAIM > enough:
            break
    return total // BYTES_PER_CLAIM


def should_spill(claims_dir: Path) -> bool:
    return claims_dir.is_dir() and estimated_claims(claims_dir, SPILL_CLAIMS) > SPILL_CLAIMS


def encode_claim(claim: Claim) -> bytes:
    """A claim as marshalled plain values: about five times faster both ways than pickling the objects."""
    row = list(claim_row(claim))
    quantity = claim.quantity
    if quantity is not None:
        values = list(quantity_row(quantity.__dict__))
        values[-1] = None if values[-1] is None else str(values[-1])  # rounding, a Decimal
        row[QUANTITY_AT] = tuple(values)
    return marshal.dumps(tuple(row))


def decode_claim(data: bytes, shared: dict | None = None) -> Claim:
    """The claim `encode_claim` wrote. With `shared`, equal figures share one Quantity and short
    text one string, as claims loaded in memory do: the findings keep many claims alive."""
    row = list(marshal.loads(data))
    values = row[QUANTITY_AT]
    if values is not None:
        quantity = shared.get(values) if shared is not None else None
        if quantity is None:
            quantity = object.__new__(Quantity)  # as Quantity.with_period builds one: frozen, no checks to repeat
            quantity.__dict__.update(zip(QUANTITY_FIELDS, values))
            if values[-1] is not None:
                quantity.__dict__["rounding"] = Decimal(values[-1])
            if shared is not None:
                shared[values] = quantity
        row[QUANTITY_AT] = quantity
    if shared is not None:  # the short words of the other fields are interned by marshal itself
        for place in RECURRING:
            value = row[place]
            if value is not None:
                row[place] = shared.setdefault(value, value)
    return Claim(*row)


SHARED_LIMIT = 1 << 18  # entries kept for sharing before the table starts again


class ClaimCount:
    """What a spilled report keeps of its claims: their number (the renderers count them)."""

    def __init__(self, count: int) -> None:
        self.count = count

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Claim]:
        raise TypeError("a spilled report keeps only the number of its claims")


class ClaimStore:
    """Claims written to a DuckDB database in a temporary folder, read back sorted by entity."""

    def __init__(self, folder: Path) -> None:
        duckdb = duckdb_module()
        self.folder = folder
        self.connection = duckdb.connect()  # in memory up to the limit, then in temp_directory: no log written, nothing synced
        self.connection.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        self.connection.execute(f"SET temp_directory = '{folder / 'spill'}'")
        self.connection.execute("SET preserve_insertion_order = false")
        self.connection.execute("CREATE TABLE claims (entity VARCHAR, seq BIGINT, source VARCHAR, comparable BOOLEAN,"
                                " sized BOOLEAN, claim BLOB)")
        self.pending: list[str] = []
        self.count = 0

    def add(self, entity: str, seq: int, claim: Claim, comparable: bool, sized: bool) -> None:
        self.pending.append("\t".join((entity.replace("\t", " ").replace("\n", " "), str(seq), str(int(comparable)), str(int(sized)),
                                       base64.b64encode(encode_claim(claim)).decode("ascii"))))
        self.count += 1
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Rows go to DuckDB through a file it reads: far faster than inserting them one by one."""
        if not self.pending:
            return
        path = self.folder / "batch.tsv"
        path.write_text("\n".join(self.pending) + "\n", encoding="utf-8")
        self.pending = []
        self.connection.execute(
            "INSERT INTO claims SELECT entity, seq, NULL, comparable = 1, sized = 1, from_base64(data) FROM read_csv(?, delim = '\t',"
            " header = false, quote = '', escape = '', columns = {'entity': 'VARCHAR', 'seq': 'BIGINT', 'comparable': 'INTEGER',"
            " 'sized': 'INTEGER', 'data': 'VARCHAR'})", [str(path)])
        path.unlink()

    def drop_sources(self, seqs: list[tuple[int, int]]) -> None:
        """Forget the claims in these ranges of sequence numbers (the sources of a left-out claims file)."""
        self.flush()
        for low, high in seqs:
            self.connection.execute("DELETE FROM claims WHERE seq >= ? AND seq < ?", [low, high])

    def by_entity(self) -> Iterator[list[Claim]]:
        """Each entity's comparable claims, in corpus order: the group-by runs in DuckDB, which sorts
        on disk past its memory limit; one entity at a time is decoded here."""
        self.flush()
        cursor = self.connection.execute("SELECT entity, claim FROM claims WHERE comparable ORDER BY entity, seq")
        current, claims, shared = None, [], {}
        while rows := cursor.fetchmany(10_000):
            if len(shared) > SHARED_LIMIT:
                shared = {}
            for entity, data in rows:
                if entity != current and claims:
                    yield claims
                    claims = []
                current = entity
                claims.append(decode_claim(data, shared))
        if claims:
            yield claims

    def sized(self) -> list[Claim]:
        self.flush()
        rows = self.connection.execute("SELECT claim FROM claims WHERE sized ORDER BY seq").fetchall()
        return [decode_claim(data) for (data,) in rows]

    def close(self) -> None:
        self.connection.close()


SOURCE_SPAN = 1 << 24  # sequence numbers per source: a claim's is its source's place times this, plus its own


def verify_spilled(sources_dir: Path, claims_dir: Path, root: Path, encodings: dict[str, str] | None = None,
                   workdir: Path | None = None) -> Report:
    """What api.verify reports, with the claims held in DuckDB instead of memory: the same findings,
    notes and errors. `workdir`: where the temporary database goes (default: the system's)."""
    duckdb_module()
    with tempfile.TemporaryDirectory(prefix="szcheck-spill-", dir=workdir) as folder:
        store = ClaimStore(Path(folder))
        try:
            return SpilledRun(sources_dir, claims_dir, root, encodings or {}, store, workdir).report()
        finally:
            store.close()


@dataclasses.dataclass
class SpilledRun:
    """One spilled verify: stage 1 in two passes (the claims files, then the sources without one),
    then stage 2 over DuckDB's groups, then the description checks."""

    sources_dir: Path
    claims_dir: Path
    root: Path
    encodings: dict[str, str]
    store: ClaimStore
    workdir: Path | None = None  # where the findings' temporary file goes

    def report(self) -> Report:
        from .api import cycle_collection_paused, no_sources_message
        from .checks import finding_order
        from .spilled_findings import SpilledFindings
        from .sources import SOURCE_SUFFIXES, display_path, find_sources, linked_folders, unread_files
        from .errors import printable

        if not self.sources_dir.is_dir():
            raise SzcheckError("sources folder not found (use --sources DIR)" if not self.sources_dir.exists() else "is a file, not a folder",
                               self.sources_dir)
        with cycle_collection_paused():
            self.source_errors: list[tuple[int, SzcheckError]] = []
            self.claims_errors: list[SzcheckError] = []
            self.warnings: list[str] = []
            self.findings = SpilledFindings(finding_order, self.workdir)  # sorted on disk: they grow with the claims
            self.light: dict[str, Source] = {}  # every source read, by path, without its text
            self.descriptions: list[tuple[int, Claim]] = []
            self.count = 0
            self.claim_counts: dict[str, int] = {}
            self.entity_keys: dict[str, str] = {}  # an entity as written -> its partition key, worked out once per spelling
            self.resolve_folder = functools.lru_cache(maxsize=None)(Path.resolve)
            for link in linked_folders([self.sources_dir]):
                if self.root.resolve() not in link.resolve().parents:
                    self.source_errors.append((-1, SzcheckError("is a link to a folder outside the project; szcheck does not read it",
                                                                display_path(link, self.root))))
            self.paths = find_sources([self.sources_dir])
            self.place = {display_path(path, self.root).as_posix(): number for number, path in enumerate(self.paths)}
            self.read_failed: dict[str, SzcheckError] = {}
            covered, broken = self.map_claims_files()
            notes = [f"{printable(display_path(path, self.root).as_posix())}: skipped: szcheck reads {', '.join(SOURCE_SUFFIXES)} files"
                     for path in unread_files(self.sources_dir)]
            notes += self.map_other_sources(covered, broken)
            if not self.light and not self.source_errors and not self.claims_errors:
                raise SzcheckError(no_sources_message(self.sources_dir), self.sources_dir)
            self.check_entities()
            self.check_descriptions()
        sources = sorted(self.light.values(), key=lambda s: self.place[s.path.as_posix()])
        errors = [error for _, error in sorted(self.source_errors, key=lambda pair: pair[0])] + self.claims_errors
        return Report(sources, ClaimCount(self.count), self.findings, notes=notes + self.warnings,
                      errors=errors)

    def read(self, key: str) -> Source | None:
        """A source by its path from the project root, read once; None when it is not among the sources or cannot be read."""
        from .api import read_one_source

        number = self.place.get(key)
        if number is None or key in self.read_failed:
            return None
        try:
            return read_one_source(self.paths[number], self.root, self.resolve_folder, self.encodings)
        except SzcheckError as error:
            self.read_failed[key] = error
            self.source_errors.append((number, error))
            return None

    def map_claims_files(self) -> tuple[set[str], set[Path]]:
        """Stage 1 for the sources with a claims file, in the claims files' order, validated by
        api.checked_claims_file as in memory: each source is read when its claims file is."""
        from .api import SecondClaimsFile, checked_claims_file, claims_file_paths
        from .checks.provenance import check_outdated
        from .sources import display_path

        covered: dict[str, Path] = {}
        broken: set[Path] = set()
        left_out: set[str] = set()
        opened: dict[str, Source | None] = {}

        def known(key: str) -> bool:
            opened["source"] = self.read(key) if key not in covered else None
            return key in self.place and key not in self.read_failed

        for path in claims_file_paths(self.claims_dir):
            try:
                claims_file = checked_claims_file(path, self.root, known, covered, self.warnings.append, {})
            except SzcheckError as error:
                if isinstance(error, SecondClaimsFile):
                    left_out.add(error.source)
                self.claims_errors.append(error)
                broken.add(path)
                continue
            source = opened["source"]
            covered[claims_file.source] = path
            self.map_source(source, claims_file.claims)
            self.findings.add(check_outdated(source, display_path(path, self.root).as_posix(), claims_file.source_sha256))
        self.leave_out(left_out)
        return set(covered), broken

    def leave_out(self, left_out: set[str]) -> None:
        """Sources named by two claims files: neither file's claims count (their source's hygiene does)."""
        if not left_out:
            return
        per_claim = ("SZ202", "SZ203", "SZ206", "SZ401", "SZ402")
        # only stage 1 gives these rules, so dropping them from every pass drops just the left-out files' findings
        self.findings.drop(lambda f: f.rule in per_claim and bool(f.claims) and f.claims[0].source in left_out)
        self.descriptions = [(seq, c) for seq, c in self.descriptions if c.source not in left_out]
        self.store.drop_sources([(self.place[key] * SOURCE_SPAN, (self.place[key] + 1) * SOURCE_SPAN) for key in left_out])
        self.count -= sum(self.claim_counts[key] for key in left_out)

    def map_other_sources(self, covered: set[str], broken: set[Path]) -> list[str]:
        """Stage 1 for the sources without a claims file (extracted in memory), and the hygiene of
        those whose claims file could not be read, in the sources' order."""
        from .stages import source_claims
        from .sources import display_path

        notes = []
        for number, path in enumerate(self.paths):
            key = display_path(path, self.root).as_posix()
            if key in covered or key in self.light:
                continue
            source = self.read(key)
            if source is None:
                continue
            if self.default_targets(key) & broken:
                self.map_source(source, [])
                continue
            self.map_source(source, source_claims(source, None))
            notes.append(f"{key}: no claims file, extracted in memory (run `szcheck extract` to review them)")
        return notes

    def default_targets(self, key: str) -> set[Path]:
        """The claims files a source without one would get (api.claims_paths): a broken one there is its own."""
        from .api import source_key, sources_relative

        rel = source_key(Source(Path(key), "", "", 0), sources_relative(self.sources_dir, self.root))
        folder = self.claims_dir.joinpath(*rel.parent.parts)
        return {folder / f"{rel.stem}.yaml", folder / f"{rel.name}.yaml"}

    def map_source(self, source: Source, claims: list[Claim]) -> None:
        """Stage 1 for one source: its own findings here, its claims to DuckDB, its text dropped."""
        from .group import is_comparable
        from .stages import partition_key, source_findings
        from .checks.descriptions import sized_metrics

        key = source.path.as_posix()
        self.findings.add(source_findings(source, claims))
        sized = sized_metrics()
        base = self.place[key] * SOURCE_SPAN
        keys = self.entity_keys
        for number, claim in enumerate(claims):
            comparable, is_sized = is_comparable(claim), claim.metric in sized and claim.kind != "description"
            if comparable or is_sized:
                entity = keys.get(claim.entity) if comparable else ""
                if entity is None:
                    entity = keys[claim.entity] = partition_key(claim)
                self.store.add(entity, base + number, claim, comparable, is_sized)
            if claim.metric == "description" and claim.status not in ("rejected", "stale"):
                self.descriptions.append((base + number, claim))
        self.count += len(claims)
        self.claim_counts[key] = len(claims)
        self.light[key] = dataclasses.replace(source, body="")

    def check_entities(self) -> None:
        """Stage 2, one entity at a time."""
        from .stages import check_entity

        for claims in self.store.by_entity():
            self.findings.add(check_entity(claims, self.light))

    def check_descriptions(self) -> None:
        """SZ3xx: the described names are known only now, so the sources are read a second time
        for their uses (only when some source describes an entity)."""
        from .checks.descriptions import check_descriptions

        if not self.descriptions:
            return
        descriptions = [claim for _, claim in sorted(self.descriptions, key=lambda pair: pair[0])]
        sources = (source for source in map(self.read, sorted(self.light, key=self.place.get)) if source is not None)
        self.findings.add(check_descriptions(sources, descriptions + self.store.sized()))
