"""Batch extraction: sorted, complete, resumable output that the batching does not change."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from pipeline.ingest.files import InputError, Source
from pipeline.run.batch import extract_batch, plan_batches
from pipeline.run.jobs import Settings

from ..conftest import ROOT
from .corpus import make_corpus, output_files, small_run


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[bytes, bytes]]:
    """A small corpus with one bad file, and its output from one process."""
    return small_run(tmp_path_factory)


def test_one_process_output_is_sorted_and_complete(small) -> None:
    records, errors = small[1]
    ids = [json.loads(line)["id"] for line in records.decode().splitlines()]
    assert ids == [f"doc{i:03d}.txt" for i in range(6)]
    assert [json.loads(line)["id"] for line in errors.decode().splitlines()] == ["empty.txt"]


def test_pipe_groups_do_not_change_the_output(small, tmp_path: Path, monkeypatch) -> None:
    folder, expected = small
    monkeypatch.setattr("pipeline.extract.PIPE_CHARS", 1)  # every document in a group of its own
    out = tmp_path / "groups.jsonl"
    extract_batch([folder], out, settings=Settings(batch_size=5))
    assert output_files(out) == expected


@pytest.mark.parametrize(
    "lengths, chars, groups",
    [
        ([10, 10, 10], 25, [[10, 10], [10]]),
        ([10, 10, 10], 30, [[10, 10, 10]]),
        ([50, 10, 10], 25, [[50], [10, 10]]),  # a long document goes alone
        ([10, 50, 10], 25, [[10], [50], [10]]),
        ([], 25, []),
    ],
)
def test_pipe_groups_cut_by_characters(lengths, chars, groups) -> None:
    from pipeline.extract import pipe_groups

    items = [SimpleNamespace(cleaned=SimpleNamespace(text="x" * n)) for n in lengths]
    got = pipe_groups(items, chars)  # type: ignore[arg-type]
    assert [[len(i.cleaned.text) for i in g] for g in got] == groups


def test_batch_size_does_not_change_the_output(small, tmp_path: Path) -> None:
    folder, expected = small
    out = tmp_path / "b5.jsonl"
    extract_batch([folder], out, settings=Settings(batch_size=5))
    assert output_files(out) == expected


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "pipeline.cli", "extract", *args, "--no-progress"]


@pytest.mark.slow
@pytest.mark.parametrize(("sig", "code"), [(signal.SIGKILL, -signal.SIGKILL), (signal.SIGINT, 130)])
def test_killed_run_then_resume_equals_uninterrupted_run(
    tmp_path: Path, sig: int, code: int
) -> None:
    folder = make_corpus(tmp_path / "in", 40)
    (folder / "binary.txt").write_bytes(b"\x00\x01PK\x03\x04")
    reference = tmp_path / "ref.jsonl"
    extract_batch([folder], reference, settings=Settings(batch_size=1))

    out = tmp_path / "out.jsonl"
    parts = tmp_path / "out.jsonl.parts"
    proc = subprocess.Popen(_cli(str(folder), "-o", str(out), "--batch-size", "1"), cwd=ROOT)
    deadline = time.monotonic() + 60
    while (
        len(list(parts.glob("*.part"))) < 3 and proc.poll() is None and time.monotonic() < deadline
    ):
        time.sleep(0.01)
    proc.send_signal(sig)
    assert proc.wait(timeout=60) == code
    committed = len(list(parts.glob("*.part")))
    assert 3 <= committed < 41, "the run must be stopped in the middle"
    assert not out.exists()
    assert not list(parts.glob("*.tmp")) or sig == signal.SIGKILL  # Ctrl-C stops between commits

    done = subprocess.run(
        _cli(str(folder), "-o", str(out), "--batch-size", "1", "--resume"),
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stderr  # 1: the binary file is an error line
    assert "already done" in done.stderr and "words/s" in done.stderr
    assert output_files(out) == output_files(reference)
    assert not parts.exists()


def test_resume_after_a_finished_run_adds_only_new_documents(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path / "in", 4)
    out = tmp_path / "out.jsonl"
    extract_batch([folder], out, settings=Settings(batch_size=2))
    make_corpus(tmp_path / "in", 6)  # two more files
    summary = extract_batch([folder], out, resume=True, settings=Settings(batch_size=2))
    assert (summary.documents, summary.skipped) == (2, 4)
    fresh = tmp_path / "fresh.jsonl"
    extract_batch([folder], fresh, settings=Settings(batch_size=3))
    assert output_files(out) == output_files(fresh)


def _src(doc_id: str) -> Source:
    return Source(doc_id, f"/x/{doc_id}")


@pytest.mark.parametrize(
    ("ids", "size", "done", "expected"),
    [
        ("abcde", 2, "", [(0, "ab"), (1, "cd"), (2, "e")]),
        ("abcde", 2, "cd", [(0, "ab"), (2, "e")]),  # same cuts when resuming
        ("abbbc", 2, "", [(0, "abbb"), (1, "c")]),  # one id never spans two batches
        ("abcde", 9, "b", [(0, "acde")]),
    ],
)
def test_plan_batches(ids: str, size: int, done: str, expected: list[tuple[int, str]]) -> None:
    items = [_src(i) if i != "b" else InputError("b", "duplicate-id", "dup") for i in ids]
    got = [(b.seq, "".join(i.id for i in b.items)) for b in plan_batches(items, size, set(done))]
    assert got == expected


def test_every_bad_input_is_one_error_line_and_good_files_are_records(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path / "in", 2)
    bad = {
        "binary.txt": ("binary", lambda p: p.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00")),
        "cp1252-undefined.txt": ("undecodable", lambda p: p.write_bytes(b"Caf\xe9 \x81 ok")),
        "utf16-odd.txt": ("undecodable", lambda p: p.write_bytes(b"\xff\xfeA\x00B")),
        "empty.txt": ("empty", lambda p: p.write_bytes(b"")),
        "spaces.txt": ("empty", lambda p: p.write_bytes(b" \n\t\n")),
        "markup.html": (
            "empty",
            lambda p: p.write_bytes(b"<html><body><p> </p><script>x</script></body></html>"),
        ),
        "debris.txt": ("empty", lambda p: p.write_bytes(b"[] [] $\\ \\square$")),
        "broken-link.txt": ("unreadable", lambda p: p.symlink_to(tmp_path / "nowhere")),
        "self-link.txt": ("loop", lambda p: p.symlink_to(p)),
        "pipe.txt": ("unreadable", lambda p: os.mkfifo(p)),
    }
    for name, (_, make) in bad.items():
        make(folder / name)
    jsonl = tmp_path / "more.jsonl"
    jsonl.write_text(
        '{"id": "j1", "text": "Astana hosted the talks."}\n{broken\n{"id": "j2", "text": "  "}\n'
    )
    out = tmp_path / "out.jsonl"
    summary = extract_batch([folder, jsonl], out, settings=Settings(batch_size=4))
    records = [json.loads(x) for x in out.read_text().splitlines()]
    errors = [json.loads(x) for x in out.with_name("out.errors.jsonl").read_text().splitlines()]
    assert [r["id"] for r in records] == ["doc000.txt", "doc001.txt", "j1"]
    got = {e["id"]: e["kind"] for e in errors}
    assert got == {**{k: v[0] for k, v in bad.items()}, "more.jsonl:2": "bad-jsonl", "j2": "empty"}
    assert len(errors) == len(got)
    for e in errors:
        assert e["path"] and e["path"].split(":")[0] in e["message"]
    assert (summary.records, summary.errors) == (3, len(got))


def test_stdout_output_is_sorted_records_with_summary_on_stderr(small) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    folder, (expected, _) = small
    result = CliRunner().invoke(
        app, ["extract", str(folder), "-o", "-", "--no-progress", "--batch-size", "3"]
    )
    assert result.exit_code == 1
    assert result.stdout.encode() == expected
    assert '"kind":"empty"' in result.stderr and "words/s" in result.stderr
