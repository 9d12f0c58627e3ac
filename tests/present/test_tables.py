from __future__ import annotations

import json
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")

from pipeline import read_records, to_frames  # noqa: E402
from pipeline.io import RecordError  # noqa: E402
from pipeline.present.columns import COLUMNS  # noqa: E402
from pipeline.present.tables import norm_columns  # noqa: E402

from ..records import make_record, plain_record  # noqa: E402


@pytest.fixture(scope="module")
def frames():
    return to_frames([make_record(), plain_record("empty-facts.txt", "Nothing here.")])


@pytest.mark.parametrize("name", list(COLUMNS))
def test_frame_columns_and_dtypes_match_the_declared_table(frames, name: str) -> None:
    df = getattr(frames, name)
    assert list(df.columns) == list(COLUMNS[name])
    assert {c: str(t) for c, t in df.dtypes.items()} == {
        c: str(pd.Series([], dtype=t).dtype) for c, t in COLUMNS[name].items()
    }


@pytest.mark.parametrize("name", list(COLUMNS))
def test_empty_corpus_gives_empty_frames_with_the_same_columns_and_dtypes(frames, name) -> None:
    empty = getattr(to_frames([]), name)
    assert len(empty) == 0
    assert empty.dtypes.to_dict() == getattr(frames, name).dtypes.to_dict()


def test_row_counts_per_table(frames) -> None:
    counts = {name: len(df) for name, df in frames}
    assert counts == {
        "documents": 2,
        "entities": 12,
        "clusters": 11,
        "references": 1,
        "relations": 1,
        "events": 3,
        "arguments": 12,
        # no corpus view given (tests/present/test_corpus.py fills these)
        "corpus_entities": 0,
        "corpus_members": 0,
        "corpus_events": 0,
        "corpus_sources": 0,
    }


def test_money_percent_and_date_are_typed_columns(frames) -> None:
    ents = frames.entities.set_index("text")
    assert ents.loc["$1 billion", "amount"] == 1e9
    assert ents.loc["$1 billion", "currency"] == "USD"
    assert ents.loc["75.6 percent", "percent"] == 75.6
    assert ents.loc["Sept. 22", "date"] == pd.Timestamp("2017-09-22")
    assert pd.isna(ents.loc["November 2017", "date"])  # a month is not a complete date
    assert ents.loc["November 2017", "date_value"] == "2017-11"
    assert pd.api.types.is_datetime64_any_dtype(frames.documents["published"])
    assert frames.documents.set_index("doc_id").loc["2017/kz-by.txt", "published"] == pd.Timestamp(
        "2017-09-29"
    )


def test_event_arguments_join_to_entities_and_clusters(frames) -> None:
    args = frames.events.merge(frames.arguments, on=["doc_id", "event_id"])
    meeting = args[args["type"] == "MEETING"]
    parts = meeting[meeting["role"] == "participant"].merge(
        frames.clusters, on=["doc_id", "cluster_id"], suffixes=("", "_cluster")
    )
    assert sorted(parts["name_cluster"]) == ["Askar Mamin", "Vasily Matyushevsky"]
    with_entities = frames.arguments.dropna(subset=["entity_id"]).merge(
        frames.entities, on=["doc_id", "entity_id"], suffixes=("", "_ent"), validate="many_to_one"
    )
    assert (with_entities["text"] == with_entities["text_ent"]).all()


def test_span_arguments_have_no_entity_but_keep_offsets(frames) -> None:
    span_args = frames.arguments[frames.arguments["entity_id"].isna()]
    assert sorted(span_args["role"]) == ["agreement", "metric"]
    assert span_args["start"].notna().all()


def test_event_dates_are_datetime_only_when_complete(frames) -> None:
    ev = frames.events.set_index("event_id")
    assert ev.loc["V1", "date"] == pd.Timestamp("2017-09-22")
    assert pd.isna(ev.loc["V3", "date"]) and ev.loc["V3", "date_start"] == pd.Timestamp(
        "2017-11-01"
    )
    assert ev.loc["V1", "participants"] == "Askar Mamin; Vasily Matyushevsky"


def test_relations_carry_both_ends(frames) -> None:
    (rel,) = frames.relations.itertuples()
    assert (rel.head_text, rel.tail_text, rel.head_cluster) == (
        "Askar Mamin",
        "First Deputy Prime Minister",
        "E2",
    )


def test_to_frames_reads_a_records_file(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps(make_record().dump()) + "\n", encoding="utf-8")
    assert len(to_frames(path).events) == 3
    assert [r.id for r in read_records(path)] == ["2017/kz-by.txt"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", r"out.jsonl:2: not valid JSON"),
        ('{"schema": "newsrel/0", "id": "a", "text": ""}', r"out.jsonl:2: schema 'newsrel/0'"),
        ('{"schema": "newsrel/1", "id": "a"}', r"out.jsonl:2: text: Field required"),
    ],
)
def test_read_records_names_file_and_line_of_a_bad_record(
    tmp_path: Path, line: str, message: str
) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps(make_record().dump()) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(RecordError, match=message):
        to_frames(path)


@pytest.mark.parametrize(
    ("label", "norm", "expected"),
    [
        (
            "MONEY",
            {"amount": 313_700_000, "currency": "USD"},
            {"amount": 313.7e6, "currency": "USD"},
        ),
        ("PERCENT", {"value": 75.6}, {"percent": 75.6}),
        (
            "DATE",
            {"value": "2017", "start": "2017-01-01", "end": "2017-12-31"},
            {
                "date_value": "2017",
                "date": None,
                "date_start": pd.Timestamp("2017-01-01").date(),
                "date_end": pd.Timestamp("2017-12-31").date(),
            },
        ),
        (
            "DATE",
            {"value": "P7M"},
            {"date_value": "P7M", "date": None, "date_start": None, "date_end": None},
        ),
        ("GPE", None, {}),
    ],
)
def test_norm_columns(label: str, norm, expected) -> None:
    assert norm_columns(label, norm) == expected
