"""How long the HTML report of 2,000 Reuters-21578 documents takes to build, and its size.

    .venv/bin/python benchmarks/report_size.py [--docs 2000] [--out /tmp/reuters-report]

Reads the <BODY> of the first N stories of /work/shared/data/reuters21578/reut2-00*.sgm
(latin-1), runs them through ``extract_documents`` (timed separately), writes the records
to JSONL, then builds the report from that file with ``build_report`` (the timed part that
`newsrel report` does). Nothing from the data set is written into the repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from pipeline.extract import extract_documents
from pipeline.ingest import Document
from pipeline.io import open_output, read_records
from pipeline.report import build_report
from pipeline.schema import Argument, Event, Record, Span

DATA = Path("/work/shared/data/reuters21578")
_STORY = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\".*?</REUTERS>", re.S)
_BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)
_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
_DATE = re.compile(r"<DATE>\s*(\d{1,2}-[A-Z]{3}-\d{4})")


def reuters(limit: int) -> Iterator[Document]:
    n = 0
    for path in sorted(DATA.glob("reut2-00*.sgm")):
        for m in _STORY.finditer(path.read_text(encoding="latin-1")):
            story = m.group(0)
            body = _BODY.search(story)
            if not body:
                continue
            meta: dict[str, str] = {}
            if title := _TITLE.search(story):
                meta["title"] = html.unescape(title.group(1)).strip()
            if date := _DATE.search(story):
                meta["published"] = (
                    dt.datetime.strptime(date.group(1).title(), "%d-%b-%Y").date().isoformat()
                )
            text = html.unescape(body.group(1)).replace("\x03", "").strip()
            yield Document(id=f"reuters/{m.group(1)}", text=text, meta=meta)
            n += 1
            if n >= limit:
                return


def with_synthetic_events(record: Record) -> Record:
    """Stand-in events until the events branch lands: a FIGURE per MONEY/PERCENT mention and a
    MEETING between the first two PERSON/ORG/GPE mentions, so the report's size with events
    can be measured (dates: the publication date)."""
    events = []
    for e in record.entities:
        if e.label in ("MONEY", "PERCENT"):
            events.append(
                Event(
                    id=f"V{len(events) + 1}",
                    type="FIGURE",
                    trigger=Span(start=e.start, end=e.end, text=e.text),
                    arguments=[Argument(role="value", ref=e.id)],
                    date=record.meta.published,
                    status="reported",
                )
            )
    parties = [e for e in record.entities if e.label in ("PERSON", "ORG", "GPE")][:2]
    if len(parties) == 2:
        a = parties[0]
        events.append(
            Event(
                id=f"V{len(events) + 1}",
                type="MEETING",
                trigger=Span(start=a.start, end=a.end, text=a.text),
                arguments=[Argument(role="participant", ref=p.id) for p in parties],
                date=record.meta.published,
                status="happened",
            )
        )
    return record.model_copy(update={"events": events})


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--out", type=Path, default=Path("/tmp/reuters-report"))
    ap.add_argument(
        "--synthetic-events",
        action="store_true",
        help="add stand-in FIGURE/MEETING events to every record before the report",
    )
    args = ap.parse_args()
    if not DATA.exists():
        print(f"{DATA} not found", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    records_path, report_path = args.out / "reuters.jsonl", args.out / "report.html"

    t0 = time.perf_counter()
    with open_output(records_path) as writer:
        for item in extract_documents(reuters(args.docs)):
            if args.synthetic_events and isinstance(item, Record):
                item = with_synthetic_events(item)
            writer.write(item)
    t1 = time.perf_counter()
    summary = build_report(
        read_records(records_path),
        report_path,
        title="Reuters-21578 sample",
        source=str(records_path),
    )
    t2 = time.perf_counter()
    size = report_path.stat().st_size
    print(f"documents          {summary.documents} ({writer.failed} failed)")
    print(f"entities           {sum(summary.entities.values())}")
    print(f"events             {sum(summary.events.values())}")
    print(f"extract            {t1 - t0:.1f} s")
    print(f"report             {t2 - t1:.1f} s")
    print(f"report size        {size / 1e6:.2f} MB ({size} bytes)")
    print(f"report file        {report_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
