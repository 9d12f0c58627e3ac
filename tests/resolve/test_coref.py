"""Coreference sieves and refusals, one sentence of our own each, through the whole pipeline."""

from __future__ import annotations

import pytest

from pipeline.entities.countries import country_table
from pipeline.resolve.clusters import resolve
from pipeline.resolve.coref import SIEVES, resolve_references
from pipeline.resolve.coref_rules import SIEVES as SIEVE_IDS
from pipeline.resolve.coref_rules import load_coref_rules
from pipeline.resolve.references import explain, referent_of, resolved_mentions
from pipeline.rulefiles import models_dir


@pytest.fixture(scope="module")
def rules():
    return load_coref_rules(models_dir() / "coref.json")


def links(doc) -> list[tuple[str, str, list[str]]]:
    return [(m.span.text, m.rule, [e.text for e in m.entities]) for m in resolved_mentions(doc)]


@pytest.mark.parametrize(
    ("text", "mention", "rule", "entities"),
    [
        (
            "Northfield Bank, the oldest lender in the valley, raised its rates on Monday.",
            "the oldest lender",
            "coref.appositive",
            ["Northfield Bank"],
        ),
        (
            "Jane Roe, who chairs the board of Acme Corp, resigned on Friday.",
            "who",
            "coref.relative-pronoun",
            ["Jane Roe"],
        ),
        (
            "Northfield Bank is the oldest lender in the valley.",
            "the oldest lender",
            "coref.predicate-nominative",
            ["Northfield Bank"],
        ),
        (
            "Finance Minister Jane Roe met bankers in Oslo on Monday. "
            "On Tuesday the minister flew to Bergen.",
            "the minister",
            "coref.role-title",
            ["Jane Roe"],
        ),
        (
            "Northfield Bank raised its rates on Monday. The bank said demand for loans was strong.",
            "The bank",
            "coref.head-match",
            ["Northfield Bank"],
        ),
        (
            "Acme Corp and Zenith Ltd signed a supply deal on Monday. "
            "The two companies will build a plant in Ohio.",
            "The two companies",
            "coref.group",
            ["Acme Corp", "Zenith Ltd"],
        ),
        (
            "Acme Corp opened a factory in Ohio on Monday. The company hired 200 workers.",
            "The company",
            "coref.description-type",
            ["Acme Corp"],
        ),
        (
            "Jane Roe joined Acme Corp in 2010. She became its chief executive in 2015.",
            "She",
            "coref.pronoun",
            ["Jane Roe"],
        ),
        (
            "Jane Roe joined Acme Corp in 2010. She became its chief executive in 2015.",
            "its",
            "coref.pronoun",
            ["Acme Corp"],
        ),
        (
            '"I am confident," Jane Roe said on Monday.',
            "I",
            "coref.quote-speaker",
            ["Jane Roe"],
        ),
        (
            '"We will build the plant next year," said Jane Roe, chief executive of Acme Corp.',
            "We",
            "coref.quote-speaker.organisation",
            ["Acme Corp."],
        ),
        (  # a title phrase in front of the name, with its modifiers
            "Norland Trade Minister Jane Roe met bankers in Oslo on Monday.",
            "Norland Trade Minister",
            "coref.appositive",
            ["Jane Roe"],
        ),
        (  # in front of the name, an apposition needs no comma
            "Tom Berg held talks with his Norlandic counterpart Jane Roe on Monday.",
            "his Norlandic counterpart",
            "coref.appositive",
            ["Jane Roe"],
        ),
        (  # the speaker's organisation from an earlier mention of the speaker
            'Jane Roe, head of Acme Corp, spoke in Oslo. "We will grow," Roe said.',
            "We",
            "coref.quote-speaker.organisation",
            ["Acme Corp"],
        ),
        (  # a product noun phrase with the product's name in front of its head
            "Acme Corp unveiled the new Acme X200 phone on Monday.",
            "the new Acme X200 phone",
            "coref.name-modifier",
            ["Acme"],
        ),
    ],
)
def test_sieve_links_its_mention_to_the_right_entity(nlp, text, mention, rule, entities) -> None:
    assert (mention, rule, entities) in links(nlp(text))


def unnamed_links(doc) -> list[tuple[str, str, str]]:
    return [
        (m.span.text, m.rule, m.entities[0].text)
        for m in resolved_mentions(doc, unnamed=True)
        if m.unnamed is not None
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Acme Corp shipped the engine in May. Zenith Ltd tested the engine in June.",
            [
                ("the engine", "coref.nominal-exact", "the engine"),
                ("the engine", "coref.nominal-exact", "the engine"),
            ],
        ),
        (
            "Zenith Ltd built a new jet in May. The jet will fly in June.",
            [
                ("a new jet", "coref.nominal-head-match", "a new jet"),
                ("The jet", "coref.nominal-head-match", "a new jet"),
            ],
        ),
        (
            "Zenith Ltd showed the ZX9 in May. The phone will go on sale in June.",
            [
                ("the ZX9", "coref.nominal-description", "the ZX9"),
                ("The phone", "coref.nominal-description", "the ZX9"),
            ],
        ),
        (  # a name the entity model missed, by its head word
            "Acme launches new, faster zPhone. Acme Corp said that their popular zPhone "
            "will ship in June.",
            [
                ("faster zPhone", "coref.proper-head", "faster zPhone"),
                ("their popular zPhone", "coref.proper-head", "faster zPhone"),
            ],
        ),
        (  # a brand name modifying a noun is a mention of its own
            "Zenith Ltd said zPhone sales rose in May. Buyers like the zPhone.",
            [
                ("zPhone", "coref.nominal-exact", "zPhone"),
                ("the zPhone", "coref.nominal-exact", "zPhone"),
            ],
        ),
        # ... not when their names differ in front of the head
        ("The Joint Trade Committee met in May. The Joint Energy Committee met in June.", []),
        ("Zenith Ltd built a new jet in May. The old jet was sold.", []),  # other modifier
        ("Trade rose in May. Trade fell in June.", []),  # a bare common noun is no one thing
    ],
)
def test_noun_phrases_no_name_mentions_form_an_unnamed_entity(nlp, text, expected) -> None:
    assert unnamed_links(nlp(text)) == expected


def test_honorific_and_surname_that_is_no_entity_resolve_to_the_one_person(nlp, rules) -> None:
    doc = nlp("Gordon Brown spoke to bankers in London on Monday. Mr Brown said rates would fall.")
    # the statistical model tags the second "Brown"; take it out, as a model that misses it would
    doc.ents = [e for e in doc.ents if e.text != "Brown"]
    clusters = resolve(doc, country_table(models_dir())).clusters
    found = resolve_references(doc, clusters, rules).references
    assert [(doc.text[f.span[0] : f.span[1]], f.rule) for f in found] == [
        ("Mr Brown", "coref.honorific")
    ]
    assert [doc.text[s:e] for s, e in found[0].entities] == ["Gordon Brown"]


@pytest.mark.parametrize(
    ("text", "mention", "reason"),
    [
        (
            "Acme Corp opened a factory in Ohio. It is likely that prices will rise.",
            "It",
            "pleonastic",
        ),
        (
            "Acme Corp opened a factory in Ohio.\n\nThey say the winters in the valley are long.",
            "They",
            "generic-they",
        ),
        ("Jane Roe met the board of Acme Corp on Monday. He left early.", "He", "no-antecedent"),
        ("Before she left the room, Jane Roe thanked the staff.", "she", "cataphora"),
    ],
)
def test_pronoun_is_refused_and_left_unresolved(nlp, rules, text, mention, reason) -> None:
    doc = nlp(text)
    assert mention not in [m.span.text for m in resolved_mentions(doc)]
    refused = {
        doc.text[r.anaphor.chars[0] : r.anaphor.chars[1]]: r.reason
        for r in explain(doc, rules).refusals
    }
    assert refused.get(mention) == reason


PLANE = "Acme Corp ordered a new plane in May. The plane was delivered on Monday, and it will fly."


def test_pronoun_of_a_thing_no_name_mentions_is_refused_without_unnamed_entities(
    nlp, rules
) -> None:
    doc = nlp(PLANE)
    names_only = rules.model_copy(update={"unnamed_entities": False})
    refused = {
        doc.text[r.anaphor.chars[0] : r.anaphor.chars[1]]: r.reason
        for r in explain(doc, names_only).refusals
    }
    assert refused.get("it") == "not-an-entity"


def test_pronoun_of_a_thing_no_name_mentions_joins_its_unnamed_entity(nlp) -> None:
    doc = nlp(PLANE)
    assert "it" not in [m.span.text for m in resolved_mentions(doc)]  # no named entity
    chain = {m.span.text: m for m in resolved_mentions(doc, unnamed=True)}
    assert chain["it"].rule == "coref.pronoun"
    assert chain["The plane"].rule == "coref.nominal-head-match"
    assert chain["it"].unnamed == chain["The plane"].unnamed is not None
    assert [e.text for e in chain["it"].entities] == ["a new plane"]


def test_cataphoric_pronoun_resolves_when_its_name_was_mentioned_before(nlp) -> None:
    doc = nlp(
        "Jane Roe runs Acme Corp. Before she left the room on Monday, Jane Roe thanked the staff."
    )
    assert ("she", "coref.pronoun", ["Jane Roe"]) in links(doc)


def test_pronoun_takes_the_object_that_controls_its_infinitive(nlp) -> None:
    doc = nlp("The regulator forced Acme Corp to lower its prices.")
    assert ("its", "coref.pronoun", ["Acme Corp"]) in links(doc)


def test_pronoun_does_not_cross_two_paragraphs(nlp) -> None:
    doc = nlp(
        "Acme Corp opened a factory.\n\nPrices rose in May.\n\nWages fell in June.\n\n"
        "It hired 200 workers."
    )
    assert "It" not in [m.span.text for m in resolved_mentions(doc)]


def test_group_description_over_two_companies_refers_to_both(nlp) -> None:
    doc = nlp("Acme Corp and Zenith Ltd signed a deal on Monday. Both companies will cut jobs.")
    (group,) = [m for m in resolved_mentions(doc, kinds=["group"])]
    assert [e.text for e in group.entities] == ["Acme Corp", "Zenith Ltd"]
    assert len(set(group.clusters)) == 2


def test_referent_of_finds_a_pronoun_by_its_offsets(nlp) -> None:
    doc = nlp("Acme Corp said on Monday it would cut 300 jobs.")
    start = doc.text.index(" it ") + 1
    found = referent_of(doc, start, start + 2)
    assert found is not None and [e.text for e in found.entities] == ["Acme Corp"]
    assert referent_of(doc, 0, 4) is None


def test_every_sieve_id_of_the_rule_file_has_a_function() -> None:
    assert set(SIEVE_IDS) == set(SIEVES)


def test_brand_name_in_front_of_a_name_is_part_of_it_not_an_apposition(nlp) -> None:
    doc = nlp("Developers can use the new zPhone SDK from Acme Corp.")
    assert "SDK" in [e.text for e in doc.ents]  # the model's entity the brand stands before
    assert [m.span.text for m in resolved_mentions(doc)] == []
