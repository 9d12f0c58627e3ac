"""The resolver component (``newsrel_resolve_v1``): who is who in one document."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

import pipeline.resolve.clusters as resolve
from pipeline.entities import gender
from pipeline.entities.countries import country_table
from pipeline.resolve.coref import CorefResult, resolve_references
from pipeline.resolve.coref_rules import load_coref_rules

COREF_RULES = "coref.json"


class Resolver:
    """Who is who in one document (:mod:`pipeline.resolve.clusters`): clusters over ``doc.ents``,
    acronym aliases (``ALIAS_OF``); then, unless ``coreference`` is off, the pronouns and
    descriptions that refer to those clusters (:mod:`pipeline.resolve.coref`)."""

    def __init__(self, nlp: Language, folder: Path, coreference: bool = True) -> None:
        self.table = country_table(folder)
        self.coreference = coreference
        self.coref_rules = load_coref_rules(folder / COREF_RULES) if coreference else None
        if coreference:
            gender.load()

    def find(self, doc: Doc) -> tuple[resolve.Resolution, CorefResult]:
        ents = list(doc.ents)  # made once for both steps
        found = resolve.resolve(doc, self.table, relaxed_names=self.coreference, ents=ents)
        if self.coref_rules is None:
            return found, CorefResult()
        return found, resolve_references(doc, found.clusters, self.coref_rules, ents)

    def set_annotations(self, doc: Doc, found: tuple[resolve.Resolution, CorefResult]) -> None:
        names, coref = found
        cluster_of = {m: n for n, c in enumerate(names.clusters) for m in c.mentions}
        for ent in doc.ents:
            key = (ent.start_char, ent.end_char)
            ent._.cluster = cluster_of.get(key)
        doc._.clusters = names.clusters
        doc._.aliases = names.aliases
        doc._.references = coref.references
        doc._.unnamed = coref.unnamed

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc
