"""The event rule files' validation: paths, rules, types, and the rule file as plain JSONL."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.events.rules import load_event_rules, parse_path
from pipeline.rulefiles import RuleError, models_dir


@pytest.mark.parametrize(
    ("path", "ops"),
    [
        (">nsubj", [">"]),
        (">prep[with|between] >pobj", [">", ">"]),
        ("<pobj <prep >nsubj", ["<", "<", ">"]),
        (">>prep[between] >pobj", [">>", ">"]),
        ("@left", ["@left"]),
        ("@self", ["@self"]),
        (">*", [">"]),
    ],
)
def test_parse_path(path: str, ops: list[str]) -> None:
    assert [s.op for s in parse_path(path)] == ops


@pytest.mark.parametrize("path", ["nsubj", ">", ">prep[", "<<nsubj", ""])
def test_parse_path_rejects_malformed(path: str) -> None:
    with pytest.raises(ValueError):
        parse_path(path)


GOOD = {
    "id": "x.meet",
    "description": "a test rule",
    "type": "MEETING",
    "trigger": {"lemmas": ["meet"]},
    "roles": [{"role": "participant", "allowed_types": ["PERSON"], "paths": [">nsubj"]}],
}


def _with(**change) -> dict:
    rule = json.loads(json.dumps(GOOD))
    for key, value in change.items():
        if value is None:
            rule.pop(key)
        else:
            rule[key] = value
    return rule


@pytest.mark.parametrize(
    ("rule", "field"),
    [
        (_with(colour="red"), "colour"),
        (_with(type="PARTY"), "type"),
        (_with(description=None), "description"),
        (
            _with(roles=[{"role": "guest", "allowed_types": ["PERSON"], "paths": [">nsubj"]}]),
            "roles.0.role",
        ),
        (
            _with(roles=[{"role": "participant", "allowed_types": ["PERSON"], "paths": ["nsubj"]}]),
            "paths",
        ),
        (_with(roles=[{"role": "participant", "allowed_types": ["PERSON"]}]), "roles.0"),
        (
            _with(roles=[{"role": "body", "span": "chunk", "lexicon": "nope", "paths": [">dobj"]}]),
            "roles.0.lexicon",
        ),
        (_with(requires_cue=["sarcasm"]), "requires_cue"),
        # a quotation is found next to the attribution, never along paths
        (_with(roles=[{"role": "participant", "span": "quote", "paths": [">dobj"]}]), "roles.0"),
        # a role copied from another needs that role looked for before it, and no search
        (_with(roles=[{"role": "participant", "from_role": "body"}]), "roles.0.from_role"),
        (
            _with(
                roles=[
                    {"role": "body", "allowed_types": ["ORG"], "paths": [">dobj"]},
                    {"role": "participant", "from_role": "body", "paths": [">nsubj"]},
                ]
            ),
            "roles.1",
        ),
        # pronouns and descriptions stand for entities only
        (
            _with(roles=[{"role": "participant", "span": "chunk", "references": ["pronoun"]}]),
            "roles.0",
        ),
        (_with(roles=[{"role": "participant", "span": "chunk", "numbers": True}]), "roles.0"),
        (
            _with(
                roles=[
                    {
                        "role": "participant",
                        "allowed_types": ["PERSON"],
                        "references": ["name"],
                        "paths": [">nsubj"],
                    }
                ]
            ),
            "roles.0.references",
        ),
        (_with(trigger={}), "trigger"),
        (
            _with(trigger={"dependency": [{"RIGHT_ID": "t", "RIGHT_ATTRS": {"COLOUR": "red"}}]}),
            "trigger.dependency",
        ),
    ],
)
def test_bad_rule_fails_naming_file_rule_and_field(tmp_path: Path, rule: dict, field: str) -> None:
    shutil.copy(models_dir() / "event_types.json", tmp_path / "event_types.json")
    (tmp_path / "event_rules.jsonl").write_text(json.dumps(rule) + "\n")
    with pytest.raises(RuleError) as err:
        load_event_rules(tmp_path)
    message = str(err.value)
    assert "event_rules.jsonl" in message and "'x.meet'" in message and field in message


def test_duplicate_rule_ids_fail(tmp_path: Path) -> None:
    shutil.copy(models_dir() / "event_types.json", tmp_path / "event_types.json")
    (tmp_path / "event_rules.jsonl").write_text((json.dumps(GOOD) + "\n") * 2)
    with pytest.raises(RuleError, match="duplicate rule id"):
        load_event_rules(tmp_path)


def test_shipped_rules_cover_every_type_and_cite_descriptions() -> None:
    rules = load_event_rules()
    assert {r.type for r in rules.rules} == set(rules.types.types)
    assert all(r.description for r in rules.rules)


def test_a_comment_line_fails_naming_file_and_line(tmp_path: Path) -> None:
    shutil.copy(models_dir() / "event_types.json", tmp_path / "event_types.json")
    (tmp_path / "event_rules.jsonl").write_text(json.dumps(GOOD) + "\n// MEETING\n")
    with pytest.raises(RuleError, match=r"event_rules\.jsonl:2: a '//' comment line"):
        load_event_rules(tmp_path)


def test_shipped_rule_file_is_plain_jsonl_with_a_description_per_rule() -> None:
    lines = (models_dir() / "event_rules.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]  # what any JSONL reader does
    assert rows and all(isinstance(r, dict) and r["description"] for r in rows)


def _types_with(change) -> dict:
    types = json.loads((models_dir() / "event_types.json").read_text(encoding="utf-8"))
    change(types)
    return types


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda t: t["status"]["cues"].append("sarcasm"), "status.cues"),
        (lambda t: t["status"].update(default="rumoured"), "'rumoured'"),
        (lambda t: t["status"]["dated_by_publication"].append("guessed"), "'guessed'"),
        (lambda t: t["status"].update(colour="red"), "status.colour"),
        (lambda t: t.pop("status"), "status"),
        (lambda t: t.pop("cue_arcs"), "cue_arcs"),
        (lambda t: t["cue_arcs"].update(aux=[]), "cue_arcs.aux"),
        (lambda t: t["types"]["MEETING"]["compare_by_date"].append("when"), "'when'"),
        (lambda t: t["types"]["STATEMENT"]["lends_to"].update(PARTY={}), "PARTY"),
        (lambda t: t["types"]["STATEMENT"]["lends_to"]["TARGET"].update(speaker="x"), "x"),
        (lambda t: t["references"].update(generic="nope"), "'nope'"),
        (lambda t: t["references"].pop("pronouns"), "references.pronouns"),
        (lambda t: t["references"].update(reach=-1), "references.reach"),
    ],
)
def test_bad_types_fail_naming_file_and_field(tmp_path: Path, change, field: str) -> None:
    (tmp_path / "event_types.json").write_text(json.dumps(_types_with(change)))
    shutil.copy(models_dir() / "event_rules.jsonl", tmp_path / "event_rules.jsonl")
    with pytest.raises(RuleError) as err:
        load_event_rules(tmp_path)
    message = str(err.value)
    assert "event_types.json" in message and field in message


def test_role_paths_are_parsed_once_on_load() -> None:
    for rule in load_event_rules().rules:
        for spec in rule.roles:
            assert spec.steps == tuple(parse_path(p) for p in spec.paths)
