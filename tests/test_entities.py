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

    from pipeline.entities.fixes import EntitySpan
    from pipeline.rulefiles import EntityFixes, load_json, models_dir

    doc = Doc(Vocab(), words=words)
    fixes = load_json(models_dir() / "entity_fixes.json", EntityFixes)
    found = fix(doc, [EntitySpan(s, e, label) for s, e, label in ents], fixes)
    return [(doc[x.start : x.end].text, x.label) for x in found]


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        (["West", "Germany", "'s", "exports"], [(0, 3, "GPE")], [("West Germany", "GPE")]),
        (["Acme", "Corp", "’s", "plant"], [(0, 3, "ORG")], [("Acme Corp", "ORG")]),
        (
            ["the", "last", "year", "'s"],
            [(0, 4, "DATE")],
            [("the last year 's", "DATE")],
        ),  # values keep theirs
    ],
)
def test_names_lose_their_possessive(words, ents, expected):
    from pipeline.entities.fixes import strip_possessive

    assert _fix(strip_possessive, words, ents) == expected


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        (
            ["Beijing", "XINHUA", "in", "English"],
            [(0, 2, "PERSON")],
            [("Beijing", "GPE"), ("XINHUA", "ORG")],
        ),
        (
            ["Havana", "Radio", "Rebelde", "Network", "in", "Spanish"],
            [(0, 4, "ORG")],
            [("Havana", "GPE"), ("Radio Rebelde Network", "ORG")],
        ),
        (
            ["NEW", "YORK", "TIMES"],
            [(0, 3, "ORG")],
            [("NEW YORK TIMES", "ORG")],
        ),  # all capitals: one name
        (["Boston", "Red", "Sox"], [(0, 3, "ORG")], [("Boston Red Sox", "ORG")]),
        (["Moscow", "Radio"], [(0, 2, "ORG")], [("Moscow Radio", "ORG")]),
    ],
)
def test_city_glued_to_an_agency_is_split(words, ents, expected):
    from pipeline.entities.fixes import split_place_agency

    assert _fix(split_place_agency, words, ents) == expected


# --- news patterns (issue #2): own sentences, one table per fix ---


def _news(fix, text, ents, pos=None):
    """Run ``fix`` on ``text`` (tokenised as spaCy's English tokenizer does) with ``ents`` given
    as (first word index, end word index, label); ``pos`` sets part-of-speech tags by index."""
    import spacy

    from pipeline.entities.fixes import EntitySpan
    from pipeline.rulefiles import EntityFixes, load_json, models_dir

    doc = spacy.blank("en").make_doc(text)
    for i, tag in (pos or {}).items():
        doc[i].pos_ = tag
    fixes = load_json(models_dir() / "entity_fixes.json", EntityFixes)
    found = fix(doc, [EntitySpan(s, e, label) for s, e, label in ents], fixes)
    return [(doc[x.start : x.end].text, x.label) for x in found]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Norwich v Wolverhampton",
            [(0, 3, "ORG")],
            [("Norwich", "ORG"), ("Wolverhampton", "ORG")],
        ),
        # the final score goes with trim_name_edges
        (
            "Aldershot 2 Brentwood 1",
            [(0, 4, "ORG")],
            [("Aldershot", "ORG"), ("Brentwood 1", "ORG")],
        ),
        (
            "Maria Lenz - Tomas Berg won",
            [(0, 5, "PERSON")],
            [("Maria Lenz", "PERSON"), ("Tomas Berg", "PERSON")],
        ),
        ("Hollis st Parker", [(0, 3, "PERSON")], [("Hollis", "PERSON"), ("Parker", "PERSON")]),
        (
            "Pieter van der Berg",
            [(0, 4, "PERSON")],
            [("Pieter van der Berg", "PERSON")],
        ),  # particles
        ("Wal - Mart stores", [(0, 3, "ORG")], [("Wal - Mart", "ORG")]),  # one word each side
        ("the U.S. 6th Fleet", [(1, 4, "ORG")], [("U.S. 6th Fleet", "ORG")]),  # ordinals stay
        (
            "Kazakh-Belarusian talks",
            [(0, 3, "NORP")],
            [("Kazakh-Belarusian", "NORP")],
        ),  # glued dash
    ],
)
def test_names_joined_by_scores_versus_or_dashes_are_split(text, ents, expected):
    from pipeline.entities.fixes import split_joined_names

    assert _news(split_joined_names, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("Aldershot 2 ( Quinn 26th )", [(2, 6, "PERSON")], [("Quinn", "PERSON")]),
        ("-- Mara Olsen , Oslo desk", [(0, 3, "PERSON")], [("Mara Olsen", "PERSON")]),
        ("Dover 3", [(0, 2, "GPE")], [("Dover", "GPE")]),
        ("Jan Kos 's goal", [(0, 3, "PERSON")], [("Jan Kos", "PERSON")]),
        ("on Highway 61 south", [(1, 3, "FAC")], [("Highway 61", "FAC")]),  # numbered names keep it
        ("the 21st Brigade moved", [(1, 3, "ORG")], [("21st Brigade", "ORG")]),
    ],
)
def test_name_edges_lose_numbers_possessives_and_dashes(text, ents, expected):
    from pipeline.entities.fixes import trim_name_edges

    assert _news(trim_name_edges, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "pos", "expected"),
    [
        # a surname alone is its person, even where the model said ORG
        (
            "Lena Marsh spoke . Later Marsh left .",
            [(0, 2, "PERSON"), (5, 6, "ORG")],
            {},
            [("Lena Marsh", "PERSON"), ("Marsh", "PERSON")],
        ),
        # an untagged capitalised mention gets the name's label
        (
            "Ostrava Steel rose . Investors like Ostrava Steel .",
            [(0, 2, "ORG")],
            {},
            [("Ostrava Steel", "ORG"), ("Ostrava Steel", "ORG")],
        ),
        # ... unless it is glued into a longer word or name
        (
            "Kray won . The Kray-Dorn deal . Kray Holdings fell .",
            [(0, 1, "PERSON")],
            {},
            [("Kray", "PERSON")],
        ),
        # a line-initial word is capitalised anyway: only a proper noun counts
        ("Pixley rose .\nPixley fell .", [(0, 1, "ORG")], {4: "NOUN"}, [("Pixley", "ORG")]),
        (
            "Pixley rose .\nPixley fell .",
            [(0, 1, "ORG")],
            {4: "PROPN"},
            [("Pixley", "ORG"), ("Pixley", "ORG")],
        ),
        # a country ending a PERSON span is no surname
        (
            "Raden Putra Indonesia said . Indonesia grew .",
            [(0, 3, "PERSON"), (5, 6, "GPE")],
            {},
            None,
        ),
    ],
)
def test_one_sense_per_document(text, ents, pos, expected):
    from pipeline.entities.fixes import document_labels

    found = _news(document_labels, text, ents, pos)
    if expected is None:
        assert ("Indonesia", "GPE") in found
    else:
        assert found == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a result line: both sides are teams, scorers stay people
        (
            "Aldershot 2 ( Quinn 26th ) Brentwood 1",
            [(0, 1, "GPE"), (3, 4, "PERSON"), (6, 7, "GPE")],
            [("Aldershot", "ORG"), ("Quinn", "PERSON"), ("Brentwood", "ORG")],
        ),
        ("Kettering Town 0 Dover 3", [], [("Kettering Town", "ORG"), ("Dover", "ORG")]),
        # national sides keep the place
        (
            "Norway 1 Scotland 1",
            [(0, 1, "GPE"), (2, 3, "GPE")],
            [("Norway", "GPE"), ("Scotland", "GPE")],
        ),
        # a standings row headed by a place
        ("Aldershot 9 5 2 2 14 8 17", [(0, 1, "GPE")], [("Aldershot", "ORG")]),
        # a player's averages look the same, and stay a PERSON
        ("Tom Hale 3 5 0 159 77 31.80", [(0, 2, "PERSON")], [("Tom Hale", "PERSON")]),
        ("Tom Hale 12 4 3 1", [(0, 2, "PERSON")], [("Tom Hale", "PERSON")]),
        # a dateline is no standings row
        ("BRISTOL 1996-08-28", [(0, 1, "GPE")], [("BRISTOL", "GPE")]),
    ],
)
def test_result_and_standings_lines_name_teams(text, ents, expected):
    from pipeline.entities.fixes import team_lines

    assert _news(team_lines, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Doncaster v Darlington tonight",
            [(0, 1, "GPE"), (2, 3, "GPE")],
            [("Doncaster", "ORG"), ("Darlington", "ORG")],
        ),
        (
            "Toledo at Omaha",
            [(0, 1, "GPE"), (2, 3, "GPE")],
            [("Toledo", "ORG"), ("Omaha", "GPE")],
        ),  # hosts: a place
        (
            "He lives in Toledo at Omaha Street",
            [(3, 4, "GPE"), (5, 6, "GPE")],
            [("Toledo", "GPE"), ("Omaha", "GPE")],
        ),
        (
            "Ana Ruiz vs. Eva Holm",
            [(0, 2, "PERSON"), (3, 5, "PERSON")],
            [("Ana Ruiz", "PERSON"), ("Eva Holm", "PERSON")],
        ),
    ],
)
def test_fixtures_name_teams(text, ents, expected):
    from pipeline.entities.fixes import sports_teams

    assert _news(sports_teams, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("the health ministry said", [(1, 3, "ORG")], []),
        ("shares rose to 691p", [(3, 4, "ORG")], []),
        ("the Health Ministry said", [(1, 3, "ORG")], [("Health Ministry", "ORG")]),
        ("in 2020", [(1, 2, "DATE")], [("2020", "DATE")]),
    ],
)
def test_names_need_a_capital_letter(text, ents, expected):
    from pipeline.entities.fixes import drop_lowercase_names

    assert _news(drop_lowercase_names, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("Mira Kovac ( Croatia ) beat Ana Ruiz", [(0, 2, "ORG")], [("Mira Kovac", "PERSON")]),
        ("4. Mira Kovac ( Croatia ) 61.64", [], [("Mira Kovac", "PERSON")]),
        ("Anne-Lise Dubois ( France ) won", [], [("Anne-Lise Dubois", "PERSON")]),
        (
            "Hajduk Split ( Croatia ) 2",
            [(0, 2, "ORG")],
            [("Hajduk Split", "ORG")],
        ),  # a club carries its town
        ("Commission Rules ( EC ) No 12", [], []),  # a code is no country
    ],
)
def test_players_listed_with_their_country_are_people(text, ents, expected):
    from pipeline.entities.fixes import players_with_country

    assert _news(players_with_country, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("Dover rose", [(0, 1, "PERSON")], [("Dover", "GPE")]),
        (
            "Ben Dover spoke . Dover rose",
            [(0, 2, "PERSON"), (4, 5, "PERSON")],
            [("Ben Dover", "PERSON"), ("Dover", "PERSON")],
        ),
    ],
)
def test_a_surname_is_not_taken_for_a_town(text, ents, expected):
    from pipeline.entities.fixes import relabel_places

    assert _news(relabel_places, text, ents) == expected


def test_recased_line_entities_replace_the_models():
    from pipeline.entities.fixes import EntitySpan, replace_line_entities

    model = [EntitySpan(0, 2, "ORG"), EntitySpan(5, 6, "PERSON")]
    found = [EntitySpan(1, 2, "GPE")]
    out = replace_line_entities(model, [(0, 4)], found)
    assert [(e.start, e.end, e.label, e.source) for e in out] == [
        (1, 2, "GPE", "entity-fix.recased-caps"),
        (5, 6, "PERSON", ""),
    ]


# --- recasing all-caps lines ---

LEXICON = frozenset({"beat", "storm", "new", "win", "bank", "smith"})
PLACES = frozenset({"Bristol", "New York"})


@pytest.mark.parametrize(
    ("word", "evidence", "expected"),
    [
        ("FENWICK", {"fenwick": "Fenwick"}, "Fenwick"),  # seen capitalised in the story
        ("SMITH", {"smith": "smith"}, "smith"),  # seen in lower case in the story
        ("BEATS", {}, "beats"),  # an inflected lexicon word
        ("OF", {}, "of"),  # a stop word
        ("BRISTOL", {}, "Bristol"),  # a place
        ("STORM", {}, "storm"),
        ("SMITH", {}, "smith"),  # WordNet lists famous names: only evidence keeps them
        ("KOVACIC", {}, "Kovacic"),  # unknown: a name
        ("PSV", {}, "PSV"),  # short and unknown: an acronym
        ("AL-ANWAR", {}, "Al-Anwar"),
        ("1996", {}, "1996"),
    ],
)
def test_recase_word(word, evidence, expected):
    from spacy.lang.en.stop_words import STOP_WORDS

    from pipeline.entities.recase import recase_word

    got = recase_word(word, evidence, stop_words=STOP_WORDS, places=PLACES, lexicon=LEXICON)
    assert got == expected and len(got) == len(word)


def test_recase_words_keeps_place_names_whole():
    from spacy.lang.en.stop_words import STOP_WORDS

    from pipeline.entities.recase import recase_words

    got = recase_words(
        ["NEW", "YORK", "WIN"], {}, stop_words=STOP_WORDS, places=PLACES, lexicon=LEXICON
    )
    assert got == ["New", "York", "win"]


def test_caps_lines_and_case_evidence():
    import spacy

    from pipeline.entities.recase import caps_lines, case_evidence

    doc = spacy.blank("en").make_doc(
        "KOVAC BEATS LENZ\n\n2020\nBeats , said Kovac . Lenz beats him . Kovac is lucky"
    )
    lines = caps_lines(doc)
    assert [doc[x.start : x.end].text for x in lines] == [
        "KOVAC BEATS LENZ"
    ]  # "2020" has no letters
    # words opening a line or a sentence ("Beats", "Lenz") are capitalised anyway: no evidence
    assert case_evidence(doc, lines) == {"kovac": "Kovac", "beats": "beats"}


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
    ("text", "ents", "expected"),
    [
        ("BRISTOL 1996-08-28\nShares rose .", [(0, 1, "ORG")], [("BRISTOL", "GPE")]),
        (
            "LAKEVILLE , Minnesota 1996-08-28",
            [(0, 1, "ORG")],
            [("LAKEVILLE", "GPE"), ("Minnesota", "GPE")],
        ),
        ("BRISTOL ( Reuters ) - Shares rose .", [], [("BRISTOL", "GPE")]),
        ("SOCCER - Leeds beat Hull .", [], []),  # a sports slug, not a place
        ("CPI ( pct ) July +0.4", [], []),
        ("Bristol 1996-08-28", [], []),  # not in capitals: no dateline
    ],
)
def test_dateline_places(text, ents, expected):
    from pipeline.entities.fixes import datelines

    assert _news(datelines, text, ents) == expected


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


@pytest.mark.parametrize(
    "text",
    [
        "Beijing XINHUA said",
        "KAZAKHSTAN, BELARUS SEEK TIES\n\nKazakh-Belarusian ( U.S. ) talks",
        "",
    ],
)
def test_words_are_the_token_texts(text):
    import spacy

    from pipeline.entities.fixes import _words

    doc = spacy.blank("en")(text)
    assert _words(doc) == [t.text for t in doc]
