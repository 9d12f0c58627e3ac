"""MEANTIME cross-document annotation: entity and event mentions with corpus-wide instances.

In ``intra_cross-doc_annotation/`` every ``ENTITY`` / ``EVENT`` markable that carries an
``instance_id`` is an instance shared between articles; ``REFERS_TO`` links mentions to it. A
mention whose target has no ``instance_id`` is an instance of its own document. The text is the
one :mod:`pipeline.evaluate.readers.meantime` rebuilds, so offsets line up with its Records.

Named entity mentions: ``syntactic_type`` NAM or PRE.NAM (the document-level annotation of the
first sentences), and the untyped mentions the cross-document pass added over whole articles
whose last word is capitalised and not a pronoun (``the Air Force``, not ``the company``/``We``),
unless the same words are typed only as a description elsewhere in the corpus (``Apple CEO``
is NOM where the document-level annotation types it).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline.evaluate.readers._base import GoldFormatError
from pipeline.evaluate.readers.meantime import NAME_TYPES, read_meantime_file, token_spans
from pipeline.evaluate.readers.timeml import _parse
from pipeline.schema import Record

PRONOUNS = frozenset(
    "i me my mine we us our ours you your he him his she her it its they them their theirs "
    "this that these those who which what".split()
)


@dataclass(frozen=True)
class GoldMention:
    """One gold mention, with the instance it refers to."""

    doc: str
    start: int
    end: int
    text: str
    instance: str
    kind: str  # "entity" or "event"
    type: str  # ent_type (PER, ORG, LOC, PRO, FIN, MIX) or event class
    named: bool = False


@dataclass
class CrossDocGold:
    records: list[Record] = field(default_factory=list)
    entities: list[GoldMention] = field(default_factory=list)
    events: list[GoldMention] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return len(self.records)


def _looks_named(text: str) -> bool:
    words = text.split()
    last = words[-1] if words else ""
    return bool(last[:1].isupper()) and last.lower() not in PRONOUNS


def read_crossdoc_file(
    path: Path, doc_id: str, typed: dict[str, set[str]] | None = None
) -> tuple[Record, list[GoldMention]]:
    """One article; ``typed`` collects the syntactic types each mention text has."""
    record = read_meantime_file(path, doc_id)
    root = _parse(path)
    spans = token_spans(root, path)
    markables = root.find("Markables")
    relations = root.find("Relations")
    if markables is None or relations is None:
        return record, []
    targets: dict[str, tuple[str, str, str]] = {}  # m_id -> (kind, instance, type)
    mentions: dict[str, tuple[str, str | None, tuple[int, int] | None]] = {}
    for m in markables:
        mid = m.get("m_id", "")
        if m.tag in ("ENTITY", "EVENT"):
            kind = m.tag.lower()
            instance = m.get("instance_id") or f"{doc_id}#{mid}"
            typ = m.get("ent_type") or m.get("class") or ""
            targets[mid] = (kind, instance, typ)
        elif m.tag in ("ENTITY_MENTION", "EVENT_MENTION"):
            anchors = [a.get("t_id", "") for a in m.findall("token_anchor")]
            missing = [a for a in anchors if a not in spans]
            if missing:
                raise GoldFormatError(path, f"m_id {mid}: unknown token {missing[0]}")
            span = (
                (min(spans[a][0] for a in anchors), max(spans[a][1] for a in anchors))
                if anchors
                else None
            )
            mentions[mid] = (m.tag, m.get("syntactic_type"), span)
    out: list[GoldMention] = []
    for ref in relations.findall("REFERS_TO"):
        target = ref.find("target")
        if target is None or target.get("m_id") not in targets:
            continue
        kind, instance, typ = targets[target.attrib["m_id"]]
        for src in ref.findall("source"):
            tag, syn, span = mentions.get(src.get("m_id", ""), ("", None, None))
            if span is None or tag.lower() != f"{kind}_mention":
                continue
            text = record.text[span[0] : span[1]]
            if typed is not None and syn:
                typed.setdefault(text.lower(), set()).add(syn)
            named = kind == "entity" and (syn in NAME_TYPES or (syn is None and _looks_named(text)))
            out.append(GoldMention(doc_id, span[0], span[1], text, instance, kind, typ, named))
    return record, sorted(set(out), key=lambda g: (g.start, g.end, g.kind, g.instance))


def read_crossdoc(path: Path) -> CrossDocGold:
    """Every ``*.xml`` under ``path`` (ids relative to it, as the meantime reader gives)."""
    files = sorted(path.rglob("*.xml")) if path.is_dir() else [path]
    gold = CrossDocGold()
    typed: dict[str, set[str]] = {}
    for f in files:
        doc_id = f.relative_to(path).as_posix() if path.is_dir() else f.stem
        record, mentions = read_crossdoc_file(f, doc_id, typed)
        gold.records.append(record)
        gold.entities.extend(m for m in mentions if m.kind == "entity")
        gold.events.extend(m for m in mentions if m.kind == "event")
    described = {t for t, types in typed.items() if not types & NAME_TYPES}
    gold.entities = [
        replace(m, named=False) if m.named and m.text.lower() in described else m
        for m in gold.entities
    ]
    return gold


def iter_documents(gold: CrossDocGold) -> Iterator[Record]:
    yield from gold.records
