"""Time of one long document on one line against the same text with line breaks.

    python benchmarks/long_lines.py [--mb 3] [--out /tmp/newsrel-long-lines]

Builds a news-like text of about ``--mb`` megabytes from sentences written for this benchmark
(people, places, teams and scores, money, dates: what the entity fixes, the normaliser and the
relation and event rules look at), in three layouts of the same sentences:

- ``one line``: every sentence on a single line (no line break at all);
- ``short lines``: a line break after every sentence;
- ``paragraphs``: a blank line after every fourth sentence.

Each is written to a ``.txt`` file and run through ``newsrel extract FILE -o OUT`` in a fresh
process (the pipeline is built inside the timed run, the same for every row); the script prints
wall time, CPU time (of the child process: what a busy machine disturbs least) and the ratios
of the one-line text to the text with line breaks. The target (docs/PERFORMANCE.md) is a ratio
under 2: a document's cost is linear in its length however its lines are cut.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

SENTENCES = [
    "The trade minister of Norland, Edda Varga, met her counterpart Tomas Belov in Rivergate on Monday.",
    "Both sides agreed to raise bilateral turnover to $2.5 billion by 2030, a ministry statement said.",
    "Exports from Eastport rose 14.2 percent in the first half of the year, the statistics office reported.",
    "Harbor United beat Rivergate Rovers 3-1 in Saturday's league match at Northfield Stadium.",
    "Table: Harbor United 24 points, Rivergate Rovers 21, Eastport City 19, Westmoor Athletic 17.",
    "Prime Minister Ansel Korrin said on 12 March 2021 that the new railway would open next spring.",
    "The Central Bank of Norland kept its key rate at 4.75% after a two-day meeting in Valdby.",
    "Greta Holm, chief executive of Polar Freight Ltd., signed a memorandum with the port authority.",
    "About 1,200 delegates from 40 countries attended the forum in Lakemouth last week.",
    "Officials in Brenmark and Ostavia will hold the next round of talks in October.",
    "The agreement covers energy, agriculture and transport, Deputy Foreign Minister Ivo Sand told reporters.",
    "Sales of the company fell to 310 million euros in 2019 from 342 million euros a year earlier.",
]


def build_text(target_chars: int, joiner: str) -> str:
    """Sentences (numbered so that no two are the same text) joined by ``joiner`` until the
    text is about ``target_chars`` long; ``"para"`` puts a blank line after every fourth."""
    parts: list[str] = []
    size, n = 0, 0
    while size < target_chars:
        sentence = SENTENCES[n % len(SENTENCES)]
        if n >= len(SENTENCES):
            sentence = f"Item {n}: {sentence}"
        if joiner == "para":
            sep = "\n\n" if n % 4 == 3 else " "
        else:
            sep = joiner
        parts.append(sentence + sep)
        size += len(sentence) + len(sep)
        n += 1
    return "".join(parts).rstrip() + "\n"


LAYOUTS = {"one line": " ", "short lines": "\n", "paragraphs": "para"}


def run_extract(path: Path, out: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds of the child, exit code of ``newsrel extract path -o out``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    cmd = [sys.executable, "-m", "pipeline.cli", "extract", str(path), "-o", str(out)]
    done = subprocess.run([*cmd, "--no-progress"], capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        sys.stderr.write(done.stderr)
    return wall, cpu, done.returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=3.0, help="size of each text in megabytes")
    ap.add_argument("--out", type=Path, default=Path("/tmp/newsrel-long-lines"))
    ap.add_argument("--only", choices=sorted(LAYOUTS), action="append", help="layouts to run")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    chars = int(args.mb * 1_000_000)
    os.environ.setdefault("NEWSREL_DOC_TIMEOUT", "0")  # measure, never cut short
    rows = []
    for name in args.only or LAYOUTS:
        text = build_text(chars, LAYOUTS[name])
        path = args.out / f"{name.replace(' ', '-')}.txt"
        path.write_text(text, encoding="utf-8")
        wall, cpu, code = run_extract(path, path.with_suffix(".jsonl"))
        rows.append((name, len(text), text.count("\n"), wall, cpu, code))
        print(
            f"{name:12} {len(text):>10,} chars {text.count(chr(10)):>7,} lines "
            f"{wall:8.1f} s wall {cpu:8.1f} s CPU  exit {code}",
            flush=True,
        )
    wall = {name: w for name, _, _, w, _, _ in rows}
    cpu = {name: c for name, _, _, _, c, _ in rows}
    if "one line" in wall and "short lines" in wall:
        print(
            f"one line / short lines: wall {wall['one line'] / wall['short lines']:.2f}, "
            f"CPU {cpu['one line'] / cpu['short lines']:.2f} (target < 2)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
