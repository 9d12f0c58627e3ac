"""Entities by source on text without entity gold (the BBC texts), and a sample to judge by hand.

Reads the records ``newsrel extract`` wrote and prints: how many entities each source made
(``model``, each ``rule:<id>``), by label; every place (GPE/LOC) written as a short upper-case
code (two or three capitals: "GM", "UK"), with the source that made it, and how many of them
are outside the ``codes`` of ``models/demonyms.json`` (the codes news writes for a country);
every name (no value label) whose text is a unit symbol or a currency code of
``models/entity_fixes.json`` ("MW", "USD"); and a seeded random sample of the entities the
entity fixes made or changed (``rule:entity-fix.*``), each with its line, for judging by hand
(docs/ENTITIES.md).

    newsrel extract ../shared/data/bbc_events/texts -o bbc.jsonl
    python benchmarks/entity_sources.py bbc.jsonl [-k 30] [--seed 18] [--all SOURCE ...]
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from pathlib import Path

from pipeline.entities.countries import country_table
from pipeline.entities.entity_span import VALUE_LABELS
from pipeline.io import read_records
from pipeline.rulefiles import EntityFixes, load_json, models_dir

CODE = re.compile(r"^[A-Z]{2,3}$")
FIXES = "rule:entity-fix."


def _line(text: str, start: int, end: int, width: int = 90) -> str:
    s = max(text.rfind("\n", 0, start) + 1, start - width)
    e = text.find("\n", end)
    e = min(len(text) if e < 0 else e, end + width)
    return " ".join((text[s:start] + "[[" + text[start:end] + "]]" + text[end:e]).split())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("records", type=Path)
    ap.add_argument("-k", type=int, default=30, help="entities of the fixes to sample")
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--all", nargs="*", default=[], help="list every entity of these sources")
    a = ap.parse_args()
    fixes = load_json(models_dir() / "entity_fixes.json", EntityFixes)
    units = fixes.unit_symbols | fixes.currency_codes
    table = country_table()
    unit_names: list[tuple[str, str, str, str]] = []
    counts: Counter[tuple[str, str]] = Counter()
    fixed: list[tuple[str, str, str, str, str]] = []  # source, label, text, doc, line
    codes: list[tuple[str, str, str, str]] = []
    listed: list[tuple[str, str, str, str, str]] = []
    for rec in read_records(a.records):
        for ent in rec.entities:
            counts[(ent.source, ent.label)] += 1
            row = (ent.source, ent.label, ent.text, rec.id, _line(rec.text, ent.start, ent.end))
            if ent.source.startswith(FIXES):
                fixed.append(row)
            if ent.source in a.all:
                listed.append(row)
            if ent.label in ("GPE", "LOC") and CODE.match(ent.text):
                codes.append((ent.text, ent.source, rec.id, row[4]))
            if ent.text in units and ent.label not in VALUE_LABELS:
                unit_names.append((ent.text, ent.label, ent.source, rec.id))
    by_source: dict[str, Counter[str]] = {}
    for (source, label), n in counts.items():
        by_source.setdefault(source, Counter())[label] = n
    print(f"{sum(counts.values())} entities in {a.records}")
    for source, labels in sorted(by_source.items(), key=lambda x: -sum(x[1].values())):
        detail = ", ".join(f"{lab} {n}" for lab, n in labels.most_common())
        print(f"{sum(labels.values()):6d}  {source}  ({detail})")
    outside = Counter(text for text, *_ in codes if table.by_code(text) is None)
    print(f"\nplaces written as a short code: {len(codes)} ({Counter(t for t, *_ in codes)})")
    print(f"  outside the codes list of models/demonyms.json: {sum(outside.values())} {outside}")
    for text, source, doc, line in sorted(codes):
        if text in outside:
            print(f"  {text:4} {source:40} {doc}: {line}")
    print(f"\nnames that are a unit symbol or a currency code: {len(unit_names)}")
    for text, label, source, doc in sorted(unit_names):
        print(f"  {text} {label} {source} ({doc})")
    for title, rows in (
        (f"sample of {a.k} of the {len(fixed)} entities of the fixes (seed {a.seed})", fixed),
        (f"every entity of {', '.join(a.all)}", listed if a.all else []),
    ):
        if not rows:
            continue
        chosen = rows if rows is listed else random.Random(a.seed).sample(rows, min(a.k, len(rows)))
        print(f"\n{title}")
        for n, (source, label, text, doc, line) in enumerate(sorted(chosen), 1):
            print(f"{n:3}. {source[len('rule:') :]} {label} {text!r} ({doc})\n     {line}")


if __name__ == "__main__":
    main()
