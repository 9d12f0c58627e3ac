"""Running one entity fix on a small document: the fix tests of every family use these."""

from __future__ import annotations

from collections.abc import Sequence

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.entities.entity_span import EntitySpan, Fix
from pipeline.rulefiles import EntityFixes, load_json, models_dir


def entity_fixes() -> EntityFixes:
    return load_json(models_dir() / "entity_fixes.json", EntityFixes)


def _run(fix: Fix, doc: Doc, ents: Sequence[tuple[int, int, str]]) -> list[tuple[str, str]]:
    found = fix(doc, [EntitySpan(s, e, label) for s, e, label in ents], entity_fixes())
    return [(doc[x.start : x.end].text, x.label) for x in found]


def fix_words(
    fix: Fix, words: list[str], ents: Sequence[tuple[int, int, str]]
) -> list[tuple[str, str]]:
    """Run ``fix`` on a document of ``words`` with ``ents`` as (start, end, label)."""
    return _run(fix, Doc(Vocab(), words=words), ents)


def fix_text(
    fix: Fix,
    text: str,
    ents: Sequence[tuple[int, int, str]],
    pos: dict[int, str] | None = None,
) -> list[tuple[str, str]]:
    """Run ``fix`` on ``text`` (tokenised as spaCy's English tokenizer does) with ``ents`` given
    as (first word index, end word index, label); ``pos`` sets part-of-speech tags by index."""
    doc = spacy.blank("en").make_doc(text)
    for i, tag in (pos or {}).items():
        doc[i].pos_ = tag
    return _run(fix, doc, ents)
