"""``newsrel report``: one static, self-contained HTML file for a corpus of records.

Corpus summary, an events table, a timeline and a who-meets-whom network (inline SVG:
:mod:`pipeline.present.report.charts`), then every document rendered with
:func:`pipeline.present.displacy.render` (:mod:`pipeline.present.report.sections`). No network
access: CSS and JS are inlined from package resources. Records stream through once; rendered
documents are spooled to a temporary file, so memory holds only the small event rows
(:mod:`pipeline.present.report.rows`). Every piece of document text is escaped (displaCy
escapes, the rest goes through :func:`~pipeline.present.report.markup.esc`).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path
from string import Template
from typing import IO

from pipeline._version import __version__
from pipeline.io import atomic_file
from pipeline.present.report.charts import network_svg, timeline_svg
from pipeline.present.report.markup import StyleSheet, esc
from pipeline.present.report.rows import EventRow, Summary, event_rows
from pipeline.present.report.sections import document_section, events_table, summary_html
from pipeline.schema import Record

OPEN_MAX_DOCS = 50  # a corpus of at most this many documents opens its short ones


def _resource(name: str) -> str:
    return files("pipeline.present.report").joinpath(name).read_text(encoding="utf-8")


def write_report(
    records: Iterable[Record],
    out: IO[str],
    *,
    title: str = "newsrel report",
    source: str = "",
    corpus: str | Path | None = None,
) -> Summary:
    """Write the HTML report for ``records`` to ``out``; return the corpus summary. With
    ``corpus`` (a folder of ``newsrel link``) the report lists the linked events and draws the
    network over corpus entities (pipeline.present.corpus)."""
    summary = Summary()
    rows: list[EventRow] = []
    doc_ids: list[str] = []
    sheet = StyleSheet()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        records = iter(records)
        head: list[Record] = []
        for record in records:  # peek: is the corpus small enough to open documents?
            head.append(record)
            if len(head) > OPEN_MAX_DOCS:
                break
        small = len(head) <= OPEN_MAX_DOCS
        for n, record in enumerate(_chain(head, records)):
            summary.add(record)
            rows.extend(event_rows(record, n))
            doc_ids.append(record.id)
            spool.write(document_section(record, n, sheet, small))
        rows.sort(key=lambda r: (r.date is None, r.date.day if r.date else None, r.doc, r.event_id))
        sections = [
            ("summary", "Corpus", summary_html(summary, source)),
            ("timeline", "Timeline of events", timeline_svg(rows)),
            ("network", "Who meets or signs with whom", network_svg(rows)),
            ("events", f"Events ({len(rows):,})", events_table(rows)),
        ]
        if corpus is not None:
            from pipeline.present.corpus import corpus_sections

            sections = corpus_sections(sections, corpus, doc_ids)
        top, bottom = _resource("report_template.html").split("$documents")
        values = {
            "title": esc(title),
            "source": esc(source),
            "version": esc(__version__),
            "css": _resource("report.css") + "\n" + sheet.css(),
            "sections": "".join(
                f'<section id="{sid}"><h2>{h}</h2>{body}</section>' for sid, h, body in sections
            ),
            "script": _resource("report.js"),
        }
        top, bottom = Template(top).substitute(values), Template(bottom).substitute(values)
        out.write(top)
        spool.seek(0)
        shutil.copyfileobj(spool, out)
        out.write(bottom)
    return summary


def _chain(head: list[Record], rest: Iterable[Record]) -> Iterable[Record]:
    yield from head
    yield from rest


def build_report(records: Iterable[Record], path: str | Path, **kwargs: str) -> Summary:
    """:func:`write_report` into the file ``path`` (written whole, then renamed; a failure
    leaves no partial file)."""
    with atomic_file(path) as f:
        return write_report(records, f, **kwargs)
