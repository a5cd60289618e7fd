"""The path a report shows for a file, worked out by string operations on the verify path, is the one
display_path gives."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, strategies as st

from szcheck.api import shown_path
from szcheck.sources import display_path

PART = st.sampled_from(["sources", "claims", "a.txt", "b.yaml", "..", ".", "sub", "深圳.md", "x y"])


@given(st.lists(PART, min_size=1, max_size=6), st.booleans())
def test_shown_path_is_display_path(parts, absolute):
    root = Path.cwd() / "project"
    path = Path(*parts)
    if absolute:
        path = root / path
    assert shown_path(path, root) == display_path(path, root).as_posix()
