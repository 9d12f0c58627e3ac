"""Disk spools: rows written as they come, read back sorted with bounded memory.

An :class:`ExternalSort` keeps at most ``chunk`` rows or ``budget`` characters of payload in
memory; each full chunk is sorted and written to a run file, and :meth:`ExternalSort.sorted` merges the runs (``heapq.merge``). Rows
are ``(key, payload)`` with a JSON-able key (lists of ints and strings) and a string payload.
"""

from __future__ import annotations

import heapq
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CHUNK = 20_000
BUDGET = 4 << 20  # characters of payload held before a run is written


def _encode(key: Any) -> Any:
    return [list(k) if isinstance(k, tuple) else k for k in key]


class ExternalSort:
    def __init__(self, folder: Path, name: str, chunk: int = CHUNK, budget: int = BUDGET) -> None:
        self.folder = folder
        self.name = name
        self.chunk = chunk
        self.budget = budget
        self.rows: list[tuple[Any, str]] = []
        self.runs: list[Path] = []
        self.count = 0
        self.held = 0

    def add(self, key: tuple[Any, ...], payload: str) -> None:
        self.rows.append((_encode(key), payload))
        self.count += 1
        self.held += len(payload)
        if len(self.rows) >= self.chunk or self.held >= self.budget:
            self._flush()

    def _flush(self) -> None:
        if not self.rows:
            return
        self.rows.sort(key=lambda r: r[0])
        fd, name = tempfile.mkstemp(prefix=f"{self.name}-", suffix=".run", dir=self.folder)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            for key, payload in self.rows:
                f.write(json.dumps(key, separators=(",", ":")) + "\t" + payload + "\n")
        self.runs.append(Path(name))
        self.rows = []
        self.held = 0

    @staticmethod
    def _read(path: Path) -> Iterator[tuple[Any, str]]:
        with path.open(encoding="utf-8") as f:
            for line in f:
                key, _, payload = line.rstrip("\n").partition("\t")
                yield json.loads(key), payload

    def sorted(self) -> Iterator[tuple[Any, str]]:
        """Every row, by key (rows with equal keys in the order they were added)."""
        if not self.runs:
            self.rows.sort(key=lambda r: r[0])
            yield from self.rows
            return
        self._flush()
        yield from heapq.merge(*(self._read(p) for p in self.runs), key=lambda r: r[0])

    def close(self) -> None:
        for p in self.runs:
            p.unlink(missing_ok=True)
        self.runs, self.rows = [], []
