"""`python -m szcheck`: the same as the `szcheck` command."""

from .cli import run

run()
