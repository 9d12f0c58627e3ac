"""The entity component on whole documents: the seed article, headlines read again once
recased, wire percent forms, the same entities piped as one by one."""

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


def test_headline_names_found_once_recased(nlp):
    text = (
        "MARLOWE SIGNS FOR HALDANE ROVERS\n\n"
        "Striker Owen Marlowe signed for Haldane Rovers on Tuesday, the club said in Glasgow.\n"
    )
    doc = nlp(text)
    got = {(e.text, e.label_) for e in doc.ents}
    assert ("MARLOWE", "PERSON") in got
    assert any(e.id_ == "entity-fix.recased-caps" for e in doc.ents)


@pytest.mark.parametrize(
    ("text", "name", "labels"),
    [
        # company names that collide with country codes stay the model's organisations
        ("GM shares rose 3% on Tuesday after the carmaker said its sales grew.", "GM", {"ORG"}),
        ("BA said it would cut 600 jobs, and BT said profits had risen.", "BA", {"ORG"}),
        # the codes news writes for a country name it
        ("Exports to the UK rose, while the UAE cut its orders.", "UAE", {"GPE"}),
        # unit symbols and currency codes are never names
        ("The new wind farm will have an output of 500 MW, enough for a town.", "MW", set()),
        ("The phone has 64 GB of storage and costs $ 99 ( USD ).", "USD", set()),
        # an honorific before the model's entity makes it a person
        ("Mr Pellham said the bank would not comment.", "Pellham", {"PERSON"}),
        ("Mr French said the council would not raise taxes.", "French", {"PERSON"}),
        # a city the model reads as a person, named a place by its apposition
        ("Talks moved to Glasgow, the largest city of Scotland, on Friday.", "Glasgow", {"GPE"}),
        ("Clinton, a county official, said the road would close.", "Clinton", {"PERSON"}),
    ],
)
def test_entity_fixes_hold_on_business_news(nlp, text: str, name: str, labels: set[str]) -> None:
    assert {e.label_ for e in nlp(text).ents if e.text == name} == labels


SPORTS_FIXES = {"entity-fix.sports-team", "entity-fix.team-line", "entity-fix.player-country"}


def test_sports_fixes_leave_a_fixture_in_prose_alone(nlp) -> None:
    prose = nlp("Fans packed the ground to see Leeds v Hull on Saturday, the club said.")
    table = nlp("Leeds v Hull\nStoke v Derby\n")
    assert not any(e.id_ in SPORTS_FIXES for e in prose.ents)
    assert {e.text for e in table.ents if e.id_ == "entity-fix.sports-team"} == {
        "Leeds",
        "Hull",
        "Stoke",
        "Derby",
    }


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Profits rose 5.5 pct in the year.", "5.5 pct", 5.5),
        ("Sales fell 12 per cent last month.", "12 per cent", 12),
    ],
)
def test_wire_percent_forms_are_percent_entities_with_values(
    nlp, text: str, span: str, value: float
) -> None:
    from pipeline.extract import extract_text

    record = extract_text(text, {"published": "1987-03-01"}, nlp=nlp)
    found = {(e.text, e.label): e.norm for e in record.entities}
    assert found[(span, "PERCENT")]["value"] == value


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("Minsk INTERFAX in English 0915 GMT 3 Jun 97", "INTERFAX"),
        ("Moscow March 5 ( ITAR-TASS ) -- Rain fell all day.", "ITAR-TASS"),
        ("Madrid , 2 Feb ( EFE ) -- Rain fell all day.", "EFE"),
    ],
)
def test_wire_agencies_are_organisations(nlp, text: str, agency: str) -> None:
    assert (agency, "ORG") in {(e.text, e.label_) for e in nlp(text).ents}


def test_an_all_capitals_dateline_before_a_wire_agency_is_a_place(nlp) -> None:
    ents = {(e.text, e.label_) for e in nlp("LEEDS , England ( AP )").ents}
    assert {("LEEDS", "GPE"), ("England", "GPE"), ("AP", "ORG")} <= ents


PIPED_TEXTS = [
    "MARLOWE SIGNS FOR HALDANE ROVERS\n\nStriker Owen Marlowe signed on Tuesday, the club said.\n",
    "Shares of Acme Corp rose 5 pct on Monday, its chief executive officer said.\n",
    "BONN SEEKS TALKS WITH PARIS\nBONN, March 3 - West German officials said on Tuesday.\n",
    "SOCCER - FIORENTINA BEAT MILAN\n\nFiorentina beat Milan 2-1 in Florence on Sunday.\n",
]


def test_entity_rules_give_the_same_entities_piped_as_one_by_one(nlp):
    """The component's ``pipe`` lets the NER read the recased lines of a whole batch at once:
    each document's entities are those it gets alone."""

    def ents(doc):
        return [(e.start, e.end, e.label_, e.id_) for e in doc.ents]

    alone = [ents(nlp(text)) for text in PIPED_TEXTS]
    assert [ents(doc) for doc in nlp.pipe(PIPED_TEXTS, batch_size=4)] == alone
    assert any(e[3] == "entity-fix.recased-caps" for doc in alone for e in doc)


def test_the_entity_patterns_file_is_plain_jsonl_with_a_description_per_row() -> None:
    import json

    from pipeline.rulefiles import EntityPattern, models_dir

    lines = (models_dir() / "entity_patterns.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [EntityPattern.model_validate(json.loads(line)) for line in lines if line.strip()]
    assert rows and all(row.description for row in rows)


PATTERN_ROW = '{"id": "x.pct", "label": "PERCENT", "description": "d", "pattern": "5 pct"}'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("// percentages\n" + PATTERN_ROW + "\n", r"entity_patterns\.jsonl:1: a comment line"),
        (
            PATTERN_ROW + "\n" + PATTERN_ROW.replace(', "description": "d"', "") + "\n",
            r"entity_patterns\.jsonl:2 \(rule 'x\.pct'\): field 'description'",
        ),
    ],
    ids=["comment-line", "no-description"],
)
def test_a_bad_entity_patterns_file_is_rejected_naming_file_and_line(
    tmp_path, text: str, message: str
) -> None:
    from pipeline.rulefiles import RuleError, load_entity_patterns

    path = tmp_path / "entity_patterns.jsonl"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError, match=message):
        load_entity_patterns(path)
