"""MEANTIME (NewsReader) XML: tokens, named entity mentions and TIMEX3 over token anchors.

Entity mentions whose ``syntactic_type`` is a name (NAM, PRE.NAM) become entities labelled with
the ``ent_type`` of the ENTITY instance they refer to (PER, ORG, LOC, PRO, FIN, MIX); TIMEX3
become entities labelled with their type and ``norm={"type", "value"}``; the creation time's value
goes to ``meta.published``. Events are not read.

Coreference: every other ENTITY_MENTION (NOM, PRO, APP, CONJ ..., and the untyped ones) becomes
a reference (``kind`` its syntactic type in lower case, ``"mention"`` when it has none, ``rule``
``"gold"``), and each ENTITY instance a cluster holding the entity mentions and references that
``REFERS_TO`` it; a mention with no instance is a cluster of its own.

MEANTIME annotates only the first sentences of an article: ``meta["annotated_end"]`` is the
character offset where the last sentence holding an annotation ends, and ``newsrel evaluate``
scores nothing after it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline.evaluate.readers._base import GoldFormatError, TokenText, join_tokens
from pipeline.evaluate.readers.timeml import _parse
from pipeline.schema import Cluster, Entity, Meta, Record, Reference

NAME_TYPES = frozenset({"NAM", "PRE.NAM"})
ANNOTATIONS = ("ENTITY_MENTION", "TIMEX3", "EVENT_MENTION", "VALUE", "SIGNAL", "C-SIGNAL")


def _tokens(root: ET.Element, path: Path) -> tuple[TokenText, dict[str, tuple[int, int]]]:
    """The rebuilt text and each token id's (sentence, position) in it."""
    if root.tag != "Document":
        raise GoldFormatError(path, f"root element is <{root.tag}>, not a MEANTIME <Document>")
    sentences: dict[int, list[tuple[str, str]]] = {}
    for tok in root.iter("token"):
        try:
            sent = int(tok.attrib["sentence"])
            tid = tok.attrib["t_id"]
        except (KeyError, ValueError) as exc:
            raise GoldFormatError(path, "a <token> needs `sentence` and `t_id`") from exc
        sentences.setdefault(sent, []).append((tid, tok.text or ""))
    order = sorted(sentences)
    built = join_tokens([[w for _, w in sentences[s]] for s in order])
    where: dict[str, tuple[int, int]] = {}
    for si, s in enumerate(order):
        for ti, (tid, _) in enumerate(sentences[s]):
            where[tid] = (si, ti)
    return built, where


def token_spans(root: ET.Element, path: Path) -> dict[str, tuple[int, int]]:
    """Character span of each token id in the rebuilt text."""
    built, where = _tokens(root, path)
    return {tid: built.spans[s][t] for tid, (s, t) in where.items()}


def read_meantime_file(path: Path, doc_id: str | None = None) -> Record:
    root = _parse(path)
    built, where = _tokens(root, path)

    def span_of(el: ET.Element) -> tuple[int, int, int] | None:
        anchors = [a.attrib.get("t_id", "") for a in el.findall("token_anchor")]
        if not anchors:
            return None
        missing = [a for a in anchors if a not in where]
        if missing:
            raise GoldFormatError(path, f"m_id {el.get('m_id')}: unknown token {missing[0]}")
        pos = sorted(where[a] for a in anchors)
        (s0, t0), (s1, t1) = pos[0], pos[-1]
        start = built.spans[s0][t0][0]
        end = built.spans[s1][t1][1]
        return start, end, s0

    markables = root.find("Markables")
    relations = root.find("Relations")
    types: dict[str, str] = {}
    instances: dict[str, ET.Element] = {}
    if markables is not None:
        for ent in markables.findall("ENTITY"):
            instances[ent.attrib["m_id"]] = ent
            if ent.get("ent_type"):
                types[ent.attrib["m_id"]] = ent.attrib["ent_type"]
    mention_type: dict[str, str] = {}
    instance_of: dict[str, str] = {}
    if relations is not None:
        for ref in relations.findall("REFERS_TO"):
            target = ref.find("target")
            if target is None or target.get("m_id") not in instances:
                continue
            for src in ref.findall("source"):
                instance_of.setdefault(src.attrib.get("m_id", ""), target.attrib["m_id"])
                if target.attrib["m_id"] in types:
                    mention_type[src.attrib.get("m_id", "")] = types[target.attrib["m_id"]]

    entities: list[Entity] = []
    meta: dict[str, Any] = {"path": str(path)}
    seen: set[tuple[int, int, str]] = set()

    def add(start: int, end: int, label: str, sent: int, norm: dict[str, str] | None) -> None:
        if (start, end, label) in seen:
            return
        seen.add((start, end, label))
        entities.append(
            Entity(
                id=f"T{len(entities) + 1}",
                start=start,
                end=end,
                text=built.text[start:end],
                label=label,
                norm=norm,
                source="gold",
                sentence=sent,
            )
        )

    last_sentence = -1
    mentions: list[tuple[str, tuple[int, int, int], str | None, str]] = []
    if markables is not None:
        for m in markables:
            if m.tag in ANNOTATIONS:
                span = span_of(m)
                last_sentence = max(last_sentence, span[2] if span else -1)
            if m.tag == "ENTITY_MENTION":
                span = span_of(m)
                if span is None:
                    continue
                label = mention_type.get(m.get("m_id", ""))
                mentions.append((m.get("m_id", ""), span, label, m.get("syntactic_type") or ""))
                if m.get("syntactic_type") in NAME_TYPES and label:
                    add(span[0], span[1], label, span[2], None)
            elif m.tag == "TIMEX3":
                ttype, value = m.get("type", ""), m.get("value", "")
                if m.get("functionInDocument") == "CREATION_TIME" and value:
                    meta["published"] = value
                span = span_of(m)
                if span and ttype:
                    add(span[0], span[1], ttype, span[2], {"type": ttype, "value": value})
    entities.sort(key=lambda e: (e.start, e.end))
    for n, entity in enumerate(entities, 1):
        entity.id = f"T{n}"
    if last_sentence >= 0:
        meta["annotated_end"] = built.spans[last_sentence][-1][1]
    clusters, references = _coreference(built.text, mentions, entities, instance_of, instances)
    return Record(
        id=doc_id or path.stem,
        meta=Meta(**meta, title=root.get("doc_name")),
        text=built.text,
        entities=entities,
        clusters=clusters,
        references=references,
    )


def _coreference(
    text: str,
    mentions: list[tuple[str, tuple[int, int, int], str | None, str]],
    entities: list[Entity],
    instance_of: dict[str, str],
    instances: dict[str, ET.Element],
) -> tuple[list[Cluster], list[Reference]]:
    """Clusters of the gold entity instances over entity mentions (names) and references."""
    name_ids = {(e.start, e.end, e.label): e.id for e in entities if e.norm is None}
    clusters: dict[str, Cluster] = {}
    references: list[Reference] = []
    placed: set[str] = set()
    for mid, (start, end, sent), label, syntactic in sorted(mentions, key=lambda m: m[1][:2]):
        key = instance_of.get(mid, f"mention:{mid}")
        cluster = clusters.get(key)
        if cluster is None:
            inst = instances.get(key)
            cluster = Cluster(
                id=f"E{len(clusters) + 1}",
                label=(inst.get("ent_type") if inst is not None else None) or label or "MENTION",
                name=(inst.get("TAG_DESCRIPTOR") if inst is not None else None) or text[start:end],
                mentions=[],
            )
            clusters[key] = cluster
        tid = name_ids.get((start, end, label or ""))
        if syntactic in NAME_TYPES and tid is not None and tid not in placed:
            cluster.mentions.append(tid)
            placed.add(tid)
            continue
        rid = f"M{len(references) + 1}"
        references.append(
            Reference(
                id=rid,
                start=start,
                end=end,
                text=text[start:end],
                kind=syntactic.lower() or "mention",
                refers_to=[cluster.id],
                rule="gold",
                sentence=sent,
            )
        )
        cluster.references.append(rid)
    for ent in entities:
        ent.entity = next((c.id for c in clusters.values() if ent.id in c.mentions), None)
    return list(clusters.values()), references


def read_meantime(path: Path) -> Iterator[Record]:
    """One file, or every ``*.xml`` under a folder (ids relative to it)."""
    if path.is_dir():
        for f in sorted(path.rglob("*.xml")):
            yield read_meantime_file(f, f.relative_to(path).as_posix())
    else:
        yield read_meantime_file(path)
