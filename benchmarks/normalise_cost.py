"""What normalisation costs: the pipeline timed with and without ``newsrel_normalise``.

    .venv/bin/python benchmarks/normalise_cost.py ../shared/data/reuters21578/reut2-000.sgm --docs 300

Reads the first N Reuters-21578 stories (latin-1 SGML, ``<BODY>``; ``<DATE>`` is each story's
anchor), runs the full pipeline over them ``--repeat`` times each way, alternating, and prints
the best time of each and the normaliser's share of the full pipeline's time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
import time
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp import load_nlp

_STORY = re.compile(r"<REUTERS.*?</REUTERS>", re.S)
_BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)
_DATE = re.compile(r"<DATE>\s*(\d{1,2}-[A-Z]{3}-\d{4})")
NAME = "newsrel_normalise"


def stories(path: Path, n: int) -> list[tuple[str, str | None]]:
    """(body text, ISO date) of the first ``n`` stories that have a body."""
    out = []
    for m in _STORY.finditer(path.read_text(encoding="latin-1")):
        body = _BODY.search(m.group(0))
        if not body:
            continue
        date = _DATE.search(m.group(0))
        iso = dt.datetime.strptime(date.group(1).title(), "%d-%b-%Y").date().isoformat() if date else None
        out.append((html.unescape(body.group(1)).replace("\x03", "").strip(), iso))
        if len(out) == n:
            break
    return out


def run(nlp: Language, docs: list[tuple[str, str | None]], *, normalise: bool) -> float:
    def made() -> list[Doc]:
        out = []
        for text, iso in docs:
            d = nlp.make_doc(text)
            d._.published = iso
            out.append(d)
        return out

    batch = made()
    start = time.perf_counter()
    if normalise:
        for _ in nlp.pipe(batch, batch_size=64):
            pass
    else:
        with nlp.select_pipes(disable=[NAME]):
            for _ in nlp.pipe(batch, batch_size=64):
                pass
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sgm", type=Path)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    docs = stories(args.sgm, args.docs)
    nlp = load_nlp()
    words = sum(len(t.split()) for t, _ in docs)
    run(nlp, docs[:20], normalise=True)  # warm up (rule loading, caches)
    with_, without = [], []
    for _ in range(args.repeat):
        without.append(run(nlp, docs, normalise=False))
        with_.append(run(nlp, docs, normalise=True))
    best_with, best_without = min(with_), min(without)
    ents = sum(len(d.ents) for d in nlp.pipe(t for t, _ in docs))
    print(f"{len(docs)} Reuters stories, {words} words, {ents} entities; best of {args.repeat}")
    print(f"pipeline without {NAME}: {best_without:.2f}s ({words / best_without:.0f} words/s)")
    print(f"pipeline with    {NAME}: {best_with:.2f}s ({words / best_with:.0f} words/s)")
    print(f"normalisation cost: {100 * (best_with - best_without) / best_with:.1f}% of the full pipeline's time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
