"""What resolution and relation rules cost, as a share of the whole pipeline's time.

Runs every component of the newsrel pipeline in turn over N Reuters-21578 bodies (batched,
as ``nlp.pipe`` does) and prints seconds per component and the share of
``newsrel_resolve`` + ``newsrel_relations``.

    .venv/bin/python benchmarks/resolve_cost.py ../shared/data/reuters21578/reut2-000.sgm --docs 300
"""

from __future__ import annotations

import argparse
import html
import re
import time
from pathlib import Path

from pipeline.nlp import load_nlp

OURS = ("newsrel_resolve", "newsrel_relations")


def bodies(path: Path, limit: int) -> list[str]:
    text = path.read_text(encoding="latin-1")
    found = [html.unescape(b).strip() for b in re.findall(r"<BODY>(.*?)</BODY>", text, re.S)]
    return found[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sgm", type=Path)
    parser.add_argument("--docs", type=int, default=300)
    args = parser.parse_args()
    texts = bodies(args.sgm, args.docs)
    nlp = load_nlp()
    for doc in nlp.pipe(texts[:20]):  # warm up caches and lazy tables
        pass
    docs = [nlp.make_doc(t) for t in texts]
    seconds: dict[str, float] = {}
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=64))
        else:
            docs = [proc(d) for d in docs]
        seconds[name] = time.perf_counter() - start
    total = sum(seconds.values())
    ours = sum(seconds[n] for n in OURS if n in seconds)
    words = sum(len(d) for d in docs)
    print(f"{len(docs)} documents, {words} tokens, {total:.2f} s in the pipeline")
    for name, s in seconds.items():
        print(f"  {name:24s} {s:7.3f} s  {100 * s / total:5.1f} %")
    print(f"resolution + relations: {ours:.3f} s = {100 * ours / total:.1f} % of the pipeline")
    rels = sum(len(d._.relations or []) for d in docs)
    clusters = sum(len(d._.clusters or []) for d in docs)
    print(f"{rels} relations, {clusters} clusters")


if __name__ == "__main__":
    main()
