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


def _quote_next_to_by_every_pair(doc, verb, quotes, gap=1):
    """The plain definition: the first quotation in text order next to the clause."""
    from pipeline.events.quotes import _EMBEDDED, attribution_edges

    def only_punct(start: int, end: int) -> bool:
        words = [t for t in doc[start:end] if not t.is_space]
        return len(words) <= gap and all(t.is_punct for t in words)

    clause = verb
    while True:
        lo, hi = attribution_edges(clause)
        for a, b in quotes:
            if (b < lo and only_punct(b + 1, lo)) or (a > hi and only_punct(hi + 1, a)):
                return a + 1, b
        if clause.dep_ not in _EMBEDDED or clause.head is clause:
            return None
        clause = clause.head


QUOTE_HEAVY = " ".join(
    f'"Orders will rise by {i} percent." Ms Okafor added on Monday. "Why?" '
    f'she asked. "" , he said. “Soon,” added the chairman "and cheaply'
    for i in range(15)
)


def test_the_quote_next_to_a_verb_is_the_first_in_text_order_found_without_a_full_pass(
    nlp, monkeypatch
) -> None:
    import pipeline.events.quotes as quotes_module

    doc = nlp.make_doc(QUOTE_HEAVY)
    for name, proc in nlp.pipeline:  # the parse only; events read the quotes themselves
        if name in ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"):
            doc = proc(doc)
    quotes = find_scopes(doc).quotes
    assert len(quotes) > 50
    looks = []
    only_punct = quotes_module._only_punct
    monkeypatch.setattr(quotes_module, "_only_punct", lambda *a: looks.append(1) or only_punct(*a))
    verbs = [t for t in doc if t.pos_ in ("VERB", "AUX")]
    for gap in (1, 2, 3):
        for verb in verbs:
            looks.clear()
            expected = _quote_next_to_by_every_pair(doc, verb, quotes, gap)
            looks.clear()
            assert quote_next_to(doc, verb, quotes, gap) == expected, (verb.i, verb.text, gap)
            assert len(looks) <= 8 * (gap + 2)  # a few quotations looked at, not all of them
