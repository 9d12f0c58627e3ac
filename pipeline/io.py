"""JSONL in and out: records stream through, never the whole corpus in memory."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from pydantic import ValidationError

from pipeline.failures import Failure
from pipeline.schema import READABLE_VERSIONS, SCHEMA_VERSION, ErrorRecord, Record


class RecordError(Failure, ValueError):
    """A record file (or one of its lines) that cannot be read; the message names file and line."""

    def __init__(self, path: str | Path, line: int | None, reason: str) -> None:
        self.path = str(path)
        self.line = line
        self.reason = reason
        super().__init__(f"{path}:{line}: {reason}" if line else f"{path}: {reason}")


def dumps(obj: Record | ErrorRecord) -> str:
    data = obj.dump() if isinstance(obj, Record) else obj.model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def read_records(
    path: str | Path, *, require_schema: bool = True, skip_error_lines: bool = False
) -> Iterator[Record]:
    """Stream and validate the records of a JSONL file (``-`` for stdin).

    Each line must say ``"schema": "newsrel/1"``; with ``require_schema=False`` a line that
    leaves it out is read as one (hand-written gold files). ``skip_error_lines`` passes over
    error records (``kind`` and ``message``, no ``text``: the lines of ``OUT.errors.jsonl``).
    A bad line raises :class:`RecordError` naming file and line."""
    path = Path(path)
    if str(path) != "-" and path.is_dir():
        raise RecordError(path, None, "a folder, not a records file")
    stream = sys.stdin.buffer if str(path) == "-" else path.open("rb")
    with stream:
        for n, raw in enumerate(stream, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                raise RecordError(
                    path, n, f"not UTF-8 text (byte {raw[e.start]:#04x}); is this a records file?"
                ) from e
            if not line.strip():
                continue
            record = parse_record(
                line, path, n, require_schema=require_schema, skip_error_lines=skip_error_lines
            )
            if record is not None:
                yield record


def parse_record(
    line: str,
    path: str | Path,
    n: int,
    *,
    require_schema: bool = True,
    skip_error_lines: bool = False,
) -> Record | None:
    """One JSONL line (line ``n`` of ``path``) as a validated Record; None for an error-record
    line when ``skip_error_lines``. A bad line raises :class:`RecordError` naming file and line."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as e:
        raise RecordError(path, n, f"not valid JSON: {e.msg}") from e
    if not isinstance(data, dict):
        raise RecordError(path, n, "a record is a JSON object")
    if skip_error_lines and _is_error_line(data):
        return None
    schema = data.get("schema", None if require_schema else SCHEMA_VERSION)
    if schema not in READABLE_VERSIONS:
        raise RecordError(
            path,
            n,
            f"schema {schema!r} is not one of {', '.join(READABLE_VERSIONS)}; "
            "this newsrel cannot read it",
        )
    try:
        return Record.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        loc = ".".join(str(x) for x in first["loc"])
        raise RecordError(path, n, f"{loc or 'record'}: {first['msg']}") from e


def _is_error_line(data: dict[str, object]) -> bool:
    """An :class:`~pipeline.schema.ErrorRecord` line: no text, a kind and a message."""
    return "text" not in data and "kind" in data and "message" in data


def errors_path(out: Path) -> Path:
    """``OUT.jsonl`` -> ``OUT.errors.jsonl``."""
    return out.with_name(out.name.removesuffix(".jsonl") + ".errors.jsonl")


class OutputPathError(Failure):
    """An output path that cannot be written (a folder, under a file, no permission)."""


def check_writable(path: Path, *, hint: str = "") -> None:
    """Raise :class:`OutputPathError` unless a file can be written at ``path``; creates its
    folder when missing. Run before the work whose result goes there, not after."""
    if path.is_dir():
        raise OutputPathError(f"{path} is a folder; a file name is needed{hint}")
    for parent in (path.parent, *path.parent.parents):
        if parent.exists():
            if not parent.is_dir():
                raise OutputPathError(f"cannot write {path}: {parent} is a file, not a folder")
            break
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputPathError(f"cannot create the folder {path.parent}: {e.strerror or e}") from e
    probe = path.with_name(f".{path.name}.{os.getpid()}.probe")
    try:  # what permissions say is not enough (root, read-only mounts, /proc): try it
        probe.open("w").close()
        probe.unlink()
    except OSError as e:
        raise OutputPathError(f"cannot write {path}: {e.strerror or e}") from e
    if path.exists() and not os.access(path, os.W_OK):
        raise OutputPathError(f"cannot write {path}: the file is read-only")


@contextmanager
def atomic_file(path: str | Path) -> Iterator[IO[str]]:
    """A text file written to ``PATH.part`` and renamed to ``path`` when the block ends; if the
    block fails, the partial file is removed (nothing half-written is ever left)."""
    path = Path(path)
    part = path.with_name(path.name + ".part")
    try:
        f = part.open("w", encoding="utf-8")
    except OSError as e:
        raise OutputPathError(f"cannot write {path}: {e.strerror or e}") from e
    try:
        with f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(part, path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise


class Writer:
    """Writes records and error records to two JSONL streams as they come."""

    def __init__(self, out: IO[str], errors: IO[str]) -> None:
        self.out = out
        self.errors = errors
        self.records = 0
        self.failed = 0

    def write(self, item: Record | ErrorRecord) -> None:
        if isinstance(item, ErrorRecord):
            self.errors.write(dumps(item) + "\n")
            self.errors.flush()
            self.failed += 1
        else:
            self.out.write(dumps(item) + "\n")
            self.records += 1


@contextmanager
def open_output(out: str | Path) -> Iterator[Writer]:
    """A :class:`Writer` for ``out`` (``-``: records to stdout, error lines to stderr).

    Records go to ``OUT.part`` and are renamed to ``OUT`` only when the run ends, so a
    reader never sees a half-written file; error lines are appended as they happen.
    """
    if str(out) == "-":
        yield Writer(sys.stdout, sys.stderr)
        sys.stdout.flush()
        return
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    part = out.with_name(out.name + ".part")
    with part.open("w", encoding="utf-8") as f, errors_path(out).open("w", encoding="utf-8") as err:
        writer = Writer(f, err)
        yield writer
        f.flush()
        os.fsync(f.fileno())
    os.replace(part, out)
