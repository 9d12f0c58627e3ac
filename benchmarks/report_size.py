"""How long the HTML report of 2,000 Reuters-21578 documents takes to build, and its size.

    python benchmarks/report_size.py [--docs 2000] [--out /tmp/reuters-report]

Runs the first N Reuters-21578 stories (benchmarks/reuters.py) through ``extract_documents``
(timed separately), writes the records to JSONL, then builds the report from that file with
``build_report`` (the timed part that `newsrel report` does). Nothing from the data set is
written into the repository.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from reuters import REUTERS, stories

from pipeline.extract import extract_documents
from pipeline.io import open_output, read_records
from pipeline.present.report import build_report


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--out", type=Path, default=Path("/tmp/reuters-report"))
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    records_path, report_path = args.out / "reuters.jsonl", args.out / "report.html"

    t0 = time.perf_counter()
    docs = (s.document() for s in stories(REUTERS, args.docs))
    with open_output(records_path) as writer:
        for item in extract_documents(docs):
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
