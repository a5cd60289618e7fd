"""`python -m szcheck`: the same as the `szcheck` command."""

from .entry import run

run()
