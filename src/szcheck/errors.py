"""User-facing errors: one exception family, turned into exit code 2 by the CLI only."""

from __future__ import annotations


class SzcheckError(Exception):
    """A problem with the user's input, reported as one line naming the file and line."""

    def __init__(self, message: str, path: object = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"
