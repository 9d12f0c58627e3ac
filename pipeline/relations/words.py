"""Word lists of the relation rules as data: ``models/relation_words.json`` names each list once,
and a rule's pattern refers to it by name (``{"LOWER": {"IN": "@role_nouns"}}``, or among other
words: ``{"IN": ["@residence_nouns", "mayor"]}``) instead of copying it, so two rules that mean
the same words say so, and a word added reaches both.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import Field, field_validator

from pipeline.rulefiles import _Rule, load_json, models_dir

WORDS_FILE = "relation_words.json"
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
LIST_KEYS = ("IN", "NOT_IN")  # where a pattern may name a list
# lists the code reads by name rather than a pattern: region_words ends a region's name
# ("Bexley County") for rules with region_tail (pipeline.relations.component.is_region)
REGION_WORDS = "region_words"
CODE_LISTS = (REGION_WORDS,)


class RelationWords(_Rule):
    about: str = ""
    lists: dict[str, tuple[str, ...]] = Field(description="List name -> its words.")
    region_city_population: int = Field(
        default=300_000,
        ge=0,
        description="A country or US state named like a city of at least this many people is "
        "read as the city, not a region (region_tail rules: 'In Washington,').",
    )

    @field_validator("lists")
    @classmethod
    def _named_and_filled(cls, v: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        for name, words in v.items():
            if not _NAME.match(name):
                raise ValueError(f"{name!r} is not a list name (a-z, 0-9, _)")
            if not words or len(set(words)) != len(words):
                raise ValueError(f"{name!r}: a list holds words, each once")
        return v


def relation_words(folder: Path | None = None) -> RelationWords:
    """The word lists of ``folder`` (default: the rule folder, :func:`models_dir`)."""
    return _load(folder or models_dir())


@lru_cache(maxsize=8)
def _load(folder: Path) -> RelationWords:
    return load_json(folder / WORDS_FILE, RelationWords)


def expand(pattern: Any, words: RelationWords) -> Any:
    """``pattern`` with every ``@name`` of an ``IN`` or ``NOT_IN`` (the whole value or an item
    of it) replaced by that list's words; a KeyError names a list that does not exist."""
    if isinstance(pattern, list):
        return [expand(x, words) for x in pattern]
    if not isinstance(pattern, dict):
        return pattern
    out = {}
    for key, value in pattern.items():
        if key in LIST_KEYS and isinstance(value, str | list):
            value = [
                w
                for item in ([value] if isinstance(value, str) else value)
                for w in _words(item, words)
            ]
        out[key] = expand(value, words)
    return out


def _words(item: Any, words: RelationWords) -> list[Any]:
    if not (isinstance(item, str) and item.startswith("@")):
        return [item]
    if item[1:] not in words.lists:
        raise KeyError(f"{item!r} names no list of {WORDS_FILE}")
    return list(words.lists[item[1:]])
