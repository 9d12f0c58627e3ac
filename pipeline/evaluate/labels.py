"""Label maps: how gold and predicted labels meet in one scoring vocabulary.

A map is data (``models/labels/<format>.json`` or a ``--labels`` file) validated by
:class:`LabelMap`. A side whose map is ``null`` keeps every label as is; otherwise the map is
also the allow-list: a label it does not name is dropped before scoring.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from pipeline.failures import Failure
from pipeline.relations.types import relation_types
from pipeline.rulefiles import RuleError, load_json


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SideMap(_Strict):
    gold: dict[str, str] | None = None
    pred: dict[str, str] | None = None


class Compose(_Strict):
    """``first(a, b)`` and ``second(b, c)`` in a prediction give ``type(a, c)``."""

    first: str
    second: str
    type: str


class RelationMap(SideMap):
    compose: list[Compose] = Field(default_factory=list)


class TimexMap(_Strict):
    """Which (original) entity labels count as time expressions on each side."""

    gold: list[str]
    pred: list[str]


class LabelMap(_Strict):
    about: str = ""
    entities: SideMap = Field(default_factory=SideMap)
    # words dropped from the front of gold and predicted entity spans alike for the
    # determiner-insensitive comparison (gold whose names include "the": MEANTIME); none: off
    determiners: list[str] = Field(default_factory=list)
    relations: RelationMap = Field(default_factory=RelationMap)
    timex: TimexMap | None = None


def map_label(mapping: dict[str, str] | None, label: str) -> str | None:
    """The scoring label for ``label``, or None when the map drops it."""
    if mapping is None:
        return label
    return mapping.get(label)


class LabelMapError(Failure, ValueError):
    pass


def load_label_map(path: Path) -> LabelMap:
    """Read and validate a label-map file; errors name the file and the bad field. The
    relation types a prediction can have (``relations.pred`` keys, ``compose`` first and
    second) must be types newsrel writes (``models/relation_types.json``)."""
    try:
        label_map = load_json(Path(path), LabelMap)
        known = relation_types().types
    except RuleError as exc:
        raise LabelMapError(str(exc)) from exc
    rel = label_map.relations
    named = [(f"relations.pred.{name}", name) for name in rel.pred or {}]
    for n, comp in enumerate(rel.compose):
        named += [(f"relations.compose.{n}.first", comp.first)]
        named += [(f"relations.compose.{n}.second", comp.second)]
    for field, name in named:
        if name not in known:
            raise LabelMapError(
                f"{path}: field {field!r}: {name!r} is not a relation type newsrel writes "
                f"({', '.join(known)})"
            )
    return label_map


def default_label_map(fmt: str) -> LabelMap:
    """The packaged default map of a gold format (``models/labels/<fmt>.json``)."""
    ref = resources.files("pipeline.models").joinpath("labels", f"{fmt}.json")
    with resources.as_file(ref) as path:
        if not path.exists():
            raise LabelMapError(f"no default label map for format {fmt!r}")
        return load_label_map(path)
