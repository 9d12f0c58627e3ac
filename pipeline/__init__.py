"""newsrel: entities, relations and events from English news, out as JSONL.

The public API (imported lazily, so ``import pipeline`` stays light: spaCy loads on first use
of ``load_nlp``/``extract_*``/``render``, pandas on first use of ``to_frames``)::

    from pipeline import extract_files, read_records, to_frames, render
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_API = {
    "Record": "schema",
    "read_records": "io",
    "extract_text": "extract",
    "extract_files": "extract",
    "load_nlp": "nlp",
    "to_frames": "frames",
    "render": "rendering",
    "build_report": "report",
}

__all__ = [
    "Record",
    "build_report",
    "extract_files",
    "extract_text",
    "load_nlp",
    "read_records",
    "render",
    "to_frames",
]

if TYPE_CHECKING:
    from .extract import extract_files, extract_text
    from .frames import to_frames
    from .io import read_records
    from .nlp import load_nlp
    from .rendering import render
    from .report import build_report
    from .schema import Record


def __getattr__(name: str) -> Any:
    if name in _API:
        value = getattr(import_module(f".{_API[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
