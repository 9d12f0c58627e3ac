"""From records to scoring items: CoNLL04's joined places (a label map's ``join``) and its
relations to both forms of an acronym (``aliases``)."""

from __future__ import annotations

import pytest

from pipeline.evaluate.items import Items, add_record, join_places, through_aliases
from pipeline.evaluate.labels import default_label_map
from pipeline.evaluate.relations import RelationItem
from pipeline.evaluate.spans import Mention
from pipeline.schema import Entity, Record, Relation


def _record(text: str, rule: str = "born") -> Record:
    def E(i: str, s: str, lab: str) -> Entity:
        a = text.index(s)
        return Entity(id=i, start=a, end=a + len(s), text=s, label=lab)

    return Record(
        id="d",
        text=text,
        entities=[E("T1", "Ann Lee", "PERSON"), E("T2", "Troy", "GPE"), E("T3", "Ohio", "GPE")],
        relations=[
            Relation(id="R1", type="RESIDENT_OF", head="T1", tail="T2", rule=rule),
            Relation(id="R2", type="LOCATED_IN", head="T2", tail="T3", rule="comma"),
        ],
    )


def _items(text: str, rule: str = "born") -> Items:
    items = Items()
    labels = default_label_map("conll04")
    add_record(items, _record(text, rule), labels, side="pred")
    join_places(items, labels.relations.join, {"d": text})
    return items


def test_a_residence_in_city_comma_state_is_scored_against_the_joined_place() -> None:
    items = _items("Ann Lee was born in Troy , Ohio .")
    assert items.relations == {RelationItem("d", (0, 7, "PER"), (20, 31, "LOC"), "Live_In")}
    assert Mention("d", 20, 31, "LOC") in items.mentions
    assert Mention("d", 20, 24, "LOC") not in items.mentions
    assert items.relation_rules[next(iter(items.relations))] == {"born", "comma"}


@pytest.mark.parametrize(
    "text", ["Ann Lee was born in Troy near Ohio .", "Ann Lee : Troy ; Ohio ."]
)
def test_places_not_separated_by_the_comma_alone_stay_apart(text: str) -> None:
    assert {r.type for r in _items(text).relations} == {"Live_In", "Located_In"}


def test_a_residence_no_birth_rule_made_keeps_its_two_places() -> None:
    """CoNLL04 joins a birthplace only: 'Ann Lee , 50 , of Troy , Ohio' is two places."""
    items = _items("Ann Lee , 50 , of Troy , Ohio .", rule="resident-of.person-of-place")
    assert {(r.tail[:2], r.type) for r in items.relations} == {
        ((18, 22), "Live_In"),
        ((25, 29), "Located_In"),
    }


def _alias_record(text: str, people: tuple[str, ...] = ("Ann Lee",)) -> Record:
    def E(i: str, s: str) -> Entity:
        a = text.index(s)
        return Entity(
            id=i, start=a, end=a + len(s), text=s, label="PERSON" if s in people else "ORG"
        )

    return Record(
        id="d",
        text=text,
        entities=[E("T1", "Ann Lee"), E("T2", "Orbis Reform Party"), E("T3", "ORP")],
        relations=[
            Relation(id="R1", type="AFFILIATED_WITH", head="T1", tail="T2", rule="of"),
            Relation(id="R2", type="ALIAS_OF", head="T3", tail="T2", rule="acronym"),
        ],
    )


def _work_for_tails(rec: Record) -> set[str]:
    items = Items()
    add_record(items, rec, default_label_map("conll04"), side="pred")
    return {rec.text[r.tail[0] : r.tail[1]] for r in items.relations if r.type == "Work_For"}


def test_a_relation_to_a_long_form_is_scored_for_its_acronym_too() -> None:
    """CoNLL04 states it for both forms; the record (docs/ANNOTATION.md 4) once."""
    rec = _alias_record("Ann Lee , candidate of the Orbis Reform Party ( ORP ) , won .")
    assert _work_for_tails(rec) == {"Orbis Reform Party", "ORP"}


def test_a_person_named_again_in_parentheses_is_no_acronym() -> None:
    rec = _alias_record("Ann Lee , candidate of the Orbis Reform Party ( ORP ) , won .", ("ORP",))
    assert _work_for_tails(rec) == {"Orbis Reform Party"}


def test_relations_through_aliases_copies_neither_the_alias_nor_a_link_between_the_forms() -> None:
    rels = [
        Relation(id="R1", type="ALIAS_OF", head="T3", tail="T2", rule="acronym"),
        Relation(id="R2", type="LOCATED_IN", head="T2", tail="T3", rule="odd"),
    ]
    assert through_aliases(rels, ["ALIAS_OF"]) == rels
