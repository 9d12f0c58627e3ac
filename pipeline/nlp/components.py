"""The one place where newsrel's spaCy factories are registered.

Each factory is thin: the component class lives with its algorithm (``pipeline.entities``,
``pipeline.normalise``, ``pipeline.resolve``, ``pipeline.relations``, ``pipeline.events``,
``pipeline.matchers``), where ``find`` computes and ``set_annotations`` writes. Factories are
namespaced and versioned (``newsrel_<name>_v1``; spaCy forbids dots in factory names) and declare
what they read and write (``requires`` / ``assigns``), so ``nlp.analyze_pipes()`` checks their
order; every ``Doc._``/``Span._`` slot has one writer (:mod:`pipeline.nlp.extensions`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.entities.component import EntityRules
from pipeline.events.component import EventRules
from pipeline.matchers.ruler import IndexedAttributeRuler
from pipeline.nlp.extensions import register_extensions
from pipeline.nlp.sentences import set_layout_sentence_starts
from pipeline.normalise.component import Normaliser
from pipeline.relations.component import RelationRules
from pipeline.resolve.component import Resolver
from pipeline.rulefiles import models_dir

register_extensions()


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


@Language.factory(
    "newsrel_paragraphs_v1",
    assigns=["token.is_sent_start"],
    requires=["doc._.layout"],
)
def make_paragraphs(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Sentence starts from the layout (after a blank line and after a headline), set before
    the parser so that a headline or header line never joins the first paragraph's sentence
    (:mod:`pipeline.nlp.sentences`)."""
    return set_layout_sentence_starts


@Language.factory(
    "newsrel_entities_v1",
    assigns=["doc.ents"],
    requires=["doc.ents", "token.pos", "doc._.layout"],
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


@Language.factory(
    "newsrel_normalise_v1",
    assigns=["doc.ents", "span._.norm"],
    requires=["doc.ents", "doc._.layout"],
    default_config={"rules": None},
)
def make_normaliser(nlp: Language, name: str, rules: str | None) -> Normaliser:
    folder = models_dir()
    return Normaliser(nlp, Path(rules) if rules else folder / "normalise.json", folder)


@Language.factory(
    "newsrel_resolve_v1",
    assigns=[
        "doc._.clusters",
        "doc._.aliases",
        "doc._.references",
        "doc._.unnamed",
        "span._.cluster",
    ],
    requires=["doc.ents", "span._.norm", "token.dep"],
    default_config={"folder": None, "coreference": True},
)
def make_resolver(nlp: Language, name: str, folder: str | None, coreference: bool) -> Resolver:
    """``coreference``: False keeps today's names-only clusters (no pronouns or descriptions;
    the baseline ``newsrel evaluate`` measures coreference against)."""
    return Resolver(nlp, Path(folder) if folder else models_dir(), coreference)


@Language.factory(
    "newsrel_relations_v1",
    assigns=["doc._.relations", "doc._.roles"],
    requires=["doc.ents", "token.dep", "doc._.clusters"],
    default_config={"rules": None},
)
def make_relation_rules(nlp: Language, name: str, rules: str | None) -> RelationRules:
    return RelationRules(nlp, Path(rules) if rules else models_dir() / "relation_rules.jsonl")


@Language.factory(
    "newsrel_events_v1",
    assigns=["doc._.events"],
    requires=[
        "doc.ents",
        "token.dep",
        "token.lemma",
        "span._.norm",
        "doc._.clusters",
        "doc._.layout",
    ],
    default_config={"rules": None, "mode": "full", "skip_headline": None},
)
def make_event_rules(
    nlp: Language, name: str, rules: str | None, mode: str, skip_headline: bool | None
) -> EventRules:
    """``skip_headline``: None follows ``event_types.json`` (a headline starts no event, as the
    annotation guideline says); False lets headline triggers start events (MEANTIME annotates
    headlines)."""
    return EventRules(nlp, Path(rules) if rules else models_dir(), mode, skip_headline)
