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


def _fix(fix, words, ents):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from pipeline.entities import EntitySpan
    from pipeline.rules import EntityFixes, load_json, models_dir

    doc = Doc(Vocab(), words=words)
    fixes = load_json(models_dir() / "entity_fixes.json", EntityFixes)
    found = fix(doc, [EntitySpan(s, e, label) for s, e, label in ents], fixes)
    return [(doc[x.start : x.end].text, x.label) for x in found]


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        (["West", "Germany", "'s", "exports"], [(0, 3, "GPE")], [("West Germany", "GPE")]),
        (["Acme", "Corp", "’s", "plant"], [(0, 3, "ORG")], [("Acme Corp", "ORG")]),
        (["the", "last", "year", "'s"], [(0, 4, "DATE")], [("the last year 's", "DATE")]),  # values keep theirs
    ],
)
def test_names_lose_their_possessive(words, ents, expected):
    from pipeline.entities import strip_possessive

    assert _fix(strip_possessive, words, ents) == expected


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        (["Beijing", "XINHUA", "in", "English"], [(0, 2, "PERSON")], [("Beijing", "GPE"), ("XINHUA", "ORG")]),
        (
            ["Havana", "Radio", "Rebelde", "Network", "in", "Spanish"],
            [(0, 4, "ORG")],
            [("Havana", "GPE"), ("Radio Rebelde Network", "ORG")],
        ),
        (["NEW", "YORK", "TIMES"], [(0, 3, "ORG")], [("NEW YORK TIMES", "ORG")]),  # all capitals: one name
        (["Boston", "Red", "Sox"], [(0, 3, "ORG")], [("Boston Red Sox", "ORG")]),
        (["Moscow", "Radio"], [(0, 2, "ORG")], [("Moscow Radio", "ORG")]),
    ],
)
def test_city_glued_to_an_agency_is_split(words, ents, expected):
    from pipeline.entities import split_place_agency

    assert _fix(split_place_agency, words, ents) == expected


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Profits rose 5.5 pct in the year.", "5.5 pct", 5.5),
        ("Sales fell 12 per cent last month.", "12 per cent", 12),
    ],
)
def test_wire_percent_forms_are_percent_entities_with_values(nlp, text: str, span: str, value: float) -> None:
    from pipeline.extract import extract_text

    record = extract_text(text, {"published": "1987-03-01"}, nlp=nlp)
    found = {(e.text, e.label): e.norm for e in record.entities}
    assert found[(span, "PERCENT")]["value"] == value
