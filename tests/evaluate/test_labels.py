"""Label maps: the relation types a prediction can carry are newsrel's (relation_types.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluate.labels import LabelMapError, default_label_map, load_label_map
from pipeline.evaluate.readers import READERS


@pytest.mark.parametrize("fmt", sorted(READERS))  # the formats read as Records
def test_every_packaged_label_map_loads(fmt: str) -> None:
    assert default_label_map(fmt) is not None


@pytest.mark.parametrize(
    ("relations", "field"),
    [
        ({"pred": {"WORKS_FOR": "AFFILIATED_WITH"}}, "relations.pred.WORKS_FOR"),
        (
            {"compose": [{"first": "HOLDS_POSITION", "second": "WORKS_AT", "type": "X"}]},
            "relations.compose.0.second",
        ),
    ],
)
def test_a_prediction_relation_type_newsrel_never_writes_fails_naming_file_and_field(
    tmp_path: Path, relations: dict, field: str
) -> None:
    path = tmp_path / "labels.json"
    path.write_text(json.dumps({"relations": relations}), encoding="utf-8")
    with pytest.raises(
        LabelMapError, match=rf"labels\.json: field '{field}': .* not a relation type"
    ):
        load_label_map(path)


def test_gold_relation_types_and_scoring_names_are_the_gold_format_s_own(tmp_path: Path) -> None:
    path = tmp_path / "labels.json"
    relations = {
        "gold": {"Work_For": "EMPLOYED"},
        "pred": {"AFFILIATED_WITH": "EMPLOYED"},
        "compose": [{"first": "HOLDS_POSITION", "second": "POSITION_AT", "type": "EMPLOYED"}],
    }
    path.write_text(json.dumps({"relations": relations}), encoding="utf-8")
    assert load_label_map(path).relations.gold == {"Work_For": "EMPLOYED"}
