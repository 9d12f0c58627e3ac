"""Crash-safe, resumable output: committed part files, merged into ``OUT.jsonl`` at the end.

While a run is going, ``OUT.jsonl.parts/`` holds one file per finished batch. A part is written
to a temporary name, fsynced, and renamed into place (atomic on POSIX), so after a crash or a
``kill -9`` every part there is complete and none is half-written. Each line is tagged::

    R <TAB> "<id as JSON>" <TAB> <record JSON>       a record
    E <TAB> "<id as JSON>" <TAB> <error JSON>        an error line
    # <TAB> {"ids": [...], "words": N, "records": R, "errors": E, "sha256": "..."}
                                                     last line: the ids the batch covered,
                                                     the counts and a checksum of the lines

The ids of the committed parts are what ``--resume`` skips. Every part is verified before it
is trusted, on resume and again before the merge (each line a JSON object with the id of its
key, an error line with a kind, the counts and the checksum those of the trailer, the trailer's
ids sorted and those of its lines): a damaged part (a truncated file, an edited line) is
set aside with a warning naming it and its documents are done again. When every batch is done, the parts
are merged by id (records) and by (id, line) (errors) into ``OUT.jsonl`` and
``OUT.errors.jsonl`` (each written to a temporary file, fsynced, renamed), then the folder is
removed. Parts hold contiguous runs of the sorted input, so they chain one after the other and
the merge keeps at most a few files open; the result does not depend on how many processes or
machines made the parts, nor in which order they finished.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import os
import shutil
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.ingest.files import Item
from pipeline.io import errors_path
from pipeline.run.resume import INPUTS, ResumeError, check_finished, check_inputs, input_lines

MANIFEST = "run.json"


class DamagedParts(Exception):
    """A part failed its check just before the merge (it was set aside): do its documents
    again (the ids not in :meth:`PartStore.done_ids`), then finish."""


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
    warnings: list[str] = field(default_factory=list)  # damaged parts set aside

    @property
    def folder(self) -> Path:
        return self.out.with_name(self.out.name + ".parts")

    # -- starting -------------------------------------------------------------------------
    def start(
        self, settings: dict[str, Any], *, resume: bool, items: Sequence[Item] = ()
    ) -> set[str]:
        """Prepare the folder and return the ids already done (empty unless ``resume``).

        A fresh run discards any earlier parts. ``resume`` continues the parts of an
        interrupted run (refusing if ``settings`` or the inputs ``items`` differ), or, when
        the last run finished, takes ``OUT.jsonl`` and ``OUT.errors.jsonl`` as done and adds
        to them (refusing if they came from other inputs or another pipeline)."""
        folder = self.folder
        if not resume and folder.exists():
            shutil.rmtree(folder)
        if resume and folder.exists() and (folder / MANIFEST).exists():
            old = self._read_manifest()
            before = old.get("settings", {})
            changed = [
                f"{k}={before.get(k)!r}" for k in sorted(settings) if before.get(k) != settings[k]
            ]
            if changed:
                raise ResumeError(
                    f"{folder}: the interrupted run used {', '.join(changed)}; rerun with the "
                    "same settings, or without --resume to start again"
                )
            check_inputs(folder, items)
            self.run = int(old.get("runs", 0)) + 1
        else:
            if folder.exists():  # parts without a manifest: nothing says what made them
                shutil.rmtree(folder)
            retry: set[str] = set()
            if resume and self.out.exists():
                retry = check_finished(self.out, items, settings.get("pipeline", {}))
            folder.mkdir(parents=True)
            _write_atomic(folder / INPUTS, input_lines(items))
            if resume and self.out.exists():
                self._adopt_finished_output(drop=retry)
        self.manifest = {"settings": settings, "runs": self.run}
        _write_atomic(folder / MANIFEST, [json.dumps(self.manifest, sort_keys=True) + "\n"])
        return self.done_ids()

    def _read_manifest(self) -> dict[str, Any]:
        path = self.folder / MANIFEST
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or not isinstance(data.get("settings"), dict):
                raise ValueError("not the manifest of a run")
            int(data.get("runs", 0))
        except (OSError, ValueError, TypeError) as e:
            raise ResumeError(
                f"{path} is damaged ({e}); the settings of the interrupted run are unknown: "
                "run without --resume to start again"
            ) from e
        return data

    def done_ids(self) -> set[str]:
        """Ids of the verified parts; a damaged part is set aside (a warning names it)."""
        done: set[str] = set()
        for path in self._part_files():
            trailer = self._verified(path)
            if trailer is not None:
                done.update(trailer["ids"])
        return done

    def _verified(self, path: Path) -> dict[str, Any] | None:
        problem, trailer = verify_part(path)
        if problem is None:
            return trailer
        self.warnings.append(f"{path} is damaged ({problem}); its documents are done again")
        path.replace(path.with_name(path.name + ".damaged"))
        return None

    def _adopt_finished_output(self, drop: set[str]) -> None:
        """The output of a finished run (already sorted) becomes the first part of this one,
        streamed: only its ids are held in memory. Error lines of the ids in ``drop`` are left
        out: those documents are done again."""
        ids: set[str] = set()

        def lines() -> Iterator[str]:
            for tag, src in (("R", self.out), ("E", errors_path(self.out))):
                if not src.exists():
                    continue
                with src.open(encoding="utf-8") as f:
                    for line in f:
                        if line.strip():
                            doc_id = json.loads(line)["id"]
                            if tag == "E" and doc_id in drop:
                                continue
                            ids.add(doc_id)
                            key = json.dumps(doc_id, ensure_ascii=False)
                            yield f"{tag}\t{key}\t{line.rstrip(chr(10))}\n"

        _write_atomic(self.folder / f"{0:09d}.r{self.run:03d}.part", _with_trailer(lines(), ids))

    # -- committing -----------------------------------------------------------------------
    def commit(self, part: Part) -> None:
        """Write one part durably: temporary file, fsync, atomic rename."""
        lines = [
            f"R\t{json.dumps(i, ensure_ascii=False)}\t{line}\n" for i, line in sorted(part.records)
        ]
        lines += [
            f"E\t{json.dumps(i, ensure_ascii=False)}\t{line}\n" for i, line in sorted(part.errors)
        ]
        name = f"{part.seq + 1:09d}.r{self.run:03d}.part"
        _write_atomic(self.folder / name, _with_trailer(lines, set(part.ids), part.words))

    # -- finishing ------------------------------------------------------------------------
    def finish(self, expected: Iterable[str] = ()) -> tuple[int, int]:
        """Merge every part into ``OUT.jsonl`` and ``OUT.errors.jsonl``; remove the folder.
        Returns the number of records and error lines written. Raises :class:`DamagedParts`
        when a part fails its check (it is set aside) or the parts miss an id of
        ``expected``: those documents must be done again first."""
        indexed = []
        covered: set[str] = set()
        for path in self._part_files():
            trailer = self._verified(path)
            if trailer is None:
                raise DamagedParts(str(path))
            ids = trailer["ids"]
            covered.update(ids)
            indexed.append(_Indexed(path, ids[0] if ids else "", ids[-1] if ids else ""))
        missing = set(expected) - covered
        if missing:
            raise DamagedParts(f"{len(missing)} documents are in no part")
        chains = _chains(indexed)
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


def _with_trailer(lines: Iterable[str], ids: set[str], words: int = 0) -> Iterator[str]:
    """``lines``, then the trailer: the ids, counts and checksum of the lines."""
    digest = hashlib.sha256()
    counts = {"R": 0, "E": 0}
    for line in lines:
        digest.update(line.encode("utf-8"))
        counts[line[0]] += 1
        yield line
    trailer = {
        "ids": sorted(ids),
        "words": words,
        "records": counts["R"],
        "errors": counts["E"],
        "sha256": digest.hexdigest(),
    }
    yield "#\t" + json.dumps(trailer, ensure_ascii=False) + "\n"


def verify_part(path: Path) -> tuple[str | None, dict[str, Any]]:
    """``(problem, trailer)``: None and the trailer when every line of the part is sound
    (a tagged JSON object with the id of its key, an error line with a kind), the trailer's ids
    are sorted and those of its lines, and its counts and checksum match; else what is wrong
    (and the trailer, or {})."""
    digest = hashlib.sha256()
    counts = {"R": 0, "E": 0}
    trailer: dict[str, Any] = {}
    line_ids: set[Any] = set()
    try:
        with path.open("rb") as f:
            for n, raw in enumerate(f, 1):
                if trailer:
                    return f"line {n} follows the trailer", trailer
                if raw.startswith(b"#\t"):
                    trailer = json.loads(raw[2:])
                    if not isinstance(trailer, dict) or not isinstance(trailer.get("ids"), list):
                        return f"line {n}: not a trailer", {}
                    continue
                problem = _bad_line(raw)
                if problem:
                    return f"line {n}: {problem}", trailer
                digest.update(raw)
                counts[raw[:1].decode()] += 1
                line_ids.add(json.loads(raw.split(b"\t", 2)[1]))
    except (OSError, ValueError) as e:
        return f"cannot be read: {e}", trailer
    if not trailer:
        return "no trailer (cut short)", {}
    ids = trailer["ids"]  # not under the checksum: the merge trusts them to order the parts
    if not all(isinstance(i, str) for i in ids) or ids != sorted(set(ids)):
        return "the trailer's ids are not a sorted list of distinct ids", trailer
    if line_ids != set(ids):  # every document of a batch gives a record or an error line
        return "the trailer's ids are not those of its lines", trailer
    if (trailer.get("records"), trailer.get("errors")) != (counts["R"], counts["E"]):
        return "the line counts differ from the trailer's", trailer
    if trailer.get("sha256") != digest.hexdigest():
        return "the checksum does not match", trailer
    return None, trailer


def _bad_line(raw: bytes) -> str | None:
    try:
        tag, key, body = raw.decode("utf-8").rstrip("\n").split("\t", 2)
        doc_id, data = json.loads(key), json.loads(body)
    except ValueError:
        return "not a part line (tag, id, JSON)"
    if tag not in ("R", "E") or not isinstance(data, dict) or data.get("id") != doc_id:
        return "not a record or error line of its id"
    if tag == "E" and "kind" not in data:
        return "an error line without a kind"
    return None


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
