"""What coreference works on: the mentions to resolve (:class:`Anaphor`, found by
:mod:`pipeline.resolve.anaphors`) and the mentions they may resolve to (:class:`Candidate`),
found once per document in a :class:`Context`.

- **Candidates**: the named entity mentions of the resolver's clusters (with their cluster,
  label, sentence, paragraph and whether they are a clause's subject), coordinations of names
  (``Acme and Zenith``, for ``they`` and group descriptions), and every reference resolved so far
  (entity-centric, as in Lee et al. 2013: a resolved ``he`` is a candidate for the next ``his``).

Pure functions over a parsed ``Doc``; token offsets inside, character offsets for facts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, overload

import numpy
from spacy.attrs import DEP, SENT_START
from spacy.tokens import Doc, Span, Token

from pipeline.facts import ClusterFact, Offsets
from pipeline.matchers.doctext import doc_text
from pipeline.nlp.extensions import layout_of
from pipeline.resolve.clusters import NAMED
from pipeline.resolve.coref_rules import CorefRules, DescriptionSpec, Pronoun
from pipeline.resolve.quotes import Quote

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})  # after subjects, before the rest
PREMODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "nummod"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "nummod", "quantmod"})
RELATIVE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "attr"})
_PARAGRAPH = re.compile(r"\n[ \t]*\n")


class Tokens:
    """``doc[i]`` and ``doc[i:j]`` as tokens made once each: spaCy builds a new Token object
    on every access, the largest cost of the noun phrase pass."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.made: dict[int, Token] = {}

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...
    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self.doc)))]
        tok = self.made.get(i)
        if tok is None:
            tok = self.made[i] = self.doc[i]
        return tok


@dataclass
class Candidate:
    """A mention an anaphor may resolve to: a name, a coordination of names, or a reference
    already resolved. ``anchors`` holds one entity mention per entity it stands for."""

    start: int  # tokens
    end: int
    chars: Offsets
    sentence: int
    paragraph: int
    root: int
    subject: bool
    clusters: tuple[int, ...]
    anchors: tuple[Offsets, ...]
    labels: frozenset[str]
    words: frozenset[str] = frozenset()  # lower-case words of a name (head match)
    premodifier: bool = False  # a name modifying a noun ("Acme shares"): no pronoun antecedent
    reference: bool = False
    blocker: bool = False  # a subject that is no entity ("the plane"): a pronoun it fits stays open
    plural: bool = False  # blockers and noun phrases: a plural noun
    person: bool = False  # blockers and noun phrases: a noun for a person ("the spokesman")
    nominal: bool = False  # a noun phrase no sieve has linked (yet): an entity of its own
    object: bool = False  # a verb's object (salience: subjects, then objects, then the rest)

    @property
    def group(self) -> bool:
        return len(self.clusters) > 1


@dataclass
class Anaphor:
    """A pronoun, description, group description or honorific name to resolve."""

    kind: str  # pronoun, description, group, honorific
    start: int
    end: int
    head: int
    chars: Offsets
    sentence: int
    paragraph: int
    pronoun: Pronoun | None = None
    spec: DescriptionSpec | None = None
    head_words: str = ""  # the head noun (one or two words, singular, lower case)
    modifiers: tuple[str, ...] = ()  # premodifier words that are no entity (lower case)
    definite: bool = False
    anaphoric: bool = True  # False: superlative, ordinal, "other" ... (no anaphoric sieves)
    count: int | None = None  # group size when stated ("the two firms")
    surname: str = ""  # honorific
    gender: str | None = None  # honorific
    # noun phrases (pipeline.resolve.nominals): the mentions of entities no name mentions
    phrase: bool = False  # found by the noun phrase pass (any head noun)
    proper: bool = False  # a name the entity model missed ("the Joint Trade Committee")
    indefinite: bool = False  # "a plane", "some jets": a new entity, never anaphoric
    possessed: bool = False  # "its engines", "Acme's plant"
    plural: bool = False
    person: bool = False  # the head is a role noun ("the spokesman")
    lemma: str = ""  # the head noun's lemma, lower case
    key: str = ""  # the words after the determiner, lower case ("new plane")
    words: frozenset[str] = frozenset()  # the lower-case words of ``key``
    cluster: int | None = None  # the cluster it starts as (an entity of its own)
    holder: Candidate | None = None  # a title phrase: the person it stands beside

    def candidate(self, doc: Doc, **found: Any) -> Candidate:
        """A candidate at this mention's place (span, sentence, paragraph, its head's role),
        standing for what ``found`` says (clusters, anchors, labels, flags)."""
        dep = doc[self.head].dep_
        return Candidate(
            start=self.start,
            end=self.end,
            chars=self.chars,
            sentence=self.sentence,
            paragraph=self.paragraph,
            root=self.head,
            subject=dep in SUBJECT_DEPS,
            object=dep in OBJECT_DEPS,
            **found,
        )


@dataclass
class Context:
    """Everything the sieves read about one document."""

    doc: Doc
    rules: CorefRules
    clusters: list[ClusterFact]
    sentence_starts: list[int]
    paragraph_of: list[int]  # per sentence
    names: list[Candidate]
    groups: list[Candidate]
    ents: list[Span]  # named entity mentions in clusters, no dateline
    all_ents: list[Span]  # doc.ents, made once (spaCy builds new Spans on every access)
    in_entity: set[int] = field(default_factory=set)  # token indices inside any entity
    tokens: Tokens = field(init=False)  # doc[i], each made once (build_context)
    blockers: list[Candidate] = field(default_factory=list)
    title_tokens: set[int] = field(default_factory=set)
    holders: list[tuple[Span, Candidate]] | None = None  # (TITLE, person): sieve_base
    quotes: list[Quote] = field(default_factory=list)
    institution_words: frozenset[str] = frozenset()
    cluster_kinds: dict[int, set[str]] = field(default_factory=dict)  # kinds described so far
    person_gender: dict[int, str | None] = field(default_factory=dict)
    resolved: list[Candidate] = field(default_factory=list)
    # entities no name mentions: each noun phrase starts as one (a cluster after the named ones,
    # ``named`` of them); a link joins its cluster to its antecedent's (``parent``, union-find)
    named: int = 0
    unnamed: bool = False  # models/coref.json ``unnamed_entities``
    nominals: dict[int, Candidate] = field(default_factory=dict)  # head token -> noun phrase
    nominals_open: set[int] = field(default_factory=set)  # ... of those no sieve has linked
    phrases: dict[int, Anaphor] = field(default_factory=dict)  # head token -> noun phrase
    by_key: dict[str, list[Anaphor]] = field(default_factory=dict)
    by_lemma: dict[str, list[Anaphor]] = field(default_factory=dict)
    parent: dict[int, int] = field(default_factory=dict)
    cluster_words: dict[int, set[str]] = field(default_factory=dict)

    def sentence(self, token: int) -> int:
        return max(bisect_right(self.sentence_starts, token) - 1, 0)

    def find(self, cluster: int) -> int:
        """The cluster ``cluster`` has been joined to (itself when none)."""
        while cluster in self.parent:
            cluster = self.parent[cluster]
        return cluster

    def join(self, cluster: int, into: int) -> None:
        """Join the cluster of an unnamed entity to ``into`` (a named one stays the root)."""
        a, b = self.find(cluster), self.find(into)
        if a == b or a < self.named:
            return
        self.parent[a] = b
        self.cluster_words.setdefault(b, set()).update(self.cluster_words.get(a, ()))

    def candidates(self) -> list[Candidate]:
        return sorted([*self.names, *self.resolved], key=lambda c: (c.start, c.end))


def sentence_starts(doc: Doc) -> list[int]:
    """Token index of each sentence start, as ``doc.sents`` gives them, read from the
    ``SENT_START`` array (``doc.sents`` builds a Token for every token of the document)."""
    if not len(doc):
        return [0]
    flags = doc.to_array([SENT_START])
    return [0, *(i for i in numpy.flatnonzero(flags == 1).tolist() if i)]


def paragraphs_of_sentences(doc: Doc, starts: list[int]) -> list[int]:
    """Paragraph number of each sentence (a blank line starts a paragraph)."""
    text = doc_text(doc)
    breaks = [m.end() for m in _PARAGRAPH.finditer(text)]
    return [bisect_right(breaks, doc[s].idx) for s in starts] if len(doc) else []


def build_context(
    doc: Doc, clusters: list[ClusterFact], rules: CorefRules, ents: list[Span] | None = None
) -> Context:
    """``ents``: ``list(doc.ents)`` when the caller has it (spaCy builds it anew on each access)."""
    starts = sentence_starts(doc)
    paragraphs = paragraphs_of_sentences(doc, starts)
    cluster_of = {m: n for n, c in enumerate(clusters) for m in c.mentions}
    datelines = [d.place for d in layout_of(doc).datelines]
    all_ents = list(doc.ents) if ents is None else ents
    ents = [
        e
        for e in all_ents
        if e.label_ in NAMED
        and (e.start_char, e.end_char) in cluster_of
        and not any(s <= e.start_char < t for s, t in datelines)  # a dateline is no antecedent
    ]
    ctx = Context(doc, rules, list(clusters), starts, paragraphs, [], [], ents, all_ents)
    ctx.named = len(clusters)
    ctx.tokens = Tokens(doc)
    ctx.in_entity = {i for e in all_ents for i in range(e.start, e.end)}
    ctx.institution_words = frozenset(
        h for h, d in rules.head_table.items() if d.kind == "institution" and " " not in h
    )
    for e in ents:
        root = e.root
        sent = ctx.sentence(e.start)
        n = cluster_of[(e.start_char, e.end_char)]
        ctx.names.append(
            Candidate(
                start=e.start,
                end=e.end,
                chars=(e.start_char, e.end_char),
                sentence=sent,
                paragraph=paragraphs[sent] if paragraphs else 0,
                root=root.i,
                subject=root.dep_ in SUBJECT_DEPS,
                object=root.dep_ in OBJECT_DEPS,
                clusters=(n,),
                anchors=((e.start_char, e.end_char),),
                labels=frozenset({clusters[n].label, e.label_}),
                words=frozenset(t.lower_ for t in e if not t.is_punct),
                premodifier=root.dep_ in PREMODIFIER_DEPS and root.head.i >= e.end,
            )
        )
    return ctx


def add_candidates(ctx: Context) -> None:
    """The candidates only pronouns and groups need (left out when nothing is to resolve)."""
    ctx.groups = coordinations(ctx)
    if not ctx.unnamed:  # else every noun phrase is a candidate (pipeline.resolve.nominals)
        ctx.blockers = subject_blockers(ctx)


def subject_blockers(ctx: Context) -> list[Candidate]:
    """Subjects headed by a common noun that is no entity ("the plane was delivered"): a
    pronoun whose nearest fitting candidate is one of them refers to it, not to a name."""
    doc = ctx.doc
    strings = doc.vocab.strings
    subject_ids = {strings.add(d) for d in SUBJECT_DEPS}
    object_ids = {strings.add(d) for d in ("dobj", "pobj")}
    in_ent = ctx.in_entity
    roles = {h.split()[-1] for h, d in ctx.rules.head_table.items() if d.kind == "role"}
    out = []
    wanted = subject_ids | object_ids
    for i, dep in enumerate(doc.to_array([DEP]).tolist()):
        if dep not in wanted or i in in_ent:
            continue
        tok = doc[i]
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if dep in object_ids and tok.tag_ not in ("NNS", "NNPS"):
            continue  # objects block plural pronouns only ("received the ministers ... urged them")
        sent = ctx.sentence(i)
        out.append(
            Candidate(
                start=tok.left_edge.i,
                end=i + 1,
                chars=(tok.idx, tok.idx + len(tok)),
                sentence=sent,
                paragraph=ctx.paragraph_of[sent] if ctx.paragraph_of else 0,
                root=i,
                subject=dep in subject_ids,
                clusters=(),
                anchors=(),
                labels=frozenset(),
                blocker=True,
                plural=tok.tag_ in ("NNS", "NNPS"),
                person=tok.lemma_.lower() in roles or tok.lower_ in roles,
            )
        )
    return out


def coordinations(ctx: Context) -> list[Candidate]:
    """Names joined by a conjunction ("Acme and Zenith", "Acme, Zenith and Orbit")."""
    by_root = {c.root: c for c in ctx.names}
    out = []
    for first in ctx.names:
        root = ctx.doc[first.root]
        if root.dep_ == "conj" or first.premodifier:
            continue
        members = [first]
        for tok in root.conjuncts:
            other = by_root.get(tok.i)
            if other is not None and other.sentence == first.sentence:
                members.append(other)
        clusters = tuple(dict.fromkeys(n for m in members for n in m.clusters))
        if len(clusters) < 2:
            continue
        last = max(members, key=lambda m: m.end)
        out.append(
            Candidate(
                start=first.start,
                end=last.end,
                chars=(first.chars[0], last.chars[1]),
                sentence=first.sentence,
                paragraph=first.paragraph,
                root=first.root,
                subject=first.subject,
                clusters=clusters,
                anchors=tuple(m.anchors[0] for m in members),
                labels=frozenset(lab for m in members for lab in m.labels),
            )
        )
    return out
