"""Reading a source's layout (front matter, sentences, run-in lists) takes time linear in its size on
hostile text. Each case is 200 kB and has a budget a hundred times what linear reading takes; the
quadratic patterns these replace took hours. (How the reader's figure patterns scale is measured by
benchmarks/hostile_linearity.py.)"""

from __future__ import annotations

import time

import pytest

from szcheck.sources import list_items, simple_front_matter, split_sentences

SIZE = 200_000
BUDGET = 2.0  # seconds


@pytest.mark.parametrize(
    ("function", "text"),
    [
        (split_sentences, "." * SIZE),
        (split_sentences, "!" * SIZE + "a"),
        (split_sentences, "。" * SIZE),
        (split_sentences, ("x. " + " " * 50) * (SIZE // 53)),
        (list_items, "a" + " " * SIZE + "b"),
        (list_items, ("a" + " " * 99 + "-") * (SIZE // 101)),
        (simple_front_matter, "title: x" + " " * SIZE + "y"),
    ],
    ids=["dots", "exclamations", "chinese-full-stops", "spaced-ends", "spaces", "spaces-and-dashes", "front-matter-spaces"],
)
def test_layout_reading_is_linear_on_hostile_text(function, text):
    start = time.perf_counter()
    function(text)
    assert time.perf_counter() - start < BUDGET
