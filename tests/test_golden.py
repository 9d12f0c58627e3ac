"""Golden files: the whole-pipeline output for the seed and the sample corpus.

A change in any component shows up here as a reviewable diff. After checking the diff,
accept it with ``python -m pytest tests/test_golden.py --update-golden``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.extract import extract_files
from pipeline.io import dumps

from .conftest import ROOT, SEED

GOLDEN = Path(__file__).parent / "golden"


def _pretty(line: str) -> str:
    record = json.loads(line)
    path = record.get("meta", {}).get("path")
    if path and Path(path).is_absolute():  # golden files must not depend on the checkout folder
        record["meta"]["path"] = Path(path).relative_to(ROOT).as_posix()
    return json.dumps(record, indent=1, ensure_ascii=False, sort_keys=False) + "\n"


@pytest.mark.parametrize(
    ("name", "inputs"),
    [("seed.json", [SEED]), ("corpus.json", [ROOT / "corpus"])],
)
def test_whole_pipeline_output_matches_golden_file(
    nlp, update_golden: bool, name: str, inputs
) -> None:
    got = "".join(_pretty(dumps(r)) for r in extract_files(inputs, nlp=nlp))
    path = GOLDEN / name
    if update_golden:
        path.write_text(got, encoding="utf-8")
    assert path.exists(), f"no golden file {path}; run pytest with --update-golden"
    assert got == path.read_text(encoding="utf-8"), (
        f"output differs from {path.name}; review `git diff` after --update-golden"
    )
