"""Plain functions behind the commands: find the project, extract claims, verify them."""

from __future__ import annotations

import functools
import gc
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Callable, Iterator

from .claims import HEADER, MergeCounts, claims_file_data, load_claims_file, merge_claims, remember_parse, render_data, write_atomically
from .claims_comments import read_comments
from .config import CONFIG_FILES
from .errors import SzcheckError, printable
from .model import Claim, Finding, Report, Source, derived
from .sources import SOURCE_SUFFIXES, display_path, find_sources, linked_folders, read_source, unread_files

def find_root(start: Path | None = None) -> Path:
    """The nearest folder at or above `start` with a szcheck.yaml or pyproject.toml; else `start`."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if any((folder / marker).is_file() for marker in CONFIG_FILES):
            return folder
    return start


def source_key(source: Source, sources_rel: PurePosixPath | None) -> PurePosixPath:
    """The source's path inside the sources folder; its name alone when it lies elsewhere."""
    path = PurePosixPath(source.path.as_posix())
    if sources_rel is not None:
        try:
            return path.relative_to(sources_rel)
        except ValueError:
            pass
    return PurePosixPath(path.name)


def claims_paths(sources: list[Source], claims_dir: Path, sources_rel: PurePosixPath | None,
                 existing: dict[str, Path]) -> dict[str, Path]:
    """Where each source's claims file is: the file that names it, else the claims folder mirroring the
    sources folder with the source's stem (sources/sub/a.txt: claims/sub/a.yaml; a top-level source keeps
    its flat name), or its whole name when another source has the stem's file (a.txt and a.md)."""
    taken = set(existing.values())
    targets = {}
    for source in sorted(sources, key=lambda s: s.path.as_posix()):
        key = source.path.as_posix()
        if key in existing:
            targets[key] = existing[key]
            continue
        rel = source_key(source, sources_rel)
        folder = claims_dir.joinpath(*rel.parent.parts)
        candidates = [folder / f"{rel.stem}.yaml", folder / f"{rel.name}.yaml"]
        candidate = next((c for c in candidates if c not in taken), None)
        number = 2
        while candidate is None or candidate in taken:
            candidate, number = folder / f"{rel.name}-{number}.yaml", number + 1
        taken.add(candidate)
        targets[key] = candidate
    return targets


def claims_file_paths(claims_dir: Path) -> list[Path]:
    """The claims files in a claims folder and its subfolders, hidden ones (temporary files) left out."""
    if not claims_dir.is_dir():
        return []
    found = (path for path in claims_dir.rglob("*.yaml") if not any(part.startswith(".") for part in path.relative_to(claims_dir).parts))
    return sorted(found, key=lambda path: path.relative_to(claims_dir).parts)


def inside_project(path: Path, root: Path) -> None:
    """A claims file that is a link must point inside the project."""
    if path.is_symlink() and root.resolve() not in path.resolve().parents:
        raise SzcheckError("claims file is a link to a file outside the project; refusing to read it", path)


def sources_relative(sources_dir: Path | None, root: Path) -> PurePosixPath | None:
    return PurePosixPath(display_path(sources_dir, root).as_posix()) if sources_dir is not None else None


def read_sources(paths: list[Path], root: Path, encodings: dict[str, str] | None = None,
                 errors: list[SzcheckError] | None = None) -> list[Source]:
    """The sources found under `paths`. With an `errors` list, a source that cannot be read is
    recorded there and the others are still read; without one, it stops the run."""
    sources = []
    resolve_folder = functools.lru_cache(maxsize=None)(Path.resolve)
    for link in linked_folders(paths):
        if root.resolve() not in link.resolve().parents:
            error = SzcheckError("is a link to a folder outside the project; szcheck does not read it", display_path(link, root))
            if errors is None:
                raise error
            errors.append(error)
    for path in find_sources(paths):
        try:
            sources.append(read_one_source(path, root, resolve_folder, encodings or {}))
        except SzcheckError as error:
            if errors is None:
                raise
            errors.append(error)
    return sources


def printable_name(path: Path, root: Path) -> None:
    """A file name must be text that prints as itself: it reaches every report, and a name with a
    newline or an escape sequence would forge lines (a CI runner's '::error' commands) or terminal output."""
    shown = shown_path(path, root)
    if shown.startswith("::"):
        raise SzcheckError("file name starts with '::', which CI runners read as a command in a log; rename it", shown)
    if printable(shown) != shown:
        problem = "is not UTF-8" if any(0xDC80 <= ord(c) <= 0xDCFF for c in shown) else "has control characters"
        raise SzcheckError(f"file name {problem}; rename it", shown)


def shown_path(path: Path, root: Path) -> str:
    """display_path(path, root).as_posix(), for a path under the root by string operations alone:
    building Path objects for every source and claims file was a tenth of loading a large project."""
    full, top = os.path.abspath(path), os.path.abspath(root)
    if os.sep == "/" and full.startswith(top + "/") and top != "/":
        return full[len(top) + 1:]
    return display_path(path, root).as_posix()


def read_one_source(path: Path, root: Path, resolve_folder, encodings: dict[str, str]) -> Source:
    printable_name(path, root)
    # where the file really is: its folder's real path (looked up once per folder) and its own
    # name, unless the file itself is a link
    resolved = path.resolve() if path.is_symlink() else resolve_folder(path.parent) / path.name
    if not resolved.is_relative_to(root):
        raise SzcheckError("source is outside the project (a link pointing elsewhere?); refusing to read it", path)
    encoding = encoding_for(display_path(path, root).as_posix(), encodings) if encodings else None
    return read_source(path, root, encoding)


def encoding_for(relative_path: str, encodings: dict[str, str]) -> str | None:
    """The encoding the configuration names for a source (`encodings: {"sources/legacy/*.txt": cp1252}`)."""
    from fnmatch import fnmatchcase

    return next((encoding for pattern, encoding in encodings.items() if fnmatchcase(relative_path, pattern)), None)


@dataclass
class ExtractOutcome:
    source: Source
    claims_file: Path
    merge: MergeCounts | None  # None when the source was skipped as unchanged
    written: bool


def extract_source(source: Source) -> list[Claim]:
    from .extract import extract_claims

    return extract_claims(source)


def is_current(target: Path, source: Source) -> bool:
    """The claims file was written by this szcheck from exactly this source text (read from the
    file's first lines, without loading its claims)."""
    from . import __version__

    try:
        head = file_head(target)
    except (OSError, UnicodeDecodeError):
        return False
    return all(re.search(f"^{re.escape(line)}[ \t]*(?:#.*)?$", head, re.M)  # an end-of-line comment is a person's
               for line in (f"source_sha256: {source.sha256}", f"extracted_with: szcheck {__version__}"))


HEAD_LIMIT = 64 * 1024


def file_head(path: Path, errors: str = "strict") -> str:
    """A claims file's lines up to its `claims:` key (the top-level keys szcheck writes first, below
    the comments a person may have written at the head), at most HEAD_LIMIT characters."""
    lines, size = [], 0
    with path.open(encoding="utf-8", errors=errors) as stream:
        while size < HEAD_LIMIT:
            line = stream.readline(HEAD_LIMIT - size)
            if not line or line.startswith("claims:"):
                break
            lines.append(line)
            size += len(line)
    return "".join(lines)


@dataclass(frozen=True)
class SourceTask:
    """One source's work, as sent to a worker: its text is all it carries."""

    source: Source
    target: Path
    dry_run: bool
    prune: bool


@dataclass(frozen=True)
class SourceResult:
    """What a worker sends back for a source: counts and errors, never claims."""

    merge: MergeCounts | None  # None when its claims file could not be read
    written: bool
    errors: list[SzcheckError]


def extract_one(task: SourceTask) -> SourceResult:
    """A source's whole pipeline: extract, merge into its claims file, write it, fill the parse cache."""
    errors: list[SzcheckError] = []
    outcome = merge_into(task.target, task.source, extract_source(task.source), task.dry_run, task.prune, errors)
    return SourceResult(None if outcome is None else outcome.merge, outcome is not None and outcome.written, errors)


PER_CHUNK = 8  # sources sent to a worker at a time: few enough that the workers finish together


@contextmanager
def source_results(tasks: list[SourceTask], jobs: int) -> Iterator[Iterator[SourceResult]]:
    """Each task's result, in the tasks' order, as it is done: in this process, or in a pool of
    worker processes when there is more than one job to do. Leaving early cancels what has not started."""
    if jobs <= 1 or len(tasks) < 2:
        yield map(extract_one, tasks)
        return
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=worker_context(),
                               initializer=die_with_parent, initargs=(os.getpid(),))
    try:
        yield pool.map(extract_one, tasks, chunksize=PER_CHUNK)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def worker_context():
    """Forked workers where the system has fork: they inherit the settings load_settings made in this
    process (extra registry, rates, default currency, parse cache folder), which a spawned one would not."""
    import multiprocessing
    import sys

    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return None


def die_with_parent(parent: int) -> None:
    """A worker of the extraction pool ends when its parent does, even killed with -9 (which runs no
    clean-up): orphaned workers would go on holding the extraction lock. Linux only; elsewhere the
    pool's own shutdown is all there is."""
    import ctypes
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the call above
        os._exit(1)


@contextmanager
def cycle_collection_paused():
    """Pause Python's cycle collector for a batch of work: claims and sources hold no reference
    cycles, and with 100k claims alive its repeated scans of every object took a third of verify."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def extract_paths(paths: list[Path], claims_dir: Path, root: Path, *, dry_run: bool = False, force: bool = False,
                  jobs: int = 1, on_source: Callable[[Source], None] = lambda source: None,
                  encodings: dict[str, str] | None = None, prune: bool = False,
                  errors: list[SzcheckError] | None = None, sources_dir: Path | None = None,
                  on_wait: Callable[[], None] = lambda: None) -> list[ExtractOutcome]:
    """Read each source, merge its claims into its claims file (claims/ mirrors sources/), and say
    what changed. A source whose claims file was written from the same text by the same szcheck is
    skipped, unless `prune` asks to remove its stale claims. With an `errors` list, a source or claims
    file that cannot be read is recorded there, its claims file left as it is, and the others go on."""
    with cycle_collection_paused(), extraction_lock(claims_dir, root, dry_run, on_wait):
        if not dry_run:
            remove_leftover_temporary_files(claims_dir)
        sources = read_sources(paths, root, encodings, errors)
        sources_rel = sources_relative(sources_dir if sources_dir is not None else root / "sources", root)
        return extract_and_merge(sources, claims_dir, dry_run, force or prune, jobs, on_source, prune, errors, root, sources_rel)


LOCK_FOLDER = ".szcheck_cache"


@contextmanager
def extraction_lock(claims_dir: Path, root: Path, dry_run: bool, on_wait: Callable[[], None] = lambda: None):
    """One `extract` at a time per claims folder: a second waits for the first, so that neither
    merges into a file the other is rewriting. The lock is the operating system's (flock), so a run
    killed with -9 leaves nothing locked. Where locks cannot be taken (a read-only project, no flock),
    extraction goes on without one."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        fcntl = None
    if dry_run or fcntl is None:
        yield
        return
    import hashlib

    name = hashlib.sha256(os.fsencode(os.path.abspath(claims_dir))).hexdigest()[:16]
    try:
        (root / LOCK_FOLDER).mkdir(exist_ok=True)
        handle = open(root / LOCK_FOLDER / f"extract-{name}.lock", "a+b")  # noqa: SIM115 - held for the whole run
    except OSError:
        yield
        return
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait()
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


TEMPORARY = re.compile(r"\..+\.yaml\.[a-z0-9_]{8}")  # what write_atomically's mkstemp names


def remove_leftover_temporary_files(claims_dir: Path) -> None:
    """The temporary files of a run that was killed before its rename (the lock says none is running)."""
    if not claims_dir.is_dir():
        return
    for folder, _, names in os.walk(claims_dir):
        for name in names:
            if TEMPORARY.fullmatch(name):
                try:
                    os.unlink(os.path.join(folder, name))
                except OSError:
                    pass


def extract_and_merge(sources: list[Source], claims_dir: Path, dry_run: bool, force: bool, jobs: int,
                      on_source: Callable[[Source], None], prune: bool = False,
                      errors: list[SzcheckError] | None = None, root: Path | None = None,
                      sources_rel: PurePosixPath | None = None) -> list[ExtractOutcome]:
    existing, conflicts = declared_sources(claims_dir)
    targets = claims_paths(sources, claims_dir, sources_rel, existing)
    refused = {}
    for source in sources:
        key = source.path.as_posix()
        if key in conflicts or root is not None and refused_target(targets[key], root):
            refused[key] = conflicts.get(key) or SzcheckError("claims file is a link to a file outside the project; refusing to write it",
                                                             targets[key])
    strict, errors = errors is None, errors if errors is not None else []
    errors.extend(refused.values())
    sources = [source for source in sources if source.path.as_posix() not in refused]
    todo = [SourceTask(s, targets[s.path.as_posix()], dry_run, prune) for s in sources
            if force or not is_current(targets[s.path.as_posix()], s)]
    todo_ids = {id(task.source) for task in todo}
    outcomes = []
    with source_results(todo, jobs) as results:
        for source in sources:
            target = targets[source.path.as_posix()]
            if id(source) in todo_ids:
                result = next(results)
                errors.extend(result.errors)
                if result.merge is not None:
                    outcomes.append(ExtractOutcome(source, target, result.merge, result.written))
            else:
                outcomes.append(ExtractOutcome(source, target, None, written=False))
            on_source(source)
            if strict and errors:
                raise errors[0]
    if strict and errors:
        raise errors[0]
    return outcomes


def refused_target(target: Path, root: Path) -> bool:
    return target.is_symlink() and root.resolve() not in target.resolve().parents


def merge_into(target: Path, source: Source, extracted: list[Claim], dry_run: bool, prune: bool,
               errors: list[SzcheckError]) -> ExtractOutcome | None:
    """Merge a source's new reading into its claims file; None when that file cannot be read (it is
    a person's file: left untouched, and the error recorded)."""
    try:
        previous = load_claims_file(target) if target.exists() else None
        old_text = target.read_text(encoding="utf-8") if previous is not None else None
    except SzcheckError as error:
        errors.append(error)
        return None
    comments = read_comments(old_text, HEADER) if old_text is not None else None
    claim_notes = {previous.claims[place].id: notes for place, notes in comments.claims.items() if notes} if comments else {}
    merge = merge_claims(previous.claims if previous else [], extracted, source.body, prune, frozenset(claim_notes))
    data = claims_file_data(source.path.as_posix(), source.sha256, merge.claims,
                            previous.extras if previous else None, previous.claim_extras if previous else None)
    text = render_data(data, comments, claim_notes)
    unchanged = old_text == text
    if not dry_run and not unchanged:
        write_atomically(target, text)
    if not dry_run:
        remember_parse(text, data)
    return ExtractOutcome(source, target, merge.counts(), written=not dry_run and not unchanged)


SOURCE_LINE = re.compile(r"^source:[ \t]*(.+?)[ \t]*$", re.M)


def declared_sources(claims_dir: Path) -> tuple[dict[str, Path], dict[str, SzcheckError]]:
    """The source each claims file names (read from its `source:` line, which szcheck writes at the
    top), and the sources that two claims files name: those are errors, not a silent choice."""
    found: dict[str, Path] = {}
    conflicts: dict[str, SzcheckError] = {}
    for path in claims_file_paths(claims_dir):
        source = declared_source(path) if printable(path.as_posix()) == path.as_posix() else None
        if source is None:
            continue
        if source in found:
            conflicts[source] = SzcheckError(two_files_message(source, found[source]), path, 1)
        else:
            found[source] = path
    return found, conflicts


def two_files_message(source: str, first: Path) -> str:
    return f"names the same source ({source}) as {first.as_posix()}: a source has one claims file; merge them and delete one"


def declared_source(path: Path) -> str | None:
    import yaml

    try:
        if not path.is_file():
            return None
        match = SOURCE_LINE.search(file_head(path, errors="replace"))
        value = yaml.safe_load(match[1]) if match else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    return value if isinstance(value, str) else None


@dataclass
class Project:
    sources: list[Source]
    claims: list[Claim]
    findings: list[Finding] = field(default_factory=list)  # about the inputs themselves
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[SzcheckError] = field(default_factory=list)  # files that could not be read (the others were)


def load_project(sources_dir: Path, claims_dir: Path, root: Path, encodings: dict[str, str] | None = None) -> Project:
    """Sources and their claims; a source without a claims file is extracted in memory. A source or
    claims file that cannot be read is recorded in `errors` and left out; the rest is loaded."""
    from .checks.provenance import check_outdated
    from .extract import extract_claims

    if not sources_dir.is_dir():
        raise SzcheckError("sources folder not found (use --sources DIR)" if not sources_dir.exists() else "is a file, not a folder", sources_dir)
    project = Project(sources=[], claims=[])
    project.sources = read_sources([sources_dir], root, encodings, project.errors)
    if not project.sources and not project.errors:
        raise SzcheckError(no_sources_message(sources_dir), sources_dir)
    project.notes += [f"{printable(display_path(path, root).as_posix())}: skipped: szcheck reads {', '.join(SOURCE_SUFFIXES)} files"
                      for path in unread_files(sources_dir)]
    claims_files, broken, left_out = read_claims_files(claims_dir, {s.path.as_posix() for s in project.sources}, project, root)
    targets = claims_paths(project.sources, claims_dir, sources_relative(sources_dir, root),
                           {source: claims_file.path for source, claims_file in claims_files.items()})
    for source in project.sources:
        key = source.path.as_posix()
        claims_file = claims_files.get(key)
        if claims_file:
            project.claims.extend(claims_file.claims)
            project.findings.extend(check_outdated(source, display_path(claims_file.path, root).as_posix(), claims_file.source_sha256))
        elif key not in left_out and targets[key] not in broken:
            project.claims.extend(extract_claims(source))
            project.notes.append(f"{key}: no claims file, extracted in memory (run `szcheck extract` to review them)")
    return project


def no_sources_message(sources_dir: Path) -> str:
    unread = unread_files(sources_dir)
    skipped = f"; skipped {len(unread)} other file(s) such as {unread[0].name}" if unread else ""
    return f"no sources found: szcheck looked for {', '.join(SOURCE_SUFFIXES)} files in this folder and below{skipped}"


def read_claims_files(claims_dir: Path, known: set[str], project: Project, root: Path | None = None) -> tuple[dict, set[Path], set[str]]:
    """Claims files by the source they cover; the claims files that could not be read; and the
    sources left out because two claims files name them."""
    claims_files, broken, left_out, first = {}, set(), set(), {}
    shared: dict[str, str] = {}  # each recurring text of the claims kept once
    for path in claims_file_paths(claims_dir):
        try:
            claims_file = checked_claims_file(path, root, known.__contains__, first, project.warnings.append, shared)
        except SzcheckError as error:
            if isinstance(error, SecondClaimsFile):
                left_out.add(error.source)
            project.errors.append(error)
            broken.add(path)
            continue
        first[claims_file.source] = path
        claims_files[claims_file.source] = claims_file
    for source in left_out:
        claims_files.pop(source, None)
    return claims_files, broken, left_out


class SecondClaimsFile(SzcheckError):
    """A claims file naming a source that an earlier claims file names: neither file's claims count."""

    def __init__(self, source: str, first: Path, path: Path):
        super().__init__(two_files_message(source, first), path, 1)
        self.source = source


def checked_claims_file(path: Path, root: Path | None, known, first: dict[str, Path], warn, shared: dict):
    """A claims file read and validated: a printable name inside the project, units its metrics take,
    a source that `known(source)` accepts and that no claims file in `first` names already.
    Raises the SzcheckError (file and line named) that makes it a broken claims file."""
    if root is not None:
        printable_name(path, root)
        inside_project(path, root)
    claims_file = load_claims_file(path, warn=warn, shared=shared)
    check_units(claims_file)
    if not known(claims_file.source):
        where = "outside the project" if ".." in Path(claims_file.source).parts or Path(claims_file.source).is_absolute() else "not found"
        raise SzcheckError(f"source {claims_file.source!r} is {where} among the sources", path, 2)
    if claims_file.source in first:
        raise SecondClaimsFile(claims_file.source, first[claims_file.source], path)
    return claims_file


UNIT_KINDS = {"money": lambda unit: len(unit) == 3 and unit.isupper(), "percent": lambda unit: unit == "percent",
              "count": lambda unit: unit == "count", "rate": lambda unit: unit == "count"}


def check_units(claims_file) -> None:
    """A claim's figure must be in a unit its registry metric takes: R&D spending is money, not a count."""
    from .registry import load_registry

    metrics = load_registry().metrics
    for claim in claims_file.claims:
        metric = metrics.get(claim.metric)
        if metric is None or claim.quantity is None or claim.kind == "description":
            continue
        if not UNIT_KINDS.get(metric.unit, lambda unit: unit == metric.unit)(claim.quantity.unit):  # else a reference unit: kilogram
            raise SzcheckError(
                f"value {claim.value!r} reads as {claim.quantity.unit}, but metric {claim.metric!r} takes {metric.unit} "
                "(an unknown unit or currency?)",
                claims_file.path,
                claim.claims_line,
            )


def verify(sources_dir: Path, claims_dir: Path, root: Path, encodings: dict[str, str] | None = None,
           spill: bool | None = None) -> Report:
    """Compare every claim with every other about the same thing, and report what disagrees. With
    `spill`, the claims are grouped on disk by DuckDB (`spill.verify_spilled`: the same report);
    by default only when the claims files hold more than spill.SPILL_CLAIMS claims and DuckDB is
    installed."""
    import heapq

    from .checks import finding_order, run_checks
    from . import spill as spilling

    automatic = spill is None and spilling.should_spill(claims_dir)
    if spill or automatic:
        try:
            return spilling.verify_spilled(sources_dir, claims_dir, root, encodings)
        except spilling.SpillUnavailable as error:
            if not automatic:
                raise
            note = f"{error.message}; verified in memory"
    else:
        note = None
    with cycle_collection_paused():
        project = load_project(sources_dir, claims_dir, root, encodings)
        checked = run_checks(project.sources, project.claims)  # in finding order already
        findings = list(heapq.merge(checked, sorted(project.findings, key=finding_order), key=finding_order))
    notes = project.notes + project.warnings + ([note] if note else [])
    return Report(project.sources, project.claims, findings, notes=notes, errors=project.errors)


def source_paths(paths: list[Path], root: Path) -> set[str]:
    """The sources named, or found in the folders named, by their path from the project root."""
    return {display_path(path, root).as_posix() for path in find_sources(paths)}


def findings_about(findings: list[Finding], sources: set[str]) -> list[Finding]:
    """The findings that involve at least one of these sources: every source still fed the comparison."""
    return derived(findings, lambda found: (f for f in found if any(c.source in sources for c in f.claims)))
