"""The corpus view's records: one line of ``entities.jsonl`` or ``events.jsonl``.

``newsrel link`` writes them; readers (``newsrel show --event``, the report, ``to_frames``)
validate them with these models. Their JSON Schemas are published beside the record's
(``pipeline/link/corpus.schema.json``, ``newsrel schema --corpus``); a test pins the file.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

CORPUS_SCHEMA_VERSION: Literal["newsrel-corpus/1"] = "newsrel-corpus/1"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EntityMember(_Strict):
    """One record cluster the corpus entity joins."""

    doc: str = Field(description="Record id.")
    cluster: str = Field(description="The record's cluster id (E..).")
    name: str
    label: str
    mentions: int = Field(ge=0)
    via: list[str] = Field(
        default_factory=list,
        description="Ids of the rules that tie this cluster to the others (empty: alone).",
    )


class CorpusEntity(_Strict):
    schema_: Literal["newsrel-corpus/1"] = Field(default=CORPUS_SCHEMA_VERSION, alias="schema")
    id: str = Field(description="Corpus entity id (CE..), stable for one input.")
    label: str = Field(description="The label most of its mentions have.")
    name: str = Field(description="Canonical name: the cluster name most documents use.")
    aliases: list[str] = Field(default_factory=list, description="Other names seen.")
    norm: dict[str, Any] | None = Field(default=None, description="Country of a place or demonym.")
    titles: list[str] = Field(default_factory=list, description="Titles a person holds.")
    n_documents: int = Field(ge=0)
    n_mentions: int = Field(ge=0)
    members: list[EntityMember]

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def dump(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)


class EventParticipant(_Strict):
    role: str
    entity: str | None = Field(default=None, description="Corpus entity id, when linked.")
    name: str
    n_sources: int = Field(ge=1, description="Sources naming it in this role.")


class EventSource(_Strict):
    """One record event that reports the corpus event."""

    doc: str
    event: str = Field(description="The record's event id (V..).")
    outlet: str | None = None
    published: str | None = None
    date: str | None = None
    status: str | None = None
    trigger: str
    sentence: str = Field(description="The sentence(s) the event was read from.")
    rule: str = Field(description="Event rule of the record event.")
    values: dict[str, str] = Field(default_factory=dict, description="Key values, by role.")


class EventLink(_Strict):
    """Two sources joined by a linking rule (the links form a spanning tree of the sources)."""

    a: int = Field(ge=0, description="Index into `sources`.")
    b: int = Field(ge=0)
    rule: str


class ConflictValue(_Strict):
    value: str
    sources: list[int] = Field(description="Indices into `sources`.")


class Conflict(_Strict):
    """Sources that disagree on one field of the same event."""

    field: str = Field(description="`date`, `status` or a value role (`value`, `change` ...).")
    values: list[ConflictValue] = Field(min_length=2)


class FirstReport(_Strict):
    doc: str
    published: str | None = None
    outlet: str | None = None


class CorpusEvent(_Strict):
    schema_: Literal["newsrel-corpus/1"] = Field(default=CORPUS_SCHEMA_VERSION, alias="schema")
    id: str = Field(description="Corpus event id (CV..).")
    type: str
    status: str | None = Field(default=None, description="The status most sources give.")
    date: str | None = Field(default=None, description="The date most dated sources give.")
    date_range: list[str] | None = Field(
        default=None, description="Earliest and latest source date, when they differ."
    )
    participants: list[EventParticipant] = Field(default_factory=list)
    values: dict[str, str] = Field(
        default_factory=dict, description="Key values (amount, percent ...) most sources give."
    )
    n_documents: int = Field(ge=1)
    n_outlets: int = Field(ge=0, description="Distinct outlets named in the sources' meta.")
    first_reported: FirstReport
    sources: list[EventSource] = Field(min_length=1)
    links: list[EventLink] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @model_validator(mode="after")
    def _indices_name_sources(self) -> CorpusEvent:
        """Links and conflicts point into ``sources``: an index past them (a hand-edited line)
        is a bad line, not a crash of the views that read it."""
        n = len(self.sources)
        used = [i for link in self.links for i in (link.a, link.b)]
        used += [i for c in self.conflicts for v in c.values for i in v.sources]
        if any(not 0 <= i < n for i in used):
            raise ValueError(f"links and conflicts must point into sources (0 to {n - 1})")
        return self

    def dump(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)


def corpus_json_schema() -> dict[str, Any]:
    """One schema document: ``$defs`` holds both line types; a line is either."""
    ent = CorpusEntity.model_json_schema(by_alias=True, ref_template="#/$defs/{model}")
    ev = CorpusEvent.model_json_schema(by_alias=True, ref_template="#/$defs/{model}")
    defs: dict[str, Any] = {**ent.pop("$defs", {}), **ev.pop("$defs", {})}
    defs["CorpusEntity"] = ent
    defs["CorpusEvent"] = ev
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://newsrel.invalid/schema/newsrel-corpus-1.json",
        "title": "newsrel corpus view (newsrel-corpus/1): a line of entities.jsonl or events.jsonl",
        "oneOf": [{"$ref": "#/$defs/CorpusEntity"}, {"$ref": "#/$defs/CorpusEvent"}],
        "$defs": dict(sorted(defs.items())),
    }


def corpus_json_schema_text() -> str:
    return json.dumps(corpus_json_schema(), indent=2, sort_keys=True) + "\n"
