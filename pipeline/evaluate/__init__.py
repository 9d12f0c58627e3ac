"""Score newsrel against gold annotations, from a notebook or ``newsrel evaluate``.

>>> from pipeline.evaluate import evaluate
>>> result = evaluate("../shared/data/conll2003/eng.testa")   # runs bare + newsrel, scores both
>>> result.to_dict()["systems"][1]["entities"]["strict"]["micro"]

Gold in any supported format is read as Records (:mod:`pipeline.evaluate.readers`), both sides
go through a label map (:mod:`pipeline.evaluate.labels`) and the scorers compare them
(:mod:`pipeline.evaluate.spans`, :mod:`pipeline.evaluate.relations`,
:mod:`pipeline.evaluate.events`); the scores are :mod:`pipeline.evaluate.results`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pipeline.evaluate.by_rule import score_sources, strip_determiners
from pipeline.evaluate.coref import (
    CorefScores,
    annotated_end,
    has_coreference,
    third_person_pronouns,
)
from pipeline.evaluate.events import score_events
from pipeline.evaluate.items import AlignmentError, Items, add_record, join_places, offset_mapper
from pipeline.evaluate.labels import LabelMap, default_label_map, load_label_map
from pipeline.evaluate.readers import FORMATS, GoldFormatError, detect_format, read_gold
from pipeline.evaluate.readers.records import read_gold_records
from pipeline.evaluate.relations import relation_errors, score_relations
from pipeline.evaluate.results import Evaluation, SystemResult
from pipeline.evaluate.running import EvaluationError, run_pipeline
from pipeline.evaluate.spans import (
    ErrorExample,
    Mention,
    TimexScores,
    restrict_timex,
    score_entities,
    score_timex,
    score_values,
)
from pipeline.schema import Record

VALUE_LABELS = ("MONEY", "PERCENT", "DATE")
SYSTEMS = ("bare", "newsrel")
# newsrel with coreference off (names-only clusters): run beside them when the gold resolves
# pronouns or descriptions, as the coreference baseline
NAMES_ONLY = "names-only"


def _sentence_of(text: str, start: int, end: int, width: int = 160) -> str:
    s = text.rfind("\n", 0, start) + 1
    e = text.find("\n", end)
    e = len(text) if e < 0 else e
    s, e = max(s, start - width), min(e, end + width)
    return text[s:start] + "[[" + text[start:end] + "]]" + text[end:e]


def error_examples(
    pred: set[Mention], gold: set[Mention], texts: dict[str, str], order: dict[str, int], n: int
) -> list[ErrorExample]:
    """``n`` false positives and ``n`` false negatives per label, in document order."""
    if n <= 0:
        return []
    gold_at = {(m.doc, m.start, m.end): m.label for m in gold}
    pred_at = {(m.doc, m.start, m.end): m.label for m in pred}

    def key(m: Mention) -> tuple[int, int, int]:
        return order.get(m.doc, len(order)), m.start, m.end

    out: list[ErrorExample] = []
    for kind, wrong, other, note in (
        ("FP", pred - gold, gold_at, "gold"),
        ("FN", gold - pred, pred_at, "predicted"),
    ):
        per: dict[str, int] = {}
        for m in sorted(wrong, key=key):
            if per.get(m.label, 0) >= n:
                continue
            per[m.label] = per.get(m.label, 0) + 1
            text = texts.get(m.doc, "")
            alt = other.get((m.doc, m.start, m.end))
            out.append(
                ErrorExample(
                    kind=kind,
                    label=m.label,
                    doc=m.doc,
                    start=m.start,
                    end=m.end,
                    text=text[m.start : m.end],
                    sentence=_sentence_of(text, m.start, m.end),
                    note=f"{note}: {alt}" if alt else "",
                )
            )
    return sorted(out, key=lambda e: (e.label, e.kind, order.get(e.doc, 0), e.start))


def score_system(
    name: str,
    gold: Sequence[Record],
    pred: Iterable[Any],
    labels: LabelMap,
    *,
    errors: int = 0,
    baseline: set[Mention] | None = None,
) -> SystemResult:
    """Score predictions (Records; ErrorRecords count as failed) against gold Records.

    ``baseline``: the scored mentions of another system (the bare model) on the same gold,
    against which the per-source table counts what each source adds and breaks
    (:mod:`pipeline.evaluate.by_rule`). Only what starts in the gold's annotated region is
    scored (``meta["annotated_end"]``, set by the MEANTIME reader)."""
    gold_by_id = {r.id: r for r in gold}
    g_items, p_items = Items(), Items()
    for r in gold:
        add_record(g_items, r, labels, side="gold")
    seen: set[str] = set()
    failed = 0
    model: str | None = None
    coref = CorefScores() if has_coreference(list(gold)) else None
    pronouns = third_person_pronouns() if coref is not None else frozenset()
    for p in pred:
        if not isinstance(p, Record):
            failed += getattr(p, "kind", None) != "bad-meta"  # a note; the record follows
            continue
        g = gold_by_id.get(p.id)
        if g is None or p.id in seen:
            continue
        seen.add(p.id)
        if model is None and p.pipeline is not None:
            model = p.pipeline.model
        mapper = offset_mapper(p, g.text)
        add_record(p_items, p, labels, side="pred", mapper=mapper, limit=annotated_end(g))
        if coref is not None:
            coref.add_document(g, p, mapper, pronouns)
    if coref is not None:
        for g in gold:
            if g.id not in seen:
                coref.add_document(g, None, lambda s, e: (s, e), pronouns)
    texts = {r.id: r.text for r in gold}
    join_places(p_items, labels.relations.join, texts)
    has_relations = any(r.relations for r in gold)
    has_events = any(r.events for r in gold)
    order = {r.id: i for i, r in enumerate(gold)}
    timex: dict[str, TimexScores] = {}
    if labels.timex is not None:
        timex["all"] = score_timex(p_items.timexes, g_items.timexes)
        timex["DATE"] = score_timex(*restrict_timex(p_items.timexes, g_items.timexes, "DATE"))
    by_rule = {
        "strict": score_sources(p_items.mentions, g_items.mentions, p_items.sources, baseline)
    }
    nodet = None
    if labels.determiners:
        loose_p = strip_determiners(p_items.mentions, texts, labels.determiners)
        loose_g = strip_determiners(g_items.mentions, texts, labels.determiners)
        loose_b = strip_determiners(baseline or (), texts, labels.determiners)
        nodet = score_entities(loose_p.values(), loose_g.values())
        by_rule["determiner_insensitive"] = score_sources(
            set(loose_p.values()),
            set(loose_g.values()),
            {loose_p[m]: src for m, src in p_items.sources.items() if m in loose_p},
            set(loose_b.values()) if baseline is not None else None,
        )
    return SystemResult(
        name=name,
        entities=score_entities(p_items.mentions, g_items.mentions),
        entities_nodet=nodet,
        by_rule=by_rule,
        mentions=p_items.mentions,
        values={
            k: v
            for k, v in score_values(p_items.norms, g_items.norms, VALUE_LABELS).items()
            if v.matched
        },
        timex=timex,
        relations=score_relations(p_items.relations, g_items.relations) if has_relations else None,
        events=score_events(
            p_items.triggers, g_items.triggers, p_items.arguments, g_items.arguments
        )
        if has_events
        else None,
        coref=coref,
        errors=error_examples(p_items.mentions, g_items.mentions, texts, order, errors),
        relation_errors=relation_errors(
            p_items.relations,
            g_items.relations,
            texts,
            order,
            errors if has_relations else 0,
            pred_spans={(m.doc, m.start, m.end) for m in p_items.mentions},
            rules=p_items.relation_rules,
        ),
        missing=len(gold_by_id.keys() - seen),
        failed=failed,
        model=model,
    )


def resolve_labels(fmt: str, labels: LabelMap | str | Path | None) -> LabelMap:
    if labels is None:
        return default_label_map(fmt)
    if isinstance(labels, LabelMap):
        return labels
    return load_label_map(Path(labels))


def evaluate(
    gold_path: str | Path,
    pred_records: Iterable[Record] | str | Path | None = None,
    *,
    fmt: str | None = None,
    labels: LabelMap | str | Path | None = None,
    model: str | None = None,
    systems: Sequence[str] | None = None,
    errors: int = 0,
) -> Evaluation:
    """Score predictions against the gold at ``gold_path``.

    ``pred_records`` are Records (or a JSONL path of them). When None, the pipeline runs on the
    gold texts once per entry of ``systems`` ("bare" = the trained model alone, "newsrel" = the
    full pipeline, "names-only" = newsrel with coreference off), and every system is scored.
    By default: bare and newsrel, and names-only too when the gold resolves pronouns or
    descriptions (MEANTIME).
    """
    gold_path = Path(gold_path)
    fmt = fmt or detect_format(gold_path)
    if fmt == "events":
        raise GoldFormatError(
            gold_path,
            "event-mention gold is scored by pipeline.evaluate.events_eval.evaluate_events",
        )
    if fmt not in FORMATS:
        raise GoldFormatError(gold_path, f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    label_map = resolve_labels(fmt, labels)
    gold = list(read_gold(gold_path, fmt))
    results: list[SystemResult] = []
    if pred_records is not None:
        if isinstance(pred_records, str | Path) and not Path(pred_records).is_file():
            raise GoldFormatError(pred_records, "no such predictions file")
        preds = (
            read_gold_records(Path(pred_records))
            if isinstance(pred_records, str | Path)
            else pred_records
        )
        results.append(score_system("pred", gold, preds, label_map, errors=errors))
    else:
        if systems is None:
            with_refs = any(r.references for r in gold)
            systems = (*SYSTEMS, NAMES_ONLY) if with_refs else SYSTEMS
        baseline: set[Mention] | None = None  # the bare model's, once scored
        for name in systems:
            if name not in (*SYSTEMS, NAMES_ONLY):
                known = ", ".join((*SYSTEMS, NAMES_ONLY))
                raise ValueError(f"unknown system {name!r} (one of {known})")
            preds = run_pipeline(
                gold, bare=(name == "bare"), model=model, coreference=(name != NAMES_ONLY)
            )
            found = score_system(
                name,
                gold,
                preds,
                label_map,
                errors=errors,
                baseline=baseline if name != "bare" else None,
            )
            if name == "bare":
                baseline = found.mentions
            results.append(found)
    return Evaluation(
        gold=str(gold_path),
        format=fmt,
        labels=str(labels) if isinstance(labels, str | Path) else f"default:{fmt}",
        documents=len(gold),
        systems=results,
    )


__all__ = [
    "FORMATS",
    "AlignmentError",
    "CorefScores",
    "EvaluationError",
    "Evaluation",
    "GoldFormatError",
    "SystemResult",
    "evaluate",
    "read_gold",
    "score_system",
]
