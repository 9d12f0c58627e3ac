"""Quotations and the attributions next to them (pipeline.events.quotes), on hand-parsed Docs."""

from __future__ import annotations

from pipeline.events.quotes import quote_next_to
from pipeline.events.scopes import find_scopes

from .handmade import Row, parsed


def text_of(doc, span) -> str | None:
    return None if span is None else doc[span[0] : span[1]].text


def test_quote_before_the_attribution() -> None:
    rows: list[Row] = [
        ('"', '"', "PUNCT", 3, "punct", "O"),
        ("Sales", "sale", "NOUN", 2, "nsubj", "O"),
        ("fell", "fall", "VERB", 6, "ccomp", "O"),
        (",", ",", "PUNCT", 6, "punct", "O"),
        ('"', '"', "PUNCT", 6, "punct", "O"),
        ("she", "she", "PRON", 6, "nsubj", "O"),
        ("said", "say", "VERB", 6, "ROOT", "O"),
        (".", ".", "PUNCT", 6, "punct", "O"),
    ]
    doc = parsed(rows)
    assert text_of(doc, quote_next_to(doc, doc[6], find_scopes(doc).quotes)) == "Sales fell ,"


def test_quote_after_the_attribution_left_open_to_the_paragraph_end() -> None:
    rows: list[Row] = [
        ("Smith", "Smith", "PROPN", 1, "nsubj", "B-PERSON"),
        ("said", "say", "VERB", 1, "ROOT", "O"),
        (":", ":", "PUNCT", 1, "punct", "O"),
        ('"', '"', "PUNCT", 4, "punct", "O"),
        ("Go", "go", "VERB", 1, "ccomp", "O"),
        (".", ".", "PUNCT", 4, "punct", "O"),
        ("\n\n", "\n\n", "SPACE", 5, "dep", "O"),
        ("Next", "next", "ADJ", 7, "ROOT", "O"),
    ]
    doc = parsed(rows)
    scopes = find_scopes(doc)
    assert scopes.quotes == [(3, 7)]
    assert text_of(doc, quote_next_to(doc, doc[1], scopes.quotes)).strip() == "Go ."


def test_a_quotation_away_from_the_verb_is_not_its_content() -> None:
    rows: list[Row] = [
        ('"', '"', "PUNCT", 2, "punct", "O"),
        ("No", "no", "DET", 2, "ROOT", "O"),
        ('"', '"', "PUNCT", 2, "punct", "O"),
        ("was", "be", "AUX", 2, "dep", "O"),
        ("the", "the", "DET", 5, "det", "O"),
        ("answer", "answer", "NOUN", 3, "attr", "O"),
        ("and", "and", "CCONJ", 3, "cc", "O"),
        ("Smith", "Smith", "PROPN", 8, "nsubj", "B-PERSON"),
        ("said", "say", "VERB", 3, "conj", "O"),
        ("so", "so", "ADV", 8, "advmod", "O"),
    ]
    doc = parsed(rows)
    assert quote_next_to(doc, doc[8], find_scopes(doc).quotes) is None
