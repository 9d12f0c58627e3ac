"""The one place where newsrel's spaCy factories and ``Doc``/``Span`` extensions are registered.

Every component is a thin class over pure functions in its own module: ``find`` computes,
``set_annotations`` writes. Factories are namespaced and versioned (``newsrel_<name>_v1``; spaCy forbids dots in factory names)
and declare ``assigns``/``requires`` so ``nlp.analyze_pipes()`` can check their order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import cast

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import AttributeRuler, Pipe
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, minibatch

import pipeline.entities.fixes as ent_rules
import pipeline.entities.recase as recase
import pipeline.matchers.attributes as attributes
import pipeline.relations.engine as relations
import pipeline.resolve.clusters as resolve
from pipeline.facts import RelationFact
from pipeline.matchers.windows import WindowedMatcher
from pipeline.rulefiles import EntityFixes, load_entity_patterns, load_json, models_dir


def register_extensions() -> None:
    """Register every custom attribute once (idempotent: safe to call from any process)."""
    for name, default in (
        ("published", None),  # ISO date, the anchor for relative dates
        ("published_source", None),
        ("clusters", None),  # list[facts.ClusterFact]
        ("relations", None),  # list[facts.RelationFact]
        ("events", None),  # list[facts.EventFact]
    ):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in ("norm", "cluster"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register_extensions()


class EntityRules:
    """Rule matchers over the model's entities: patterns from ``entity_patterns.jsonl``,
    then the fixes of :mod:`pipeline.entities.fixes` with word lists from ``entity_fixes.json``."""

    def __init__(self, nlp: Language, patterns: Path, fixes: Path) -> None:
        # run only where a pattern's words are (pipeline.matchers.windows): the same matches
        self.matcher = WindowedMatcher(nlp.vocab, validate=True)
        self.phrases = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.labels: dict[str, str] = {}
        for row in load_entity_patterns(patterns):
            self.labels[row["id"]] = row["label"]
            if isinstance(row["pattern"], str):
                self.phrases.add(row["id"], [nlp.make_doc(row["pattern"])])
            else:
                self.matcher.add(row["id"], [row["pattern"]])
        self.fixes = load_json(fixes, EntityFixes)
        # the trained NER, run again on recased all-caps lines (pipeline.entities.recase)
        self.ner = cast(Pipe, nlp.get_pipe("ner")) if nlp.has_pipe("ner") else None
        self.lexicon = recase.lemmatizer_lexicon(nlp)

    def recase_caps(
        self, doc: Doc, model: list[ent_rules.EntitySpan]
    ) -> tuple[list[ent_rules.EntitySpan], recase.RecasedLines | None]:
        """The model's entities, split at the line breaks of the all-caps lines, and those
        lines recased for the NER to read again (None when there is nothing to read)."""
        lines = recase.caps_lines(doc)
        if not lines or self.ner is None:
            return model, None
        # an entity running from a caps line into the next keeps its part on that line
        model = ent_rules.split_at_line_breaks(doc, model, self.fixes)
        evidence = recase.case_evidence(doc, lines)
        recased = recase.recase_lines(
            doc,
            lines,
            evidence,
            stop_words=STOP_WORDS,
            places=ent_rules.place_names(self.fixes.min_city_population),
            lexicon=self.lexicon,
        )
        return model, (recased if recased.lines else None)

    def reread(
        self, model: list[ent_rules.EntitySpan], recased: recase.RecasedLines, read: Doc
    ) -> list[ent_rules.EntitySpan]:
        """The NER's entities on the recased lines (``read``) replace the model's there."""
        origin = recased.origin
        found = [
            ent_rules.EntitySpan(origin[e.start], origin[e.end - 1] + 1, e.label_)
            for e in read.ents
            if -1 not in origin[e.start : e.end]
        ]
        read_lines = [(x.start, x.end) for x in recased.lines]
        return ent_rules.replace_line_entities(model, read_lines, found)

    def rule_spans(self, doc: Doc) -> list[ent_rules.EntitySpan]:
        spans = []
        for match_id, start, end in [*self.matcher(doc), *self.phrases(doc)]:
            rid = doc.vocab.strings[match_id]
            spans.append(Span(doc, start, end, label=self.labels[rid], span_id=rid))
        return [ent_rules.EntitySpan.of(s) for s in filter_spans(spans)]

    def find_all(self, docs: list[Doc]) -> list[list[ent_rules.EntitySpan]]:
        """:meth:`find` for several documents at once: the trained NER reads the recased lines
        of all of them in one ``pipe`` call (a call per document costs about a millisecond
        whatever its length). The NER reads each document on its own (the parser's states and
        the convolutions over tokens never mix documents; its matrix products compute each row
        alone), so its entities do not depend on the other documents of the batch."""
        rules = [self.rule_spans(doc) for doc in docs]
        # a model span across a line break is two candidates before rules are weighed against it
        split = [
            ent_rules.split_at_line_breaks(
                doc, [ent_rules.EntitySpan.of(e) for e in doc.ents], self.fixes
            )
            for doc in docs
        ]
        prepared = [self.recase_caps(doc, model) for doc, model in zip(docs, split, strict=True)]
        to_read = [
            Doc(doc.vocab, words=r.words, spaces=r.spaces)
            for doc, (_, r) in zip(docs, prepared, strict=True)
            if r is not None
        ]
        ner = self.ner
        read = iter(ner.pipe(to_read, batch_size=len(to_read)) if ner and to_read else [])
        out = []
        for doc, found, (model, recased) in zip(docs, rules, prepared, strict=True):
            if recased is not None:
                model = self.reread(model, recased, next(read))
            merged = ent_rules.merge_rule_spans(doc, model, found)
            out.append(ent_rules.fix_entities(doc, merged, self.fixes))
        return out

    def find(self, doc: Doc) -> list[ent_rules.EntitySpan]:
        return self.find_all([doc])[0]

    def set_annotations(self, doc: Doc, ents: list[ent_rules.EntitySpan]) -> None:
        doc.ents = [e.span(doc) for e in ents]

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            for doc, ents in zip(batch, self.find_all(batch), strict=True):
                self.set_annotations(doc, ents)
                yield doc


@Language.factory(
    "newsrel_entities_v1",
    assigns=["doc.ents"],
    requires=["doc.ents", "token.pos"],
    default_config={"patterns": None, "fixes": None},
)
def make_entity_rules(
    nlp: Language, name: str, patterns: str | None, fixes: str | None
) -> EntityRules:
    folder = models_dir()
    return EntityRules(
        nlp,
        Path(patterns) if patterns else folder / "entity_patterns.jsonl",
        Path(fixes) if fixes else folder / "entity_fixes.json",
    )


class Normaliser:
    """Values for entities (``ent._.norm``): money, percentages, quantities and TIMEX3 dates
    anchored to ``doc._.published``; adds the temporal expressions the model missed
    (patterns in ``models/normalise.json``) where no entity is. Pure functions in
    :mod:`pipeline.normalise`."""

    def __init__(self, nlp: Language, rules: Path) -> None:
        from pipeline.normalise.rules import load_rules

        self.rules = load_rules(rules)
        # run only where a pattern's words are (pipeline.matchers.windows): the same matches; cheaper
        # than the document gate (pipeline.matchers.gates) it replaces, which skipped only whole documents
        self.matcher = WindowedMatcher(nlp.vocab, validate=True)
        self.labels: dict[str, str] = {}
        self.connectors = frozenset(self.rules.split_connectors)
        for row in self.rules.added_entities:
            self.labels[row.id] = row.label
            self.matcher.add(row.id, [row.pattern])

    def find_missing(self, doc: Doc) -> list[Span]:
        taken = {i for e in doc.ents for i in range(e.start, e.end)}
        spans = [
            Span(doc, s, e, label=self.labels[doc.vocab.strings[m]], span_id=doc.vocab.strings[m])
            for m, s, e in self.matcher(doc)
            if not taken.intersection(range(s, e))
        ]
        return filter_spans(spans)

    def __call__(self, doc: Doc) -> Doc:
        from pipeline.normalise.spans import (
            is_age,
            merge_adjacent,
            normalise_entities,
            reshape,
            split_points,
        )

        ents: list[Span] = []
        added = self.find_missing(doc)
        shaped = [reshape(ent, self.rules) for ent in doc.ents]
        changed = bool(added) or any(a is not b for a, b in zip(shaped, doc.ents, strict=True))
        for ent in filter_spans([*shaped, *(reshape(ent, self.rules) for ent in added)]):
            parts = [] if is_age(ent) else split_points(ent, self.connectors)
            if ent.label_ not in ("DATE", "TIME") or parts == [(ent.start, ent.end)]:
                ents.append(ent)
                continue
            changed = True
            ents.extend(Span(doc, s, e, label=ent.label, span_id=ent.id) for s, e in parts)
        merged = merge_adjacent(ents)
        if changed or len(merged) != len(ents):
            doc.ents = merged
        found = normalise_entities(doc, self.rules)
        self.set_annotations(doc, found)
        return doc

    def set_annotations(self, doc: Doc, found: list) -> None:  # list[Normalised]
        by_offsets = {(n.start_char, n.end_char): n.norm for n in found}
        for ent in doc.ents:
            ent._.norm = by_offsets.get((ent.start_char, ent.end_char))


@Language.factory(
    "newsrel_normalise_v1",
    assigns=["doc.ents", "span._.norm"],
    requires=["doc.ents"],
    default_config={"rules": None},
)
def make_normaliser(nlp: Language, name: str, rules: str | None) -> Normaliser:
    return Normaliser(nlp, Path(rules) if rules else models_dir() / "normalise.json")


class Resolver:
    """Who is who in one document (:mod:`pipeline.resolve.clusters`): clusters over ``doc.ents``,
    country values on demonyms, acronym aliases (``ALIAS_OF``)."""

    def __init__(self, nlp: Language, folder: Path) -> None:
        from pipeline.entities.countries import country_table

        self.table = country_table(folder)

    def find(self, doc: Doc) -> resolve.Resolution:
        return resolve.resolve(doc, self.table)

    def set_annotations(self, doc: Doc, found: resolve.Resolution) -> None:
        cluster_of = {m: n for n, c in enumerate(found.clusters) for m in c.mentions}
        for ent in doc.ents:
            key = (ent.start_char, ent.end_char)
            ext = ent._  # one view of the span's extensions for its three reads and writes
            if key in found.norms and ext.norm is None:
                ext.norm = found.norms[key]
            ext.cluster = cluster_of.get(key)
        doc._.clusters = found.clusters
        doc._.relations = [*(doc._.relations or []), *found.aliases]

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc


@Language.factory(
    "newsrel_resolve_v1",
    assigns=["doc._.clusters", "doc._.relations", "span._.norm", "span._.cluster"],
    requires=["doc.ents"],
    default_config={"folder": None},
)
def make_resolver(nlp: Language, name: str, folder: str | None) -> Resolver:
    return Resolver(nlp, Path(folder) if folder else models_dir())


class RelationRules:
    """Relations from the rules in ``relation_rules.jsonl`` (:mod:`pipeline.relations.engine`), and
    the roles of each PERSON cluster they imply."""

    def __init__(self, nlp: Language, path: Path) -> None:
        from pipeline.entities.countries import country_table

        table = country_table(path.parent)
        self.compiled = relations.compile_rules(
            nlp.vocab,
            relations.load_relation_rules(path),
            is_country=lambda text: table.by_name(text) is not None,
        )

    def find(self, doc: Doc) -> list[RelationFact]:
        return relations.relations(doc, self.compiled)

    def set_annotations(self, doc: Doc, found: list[RelationFact]) -> None:
        doc._.relations = [*(doc._.relations or []), *found]
        if doc._.clusters is not None:
            doc._.clusters = relations.roles(doc._.clusters, doc._.relations, doc)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc


@Language.factory(
    "newsrel_relations_v1",
    assigns=["doc._.relations", "doc._.clusters"],
    requires=["doc.ents", "token.dep"],
    default_config={"rules": None},
)
def make_relation_rules(nlp: Language, name: str, rules: str | None) -> RelationRules:
    return RelationRules(nlp, Path(rules) if rules else models_dir() / "relation_rules.jsonl")


class EventRules:
    """Events from the rules of ``event_rules.jsonl`` (:mod:`pipeline.events.engine`); sets
    ``Doc._.events`` to a list of :class:`~pipeline.facts.EventFact`. ``mode="trigger-only"``
    keeps the trigger words alone: the baseline the rules are measured against."""

    def __init__(
        self, nlp: Language, folder: Path, mode: str, skip_headline: bool | None = None
    ) -> None:
        from pipeline.events.engine import EventEngine
        from pipeline.events.rules import load_event_rules

        if mode not in ("full", "trigger-only"):
            raise ValueError(f"newsrel_events_v1: mode {mode!r} is not 'full' or 'trigger-only'")
        self.engine = EventEngine(nlp.vocab, load_event_rules(folder))
        self.trigger_only = mode == "trigger-only"
        self.skip_headline = skip_headline

    def find(self, doc: Doc) -> list:
        from pipeline.events.engine import match_events

        return match_events(
            doc, self.engine, trigger_only=self.trigger_only, skip_headline=self.skip_headline
        )

    def set_annotations(self, doc: Doc, events: list) -> None:
        doc._.events = events

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc


@Language.factory(
    "newsrel_events_v1",
    assigns=["doc._.events"],
    requires=["doc.ents", "token.dep", "token.lemma"],
    default_config={"rules": None, "mode": "full", "skip_headline": None},
)
def make_event_rules(
    nlp: Language, name: str, rules: str | None, mode: str, skip_headline: bool | None
) -> EventRules:
    """``skip_headline``: None follows ``event_types.json`` (a headline starts no event, as the
    annotation guideline says); False lets headline triggers start events (MEANTIME annotates
    headlines)."""
    return EventRules(nlp, Path(rules) if rules else models_dir(), mode, skip_headline)


@Language.factory(
    "newsrel_paragraphs_v1",
    assigns=["token.is_sent_start"],
    requires=[],
)
def make_paragraphs(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Sentence starts from the layout (after a blank line and after a headline), set before
    the parser so that a headline or header line never joins the first paragraph's sentence
    (:mod:`pipeline.ingest.layout`)."""
    from pipeline.ingest.layout import set_layout_sentence_starts

    return set_layout_sentence_starts


class IndexedAttributeRuler(AttributeRuler):
    """spaCy's ``AttributeRuler`` finding its matches through :mod:`pipeline.matchers.attributes` (the same
    matches, without trying every pattern at every token); patterns, serialisation and
    ``set_annotations`` are spaCy's. Patterns the index cannot hold are matched by spaCy's
    ``Matcher`` as before."""

    _index: attributes.PatternIndex | None = None
    _stale = True

    def add(self, patterns, attrs, index=0):  # type: ignore[no-untyped-def]
        super().add(patterns, attrs, index)
        self._stale = True

    def clear(self) -> None:
        super().clear()
        self._stale = True

    def match(self, doc: Doc):  # type: ignore[no-untyped-def]
        if self._stale:
            rules = [self.matcher.get(str(i))[1] for i in range(len(self.attrs))]
            self._index = attributes.compile_patterns(self.vocab, rules)
            self._stale = False
        if self._index is None:
            return super().match(doc)
        return attributes.find_matches(self._index, doc)


@Language.factory(
    "newsrel_attribute_ruler_v1",
    assigns=["token.pos", "token.morph", "token.lemma"],
    requires=["token.tag"],
    default_config={"validate": False},
)
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool) -> IndexedAttributeRuler:
    """Takes the place of the trained pipeline's ``attribute_ruler`` (``"replace": true`` in
    ``models/pipeline.json``), loading its patterns."""
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate)
