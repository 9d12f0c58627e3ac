import json

import pytest

from pipeline.relations.engine import load_relation_rules
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


def relations_of(nlp, text):
    doc = nlp(text)
    return {
        (r.type, doc.text[r.head[0] : r.head[1]], doc.text[r.tail[0] : r.tail[1]])
        for r in doc._.relations
    }


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        (
            "Foreign Minister Taro Kono arrived on Monday.",
            ("HOLDS_POSITION", "Taro Kono", "Foreign Minister"),
        ),
        (
            "Japanese Foreign Minister Taro Kono arrived on Monday.",
            ("POSITION_AT", "Foreign Minister", "Japanese"),
        ),
        (
            "The talks were led by the Minister of Foreign Affairs of Japan.",
            ("POSITION_AT", "Minister of Foreign Affairs", "Japan"),
        ),
        (
            "Taro Kono, minister of foreign affairs of Japan, arrived.",
            ("POSITION_AT", "minister of foreign affairs", "Japan"),
        ),
        (
            "Askar Mamin met his Russian counterpart Dmitry Kozak in Moscow.",
            ("COUNTERPART_OF", "Dmitry Kozak", "Askar Mamin"),
        ),
        (
            "David Welch at the Institute of Zoology found that pandas lack variety.",
            ("AFFILIATED_WITH", "David Welch", "Institute of Zoology"),
        ),
        (
            "In 1752, Betsy Ross was born in Philadelphia.",
            ("RESIDENT_OF", "Betsy Ross", "Philadelphia"),
        ),
        (
            "He studied at Tennessee Tech in Cookville for two years.",
            ("LOCATED_IN", "Tennessee Tech", "Cookville"),
        ),
        # rel2 rules, one own sentence each
        (
            "Siemens, based in Munich, builds trains.",
            ("LOCATED_IN", "Siemens", "Munich"),
        ),  # located-in.based-in
        (
            "General Motors is headquartered in Detroit.",
            ("LOCATED_IN", "General Motors", "Detroit"),
        ),  # is-based-in
        (
            "Officials in Ohio's Franklin County approved the levy.",  # located-in.place-poss-place
            ("LOCATED_IN", "Franklin County", "Ohio"),
        ),
        (
            "NAIROBI, Kenya (Reuters) - Rains flooded the city.",
            ("LOCATED_IN", "Reuters", "NAIROBI"),
        ),  # dateline-agency
        (
            "John Miller, a Denver architect, designed the tower.",
            ("RESIDENT_OF", "John Miller", "Denver"),
        ),  # appos-role-place
        (
            "Maria Lopez, a teacher from Tucson, won the prize.",
            ("RESIDENT_OF", "Maria Lopez", "Tucson"),
        ),  # appos-role-from-place
        (
            "Texas Gov. Greg Abbott signed the bill.",
            ("RESIDENT_OF", "Greg Abbott", "Texas"),
        ),  # place-native-name, Gov.
        (
            "Paul Grant of the Boeing company said orders rose.",  # affiliated.name-prep-org-modifier
            ("AFFILIATED_WITH", "Paul Grant", "Boeing"),
        ),
        (
            "Anna Berg, a member of the research staff at IBM, said the chip works.",  # appos-role-prep-deep
            ("AFFILIATED_WITH", "Anna Berg", "IBM"),
        ),
        (
            "Tokyo KYODO in English 0812 GMT 5 Jun 94",
            ("LOCATED_IN", "KYODO", "Tokyo"),
        ),  # entity-fix.place-agency
    ],
)
def test_rules_find_relations(nlp, text, relation):
    assert relation in relations_of(nlp, text)


def test_affiliation_through_a_title_is_that_titles_position(nlp):
    """docs/ANNOTATION.md §4: AFFILIATED_WITH only when no TITLE links person and organisation."""
    found = relations_of(nlp, "Anne Lee, chairman of Toyota Motor Corp., said sales rose.")
    assert ("POSITION_AT", "chairman", "Toyota Motor Corp.") in found
    assert ("HOLDS_POSITION", "Anne Lee", "chairman") in found
    assert not [r for r in found if r[0] == "AFFILIATED_WITH"]


def test_no_country_is_located_in_another(nlp):
    found = relations_of(nlp, "Trade between Kazakhstan, Belarus and Russia grew.")
    assert not [r for r in found if r[0] == "LOCATED_IN"]


def test_every_relation_cites_a_known_rule_and_sentence(seed_record):
    ids = {r.id for r in load_relation_rules(models_dir() / "relation_rules.jsonl")}
    assert seed_record.relations
    for rel in seed_record.relations:
        assert rel.rule in ids | {"resolve.acronym-definition"}
        assert rel.sentence is not None
