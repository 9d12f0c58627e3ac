"""The extraction loop: metadata it cannot use is reported, runaway documents are stopped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from pipeline.extract import extract_documents
from pipeline.ingest.files import Document
from pipeline.run.batch import extract_batch
from pipeline.schema import ErrorRecord, Record

TEXT = "ASTANA -- The trade minister met his counterpart yesterday. Talks resume next week."


@pytest.mark.parametrize("published", ["2017-13-45", "yesterday", 12345, ["2017-09-29"]])
def test_a_published_that_is_no_date_is_an_error_line_and_the_record_keeps_it(
    nlp, published
) -> None:
    doc = Document("a.txt", TEXT, {"published": published, "path": "in.jsonl:1"})
    note, record = list(extract_documents([doc], nlp=nlp))
    assert isinstance(note, ErrorRecord) and isinstance(record, Record)
    assert (note.id, note.kind, note.path) == ("a.txt", "bad-meta", "in.jsonl:1")
    assert f"meta.published {published!r} is not a date" in note.message
    assert record.meta.published is None and record.meta.published_source is None
    assert record.meta.model_dump()["published_given"] == published
    dates = [e for e in record.entities if e.label == "DATE"]
    assert dates and all(not (e.norm or {}).get("value") for e in dates)  # no anchor, no value


def test_a_good_published_gives_no_error_line_and_anchors_relative_dates(nlp) -> None:
    doc = Document("a.txt", TEXT, {"published": "2017-09-29"})
    (record,) = list(extract_documents([doc], nlp=nlp))
    assert isinstance(record, Record) and record.meta.published == "2017-09-29"
    assert any((e.norm or {}).get("value") == "2017-09-28" for e in record.entities)


def test_bad_published_in_a_run_counts_as_an_error_and_keeps_the_record(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": TEXT, "meta": {"published": "yesterday"}})
        + "\n"
        + json.dumps({"id": "b", "text": TEXT, "meta": {"published": "2017-09-29"}})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    summary = extract_batch([src], out)
    assert (summary.records, summary.errors) == (2, 1)
    (error,) = [json.loads(x) for x in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    assert (
        error["kind"] == "bad-meta" and f"{src}:1: meta.published 'yesterday'" in error["message"]
    )


def test_a_sidecar_with_a_title_of_the_wrong_type_is_a_bad_meta_error(nlp, tmp_path: Path) -> None:
    story = tmp_path / "a.txt"
    story.write_text(TEXT)
    (tmp_path / "a.txt.meta.json").write_text('{"title": {"en": "Talks"}}')
    (error,) = list(extract_documents([Document("a.txt", TEXT, {"path": str(story)})], nlp=nlp))
    assert isinstance(error, ErrorRecord) and error.kind == "bad-meta"
    assert (
        error.message
        == f"{story}.meta.json: meta.title must be text (a JSON string), not an object"
    )


@Language.component("newsrel_test_runaway")
def _runaway(doc):
    """Spins for ever on a document that asks for it (a stand-in for a quadratic rescan)."""
    while "RUNAWAY" in doc.text:
        sum(range(1000))
    return doc


@pytest.fixture(scope="module")
def slow_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newsrel_test_runaway")
    return nlp


def test_a_runaway_document_times_out_and_the_others_of_its_batch_are_records(slow_nlp) -> None:
    docs = [
        Document(i, f"Story {i}. " + ("A RUNAWAY text." if i == "b" else "Fine.")) for i in "abcd"
    ]
    results = list(extract_documents(docs, nlp=slow_nlp, batch_size=4, time_limit=0.3))
    assert [(r.id, type(r).__name__) for r in results] == [
        ("a", "Record"),
        ("b", "ErrorRecord"),
        ("c", "Record"),
        ("d", "Record"),
    ]
    timeout = results[1]
    assert isinstance(timeout, ErrorRecord) and timeout.kind == "timeout"
    assert (
        "stopped after 0.3 s of CPU time" in timeout.message and "--doc-timeout" in timeout.message
    )


def test_without_a_limit_nothing_times_out(slow_nlp) -> None:
    docs = [Document("a", "Fine."), Document("b", "Also fine.")]
    assert all(isinstance(r, Record) for r in extract_documents(docs, nlp=slow_nlp))


def test_a_run_commits_the_batch_of_a_runaway_document(
    slow_nlp, tmp_path: Path, monkeypatch
) -> None:
    from pipeline.run.jobs import Settings

    monkeypatch.setattr("pipeline.run.jobs.load_nlp", lambda model=None: slow_nlp)
    monkeypatch.setattr("pipeline.run.batch.load_nlp", lambda model=None: slow_nlp)
    src = tmp_path / "in"
    src.mkdir()
    for name, text in (("a.txt", "Fine."), ("b.txt", "A RUNAWAY text."), ("c.txt", "Fine too.")):
        (src / name).write_text(text)
    out = tmp_path / "out.jsonl"
    summary = extract_batch([src], out, settings=Settings(batch_size=64, doc_timeout=0.3))
    assert (summary.records, summary.errors) == (2, 1)
    (error,) = [json.loads(x) for x in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    assert (error["id"], error["kind"]) == ("b.txt", "timeout")
