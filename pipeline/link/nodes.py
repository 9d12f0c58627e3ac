"""The map side: what one record gives the linker. Pure functions of a record and the rules.

Each named cluster becomes an :class:`EntityNode` with its linking keys; each event an
:class:`EventNode` whose participants point at their cluster's name key (resolved to a corpus
entity once every record is read). Keys are strings: ``n|class|name`` (a name, strong),
``c|code`` (a country, strong), ``a|class|ACRONYM`` (an acronym), ``s|surname`` and
``r|surname|title`` (persons), ``v<TAB>own name key<TAB>other label's name key`` (a label
vote, decided on the corpus's counts of both name keys). Strong keys join clusters; an *offer*
can be claimed by a *seek* when exactly one corpus entity offers it (pipeline.link.entities).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pipeline.entities.countries import country_table
from pipeline.link.names import (
    acronym_form,
    country_prefix,
    descriptor_stripped,
    generic,
    initials,
    name_words,
    normalise_name,
    surname,
    words,
)
from pipeline.link.rules import EntityRule, LinkRules
from pipeline.present.views import sentence_text
from pipeline.schema import Cluster, Entity, Event, Record

Order = tuple[int, int]  # (partition, position in it): input order, whatever the partitioning
DOCUMENT_ONLY = "d|"  # keys that link clusters of one document only
LABEL_VOTE = "v\t"  # seeks of rule kind label-vote: own name key, tab, the other class's


def other_key(cls: str, name: str) -> str:
    return f"n|{cls}|{name}"


@dataclass(frozen=True)
class Key:
    key: str
    rule: str


@dataclass
class EntityNode:
    doc: str
    cluster: str
    order: Order
    label: str
    cls: str
    name: str
    mentions: int
    forms: list[str]
    country: str | None
    titles: list[str]
    strong: list[Key] = field(default_factory=list)
    offers: list[Key] = field(default_factory=list)
    seeks: list[Key] = field(default_factory=list)

    @property
    def rep(self) -> str:
        """The key that stands for this cluster (its name key, always strong)."""
        return self.strong[0].key

    def row(self) -> dict[str, Any]:
        """What the members spool keeps of the node."""
        return {
            "doc": self.doc,
            "cluster": self.cluster,
            "name": self.name,
            "label": self.label,
            "mentions": self.mentions,
            "rep": self.rep,
            "strong": [[k.key, k.rule] for k in self.strong],
            "seeks": [[k.key, k.rule] for k in self.seeks],
            "offers": [[k.key, k.rule] for k in self.offers],
            "order": list(self.order),
        }


@dataclass
class Participant:
    role: str
    name: str
    rep: str | None  # name key of the participant's cluster node, None when not linkable


@dataclass
class EventNode:
    doc: str
    event: str
    order: Order
    type: str
    status: str | None
    date: str | None
    published: str | None
    outlet: str | None
    trigger: str
    sentence: str
    rule: str
    participants: list[Participant]
    values: dict[str, str]
    texts: dict[str, list[str]]

    def dump(self) -> str:
        data = self.__dict__ | {"participants": [p.__dict__ for p in self.participants]}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def load(cls, line: str) -> EventNode:
        data = json.loads(line)
        data["participants"] = [Participant(**p) for p in data["participants"]]
        data["order"] = tuple(data["order"])
        return cls(**data)


def _titles(cluster: Cluster) -> list[str]:
    return sorted({" ".join(words(r.title)) for r in cluster.roles if r.title})


def _keys(node: EntityNode, forms: list[str], aliases: list[str], rules: LinkRules) -> None:
    names = rules.entities.names
    cls = node.cls
    if generic(node.name, names):  # ``Corp``: an entity of its document only
        node.strong.append(Key(f"u|{node.doc}|{node.cluster}", ""))
        return
    node.strong.append(Key(f"n|{cls}|{normalise_name(node.name, cls, names)}", ""))
    for rule in rules.entities.rules:
        if cls not in rule.classes:
            continue
        _apply(node, rule, forms, aliases, rules)
    # the name key cites the rule of kind "name" when there is one for the class
    name_rule = next(
        (r.id for r in rules.entities.rules if r.kind == "name" and cls in r.classes), "name"
    )
    node.strong[0] = Key(node.strong[0].key, name_rule)
    first: dict[str, Key] = {}
    for k in node.strong:
        first.setdefault(k.key, k)  # each key once, the name key first (the node's rep)
    node.strong = list(first.values())


def _apply(
    node: EntityNode, rule: EntityRule, forms: list[str], aliases: list[str], rules: LinkRules
) -> None:
    names, cls = rules.entities.names, node.cls
    if rule.kind == "name":
        for form in forms:
            ws = normalise_name(form, cls, names)
            # a one-word form of a longer person name is a surname, never a name of its own
            if ws and (cls != "person" or " " in ws or form == node.name):
                node.strong.append(Key(f"n|{cls}|{ws}", rule.id))
    elif rule.kind == "alias":
        for alias in aliases:
            if ws := normalise_name(alias, cls, names):
                node.strong.append(Key(f"n|{cls}|{ws}", rule.id))
    elif rule.kind == "country" and node.country:
        node.strong.append(Key(f"c|{node.country}", rule.id))
    elif rule.kind == "acronym":
        for form in forms:
            short = acronym_form(form)
            if short and rule.min_letters <= len(short) <= rule.max_letters:
                node.seeks.append(Key(f"a|{cls}|{short}", rule.id))
            long = initials(form, cls, names)
            if long and rule.min_letters <= len(long) <= rule.max_letters:
                node.offers.append(Key(f"a|{cls}|{long}", rule.id))
    elif rule.kind == "surname":
        found = surname(node.name, names)
        if found:
            last, alone = found
            (node.seeks if alone else node.offers).append(Key(f"s|{last}", rule.id))
    elif rule.kind == "role":
        found = surname(node.name, names)
        if found:
            last, alone = found
            for title in node.titles:
                (node.seeks if alone else node.offers).append(Key(f"r|{last}|{title}", rule.id))
    elif rule.kind in ("country-name", "national-body"):
        table = country_table()
        bodies = set(names.national_bodies)
        for form in forms:
            form_words = name_words(form, cls, names)
            split = country_prefix(form_words, table)
            rest = " ".join(split[1]) if split else ""
            whole = " ".join(form_words)
            if rule.kind == "country-name" and split:
                node.strong.append(Key(f"n|{cls}|@{split[0]} {rest}", rule.id))
            elif rule.kind == "national-body" and split and rest in bodies:
                node.offers.append(Key(f"b|{cls}|{rest}", rule.id))
            elif rule.kind == "national-body" and not split and whole in bodies:
                node.seeks.append(Key(f"b|{cls}|{whole}", rule.id))
    elif rule.kind == "document-name":
        own = normalise_name(node.name, cls, names)
        node.offers.append(Key(f"{DOCUMENT_ONLY}{own}", rule.id))
        node.seeks.append(Key(f"{DOCUMENT_ONLY}{own}", rule.id))
        found = surname(node.name, names) if cls == "person" else None
        if found and not found[1]:
            node.offers.append(Key(f"{DOCUMENT_ONLY}{found[0]}", rule.id))
    elif rule.kind == "short-name":
        own_words = name_words(node.name, cls, names)
        table = country_table()
        if (
            len(own_words) == 1
            and len(own_words[0]) >= rule.min_letters
            and own_words[0].isalpha()
            and own_words[0] not in names.common_words
            and table.by_name(own_words[0]) is None
            and table.by_demonym(own_words[0].title()) is None
        ):
            node.seeks.append(Key(f"f|{cls}|{own_words[0]}", rule.id))
        for form in forms:
            form_words = name_words(form, cls, names)
            if len(form_words) > 1:
                node.offers.append(Key(f"f|{cls}|{form_words[0]}", rule.id))
    elif rule.kind == "label-vote":
        own = f"n|{cls}|{normalise_name(node.name, cls, names)}"
        for other in rule.classes:
            if other != cls and (theirs := normalise_name(node.name, other, names)):
                vote = f"{LABEL_VOTE}{own}\t{other_key(other, theirs)}"
                node.seeks.append(Key(vote, rule.id))
    elif rule.kind == "descriptor":
        for form in forms:
            for base in descriptor_stripped(form, cls, names):
                node.seeks.append(Key(f"n|{cls}|{base}", rule.id))


def entity_nodes(record: Record, rules: LinkRules, partition: int, start: int) -> list[EntityNode]:
    """The linkable clusters of ``record``; ``start`` numbers them within the partition."""
    labels = rules.entities.labels
    by_id: dict[str, Entity] = {e.id: e for e in record.entities}
    out: list[EntityNode] = []
    for cluster in record.clusters:
        cls = labels.get(cluster.label)
        if cls is None or not cluster.mentions:  # an unnamed entity ("the company"): no name
            continue
        mentions = [by_id[m] for m in cluster.mentions if m in by_id]
        forms = sorted({cluster.name, *(m.text for m in mentions if labels.get(m.label) == cls)})
        if not normalise_name(cluster.name, cls, rules.entities.names):
            continue
        norm = cluster.norm or {}
        country = norm.get("country") if isinstance(norm.get("country"), str) else None
        node = EntityNode(
            doc=record.id,
            cluster=cluster.id,
            order=(partition, start + len(out)),
            label=cluster.label,
            cls=cls,
            name=cluster.name,
            mentions=len(cluster.mentions),
            forms=forms,
            country=country,
            titles=_titles(cluster),
        )
        _keys(node, forms, list(cluster.aliases), rules)
        out.append(node)
    _maker_prefix(out, rules)
    _claim_within(out, {r.id for r in rules.entities.rules if not r.within_document})
    return out


def _maker_prefix(nodes: list[EntityNode], rules: LinkRules) -> None:
    """Rule kind ``maker-prefix``: a name that starts with the name of an organisation of the
    same document (``Acme X200``) seeks the rest (``X200``) in its own class."""
    names = rules.entities.names
    makers = {normalise_name(n.name, n.cls, names) for n in nodes if n.cls == "org"}
    for rule in rules.entities.rules:
        if rule.kind != "maker-prefix":
            continue
        for node in nodes:
            if node.cls not in rule.classes:
                continue
            for form in node.forms:
                ws = name_words(form, node.cls, names)
                for n in range(1, len(ws)):
                    if " ".join(ws[:n]) in makers:
                        node.seeks.append(Key(f"n|{node.cls}|{' '.join(ws[n:])}", rule.id))


def _claim_within(nodes: list[EntityNode], corpus_only: set[str]) -> None:
    """Within one document a seek claims the one other cluster that offers its key (or holds
    it as a strong key): the document's own context decides (``the Air Force`` of an article
    that names the ``U.S. Air Force``). The claim becomes a strong key, citing the seek's rule."""
    holders: dict[str, set[int]] = {}
    for i, node in enumerate(nodes):
        for k in [*node.strong, *node.offers]:
            holders.setdefault(k.key, set()).add(i)
    for i, node in enumerate(nodes):
        kept: list[Key] = []
        for seek in node.seeks:
            others = holders.get(seek.key, set()) - {i}
            if len(others) == 1 and seek.rule not in corpus_only:
                target = nodes[next(iter(others))]
                node.strong.append(Key(target.rep, seek.rule))
            elif not seek.key.startswith(DOCUMENT_ONLY):
                kept.append(seek)
        node.seeks = kept
    for node in nodes:
        node.offers = [k for k in node.offers if not k.key.startswith(DOCUMENT_ONLY)]


def _value(record: Record, event: Event, role: str, by_id: dict[str, Entity]) -> str | None:
    for arg in event.arguments:
        if arg.role != role:
            continue
        ent = by_id.get(arg.ref) if arg.ref else None
        if ent is not None and ent.norm:
            keep = {k: ent.norm[k] for k in ("amount", "currency", "value") if k in ent.norm}
            if keep:
                return json.dumps(keep, sort_keys=True)
        text = ent.text if ent is not None else arg.text
        if text is None and arg.start is not None and arg.end is not None:
            text = record.text[arg.start : arg.end]
        return " ".join(words(text or "")) or None
    return None


def event_nodes(
    record: Record, rules: LinkRules, reps: dict[str, str], partition: int, start: int
) -> Iterator[EventNode]:
    """The events of ``record``; ``reps`` maps the record's cluster ids to their name keys."""
    by_id: dict[str, Entity] = {e.id: e for e in record.entities}
    names = {c.id: c.name for c in record.clusters}
    stop = frozenset(rules.events.stopwords)
    for n, event in enumerate(record.events):
        rule = rules.events.for_type(event.type)
        roles = rule.participant_roles if rule else []
        parts: list[Participant] = []
        for arg in event.arguments:
            ent = by_id.get(arg.ref) if arg.ref else None
            if arg.role not in roles or ent is None:
                continue
            cid = ent.entity or ""
            parts.append(Participant(arg.role, names.get(cid, ent.text), reps.get(cid)))
        value_roles = sorted({*(rule.values if rule else []), *(rule.same_values if rule else [])})
        values = {r: v for r in value_roles if (v := _value(record, event, r, by_id)) is not None}
        texts = {}
        for role in sorted({*rule.same_words, *rule.same_numbers}) if rule else []:
            text = _value(record, event, role, {})
            if text:
                texts[role] = sorted({w for w in text.split() if w not in stop and len(w) > 1})
        yield EventNode(
            doc=record.id,
            event=event.id,
            order=(partition, start + n),
            type=event.type,
            status=event.status,
            date=event.date,
            published=record.meta.published,
            outlet=record.meta.outlet,
            trigger=event.trigger.text,
            sentence=sentence_text(record, event),
            rule=event.rule,
            participants=parts,
            values=values,
            texts=texts,
        )
