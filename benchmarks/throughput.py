"""Throughput and memory of newsrel on Reuters-21578 bodies (run by hand, not a test).

    python benchmarks/throughput.py [--data ../shared/data/reuters21578] [--docs N]
                                    [--rss 2000 20000] [--skip-dask]
                                    [--only fresh|inprocess|parallel|rss]
                                    [--rounds 3] [--startup] [--python PY] [--newsrel NEWSREL]...

Measures, in one run:
  * as a user meets it (``--only fresh``, default 600 documents): every row a fresh process,
    alternated for ``--rounds`` rounds: a bare script (``spacy.load`` of the trained pipeline,
    ``nlp.pipe`` of the same texts) against the ``newsrel extract IN.jsonl -o OUT.jsonl``
    command; the median over rounds of the CPU-time ratio bare / newsrel, and the wall-time
    ratio (``benchmarks/fresh.py``). ``--python`` runs the bare script (default: this
    interpreter), ``--newsrel`` (repeatable) names the commands to time (default: the
    ``newsrel`` beside ``--python``), so another install can be measured from this script;
    ``--startup`` adds runs on 0 and 1 documents to split start-up from per-document cost.

In one process (``--only inprocess``, default 2000 documents; ``--only throughput`` is the old
name of the same rows), the pipelines built before the clock starts:
  * words/s of the bare trained pipeline (``nlp.pipe``, all its components, batch 64);
  * words/s of ``newsrel extract`` (all newsrel components, records written, one process);
  * their ratio (target >= 0.8), and the ratio against the bare pipeline with the one trained
    pipe newsrel replaces by a faster equivalent (the indexed attribute_ruler) replaced too:
    what newsrel's own components cost, like for like;
  * the speed-up of ``--workers 2`` and of ``--engine dask`` with 2 workers over one process
    (wall time, including starting the workers and building their pipelines), and the CPU
    seconds their worker processes used (less disturbed than wall time by other jobs);
  * peak RSS of a one-process ``newsrel extract`` over N documents, each N in a fresh process.

Words are whitespace-separated tokens of the input bodies, the same count for every row.
The corpus is read from the SGML files (latin-1, ``<REUTERS NEWID=...>``, ``<BODY>``); stories
are written to a temporary JSONL input as newsrel reads it (``id``, ``text``, ``meta`` with the
story's ``published`` date and ``title``); when more documents are asked for than there are
stories, they are reused under new ids.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import fresh
from reuters import REUTERS, Story, stories

DATA = REUTERS
DEFAULT_DOCS = {"fresh": 600, "inprocess": 2000}


def documents(folder: Path, n: int) -> list[dict[str, Any]]:
    """``n`` JSONL input lines as newsrel reads them: id, text, meta (published, title)."""
    found: list[Story] = list(stories(folder, n))
    lines = []
    for k in range(n):
        doc = found[k % len(found)].document(f"r{k // len(found)}-{found[k % len(found)].newid}")
        lines.append({"id": doc.id, "text": doc.text, "meta": doc.meta})
    return lines


def write_jsonl(docs: Sequence[dict[str, Any]], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for doc in docs:
            f.write(json.dumps(doc) + "\n")
    return path


def words(docs: Sequence[dict[str, Any]]) -> int:
    return sum(len(doc["text"].split()) for doc in docs)


def bare_seconds(
    docs: Sequence[dict[str, Any]], *, replaced: bool = False
) -> tuple[float, float, float]:
    """(wall, CPU, 0) seconds of the bare pipeline over ``docs``; with ``replaced``, with the
    trained pipes newsrel replaces (models/pipeline.json ``replace``: the indexed
    attribute_ruler) replaced, as in newsrel's pipeline: the like-for-like baseline."""
    from pipeline.nlp.build import load_base, load_nlp, pipeline_config, replace_pipes

    if replaced:
        nlp = load_base()
        replace_pipes(nlp, pipeline_config())
    else:
        nlp = load_nlp(bare=True)
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe((doc["text"] for doc in docs), batch_size=64):
        pass
    return time.perf_counter() - wall, time.process_time() - cpu, 0.0


LIKE_FOR_LIKE = "bare, indexed attribute_ruler"


def newsrel_seconds(src: Path, out: Path, **kw: object) -> tuple[float, float, float]:
    """(wall, CPU of this process, CPU of its worker processes) seconds of a newsrel run.
    Worker CPU is what a busy shared machine changes least: compare it between engines."""
    from pipeline.run.batch import extract_batch

    wall, cpu, workers = time.perf_counter(), time.process_time(), fresh.children_cpu()
    extract_batch([src], out, **kw)  # type: ignore[arg-type]
    return time.perf_counter() - wall, time.process_time() - cpu, fresh.children_cpu() - workers


def throughput(
    folder: Path, n: int, tmp: Path, dask: bool, workers: bool = True, serial: bool = True
) -> None:
    """The rows; ``serial=False`` runs only the parallel ones (``--only parallel``)."""
    from pipeline.nlp.build import load_nlp

    docs = documents(folder, n)
    src = write_jsonl(docs, tmp / "in.jsonl")
    w = words(docs)
    load_nlp()  # built before timing (the parent needs it for the run's fingerprint)
    rows: dict[str, tuple[float, float, float]] = {}
    if serial:
        load_nlp(bare=True)
        rows["bare spaCy pipeline (nlp.pipe)"] = bare_seconds(docs)
        rows[LIKE_FOR_LIKE] = bare_seconds(docs, replaced=True)
        rows["newsrel extract, 1 process"] = newsrel_seconds(src, tmp / "o1.jsonl")
    if workers:
        rows["newsrel extract --workers 2"] = newsrel_seconds(src, tmp / "o2.jsonl", workers=2)
    if workers and dask:
        rows["newsrel extract --engine dask (2)"] = newsrel_seconds(
            src, tmp / "o3.jsonl", engine="dask", workers=2
        )
    outputs = [tmp / o for o in ("o1.jsonl", "o2.jsonl", "o3.jsonl") if (tmp / o).exists()]
    same = all(o.read_bytes() == outputs[0].read_bytes() for o in outputs[1:])
    print(f"\n{n} Reuters-21578 documents, {w} words")
    print(f"{'run':<36} {'seconds':>8} {'words/s':>9} {'CPU s':>8} {'workers CPU s':>14}")
    for name, (s, cpu, workers_cpu) in rows.items():
        print(f"{name:<36} {s:>8.1f} {w / s:>9,.0f} {cpu:>8.1f} {workers_cpu:>14.1f}")
    two = rows.get("newsrel extract --workers 2", (0.0, 0.0, 0.0))[0]
    dask_two = rows.get("newsrel extract --engine dask (2)", (0.0, 0.0, 0.0))[0]
    if serial:
        (bare, bare_cpu, _), (one, one_cpu, _) = (
            rows["bare spaCy pipeline (nlp.pipe)"],
            rows["newsrel extract, 1 process"],
        )
        print(
            f"ratio newsrel / bare, wall: {bare / one:.2f}, CPU: {bare_cpu / one_cpu:.2f} "
            "(target >= 0.8)"
        )
        same_ruler, same_ruler_cpu, _ = rows[LIKE_FOR_LIKE]
        print(
            f"ratio newsrel / bare with newsrel's attribute ruler, wall: {same_ruler / one:.2f}, "
            f"CPU: {same_ruler_cpu / one_cpu:.2f} (what newsrel's own components cost)"
        )
        if two:
            print(f"speed-up --workers 2: {one / two:.2f}x (target >= 1.6x)")
        if dask_two:
            print(f"speed-up dask (2):    {one / dask_two:.2f}x")
    if two and dask_two:
        print(
            f"dask speed-up / --workers 2 speed-up: {two / dask_two:.0%} (target >= 80%, "
            "within 20%)"
        )
    print(f"outputs byte-identical ({len(outputs)} runs): {same}")


def rss_child(folder: Path, n: int, tmp: Path) -> None:
    """In a fresh process: one-process extract of ``n`` documents; print peak RSS in MB."""
    from pipeline.run.batch import extract_batch
    from pipeline.run.jobs import Settings

    src = write_jsonl(documents(folder, n), tmp / f"rss{n}.jsonl")
    summary = extract_batch([src], tmp / f"rss{n}.out.jsonl", settings=Settings(batch_size=32))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "docs": n,
                "peak_rss_mb": round(rss, 1),
                "seconds": round(summary.seconds, 1),
                "records": summary.records,
                "errors": summary.errors,
            }
        )
    )


def rss(folder: Path, sizes: list[int]) -> None:
    print(f"\n{'documents':>9} {'peak RSS MB':>12} {'seconds':>8}")
    results = []
    for n in sizes:
        cmd = [sys.executable, __file__, "--data", str(folder), "--rss-child", str(n)]
        row = json.loads(
            subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines()[-1]
        )
        results.append(row)
        print(f"{n:>9} {row['peak_rss_mb']:>12.1f} {row['seconds']:>8.1f}", flush=True)
    if len(results) > 1:
        growth = results[-1]["peak_rss_mb"] / results[0]["peak_rss_mb"] - 1
        print(
            f"peak RSS growth {sizes[0]} -> {sizes[-1]} documents: {growth:+.1%} (target <= +10%)"
        )


def fresh_process(
    folder: Path,
    n: int,
    tmp: Path,
    *,
    python: Path,
    newsrels: Sequence[Path],
    rounds: int,
    startup: bool = False,
) -> None:
    """The fresh-process rows (``--only fresh``): see ``benchmarks/fresh.py``."""
    docs = documents(folder, n)
    inputs = {n: write_jsonl(docs, tmp / f"fresh{n}.jsonl")}
    if startup:
        inputs[0] = write_jsonl([], tmp / "fresh0.jsonl")
        inputs[1] = write_jsonl(docs[:1], tmp / "fresh1.jsonl")
    rows = fresh.make_rows(python, newsrels, inputs, tmp)
    w = words(docs)
    print(f"\n{n} Reuters-21578 documents, {w} words, {rounds} rounds, every row a fresh process")
    print(f"bare: {python} {tmp / 'bare.py'}; load average before: {fresh.load()}")
    print(f"{'round':>5}  {'row':<40} {'wall s':>8} {'CPU s':>8} {'load':>6}", flush=True)
    results = fresh.rounds(rows, rounds)
    print(f"load average after: {fresh.load()}")
    print("\n".join(fresh.summary(results, rows, n, w)))


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument(
        "--docs",
        type=int,
        help=f"documents (default: {DEFAULT_DOCS['fresh']} fresh, {DEFAULT_DOCS['inprocess']} "
        "in one process)",
    )
    ap.add_argument("--rss", type=int, nargs="*", default=[2000, 20000])
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument("--skip-workers", action="store_true", help="only the bare and 1-process rows")
    ap.add_argument(
        "--only",
        choices=["fresh", "inprocess", "throughput", "parallel", "rss"],
        help="fresh: fresh processes; inprocess (old name: throughput): the rows in one process; "
        "parallel: only the --workers 2 and dask rows (their ratio, not the speed-ups)",
    )
    ap.add_argument("--rounds", type=int, default=3, help="fresh: rounds of alternated rows")
    ap.add_argument("--startup", action="store_true", help="fresh: also 0- and 1-document runs")
    ap.add_argument(
        "--python", type=Path, default=Path(sys.executable), help="fresh: runs the bare script"
    )
    ap.add_argument(
        "--newsrel",
        type=Path,
        action="append",
        help="fresh: a newsrel command to time (repeatable; default: the one beside --python)",
    )
    ap.add_argument("--rss-child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.only == "throughput":
        args.only = "inprocess"
    if args.rounds < 1:
        ap.error("--rounds must be at least 1")
    if not args.newsrel:
        args.newsrel = [args.python.parent / "newsrel"]
    return args


def docs_for(args: argparse.Namespace, mode: str) -> int:
    return int(args.docs or DEFAULT_DOCS[mode])


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsrel-bench-") as tmp:
        if args.rss_child:
            rss_child(args.data, args.rss_child, Path(tmp))
            return
        if args.only in (None, "fresh"):
            fresh_process(
                args.data,
                docs_for(args, "fresh"),
                Path(tmp),
                python=args.python,
                newsrels=args.newsrel,
                rounds=args.rounds,
                startup=args.startup,
            )
        if args.only in (None, "inprocess", "parallel"):
            throughput(
                args.data,
                docs_for(args, "inprocess"),
                Path(tmp),
                dask=not args.skip_dask,
                workers=not args.skip_workers,
                serial=args.only != "parallel",
            )
        if args.only in (None, "rss") and args.rss:
            rss(args.data, args.rss)


if __name__ == "__main__":
    main()
