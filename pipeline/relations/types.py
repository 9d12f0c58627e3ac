"""Relation types as data: ``models/relation_types.json`` names every type newsrel writes.

A relation rule may only make a listed type (:func:`pipeline.relations.rules.load_relation_rules`
checks on load), and the ``pred`` side of an evaluation label map may only name listed types
(:func:`pipeline.evaluate.labels.load_label_map`): adding a type is a data change.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator

from pipeline.rulefiles import _Rule, load_json, models_dir

TYPES_FILE = "relation_types.json"
# the types the code writes by itself (POSITION_AT from an AFFILIATED_WITH match through a
# TITLE, the resolver's ALIAS_OF): the types file must list them
WRITTEN_BY_CODE = frozenset({"POSITION_AT", "ALIAS_OF"})
_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")


class RelationTypes(_Rule):
    about: str = ""
    types: dict[str, str] = Field(min_length=1, description="Type name -> what it links.")

    @field_validator("types")
    @classmethod
    def _names(cls, v: dict[str, str]) -> dict[str, str]:
        for name in v:
            if not _NAME.match(name):
                raise ValueError(f"{name!r} is not an upper-case type name (A-Z, 0-9, _)")
        missing = WRITTEN_BY_CODE - set(v)
        if missing:
            raise ValueError(f"{sorted(missing)} are written by the code and must be listed")
        return v


def relation_types(folder: Path | None = None) -> RelationTypes:
    """The relation types of ``folder`` (default: the rule folder, :func:`models_dir`)."""
    return _load(folder or models_dir())


@lru_cache(maxsize=8)
def _load(folder: Path) -> RelationTypes:
    return load_json(folder / TYPES_FILE, RelationTypes)
