from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

from .conftest import SEED

runner = CliRunner()


def _commands():
    import typer.main

    return typer.main.get_command(app).commands


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_has_help_text(name: str) -> None:
    cmd = _commands()[name]
    assert cmd.help and len(cmd.help.strip()) > 10
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output


def test_extract_writes_records_and_errors_and_exit_code(tmp_path: Path, nlp) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(src), "-o", str(out), "--no-progress"])
    assert result.exit_code == 1, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in records] == ["seed.txt"]
    errors = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    assert errors == [
        {
            "id": "empty.txt",
            "path": str(src / "empty.txt"),
            "kind": "empty",
            "message": f"{src / 'empty.txt'}: empty file",
        }
    ]
    assert not (tmp_path / "out.jsonl.part").exists()


def test_extract_rejects_bad_published_date_with_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["extract", str(SEED), "-o", str(tmp_path / "o.jsonl"), "--published", "29/09/2017"]
    )
    assert result.exit_code == 2
