"""Plain functions behind the commands: find the project, extract claims, verify them."""

from __future__ import annotations

import functools
import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .claims import MergeResult, claims_file_data, load_claims_file, merge_claims, remember_parse, render_data, write_atomically
from .config import CONFIG_FILES
from .errors import SzcheckError
from .model import Claim, Finding, Report, Source
from .sources import SOURCE_SUFFIXES, display_path, find_sources, read_source, unread_files

def find_root(start: Path | None = None) -> Path:
    """The nearest folder at or above `start` with a szcheck.yaml or pyproject.toml; else `start`."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if any((folder / marker).is_file() for marker in CONFIG_FILES):
            return folder
    return start


def claims_path(claims_dir: Path, source: Source) -> Path:
    return claims_dir / f"{source.id}.yaml"


def read_sources(paths: list[Path], root: Path, encodings: dict[str, str] | None = None,
                 errors: list[SzcheckError] | None = None) -> list[Source]:
    """The sources found under `paths`. With an `errors` list, a source that cannot be read is
    recorded there and the others are still read; without one, it stops the run."""
    sources = []
    resolve_folder = functools.lru_cache(maxsize=None)(Path.resolve)
    for path in find_sources(paths):
        try:
            sources.append(read_one_source(path, root, resolve_folder, encodings or {}))
        except SzcheckError as error:
            if errors is None:
                raise
            errors.append(error)
    return sources


def read_one_source(path: Path, root: Path, resolve_folder, encodings: dict[str, str]) -> Source:
    # where the file really is: its folder's real path (looked up once per folder) and its own
    # name, unless the file itself is a link
    resolved = path.resolve() if path.is_symlink() else resolve_folder(path.parent) / path.name
    if root not in (resolved, *resolved.parents):
        raise SzcheckError("source is outside the project (a link pointing elsewhere?); refusing to read it", path)
    return read_source(path, root, encoding_for(display_path(path, root).as_posix(), encodings))


def encoding_for(relative_path: str, encodings: dict[str, str]) -> str | None:
    """The encoding the configuration names for a source (`encodings: {"sources/legacy/*.txt": cp1252}`)."""
    from fnmatch import fnmatchcase

    return next((encoding for pattern, encoding in encodings.items() if fnmatchcase(relative_path, pattern)), None)


@dataclass
class ExtractOutcome:
    source: Source
    claims_file: Path
    merge: MergeResult | None  # None when the source was skipped as unchanged
    written: bool


def extract_source(source: Source) -> list[Claim]:
    from .extract import extract_claims

    return extract_claims(source)


def is_current(target: Path, source: Source) -> bool:
    """The claims file was written by this szcheck from exactly this source text (read from the
    file's first lines, without loading its claims)."""
    from . import __version__

    try:
        with target.open(encoding="utf-8") as stream:
            head = stream.read(2048)
    except (OSError, UnicodeDecodeError):
        return False
    return f"source_sha256: {source.sha256}\n" in head and f"extracted_with: szcheck {__version__}\n" in head


def extract_all(sources: list[Source], jobs: int) -> list[list[Claim]]:
    """Extraction of several sources, in a process pool when there is more than one job to do;
    the result is the same, in the same order, as one process would give."""
    if jobs <= 1 or len(sources) < 2:
        return [extract_source(source) for source in sources]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(jobs, len(sources))) as pool:
        return list(pool.map(extract_source, sources, chunksize=max(1, len(sources) // (jobs * 4))))


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
                  errors: list[SzcheckError] | None = None) -> list[ExtractOutcome]:
    """Read each source, merge its claims into claims/<source-id>.yaml, and say what changed.
    A source whose claims file was written from the same text by the same szcheck is skipped,
    unless `prune` asks to remove its stale claims. With an `errors` list, a source or claims file
    that cannot be read is recorded there, its claims file left as it is, and the others go on."""
    with cycle_collection_paused():
        sources = read_sources(paths, root, encodings, errors)
        return extract_and_merge(sources, claims_dir, dry_run, force or prune, jobs, on_source, prune, errors)


def extract_and_merge(sources: list[Source], claims_dir: Path, dry_run: bool, force: bool, jobs: int,
                      on_source: Callable[[Source], None], prune: bool = False,
                      errors: list[SzcheckError] | None = None) -> list[ExtractOutcome]:
    targets = {id(source): claims_path(claims_dir, source) for source in sources}
    todo = [s for s in sources if force or not is_current(targets[id(s)], s)]
    extracted = dict(zip(map(id, todo), extract_all(todo, jobs)))
    outcomes = []
    for source in sources:
        target = targets[id(source)]
        if id(source) not in extracted:
            outcomes.append(ExtractOutcome(source, target, None, written=False))
            on_source(source)
            continue
        try:
            existing = load_claims_file(target).claims if target.exists() else []
        except SzcheckError as error:
            if errors is None:
                raise
            errors.append(error)  # a person's file szcheck cannot read: left untouched
            on_source(source)
            continue
        merge = merge_claims(existing, extracted[id(source)], source.body, prune)
        data = claims_file_data(source.path.as_posix(), source.sha256, merge.claims)
        text = render_data(data)
        unchanged = target.exists() and target.read_text(encoding="utf-8") == text
        if not dry_run and not unchanged:
            write_atomically(target, text)
        if not dry_run:
            remember_parse(text, data)
        outcomes.append(ExtractOutcome(source, target, merge, written=not dry_run and not unchanged))
        on_source(source)
    return outcomes


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
    project.notes += [f"{display_path(path, root).as_posix()}: skipped: szcheck reads {', '.join(SOURCE_SUFFIXES)} files"
                      for path in unread_files(sources_dir)]
    claims_files, broken = read_claims_files(claims_dir, {s.path.as_posix() for s in project.sources}, project)
    for source in project.sources:
        claims_file = claims_files.get(source.path.as_posix())
        if claims_file:
            project.claims.extend(claims_file.claims)
            project.findings.extend(check_outdated(source, display_path(claims_file.path, root).as_posix(), claims_file.source_sha256))
        elif source.id not in broken:
            project.claims.extend(extract_claims(source))
            project.notes.append(f"{source.path.as_posix()}: no claims file, extracted in memory (run `szcheck extract` to review them)")
    return project


def no_sources_message(sources_dir: Path) -> str:
    unread = unread_files(sources_dir)
    skipped = f"; skipped {len(unread)} other file(s) such as {unread[0].name}" if unread else ""
    return f"no sources found: szcheck looked for {', '.join(SOURCE_SUFFIXES)} files in this folder and below{skipped}"


def read_claims_files(claims_dir: Path, known: set[str], project: Project) -> tuple[dict, set[str]]:
    """Claims files by the source they cover, and the names (source ids) of those that could not be read."""
    claims_files, broken = {}, set()
    for path in sorted(claims_dir.glob("*.yaml"), key=lambda path: path.name) if claims_dir.is_dir() else []:
        try:
            claims_file = load_claims_file(path, warn=project.warnings.append)
            check_units(claims_file)
            if claims_file.source not in known:
                where = "outside the project" if ".." in Path(claims_file.source).parts or Path(claims_file.source).is_absolute() else "not found"
                raise SzcheckError(f"source {claims_file.source!r} is {where} among the sources", path, 2)
        except SzcheckError as error:
            project.errors.append(error)
            broken.add(path.stem)
            continue
        claims_files[claims_file.source] = claims_file
    return claims_files, broken


UNIT_KINDS = {"money": lambda unit: unit not in ("percent", "percentage_point", "count"), "percent": lambda unit: unit == "percent",
              "count": lambda unit: unit == "count", "rate": lambda unit: unit == "count"}


def check_units(claims_file) -> None:
    """A claim's figure must be in a unit its registry metric takes: R&D spending is money, not a count."""
    from .registry import load_registry

    metrics = load_registry().metrics
    for claim in claims_file.claims:
        metric = metrics.get(claim.metric)
        if metric is None or claim.quantity is None or claim.kind == "description":
            continue
        if not UNIT_KINDS.get(metric.unit, lambda unit: True)(claim.quantity.unit):
            raise SzcheckError(
                f"value {claim.value!r} reads as {claim.quantity.unit}, but metric {claim.metric!r} takes {metric.unit} "
                "(an unknown unit or currency?)",
                claims_file.path,
                claim.claims_line,
            )


def verify(sources_dir: Path, claims_dir: Path, root: Path, encodings: dict[str, str] | None = None) -> Report:
    """Compare every claim with every other about the same thing, and report what disagrees."""
    from .checks import finding_order, run_checks

    with cycle_collection_paused():
        project = load_project(sources_dir, claims_dir, root, encodings)
        findings = sorted(run_checks(project.sources, project.claims) + project.findings, key=finding_order)
    return Report(project.sources, project.claims, findings, notes=project.notes + project.warnings, errors=project.errors)


def source_paths(paths: list[Path], root: Path) -> set[str]:
    """The sources named, or found in the folders named, by their path from the project root."""
    return {display_path(path, root).as_posix() for path in find_sources(paths)}


def findings_about(findings: list[Finding], sources: set[str]) -> list[Finding]:
    """The findings that involve at least one of these sources: every source still fed the comparison."""
    return [f for f in findings if any(c.source in sources for c in f.claims)]
