"""spaCy's attribute ruler, its matches found through an index (:mod:`pipeline.matchers.attributes`)."""

from __future__ import annotations

from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

import pipeline.matchers.attributes as attributes


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
