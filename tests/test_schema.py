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
    assert dumped["schema"] == "newsrel/1.1"
    assert json.loads(json.dumps(dumped))["id"] == "x"


def test_newsrel_1_records_stay_readable(tmp_path) -> None:
    from pipeline.io import read_records

    old = {"schema": "newsrel/1", "id": "x", "text": "t", "clusters": [], "events": []}
    path = tmp_path / "old.jsonl"
    path.write_text(json.dumps(old) + "\n", encoding="utf-8")
    (record,) = read_records(path)
    assert record.schema_ == "newsrel/1" and record.references == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"refers_to": ["E9"]}, "unknown cluster"),
        ({"antecedent": "T9"}, "unknown antecedent"),
        ({"end": 3}, "offsets do not match"),
    ],
)
def test_reference_must_match_text_and_known_ids(change, message) -> None:
    ref = {
        "id": "M1",
        "start": 12,
        "end": 14,
        "text": "he",
        "kind": "pronoun",
        "refers_to": ["E1"],
        "antecedent": "T1",
        "rule": "coref.pronoun",
    }
    data = {
        "id": "x",
        "text": "Jo Park. Oh he left.",
        "entities": [{"id": "T1", "start": 0, "end": 7, "text": "Jo Park", "label": "PERSON"}],
        "clusters": [{"id": "E1", "label": "PERSON", "name": "Jo Park", "mentions": ["T1"]}],
        "references": [{**ref, **change}],
    }
    with pytest.raises(ValidationError, match=message):
        Record.model_validate(data)
