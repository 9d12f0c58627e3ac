"""newsrel: entities, relations and events from English news, out as JSONL.

The public API (imported lazily, so ``import pipeline`` stays light: spaCy loads on first use
of ``load_nlp``/``extract_*``/``render``, pandas on first use of ``to_frames``)::

    from pipeline import extract_files, read_records, to_frames, render
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from pipeline._version import __version__ as __version__

# public name -> module that defines it
_API = {
    "Record": "schema",
    "read_records": "io",
    "extract_text": "extract",
    "extract_files": "extract",
    "load_nlp": "nlp.build",
    "to_frames": "present.tables",
    "render": "present.displacy",
    "build_report": "present.report",
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
    from pipeline.extract import extract_files, extract_text
    from pipeline.io import read_records
    from pipeline.nlp.build import load_nlp
    from pipeline.present.displacy import render
    from pipeline.present.report import build_report
    from pipeline.present.tables import to_frames
    from pipeline.schema import Record


def __getattr__(name: str) -> Any:
    if name in _API:
        value = getattr(import_module(f".{_API[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
