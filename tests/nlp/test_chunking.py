from __future__ import annotations

import pytest
import spacy

from pipeline.extract import extract_documents
from pipeline.facts import ArgumentFact, ClusterFact, EventFact, RelationFact, RoleFact
from pipeline.ingest.files import Document
from pipeline.ingest.layout import Layout, find_layout, layout_starts
from pipeline.nlp.chunking import CHUNK_CHARS, join_docs, pipe_docs, shift_fact, split_points
from pipeline.schema import Record

from ..conftest import SEED


@pytest.mark.parametrize(
    ("text", "size", "pieces"),
    [
        ("Short.", 10, ["Short."]),
        ("One two.\n\nThree four.\n\nFive.", 15, ["One two.", "\n\nThree four.", "\n\nFive."]),
        (
            "One two. Three four. Five six.",
            22,
            ["One two. Three four.", " Five six."],
        ),  # sentence end
        (
            "One two. Three\nfour five six.",
            22,
            ["One two. Three", "\nfour five six."],
        ),  # line before sentence
        ("aaaa bbbb cccc", 6, ["aaaa", " bbbb", " cccc"]),  # spaces
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),  # nothing to cut at
    ],
)
def test_split_points_prefer_paragraphs_then_sentences_then_spaces(
    text: str, size: int, pieces: list[str]
) -> None:
    points = split_points(text, size)
    got = [text[a:b] for a, b in zip(points, points[1:], strict=False)]
    assert got == pieces
    assert "".join(got) == text and all(len(p) <= size for p in got)


@pytest.mark.parametrize(
    ("fact", "shifted"),
    [
        (
            RelationFact("HOLDS_POSITION", (0, 5), (6, 9), "r", sentence=1),
            RelationFact("HOLDS_POSITION", (100, 105), (106, 109), "r", sentence=4),
        ),
        (
            ClusterFact("PERSON", "A", ((0, 1), (5, 6)), aliases=("AB",)),
            ClusterFact("PERSON", "A", ((100, 101), (105, 106)), aliases=("AB",)),
        ),
        (RoleFact((0, 1), "Minister", (8, 9)), RoleFact((100, 101), "Minister", (108, 109))),
        (RoleFact((0, 1), "Envoy"), RoleFact((100, 101), "Envoy")),
        (
            EventFact(
                "MEETING",
                (2, 4),
                "m",
                arguments=(ArgumentFact("place", (7, 8), True),),
                sentence=0,
                sentences=(0, 1),
            ),
            EventFact(
                "MEETING",
                (102, 104),
                "m",
                arguments=(ArgumentFact("place", (107, 108), True),),
                sentence=3,
                sentences=(3, 4),
            ),
        ),
    ],
)
def test_shift_fact_moves_offsets_and_sentence_numbers(fact: object, shifted: object) -> None:
    assert shift_fact(fact, 100, 3) == shifted


def test_every_chunk_sees_the_document_date_and_its_own_part_of_the_layout() -> None:
    nlp = spacy.blank("en")
    seen: list[tuple[str, Layout]] = []

    @spacy.Language.component("newsrel_test_layout_probe")
    def probe(doc):  # type: ignore[no-untyped-def]
        seen.append((doc.text, doc._.layout))
        return doc

    nlp.add_pipe("newsrel_test_layout_probe")
    text = "Talks end\n\n" + "One two three. Four five.\n\n" * 30
    made = nlp.make_doc(text)
    whole = find_layout(text, published="2017-09-29")
    made._.layout = whole
    (doc,) = pipe_docs(nlp, [made], size=100)
    assert len(seen) > 3 and {lay.published for _, lay in seen} == {"2017-09-29"}
    assert [lay.headline_end for _, lay in seen] == [9] + [0] * (len(seen) - 1)
    for chunk_text, lay in seen:  # each chunk's starts are its own paragraph starts
        assert list(lay.sentence_starts) == layout_starts(chunk_text, 0) or lay.headline_end
    assert doc._.layout == whole and doc.text == text


def test_join_docs_shifts_document_facts() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    a, b = nlp("Ann met Bob. "), nlp("Cy left.")
    a._.relations = [RelationFact("X", (0, 3), (8, 11), "r", sentence=0)]
    b._.relations = [RelationFact("Y", (0, 2), (3, 7), "r", sentence=0)]
    doc = join_docs([a, b])
    assert doc.text == "Ann met Bob. Cy left."
    assert doc._.relations[1] == RelationFact("Y", (13, 15), (16, 20), "r", sentence=1)


def test_long_document_through_the_full_pipeline_keeps_offsets_and_sources(nlp) -> None:
    text = "\n\n".join([SEED.read_text(encoding="utf-8").strip()] * 3)
    whole = next(pipe_docs(nlp, [text]))
    doc = next(pipe_docs(nlp, [text], size=2000))
    assert doc.text == text
    assert len(split_points(text, 2000)) > 3
    assert all(doc.text[e.start_char : e.end_char] == e.text for e in doc.ents)
    assert {e.id_ for e in doc.ents} == {e.id_ for e in whole.ents}  # rule sources survive the join
    assert len(list(doc.sents)) >= len(list(whole.sents)) - 3


@pytest.mark.slow
def test_three_megabyte_document_is_one_record_with_valid_offsets() -> None:
    nlp = spacy.blank("en")  # the chunking path, fast: tokenizer + sentencizer + an entity ruler
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [{"label": "PERSON", "pattern": "Askar Mamin"}, {"label": "GPE", "pattern": "Belarus"}]
    )
    para = (
        "Askar Mamin met officials of Belarus in Astana. Trade grew by 75.6 percent this year.\n\n"
    )
    text = para * (3_000_000 // len(para))
    assert len(text) > 2_900_000 > CHUNK_CHARS
    (record,) = list(extract_documents([Document(id="big", text=text)], nlp=nlp))
    assert isinstance(record, Record), record
    assert record.text == text.strip()
    n = text.count(para)
    assert len(record.entities) == 2 * n
    assert all(record.text[e.start : e.end] == e.text for e in record.entities)
    assert record.entities[-1].sentence == 2 * n - 2


def test_references_survive_chunking_pointing_at_their_own_text(nlp) -> None:
    text = "\n\n".join(
        ["Acme Corp said on Monday it would open a factory. The company hired 200 workers."] * 1
        + ["Northfield Bank raised its rates. The bank said demand was strong."] * 30
    )
    doc = next(pipe_docs(nlp, [text], size=600))
    assert doc._.references
    ents = {(e.start_char, e.end_char) for e in doc.ents}
    for ref in doc._.references:
        assert doc.text[ref.span[0] : ref.span[1]] in {"it", "its", "The company", "The bank"}
        assert all(e in ents for e in ref.entities)  # anchors are entity mentions of the joined Doc
