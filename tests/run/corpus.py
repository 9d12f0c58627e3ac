"""A small news corpus cut from the seed article, and the output files of a run over it."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.run.batch import extract_batch
from pipeline.run.jobs import Settings

from ..conftest import SEED


def make_corpus(folder: Path, n: int, first: int = 0) -> Path:
    """Small news files ``first`` to ``n - 1``: the seed article cut into overlapping pieces,
    so they differ."""
    folder.mkdir(parents=True, exist_ok=True)
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    for i in range(first, n):
        k = i % len(paragraphs)
        text = "\n\n".join(paragraphs[k : k + 3] or paragraphs[:3])
        (folder / f"doc{i:03d}.txt").write_text(f"Story {i}\n\n{text}\n", encoding="utf-8")
    return folder


def output_files(out: Path) -> tuple[bytes, bytes]:
    errors = out.with_name(out.name.removesuffix(".jsonl") + ".errors.jsonl")
    return out.read_bytes(), errors.read_bytes()


def small_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[bytes, bytes]]:
    """A small corpus with one bad file, and its output from one process."""
    folder = make_corpus(tmp_path_factory.mktemp("small") / "in", 6)
    (folder / "empty.txt").write_bytes(b"")
    out = folder.parent / "one.jsonl"
    extract_batch([folder], out, settings=Settings(batch_size=2))
    return folder, output_files(out)
