"""newsrel's own records (``.jsonl``): gold files written in the output schema.

They are read by :func:`pipeline.io.read_records`, the one reader of records files, with what
hand-written gold needs: the ``schema`` key may be left out, and error-record lines are skipped
(they are not documents). A bad line fails as a :class:`GoldFormatError` naming file and line.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pipeline.evaluate.readers._base import GoldFormatError
from pipeline.io import RecordError, read_records
from pipeline.schema import Record


def read_gold_records(path: str | Path) -> Iterator[Record]:
    """Stream the records of a gold (or predictions) JSONL file."""
    try:
        yield from read_records(path, require_schema=False, skip_error_lines=True)
    except RecordError as exc:
        raise GoldFormatError(exc.path, exc.reason, exc.line) from exc
