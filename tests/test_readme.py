"""The README's examples are run: its commands, its Python snippet and its example record."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, re.S)


def test_readme_install_and_run_command_extracts_the_sample(tmp_path: Path, monkeypatch) -> None:
    first = _blocks("sh")[0].strip()
    install, run = (part.strip() for part in first.split("&&"))
    assert install.startswith("pip install -e .")
    argv = shlex.split(run)
    assert argv[:2] == ["newsrel", "extract"]
    monkeypatch.chdir(ROOT)
    out = tmp_path / "out.jsonl"
    argv = [a if a != "out.jsonl" else str(out) for a in argv[1:]] + ["--no-progress"]
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(ids) == len(list((ROOT / "corpus").glob("*.txt"))) and ids == sorted(ids)


def test_readme_test_command_is_what_ci_runs() -> None:
    second = _blocks("sh")[1].strip()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    install, test = (part.strip() for part in second.split("&&"))
    assert install.removeprefix("pip install ") in ci and test.removeprefix("python ") in ci


def test_readme_python_snippet_runs(nlp) -> None:
    (snippet,) = [b for b in _blocks("python") if "extract_text" in b]
    scope: dict = {}
    exec(compile(snippet, "README.md", "exec"), scope)
    record = scope["record"]
    assert any(e.label == "PERSON" and e.text == "Askar Mamin" for e in record.entities)


def _same(excerpt: dict, real: dict) -> None:
    """Every key the README shows has the value the pipeline gives (lists: a subset)."""
    for key, value in excerpt.items():
        if isinstance(value, str) and value.endswith("..."):
            assert str(real[key]).startswith(value.removesuffix("...")), key
        elif isinstance(value, list) and key in ("arguments",):
            assert all(v in real[key] for v in value), (key, value)
        else:
            assert real[key] == value, (key, value, real[key])


def test_readme_example_record_is_what_the_seed_gives(seed_record) -> None:
    (block,) = _blocks("json")
    excerpt = json.loads(block)
    real = json.loads(json.dumps(seed_record.dump()))
    for arg in (a for ev in real["events"] for a in ev["arguments"]):  # the README omits nulls
        for k in [k for k, v in arg.items() if v is None or v == []]:
            del arg[k]
    assert excerpt["schema"] == real["schema"] and excerpt["id"] == real["id"]
    _same({k: v for k, v in excerpt["meta"].items()}, real["meta"])
    assert real["text"].startswith(excerpt["text"].removesuffix("..."))
    assert all(e in real["edits"] for e in excerpt["edits"])
    for part in ("entities", "clusters", "references", "relations", "events"):
        by_id = {x["id"]: x for x in real[part]}
        for shown in excerpt[part]:
            assert shown["id"] in by_id, (part, shown["id"])
            _same(shown, by_id[shown["id"]])
    _same(excerpt["pipeline"], real["pipeline"])


@pytest.mark.parametrize("command", ["report", "show", "evaluate", "schema", "extract"])
def test_readme_mentions_every_command(command: str) -> None:
    assert f"newsrel {command}" in README
