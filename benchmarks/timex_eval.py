"""TempEval-3 scores of newsrel's dates against TimeML / MEANTIME gold, beside two baselines.

    python benchmarks/timex_eval.py ../shared/data/timebank
    python benchmarks/timex_eval.py ../shared/data/meantime --format meantime

Systems: ``bare`` (the trained pipeline alone: spans, no values), ``bare+dateparser`` (the same
spans, each DATE/TIME entity's text given to dateparser with the document creation time as
its relative base) and ``newsrel`` (the full pipeline). The creation time (``<DCT>``) is the
anchor of every system. Scored by pipeline.evaluate (relaxed/strict span F1, value F1, over
all TIMEX3 types and DATE only); ``--dump FILE`` writes every value error and missed or
spurious expression of newsrel as TSV, for looking at. ``--by-folder`` also scores each
top-level folder of the gold on its own (TimeBank vs AQUAINT), to see that a change helps
both sub-corpora; ``--systems newsrel`` skips the baselines.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.evaluate import read_gold, score_system
from pipeline.evaluate.labels import default_label_map
from pipeline.evaluate.spans import Timex
from pipeline.extract import extract_documents
from pipeline.ingest.files import Document
from pipeline.nlp.build import load_nlp
from pipeline.schema import Record


def run(gold: list[Record], *, bare: bool) -> list[Any]:
    nlp = load_nlp(bare=bare)
    docs = (Document(id=r.id, text=r.text, meta=r.meta.model_dump(exclude_none=True)) for r in gold)
    return list(extract_documents(docs, nlp=nlp))


def dateparser_value(text: str, anchor: str | None) -> dict[str, Any]:
    """The baseline's norm: dateparser's reading of the entity text, at its own grain."""
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"RETURN_TIME_AS_PERIOD": True}
    if anchor:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(anchor[:10])
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    d = data.date_obj if data else None
    if d is None:
        return {"type": "DATE", "value": None}
    period = data.period or "day"
    if period == "year":
        return {"type": "DATE", "value": f"{d.year:04d}"}
    if period == "month":
        return {"type": "DATE", "value": f"{d.year:04d}-{d.month:02d}"}
    if period == "week":
        y, w, _ = d.isocalendar()
        return {"type": "DATE", "value": f"{y}-W{w:02d}"}
    if period == "time":
        return {"type": "TIME", "value": d.strftime("%Y-%m-%dT%H:%M")}
    return {"type": "DATE", "value": d.date().isoformat()}


def with_dateparser(records: Iterable[Any]) -> list[Any]:
    out = []
    for r in records:
        if not isinstance(r, Record):
            out.append(r)
            continue
        r = r.model_copy(deep=True)
        for e in r.entities:
            if e.label in ("DATE", "TIME"):
                e.norm = dateparser_value(e.text, r.meta.published)
        out.append(r)
    return out


def dump(path: Path, gold: list[Record], pred: list[Any], labels: Any) -> None:
    """TSV of value errors (VAL), missed (FN) and spurious (FP) expressions."""
    from pipeline.evaluate.items import Items, add_record, offset_mapper

    rows = []
    gold_by = {r.id: r for r in gold}
    for p in pred:
        if not isinstance(p, Record):
            continue
        g = gold_by[p.id]
        gi, pi = Items(), Items()
        add_record(gi, g, labels, side="gold")
        add_record(pi, p, labels, side="pred", mapper=offset_mapper(p, g.text))
        used: set[Timex] = set()
        for gt in sorted(gi.timexes):
            hit = next(
                (pt for pt in sorted(pi.timexes) if pt.start < gt.end and gt.start < pt.end), None
            )
            ctx = g.text[max(0, gt.start - 50) : gt.end + 30].replace("\n", " ").replace("\t", " ")
            if hit is None:
                rows.append(
                    (
                        "FN",
                        p.id,
                        g.meta.published,
                        g.text[gt.start : gt.end],
                        gt.type,
                        gt.value,
                        "",
                        "",
                        ctx,
                    )
                )
                continue
            used.add(hit)
            if hit.value != gt.value:
                rows.append(
                    (
                        "VAL",
                        p.id,
                        g.meta.published,
                        g.text[gt.start : gt.end],
                        gt.type,
                        gt.value,
                        p.text[hit.start : hit.end] if p.text == g.text else "",
                        hit.value,
                        ctx,
                    )
                )
        for pt in sorted(pi.timexes - used):
            ctx = g.text[max(0, pt.start - 50) : pt.end + 30].replace("\n", " ")
            rows.append(
                (
                    "FP",
                    p.id,
                    g.meta.published,
                    g.text[pt.start : pt.end],
                    pt.type,
                    "",
                    "",
                    pt.value,
                    ctx,
                )
            )
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write("\t".join("" if x is None else str(x) for x in row) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("gold", type=Path)
    ap.add_argument("--format", default="timeml", choices=["timeml", "meantime"])
    ap.add_argument("--json", type=Path, help="write the figures here as JSON")
    ap.add_argument("--dump", type=Path, help="write newsrel's errors here as TSV")
    ap.add_argument(
        "--systems", default="bare,bare+dateparser,newsrel", help="comma-separated systems to run"
    )
    ap.add_argument(
        "--by-folder", action="store_true", help="also score each top-level gold folder alone"
    )
    args = ap.parse_args(argv)
    wanted = set(args.systems.split(","))

    labels = default_label_map(args.format)
    gold = list(read_gold(args.gold, args.format))
    t0 = time.perf_counter()
    systems: dict[str, list[Any]] = {}
    if wanted & {"bare", "bare+dateparser"}:
        bare = run(gold, bare=True)
        if "bare" in wanted:
            systems["bare"] = bare
        if "bare+dateparser" in wanted:
            systems["bare+dateparser"] = with_dateparser(bare)
    if "newsrel" in wanted:
        systems["newsrel"] = full = run(gold, bare=False)
    seconds = time.perf_counter() - t0
    results = {name: score_system(name, gold, preds, labels) for name, preds in systems.items()}
    if args.by_folder:
        folders = sorted({r.id.split("/")[0] for r in gold if "/" in r.id})
        for folder in folders:
            part = [r for r in gold if r.id.startswith(folder + "/")]
            for name, preds in systems.items():
                mine = [p for p in preds if getattr(p, "id", "").startswith(folder + "/")]
                results[f"{name}@{folder}"] = score_system(name, part, mine, labels)
    header = f"{'system':<26} {'subset':<5} {'relaxed P':>9} {'R':>6} {'F1':>6} {'strict F1':>9} {'value P':>8} {'R':>6} {'F1':>6} {'type acc':>8} {'value acc (n)':>16}"
    print(
        f"gold: {args.gold} ({len(gold)} documents, {args.format}); pipeline runs took {seconds:.0f}s"
    )
    print(header)
    figures: dict[str, Any] = {"gold": str(args.gold), "documents": len(gold), "systems": {}}
    for name, res in results.items():
        figures["systems"][name] = {k: v.to_dict() for k, v in res.timex.items()}
        for subset, s in res.timex.items():
            print(
                f"{name:<26} {subset:<5} {100 * s.relaxed.precision:9.1f} {100 * s.relaxed.recall:6.1f} "
                f"{100 * s.relaxed.f1:6.1f} {100 * s.strict.f1:9.1f} {100 * s.value.precision:8.1f} "
                f"{100 * s.value.recall:6.1f} {100 * s.value.f1:6.1f} {100 * s.type_accuracy:8.1f} "
                f"{100 * s.value.tp / max(1, s.relaxed.tp):6.1f} ({s.value.tp}/{s.relaxed.tp})"
            )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    if args.dump and "newsrel" in systems:
        dump(args.dump, gold, full, labels)
    return 0


if __name__ == "__main__":
    sys.exit(main())
