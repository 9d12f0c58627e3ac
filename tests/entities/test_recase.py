"""Recasing all-caps lines."""

from __future__ import annotations

import pytest

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
