"""Pronouns and descriptions an event role may take (pipeline.events.references), on
hand-parsed Docs."""

from __future__ import annotations

import pytest

from pipeline.events.references import GENERIC, reference_at, resolved_at
from pipeline.events.scopes import find_scopes
from pipeline.facts import ReferenceFact

from .handmade import ENGINE, Row, parsed

TYPES = ENGINE.types
REFS = TYPES.references
GENERIC_WORDS = TYPES.lexicons[REFS.generic]
NAMED: list[Row] = [  # "Jane Porter left ." then a blank line
    ("Jane", "Jane", "PROPN", 1, "compound", "B-PERSON"),
    ("Porter", "Porter", "PROPN", 2, "nsubj", "I-PERSON"),
    ("left", "leave", "VERB", 2, "ROOT", "O"),
    (".", ".", "PUNCT", 2, "punct", "O"),
    ("\n\n", "\n\n", "SPACE", 3, "dep", "O"),
]
BREAK: list[Row] = [  # "It rained ." then a blank line: a paragraph with no name
    ("It", "it", "PRON", 1, "nsubj", "O"),
    ("rained", "rain", "VERB", 1, "ROOT", "O"),
    (".", ".", "PUNCT", 1, "punct", "O"),
    ("\n\n", "\n\n", "SPACE", 2, "dep", "O"),
]


def said(before: list[Row], subject: list[Row]) -> tuple:
    """``before`` + ``subject`` + 'said so .', the subject's last word heading it."""
    base = len(before)
    verb = base + len(subject)
    rows = list(before)
    for w, lemma, pos, head, dep, ent in subject:
        rows.append((w, lemma, pos, verb if dep == "nsubj" else base + head, dep, ent))
    rows += [
        ("said", "say", "VERB", verb, "ROOT", "O"),
        ("so", "so", "ADV", verb, "advmod", "O"),
        (".", ".", "PUNCT", verb, "punct", "O"),
    ]
    doc = parsed(rows)
    head = next(i for i in range(base, verb) if doc[i].dep_ == "nsubj")
    return doc, doc[head]


def found(before: list[Row], subject: list[Row], kinds=("pronoun", "description")):
    doc, tok = said(before, subject)
    ref = reference_at(tok, list(kinds), REFS, GENERIC_WORDS, find_scopes(doc))
    if ref is None or ref is GENERIC:
        return ref
    return ref.kind, doc[ref.start : ref.end].text


SHE: list[Row] = [("She", "she", "PRON", 0, "nsubj", "O")]
THE_COMPANY: list[Row] = [
    ("The", "the", "DET", 1, "det", "O"),
    ("company", "company", "NOUN", 1, "nsubj", "O"),
]


@pytest.mark.parametrize(
    ("before", "subject", "expected"),
    [
        # a pronoun stands for a name of a label it fits, in its paragraph or the one before
        (NAMED, SHE, ("pronoun", "She")),
        ([], SHE, None),
        (NAMED + BREAK, SHE, None),
        # a description, as coreference spans it
        ([], THE_COMPANY, ("description", "The company")),
        # a generic head names nobody, unless a definite determiner makes it specific
        ([], [("Analysts", "analyst", "NOUN", 0, "nsubj", "O")], GENERIC),
        (
            [],
            [("The", "the", "DET", 1, "det", "O"), ("report", "report", "NOUN", 1, "nsubj", "O")],
            ("description", "The report"),
        ),
        # an indefinite description needs a name or a complement
        (
            [],
            [("A", "a", "DET", 1, "det", "O"), ("spokesman", "spokesman", "NOUN", 1, "nsubj", "O")],
            GENERIC,
        ),
        (
            [],
            [
                ("A", "a", "DET", 1, "det", "O"),
                ("spokesman", "spokesman", "NOUN", 1, "nsubj", "O"),
                ("for", "for", "ADP", 1, "prep", "O"),
                ("Acme", "Acme", "PROPN", 2, "pobj", "B-ORG"),
            ],
            ("description", "A spokesman"),
        ),
    ],
)
def test_reference_at(before, subject, expected) -> None:
    assert found(before, subject) == expected


def test_a_role_takes_only_the_kinds_it_names() -> None:
    assert found(NAMED, SHE, kinds=("description",)) is None
    assert found([], THE_COMPANY, kinds=("pronoun",)) is None


def test_a_pronoun_coreference_resolved_is_taken_as_resolved_even_out_of_reach() -> None:
    doc, tok = said(NAMED + BREAK, SHE)
    assert reference_at(tok, ["pronoun"], REFS, GENERIC_WORDS, find_scopes(doc)) is None
    name = doc[0:2]
    doc._.references = [
        ReferenceFact(
            span=(tok.idx, tok.idx + len(tok)),
            kind="pronoun",
            antecedent=(name.start_char, name.end_char),
            entities=((name.start_char, name.end_char),),
            rule="coref.pronoun",
        )
    ]
    scopes = find_scopes(doc)
    ref = resolved_at(tok, ["pronoun"], scopes)
    assert ref is not None and doc[ref.start : ref.end].text == "She"
    assert ref.key == scopes.keys[(name.start_char, name.end_char)]  # the name's key
    assert resolved_at(tok, ["description"], scopes) is None
