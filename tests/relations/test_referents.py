"""Relations stated for a pronoun or a description (issue 15 through coreference, issue 13):
recorded against the entity the resolver links it to."""

from __future__ import annotations

import pytest

from pipeline.extract import extract_text


def _record(nlp, text: str):
    return extract_text(text, {"published": "2020-01-01"}, nlp=nlp)


def _relations(record) -> set[tuple[str, str, str]]:
    text_of = {
        **{e.id: e.text for e in record.entities},
        **{r.id: r.text for r in record.references},
    }
    return {(r.type, text_of[r.head], text_of[r.tail]) for r in record.relations}


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        (
            "Tom Berg spoke at the meeting. He works for Orbis Mining.",
            ("AFFILIATED_WITH", "He", "Orbis Mining"),
        ),
        (
            "Orbis Mining reported a loss. The company is based in Houston.",
            ("LOCATED_IN", "The company", "Houston"),
        ),
        (
            "Ann Lee spoke on Monday. She was born in Springfield.",
            ("RESIDENT_OF", "She", "Springfield"),
        ),
        (
            "Tom Berg spoke at the meeting. He is chairman of Orbis Mining.",
            ("HOLDS_POSITION", "He", "chairman"),
        ),
    ],
)
def test_a_relation_stated_for_a_reference_has_the_reference_as_its_end(
    nlp, text, relation
) -> None:
    assert relation in _relations(_record(nlp, text))


def test_the_reference_end_refers_to_the_named_entity_s_cluster(nlp) -> None:
    record = _record(nlp, "Tom Berg spoke at the meeting. He works for Orbis Mining.")
    (rel,) = [r for r in record.relations if r.type == "AFFILIATED_WITH"]
    (ref,) = [r for r in record.references if r.id == rel.head]
    (berg,) = [c for c in record.clusters if c.name == "Tom Berg"]
    assert ref.refers_to == [berg.id]


def test_a_title_stated_for_he_is_the_named_person_s_role(nlp) -> None:
    record = _record(nlp, "Tom Berg spoke at the meeting. He is chairman of Orbis Mining.")
    (berg,) = [c for c in record.clusters if c.name == "Tom Berg"]
    (orbis,) = [c for c in record.clusters if c.name == "Orbis Mining"]
    assert [(r.title, r.of) for r in berg.roles] == [("chairman", orbis.id)]


def test_a_reference_whose_entity_the_sentence_names_gives_the_name(nlp) -> None:
    """Both ends in one sentence, on the mentions that state it (docs/ANNOTATION.md §4)."""
    found = _relations(_record(nlp, "Ann Lee said she works for Orbis Mining."))
    assert ("AFFILIATED_WITH", "Ann Lee", "Orbis Mining") in found
    assert not [r for r in found if r[1] == "she"]


def test_one_fact_stated_twice_for_the_same_entity_is_one_relation(nlp) -> None:
    found = _relations(
        _record(nlp, "Orbis Mining reported a loss. The firm has its headquarters in Houston.")
    )
    assert len([r for r in found if r[0] == "LOCATED_IN"]) == 1


def test_the_possessive_counterpart_still_reads_his_as_the_person_before(nlp) -> None:
    found = _relations(
        _record(nlp, "Askar Mamin met his Belarusian counterpart Vasily Matyushevsky.")
    )
    assert ("COUNTERPART_OF", "Vasily Matyushevsky", "Askar Mamin") in found


def test_tables_and_terminal_show_a_reference_end_with_its_cluster(nlp) -> None:
    from rich.console import Console

    from pipeline.present.tables import to_frames
    from pipeline.present.terminal import record_view

    record = _record(nlp, "Tom Berg spoke at the meeting. He works for Orbis Mining.")
    rows = to_frames([record]).relations
    (row,) = rows[rows["type"] == "AFFILIATED_WITH"].to_dict("records")
    (berg,) = [c for c in record.clusters if c.name == "Tom Berg"]
    assert (row["head_text"], row["head_label"], row["head_cluster"]) == ("He", "PERSON", berg.id)
    console = Console(record=True, width=200)
    console.print(record_view(record))
    shown = console.export_text()
    assert "AFFILIATED_WITH" in shown and "He" in shown
