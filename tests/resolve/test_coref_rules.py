"""models/coref.json: validated on load; a bad file fails naming the file and the field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.resolve.coref_rules import load_coref_rules
from pipeline.rulefiles import RuleError, models_dir

RULES = models_dir() / "coref.json"


def _write(tmp_path: Path, change) -> Path:
    data = json.loads(RULES.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "coref.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_shipped_rule_file_loads_with_every_sieve_in_order() -> None:
    rules = load_coref_rules(RULES)
    assert rules.order[-2:] == ["pronoun", "quote-speaker"]
    assert rules.pronoun_table["its"].possessive and rules.pronoun_table["itself"].reflexive
    assert rules.head_table["car maker"].kind == "company"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d.update(colour="red"), "colour"),
        (lambda d: d["limits"].update(pronoun_sentences=-1), "limits.pronoun_sentences"),
        (lambda d: d["sieves"].append({"id": "psychic", "description": "x"}), "sieves.15.id"),
        (lambda d: d["descriptions"][0].update(kind="vehicle"), "descriptions.0.kind"),
        (lambda d: d["pronouns"][0].pop("labels"), "pronouns.0.labels"),
    ],
)
def test_bad_rule_file_fails_naming_file_and_field(tmp_path, change, field) -> None:
    path = _write(tmp_path, change)
    with pytest.raises(RuleError) as err:
        load_coref_rules(path)
    assert str(path) in str(err.value) and field in str(err.value)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["pronouns"][1]["words"].append("he"), "listed twice"),
        (lambda d: d["sieves"].append(d["sieves"][0]), "listed twice"),
        (lambda d: d["descriptions"][0]["heads"].append("Company"), "not lower case"),
        (lambda d: d["plural_heads"].update(boats="boat"), "which is no head"),
    ],
)
def test_inconsistent_word_lists_are_refused(tmp_path, change, message) -> None:
    with pytest.raises(RuleError, match=message):
        load_coref_rules(_write(tmp_path, change))
