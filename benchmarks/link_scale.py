"""Time and peak memory of ``newsrel link`` (run by hand, not a test).

    python benchmarks/link_scale.py RECORDS.jsonl [--to 20000] [--engine local|dask] [--out DIR]

RECORDS.jsonl are records of ``newsrel extract`` (for Reuters-21578: the stories as an input
JSONL, see ``--stories``, then ``newsrel extract stories.jsonl -o records.jsonl --workers 2``).
``--to N`` repeats records under new ids (``<id>#again``) until there are N, as
benchmarks/throughput.py reuses bodies: a repeated story is extracted to the same record, so
repeating the record is the same as extracting the body again. ``--copies K`` writes K copies of
the whole file instead (same entities, K times the documents: memory against documents).

Each run is a fresh process (``python -m pipeline.cli link``), so ``ru_maxrss`` is its own peak
(the input is grown by streaming, so the forked child does not start with a large parent's pages).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _with_id(line: str, suffix: str) -> str:
    at = line.index('"id":"') + 6
    end = line.index('"', at)
    return line[:end] + suffix + line[end:]


def grow(records: Path, out: Path, to: int | None, copies: int) -> int:
    """Write the grown input, streaming: this process stays small, so the child's peak RSS
    (counted from the fork) is the linker's own."""
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for k in range(copies):
            with records.open(encoding="utf-8") as src:
                for line in src:
                    f.write(line if k == 0 else _with_id(line, f"#copy{k}"))
                    n += 1
        rounds = 0
        while to is not None and n < to:
            rounds += 1
            with records.open(encoding="utf-8") as src:
                for line in src:
                    if n >= to:
                        break
                    f.write(_with_id(line, "#again" * rounds))
                    n += 1
    return n


def write_stories(path: Path, limit: int | None) -> int:
    sys.path.insert(0, str(Path(__file__).parent))
    from reuters import stories

    n = 0
    with path.open("w", encoding="utf-8") as f:
        for story in stories(limit=limit):
            doc = story.document()
            f.write(json.dumps({"id": doc.id, "text": doc.text, "meta": doc.meta}) + "\n")
            n += 1
    return n


def run(records: Path, out: Path, engine: str, workers: int) -> dict[str, float | str]:
    cmd = [sys.executable, "-m", "pipeline.cli", "link", str(records), "-o", str(out)]
    cmd += ["--engine", engine, "--workers", str(workers), "--no-progress"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "summary": done.stderr.strip().splitlines()[-1],
        "seconds": seconds,
        "cpu": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
        "peak_mb": after.ru_maxrss / 1024,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("records", type=Path, nargs="?")
    ap.add_argument("--to", type=int, help="Repeat records under new ids up to this many.")
    ap.add_argument("--copies", type=int, default=1, help="Copies of the whole file.")
    ap.add_argument("--engine", default="local", choices=["local", "dask"])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--out", type=Path, help="Keep the corpus view here.")
    ap.add_argument("--stories", type=Path, help="Write Reuters-21578 stories as input JSONL here.")
    ap.add_argument("--limit", type=int, help="With --stories: at most this many.")
    args = ap.parse_args()
    if args.stories:
        print(f"{write_stories(args.stories, args.limit)} stories -> {args.stories}")
        return
    if args.records is None:
        ap.error("RECORDS is required")
    with tempfile.TemporaryDirectory() as tmp:
        records = args.records
        if args.to or args.copies > 1:
            records = Path(tmp) / "records.jsonl"
            n = grow(args.records, records, args.to, args.copies)
            print(f"{n} records -> {records}")
        result = run(records, args.out or Path(tmp) / "view", args.engine, args.workers)
    print(result["summary"])
    print(
        f"engine {args.engine}: {result['seconds']:.1f} s wall, {result['cpu']:.1f} s CPU "
        f"(workers included), peak RSS {result['peak_mb']:.1f} MB"
    )


if __name__ == "__main__":
    main()
