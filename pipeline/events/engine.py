"""Events from rules: triggers, argument roles, status, date, and merging of duplicate mentions.

The rules are data (:mod:`pipeline.events.rules`); this module is pure functions over a parsed
``Doc``:

1. :func:`find_triggers` — words (or phrases, or dependency patterns) that start an event;
2. :func:`fill_frame` — for each role of the rule, follow dependency paths from the trigger, else
   search a ConText-style window (direction, ``max_scope``, ``terminated_by``); entity roles take
   ``doc.ents`` mentions of the allowed labels, span roles take a chunk, subtree or clause;
3. :func:`event_status` — negated / planned cues on the trigger and the words governing it, or a
   date after the publication date; fixed statuses (stated, reported) come from the rule;
4. :func:`merge_frames` — mentions of one real event merge (same type, compatible arguments and
   date): first within a sentence, then across the document for types that allow it;
5. :func:`to_fact` — one :class:`~pipeline.facts.EventFact` per event, citing every rule,
   trigger and sentence.

:func:`match_events` runs them all. Scopes never cross a blank line (a paragraph break), so a
headline never lends its words to the first sentence even when the parser joins them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

import numpy
from spacy.attrs import LEMMA, ORTH
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from pipeline.events.rules import Cue, EventRule, EventRuleSet, RoleSpec, Step
from pipeline.facts import ArgumentFact, EventFact, Offsets
from pipeline.matchers.gates import Need, TreeIndex, TreeNode, can_match, gate_array, tree_nodes
from pipeline.matchers.gates import needs as gate_needs
from pipeline.nlp.extensions import layout_of

ENTITY_CHILD_DEPS = frozenset({"appos", "compound", "nmod", "poss"})
CHUNK_DEPS = frozenset({"compound", "amod", "nmod"})
AUX_DEPS = frozenset({"aux", "auxpass"})
MODIFIER_DEPS = frozenset({"amod", "advmod", "det", "neg", "nmod", "compound", "npadvmod"})
PUNCT_EDGES = frozenset({"PUNCT", "SPACE"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "parataxis", "ccomp", "xcomp"})
_ISO = re.compile(r"^\d{4}(-\d{2}){0,2}$")
# 2017-09-22, 2017-W38, 2017-Q3, 199, 2017-09-29TMO: not PAST_REF, XXXX-07, P7M
_ISO_LIKE = re.compile(r"^\d{2,4}(?:-[0-9A-Z]+)*(?:T[0-9:A-Z]+)?$")


# --- compiled rules ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CompiledRule:
    rule: EventRule
    roles: tuple[tuple[RoleSpec, tuple[tuple[Step, ...], ...]], ...]


class EventEngine:
    """The rules, compiled once: trigger lookups and matchers, parsed paths."""

    def __init__(self, vocab: Vocab, ruleset: EventRuleSet) -> None:
        self.ruleset = ruleset
        self.types = ruleset.types
        self.compiled = {
            r.id: CompiledRule(r, tuple((s, tuple(s.steps())) for s in r.roles))
            for r in ruleset.rules
        }
        self.by_lemma: dict[str, list[EventRule]] = {}
        self.phrases: dict[str, list[tuple[tuple[str, ...], EventRule]]] = {}
        # one matcher per dependency rule, run only when the document has what its nodes
        # need (pipeline.matchers.gates: a DependencyMatcher runs its token patterns over the whole doc)
        self.dependency: list[tuple[tuple[TreeNode, ...], tuple[Need, ...], DependencyMatcher]] = []
        for r in ruleset.rules:
            for lemma in r.trigger.lemmas:
                self.by_lemma.setdefault(lemma, []).append(r)
            for phrase in r.trigger.phrases:
                words = tuple(phrase.split())
                self.phrases.setdefault(words[0], []).append((words, r))
            if r.trigger.dependency:
                matcher = DependencyMatcher(vocab)
                matcher.add(r.id, [r.trigger.dependency])
                pattern = r.trigger.dependency
                self.dependency.append(
                    (tree_nodes(vocab, pattern), gate_needs(vocab, pattern), matcher)
                )
        # every word a trigger lemma or phrase can start with (find_triggers looks no further)
        self.first_words = frozenset(self.by_lemma) | frozenset(self.phrases)


# --- the document's layout ---------------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """Per-token lookups: sentence number, scope bounds (sentence cut at blank lines), paragraph
    start, the entity covering each token, and a comparison key per entity mention."""

    sentence: list[int]
    seg_start: list[int]
    seg_end: list[int]
    para_start: list[int]
    ent_at: list[Span | None]
    keys: dict[Offsets, str]
    published: str | None
    headline_end: int  # character offset where a headline ends (0: none)


def _is_duration(norm: object) -> bool:
    """A DATE norm of a length of time (``two-day``, ``27-year``): no point an event happens at."""
    return isinstance(norm, dict) and norm.get("type") == "DURATION"


def _is_break(tok: Token) -> bool:
    return tok.is_space and tok.text.count("\n") >= 2


def layout(doc: Doc) -> Layout:
    n = len(doc)
    page = layout_of(doc)  # the document's layout, found at ingest
    head_end = page.headline_end
    rows = doc.to_array(["IDX", "IS_SPACE"]).reshape(n, 2)
    # _is_break, read only for the space tokens (building every Token is what costs)
    break_at = [i for i in numpy.flatnonzero(rows[:, 1]).tolist() if _is_break(doc[i])]
    brk_at = break_at
    if head_end:  # a headline is a scope of its own, even when the parser runs it on
        first = bisect_left(rows[:, 0].tolist(), head_end)  # first token after it (n: none)
        if 0 < first < n:
            brk_at = sorted({*break_at, first - 1})
    sentence, seg_start, seg_end, para_start = segments(
        n, [sent.start for sent in doc.sents], brk_at, break_at
    )
    ent_at: list[Span | None] = [None] * n
    filed_from = [o for d in page.datelines for o in d.spans()]
    for ent in doc.ents:
        if any(a <= ent.start_char and ent.end_char <= b for a, b in filed_from):
            continue  # where the story was filed from, not where anything in it happened
        for i in range(ent.start, ent.end):
            ent_at[i] = ent
    return Layout(
        sentence,
        seg_start,
        seg_end,
        para_start,
        ent_at,
        entity_keys(doc),
        page.published,
        head_end,
    )


def segments(
    n: int, starts: list[int], brk_at: list[int], break_at: list[int]
) -> tuple[list[int], list[int], list[int], list[int]]:
    """Per token: its sentence number; the start and end of its scope, the sentence cut after
    each token of ``brk_at`` (a break token ends its own scope: its ``seg_end`` is itself);
    the start of its paragraph (a new one after each token of ``break_at``). Both lists are
    sorted token offsets; the lists are filled a run of equal values at a time."""
    sentence, seg_start, seg_end, para_start = [0] * n, [0] * n, [0] * n, [0] * n
    for k, (a, b) in enumerate(zip(starts, [*starts[1:], n], strict=True)):
        sentence[a:b] = [k] * (b - a)
        start = a
        for i in brk_at[bisect_left(brk_at, a) : bisect_left(brk_at, b)]:
            seg_start[start : i + 1] = [start] * (i + 1 - start)
            seg_end[start : i + 1] = [i] * (i + 1 - start)
            start = i + 1
        seg_start[start:b] = [start] * (b - start)
        seg_end[start:b] = [b] * (b - start)
    p = 0
    for i in break_at:
        if i + 1 < n:
            para_start[p : i + 1] = [p] * (i + 1 - p)
            p = i + 1
    para_start[p:n] = [p] * (n - p)
    return sentence, seg_start, seg_end, para_start


def entity_keys(doc: Doc) -> dict[Offsets, str]:
    """A key per entity mention: its cluster (``Doc._.clusters``) when the resolver ran, else a
    normalised form of the text (a person by surname, a money or date by its norm)."""
    keys: dict[Offsets, str] = {}
    for n, cluster in enumerate(doc._.clusters or []):
        for m in cluster.mentions:
            keys[m] = f"E{n}"
    for ent in doc.ents:
        o = (ent.start_char, ent.end_char)
        if o in keys:
            continue
        norm = ent._.norm
        if isinstance(norm, dict) and ent.label_ in ("MONEY", "PERCENT", "QUANTITY", "DATE"):
            keys[o] = ent.label_ + ":" + repr(sorted((k, str(v)) for k, v in norm.items()))
        elif ent.label_ == "PERSON":
            keys[o] = "PERSON:" + ent[-1].lower_
        else:
            keys[o] = ent.label_ + ":" + " ".join(t.lower_ for t in ent if not t.is_punct)
    return keys


# --- triggers ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TriggerMatch:
    rule: EventRule
    start: int  # token offsets of the trigger words
    end: int
    head: int  # the word paths start from


def find_triggers(doc: Doc, engine: EventEngine) -> list[TriggerMatch]:
    found: dict[tuple[str, int, int], TriggerMatch] = {}

    def add(rule: EventRule, start: int, end: int, head: int) -> None:
        found.setdefault((rule.id, start, end), TriggerMatch(rule, start, end, head))

    for i in trigger_candidates(doc, engine.first_words):
        tok = doc[i]
        lower = tok.text.lower()
        for key in {tok.lemma_.lower(), lower}:
            for rule in engine.by_lemma.get(key, ()):
                if not rule.trigger.pos or tok.pos_ in rule.trigger.pos:
                    add(rule, tok.i, tok.i + 1, tok.i)
        for words, rule in engine.phrases.get(lower, ()):
            end = tok.i + len(words)
            if doc[tok.i : end].text.lower().split() == list(words):
                add(rule, tok.i, end, doc[tok.i : end].root.i)
    if engine.dependency:
        rows = gate_array(doc)
        index: TreeIndex | None = None  # built only for a rule the node gate lets through
        for nodes, needs, matcher in engine.dependency:
            if not can_match([needs], rows):
                continue
            # then the tree gate, where it can tell (no arc leaves its sentence)
            index = index or TreeIndex.of(doc, rows, [s.start for s in doc.sents])
            if index is not None and not index.sentences(nodes):
                continue
            for match_id, token_ids in matcher(doc):
                rule = engine.ruleset.rule(doc.vocab.strings[match_id])
                t = token_ids[0]
                add(rule, t, t + 1, t)
    return sorted(found.values(), key=lambda m: (m.start, m.rule.id))


def trigger_candidates(doc: Doc, words: frozenset[str]) -> list[int]:
    """The tokens whose lowercased text or lemma is one of ``words``, in order.

    The same test as ``tok.text.lower()`` / ``tok.lemma_.lower()`` on every token, made once
    per distinct ORTH and LEMMA value of the document instead of once per token (building a
    ``Token`` for each is what costs); a token it leaves out cannot start a trigger."""
    rows = doc.to_array([ORTH, LEMMA]).reshape(len(doc), 2)
    strings = doc.vocab.strings
    hit = numpy.zeros(len(doc), dtype=bool)
    for column in (0, 1):
        values = rows[:, column]
        found = [h for h in set(values.tolist()) if strings[h].lower() in words]
        if found:
            hit |= numpy.isin(values, found)
    return numpy.flatnonzero(hit).tolist()


# --- cues and status ---------------------------------------------------------------------------


def has_cue(tok: Token, cue: Cue) -> bool:
    """Whether ``cue`` marks ``tok``: its own lemma, a child (neg, aux, modifier) of it or of a
    word governing it (up ``max_up`` arcs labelled ``through``), or a governing word's lemma."""
    if tok.lemma_.lower() in cue.lemmas:
        return True
    chain = [tok]
    t = tok
    for _ in range(cue.max_up):
        if t.dep_ not in cue.through or t.head is t:
            break
        t = t.head
        chain.append(t)
    for n, t in enumerate(chain):
        if n and (t.lemma_.lower() in cue.governors or t.lower_ in cue.governors):
            return True
        for c in t.children:
            if c.dep_ in cue.deps:
                return True
            if c.dep_ in AUX_DEPS and (c.lemma_.lower() in cue.aux or c.lower_ in cue.aux):
                return True
            if c.dep_ in MODIFIER_DEPS and c.lemma_.lower() in cue.modifiers:
                return True
            if c.dep_ == "dobj" and c.lemma_.lower() in cue.objects:
                return True
    return False


def event_status(
    doc: Doc, match: TriggerMatch, engine: EventEngine, date: str | None, published: str | None
) -> str:
    """negated, planned or happened (or the rule's fixed status)."""
    if match.rule.status:
        return match.rule.status
    tok = doc[match.head]
    if has_cue(tok, engine.types.cues["negated"]):
        return "negated"
    if has_cue(tok, engine.types.cues["planned"]) or after(date, published):
        return "planned"
    return "happened"


def after(date: str | None, published: str | None) -> bool:
    """Whether an ISO date (any grain) begins after the publication date."""
    if not (date and published and _ISO.match(date) and _ISO.match(published[:10])):
        return False
    return date > published[: len(date)]


# --- roles -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Arg:
    role: str
    start: int  # character offsets
    end: int
    is_entity: bool
    key: str  # what two mentions of one argument share
    words: frozenset[str] = frozenset()  # lemmas of a free span, for loose comparison
    norm: dict[str, Any] | None = field(default=None, compare=False, hash=False)


def follow(tokens: Iterable[Token], step: Step) -> list[Token]:
    out: list[Token] = []
    for t in tokens:
        if step.op == ">":
            cands = [c for c in t.children if not step.deps or c.dep_ in step.deps]
        elif step.op == ">>":
            cands = [d for d in t.subtree if d is not t and (not step.deps or d.dep_ in step.deps)]
        elif step.op == "<":
            cands = [t.head] if t.head is not t and (not step.deps or t.dep_ in step.deps) else []
        else:  # "@left": the words before the trigger in its own phrase
            cands = [d for left in t.lefts for d in left.subtree]
        if step.lemmas:
            cands = [c for c in cands if c.lemma_.lower() in step.lemmas or c.lower_ in step.lemmas]
        out.extend(c for c in cands if c not in out)
    return out


def follow_path(start: Token, path: tuple[Step, ...]) -> list[Token]:
    tokens = [start]
    for step in path:
        tokens = follow(tokens, step)
        if not tokens:
            break
    return tokens


def _conjuncts(tok: Token) -> list[Token]:
    out, todo = [tok], [tok]
    while todo:
        for c in todo.pop().children:
            if c.dep_ == "conj" and c not in out:
                out.append(c)
                todo.append(c)
    return out


class _Scope:
    def __init__(self, lay: Layout, match: TriggerMatch, spec: RoleSpec) -> None:
        i = match.head
        if spec.scope == "sentence":
            self.lo, self.hi = lay.seg_start[i], lay.seg_end[i]
        else:
            k = lay.sentence[i]
            self.lo = next((j for j in range(i, -1, -1) if lay.sentence[j] < k - 1), -1) + 1
            self.hi = next(
                (j for j in range(i, len(lay.sentence)) if lay.sentence[j] > k + 1),
                len(lay.sentence),
            )

    def __contains__(self, i: int) -> bool:
        return self.lo <= i < self.hi


def _entity_for(tok: Token, spec: RoleSpec, lay: Layout) -> Span | None:
    """The entity at ``tok`` with an allowed label, else one naming it (an appositive, a
    compound or possessive child: "his counterpart Vasily Matyushevsky")."""
    ent = lay.ent_at[tok.i]
    if ent is not None and ent.label_ in spec.allowed_types:
        return ent
    for c in tok.children:
        e = lay.ent_at[c.i]
        if c.dep_ in ENTITY_CHILD_DEPS and e is not None and e.label_ in spec.allowed_types:
            return e
    return None


def phrase_parts(tok: Token, lay: Layout) -> list[tuple[int, int]]:
    """The parts of the noun phrase ``tok`` heads, as token ranges: its subtree without clauses
    hanging in it and without ``tok``'s own conjuncts (the caller takes those), cut at ``and``
    / ``or`` / commas outside entities before ``tok``. The last part holds ``tok`` and its
    complements.

    "Finnish carrier Nordic Air and Portuguese lessor Lusa Capital" → two parts, whatever the
    parser made of the coordination; "Polish and Czech delegations" → "Polish", "Czech
    delegations"; "officials from Chile and Peru" → one part.
    """
    skip: set[int] = set()
    for d in tok.subtree:
        if d.i in skip or d is tok:
            continue
        if d.dep_ in CLAUSE_DEPS or (d.head is tok and d.dep_ in ("conj", "cc")):
            skip.update(t.i for t in d.subtree)
    parts: list[tuple[int, int]] = []
    start = prev = -1
    for d in tok.subtree:
        if d.i in skip:
            continue
        cut = (
            d.i < tok.i
            and lay.ent_at[d.i] is None
            and (d.dep_ in ("cc", "preconj") or d.text in (",", ";"))
        )
        if cut or (prev >= 0 and d.i != prev):  # a gap left by a skipped clause ends a part
            if start >= 0:
                parts.append((start, prev))
            start = -1 if cut else d.i
        elif start < 0:
            start = d.i
        prev = d.i + 1
    if start >= 0:
        parts.append((start, prev))
    return parts


def _part_entity(lo: int, hi: int, spec: RoleSpec, lay: Layout) -> Span | None:
    """The last entity of an allowed label inside tokens ``lo..hi``: the head of an English
    noun phrase comes last ("Acme chairman John Smith" → John Smith; "officials from Chile"
    → Chile; "Czech delegations" → Czech)."""
    for i in range(hi - 1, lo - 1, -1):
        ent = lay.ent_at[i]
        if ent is not None and ent.label_ in spec.allowed_types and lo <= ent.start:
            return ent
    return None


def entities_for(
    tok: Token, spec: RoleSpec, lay: Layout, group_nouns: frozenset[str] | None
) -> list[Span]:
    """The entities a role reaches at ``tok``.

    With ``group_nouns`` (the role's ``group_nouns`` lexicon) and a role that takes many, a
    noun phrase whose premodifiers are coordinated gives the named head of each part: an entity
    stands for itself, a common noun of the lexicon (delegation, officials, carrier) for the
    last entity of its part and that entity's conjuncts ("Uzbek and Turkish delegations" →
    Uzbek, Turkish; "officials from Chile and Peru" → Chile, Peru). Otherwise the entity at
    ``tok`` or naming it (:func:`_entity_for`)."""
    ent = _entity_for(tok, spec, lay)
    if group_nouns is None or not spec.many:
        return [ent] if ent is not None else []
    named = ent is not None and lay.ent_at[tok.i] is ent
    if not (named or (lay.ent_at[tok.i] is None and _in_lexicon(tok, group_nouns))):
        return [ent] if ent is not None else []
    out: list[Span] = []
    for lo, hi in phrase_parts(tok, lay):
        if named and lo <= tok.i < hi:
            heads: list[Span | None] = [ent]
        else:
            e = _part_entity(lo, hi, spec, lay)
            if e is None:
                continue
            heads = [lay.ent_at[c.i] for c in _conjuncts(_coordination(e.root)) if lo <= c.i < hi]
        for h in heads:
            if h is not None and h.label_ in spec.allowed_types and h not in out:
                out.append(h)
    return out


def _coordination(tok: Token) -> Token:
    """The first conjunct of the coordination ``tok`` is in."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


def _in_lexicon(tok: Token, words: frozenset[str]) -> bool:
    return tok.lemma_.lower() in words or tok.lower_ in words


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].pos_ in PUNCT_EDGES or doc[start].is_quote):
        start += 1
    while end > start and (doc[end - 1].pos_ in PUNCT_EDGES or doc[end - 1].is_quote):
        end -= 1
    return start, end


def _span_arg(doc: Doc, spec: RoleSpec, tok: Token, match: TriggerMatch, lay: Layout) -> Arg | None:
    """A free-text argument grown from ``tok``: its chunk, its subtree or its clause."""
    if spec.span == "chunk":
        start = tok.i
        for left in reversed(list(tok.lefts)):
            if left.dep_ in CHUNK_DEPS and left.i == start - 1 and lay.ent_at[left.i] is None:
                start = left.i
            else:
                break
        start, end = start, tok.i + 1
    else:
        start, end = tok.left_edge.i, tok.right_edge.i + 1
        if spec.span == "subtree":
            for j in range(tok.i + 1, end):
                if doc[j].lower_ in spec.terminated_by:
                    end = j
                    break
        if start <= match.start < end:  # a clause the trigger hangs in: the larger side of it
            trig_lo = min(doc[match.head].left_edge.i, match.start)
            trig_hi = max(doc[match.head].right_edge.i + 1, match.end)
            before, after_ = (start, trig_lo), (trig_hi, end)
            start, end = max(before, after_, key=lambda se: se[1] - se[0])
        start, end = _trim(doc, start, end)
        if (
            spec.extend_back == "paragraph"
            and end <= match.start
            and start == _trim(doc, lay.seg_start[start], end)[0]
        ):
            start = _trim(doc, lay.para_start[start], end)[0]
        while start < end and (doc[start].pos_ == "DET" or doc[start].dep_ == "mark"):
            start += 1
    if start >= end:
        return None
    span = doc[start:end]
    words = frozenset(t.lemma_.lower() for t in span if not (t.is_punct or t.is_stop))
    return Arg(spec.role, span.start_char, span.end_char, False, " ".join(sorted(words)), words)


def _entity_arg(ent: Span, role: str, lay: Layout) -> Arg:
    o = (ent.start_char, ent.end_char)
    key = lay.keys.get(o)
    if key is None:  # every mention has a key (entity_keys): the text is the fallback only
        key = ent.text.lower()
    return Arg(role, o[0], o[1], True, key, norm=ent._.norm)


def _window(
    doc: Doc, center: TriggerMatch, spec: RoleSpec, scope: _Scope, max_scope: int, direction: str
) -> Iterator[Token]:
    """Tokens outward from the trigger, nearest first, each direction stopping at a terminator,
    the scope's edge or ``max_scope`` words."""
    sides: list[Iterator[Token]] = []

    def walk(rng: range) -> Iterator[Token]:
        n = 0
        for j in rng:
            if j not in scope:
                return
            tok = doc[j]
            if tok.is_space:
                continue
            if tok.lower_ in spec.terminated_by or tok.lemma_.lower() in spec.terminated_by:
                return
            n += 1
            if n > max_scope:
                return
            yield tok

    if direction in ("forward", "bidirectional"):
        sides.append(walk(range(center.end, len(doc))))
    if direction in ("backward", "bidirectional"):
        sides.append(walk(range(center.start - 1, -1, -1)))
    live = list(sides)
    while live:
        for it in list(live):
            tok = next(it, None)
            if tok is None:
                live.remove(it)
            else:
                yield tok


def fill_role(
    doc: Doc,
    spec: RoleSpec,
    paths: tuple[tuple[Step, ...], ...],
    match: TriggerMatch,
    engine: EventEngine,
    lay: Layout,
    used: set[Offsets],
) -> list[Arg]:
    scope = _Scope(lay, match, spec)
    lexicon = engine.types.lexicons.get(spec.lexicon) if spec.lexicon else None
    starts = [doc[match.head]]
    if spec.anchor is not None:
        words = engine.types.lexicons[spec.anchor.lexicon]
        anchor = next(
            (
                t
                for t in _window(
                    doc, match, spec, scope, spec.anchor.max_scope, spec.anchor.direction
                )
                if _in_lexicon(t, words) and t.pos_ == "VERB"
            ),
            None,
        )
        starts = [anchor] if anchor is not None else []

    found: list[Arg] = []
    group_nouns = engine.types.lexicons[spec.group_nouns] if spec.group_nouns else None
    is_date = spec.role == engine.types.types[match.rule.type].date_role

    def take(tok: Token, *, expand: bool) -> bool:
        """Add the argument at ``tok`` (and its conjuncts when the role takes many)."""
        added = False
        for t in _conjuncts(tok) if expand and spec.many else [tok]:
            if t.i not in scope or match.start <= t.i < match.end:
                continue
            args: list[Arg] = []
            if spec.span == "entity":
                for ent in entities_for(t, spec, lay, group_nouns if expand else None):
                    if ent.start not in scope:
                        continue
                    if lexicon is not None and not any(_in_lexicon(w, lexicon) for w in ent):
                        continue
                    if match.start < ent.end and ent.start < match.end:
                        continue
                    if is_date and _is_duration(ent._.norm):
                        continue
                    args.append(_entity_arg(ent, spec.role, lay))
            elif lexicon is not None and not _in_lexicon(t, lexicon):
                continue
            else:
                arg = _span_arg(doc, spec, t, match, lay)
                args = [arg] if arg is not None else []
            for arg in args:
                if (arg.start, arg.end) in used or any(
                    a.start == arg.start and a.end == arg.end for a in found
                ):
                    continue
                found.append(arg)
                added = True
                if not spec.many:
                    return True
        return added

    for start in starts:
        for path in paths:
            for tok in follow_path(start, path) if path else []:
                if take(tok, expand=True) and not spec.many:
                    return found
    if not found and spec.direction is not None and spec.anchor is None:
        for tok in _window(doc, match, spec, scope, spec.max_scope, spec.direction):
            if take(tok, expand=False) and not spec.many:
                break
    return found


# --- frames and merging ------------------------------------------------------------------------


@dataclass
class Frame:
    """One event in the making: possibly several trigger mentions merged."""

    type: str
    triggers: list[TriggerMatch]
    args: list[Arg]
    status: str
    sentence: int
    sentences: set[int]
    cameo: str | None
    date_fallback: bool
    date_role: str | None

    @property
    def primary(self) -> TriggerMatch:
        return self.triggers[0]

    def role(self, name: str) -> list[Arg]:
        return [a for a in self.args if a.role == name]


def fill_frame(
    doc: Doc, match: TriggerMatch, engine: EventEngine, lay: Layout, *, alone: bool = False
) -> Frame | None:
    """The frame a trigger starts, or None if a condition of its rule fails.

    ``alone``: no other trigger of its type in its sentence, so its frame merges with none
    before :func:`complete` drops it if a role the type requires is empty; such a frame is
    None as soon as that is certain (what it would have held is never read)."""
    rule = match.rule
    tok = doc[match.head]
    if any(not has_cue(tok, engine.types.cues[c]) for c in rule.requires_cue):
        return None
    if any(has_cue(tok, engine.types.cues[c]) for c in rule.forbids_cue):
        return None
    used: set[Offsets] = set()
    args: list[Arg] = []
    # the roles whose emptiness ends the frame: the rule's own, and the type's when alone
    needed = {*rule.required, *(engine.types.types[rule.type].required if alone else ())}
    specs = engine.compiled[rule.id].roles
    for n, (spec, paths) in enumerate(specs):
        got = fill_role(doc, spec, paths, match, engine, lay, used)
        args.extend(got)
        used.update((a.start, a.end) for a in got)
        if (
            spec.role in needed
            and all(a.role != spec.role for a in args)  # empty, and no later role fills it
            and all(later.role != spec.role for later, _ in specs[n + 1 :])
        ):
            return None
    roles = {a.role for a in args}
    if any(r not in roles for r in rule.required):
        return None
    if any(sum(a.role == r for a in args) < n for r, n in rule.min_args.items()):
        return None
    k = lay.sentence[match.head]
    frame = Frame(
        rule.type,
        [match],
        args,
        "",
        k,
        {k},
        rule.cameo,
        rule.date_fallback == "published",
        engine.types.types[rule.type].date_role,
    )
    start = next((_date_start(a.norm) for a in frame.role(frame.date_role or "")), None)
    frame.status = event_status(doc, match, engine, start, lay.published)
    return frame


def _date_of(frame: Frame) -> str | None:
    for a in frame.role(frame.date_role) if frame.date_role else []:
        d = norm_date(a.norm)
        if d:
            return d
    return None


def norm_date(norm: dict[str, Any] | None) -> str | None:
    """The ``value`` of a DATE norm (``2017-09-22``, ``2017-11``, ``2017-Q3``); a range without a
    value, a duration (``P7M``), a set (``XXXX-07``), a TimeML REF value (``PAST_REF``,
    ``FUTURE_REF``: not a date) or a missing norm gives None."""
    if not isinstance(norm, dict):
        return None
    value = norm.get("value")
    if isinstance(value, str) and _ISO_LIKE.match(value):
        return value
    return None


def _date_start(norm: dict[str, Any] | None) -> str | None:
    """The earliest day a DATE norm can mean (for comparing with the publication date)."""
    if not isinstance(norm, dict):
        return None
    return norm_date(norm) or (str(norm["start"]) if norm.get("start") else None)


def _same(a: Arg, b: Arg) -> bool:
    if a.is_entity and b.is_entity:
        return a.key == b.key
    if not a.is_entity and not b.is_entity:
        return bool(a.words & b.words) or a.key == b.key
    return False


def _dates_agree(a: Arg, b: Arg) -> bool:
    da, db = norm_date(a.norm), norm_date(b.norm)
    if da and db:
        return da.startswith(db) or db.startswith(da)
    return _same(a, b)


def compatible(x: Frame, y: Frame, engine: EventEngine, *, across: bool) -> bool:
    """Whether two frames can be one event: same type and status, no two different arguments
    in a single-valued role; across sentences they must also share an argument, and a
    many-valued role's arguments on one side must all be on the other."""
    if x.type != y.type or x.status != y.status:
        return False
    etype = engine.types.types[x.type]
    for role in etype.single:
        xs, ys = x.role(role), y.role(role)
        if xs and ys:
            check = _dates_agree if role in ("date", "period", "deadline") else _same
            if not any(check(a, b) for a in xs for b in ys):
                return False
    if not across:
        return True
    shared = any(_same(a, b) for a in x.args for b in y.args if a.role == b.role)
    if not shared:
        return False
    for role in set(etype.roles) - set(etype.single):
        xs, ys = x.role(role), y.role(role)
        if xs and ys:
            small, big = (xs, ys) if len(xs) <= len(ys) else (ys, xs)
            if not all(any(_same(a, b) for b in big) for a in small):
                return False
    return True


def _absorb(x: Frame, y: Frame, engine: EventEngine) -> Frame:
    """``x`` and ``y`` as one frame; the earlier mention leads (its trigger is primary)."""
    lead, other = (x, y) if x.primary.start <= y.primary.start else (y, x)
    single = set(engine.types.types[lead.type].single)
    args = list(lead.args)
    for a in other.args:
        if a.role in single and lead.role(a.role):
            continue
        if any(
            b.role == a.role and (_same(a, b) or (a.start, a.end) == (b.start, b.end)) for b in args
        ):
            continue
        args.append(a)
    triggers = list(lead.triggers) + [t for t in other.triggers if t not in lead.triggers]
    return Frame(
        lead.type,
        triggers,
        args,
        lead.status,
        lead.sentence,
        lead.sentences | other.sentences,
        lead.cameo or other.cameo,
        lead.date_fallback or other.date_fallback,
        lead.date_role,
    )


def merge_frames(frames: list[Frame], engine: EventEngine, *, across: bool) -> list[Frame]:
    """Greedy merge in text order: each frame joins the first earlier compatible one."""
    out: list[Frame] = []
    for f in frames:
        for n, g in enumerate(out):
            if not across and g.sentence != f.sentence:
                continue
            if across and engine.types.types[f.type].merge != "document":
                continue
            if compatible(g, f, engine, across=across):
                out[n] = _absorb(g, f, engine)
                break
        else:
            out.append(f)
    return out


def complete(frame: Frame, engine: EventEngine) -> bool:
    """Every required role filled, and a status the type allows (a negated STATEMENT is none)."""
    etype = engine.types.types[frame.type]
    roles = {a.role for a in frame.args}
    return all(r in roles for r in etype.required) and frame.status in etype.statuses


def to_fact(doc: Doc, frame: Frame, published: str | None) -> EventFact:
    def chars(m: TriggerMatch) -> Offsets:
        span = doc[m.start : m.end]
        return (span.start_char, span.end_char)

    date = _date_of(frame)
    if (
        date is None
        and frame.date_fallback
        and frame.status in ("happened", "stated")
        and published
    ):
        date = published[:10]
    rules = tuple(dict.fromkeys(m.rule.id for m in frame.triggers))
    spread = frame.sentences | _arg_sentences(doc, frame)
    args = sorted(frame.args, key=lambda a: (a.role, a.start))
    return EventFact(
        type=frame.type,
        trigger=chars(frame.primary),
        rule=frame.primary.rule.id,
        arguments=tuple(ArgumentFact(a.role, (a.start, a.end), a.is_entity) for a in args),
        triggers=tuple(sorted({chars(m) for m in frame.triggers})),
        rules=rules,
        date=date,
        status=frame.status,
        cameo=frame.cameo,
        sentence=frame.sentence,
        sentences=tuple(sorted(spread)) if len(spread) > 1 else (),
    )


def _arg_sentences(doc: Doc, frame: Frame) -> set[int]:
    out: set[int] = set()
    for n, sent in enumerate(doc.sents):
        if any(a.start < sent.end_char and sent.start_char < a.end for a in frame.args):
            out.add(n)
    return out


def match_events(
    doc: Doc,
    engine: EventEngine,
    *,
    trigger_only: bool = False,
    skip_headline: bool | None = None,
) -> list[EventFact]:
    """Every event the rules find in ``doc``, merged, in text order. ``skip_headline`` overrides
    the rule files' setting: by default (the annotation guideline) a headline starts no event;
    with False its triggers count, within the headline's own words."""
    if not (doc.has_annotation("DEP") and doc.has_annotation("LEMMA")):
        return []
    triggers = find_triggers(doc, engine)
    if trigger_only:
        return _trigger_only(doc, triggers)
    if not triggers:  # no frame to fill: every step below would work on empty lists
        return []
    lay = layout(doc)
    if skip_headline is None:
        skip_headline = engine.types.skip_headline
    if skip_headline and lay.headline_end:
        triggers = [m for m in triggers if doc[m.start].idx >= lay.headline_end]
    # triggers per (type, sentence): a frame alone there can only survive complete (fill_frame)
    per_sentence = Counter((m.rule.type, lay.sentence[m.head]) for m in triggers)
    filled = (
        fill_frame(doc, m, engine, lay, alone=per_sentence[m.rule.type, lay.sentence[m.head]] == 1)
        for m in triggers
    )
    frames = [f for f in filled if f is not None]
    frames = merge_frames(frames, engine, across=False)
    frames = [f for f in frames if complete(f, engine)]
    frames = merge_frames(frames, engine, across=True)
    frames = give_way(doc, frames, engine)
    return [to_fact(doc, f, lay.published) for f in frames]


def give_way(doc: Doc, frames: list[Frame], engine: EventEngine) -> list[Frame]:
    """A frame whose span argument holds the trigger of a frame of a type it ``yields_to`` is
    that frame: it goes, and its mapped roles fill the other's empty ones (a reported target is
    the TARGET, the speaker its announcer)."""
    out = list(frames)
    for f in frames:
        rules = engine.types.types[f.type].yields_to
        if not rules:
            continue
        spans = [a for a in f.args if not a.is_entity]
        for g in frames:
            mapping = rules.get(g.type)
            if mapping is None or g is f:
                continue
            t = doc[g.primary.start].idx
            if any(a.start <= t < a.end for a in spans):
                for mine, theirs in mapping.items():
                    if not g.role(theirs):
                        g.args.extend(replace(a, role=theirs) for a in f.role(mine))
                if f in out:
                    out.remove(f)
    return out


def _trigger_only(doc: Doc, triggers: list[TriggerMatch]) -> list[EventFact]:
    """The baseline: one argument-less event per trigger word and type."""
    seen: set[tuple[int, int, str]] = set()
    sentence_of = {i: k for k, s in enumerate(doc.sents) for i in range(s.start, s.end)}
    out = []
    for m in triggers:
        key = (m.start, m.end, m.rule.type)
        if key in seen:
            continue
        seen.add(key)
        span = doc[m.start : m.end]
        out.append(
            EventFact(
                type=m.rule.type,
                trigger=(span.start_char, span.end_char),
                rule=m.rule.id,
                status=m.rule.status or "happened",
                cameo=m.rule.cameo,
                sentence=sentence_of.get(m.head),
            )
        )
    return out
