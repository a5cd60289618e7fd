"""Findings past memory (the spill path): sorted runs in a temporary file, merged in finding order on each pass."""

from __future__ import annotations

import heapq
import pickle
import tempfile
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .model import Finding, Tally

RUN = 10_000  # findings sorted in memory at a time
CHUNK = 500  # findings pickled together: claims and text they share are written once


class SpilledFindings:
    """A sequence of findings in `key` order that memory does not hold: each pass reads the file again,
    with one chunk per run in memory. Python's sort is stable and heapq.merge takes equal items from
    the earlier run first, so a pass gives what sorted() gives over the findings in the order added.
    The summary counts are tallied as findings are added, so a report's counts need no pass."""

    def __init__(self, key: Callable, folder: Path | None = None) -> None:
        self.key = key
        self.file = tempfile.TemporaryFile(prefix="szcheck-findings-", dir=folder)
        self.runs: list[list[tuple[int, int]]] = []  # per run, its chunks' (offset, size)
        self.pending: list[Finding] = []
        self.dropped: Callable[[Finding], bool] | None = None
        self.counted: Tally | None = Tally()  # None after a drop, until a pass counts again

    def add(self, findings: Iterable[Finding]) -> None:
        start = len(self.pending)
        self.pending.extend(findings)
        if self.counted is not None:
            for finding in self.pending[start:]:
                if self.dropped is None or not self.dropped(finding):
                    self.counted.add(finding)
        if len(self.pending) >= RUN:
            self.write_run()

    def drop(self, dropped: Callable[[Finding], bool]) -> None:
        """Leave out, from every pass, the findings `dropped` accepts (those added before and after)."""
        self.dropped = dropped
        self.counted = None

    def write_run(self) -> None:
        self.pending.sort(key=self.key)
        self.file.seek(0, 2)
        chunks = []
        for start in range(0, len(self.pending), CHUNK):
            data = pickle.dumps(self.pending[start:start + CHUNK], protocol=pickle.HIGHEST_PROTOCOL)
            chunks.append((self.file.tell(), len(data)))
            self.file.write(data)
        self.runs.append(chunks)
        self.pending = []

    def run_findings(self, chunks: list[tuple[int, int]]) -> Iterator[Finding]:
        for offset, size in chunks:
            self.file.seek(offset)  # other passes may have moved the file's position since
            yield from pickle.loads(self.file.read(size))

    def __iter__(self) -> Iterator[Finding]:
        if self.pending:
            self.write_run()
        merged = heapq.merge(*(self.run_findings(chunks) for chunks in self.runs), key=self.key)
        return merged if self.dropped is None else (f for f in merged if not self.dropped(f))

    def tally(self) -> Tally:
        if self.counted is None:
            self.counted = Tally.of(self)
        return self.counted

    def __len__(self) -> int:
        return self.tally().total

    def __bool__(self) -> bool:
        return self.tally().total > 0

    def close(self) -> None:
        self.file.close()
