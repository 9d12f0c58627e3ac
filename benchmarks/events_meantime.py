"""How MEETING / AGREEMENT events are found in MEANTIME (text newsrel's rules were not written on).

MEANTIME annotates every event mention with its predicate (``pred``); those whose predicate is a
meeting or agreement word are the gold here. A gold mention is found when a predicted event of the
matching type has a trigger on its token. Also printed: the trigger-only baseline, and how many
predicted MEETING/AGREEMENT triggers sit on any annotated event mention (a precision proxy: MEANTIME
annotates events of every kind, so a trigger on no mention is most likely a false alarm). MEANTIME
annotates the first sentences of each article only, so predictions are counted up to the end of the
last sentence holding an annotated event.

    python benchmarks/events_meantime.py [MEANTIME_DIR] [--json] [--headlines]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

from spacy.language import Language

from pipeline.evaluate.readers._base import join_tokens
from pipeline.nlp.build import build_nlp, load_nlp

DATA = Path(os.environ.get("NEWSREL_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
DEFAULT = DATA / "meantime"
GOLD_TYPE = {
    **dict.fromkeys(
        [
            "meet",
            "meeting",
            "talk",
            "talks",
            "summit",
            "visit",
            "negotiate",
            "negotiation",
            "negotiations",
            "session",
            "consultation",
        ],
        "MEETING",
    ),
    **dict.fromkeys(
        [
            "sign",
            "signing",
            "agree",
            "agreement",
            "deal",
            "contract",
            "accord",
            "treaty",
            "memorandum",
            "pact",
        ],
        "AGREEMENT",
    ),
}


@dataclass(frozen=True)
class Mention:
    doc: str
    start: int
    end: int
    pred: str
    pos: str


def read(path: Path) -> tuple[str, list[Mention], list[tuple[int, int]], int]:
    """The document text (tokens joined as the evaluate readers do), its gold meeting/agreement
    mentions, the spans of every annotated event mention, and where the annotated part ends."""
    root = ET.parse(path).getroot()
    sents: dict[int, list[tuple[str, str]]] = {}
    for tok in root.iter("token"):
        sents.setdefault(int(tok.attrib["sentence"]), []).append(
            (tok.attrib["t_id"], tok.text or "")
        )
    order = sorted(sents)
    built = join_tokens([[w for _, w in sents[s]] for s in order])
    where = {
        tid: built.spans[si][ti]
        for si, s in enumerate(order)
        for ti, (tid, _) in enumerate(sents[s])
    }
    gold, every = [], []
    last = 0
    for ev in root.iter("EVENT_MENTION"):
        spans = [
            where[a.attrib["t_id"]] for a in ev.findall("token_anchor") if a.attrib["t_id"] in where
        ]
        if not spans:
            continue
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        every.append((start, end))
        last = max(last, max(k for k, sp in enumerate(built.spans) if sp and sp[0][0] <= start))
        pred = (ev.get("pred") or "").lower()
        if pred in GOLD_TYPE:
            gold.append(Mention(path.stem, start, end, pred, ev.get("pos") or ""))
    annotated_end = built.spans[last][-1][1] if every else 0
    return built.text, gold, every, annotated_end


@dataclass
class Result:
    system: str
    gold: int
    found: int
    found_any_type: int
    predicted: int
    on_annotated_event: int

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0


def run(folder: Path, *, headlines: bool = False) -> tuple[list[Result], dict[str, Counter[str]]]:
    files = sorted(folder.glob("**/corpus_*/*.xml"))
    if not files:
        raise SystemExit(f"no MEANTIME files under {folder}")
    docs = [(p, *read(p)) for p in files]
    out = []
    by_pred: dict[str, Counter[str]] = {}
    for mode in ("full", "trigger-only"):
        if headlines:
            nlp = events_nlp({"mode": mode, "skip_headline": False})
        else:
            nlp = load_nlp() if mode == "full" else trigger_only_nlp()
        r = Result(mode, 0, 0, 0, 0, 0)
        for (_path, _text, gold, every, annotated_end), doc in zip(
            docs, nlp.pipe(d[1] for d in docs), strict=True
        ):
            triggers = [
                (s, e, ev.type)
                for ev in doc._.events or []
                for s, e in (ev.triggers or (ev.trigger,))
            ]
            r.gold += len(gold)
            for m in gold:
                hit = [t for t in triggers if t[0] < m.end and m.start < t[1]]
                ok = any(t[2] == GOLD_TYPE[m.pred] for t in hit)
                r.found += ok
                r.found_any_type += bool(hit)
                if mode == "full":
                    by_pred.setdefault(m.pred, Counter())["found" if ok else "missed"] += 1
            ours = {
                (s, e)
                for s, e, t in triggers
                if t in ("MEETING", "AGREEMENT") and e <= annotated_end
            }
            r.predicted += len(ours)
            r.on_annotated_event += sum(any(s < ge and gs < e for gs, ge in every) for s, e in ours)
        out.append(r)
    return out, by_pred


def events_nlp(config: dict[str, object]) -> Language:
    """The full pipeline with the events pipe configured by ``config`` (an uncached copy)."""
    nlp = build_nlp()  # an uncached copy
    nlp.replace_pipe("newsrel_events", "newsrel_events_v1", config=config)
    return nlp


def trigger_only_nlp() -> Language:
    """The full pipeline with the events pipe in baseline mode (an uncached copy)."""
    return build_nlp(events_mode="trigger-only")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--json", action="store_true")
    ap.add_argument(
        "--headlines",
        action="store_true",
        help="let headlines start events (skip_headline=False), as MEANTIME annotates them",
    )
    a = ap.parse_args()
    results, by_pred = run(a.folder, headlines=a.headlines)
    if a.json:
        json.dump(
            {"results": [asdict(r) | {"recall": r.recall} for r in results], "by_pred": by_pred},
            sys.stdout,
            indent=2,
        )
        print()
        return
    print(
        f"MEANTIME {a.folder}: gold MEETING/AGREEMENT-like event mentions "
        f"(pred in {sorted(GOLD_TYPE)})"
    )
    print(
        f"{'system':14} {'gold':>5} {'found':>6} {'recall':>7} {'any type':>9} "
        f"{'predicted':>10} {'on an event':>12}"
    )
    for r in results:
        print(
            f"{r.system:14} {r.gold:5d} {r.found:6d} {r.recall:7.1%} {r.found_any_type:9d} "
            f"{r.predicted:10d} {r.on_annotated_event:12d}"
        )
    print("by predicate (full):", {p: dict(c) for p, c in sorted(by_pred.items())})


if __name__ == "__main__":
    main()
