"""`python -m szcheck`: the same as the `szcheck` command."""

from .cli import app

app(prog_name="szcheck")
