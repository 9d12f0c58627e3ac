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


class ByArguments(_Strict):
    """One case of a relation's scoring type, chosen by its arguments' scoring labels (the
    entity map's output: ``PER``, ``ORG``, ``LOC`` ...); a side left out matches any label."""

    head: list[str] | None = None
    tail: list[str] | None = None
    type: str


# a scoring type, or cases tried in order (the first whose labels fit; none: not scored)
Target = str | list[ByArguments]


class Compose(_Strict):
    """``first(a, b)`` and ``second(b, c)`` in a prediction give ``type(a, c)``."""

    first: str
    second: str
    type: Target
    except_second: list[str] = Field(
        default_factory=list,
        description="Not where a rule matching one of these patterns (fnmatch) made the second "
        "relation: a phrasing the gold does not annotate as this type.",
    )


class Join(_Strict):
    """A gold convention that writes two places as one mention where a relation reaches them
    ("born in Troy , Ohio" -> Live_In to "Troy , Ohio"). A prediction's
    ``type`` relation (scored type) to place X, where X has a ``through`` relation to place Y and
    only ``separator`` stands between them, is scored with "X , Y" as its tail; the ``through``
    relation is not scored and "X , Y" replaces the two mentions."""

    type: str
    through: str
    separator: str = ","
    rules: list[str] | None = Field(
        default=None,
        description="Only relations some rule matching one of these patterns (fnmatch) made.",
    )


class RelationMap(_Strict):
    gold: dict[str, Target] | None = None
    pred: dict[str, Target] | None = None
    compose: list[Compose] = Field(default_factory=list)
    join: list[Join] = Field(default_factory=list)
    aliases: list[str] = Field(
        default_factory=list,
        description="Predicted relation types naming an acronym and its long form (ALIAS_OF): "
        "a gold convention that states a relation for both forms ('X, candidate of the Orbis "
        "Party (OP)' relates X to both), where newsrel's records, one relation per fact, name "
        "one; a predicted relation to either form also scores for the other.",
    )


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


def relation_type(target: Target | None, head: str, tail: str) -> str | None:
    """The scoring type of a relation mapped to ``target`` whose arguments score as ``head``
    and ``tail``, or None when no case fits (or the map drops the type)."""
    if target is None or isinstance(target, str):
        return target
    for case in target:
        if (case.head is None or head in case.head) and (case.tail is None or tail in case.tail):
            return case.type
    return None


def map_relation(mapping: dict[str, Target] | None, rtype: str, head: str, tail: str) -> str | None:
    """:func:`relation_type` of ``rtype`` under a side's map (a ``null`` map keeps the type)."""
    if mapping is None:
        return rtype
    return relation_type(mapping.get(rtype), head, tail)


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


SHARED_MAPS = {"conll04-verbatim": "conll04"}  # formats reading the same gold another way


def default_label_map(fmt: str) -> LabelMap:
    """The packaged default map of a gold format (``models/labels/<fmt>.json``)."""
    fmt = SHARED_MAPS.get(fmt, fmt)
    ref = resources.files("pipeline.models").joinpath("labels", f"{fmt}.json")
    with resources.as_file(ref) as path:
        if not path.exists():
            raise LabelMapError(f"no default label map for format {fmt!r}")
        return load_label_map(path)
