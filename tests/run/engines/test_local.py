"""The local engine: a pool of worker processes gives the bytes one process gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.run.batch import extract_batch
from pipeline.run.jobs import Settings

from ..corpus import output_files, small_run


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[bytes, bytes]]:
    """A small corpus with one bad file, and its output from one process."""
    return small_run(tmp_path_factory)


def test_two_workers_give_byte_identical_output(small, tmp_path: Path) -> None:
    folder, expected = small
    out = tmp_path / "two.jsonl"
    summary = extract_batch([folder], out, workers=2, settings=Settings(batch_size=2))
    assert output_files(out) == expected
    assert (summary.documents, summary.records, summary.errors) == (7, 6, 1)
    assert not out.with_name("two.jsonl.parts").exists()
