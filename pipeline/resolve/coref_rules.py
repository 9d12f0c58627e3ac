"""The coreference rule file (``models/coref.json``): word lists and sieve settings, validated.

One pydantic model per part, ``extra="forbid"`` (the models are the only list of allowed keys);
a bad file fails on load with :class:`~pipeline.rulefiles.RuleError` naming the file and the
field. :class:`CorefRules` adds the lookups the sieves use (word -> pronoun, head -> kind).
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Literal, get_args

from pydantic import Field, model_validator

from pipeline.rulefiles import _Rule, load_json

# the sieves in the order the resolver may run them; a rule file names each by its id
SieveId = Literal[
    "honorific",
    "appositive",
    "name-modifier",
    "relative-pronoun",
    "predicate-nominative",
    "role-title",
    "head-match",
    "group",
    "description-type",
    "nominal-exact",
    "proper-head",
    "nominal-head-match",
    "nominal-description",
    "pronoun",
    "quote-speaker",
]
SIEVES: tuple[str, ...] = get_args(SieveId)
Gender = Literal["male", "female", "neuter"]


class SieveSpec(_Rule):
    id: SieveId
    description: str = Field(min_length=1)


class PronounSpec(_Rule):
    words: list[str] = Field(min_length=1)
    person: Literal[1, 3]
    number: Literal["singular", "plural"]
    gender: Gender | None = None
    labels: list[str] = Field(min_length=1, description="Entity labels it can stand for.")


class DescriptionSpec(_Rule):
    kind: Literal["company", "institution", "country", "place", "product", "role"]
    labels: list[str] = Field(min_length=1)
    heads: list[str] = Field(min_length=1, description="Head nouns, one or two words, lower case.")


class Pleonastic(_Rule):
    verbs: list[str]
    adjectives: list[str]


class Limits(_Rule):
    pronoun_sentences: int = Field(ge=0, description="How many sentences back a pronoun looks.")
    pronoun_paragraphs: int = Field(
        ge=0, description="How many paragraph boundaries a pronoun may cross (when none nearer)."
    )
    description_sentences: int = Field(ge=0)
    group_sentences: int = Field(ge=0)
    role_sentences: int = Field(ge=0)
    head_match_sentences: int = Field(ge=0)


class Pronoun(_Rule):
    """One pronoun word with its features."""

    word: str
    person: int
    number: str
    gender: Gender | None
    labels: frozenset[str]
    possessive: bool
    reflexive: bool


class CorefRules(_Rule):
    about: str = ""
    sieves: list[SieveSpec] = Field(min_length=1)
    pronouns: list[PronounSpec] = Field(min_length=1)
    relative_pronouns: dict[str, Literal["person", "thing", "any"]] = Field(
        description="Relative pronouns and what they stand for: a person, a thing (no PERSON) or any."
    )
    possessives: list[str]
    reflexives: list[str]
    descriptions: list[DescriptionSpec] = Field(min_length=1)
    plural_heads: dict[str, str]
    group_heads: dict[str, list[str]]
    group_counts: dict[str, int]
    definite: list[str] = Field(min_length=1)
    indefinite: list[str]
    non_anaphoric_modifiers: list[str]
    honorifics: dict[str, Gender | None]
    pleonastic: Pleonastic
    generic_they_verbs: list[str]
    speech_verbs: list[str]
    organisation_labels: list[str]
    description_order: Literal["nearest", "salience"] = Field(
        description="How description-type picks among fitting entities in reach: the nearest "
        "(subjects first), or the one mentioned most so far (then the nearest)."
    )
    name_modifier_kinds: list[str] = Field(
        description="Description kinds whose noun phrase is the entity named in front of its "
        "head (`the Acme X200 phone` -> X200: sieve name-modifier)."
    )
    non_referential_heads: list[str] = Field(
        description="Nouns that head no mention of an entity of their own (`in addition`, "
        "`the fact that`, `the time`): never a noun phrase mention."
    )
    unnamed_entities: bool = Field(
        description="Every noun phrase is a mention: a chain of descriptions and pronouns no "
        "name mentions is an entity of its own (a cluster with references only), and a pronoun "
        "whose nearest fitting mention is such a noun phrase refers to it. False: only named "
        "entities are antecedents, and such a pronoun is refused (`not-an-entity`)."
    )
    limits: Limits

    @model_validator(mode="after")
    def _consistent(self) -> CorefRules:
        ids = [s.id for s in self.sieves]
        if len(set(ids)) != len(ids):
            raise ValueError("a sieve is listed twice in `sieves`")
        seen: set[str] = set()
        for p in self.pronouns:
            for w in p.words:
                if w != w.lower() or w in seen:
                    raise ValueError(f"pronoun {w!r}: listed twice or not in lower case")
                seen.add(w)
        heads: set[str] = set()
        for d in self.descriptions:
            for h in d.heads:
                if h != h.lower() or len(h.split()) > 2 or h in heads:
                    raise ValueError(f"description head {h!r}: twice, not lower case, or >2 words")
                heads.add(h)
        for plural, singular in self.plural_heads.items():
            if singular not in heads and singular not in self.group_heads:
                raise ValueError(f"plural_heads: {plural!r} -> {singular!r}, which is no head")
        return self

    @cached_property
    def pronoun_table(self) -> dict[str, Pronoun]:
        possessive, reflexive = set(self.possessives), set(self.reflexives)
        return {
            w: Pronoun(
                word=w,
                person=p.person,
                number=p.number,
                gender=p.gender,
                labels=frozenset(p.labels),
                possessive=w in possessive,
                reflexive=w in reflexive,
            )
            for p in self.pronouns
            for w in p.words
        }

    @cached_property
    def head_table(self) -> dict[str, DescriptionSpec]:
        """Head (one or two words) -> its description spec."""
        return {h: d for d in self.descriptions for h in d.heads}

    @cached_property
    def last_words(self) -> frozenset[str]:
        """Every word that can end a description head, singular or plural."""
        words = {h.split()[-1] for h in self.head_table}
        return frozenset(words | set(self.plural_heads) | set(self.group_heads))

    @cached_property
    def word_ids(self) -> frozenset[int]:
        """spaCy string ids of every word that can start an anaphor (a fast first screen)."""
        from spacy.strings import get_string_id

        words = (*self.pronoun_table, *self.last_words, *self.honorifics, *self.relative_pronouns)
        return frozenset(get_string_id(w) for w in words)

    @property
    def order(self) -> list[str]:
        return [s.id for s in self.sieves]


def load_coref_rules(path: Path) -> CorefRules:
    return load_json(path, CorefRules)


__all__ = ["SIEVES", "CorefRules", "Pronoun", "load_coref_rules"]
