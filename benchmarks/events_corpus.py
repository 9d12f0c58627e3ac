"""Event scores on a gold file of records (corpus/gold.jsonl), rules vs the trigger-only baseline.

Both systems run the full pipeline on the gold texts; the baseline's events pipe keeps trigger
words only (``mode="trigger-only"``). Scoring is ``newsrel evaluate``'s (pipeline.evaluate), overall
and per event type (both sides filtered to that type).

    python benchmarks/events_corpus.py [GOLD_JSONL] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from spacy.language import Language

from pipeline.evaluate import read_gold, score_system
from pipeline.evaluate.labels import default_label_map
from pipeline.extract import extract_documents
from pipeline.ingest.files import Document
from pipeline.nlp.build import build_nlp, load_nlp
from pipeline.schema import Record

MEASURES = (
    "trigger_classification",
    "argument_identification",
    "argument_classification",
)


def trigger_only_nlp() -> Language:
    nlp = build_nlp(events_mode="trigger-only")
    return nlp


def predict(gold: list[Record], nlp: Language) -> list[Record]:
    docs = (Document(id=r.id, text=r.text, meta=r.meta.model_dump(exclude_none=True)) for r in gold)
    return [r for r in extract_documents(docs, nlp=nlp) if isinstance(r, Record)]


def only(records: list[Record], etype: str | None) -> list[Record]:
    if etype is None:
        return records
    return [
        r.model_copy(update={"events": [e for e in r.events if e.type == etype]}) for r in records
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="?", type=Path, default=Path("corpus/gold.jsonl"))
    ap.add_argument("--json", type=Path)
    a = ap.parse_args()
    gold = list(read_gold(a.gold, "records"))
    labels = default_label_map("records")
    types = sorted({e.type for r in gold for e in r.events})
    systems = {
        "rules": predict(gold, load_nlp()),
        "trigger-only": predict(gold, trigger_only_nlp()),
    }
    table: dict[str, dict[str, dict[str, dict[str, float]]]] = {}
    for name, pred in systems.items():
        for etype in [None, *types]:
            res = score_system(name, only(gold, etype), only(pred, etype), labels)
            assert res.events is not None
            d = res.events.to_dict()
            table.setdefault(name, {})[etype or "ALL"] = {m: d[m] for m in MEASURES}
    n_gold = {t: sum(e.type == t for r in gold for e in r.events) for t in types}
    print(f"{a.gold}: {len(gold)} documents, {sum(n_gold.values())} gold events {n_gold}")
    print(f"{'system':13} {'type':10} " + " ".join(f"{m.replace('_', ' '):>28}" for m in MEASURES))
    for name, rows in table.items():
        for etype, row in rows.items():
            cells = " ".join(
                "{:>28}".format(
                    "P {:5.1f} R {:5.1f} F {:5.1f}".format(*(100 * row[m][k] for k in "prf"))
                )
                for m in MEASURES
            )
            print(f"{name:13} {etype:10} {cells}")
    if a.json:
        a.json.write_text(json.dumps(table, indent=2) + "\n")


if __name__ == "__main__":
    main()
