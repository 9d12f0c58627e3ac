"""The normaliser component (``newsrel_normalise_v1``): values for entities, and the temporal
expressions the model missed."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.entities.countries import country_of, country_table
from pipeline.matchers.windows import WindowedMatcher
from pipeline.normalise.rules import load_rules
from pipeline.normalise.spans import (
    is_age,
    merge_adjacent,
    normalise_entities,
    reshape,
    split_points,
)


class Normaliser:
    """Values for entities (``ent._.norm``): money, percentages, quantities and TIMEX3 dates
    anchored to the layout's publication date, country values for demonyms; adds the temporal expressions the model missed
    (patterns in ``models/normalise.json``) where no entity is. Pure functions in
    :mod:`pipeline.normalise`."""

    def __init__(self, nlp: Language, rules: Path, folder: Path) -> None:
        self.countries = country_table(folder)
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
            norm = by_offsets.get((ent.start_char, ent.end_char))
            if norm is None and ent.label_ == "NORP":  # a demonym: the country it stands for
                norm = country_of("NORP", ent.text, self.countries)
            ent._.norm = norm
