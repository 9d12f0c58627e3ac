"""Gold readers: each turns one annotation format into newsrel Records.

``read_gold(path, fmt)`` picks the reader; ``detect_format(path)`` guesses ``fmt`` from the file
name (and, for CoNLL columns, the first line).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from pipeline.evaluate.readers._base import GoldFormatError
from pipeline.evaluate.readers.conll import read_conll
from pipeline.evaluate.readers.conll04 import read_conll04, read_conll04_verbatim
from pipeline.evaluate.readers.events import looks_like_events_gold
from pipeline.evaluate.readers.meantime import read_meantime
from pipeline.evaluate.readers.records import read_gold_records
from pipeline.evaluate.readers.timeml import read_timeml
from pipeline.schema import Record

READERS: dict[str, Callable[[Path], Iterator[Record]]] = {
    "records": read_gold_records,
    "conll": read_conll,
    "conll04": read_conll04,
    "conll04-verbatim": read_conll04_verbatim,  # gold spans as the tokens give them
    "timeml": read_timeml,
    "meantime": read_meantime,
}
# "events": event-mention gold scored by pipeline.evaluate.events_eval (not read as Records)
FORMATS = (*READERS, "events")

_CONLL_LINE = re.compile(r"^\S+(?:[ \t]+\S+)*[ \t]+(?:O|[BI]-\S+)\s*$")


def _sniff_conll(path: Path) -> bool:
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.strip():
                return line.startswith("-DOCSTART-") or bool(_CONLL_LINE.match(line))
    return False


def detect_format(path: Path) -> str:
    path = Path(path)
    if not path.exists():
        raise GoldFormatError(path, "no such file or folder")
    if path.is_dir():
        if any(path.rglob("*.tml")):
            return "timeml"
        if any(path.rglob("*.xml")):
            return "meantime"
        raise GoldFormatError(path, "folder holds no .tml or .xml gold files; pass --format")
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return "events" if looks_like_events_gold(path) else "records"
    if suffix == ".json":
        return "conll04"
    if suffix == ".tml":
        return "timeml"
    if suffix == ".xml":
        return "meantime"
    if _sniff_conll(path):
        return "conll"
    raise GoldFormatError(
        path, f"cannot tell the gold format; pass --format (one of {', '.join(FORMATS)})"
    )


def read_gold(path: Path, fmt: str | None = None) -> Iterator[Record]:
    """Stream the gold Records of ``path`` (a file, or a folder for TimeML/MEANTIME)."""
    path = Path(path)
    fmt = fmt or detect_format(path)
    if fmt not in READERS:
        raise GoldFormatError(path, f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if not path.exists():
        raise GoldFormatError(path, "no such file or folder")
    return _named(path, READERS[fmt](path))


def _named(path: Path, records: Iterator[Record]) -> Iterator[Record]:
    """``records``, with an undecodable file named in the error (readers read UTF-8)."""
    try:
        yield from records
    except UnicodeDecodeError as e:
        bad = e.object[e.start : e.start + 1].hex()
        raise GoldFormatError(path, f"not UTF-8 text (byte 0x{bad} at offset {e.start})") from e


__all__ = ["FORMATS", "GoldFormatError", "detect_format", "read_gold"]
