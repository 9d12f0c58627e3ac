"""Relation rules as data: ``models/relation_rules.jsonl``, one rule a line.

A rule is a spaCy token pattern (``Matcher``) or dependency pattern (``DependencyMatcher``)
with an id, a description, the relation it makes (a type of ``models/relation_types.json``)
and which pattern element is the head and which the tail: the entity mention holding that
element's token is the argument. One pydantic model validates every rule on load (unknown keys,
bad patterns, head/tail naming no element), and its relation must be a listed type; an error
names the file, the rule id and the field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field, model_validator
from spacy.matcher import DependencyMatcher, Matcher
from spacy.vocab import Vocab

from pipeline.matchers.gates import token_needs, tree_nodes
from pipeline.relations.types import TYPES_FILE, RelationTypes, relation_types
from pipeline.relations.words import RelationWords, expand, relation_words
from pipeline.rulefiles import RuleError, _Rule, load_jsonl


class RelationRule(_Rule):
    """One relation rule; the class is the only list of allowed keys."""

    id: str = Field(min_length=1)
    description: str = Field(min_length=1)
    relation: str = Field(min_length=1, description="A type of relation_types.json.")
    kind: Literal["token", "dependency"]
    pattern: list[dict[str, Any]] = Field(min_length=1)
    head: int | str = Field(description="token rules: element index; dependency rules: RIGHT_ID")
    tail: int | str
    head_labels: frozenset[str] = Field(min_length=1)
    tail_labels: frozenset[str] = Field(min_length=1)
    pronoun: Literal["head", "tail"] | None = Field(
        default=None,
        description="This argument is a personal pronoun: read it as the nearest PERSON before it.",
    )
    not_country_head: bool = Field(
        default=False,
        description="Drop a match whose head is a country name and whose tail is no LOC "
        "(LOCATED_IN: a country is in no city, but in a continent, sea or region).",
    )
    not_in_list: bool = Field(
        default=False,
        description="Drop a match whose head follows, or whose tail precedes, another place "
        "after a comma or and/or: items of a list (Leeds, York and Hull), not a place and "
        "the larger one it is in (Leeds, England).",
    )
    not_item_in_place: bool = Field(
        default=False,
        description="Drop a match whose tail is followed by 'in' and a place: an item of a "
        "list of places each in a larger one (A in B, C in D), not the place B is in.",
    )
    same_country: bool = Field(
        default=False,
        description="Keep a match only if the head's first word is the demonym of the country "
        "the tail names (the Peruvian Government ... Peru).",
    )
    region_tail: bool = Field(
        default=False,
        description="Keep a match only if the tail is a region that holds towns (a country, "
        "a US state, a name ending in County, Province ...), the head is none, and no city of "
        "the gazetteer named like the head lies only elsewhere: In Ohio, floods closed roads "
        "in Springfield (not: In Ohio, Ann Lee flew to London).",
    )

    @model_validator(mode="after")
    def _arguments_name_elements(self) -> RelationRule:
        for side in ("head", "tail"):
            ref = getattr(self, side)
            if self.kind == "token":
                if not isinstance(ref, int) or not 0 <= ref < len(self.pattern):
                    raise ValueError(
                        f"{side}: token rules name a pattern element by index 0..{len(self.pattern) - 1}"
                    )
            else:
                ids = {node.get("RIGHT_ID") for node in self.pattern}
                if ref not in ids:
                    raise ValueError(f"{side}: {ref!r} is no RIGHT_ID of the pattern")
        return self


def _check(vocab: Vocab, rule: RelationRule) -> None:
    """What spaCy (and the matchers' gates) say of the rule's pattern."""
    if rule.kind == "token":
        Matcher(vocab, validate=True).add(rule.id, [rule.pattern])
        token_needs(vocab, rule.pattern)
    else:
        DependencyMatcher(vocab, validate=True).add(rule.id, [rule.pattern])
        tree_nodes(vocab, rule.pattern)


def load_relation_rules(
    path: Path, types: RelationTypes | None = None, words: RelationWords | None = None
) -> list[RelationRule]:
    """Validated rules, each making one of ``types`` (default: those of the rule folder,
    :func:`~pipeline.relations.types.relation_types`), their patterns' named word lists filled
    from ``words`` (default: the rule folder's, :mod:`pipeline.relations.words`); spaCy checks
    each pattern. An error names the file, the rule id and the field."""
    known = (types or relation_types()).types
    lists = words or relation_words()
    rules: list[RelationRule] = []
    for rule in load_jsonl(path, RelationRule):
        try:
            rules.append(rule.model_copy(update={"pattern": expand(rule.pattern, lists)}))
        except KeyError as e:
            raise RuleError(f"{path} (rule {rule.id!r}): field 'pattern': {e.args[0]}") from e
    seen: set[str] = set()
    vocab = Vocab()
    for rule in rules:
        if rule.relation not in known:
            raise RuleError(
                f"{path} (rule {rule.id!r}): field 'relation': {rule.relation!r} is not a type "
                f"of {TYPES_FILE} ({', '.join(known)})"
            )
        if rule.id in seen:
            raise RuleError(f"{path} (rule {rule.id!r}): field 'id': duplicate rule id")
        seen.add(rule.id)
        try:
            _check(vocab, rule)
        except (ValueError, KeyError) as e:
            raise RuleError(f"{path} (rule {rule.id!r}): field 'pattern': {e}") from e
    return rules
