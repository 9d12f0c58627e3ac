"""The resolver component (``newsrel_resolve_v1``): who is who in one document."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

import pipeline.resolve.clusters as resolve
from pipeline.entities.countries import country_table


class Resolver:
    """Who is who in one document (:mod:`pipeline.resolve.clusters`): clusters over ``doc.ents``,
    acronym aliases (``ALIAS_OF``)."""

    def __init__(self, nlp: Language, folder: Path) -> None:
        self.table = country_table(folder)

    def find(self, doc: Doc) -> resolve.Resolution:
        return resolve.resolve(doc, self.table)

    def set_annotations(self, doc: Doc, found: resolve.Resolution) -> None:
        cluster_of = {m: n for n, c in enumerate(found.clusters) for m in c.mentions}
        for ent in doc.ents:
            key = (ent.start_char, ent.end_char)
            ent._.cluster = cluster_of.get(key)
        doc._.clusters = found.clusters
        doc._.aliases = found.aliases

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc
