"""Entity linking, end to end on hand-built records (pipeline.link.nodes + entities + run)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.link import link
from pipeline.schema import Record

from .builders import Cl, entity_of, lines, record

KE = {"country": "KE", "name": "Kenya"}


def _link(tmp_path: Path, records: list[Record], chunk: int = 1000) -> Path:
    out = tmp_path / f"view{chunk}"
    link(records, out, chunk=chunk)
    return out


def _same(out: Path, a: tuple[str, str], b: tuple[str, str]) -> bool:
    return entity_of(out, *a)["id"] == entity_of(out, *b)["id"]


@pytest.mark.parametrize(
    ("first", "second", "rule"),
    [
        (Cl("ORG", "Harbor Tools Inc."), Cl("ORG", "Harbor Tools"), "entity.same-name"),
        (Cl("ORG", "The Harbor Tools"), Cl("ORG", "HARBOR TOOLS"), "entity.same-name"),
        (
            Cl("ORG", "Northwind Trade and Shipping Association", aliases=["NTSA"]),
            Cl("ORG", "NTSA"),
            "entity.alias",
        ),
        (Cl("GPE", "Kenya", norm=KE), Cl("NORP", "Kenyan", norm=KE), "entity.country"),
        (Cl("ORG", "Kestrel Airways"), Cl("ORG", "Kestrel"), "entity.org-descriptor"),
    ],
)
def test_clusters_of_two_documents_join_by_rule(tmp_path, first: Cl, second: Cl, rule) -> None:
    a = record("a", f"Story about {first.name}.", [first])
    b = record("b", f"Another on {second.name} today.", [second])
    out = _link(tmp_path, [a, b])
    ent = entity_of(out, "a", "E1")
    assert [m["doc"] for m in ent["members"]] == ["a", "b"]
    assert rule in {r for m in ent["members"] for r in m["via"]}
    assert ent["n_documents"] == 2


def test_an_acronym_joins_the_one_long_name_with_its_initials(tmp_path) -> None:
    a = record(
        "a",
        "The Northwind Trade and Shipping Association met.",
        [Cl("ORG", "Northwind Trade and Shipping Association")],
    )
    b = record("b", "NTSA said no.", [Cl("ORG", "NTSA")])
    out = _link(tmp_path, [a, b])
    assert _same(out, ("a", "E1"), ("b", "E1"))
    assert entity_of(out, "b", "E1")["members"][1]["via"] == ["entity.acronym"]


def test_an_acronym_two_long_names_share_joins_neither(tmp_path) -> None:
    a = record(
        "a", "Northern Timber Supply Agency grew.", [Cl("ORG", "Northern Timber Supply Agency")]
    )
    b = record(
        "b", "National Tin Smelters Alliance fell.", [Cl("ORG", "National Tin Smelters Alliance")]
    )
    c = record("c", "NTSA said no.", [Cl("ORG", "NTSA")])
    out = _link(tmp_path, [a, b, c])
    assert len(lines(out / "entities.jsonl")) == 3


def test_a_surname_joins_the_one_person_with_it_and_not_two(tmp_path) -> None:
    a = record("a", "Adaeze Okafor spoke.", [Cl("PERSON", "Adaeze Okafor")])
    b = record("b", "Okafor left.", [Cl("PERSON", "Okafor")])
    out = _link(tmp_path, [a, b])
    assert _same(out, ("a", "E1"), ("b", "E1"))
    c = record("c", "Chidi Okafor stayed.", [Cl("PERSON", "Chidi Okafor")])
    out = _link(tmp_path / "more", [a, b, c])
    assert not _same(out, ("a", "E1"), ("b", "E1"))
    assert not _same(out, ("a", "E1"), ("c", "E1"))


def test_a_one_word_form_of_a_person_is_never_a_name_of_its_own(tmp_path) -> None:
    a = record(
        "a",
        "Lena Varga arrived. Varga smiled.",
        [Cl("PERSON", "Lena Varga", mentions=["Lena Varga", "Varga"])],
    )
    b = record(
        "b",
        "Marta Varga arrived. Varga waved.",
        [Cl("PERSON", "Marta Varga", mentions=["Marta Varga", "Varga"])],
    )
    out = _link(tmp_path, [a, b])
    assert not _same(out, ("a", "E1"), ("b", "E1"))


def test_a_bare_institution_joins_the_country_qualified_one_of_its_document(tmp_path) -> None:
    a = record(
        "a",
        "The U.S. Coast Guard said the Coast Guard would help.",
        [Cl("ORG", "U.S. Coast Guard"), Cl("ORG", "Coast Guard")],
    )
    b = record(
        "b", "The United States Coast Guard sailed.", [Cl("ORG", "United States Coast Guard")]
    )
    out = _link(tmp_path, [a, b])
    assert _same(out, ("a", "E1"), ("a", "E2"))
    assert _same(out, ("a", "E1"), ("b", "E1"))
    assert "entity.country-name" in entity_of(out, "b", "E1")["members"][-1]["via"]


def test_two_labels_of_one_name_join_within_a_document_only(tmp_path) -> None:
    a = record(
        "a",
        "Quillon Labs grew. Quillon Labs hired.",
        [
            Cl("ORG", "Quillon Labs", mentions=["Quillon Labs"]),
            Cl("PERSON", "Quillon Labs", mentions=["Quillon Labs"]),
        ],
    )
    b = record("b", "Dorvel Media was named.", [Cl("PERSON", "Dorvel Media")])
    c = record("c", "Dorvel Media grew.", [Cl("ORG", "Dorvel Media")])
    out = _link(tmp_path, [a, b, c])
    assert _same(out, ("a", "E1"), ("a", "E2"))
    assert "entity.same-document-name" in entity_of(out, "a", "E2")["members"][1]["via"]
    assert not _same(out, ("b", "E1"), ("c", "E1"))


def test_a_name_most_documents_read_under_another_label_joins_that_entity(tmp_path) -> None:
    a = record("a", "Vantrel Foods cut jobs.", [Cl("ORG", "Vantrel Foods")])
    b = record("b", "Vantrel Foods Inc. grew.", [Cl("ORG", "Vantrel Foods Inc.")])
    c = record("c", "Vantrel Foods said no.", [Cl("PERSON", "Vantrel Foods")])
    out = _link(tmp_path, [a, b, c])
    assert _same(out, ("a", "E1"), ("c", "E1"))
    ent = entity_of(out, "c", "E1")
    assert ent["label"] == "ORG"
    assert [m["via"] for m in ent["members"] if m["doc"] == "c"] == [["entity.label-vote"]]


@pytest.mark.parametrize(
    ("labels", "joined"),
    [
        (["ORG", "PERSON"], False),  # a tie: neither reading wins
        (["PERSON", "PERSON", "ORG"], True),  # the minority reading may be the organisation
        (["GPE", "GPE", "PERSON"], False),  # places are not voted on
    ],
)
def test_label_vote_needs_a_strict_majority_outside_places(tmp_path, labels, joined) -> None:
    docs = [
        record(f"d{i}", "Orsolya Brandt spoke.", [Cl(label, "Orsolya Brandt")])
        for i, label in enumerate(labels)
    ]
    out = _link(tmp_path, docs)
    ids = {entity_of(out, f"d{i}", "E1")["id"] for i in range(len(labels))}
    assert (len(ids) == 1) is joined


def test_a_name_of_generic_words_only_joins_nothing(tmp_path) -> None:
    a = record("a", "Corp said yes.", [Cl("ORG", "Corp")])
    b = record("b", "Corp said no.", [Cl("ORG", "Corp")])
    out = _link(tmp_path, [a, b])
    assert not _same(out, ("a", "E1"), ("b", "E1"))


def test_values_and_titles_are_not_linked(tmp_path) -> None:
    a = record(
        "a", "The minister paid 5 dollars.", [Cl("TITLE", "minister"), Cl("MONEY", "5 dollars")]
    )
    out = _link(tmp_path, [a])
    assert lines(out / "entities.jsonl") == []


def test_an_entity_line_carries_names_counts_norm_and_titles(tmp_path) -> None:
    a = record(
        "a",
        "Kenya and Kenyan farmers.",
        [Cl("GPE", "Kenya", norm=KE), Cl("NORP", "Kenyan", norm=KE)],
    )
    b = record(
        "b",
        "Ruth Wanjiru of Kenya spoke. Wanjiru left.",
        [
            Cl(
                "PERSON",
                "Ruth Wanjiru",
                mentions=["Ruth Wanjiru", "Wanjiru"],
                roles=[{"title": "Trade Minister", "of": "E2"}],
            ),
            Cl("GPE", "Kenya", norm=KE),
        ],
    )
    out = _link(tmp_path, [a, b])
    kenya = entity_of(out, "a", "E1")
    assert (kenya["name"], kenya["label"], kenya["norm"]) == ("Kenya", "GPE", {"country": "KE"})
    assert kenya["aliases"] == ["Kenyan"]
    assert (kenya["n_documents"], kenya["n_mentions"]) == (2, 3)
    person = entity_of(out, "b", "E1")
    assert person["titles"] == ["trade minister"]
    assert person["members"] == [
        {
            "doc": "b",
            "cluster": "E1",
            "name": "Ruth Wanjiru",
            "label": "PERSON",
            "mentions": 2,
            "via": [],
        }
    ]


def test_the_view_does_not_depend_on_how_records_are_cut_into_partitions(tmp_path) -> None:
    docs = [
        record(
            f"d{i}",
            f"Harbor Tools and Okafor met in Kenya on day {i}.",
            [
                Cl(
                    "ORG",
                    "Harbor Tools" if i % 2 else "Harbor Tools Inc.",
                    mentions=["Harbor Tools"],
                ),
                Cl("PERSON", "Okafor" if i % 3 else "Adaeze Okafor", mentions=["Okafor"]),
                Cl("GPE", "Kenya", norm=KE),
            ],
        )
        for i in range(7)
    ]
    one, many = _link(tmp_path, docs), _link(tmp_path, docs, chunk=2)
    for name in ("entities.jsonl", "events.jsonl"):
        assert (one / name).read_bytes() == (many / name).read_bytes()
