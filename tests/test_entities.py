from __future__ import annotations

import pytest

TITLE_WORDS = {"minister", "president", "deputy", "prime", "first", "chairman"}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Askar Mamin", "PERSON"),
        ("Vasily Matyushevsky", "PERSON"),
        ("Kazakh-Belarusian Intergovernmental Commission", "ORG"),
        ("IGC", "ORG"),
        ("Eurasian Economic Union", "ORG"),
        ("Foreign Trade Chamber of Kazakhstan", "ORG"),
        ("Chamber of Commerce and Industry of Belarus", "ORG"),
        ("Kazakh-Belarusian Business Council", "ORG"),
        ("Karagandy", "GPE"),
        ("Kazakhstan", "GPE"),
        ("Belarus", "GPE"),
        ("$1 billion", "MONEY"),
        ("$313.7 million", "MONEY"),
        ("75.6 percent", "PERCENT"),
        ("Sept. 22", "DATE"),
        ("2020", "DATE"),
        ("November 2017", "DATE"),
        ("January-July", "DATE"),
        ("First Deputy Prime Minister", "TITLE"),
    ],
)
def test_seed_entity_found(seed_record, text: str, label: str) -> None:
    found = {(e.text, e.label) for e in seed_record.entities}
    assert (text, label) in found


def test_seed_person_spans_hold_no_title_or_place(seed_record) -> None:
    places = {e.text for e in seed_record.entities if e.label in ("GPE", "LOC")}
    for e in seed_record.entities:
        if e.label == "PERSON":
            words = {w.lower() for w in e.text.split()}
            assert not words & TITLE_WORDS, e.text
            assert e.text not in places and "Karagandy" not in e.text, e.text


def test_every_entity_cites_source_and_matches_text(seed_record) -> None:
    for e in seed_record.entities:
        assert seed_record.text[e.start : e.end] == e.text
        assert e.source == "model" or e.source.startswith("rule:")
    assert any(e.source.startswith("rule:title.") for e in seed_record.entities)


def test_no_entity_crosses_a_line_break(seed_record) -> None:
    assert all("\n" not in e.text for e in seed_record.entities)
