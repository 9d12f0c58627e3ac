"""The one record schema: output records, gold files and the published JSON Schema.

Every other module builds or reads these models; the JSON Schema file under
``pipeline/record.schema.json`` is generated from them (``newsrel schema``) and a
test pins the two together.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION: Literal["newsrel/1.1"] = "newsrel/1.1"
# every version this newsrel reads: 1.1 added `references` (resolved pronouns and descriptions),
# `Cluster.references` and `Argument.refers_to`; a newsrel/1 record is a valid 1.1 record
READABLE_VERSIONS = ("newsrel/1", "newsrel/1.1")
SchemaVersion = Literal["newsrel/1", "newsrel/1.1"]

Source = str  # "model" or "rule:<rule id>"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Meta(BaseModel):
    """Document metadata. Known keys are typed; inputs may carry more (kept as is)."""

    model_config = ConfigDict(extra="allow")

    title: str | None = None
    published: str | None = Field(
        default=None, description="Publication date (ISO 8601), the anchor for relative dates."
    )
    published_source: str | None = Field(
        default=None, description="Where `published` came from: meta, sidecar, header, cli."
    )
    outlet: str | None = None
    dateline: str | None = None
    path: str | None = Field(default=None, description="Input file the document was read from.")
    encoding: str | None = None


class Edit(_Strict):
    """One cleaning change: ``text[start:end]`` replaced ``original`` at ``orig_start``.

    Applying every edit in reverse restores the original characters exactly.
    """

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    orig_start: int = Field(ge=0)
    original: str


class Entity(_Strict):
    id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    label: str
    norm: dict[str, Any] | None = None
    entity: str | None = Field(default=None, description="Cluster id this mention belongs to.")
    source: Source = "model"
    sentence: int | None = None


class Role(_Strict):
    title: str
    of: str | None = Field(default=None, description="Cluster id of the organisation or place.")


class Cluster(_Strict):
    id: str
    label: str
    name: str
    mentions: list[str]
    aliases: list[str] = Field(default_factory=list)
    norm: dict[str, Any] | None = None
    roles: list[Role] = Field(default_factory=list)
    references: list[str] = Field(
        default_factory=list,
        description="Ids of the resolved pronouns and descriptions (`references`) that refer to "
        "this entity (newsrel/1.1).",
    )


class Reference(_Strict):
    """A pronoun or description resolved to the entity or entities it refers to (newsrel/1.1):
    "he" -> the cluster of Gordon Brown, "the two firms" -> two company clusters."""

    id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    kind: str = Field(
        description="pronoun, description (a definite noun phrase), group (a description of "
        "several entities), honorific (title + surname that is no entity mention)."
    )
    refers_to: list[str] = Field(
        min_length=1, description="Cluster ids: one, or several for a group description."
    )
    antecedent: str | None = Field(
        default=None,
        description="Id of the mention the link was made to (an entity T.. or a reference M..).",
    )
    rule: str = Field(description="The sieve that made the link (`coref.<sieve>`), or `gold`.")
    sentence: int | None = None


class Relation(_Strict):
    id: str
    type: str = Field(
        description="newsrel writes the types of models/relation_types.json: HOLDS_POSITION, "
        "POSITION_AT, AFFILIATED_WITH, COUNTERPART_OF, LOCATED_IN, RESIDENT_OF (where a person "
        "lives or comes from), ALIAS_OF; gold files read from other formats keep their own."
    )
    head: str
    tail: str
    rule: str
    sentence: int | None = None


class Span(_Strict):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Argument(_Strict):
    role: str
    ref: str | None = Field(
        default=None,
        description="Entity mention id when an entity fits, or the id of a resolved pronoun or "
        "description (`references`, newsrel/1.1).",
    )
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)
    text: str | None = None
    refers_to: list[str] = Field(
        default_factory=list,
        description="When the argument is a pronoun or description: the cluster ids it resolves "
        "to (newsrel/1.1).",
    )

    @model_validator(mode="after")
    def _ref_or_span(self) -> Argument:
        if self.ref is None and (self.start is None or self.end is None):
            raise ValueError("an argument needs `ref` or `start`/`end`")
        return self


class Event(_Strict):
    id: str
    type: str
    trigger: Span
    triggers: list[Span] = Field(default_factory=list)
    arguments: list[Argument] = Field(default_factory=list)
    date: str | None = None
    status: str | None = None
    cameo: str | None = None
    sentence: int | None = None
    sentences: list[int] = Field(default_factory=list)
    rule: str = ""
    rules: list[str] = Field(default_factory=list)


class PipelineInfo(_Strict):
    version: str
    model: str
    rules: str


class Record(_Strict):
    schema_: SchemaVersion = Field(default=SCHEMA_VERSION, alias="schema")
    id: str
    meta: Meta = Field(default_factory=Meta)
    text: str
    edits: list[Edit] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    clusters: list[Cluster] = Field(default_factory=list)
    references: list[Reference] = Field(
        default_factory=list,
        description="Resolved pronouns and descriptions, in text order (newsrel/1.1).",
    )
    relations: list[Relation] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    pipeline: PipelineInfo | None = None

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @model_validator(mode="after")
    def _offsets_match_text(self) -> Record:
        n = len(self.text)
        for ent in self.entities:
            if not (0 <= ent.start <= ent.end <= n):
                raise ValueError(f"entity {ent.id}: offsets {ent.start}-{ent.end} outside the text")
            if self.text[ent.start : ent.end] != ent.text:
                raise ValueError(
                    f"entity {ent.id}: text[{ent.start}:{ent.end}] is "
                    f"{self.text[ent.start : ent.end]!r}, not {ent.text!r}"
                )
        ids = {e.id for e in self.entities}
        self._check_references(ids)
        ids |= {r.id for r in self.references}
        clusters = {c.id for c in self.clusters}
        for rel in self.relations:
            for end in (rel.head, rel.tail):
                if end not in ids:
                    raise ValueError(f"relation {rel.id}: unknown entity {end!r}")
        for ev in self.events:
            for span in [ev.trigger, *ev.triggers]:
                if self.text[span.start : span.end] != span.text:
                    raise ValueError(f"event {ev.id}: trigger offsets do not match its text")
            for arg in ev.arguments:
                if arg.ref is not None and arg.ref not in ids:
                    raise ValueError(f"event {ev.id}: unknown entity {arg.ref!r}")
                if any(cid not in clusters for cid in arg.refers_to):
                    raise ValueError(f"event {ev.id}: an argument refers to an unknown cluster")
                if arg.start is not None and arg.end is not None and arg.text is not None:
                    if self.text[arg.start : arg.end] != arg.text:
                        raise ValueError(f"event {ev.id}: argument offsets do not match its text")
        return self

    def _check_references(self, entity_ids: set[str]) -> None:
        n = len(self.text)
        clusters = {c.id for c in self.clusters}
        known = entity_ids | {r.id for r in self.references}
        for ref in self.references:
            if not (0 <= ref.start <= ref.end <= n) or self.text[ref.start : ref.end] != ref.text:
                raise ValueError(f"reference {ref.id}: offsets do not match its text")
            for cid in ref.refers_to:
                if cid not in clusters:
                    raise ValueError(f"reference {ref.id}: unknown cluster {cid!r}")
            if ref.antecedent is not None and ref.antecedent not in known:
                raise ValueError(f"reference {ref.id}: unknown antecedent {ref.antecedent!r}")
        refs = {r.id for r in self.references}
        for cluster in self.clusters:
            for rid in cluster.references:
                if rid not in refs:
                    raise ValueError(f"cluster {cluster.id}: unknown reference {rid!r}")

    def dump(self) -> dict[str, Any]:
        """The JSON-ready dict, keys in schema order, with ``schema`` spelled as such."""
        return self.model_dump(mode="json", by_alias=True)


class ErrorRecord(_Strict):
    """One line of ``OUT.errors.jsonl``: a document that could not be processed."""

    id: str
    path: str | None = None
    kind: str
    message: str


def json_schema() -> dict[str, Any]:
    schema = Record.model_json_schema(by_alias=True)
    schema["$id"] = "https://newsrel.invalid/schema/newsrel-1.1.json"
    schema["title"] = "newsrel record (newsrel/1.1; newsrel/1 records are valid too)"
    return schema


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, sort_keys=True) + "\n"
