"""Relation rules load validated: a bad rule fails naming file, rule id and field."""

from __future__ import annotations

import json

import pytest

from pipeline.relations.rules import load_relation_rules
from pipeline.rulefiles import RuleError, models_dir

GOOD = {
    "id": "t.title-name",
    "description": "A title before a name.",
    "relation": "HOLDS_POSITION",
    "kind": "token",
    "pattern": [{"ENT_TYPE": "TITLE", "OP": "+"}, {"ENT_TYPE": "PERSON", "OP": "+"}],
    "head": 1,
    "tail": 0,
    "head_labels": ["PERSON"],
    "tail_labels": ["TITLE"],
}
DEP = {
    **GOOD,
    "id": "t.dep",
    "kind": "dependency",
    "pattern": [
        {"RIGHT_ID": "person", "RIGHT_ATTRS": {"ENT_TYPE": "PERSON"}},
        {"LEFT_ID": "person", "REL_OP": ">", "RIGHT_ID": "title", "RIGHT_ATTRS": {"DEP": "appos"}},
    ],
    "head": "person",
    "tail": "title",
}


def test_shipped_rules_load():
    rules = load_relation_rules(models_dir() / "relation_rules.jsonl")
    assert len({r.id for r in rules}) == len(rules) > 10


@pytest.mark.parametrize(
    ("rule", "field"),
    [
        ({**GOOD, "colour": "red"}, "colour"),  # unknown key
        ({**GOOD, "relation": "LIKES"}, "relation"),
        ({**GOOD, "head": 5}, "head"),  # no such pattern element
        ({**DEP, "tail": "nobody"}, "tail"),  # no such RIGHT_ID
        ({**GOOD, "pattern": [{"ENT_TYPE": "TITLE", "OP": "++"}]}, "pattern"),  # spaCy rejects it
        (
            {
                **DEP,
                "pattern": [
                    {"RIGHT_ID": "person", "RIGHT_ATTRS": {"ENT_TYPE": "PERSON"}},
                    {"LEFT_ID": "x", "REL_OP": ">", "RIGHT_ID": "title", "RIGHT_ATTRS": {}},
                ],
            },
            "pattern",
        ),
        ({**GOOD, "description": ""}, "description"),
    ],
)
def test_broken_rule_fails_naming_file_rule_and_field(tmp_path, rule, field):
    path = tmp_path / "rules.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + json.dumps(rule) + "\n")
    with pytest.raises(RuleError) as err:
        load_relation_rules(path)
    message = str(err.value)
    assert str(path) in message and repr(rule["id"]) in message and field in message


def test_duplicate_ids_are_rejected(tmp_path):
    path = tmp_path / "rules.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + json.dumps(GOOD) + "\n")
    with pytest.raises(RuleError, match="duplicate"):
        load_relation_rules(path)
