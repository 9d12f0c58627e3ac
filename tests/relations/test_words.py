"""Word lists as data (models/relation_words.json): rules name them instead of copying them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.relations.rules import load_relation_rules
from pipeline.relations.words import (
    CODE_LISTS,
    WORDS_FILE,
    RelationWords,
    expand,
    relation_words,
)
from pipeline.rulefiles import RuleError, models_dir

WORDS = RelationWords(lists={"offices": ("mayor", "governor"), "preps": ("of", "for")})
RULE = {
    "id": "t.office-of",
    "description": "An office of a place: mayor of Leeds.",
    "relation": "POSITION_AT",
    "kind": "token",
    "pattern": [
        {"LOWER": {"IN": ["@offices", "sheriff"]}},
        {"LOWER": {"IN": "@preps"}},
        {"ENT_TYPE": "GPE"},
    ],
    "head": 0,
    "tail": 2,
    "head_labels": ["TITLE"],
    "tail_labels": ["GPE"],
}


def test_a_named_list_fills_the_pattern_alone_or_among_other_words() -> None:
    pattern = expand(RULE["pattern"], WORDS)
    assert pattern[0] == {"LOWER": {"IN": ["mayor", "governor", "sheriff"]}}
    assert pattern[1] == {"LOWER": {"IN": ["of", "for"]}}
    assert pattern[2] == {"ENT_TYPE": "GPE"}  # no list named: as it was


def test_rules_load_with_their_lists_filled(tmp_path: Path) -> None:
    path = tmp_path / "rules.jsonl"
    path.write_text(json.dumps(RULE) + "\n", encoding="utf-8")
    (rule,) = load_relation_rules(path, words=WORDS)
    assert rule.pattern[1]["LOWER"]["IN"] == ["of", "for"]


def test_a_rule_naming_an_unknown_list_fails_naming_file_rule_and_field(tmp_path: Path) -> None:
    path = tmp_path / "rules.jsonl"
    bad = {**RULE, "pattern": [{"LOWER": {"IN": "@nowhere"}}, {"ORTH": "x"}, {"ORTH": "y"}]}
    path.write_text(json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_relation_rules(path, words=WORDS)
    message = str(err.value)
    assert str(path) in message and "'t.office-of'" in message
    assert "field 'pattern'" in message and "'@nowhere' names no list" in message


@pytest.mark.parametrize(
    ("lists", "message"),
    [({"Bad Name": ["x"]}, "'Bad Name' is not a list name"), ({"twice": ["x", "x"]}, "each once")],
)
def test_a_bad_words_file_fails_naming_file_and_field(
    tmp_path: Path, lists: dict, message: str
) -> None:
    (tmp_path / WORDS_FILE).write_text(json.dumps({"lists": lists}), encoding="utf-8")
    with pytest.raises(RuleError, match=message) as err:
        relation_words(tmp_path)
    assert str(tmp_path / WORDS_FILE) in str(err.value) and "field 'lists'" in str(err.value)


def test_every_shipped_list_is_named_by_a_rule_or_read_by_the_code() -> None:
    text = (models_dir() / "relation_rules.jsonl").read_text(encoding="utf-8")
    unused = [n for n in relation_words().lists if f'"@{n}"' not in text]
    assert sorted(unused) == sorted(CODE_LISTS)


def test_a_negative_region_city_population_fails_naming_the_field(tmp_path: Path) -> None:
    body = {"lists": {"a": ["x"]}, "region_city_population": -1}
    (tmp_path / WORDS_FILE).write_text(json.dumps(body), encoding="utf-8")
    with pytest.raises(RuleError, match="region_city_population"):
        relation_words(tmp_path)
