"""From records to scoring items: CoNLL04's joined places (a label map's ``join``)."""

from __future__ import annotations

import pytest

from pipeline.evaluate.items import Items, add_record, join_places
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
