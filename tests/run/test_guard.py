"""The output of a run: refused when it is an input or cannot be written, locked while written."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.run.guard import OutputError, OutputLock, check_output, lock_path

from .corpus import make_corpus

runner = CliRunner()


def _leftovers(folder: Path) -> list[str]:
    return sorted(
        p.name for p in folder.rglob("*") if p.suffix in (".part", ".tmp", ".lock", ".parts")
    )


def test_a_second_run_on_the_same_output_stops_at_once(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path / "in", 2)
    out = tmp_path / "out.jsonl"
    parts = tmp_path / "out.jsonl.parts"
    parts.mkdir()
    (parts / "000000001.r000.part").write_text("a part of the first run\n")
    with OutputLock(out):  # the first run, still writing
        result = runner.invoke(app, ["extract", str(folder), "-o", str(out), "--no-progress"])
        assert result.exit_code == 2, result.output
        assert "is being written by another newsrel run" in result.stderr
        assert f"process {os.getpid()}" in result.stderr
        assert (parts / "000000001.r000.part").read_text() == "a part of the first run\n"
        assert not out.exists()
    assert not lock_path(out).exists()  # released and removed by the first run


def test_a_lock_left_by_a_killed_run_is_taken_over(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    lock_path(out).write_text("99999999\n")  # the file stays after kill -9; the lock does not
    with OutputLock(out) as lock:
        assert lock_path(out).read_text() == f"{os.getpid()}\n"
        with pytest.raises(OutputError, match="another newsrel run"):
            OutputLock(out).acquire()
        assert lock.fd is not None
    assert not lock_path(out).exists()


@pytest.mark.parametrize(
    ("make", "out_name"),
    [
        pytest.param(lambda d: d / "news.jsonl", "news.jsonl", id="jsonl-input"),
        pytest.param(lambda d: d / "story.txt", "story.txt", id="text-input"),
        pytest.param(lambda d: d / "out.errors.jsonl", "out.jsonl", id="errors-file-is-input"),
        pytest.param(lambda d: d / "in", "in/records.txt", id="would-be-read-next-time"),
        pytest.param(lambda d: d / "in", "in/a.txt.meta.json", id="sidecar-in-input-folder"),
        pytest.param(lambda d: d / "story.txt", "story.txt.meta.json", id="sidecar-of-input"),
    ],
)
def test_output_that_is_an_input_is_refused_before_anything_is_read(
    tmp_path: Path, make, out_name: str
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Astana hosted the talks.\n")
    (tmp_path / "in" / "a.txt.meta.json").write_text('{"outlet": "The Ledger"}\n')
    (tmp_path / "story.txt.meta.json").write_text('{"outlet": "The Ledger"}\n')
    (tmp_path / "news.jsonl").write_text('{"id": "n1", "text": "Minsk replied."}\n')
    (tmp_path / "story.txt").write_text("Tashkent agreed.\n")
    (tmp_path / "out.errors.jsonl").write_text('{"id": "e1", "text": "Baku waited."}\n')
    given = make(tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    out = tmp_path / out_name
    result = runner.invoke(app, ["extract", str(given), "-o", str(out), "--no-progress"])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("newsrel extract: -o ") and result.stderr.count("\n") == 1
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("out", "says"),
    [
        pytest.param("folder", "is a folder; -o takes a file name", id="a-folder"),
        pytest.param("file/out.jsonl", "is a file, not a folder", id="under-a-file"),
        pytest.param(
            "/proc/newsrel/out.jsonl",
            "cannot",
            id="unwritable",
            marks=pytest.mark.skipif(
                not Path("/proc/self").exists(),
                reason="needs /proc: a place nobody, not even root, can create files in",
            ),
        ),
    ],
)
def test_output_that_cannot_be_written_fails_before_the_run(
    tmp_path: Path, out: str, says: str
) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("x")
    folder = make_corpus(tmp_path / "in", 1)
    target = out if out.startswith("/") else str(tmp_path / out)
    result = runner.invoke(app, ["extract", str(folder), "-o", target, "--no-progress"])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("newsrel extract: ") and says in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
    assert _leftovers(tmp_path) == []


def test_check_output_accepts_a_new_file_beside_the_inputs(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path / "in", 1)
    check_output(tmp_path / "in" / "out.jsonl", [folder])  # .jsonl is never read from a folder
    check_output(tmp_path / "new" / "deeper" / "out.jsonl", [folder])
    assert (tmp_path / "new" / "deeper").is_dir()


def test_finished_run_leaves_no_lock_part_or_temporary_file(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path / "in", 1)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(folder), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["doc000.txt"]
    assert _leftovers(tmp_path) == []
