from __future__ import annotations

import json
from importlib import resources

import pytest
from pydantic import ValidationError

from pipeline.schema import Record, json_schema_text


def test_published_json_schema_matches_the_models() -> None:
    published = (
        resources.files("pipeline").joinpath("record.schema.json").read_text(encoding="utf-8")
    )
    assert published == json_schema_text(), "run `newsrel schema -o pipeline/record.schema.json`"


def test_record_rejects_entity_whose_offsets_do_not_match_text() -> None:
    with pytest.raises(ValidationError, match="not 'Mamin'"):
        Record(
            id="x",
            text="Askar Mamin",
            entities=[{"id": "T1", "start": 0, "end": 5, "text": "Mamin", "label": "PERSON"}],
        )


def test_record_rejects_unknown_field() -> None:
    with pytest.raises(ValidationError, match="extra"):
        Record.model_validate({"schema": "newsrel/1", "id": "x", "text": "t", "colour": "red"})


def test_record_dump_spells_schema_field() -> None:
    dumped = Record(id="x", text="t").dump()
    assert dumped["schema"] == "newsrel/1"
    assert json.loads(json.dumps(dumped))["id"] == "x"
