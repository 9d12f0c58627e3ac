"""What share of the pipeline's time event extraction takes, on Reuters-21578 bodies.

Runs the full pipeline without the events pipe over N bodies (timed), then the events pipe alone
over the resulting Docs (timed); the share is events / (rest + events). Best of ``--repeat`` runs.

    .venv/bin/python benchmarks/events_speed.py [REUT2_SGM] [-n 300] [--repeat 2]
"""

from __future__ import annotations

import argparse
import html
import os
import re
import time
from pathlib import Path

from pipeline.nlp import load_nlp

DATA = Path(os.environ.get("NEWSREL_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
DEFAULT = DATA / "reuters21578" / "reut2-000.sgm"
_BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)


def bodies(path: Path, n: int) -> list[str]:
    text = path.read_text(encoding="latin-1")
    return [html.unescape(b).replace("\x03", "").strip() for b in _BODY.findall(text)][:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sgm", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("-n", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=2)
    a = ap.parse_args()
    texts = bodies(a.sgm, a.n)
    nlp = load_nlp()
    events = nlp.get_pipe("newsrel_events")
    words = sum(len(t.split()) for t in texts)
    best: tuple[float, float, int] | None = None
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts, disable=["newsrel_events"]))
        t1 = time.perf_counter()
        found = sum(len(events(doc)._.events) for doc in docs)
        t2 = time.perf_counter()
        run = (t1 - t0, t2 - t1, found)
        if best is None or run[0] + run[1] < best[0] + best[1]:
            best = run
    assert best is not None
    rest, ev, found = best
    print(f"{len(texts)} Reuters bodies ({words} words) from {a.sgm.name}")
    print(f"pipeline without events: {rest:.2f} s; events: {ev:.3f} s ({found} events)")
    print(f"events share of the pipeline's time: {ev / (rest + ev):.1%}")


if __name__ == "__main__":
    main()
