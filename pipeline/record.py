"""From a processed ``Doc`` to a :class:`~pipeline.schema.Record`.

Components attach facts keyed by character offsets (``pipeline.facts``); this module gives
each entity mention a ``T`` id, each cluster an ``E`` id, and resolves the offsets.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from pipeline.facts import (
    ArgumentFact,
    ClusterFact,
    EventFact,
    Offsets,
    ReferenceFact,
    RelationFact,
    RoleFact,
    SentenceIndex,
    UnnamedFact,
)
from pipeline.matchers.doctext import doc_text
from pipeline.schema import (
    Argument,
    Cluster,
    Edit,
    Entity,
    Event,
    Meta,
    PipelineInfo,
    Record,
    Reference,
    Relation,
    Role,
    Span,
)


def source_of(rule_id: str) -> str:
    return f"rule:{rule_id}" if rule_id else "model"


def build_record(
    doc: Doc,
    *,
    doc_id: str,
    meta: dict[str, Any],
    edits: list[Edit],
    pipeline: PipelineInfo | None,
) -> Record:
    text = doc_text(doc)  # the components' copy: spaCy rebuilds doc.text on every access
    sent_of = SentenceIndex.of(doc)
    ids: dict[Offsets, str] = {}
    entities: list[Entity] = []
    for n, ent in enumerate(doc.ents, 1):
        tid = f"T{n}"
        start, end = ent.start_char, ent.end_char
        ids[(start, end)] = tid
        entities.append(
            Entity(
                id=tid,
                start=start,
                end=end,
                text=text[start:end],  # = ent.text, without a Token object per token
                label=ent.label_,
                norm=ent._.norm,
                source=source_of(ent.id_),
                sentence=sent_of.get(ent.start),
            )
        )
    clusters = _clusters(doc._.clusters or [], doc._.roles or [], ids, entities)
    references = _references(
        text, doc._.references or [], ids, entities, clusters, doc._.unnamed or []
    )
    ref_ids = {(r.start, r.end): r for r in references}
    ends = {**{o: r.id for o, r in ref_ids.items()}, **ids}  # a relation end may be a reference
    relations = [
        Relation(
            id=f"R{n}",
            type=r.type,
            head=ends[r.head],
            tail=ends[r.tail],
            rule=r.rule,
            sentence=r.sentence,
        )
        for n, r in enumerate(_known([*(doc._.aliases or []), *(doc._.relations or [])], ends), 1)
    ]
    events = [_event(text, f"V{n}", ev, ids, ref_ids) for n, ev in enumerate(doc._.events or [], 1)]
    return Record(
        id=doc_id,
        meta=Meta.model_validate(meta),
        text=text,
        edits=edits,
        entities=entities,
        clusters=clusters,
        references=references,
        relations=relations,
        events=events,
        pipeline=pipeline,
    )


def _known(relations: list[RelationFact], ids: dict[Offsets, str]) -> list[RelationFact]:
    return [r for r in relations if r.head in ids and r.tail in ids]


def _clusters(
    facts: list[ClusterFact],
    roles: list[RoleFact],
    ids: dict[Offsets, str],
    entities: list[Entity],
) -> list[Cluster]:
    """Clusters from the resolver, with the roles the relations found for their mentions;
    every mention the resolver left out gets its own cluster."""
    out: list[Cluster] = []
    member: dict[Offsets, str] = {}
    placed: list[tuple[ClusterFact, Cluster]] = []
    for fact in facts:
        mentions = [ids[m] for m in fact.mentions if m in ids and m not in member]
        if not mentions:
            continue
        cid = f"E{len(out) + 1}"
        for m in fact.mentions:
            if m in ids:
                member.setdefault(m, cid)
        cluster = Cluster(
            id=cid,
            label=fact.label,
            name=fact.name,
            mentions=mentions,
            aliases=list(fact.aliases),
            norm=fact.norm,
        )
        out.append(cluster)
        placed.append((fact, cluster))
    for fact, cluster in placed:  # roles point at clusters, known only now
        mine = set(fact.mentions)
        cluster.roles = [
            Role(title=r.title, of=member.get(r.of) if r.of else None)
            for r in roles
            if r.person in mine
        ]
    for ent in entities:
        key = (ent.start, ent.end)
        if key not in member:
            cid = f"E{len(out) + 1}"
            member[key] = cid
            out.append(
                Cluster(id=cid, label=ent.label, name=ent.text, mentions=[ent.id], norm=ent.norm)
            )
        ent.entity = member[key]
    return out


def _references(
    text: str,
    facts: list[ReferenceFact],
    ids: dict[Offsets, str],
    entities: list[Entity],
    clusters: list[Cluster],
    unnamed: list[UnnamedFact],
) -> list[Reference]:
    """The resolver's references (``M`` ids, text order), each with the clusters of its entity
    mentions; every cluster lists the references that refer to it. A reference whose entities
    are all unknown (an entity dropped after resolution) is left out. Each unnamed entity is
    a cluster with no entity mention (after the named ones), its mentions references to it."""
    cluster_of = {ids[(e.start, e.end)]: e.entity for e in entities}
    mention_ids = dict(ids)
    refers: list[tuple[ReferenceFact, list[str]]] = []
    for fact in facts:
        found = [cluster_of.get(ids[m]) for m in fact.entities if m in ids]
        refers.append((fact, list(dict.fromkeys(c for c in found if c is not None))))
    for u in unnamed:
        cid = f"E{len(clusters) + 1}"
        clusters.append(Cluster(id=cid, label=u.label, name=u.name, mentions=[]))
        refers.extend((fact, [cid]) for fact in u.references)
    by_id = {c.id: c for c in clusters}
    kept: list[tuple[ReferenceFact, list[str]]] = []
    for fact, refers_to in sorted(refers, key=lambda fr: fr[0].span):
        if refers_to and fact.span not in mention_ids:
            mention_ids[fact.span] = f"M{len(kept) + 1}"
            kept.append((fact, refers_to))
    out: list[Reference] = []
    for fact, refers_to in kept:  # ids first: an antecedent may come later ("our", "she said")
        rid = mention_ids[fact.span]
        s, e = fact.span
        out.append(
            Reference(
                id=rid,
                start=s,
                end=e,
                text=text[s:e],
                kind=fact.kind,
                refers_to=refers_to,
                antecedent=None
                if fact.antecedent == fact.span
                else mention_ids.get(fact.antecedent),
                rule=fact.rule,
                sentence=fact.sentence,
            )
        )
        for cid in refers_to:
            by_id[cid].references.append(rid)
    return out


def _event(
    text: str,
    vid: str,
    ev: EventFact,
    ids: dict[Offsets, str],
    refs: dict[Offsets, Reference] | None = None,
) -> Event:
    def span(o: Offsets) -> Span:
        return Span(start=o[0], end=o[1], text=text[o[0] : o[1]])

    return Event(
        id=vid,
        type=ev.type,
        trigger=span(ev.trigger),
        triggers=[span(t) for t in ev.triggers],
        arguments=[_argument(text, a, ids, refs or {}) for a in ev.arguments],
        date=ev.date,
        status=ev.status,
        cameo=ev.cameo,
        sentence=ev.sentence,
        sentences=list(ev.sentences),
        rule=ev.rule,
        rules=list(ev.rules),
    )


def _argument(
    text: str, arg: ArgumentFact, ids: dict[Offsets, str], refs: dict[Offsets, Reference]
) -> Argument:
    if arg.is_entity and arg.span in ids:
        return Argument(role=arg.role, ref=ids[arg.span])
    s, e = arg.span
    ref = refs.get(arg.span)
    if ref is not None:  # a resolved pronoun or description: carry what it refers to
        return Argument(
            role=arg.role, ref=ref.id, start=s, end=e, text=ref.text, refers_to=ref.refers_to
        )
    return Argument(role=arg.role, start=s, end=e, text=text[s:e])
