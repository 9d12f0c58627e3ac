"""What each newsrel component costs, as a share of the whole pipeline's time (run by hand).

    python benchmarks/component_cost.py [--source ../shared/data/reuters21578/reut2-000.sgm]
                                        [--docs 300] [--repeat 3]

Runs the full pipeline over the first N Reuters-21578 stories component by component, batched
as ``nlp.pipe`` does (each story with its ``<DATE>`` as the document date), ``--repeat`` times,
and prints the best CPU time of every component and its share of the total. The issues' budgets:
normalisation < 10%, resolution + relations < 15%, events < 15% of the pipeline's time, and
coreference < 5% (the resolver timed again with coreference off on the same parsed documents).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from reuters import REUTERS, stories

from pipeline.extract import make_doc, prepare
from pipeline.nlp.build import load_nlp

BUDGETS = {
    "newsrel_normalise": ("normalisation", 10.0),
    "newsrel_resolve+newsrel_relations": ("resolution + relations", 15.0),
    "newsrel_events": ("events", 15.0),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", type=Path, default=REUTERS / "reut2-000.sgm")
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    nlp = load_nlp()
    prepared = [prepare(s.document()) for s in stories(args.source, args.docs)]
    best: dict[str, float] = {}
    names_only = float("inf")  # the resolver without coreference, on the same documents
    for _ in range(args.repeat):
        docs = [make_doc(nlp, p) for p in prepared]
        for name, proc in nlp.pipeline:
            if name == "newsrel_resolve":
                names_only = min(names_only, _names_only_time(proc, docs))
            start = time.process_time()
            if hasattr(proc, "pipe"):
                docs = list(proc.pipe(docs, batch_size=64))
            else:
                docs = [proc(d) for d in docs]
            spent = time.process_time() - start
            best[name] = min(best.get(name, spent), spent)
    total = sum(best.values())
    words = sum(len(p.cleaned.text.split()) for p in prepared)
    print(f"{len(prepared)} stories, {words} words, best of {args.repeat} (CPU seconds)")
    print(f"{'component':24s} {'seconds':>8s} {'share':>7s}")
    for name, spent in best.items():
        print(f"{name:24s} {spent:8.2f} {100 * spent / total:6.1f}%")
    print(f"{'total':24s} {total:8.2f}")
    print()
    for key, (what, budget) in BUDGETS.items():
        share = 100 * sum(best[n] for n in key.split("+")) / total
        verdict = "within" if share < budget else "OVER"
        print(f"{what:24s} {share:5.1f}%  ({verdict} the {budget:.0f}% budget)")
    if "newsrel_resolve" in best and names_only < float("inf"):
        extra = best["newsrel_resolve"] - names_only
        share = 100 * extra / (total - extra)
        verdict = "within" if share < 5 else "OVER"
        print(f"{'coreference':24s} {share:5.1f}%  ({verdict} the 5% budget: +{extra:.2f} s on")
        print(f"{'':24s} the pipeline without it; resolver alone {names_only:.2f} s)")


def _names_only_time(resolver: Any, docs: list[Any]) -> float:
    """CPU time of the resolver with coreference switched off, on the parsed documents."""
    saved = resolver.coref_rules, resolver.coreference
    resolver.coref_rules, resolver.coreference = None, False
    start = time.process_time()
    try:
        for doc in docs:
            resolver(doc)  # the run timed next writes its own annotations over these
    finally:
        resolver.coref_rules, resolver.coreference = saved
    return time.process_time() - start


if __name__ == "__main__":
    main()
