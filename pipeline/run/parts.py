"""Crash-safe, resumable output: committed part files, merged into ``OUT.jsonl`` at the end.

While a run is going, ``OUT.jsonl.parts/`` holds one file per finished batch. A part is written
to a temporary name, fsynced, and renamed into place (atomic on POSIX), so after a crash or a
``kill -9`` every part there is complete and none is half-written. Each line is tagged::

    R <TAB> "<id as JSON>" <TAB> <record JSON>       a record
    E <TAB> "<id as JSON>" <TAB> <error JSON>        an error line
    # <TAB> {"ids": [...], "words": N}               last line: the ids the batch covered

The ids of the committed parts are what ``--resume`` skips. When every batch is done, the parts
are merged by id (records) and by (id, line) (errors) into ``OUT.jsonl`` and
``OUT.errors.jsonl`` (each written to a temporary file, fsynced, renamed), then the folder is
removed. Parts hold contiguous runs of the sorted input, so they chain one after the other and
the merge keeps at most a few files open; the result does not depend on how many processes or
machines made the parts, nor in which order they finished.
"""

from __future__ import annotations

import heapq
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.io import errors_path

MANIFEST = "run.json"


class ResumeError(ValueError):
    """A ``--resume`` that cannot continue the interrupted run (different settings)."""


@dataclass(frozen=True)
class Part:
    """One committed batch: ``(id, line)`` pairs for records and errors, and the ids it covers."""

    seq: int
    ids: tuple[str, ...]
    records: tuple[tuple[str, str], ...] = ()
    errors: tuple[tuple[str, str], ...] = ()
    words: int = 0


@dataclass
class _Indexed:
    path: Path
    first: str
    last: str


@dataclass
class PartStore:
    """The part folder of one output file."""

    out: Path
    run: int = 0
    manifest: dict[str, Any] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        return self.out.with_name(self.out.name + ".parts")

    # -- starting -------------------------------------------------------------------------
    def start(self, settings: dict[str, Any], *, resume: bool) -> set[str]:
        """Prepare the folder and return the ids already done (empty unless ``resume``).

        A fresh run discards any earlier parts. ``resume`` continues the parts of an
        interrupted run (refusing if ``settings`` differ), or, when the last run finished,
        takes ``OUT.jsonl`` and ``OUT.errors.jsonl`` as done and adds to them."""
        folder = self.folder
        if not resume and folder.exists():
            shutil.rmtree(folder)
        if resume and folder.exists() and (folder / MANIFEST).exists():
            old = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
            before = old.get("settings", {})
            changed = [
                f"{k}={before.get(k)!r}" for k in sorted(settings) if before.get(k) != settings[k]
            ]
            if changed:
                raise ResumeError(
                    f"{folder}: the interrupted run used {', '.join(changed)}; rerun with the "
                    "same settings, or without --resume to start again"
                )
            self.run = int(old.get("runs", 0)) + 1
        else:
            folder.mkdir(parents=True, exist_ok=True)
            if resume and self.out.exists():
                self._adopt_finished_output()
        self.manifest = {"settings": settings, "runs": self.run}
        _write_atomic(folder / MANIFEST, [json.dumps(self.manifest, sort_keys=True) + "\n"])
        return self.done_ids()

    def done_ids(self) -> set[str]:
        done: set[str] = set()
        for path in self._part_files():
            done.update(_trailer(path)["ids"])
        return done

    def _adopt_finished_output(self) -> None:
        """The output of a finished run (already sorted) becomes the first part of this one,
        streamed: only its ids are held in memory."""
        ids: set[str] = set()

        def lines() -> Iterator[str]:
            for tag, src in (("R", self.out), ("E", errors_path(self.out))):
                if not src.exists():
                    continue
                with src.open(encoding="utf-8") as f:
                    for line in f:
                        if line.strip():
                            doc_id = json.loads(line)["id"]
                            ids.add(doc_id)
                            key = json.dumps(doc_id, ensure_ascii=False)
                            yield f"{tag}\t{key}\t{line.rstrip(chr(10))}\n"
            yield "#\t" + json.dumps({"ids": sorted(ids), "words": 0}, ensure_ascii=False) + "\n"

        _write_atomic(self.folder / f"{0:09d}.r{self.run:03d}.part", lines())

    # -- committing -----------------------------------------------------------------------
    def commit(self, part: Part) -> None:
        """Write one part durably: temporary file, fsync, atomic rename."""
        lines = [
            f"R\t{json.dumps(i, ensure_ascii=False)}\t{line}\n" for i, line in sorted(part.records)
        ]
        lines += [
            f"E\t{json.dumps(i, ensure_ascii=False)}\t{line}\n" for i, line in sorted(part.errors)
        ]
        trailer = {"ids": sorted(set(part.ids)), "words": part.words}
        lines.append("#\t" + json.dumps(trailer, ensure_ascii=False) + "\n")
        name = f"{part.seq + 1:09d}.r{self.run:03d}.part"
        _write_atomic(self.folder / name, lines)

    # -- finishing ------------------------------------------------------------------------
    def finish(self) -> tuple[int, int]:
        """Merge every part into ``OUT.jsonl`` and ``OUT.errors.jsonl``; remove the folder.
        Returns the number of records and error lines written."""
        chains = _chains([_index(p) for p in self._part_files()])
        n_errors = _write_atomic(errors_path(self.out), _merged(chains, "E", unique_key=False))
        n_records = _write_atomic(self.out, _merged(chains, "R", unique_key=True))
        trash = self.folder.with_name(self.folder.name + ".old")
        if trash.exists():
            shutil.rmtree(trash)
        os.replace(self.folder, trash)  # gone in one step: a crash below leaves only litter
        shutil.rmtree(trash)
        return n_records, n_errors

    def _part_files(self) -> list[Path]:
        return sorted(self.folder.glob("*.part"))


def _write_atomic(path: Path, lines: Iterable[str]) -> int:
    tmp = path.with_name(path.name + ".tmp")
    n = 0
    try:
        with tmp.open("w", encoding="utf-8") as f:
            for line in lines:
                f.write(line)
                n += 1
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:  # Ctrl-C or a full disk mid-write: no half-written litter is left
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)
    return n


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _trailer(path: Path) -> dict[str, Any]:
    with path.open("rb") as f:
        f.seek(0, os.SEEK_END)
        size = f.tell()
        block = b""
        pos = size
        while pos > 0 and b"\n#\t" not in block and not block.startswith(b"#\t"):
            step = min(65536, pos)
            pos -= step
            f.seek(pos)
            block = f.read(step) + block
    start = 0 if block.startswith(b"#\t") else block.rindex(b"\n#\t") + 1
    data: dict[str, Any] = json.loads(block[start + 2 :])
    return data


def _index(path: Path) -> _Indexed:
    ids = _trailer(path)["ids"]
    return _Indexed(path, ids[0] if ids else "", ids[-1] if ids else "")


def _chains(parts: list[_Indexed]) -> list[list[_Indexed]]:
    """Group parts into chains of ascending, non-overlapping id ranges (greedy, by first id)."""
    chains: list[list[_Indexed]] = []
    for part in sorted(parts, key=lambda p: (p.first, p.last, p.path.name)):
        for chain in chains:
            if chain[-1].last < part.first:
                chain.append(part)
                break
        else:
            chains.append([part])
    return chains


def _lines(chain: list[_Indexed], tag: str) -> Iterator[tuple[str, str]]:
    prefix = tag + "\t"
    for part in chain:
        with part.path.open(encoding="utf-8") as f:
            for line in f:
                if line.startswith(prefix):
                    key, _, body = line[2:].partition("\t")
                    yield json.loads(key), body


def _merged(chains: list[list[_Indexed]], tag: str, *, unique_key: bool) -> Iterator[str]:
    """Lines of ``tag`` from every chain, sorted by (id, line); an id seen twice (a record) or a
    line seen twice (an error) is written once."""
    previous: tuple[str, str] | None = None
    for key, body in heapq.merge(*(_lines(c, tag) for c in chains)):
        if previous is not None and (key == previous[0] if unique_key else (key, body) == previous):
            continue
        previous = (key, body)
        yield body
