"""What the entity rules cost: each pipeline component timed on its own over Reuters stories.

    .venv/bin/python benchmarks/entities_cost.py \
        ../shared/data/reuters21578/reut2-000.sgm --docs 300

Reads the first N Reuters-21578 stories (as ``benchmarks/normalise_cost.py`` does), runs the
full pipeline component by component (each over the whole batch, ``--repeat`` times, best
time kept) and prints each component's time and ``newsrel_entities``' share of the total,
with how many all-caps lines it read again.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from normalise_cost import stories  # type: ignore[import-not-found]

from pipeline.nlp import load_nlp
from pipeline.recase import caps_lines

ENTITIES = "newsrel_entities"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sgm", type=Path)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    nlp = load_nlp()
    texts = stories(args.sgm, args.docs)
    best: dict[str, float] = {}
    lines = 0
    for _ in range(args.repeat):
        docs = []
        for text, iso in texts:
            d = nlp.make_doc(text)
            d._.published = iso
            docs.append(d)
        for name, proc in nlp.pipeline:
            start = time.perf_counter()
            docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            took = time.perf_counter() - start
            best[name] = min(best.get(name, took), took)
            if name == "ner":
                lines = sum(len(caps_lines(d)) for d in docs)
    total = sum(best.values())
    words = sum(len(t.split()) for t, _ in texts)
    print(f"{len(texts)} Reuters-21578 stories, {words} words, {lines} all-caps lines", end="")
    print(f"; best of {args.repeat}")
    for name, took in best.items():
        print(f"  {name:22s} {took:7.3f} s  {100 * took / total:5.1f}%")
    print(f"  {'total':22s} {total:7.3f} s")
    print(f"{ENTITIES}: {100 * best.get(ENTITIES, 0) / total:.1f}% of the pipeline's time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
