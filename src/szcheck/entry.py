"""The `szcheck` entry point. `szcheck parse` written in its plain forms runs without typer (importing
typer and building its commands was a fifth of the start-up of `szcheck parse "…"`); every other
command line, and any form this module does not know (help, a misspelt option or choice, `--`),
goes to typer in szcheck.cli, which gives its own messages."""

from __future__ import annotations

import sys
from datetime import date

PARSE_OPTIONS = {"--published": "published", "--currency": "currency", "--format": "output_format", "-f": "output_format"}
PARSE_FORMATS = ("rich", "json")


def run() -> None:
    request = plain_parse_request(sys.argv[1:])
    if request is None or not writes_utf8(sys.stdout):
        from .cli import run as run_with_typer

        run_with_typer()
        return
    code = run_plain_parse(request)
    exit_at_once(code)
    raise SystemExit(code)


def plain_parse_request(args: list[str]) -> dict | None:
    """The arguments of `szcheck parse` as typer would take them, or None for anything but the
    plain forms: TEXT, --stdin, and --published/--currency/--format/-f with a value (`--opt=value`
    too; the last one given counts, as with typer)."""
    if not args or args[0] != "parse":
        return None
    request: dict = {"text": None, "published": None, "currency": None, "output_format": "rich", "stdin": False}
    rest = iter(args[1:])
    for arg in rest:
        name, equals, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if arg == "--stdin":
            request["stdin"] = True
        elif name in PARSE_OPTIONS and (equals or name == arg):
            value = value if equals else next(rest, None)
            if value is None:
                return None
            request[PARSE_OPTIONS[name]] = value
        elif arg.startswith("-") or request["text"] is not None:
            return None  # an option typer knows (or not), or a second TEXT: typer's message
        else:
            request["text"] = arg
    return request if request["output_format"] in PARSE_FORMATS else None


def writes_utf8(stream) -> bool:
    """Typer rewraps a stream it finds misconfigured; a UTF-8 one it writes to as it is, as we do."""
    import codecs

    try:
        return codecs.lookup(stream.encoding).name == "utf-8"
    except (AttributeError, LookupError, TypeError):
        return False


def run_plain_parse(request: dict) -> int:
    """What click's main does around a command: a bad input is one line and exit 2, a closed pipe
    exit 1, Ctrl-C 'Aborted!', and a bug in szcheck one line (SZCHECK_DEBUG=1 for the traceback)."""
    import os

    from .errors import SzcheckError

    try:
        parse_command(**request, echo=print)
        sys.stdout.flush()
    except SzcheckError as error:
        print(f"szcheck: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - nothing more can be written to the pipe
        return 1
    except KeyboardInterrupt:
        print("\nAborted!", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - the last line of defence against a traceback
        if os.environ.get("SZCHECK_DEBUG"):
            raise
        print(f"szcheck: internal error: {type(error).__name__}: {error} (set SZCHECK_DEBUG=1 for details)", file=sys.stderr)
        return 2
    return 0


def parse_command(text: str | None, published: str | None, currency: str | None, output_format: str, stdin: bool, echo) -> None:
    """`szcheck parse`, given its arguments as text; a bad one raises SzcheckError."""
    import json

    from .errors import SzcheckError
    from .reader import read_figures
    from .render.parse import quantity_object, render_parse_table

    when = parse_date(published)
    if currency:
        from .config import checked_currency  # (which imports YAML: reading a sentence no longer needs it)

        try:
            currency = checked_currency(currency, None)
        except SzcheckError as error:
            raise SzcheckError(f"--currency: {error.message}") from None
    currency = currency or ""
    if stdin:
        for line in sys.stdin:
            figures = read_figures(line.rstrip("\n"), when, currency)
            echo(json.dumps([quantity_object(q) for q in figures], ensure_ascii=False))
        return
    if text is None:
        raise SzcheckError("give a TEXT to read, or --stdin")
    figures = read_figures(text, when, currency)
    if output_format == "json":
        echo(json.dumps([quantity_object(q) for q in figures], ensure_ascii=False, indent=2))
    else:
        render_parse_table(text, figures, console())


def parse_date(value: str | None, option: str = "--published") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        from .errors import SzcheckError

        raise SzcheckError(f"{option} {value!r} is not a date (YYYY-MM-DD)") from None


UNWRAPPED_WIDTH = 10_000  # off a terminal, lines are as long as their text: logs must not break them


def console(color: str = "auto"):
    """A rich console for standard output: on a terminal, its width; elsewhere, lines are not wrapped.
    NO_COLOR is honoured unless --color always."""
    from rich.console import Console

    terminal = sys.stdout.isatty()
    options: dict = {"soft_wrap": not terminal, "width": None if terminal else UNWRAPPED_WIDTH}
    if color == "always":
        options.update(force_terminal=True, no_color=False)
    elif color == "never":
        options.update(no_color=True, color_system=None)
    return Console(**options)


def exit_at_once(code: object) -> None:
    """End the process without tearing the interpreter down: freeing every object of the reader's
    vocabulary one by one was a tenth of `szcheck parse`. Only with an exit code, once the output is
    flushed (a closed pipe keeps Python's own handling), and when no exit handler is waiting."""
    import atexit
    import os

    if not (code is None or type(code) is int) or getattr(atexit, "_ncallbacks", lambda: 1)():
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code or 0)
