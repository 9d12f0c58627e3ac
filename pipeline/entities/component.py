"""The entity component: the model's entities, rule patterns, then the fixes (``newsrel_entities_v1``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import cast

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, minibatch

import pipeline.entities.recase as recase
from pipeline.entities.entity_span import EntitySpan
from pipeline.entities.families import fix_entities
from pipeline.entities.gazetteer import place_names
from pipeline.entities.merge import merge_rule_spans, replace_line_entities
from pipeline.entities.spans import split_at_line_breaks
from pipeline.matchers.windows import WindowedMatcher
from pipeline.rulefiles import EntityFixes, load_entity_patterns, load_json


class EntityRules:
    """Rule matchers over the model's entities: patterns from ``entity_patterns.jsonl``,
    then the fixes of :mod:`pipeline.entities.families` with word lists from ``entity_fixes.json``."""

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
        self, doc: Doc, model: list[EntitySpan]
    ) -> tuple[list[EntitySpan], recase.RecasedLines | None]:
        """The model's entities, split at the line breaks of the all-caps lines, and those
        lines recased for the NER to read again (None when there is nothing to read)."""
        lines = recase.caps_lines(doc)
        if not lines or self.ner is None:
            return model, None
        # an entity running from a caps line into the next keeps its part on that line
        model = split_at_line_breaks(doc, model, self.fixes)
        evidence = recase.case_evidence(doc, lines)
        recased = recase.recase_lines(
            doc,
            lines,
            evidence,
            stop_words=STOP_WORDS,
            places=place_names(self.fixes.min_city_population),
            lexicon=self.lexicon,
        )
        return model, (recased if recased.lines else None)

    def reread(
        self, model: list[EntitySpan], recased: recase.RecasedLines, read: Doc
    ) -> list[EntitySpan]:
        """The NER's entities on the recased lines (``read``) replace the model's there."""
        origin = recased.origin
        found = [
            EntitySpan(origin[e.start], origin[e.end - 1] + 1, e.label_)
            for e in read.ents
            if -1 not in origin[e.start : e.end]
        ]
        read_lines = [(x.start, x.end) for x in recased.lines]
        return replace_line_entities(model, read_lines, found)

    def rule_spans(self, doc: Doc) -> list[EntitySpan]:
        spans = []
        for match_id, start, end in [*self.matcher(doc), *self.phrases(doc)]:
            rid = doc.vocab.strings[match_id]
            spans.append(Span(doc, start, end, label=self.labels[rid], span_id=rid))
        return [EntitySpan.of(s) for s in filter_spans(spans)]

    def find_all(self, docs: list[Doc]) -> list[list[EntitySpan]]:
        """:meth:`find` for several documents at once: the trained NER reads the recased lines
        of all of them in one ``pipe`` call (each call has a fixed cost, whatever the length
        of what it reads). The NER reads each document on its own (the parser's states and
        the convolutions over tokens never mix documents; its matrix products compute each row
        alone), so its entities do not depend on the other documents of the batch."""
        rules = [self.rule_spans(doc) for doc in docs]
        # a model span across a line break is two candidates before rules are weighed against it
        split = [
            split_at_line_breaks(doc, [EntitySpan.of(e) for e in doc.ents], self.fixes)
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
            merged = merge_rule_spans(doc, model, found)
            out.append(fix_entities(doc, merged, self.fixes))
        return out

    def find(self, doc: Doc) -> list[EntitySpan]:
        return self.find_all([doc])[0]

    def set_annotations(self, doc: Doc, ents: list[EntitySpan]) -> None:
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
