"""link_records: files in, the corpus view out; partitions, engines, errors, the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.io import RecordError
from pipeline.link import LinkError, link, link_records
from pipeline.link.partitions import plan_partitions, read_partition
from pipeline.schema import Record

from .builders import Cl, Ev, lines, record, write

runner = CliRunner()


def _corpus(n: int = 9) -> list[Record]:
    """Reports of a few meetings and companies, written by hand, some naming one thing twice."""
    docs = []
    for i in range(n):
        day = f"2021-06-{1 + i // 3:02d}"
        org = ["Corvid Mining Inc.", "Corvid Mining", "CMG"][i % 3]
        text = f"Ines Duarte met Tomas Berg. {org} grew. Berg said output would rise in {i}."
        docs.append(
            record(
                f"doc{i:02d}",
                text,
                [
                    Cl("PERSON", "Ines Duarte"),
                    Cl("PERSON", "Tomas Berg", mentions=["Tomas Berg", "Berg"]),
                    Cl("ORG", org),
                ],
                [
                    Ev(
                        "MEETING",
                        "met",
                        [("participant", "Ines Duarte"), ("participant", "Tomas Berg")],
                        date=day,
                    ),
                    Ev(
                        "STATEMENT",
                        "said",
                        [("speaker", "Berg"), ("content", "=output would rise")],
                        date=day,
                    ),
                ],
                published=day,
                outlet=["Daily Ledger", "Evening Post"][i % 2],
            )
        )
    return docs


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(tmp_path_factory.mktemp("in") / "records.jsonl", _corpus())


@pytest.fixture(scope="module")
def expected(corpus_file: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("one")
    link_records([corpus_file], out)
    return {n: (out / n).read_bytes() for n in ("entities.jsonl", "events.jsonl")}


def _files(out: Path) -> dict[str, bytes]:
    return {n: (out / n).read_bytes() for n in ("entities.jsonl", "events.jsonl")}


def test_records_in_memory_and_in_a_file_give_the_same_view(tmp_path, expected) -> None:
    link(_corpus(), tmp_path)
    assert _files(tmp_path) == expected


@pytest.mark.parametrize("size", [1, 300, 1000, 10**9])
def test_any_partition_size_gives_the_same_view(tmp_path, corpus_file, expected, size) -> None:
    link_records([corpus_file], tmp_path, partition_bytes=size)
    assert _files(tmp_path) == expected


def test_partitions_hold_every_line_once_whatever_the_cut(corpus_file: Path) -> None:
    ids = [r.id for r in _corpus()]
    for size in (1, 7, 250, 4096):
        parts = plan_partitions([corpus_file], size)
        assert [r.id for p in parts for r in read_partition(p)] == ids


def test_the_view_counts_and_leaves_no_work_files(tmp_path, corpus_file) -> None:
    summary = link_records([corpus_file], tmp_path)
    assert (summary.documents, summary.clusters, summary.record_events) == (9, 27, 18)
    assert summary.entities == len(lines(tmp_path / "entities.jsonl"))
    assert summary.events == len(lines(tmp_path / "events.jsonl"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["entities.jsonl", "events.jsonl"]


def test_one_company_three_ways_and_one_meeting_per_day(tmp_path, corpus_file) -> None:
    link_records([corpus_file], tmp_path)
    orgs = [e for e in lines(tmp_path / "entities.jsonl") if e["label"] == "ORG"]
    assert len(orgs) == 2  # "CMG" is no acronym of Corvid Mining: it stays apart
    corvid = next(e for e in orgs if e["name"] == "Corvid Mining Inc.")  # the longer of a tie
    assert corvid["n_documents"] == 6 and corvid["aliases"] == ["Corvid Mining"]
    meetings = [e for e in lines(tmp_path / "events.jsonl") if e["type"] == "MEETING"]
    assert [len(e["sources"]) for e in meetings] == [9]  # days 1-3, each a day from the next


def test_a_document_given_twice_is_an_error(tmp_path, corpus_file) -> None:
    with pytest.raises(LinkError, match="twice"):
        link_records([corpus_file, corpus_file], tmp_path)


def test_a_bad_line_is_an_error_naming_file_and_line(tmp_path, corpus_file) -> None:
    bad = tmp_path / "bad.jsonl"
    text = corpus_file.read_text(encoding="utf-8").splitlines(True)
    bad.write_text("".join(text[:3]) + '{"schema": "newsrel/1", "id": 5}\n', encoding="utf-8")
    with pytest.raises(RecordError, match=rf"{bad}:4: "):
        link_records([bad], tmp_path / "out", partition_bytes=100)


def test_an_unknown_engine_is_refused(tmp_path, corpus_file) -> None:
    with pytest.raises(LinkError, match="engine"):
        link_records([corpus_file], tmp_path, engine="spark")


@pytest.mark.slow
def test_dask_local_cluster_gives_byte_identical_output(tmp_path, corpus_file, expected) -> None:
    pytest.importorskip("distributed")
    link_records([corpus_file], tmp_path, engine="dask", workers=2, partition_bytes=700)
    assert _files(tmp_path) == expected


def test_link_command_writes_the_view_and_reports(tmp_path, corpus_file, expected) -> None:
    result = runner.invoke(app, ["link", str(corpus_file), "-o", str(tmp_path), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "9 documents: 27 clusters" in result.output
    assert _files(tmp_path) == expected


def test_link_command_exit_codes(tmp_path) -> None:
    missing = runner.invoke(app, ["link", str(tmp_path / "none.jsonl"), "-o", str(tmp_path)])
    assert missing.exit_code == 2 and "no such records file" in missing.output  # input error
    assert missing.stderr.startswith("newsrel link: ") and missing.stderr.count("\n") == 1
    usage = runner.invoke(app, ["link", "x.jsonl", "-o", str(tmp_path), "--engine", "spark"])
    assert usage.exit_code == 2


def test_lines_validate_against_the_published_schema(tmp_path, corpus_file) -> None:
    from pipeline.link.schema import CorpusEntity, CorpusEvent

    link_records([corpus_file], tmp_path)
    for line in lines(tmp_path / "entities.jsonl"):
        assert CorpusEntity.model_validate(line).dump() == line
    for line in lines(tmp_path / "events.jsonl"):
        assert CorpusEvent.model_validate(line).dump() == line


def test_published_corpus_schema_is_current() -> None:
    from importlib.resources import files

    from pipeline.link.schema import corpus_json_schema_text

    published = files("pipeline.link").joinpath("corpus.schema.json").read_text(encoding="utf-8")
    assert published == corpus_json_schema_text()
    assert json.loads(published)["oneOf"]


def test_schema_command_prints_the_corpus_schema() -> None:
    result = runner.invoke(app, ["schema", "--corpus"])
    assert result.exit_code == 0
    assert json.loads(result.output)["$defs"]["CorpusEvent"]["title"] == "CorpusEvent"
