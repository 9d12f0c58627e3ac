"""newsrel's own records (``.jsonl``): gold files written in the output schema."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from pipeline.evaluate.readers._base import GoldFormatError
from pipeline.schema import Record


def read_records(path: Path) -> Iterator[Record]:
    """Stream the records of a JSONL file; a bad line fails naming file and line."""
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(path, f"not valid JSON: {exc.msg}", lineno) from exc
            if not isinstance(data, dict) or "text" not in data:
                # ErrorRecord lines and other non-records are not documents
                if isinstance(data, dict) and "kind" in data and "message" in data:
                    continue
                raise GoldFormatError(path, "not a newsrel record (no `text`)", lineno)
            try:
                yield Record.model_validate(data)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"]) or "record"
                raise GoldFormatError(path, f"{where}: {first['msg']}", lineno) from exc
