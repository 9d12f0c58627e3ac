"""newsrel: entities, relations and events from English news, out as JSONL.

The public API is ``__all__`` below; every name is imported from its module on first use, so
``import pipeline`` stays light (spaCy loads with ``load_nlp``, ``extract_*`` or ``render``,
pandas with ``to_frames``)::

    from pipeline import extract_files, read_records, to_frames, render
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from pipeline._version import __version__ as __version__

__all__ = [
    "Document",
    "ErrorRecord",
    "Meta",
    "Record",
    "RecordError",
    "build_report",
    "corpus_event_rows",
    "extract_documents",
    "extract_files",
    "extract_text",
    "load_nlp",
    "network_svg",
    "read_records",
    "render",
    "timeline_svg",
    "to_frames",
]

# where each public name is defined (tests/test_api.py checks this table, the imports below and
# __all__ name the same things)
_API = {
    "Document": "ingest.files",
    "ErrorRecord": "schema",
    "Meta": "schema",
    "Record": "schema",
    "RecordError": "io",
    "build_report": "present.report",
    "corpus_event_rows": "present.report.rows",
    "extract_documents": "extract",
    "extract_files": "extract",
    "extract_text": "extract",
    "load_nlp": "nlp.build",
    "network_svg": "present.report.charts",
    "read_records": "io",
    "render": "present.displacy",
    "timeline_svg": "present.report.charts",
    "to_frames": "present.tables",
}

if TYPE_CHECKING:
    from pipeline.extract import extract_documents, extract_files, extract_text
    from pipeline.ingest.files import Document
    from pipeline.io import RecordError, read_records
    from pipeline.nlp.build import load_nlp
    from pipeline.present.displacy import render
    from pipeline.present.report import build_report
    from pipeline.present.report.charts import network_svg, timeline_svg
    from pipeline.present.report.rows import corpus_event_rows
    from pipeline.present.tables import to_frames
    from pipeline.schema import ErrorRecord, Meta, Record


def __getattr__(name: str) -> Any:
    if name in _API:
        value = getattr(import_module(f".{_API[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
