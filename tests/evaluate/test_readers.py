from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluate.readers import GoldFormatError, detect_format, read_gold
from pipeline.evaluate.readers._base import join_tokens, normalise_whitespace
from pipeline.evaluate.readers.conll import TaggedSpan, iob_spans
from pipeline.ingest.clean import clean

FIX = Path(__file__).parent / "fixtures"


def ents(record) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in record.entities]


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["I-PER", "I-PER", "O"], [TaggedSpan(0, 2, "PER")]),  # IOB1 start
        (["B-PER", "I-PER", "O"], [TaggedSpan(0, 2, "PER")]),  # IOB2 start
        (["I-LOC", "B-LOC"], [TaggedSpan(0, 1, "LOC"), TaggedSpan(1, 2, "LOC")]),  # IOB1 split
        (["B-LOC", "B-LOC"], [TaggedSpan(0, 1, "LOC"), TaggedSpan(1, 2, "LOC")]),
        (["I-ORG", "I-PER"], [TaggedSpan(0, 1, "ORG"), TaggedSpan(1, 2, "PER")]),  # type change
        (["O", "I-MISC"], [TaggedSpan(1, 2, "MISC")]),  # span at the end
        (["O", "O"], []),
    ],
)
def test_iob_spans_read_iob1_and_iob2_alike(tags: list[str], spans: list[TaggedSpan]) -> None:
    assert iob_spans(tags) == spans


def test_join_tokens_gives_single_spaces_and_one_sentence_per_line() -> None:
    built = join_tokens([["Hello", "world", "."], ["Bye", " two  words "]])
    assert built.text == "Hello world .\nBye two words"
    assert built.char_span(1, 1, 2) == (18, 27)
    assert built.text[18:27] == "two words"


def test_normalise_whitespace_collapses_gaps_and_maps_offsets() -> None:
    raw = "\n  A  b\n\n\n\tc \n d  "
    text, cmap = normalise_whitespace(raw)
    assert text == "A b\n\nc\nd"
    assert [text[c] for c in cmap if c is not None] == list("Abcd")


def test_conll_iob1_with_docstart_after_each_document() -> None:
    docs = list(read_gold(FIX / "iob1_docstart_after.conll"))
    assert [d.id for d in docs] == ["iob1_docstart_after.conll#1", "iob1_docstart_after.conll#2"]
    assert docs[0].text == (
        "EU rejects German call .\nPeter Blackburn met John Smith in New York Paris ."
    )
    assert ents(docs[0]) == [
        ("EU", "ORG"),
        ("German", "MISC"),
        ("Peter Blackburn", "PER"),
        ("John Smith", "PER"),
        ("New York", "LOC"),
        ("Paris", "LOC"),
    ]
    assert ents(docs[1]) == [("BRUSSELS", "LOC")]


def test_conll_iob2_with_docstart_before_and_two_columns() -> None:
    (doc,) = read_gold(FIX / "iob2_docstart_before.conll", "conll")
    assert ents(doc) == [("Mary Lee", "PER"), ("Acme Corp", "ORG")]


@pytest.mark.parametrize(
    ("tokens", "entity", "expected"),
    [
        (["He", "works", "at", "Orbis", "Studies."], (3, 5), "Orbis Studies"),  # glued full stop
        # a full stop split from an abbreviation is glued back, as news writes it
        (["TROY", ",", "Mich", "."], (2, 4), "Mich."),
        (["TROY", ",", "Mich", "."], (2, 3), "Mich."),
        (["He", "said", "OK", "."], (2, 3), "OK"),  # no abbreviation
        (["He", "lives", "in", "Troy", ",", "Calif."], (5, 6), "Calif."),  # the abbreviation's
        (["He", "lives", "in", "N.Y."], (3, 4), "N.Y."),
        (["Orbis", "Studies.", "said", "so", "."], (0, 2), "Orbis Studies."),  # not at the end
    ],
)
def test_conll04_entities_end_before_the_sentence_s_full_stop(
    tmp_path: Path, tokens: list[str], entity: tuple[int, int], expected: str
) -> None:
    path = tmp_path / "c.json"
    ent = {"type": "Org", "start": entity[0], "end": entity[1]}
    path.write_text(json.dumps([{"tokens": tokens, "entities": [ent], "relations": []}]))
    (doc,) = read_gold(path, "conll04")
    assert [e.text for e in doc.entities] == [expected]


def test_conll04_text_glues_a_split_abbreviation_s_stop_back(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    tokens = ["Ann", "Lee", "was", "born", "in", "Kelso", ",", "Ill", "."]
    ents = [{"type": "Loc", "start": 5, "end": 6}, {"type": "Loc", "start": 7, "end": 9}]
    path.write_text(json.dumps([{"tokens": tokens, "entities": ents, "relations": []}]))
    (doc,) = read_gold(path, "conll04")
    assert doc.text == "Ann Lee was born in Kelso , Ill."
    assert [e.text for e in doc.entities] == ["Kelso", "Ill."]
    (verbatim,) = read_gold(path, "conll04-verbatim")
    assert verbatim.text == "Ann Lee was born in Kelso , Ill ."


def test_conll04_verbatim_keeps_the_spans_the_tokens_give(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    tokens = ["He", "works", "at", "Orbis", "Studies."]
    ent = {"type": "Org", "start": 3, "end": 5}
    path.write_text(json.dumps([{"tokens": tokens, "entities": [ent], "relations": []}]))
    (doc,) = read_gold(path, "conll04-verbatim")
    assert [e.text for e in doc.entities] == ["Orbis Studies."]


def test_conll04_gives_char_offsets_and_relations_by_entity_id() -> None:
    docs = list(read_gold(FIX / "conll04.json"))
    assert [d.id for d in docs] == ["conll04.json#17", "conll04.json#18"]
    doc = docs[0]
    assert doc.text == "Anna Bell works for Acme in Oslo ."
    assert ents(doc) == [("Anna Bell", "Peop"), ("Acme", "Org"), ("Oslo", "Loc")]
    by_id = {e.id: e.text for e in doc.entities}
    assert [(r.type, by_id[r.head], by_id[r.tail]) for r in doc.relations] == [
        ("Work_For", "Anna Bell", "Acme"),
        ("OrgBased_In", "Acme", "Oslo"),
    ]
    assert docs[1].entities == []


def test_timeml_rebuilds_clean_text_with_timex_values_and_dct() -> None:
    (doc,) = read_gold(FIX / "doc.tml")
    assert (
        doc.text == "Stocks fell on Wednesday.\n\nAfter a\nweek of losses, traders & banks waited."
    )
    assert doc.meta.published == "1998-01-08"
    assert [(e.text, e.label, e.norm) for e in doc.entities] == [
        ("Wednesday", "DATE", {"type": "DATE", "value": "1998-01-07"}),
        ("a\nweek", "DURATION", {"type": "DURATION", "value": "P1W"}),
    ]


def test_meantime_reads_named_mentions_typed_by_their_instance_and_timex() -> None:
    (doc,) = read_gold(FIX / "meantime.xml")
    assert doc.text == (
        "Acme buys Widget\nMay 3 , 2010\nAcme boss Jo Park said it happened yesterday .\nZenith grew ."
    )
    assert doc.meta.published == "2010-05-03"
    assert [(e.text, e.label) for e in doc.entities] == [
        ("Acme", "ORG"),
        ("Widget", "PRO"),
        ("May 3 , 2010", "DATE"),
        ("Acme", "ORG"),
        ("Jo Park", "PER"),
        ("yesterday", "DATE"),
    ]
    assert doc.entities[-1].norm == {"type": "DATE", "value": "2010-05-02"}


def test_meantime_reads_chains_as_clusters_of_names_and_references() -> None:
    (doc,) = read_gold(FIX / "meantime.xml")
    clusters = {c.name: c for c in doc.clusters}
    names = {e.id: e.text for e in doc.entities}
    assert [names[m] for m in clusters["Acme"].mentions] == ["Acme", "Acme"]
    (it,) = doc.references
    assert (it.text, it.kind, it.rule) == ("it", "pro", "gold")
    assert it.refers_to == [clusters["Jo Park"].id] and clusters["Jo Park"].references == [it.id]
    # the annotated region ends with the last sentence holding an annotation
    assert doc.text[: doc.meta.model_extra["annotated_end"]].endswith("yesterday .")


def test_records_skip_blank_lines() -> None:
    docs = list(read_gold(FIX / "gold.jsonl"))
    assert [d.id for d in docs] == ["a.txt", "b.txt"]
    assert docs[0].entities[1].norm == {"amount": 5000000, "currency": "USD"}


@pytest.mark.parametrize(
    "name", ["iob1_docstart_after.conll", "conll04.json", "doc.tml", "meantime.xml", "gold.jsonl"]
)
def test_rebuilt_texts_are_already_clean(name: str) -> None:
    for doc in read_gold(FIX / name):
        assert clean(doc.text).text == doc.text


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        (FIX / "gold.jsonl", "records"),
        (FIX / "conll04.json", "conll04"),
        (FIX / "doc.tml", "timeml"),
        (FIX / "meantime.xml", "meantime"),
        (FIX / "iob1_docstart_after.conll", "conll"),
        (FIX / "iob2_docstart_before.conll", "conll"),
    ],
)
def test_detect_format_from_name_and_content(path: Path, fmt: str) -> None:
    assert detect_format(path) == fmt


def test_detect_format_of_a_folder_by_its_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.tml").write_text((FIX / "doc.tml").read_text())
    assert detect_format(tmp_path) == "timeml"
    (doc,) = read_gold(tmp_path)
    assert doc.id == "sub/x.tml"


@pytest.mark.parametrize(
    ("path", "fmt", "message"),
    [
        (FIX / "broken_line.jsonl", None, r"broken_line\.jsonl:2: not valid JSON"),
        (FIX / "offsets_outside.jsonl", None, r"offsets_outside\.jsonl:2: .*outside the text"),
        (FIX / "bad_tag.conll", "conll", r"bad_tag\.conll:2: not an IOB tag: 'PER-I'"),
        (FIX / "bad_relation.json", None, r"bad_relation\.json: sentence 0: relation 0"),
        (FIX / "broken.tml", None, r"broken\.tml:1: not well-formed XML"),
        (FIX / "doc.tml", "brat", r"doc\.tml: unknown format 'brat'"),
        (FIX / "README.txt", None, r"README\.txt: no such file"),
    ],
)
def test_invalid_gold_fails_naming_file_and_line(path: Path, fmt: str | None, message: str) -> None:
    with pytest.raises(GoldFormatError, match=message):
        list(read_gold(path, fmt))


def test_records_gold_may_leave_out_the_schema_and_skips_error_lines(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        '{"id": "a.txt", "text": "Astana hosted the talks."}\n'
        '{"id": "b.txt", "path": "b.txt", "kind": "empty", "message": "b.txt: no text"}\n'
        '{"schema": "newsrel/1", "id": "c.txt", "text": "Minsk replied."}\n'
    )
    assert [r.id for r in read_gold(gold)] == ["a.txt", "c.txt"]


def test_records_gold_of_another_schema_fails_naming_file_and_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        '{"id": "a.txt", "text": "x"}\n{"schema": "newsrel/0", "id": "b", "text": ""}\n'
    )
    with pytest.raises(GoldFormatError, match=r"gold\.jsonl:2: schema 'newsrel/0'") as err:
        list(read_gold(gold))
    assert (err.value.path, err.value.line) == (str(gold), 2)


def test_unknown_format_of_an_unrecognised_file(tmp_path: Path) -> None:
    f = tmp_path / "notes.txt"
    f.write_text("just some prose\n")
    with pytest.raises(GoldFormatError, match=r"notes\.txt: cannot tell the gold format"):
        detect_format(f)
