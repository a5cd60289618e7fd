"""User-facing errors: one exception family, turned into exit code 2 by the CLI only."""

from __future__ import annotations

import re

# control characters but tabs (newlines, terminal escape sequences), line separators, the bidirectional
# controls that reorder what a reader sees, and the surrogates that stand for bytes that were not UTF-8
UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` with control characters escaped, so that it prints as one line and as itself: a newline
    in a file name must not start a line of output (CI runners read a line starting with '::' as a
    command), an escape sequence in an article must not reach the terminal; the bytes of a file name
    that is not UTF-8 are shown as \\xNN."""
    return UNSAFE.sub(lambda match: escaped(match[0]), text) if UNSAFE.search(text) else text


def escaped(character: str) -> str:
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as the file system gave it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class SzcheckError(Exception):
    """A problem with the user's input, reported as one line naming the file and line."""

    def __init__(self, message: str, path: object = None, line: int | None = None):
        super().__init__(message)
        self.message = printable(message)
        self.path = path if path is None or not UNSAFE.search(str(path)) else printable(str(path))
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"
