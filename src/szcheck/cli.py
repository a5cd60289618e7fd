"""Command line: wires the commands to api.py; the only module that prints or exits."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__, entry
from .entry import UNWRAPPED_WIDTH, console, exit_at_once
from .errors import SzcheckError
from .plain_params import use_plain_params

use_plain_params()

app = typer.Typer(
    help="Read the figures in a pile of news articles and report where the sources contradict each other.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help: rich's help renderer would double the start-up time of --help
    context_settings={"help_option_names": ["-h", "--help"]},
)


class ReportFormat(str, Enum):
    rich = "rich"
    concise = "concise"
    json = "json"
    markdown = "markdown"
    sarif = "sarif"
    junit = "junit"
    github = "github"


class ParseFormat(str, Enum):
    rich = "rich"
    json = "json"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    never = "never"


def run() -> None:
    """The `szcheck` entry point: a bug in szcheck is reported in one line (SZCHECK_DEBUG=1 for the traceback)."""
    import os

    try:
        app(prog_name="szcheck")
    except SystemExit as done:
        exit_at_once(done.code)
        raise
    except Exception as error:  # noqa: BLE001 - the last line of defence against a traceback
        if os.environ.get("SZCHECK_DEBUG"):
            raise
        typer.echo(f"szcheck: internal error: {type(error).__name__}: {error} (set SZCHECK_DEBUG=1 for details)", err=True)
        raise SystemExit(2) from None


def fail(error: SzcheckError | str) -> None:
    """Exit 2 with a one-line message: bad input or usage."""
    typer.echo(f"szcheck: error: {error}", err=True)
    raise typer.Exit(2)


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"szcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", "-V", callback=version_callback, is_eager=True, help="Show the version and exit."),
) -> None:
    """szcheck: a consistency checker for figures in news articles."""


def use_color(color: Color) -> bool:
    import os

    if color is Color.auto:
        return sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    return color is Color.always


def parse_date(value: Optional[str], option: str = "--published") -> Optional[date]:
    try:
        return entry.parse_date(value, option)
    except SzcheckError as error:
        fail(error)


@app.command()
def parse(
    text: Optional[str] = typer.Argument(None, help="A sentence to read. Omit with --stdin."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) to resolve 'last year', 'currently', ..."),
    currency: Optional[str] = typer.Option(None, help="The source's currency (ISO code): what '$', '¥', 'kr' or 'dollars' mean (default: USD, CNY, SEK, USD)."),
    output_format: ParseFormat = typer.Option(ParseFormat.rich, "--format", "-f", help="rich table or a JSON array."),
    stdin: bool = typer.Option(False, "--stdin", help="Read one text per line from standard input; print one JSON array per line."),
) -> None:
    """Show every figure szcheck reads in a sentence: value, interval, unit, qualifier, kind and period."""
    try:  # (the plain forms of this command line run without typer: see szcheck.entry)
        entry.parse_command(text, published, currency, output_format.value, stdin, echo=typer.echo)
    except SzcheckError as error:
        fail(error)


def near(path: Path) -> Path:
    """A path as short as the user would write it: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


CACHE_FOLDER = ".szcheck_cache/claims"


def load_settings(sources: Optional[Path], claims: Optional[Path], claims_must_exist: bool = True):
    """(root, config, sources folder, claims folder): flags override the project's configuration."""
    import os

    from .api import find_root
    from .claims import parse_cache
    from .config import Config, load_config
    from .money import use_default_currency, use_rates
    from .registry import use_extra_registry

    root = find_root()
    try:
        config = load_config(root, warn=lambda message: typer.echo(f"szcheck: warning: {message}", err=True))
    except SzcheckError as error:
        fail(error)
    use_extra_registry([root / path for path in config.registry])
    use_rates(root / config.rates if config.rates else None)
    use_default_currency(config.currency)
    if os.environ.get("SZCHECK_NO_CACHE"):
        parse_cache.use(None)
    else:
        parse_cache.use(root / CACHE_FOLDER)
    claims_dir = near(claims or root / config.claims)
    if claims_dir.exists() and not claims_dir.is_dir():
        fail(SzcheckError("is a file, not a folder (claims files are in a folder)", claims_dir))
    named = claims is not None or config.claims != Config.claims
    if claims_must_exist and named and not claims_dir.exists():
        # a misspelt claims folder would silently extract every source in memory, past every reviewed claim
        fail(SzcheckError("claims folder not found (--claims or the configuration names a folder that is not there)", claims_dir))
    return root, config, near(sources or root / config.sources), claims_dir


@app.command()
def extract(
    paths: Optional[List[Path]] = typer.Argument(None, help="Source files or folders (default: the project's sources/)."),
    claims_dir: Optional[Path] = typer.Option(None, "--claims", help="Folder of claims files (default: the project's claims/)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would change without writing."),
    force: bool = typer.Option(False, "--force", help="Re-extract sources whose claims file is up to date too."),
    prune: bool = typer.Option(False, "--prune", help="Also remove the claims kept as stale (their quote is no longer in the source), after review."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Processes to extract with [default: the number of cores]."),
) -> None:
    """Read the sources and write claims/<source-id>.yaml, keeping what a person reviewed or edited.

    A source whose claims file was written from the same text by the same szcheck version is skipped.
    """
    import os

    from .api import extract_paths
    from .sources import find_sources

    root, config, sources_dir, claims_dir = load_settings(None, claims_dir, claims_must_exist=False)
    targets = list(paths or [sources_dir])
    errors: list[SzcheckError] = []
    try:
        with extraction_progress(len(find_sources(targets))) as advance:
            outcomes = extract_paths(targets, claims_dir, root, dry_run=dry_run, force=force, jobs=jobs or os.cpu_count() or 1,
                                     on_source=lambda source: advance(), encodings=config.encodings, prune=prune, errors=errors,
                                     sources_dir=sources_dir,
                                     on_wait=lambda: typer.echo(f"waiting for another szcheck extract into {claims_dir.as_posix()}/ ...", err=True))
    except SzcheckError as error:
        fail(error)
    except OSError as error:
        fail(f"{error.filename}: cannot write: {error.strerror}")
    for outcome in outcomes:
        typer.echo(describe_outcome(outcome, dry_run))
    for error in errors:
        typer.echo(f"szcheck: error: {error}", err=True)
    if not outcomes and not errors:
        typer.echo("no sources found", err=True)
    raise typer.Exit(2 if errors else 0)


def describe_outcome(outcome, dry_run: bool) -> str:
    merge = outcome.merge
    if merge is None:
        return f"skipped {outcome.claims_file.as_posix()} (source unchanged; --force to re-extract)"
    verb = "would write" if dry_run and merge.changed else ("wrote" if outcome.written else "unchanged")
    counts = (f"{merge.claims} claims: {merge.added} added, {merge.updated} updated, "
              f"{merge.kept} kept as edited, {merge.stale} stale, {merge.removed} removed")
    return f"{verb} {outcome.claims_file.as_posix()} ({counts})"


PROGRESS_FROM = 20  # sources: fewer finish before a bar would be worth drawing


def extraction_progress(total: int):
    """A progress bar on standard error for long runs on a terminal; a no-op otherwise."""
    import contextlib

    if total < PROGRESS_FROM or not sys.stderr.isatty():
        return contextlib.nullcontext(lambda: None)
    from rich.progress import Progress

    @contextlib.contextmanager
    def bar():
        with Progress(transient=True, console=__import__("rich.console").console.Console(stderr=True)) as progress:
            task = progress.add_task("extracting", total=total)
            yield lambda: progress.advance(task)

    return bar()


def exit_code(report, fail_on: str) -> int:
    """2 when a file could not be read (the rest was still checked), else 1 for a finding that stands
    at or above `fail_on`."""
    from .rules import SEVERITY_RANK

    if report.errors:
        return 2
    if fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    standing = report.tally.findings.items()
    return 1 if any(SEVERITY_RANK[severity] >= threshold and not accepted and count for (_, _, severity, accepted), count in standing) else 0


def split_codes(values: Optional[List[str]]) -> list[str]:
    return [code.strip() for value in values or [] for code in value.split(",") if code.strip()]


def checked_selectors(codes: list[str], origin: str) -> list[str]:
    """Selectors that each name a rule or a family; an unknown one is a usage error, not an empty gate."""
    from .checks import all_rules
    from .rules import codes_matching, unknown_selector

    all_rules()
    for code in codes:
        if not codes_matching(code):
            fail(f"{origin}: {unknown_selector(code)}")
    return codes


def render_report(report, output_format: ReportFormat) -> str:
    from importlib import import_module

    module, function = {
        ReportFormat.json: ("json", "render_json"),
        ReportFormat.markdown: ("markdown", "render_markdown"),
        ReportFormat.sarif: ("sarif", "render_sarif"),
        ReportFormat.junit: ("junit", "render_junit"),
        ReportFormat.github: ("github", "render_github"),
    }[output_format]
    return getattr(import_module(f"szcheck.render.{module}"), function)(report)


def write_text(path: Path, text: str, append: bool = False) -> None:
    try:
        with path.open("a" if append else "w", encoding="utf-8") as stream:
            stream.write(text)
    except OSError as error:
        fail(f"{path}: cannot write: {error.strerror}")


TEXT_FORMATS = (ReportFormat.rich, ReportFormat.concise)


@app.command()
def verify(
    paths: Optional[List[Path]] = typer.Argument(None, help="Check only these sources (files or folders); the groups they feed still see the rest of the corpus."),
    sources_dir: Optional[Path] = typer.Option(None, "--sources", help="Folder of sources (default: the project's sources/)."),
    claims_dir: Optional[Path] = typer.Option(None, "--claims", help="Folder of claims files (default: the project's claims/)."),
    output_format: Optional[ReportFormat] = typer.Option(None, "--format", "-f", show_default=False,
        help="rich (boxes), concise (one line per finding), json, markdown, sarif, junit or github (annotations) "
             "[default: rich on a terminal, else concise]."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to this file instead of standard output."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="Exit 1 when a finding at or above this severity is found [default: error]."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when findings stand (2 still means bad input)."),
    select: Optional[List[str]] = typer.Option(None, "--select", help="Only these rules: codes or families (SZ101, SZ1), comma-separated or repeated."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Leave out these rules: codes or families."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Accept the findings listed in this file: they show, marked, but do not fail the run."),
    write_baseline_to: Optional[Path] = typer.Option(None, "--write-baseline", help="Write every current error and warning to this baseline file, and exit 0."),
    reason: str = typer.Option("", "--reason", help="With --write-baseline: the reason recorded for newly accepted findings."),
    report_date: Optional[str] = typer.Option(None, "--date", help="Date printed in the markdown report (YYYY-MM-DD; default: today)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print the summary line only (rich and concise formats)."),
    statistics: bool = typer.Option(False, "--statistics", help="Print a count per rule and the summary line instead of the findings."),
    color: Color = typer.Option(Color.auto, "--color", help="Colour in rich and concise output: auto (a terminal without NO_COLOR), always or never."),
    spill: Optional[bool] = typer.Option(None, "--spill/--no-spill", show_default=False,
        help="Group the claims on disk with DuckDB (pip install \"szcheck[scale]\"), for more claims than memory holds "
             "[default: above about 2 million claims]."),
) -> None:
    """Compare every figure with every other about the same thing; exit 1 on contradictions.

    Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or input error.
    Settings come from [tool.szcheck] in pyproject.toml or szcheck.yaml; flags override them.
    """
    from .api import findings_about, source_paths, verify as run_verify
    from .baseline import apply_baseline, read_baseline, write_baseline
    from .rules import select_findings

    output_format = output_format or (ReportFormat.rich if sys.stdout.isatty() and output is None else ReportFormat.concise)
    if (quiet or statistics) and output_format not in TEXT_FORMATS:
        option = "--quiet" if quiet else "--statistics"
        fail(f"{option} applies to the rich and concise formats only; leave it out with --format {output_format.value}")
    generated = parse_date(report_date, "--date")
    root, config, sources_dir, claims_dir = load_settings(sources_dir, claims_dir)
    selected = checked_selectors(split_codes(select), "--select") or checked_selectors(config.select, f"{config.path}: select")
    ignored = checked_selectors(split_codes(ignore), "--ignore") or checked_selectors(config.ignore, f"{config.path}: ignore")
    if output is not None and output.is_dir():
        fail(SzcheckError("is a folder; --output expects a file", output))
    try:
        wanted = source_paths(paths, root) if paths else None
        if wanted and not sources_dir.is_dir():
            raise SzcheckError("sources folder not found (use --sources DIR)", sources_dir)
        if wanted and (outside := sorted(wanted - source_paths([sources_dir], root))):
            fail(f"{outside[0]}: not among the sources in {sources_dir.as_posix()}/ (PATHS name sources to report on)")
        report = run_verify(sources_dir, claims_dir, root, encodings=config.encodings, spill=spill)
        report.findings = select_findings(report.findings, selected, ignored)
        if write_baseline_to is not None:
            if report.errors:
                fail(f"{report.errors[0]}; no baseline written: it would leave out the findings of the files that cannot be read")
            previous = read_baseline(write_baseline_to) if write_baseline_to.exists() else {}
            try:
                count = write_baseline(write_baseline_to, report.findings, reason, previous)
            except OSError as error:
                fail(f"{error.filename}: cannot write: {error.strerror}")
            typer.echo(f"wrote {count} accepted findings to {write_baseline_to}")
            raise typer.Exit(0)
        baseline_path = baseline or (root / config.baseline if config.baseline else None)
        if baseline_path is not None:
            report.findings = apply_baseline(report.findings, read_baseline(baseline_path), near(baseline_path))
        if wanted is not None:
            report.findings = findings_about(report.findings, wanted)
    except SzcheckError as error:
        fail(error)
    report.generated = generated
    emit(report, output_format, output, quiet, statistics, color)
    for error in report.errors:
        typer.echo(f"szcheck: error: {error}", err=True)
    code = exit_code(report, (fail_on.value if fail_on else config.fail_on))
    raise typer.Exit(0 if exit_zero and code == 1 else code)


def emit(report, output_format: ReportFormat, output: Optional[Path], quiet: bool, statistics: bool, color: Color) -> None:
    """Print or write the report; on GitHub Actions, also append the markdown report to the step summary."""
    import os

    if statistics:
        from .rules import rule_statistics
        from .render.concise import render_statistics

        deliver(render_statistics(rule_statistics(report.findings), report), output)
    elif output_format is ReportFormat.rich:
        emit_rich(report, output, quiet, color)
    elif output_format is ReportFormat.concise:
        from .render.concise import render_concise

        deliver(render_concise(report, quiet, color=use_color(color) and output is None), output)
    elif output_format is ReportFormat.json:
        from .render.json import write_json

        stream_to(lambda stream: write_json(report, stream), output)
    elif output_format is ReportFormat.sarif:
        from .render.sarif import write_sarif

        stream_to(lambda stream: write_sarif(report, stream), output)
    else:
        deliver(render_report(report, output_format), output)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        from .render.markdown import render_markdown

        write_text(Path(summary), render_markdown(report), append=True)


def stream_to(write, output: Optional[Path]) -> None:
    """A report written piece by piece to standard output or to the --output file."""
    if output is None:
        write(sys.stdout)
        return
    try:
        with output.open("w", encoding="utf-8") as stream:
            write(stream)
    except OSError as error:
        fail(f"{output}: cannot write: {error.strerror}")


def deliver(text: str, output: Optional[Path]) -> None:
    if output:
        write_text(output, text)
    else:
        sys.stdout.write(text)


def emit_rich(report, output: Optional[Path], quiet: bool, color: Color) -> None:
    from .render.terminal import render_terminal

    if not output:
        render_terminal(report, console(color), quiet)
        return
    from rich.console import Console

    try:
        with output.open("w", encoding="utf-8") as stream:
            render_terminal(report, Console(file=stream, width=UNWRAPPED_WIDTH, soft_wrap=True, no_color=True), quiet)
    except OSError as error:
        fail(f"{output}: cannot write: {error.strerror}")


def project_claims(sources_dir: Optional[Path], claims_dir: Optional[Path]):
    from .api import load_project

    root, config, sources_dir, claims_dir = load_settings(sources_dir, claims_dir)
    try:
        project = load_project(sources_dir, claims_dir, root, config.encodings)
    except SzcheckError as error:
        fail(error)
    for error in project.errors:
        typer.echo(f"szcheck: error: {error}", err=True)
    return project.claims, bool(project.errors)


def matches(text: str, wanted: Optional[str]) -> bool:
    return wanted is None or wanted.lower() in text.lower()


@app.command("claims")
def list_claims(
    metric: Optional[str] = typer.Option(None, "--metric", help="Only metrics whose name contains this text."),
    entity: Optional[str] = typer.Option(None, "--entity", help="Only entities whose name contains this text."),
    source: Optional[str] = typer.Option(None, "--source", help="Only sources whose path contains this text."),
    output_format: ParseFormat = typer.Option(ParseFormat.rich, "--format", "-f", help="rich table or JSON."),
    sources_dir: Optional[Path] = typer.Option(None, "--sources", help="Folder of sources."),
    claims_dir: Optional[Path] = typer.Option(None, "--claims", help="Folder of claims files."),
) -> None:
    """Browse the claims szcheck read, with their normalized values."""
    from .checks.wording import metric_label

    every, broken = project_claims(sources_dir, claims_dir)
    claims = [
        c for c in every
        if (matches(c.metric, metric) or matches(metric_label(c.metric), metric)) and matches(c.entity, entity) and matches(c.source, source)
    ]
    if output_format is ParseFormat.json:
        from .render.json import claim_object

        typer.echo(json.dumps([claim_object(c) for c in claims], ensure_ascii=False, indent=2))
    else:
        from .render.tables import render_claims_table

        render_claims_table(claims, console())
    raise typer.Exit(2 if broken else 0)


@app.command()
def timeline(
    metric: str = typer.Argument(..., help="A metric name or label, e.g. rd_investment or 'R&D spending'."),
    entity: Optional[str] = typer.Option(None, "--entity", help="Only entities whose name contains this text."),
    sources_dir: Optional[Path] = typer.Option(None, "--sources", help="Folder of sources."),
    claims_dir: Optional[Path] = typer.Option(None, "--claims", help="Folder of claims files."),
) -> None:
    """The series of one metric across periods and sources, with a small chart."""
    import difflib

    from .checks.wording import metric_label
    from .registry import load_registry
    from .render.tables import render_timeline

    every, broken = project_claims(sources_dir, claims_dir)
    wanted = metric.lower()
    metrics = {c.metric for c in every} | set(load_registry().metrics)
    known = {name.lower() for m in metrics for name in (m, metric_label(m))}
    if wanted not in known:
        nearest = difflib.get_close_matches(wanted, sorted(known), n=1)
        fail(f"unknown metric {metric!r}" + (f" (did you mean {nearest[0]!r}?)" if nearest else "; `szcheck claims` lists the claims and their metrics"))
    claims = [
        c for c in every
        if c.quantity is not None and not c.is_description and c.role != "conversion" and matches(c.entity, entity)
        and wanted in (c.metric.lower(), metric_label(c.metric).lower())
    ]
    render_timeline(metric, claims, console())
    raise typer.Exit(2 if broken else 0)


@app.command()
def explain(code: Optional[str] = typer.Argument(None, help="A rule code (SZ101) or family (SZ1); omit to list all rules.")) -> None:
    """Show a rule's documentation, or list the rules (all, or a family's)."""
    from .checks import all_rules
    from .rules import codes_matching, unknown_selector

    rules = all_rules()
    if code is not None and code.upper() in rules:
        rule = rules[code.upper()]
        typer.echo(f"{rule.code} {rule.name} (default severity: {rule.severity})\n\n{rule.doc}")
        return
    listed = [rules[c] for c in sorted(codes_matching(code))] if code is not None else list(rules.values())
    if not listed:
        fail(unknown_selector(code))
    width = max(len(rule.name) for rule in listed)
    for rule in listed:
        typer.echo(f"{rule.code}  {rule.name:<{width}}  {rule.severity:<7}  {rule.summary}")
