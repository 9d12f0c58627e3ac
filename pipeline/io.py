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

from pipeline.schema import SCHEMA_VERSION, ErrorRecord, Record


class RecordError(ValueError):
    """A record file line that cannot be read; the message names file and line."""


def dumps(obj: Record | ErrorRecord) -> str:
    data = obj.dump() if isinstance(obj, Record) else obj.model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def read_records(path: str | Path) -> Iterator[Record]:
    """Stream and validate the records of a JSONL file (``-`` for stdin)."""
    path = Path(path)
    stream = sys.stdin if str(path) == "-" else path.open(encoding="utf-8")
    with stream:
        for n, line in enumerate(stream, 1):
            if line.strip():
                yield parse_record(line, f"{path}:{n}")


def parse_record(line: str, where: str) -> Record:
    """One JSONL line as a validated Record; errors name ``where`` (``file:line``)."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as e:
        raise RecordError(f"{where}: not valid JSON: {e.msg}") from e
    if not isinstance(data, dict):
        raise RecordError(f"{where}: a record is a JSON object")
    if data.get("schema") != SCHEMA_VERSION:
        raise RecordError(
            f"{where}: schema {data.get('schema')!r} is not {SCHEMA_VERSION!r}; "
            "this newsrel cannot read it"
        )
    try:
        return Record.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        loc = ".".join(str(x) for x in first["loc"])
        raise RecordError(f"{where}: {loc or 'record'}: {first['msg']}") from e


def errors_path(out: Path) -> Path:
    """``OUT.jsonl`` -> ``OUT.errors.jsonl``."""
    return out.with_name(out.name.removesuffix(".jsonl") + ".errors.jsonl")


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
