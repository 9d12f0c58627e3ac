"""Cross-document coreference: the corpus view of ``newsrel link`` against MEANTIME's instances.

>>> from pipeline.evaluate.crossdoc import evaluate_crossdoc
>>> result = evaluate_crossdoc("../shared/data/meantime/intra_cross-doc_annotation")

- **Entities**: the items are the gold *named* mentions (:mod:`pipeline.evaluate.readers.crossdoc`).
  Each is aligned to a predicted entity mention of a linked label that covers its head (last
  word): the same span first, else the largest overlap; its predicted cluster is that mention's corpus entity,
  and an item with no predicted mention is a cluster of its own. Scored with MUC, B³, CEAF-e and
  their average (CoNLL F1).
- **Events**: the items are the predicted record events whose trigger lies on a gold event
  mention; the gold cluster is that mention's instance, the predicted one the corpus event.
  Scored pairwise (all pairs, and pairs from two documents) and with B³.
- **Baselines**, on the same records and alignment: *exact name* joins the records' clusters
  whose names are exactly equal (same label); *exact mention* joins mentions whose texts are
  exactly equal, ignoring the records' clusters. Both join events of the same type.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.evaluate.crossdoc_metrics import PRF, b_cubed, ceaf_e, muc, pair_counts, pairwise
from pipeline.evaluate.items import offset_mapper
from pipeline.evaluate.readers._base import GoldFormatError
from pipeline.evaluate.readers.crossdoc import CrossDocGold, GoldMention, read_crossdoc
from pipeline.schema import Record

CROSSDOC = "crossdoc"
_FOLDER_NAMES = ("cross-doc", "cross_doc", "crossdoc")


def is_crossdoc(path: str | Path) -> bool:
    """A folder of MEANTIME XML named as MEANTIME names its cross-document annotation."""
    p = Path(path)
    named = any(n in part.lower() for part in p.resolve().parts for n in _FOLDER_NAMES)
    return named and p.is_dir() and any(p.rglob("*.xml"))


@dataclass
class CorefScores:
    items: int
    muc: PRF
    b3: PRF
    ceaf_e: PRF
    pairwise: PRF
    pairwise_cross: PRF
    pairs: tuple[int, int, int]  # correct, predicted, gold (all pairs)
    pairs_cross: tuple[int, int, int]  # the same, pairs from two documents

    @property
    def conll(self) -> float:
        return (self.muc.f1 + self.b3.f1 + self.ceaf_e.f1) / 3

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "muc": self.muc.to_dict(),
            "b3": self.b3.to_dict(),
            "ceaf_e": self.ceaf_e.to_dict(),
            "conll_f1": self.conll,
            "pairwise": self.pairwise.to_dict(),
            "pairwise_cross_document": self.pairwise_cross.to_dict(),
            "pairs": dict(zip(("correct", "predicted", "gold"), self.pairs, strict=True)),
            "pairs_cross_document": dict(
                zip(("correct", "predicted", "gold"), self.pairs_cross, strict=True)
            ),
        }


@dataclass
class CrossDocResult:
    gold: str
    documents: int
    entity_mentions: int  # gold named mentions
    entity_aligned: int  # of them, aligned to a predicted mention of a linked label
    entity_instances: int
    entity_instances_multi: int  # instances named in two documents or more
    event_items: int
    event_instances_multi: int
    entities: dict[str, CorefScores] = field(default_factory=dict)  # system -> scores
    events: dict[str, CorefScores] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "format": CROSSDOC,
            "documents": self.documents,
            "entity_mentions": self.entity_mentions,
            "entity_aligned": self.entity_aligned,
            "entity_instances": self.entity_instances,
            "entity_instances_multi": self.entity_instances_multi,
            "event_items": self.event_items,
            "event_instances_multi": self.event_instances_multi,
            "entities": {name: s.to_dict() for name, s in self.entities.items()},
            "events": {name: s.to_dict() for name, s in self.events.items()},
        }


def score(key: dict[Hashable, Hashable], response: dict[Hashable, Hashable]) -> CorefScores:
    def cross(a: Any, b: Any) -> bool:
        return bool(a[0] != b[0])

    return CorefScores(
        items=len(key),
        muc=muc(key, response),
        b3=b_cubed(key, response),
        ceaf_e=ceaf_e(key, response),
        pairwise=pairwise(key, response),
        pairwise_cross=pairwise(key, response, keep=cross),
        pairs=pair_counts(key, response),
        pairs_cross=pair_counts(key, response, keep=cross),
    )


_NOT_HEAD = frozenset({"'s", "'", "’s", ",", ".", "(", ")", "``", "''", '"', "-"})


def head_span(mention: GoldMention) -> tuple[int, int]:
    """Character span of the mention's head: its last token that is a word (``A380`` of
    ``its new A380 's``). Tokens are single-space separated in the rebuilt text."""
    tokens = mention.text.split(" ")
    while len(tokens) > 1 and tokens[-1] in _NOT_HEAD:
        tokens.pop()
    end = mention.start + len(" ".join(tokens))
    return end - len(tokens[-1]), end


def _align(mention: GoldMention, spans: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The predicted mention (start, end, cluster id) that best fits ``mention``: one that
    covers the mention's head, the same span first, else the largest overlap."""
    best: tuple[int, ...] | None = None
    found: tuple[int, int, str] | None = None
    head_start, head_end = head_span(mention)
    for start, end, cluster in spans:
        overlap = min(end, mention.end) - max(start, mention.start)
        if overlap <= 0 or not (start < head_end and head_start < end):
            continue
        rank = (
            start == mention.start and end == mention.end,
            end == mention.end,
            overlap,
            -start,
        )
        if best is None or rank > best:
            best, found = rank, (start, end, cluster)
    return found


def _read_view(out: Path) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    ents: dict[tuple[str, str], str] = {}
    with (out / "entities.jsonl").open(encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            for m in e["members"]:
                ents[(m["doc"], m["cluster"])] = e["id"]
    evs: dict[tuple[str, str], str] = {}
    with (out / "events.jsonl").open(encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            for s in e["sources"]:
                evs[(s["doc"], s["event"])] = e["id"]
    return ents, evs


def score_records(
    gold: CrossDocGold, records: Iterable[Record], *, rules: str | Path | None = None
) -> CrossDocResult:
    """Link ``records`` (predictions on the gold texts) and score both systems."""
    from pipeline.link import link
    from pipeline.link.rules import load_link_rules

    by_id = {r.id: r for r in gold.records}
    preds = [r for r in records if isinstance(r, Record) and r.id in by_id]
    labels = load_link_rules(rules).entities.labels
    with tempfile.TemporaryDirectory() as tmp:
        link(preds, tmp, rules=rules)
        ents, evs = _read_view(Path(tmp))
    baseline_ent: dict[tuple[str, str], str] = {}
    spans: dict[str, list[tuple[int, int, str]]] = {}
    mention_text: dict[tuple[str, int, int], str] = {}
    triggers: dict[str, list[tuple[int, int, str, str]]] = {}
    for rec in preds:
        conv = offset_mapper(rec, by_id[rec.id].text)
        names = {c.id: (c.label, c.name) for c in rec.clusters}
        spans[rec.id] = []
        for e in rec.entities:
            if e.entity and e.label in labels and e.entity in names:
                s, t = conv(e.start, e.end)
                spans[rec.id].append((s, t, e.entity))
                mention_text[(rec.id, s, t)] = f"{e.label}|{e.text}"
        for c in rec.clusters:
            baseline_ent[(rec.id, c.id)] = "|".join(names[c.id])
        triggers[rec.id] = []
        for ev in rec.events:
            for span in [ev.trigger, *ev.triggers]:
                s, t = conv(span.start, span.end)
                triggers[rec.id].append((s, t, ev.id, ev.type))
    # entities
    key: dict[Hashable, Hashable] = {}
    linked: dict[Hashable, Hashable] = {}
    base: dict[Hashable, Hashable] = {}
    base_text: dict[Hashable, Hashable] = {}
    aligned = 0
    named = [m for m in gold.entities if m.named]
    for i, m in enumerate(named):
        item = (m.doc, m.start, m.end, i)
        key[item] = m.instance
        found = _align(m, spans.get(m.doc, []))
        if found is None or (m.doc, found[2]) not in ents:
            linked[item] = base[item] = base_text[item] = ("none", i)
            continue
        aligned += 1
        start, end, cluster = found
        linked[item] = ents[(m.doc, cluster)]
        base[item] = baseline_ent[(m.doc, cluster)]
        base_text[item] = mention_text[(m.doc, start, end)]
    docs_of: dict[str, set[str]] = {}
    for m in named:
        docs_of.setdefault(m.instance, set()).add(m.doc)
    # events: each predicted event on a gold mention, once (its first trigger on one)
    ev_key: dict[Hashable, Hashable] = {}
    ev_linked: dict[Hashable, Hashable] = {}
    ev_base: dict[Hashable, Hashable] = {}
    gold_events: dict[str, list[GoldMention]] = {}
    for g in gold.events:
        gold_events.setdefault(g.doc, []).append(g)
    for doc, trig in triggers.items():
        for start, end, ev_id, ev_type in trig:
            ev_item = (doc, ev_id)
            if ev_item in ev_key:
                continue
            hit = next(
                (g for g in gold_events.get(doc, []) if g.start < end and start < g.end), None
            )
            if hit is None:
                continue
            ev_key[ev_item] = hit.instance
            ev_linked[ev_item] = evs[(doc, ev_id)]
            ev_base[ev_item] = ev_type
    ev_docs: dict[Hashable, set[str]] = {}
    for (doc, _), inst in ev_key.items():  # type: ignore[misc]
        ev_docs.setdefault(inst, set()).add(doc)
    result = CrossDocResult(
        gold="",
        documents=len(gold.records),
        entity_mentions=len(named),
        entity_aligned=aligned,
        entity_instances=len(docs_of),
        entity_instances_multi=sum(len(d) > 1 for d in docs_of.values()),
        event_items=len(ev_key),
        event_instances_multi=sum(len(d) > 1 for d in ev_docs.values()),
    )
    result.entities = {
        "baseline: exact name": score(key, base),
        "baseline: exact mention": score(key, base_text),
        "newsrel link": score(key, linked),
    }
    result.events = {
        "baseline: same type": score(ev_key, ev_base),
        "newsrel link": score(ev_key, ev_linked),
    }
    return result


def evaluate_crossdoc(
    gold_path: str | Path,
    pred: str | Path | Iterable[Record] | None = None,
    *,
    model: str | None = None,
    rules: str | Path | None = None,
) -> CrossDocResult:
    """Read the gold, run newsrel on its texts (or read ``pred`` records), link, score."""
    from pipeline.evaluate.running import run_pipeline
    from pipeline.io import read_records

    gold_path = Path(gold_path)
    if not gold_path.exists():
        raise GoldFormatError(gold_path, "no such file or folder")
    gold = read_crossdoc(gold_path)
    if pred is None:
        records: Iterable[Record] = run_pipeline(gold.records, bare=False, model=model)
    elif isinstance(pred, str | Path):
        if not Path(pred).is_file():
            raise GoldFormatError(pred, "no such predictions file")
        records = read_records(pred)
    else:
        records = pred
    result = score_records(gold, records, rules=rules)
    result.gold = str(gold_path)
    return result
