"""Relation types are data (models/relation_types.json): rules may make only listed types."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.relations.rules import load_relation_rules
from pipeline.relations.types import TYPES_FILE, WRITTEN_BY_CODE, relation_types
from pipeline.rulefiles import RuleError, models_dir
from pipeline.schema import Relation

SHIPPED = json.loads((models_dir() / TYPES_FILE).read_text(encoding="utf-8"))["types"]
RULE = {
    "id": "t.supplies",
    "description": "An organisation supplies another: Kestrel Ltd supplies Norvale.",
    "relation": "SUPPLIES",
    "kind": "token",
    "pattern": [{"ENT_TYPE": "ORG", "OP": "+"}, {"LOWER": "supplies"}, {"ENT_TYPE": "ORG"}],
    "head": 0,
    "tail": 2,
    "head_labels": ["ORG"],
    "tail_labels": ["ORG"],
}


def _folder(tmp_path: Path, types: dict[str, str]) -> Path:
    (tmp_path / TYPES_FILE).write_text(json.dumps({"types": types}), encoding="utf-8")
    (tmp_path / "rules.jsonl").write_text(json.dumps(RULE) + "\n", encoding="utf-8")
    return tmp_path


def test_shipped_types_include_every_type_the_code_writes() -> None:
    assert WRITTEN_BY_CODE <= set(relation_types().types)


def test_every_shipped_rule_makes_a_listed_type() -> None:
    rules = load_relation_rules(models_dir() / "relation_rules.jsonl")
    assert {r.relation for r in rules} <= set(relation_types().types)


def test_a_new_type_is_a_data_change(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {**SHIPPED, "SUPPLIES": "ORG -> ORG: the head supplies the tail."})
    (rule,) = load_relation_rules(folder / "rules.jsonl", relation_types(folder))
    assert rule.relation == "SUPPLIES"


def test_a_rule_making_an_unlisted_type_fails_naming_file_rule_and_field(tmp_path: Path) -> None:
    folder = _folder(tmp_path, SHIPPED)
    with pytest.raises(RuleError) as err:
        load_relation_rules(folder / "rules.jsonl", relation_types(folder))
    message = str(err.value)
    assert str(folder / "rules.jsonl") in message and "'t.supplies'" in message
    assert "field 'relation'" in message and "'SUPPLIES' is not a type" in message


@pytest.mark.parametrize(
    ("types", "message"),
    [
        ({k: v for k, v in SHIPPED.items() if k != "ALIAS_OF"}, "ALIAS_OF"),  # the resolver's
        ({**SHIPPED, "supplies": "lower case"}, "'supplies' is not an upper-case type name"),
        ({}, "types"),
    ],
)
def test_a_bad_types_file_fails_naming_file_and_field(
    tmp_path: Path, types: dict[str, str], message: str
) -> None:
    folder = _folder(tmp_path, types)
    with pytest.raises(RuleError, match=message) as err:
        relation_types(folder)
    assert str(folder / TYPES_FILE) in str(err.value) and "field 'types'" in str(err.value)


def test_the_record_schema_names_every_shipped_type() -> None:
    described = Relation.model_fields["type"].description or ""
    assert [t for t in SHIPPED if t not in described] == []
