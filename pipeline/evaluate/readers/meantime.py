"""MEANTIME (NewsReader) XML: tokens, named entity mentions and TIMEX3 over token anchors.

Entity mentions whose ``syntactic_type`` is a name (NAM, PRE.NAM) become entities labelled with
the ``ent_type`` of the ENTITY instance they refer to (PER, ORG, LOC, PRO, FIN, MIX); TIMEX3
become entities labelled with their type and ``norm={"type", "value"}``; the creation time's value
goes to ``meta.published``. Events are not read.

MEANTIME annotates only the first sentences of an article: ``meta["annotated_end"]`` is the
character offset where the last sentence holding an annotation ends, and ``newsrel evaluate``
scores nothing after it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline.evaluate.readers._base import GoldFormatError, join_tokens
from pipeline.evaluate.readers.timeml import _parse
from pipeline.schema import Entity, Meta, Record

NAME_TYPES = frozenset({"NAM", "PRE.NAM"})
ANNOTATIONS = ("ENTITY_MENTION", "TIMEX3", "EVENT_MENTION", "VALUE", "SIGNAL", "C-SIGNAL")


def read_meantime_file(path: Path, doc_id: str | None = None) -> Record:
    root = _parse(path)
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
    if markables is not None:
        for ent in markables.findall("ENTITY"):
            if ent.get("ent_type"):
                types[ent.attrib["m_id"]] = ent.attrib["ent_type"]
    mention_type: dict[str, str] = {}
    if relations is not None:
        for ref in relations.findall("REFERS_TO"):
            target = ref.find("target")
            if target is None or target.get("m_id") not in types:
                continue
            for src in ref.findall("source"):
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
    if markables is not None:
        for m in markables:
            if m.tag in ANNOTATIONS:
                span = span_of(m)
                last_sentence = max(last_sentence, span[2] if span else -1)
            if m.tag == "ENTITY_MENTION" and m.get("syntactic_type") in NAME_TYPES:
                label = mention_type.get(m.get("m_id", ""))
                span = span_of(m)
                if label and span:
                    add(span[0], span[1], label, span[2], None)
            elif m.tag == "TIMEX3":
                ttype, value = m.get("type", ""), m.get("value", "")
                if m.get("functionInDocument") == "CREATION_TIME" and value:
                    meta["published"] = value
                span = span_of(m)
                if span and ttype:
                    add(span[0], span[1], ttype, span[2], {"type": ttype, "value": value})
    entities.sort(key=lambda e: (e.start, e.end))
    if last_sentence >= 0:
        meta["annotated_end"] = built.spans[last_sentence][-1][1]
    return Record(
        id=doc_id or path.stem,
        meta=Meta(**meta, title=root.get("doc_name")),
        text=built.text,
        entities=entities,
    )


def read_meantime(path: Path) -> Iterator[Record]:
    """One file, or every ``*.xml`` under a folder (ids relative to it)."""
    if path.is_dir():
        for f in sorted(path.rglob("*.xml")):
            yield read_meantime_file(f, f.relative_to(path).as_posix())
    else:
        yield read_meantime_file(path)
