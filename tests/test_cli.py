from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline._version import __version__
from pipeline.cli import app
from pipeline.failures import describe

from .conftest import ROOT, SEED

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


# -- one error handler: one line `newsrel COMMAND: what`, exit 2, no traceback, no litter --


def _one_line(result, command: str) -> str:
    assert "Traceback" not in result.output, result.output
    assert result.stderr.startswith(f"newsrel {command}: "), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr


def _litter(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.rglob("*") if p.suffix in (".part", ".tmp", ".lock"))


@pytest.fixture
def broken_rules(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the rules whose entity pattern on line 2 has a misspelt field."""
    from pipeline.nlp.build import _load_nlp
    from pipeline.rulefiles import models_dir

    folder = tmp_path / "rules"
    shutil.copytree(models_dir(), folder)
    lines = (folder / "entity_patterns.jsonl").read_text(encoding="utf-8").splitlines()
    row = json.loads(lines[1])
    row["patern"] = row.pop("pattern")
    lines[1] = json.dumps(row)
    (folder / "entity_patterns.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("NEWSREL_MODELS", str(folder))
    _load_nlp.cache_clear()
    yield folder / "entity_patterns.jsonl"
    _load_nlp.cache_clear()


def test_a_broken_rule_file_is_one_line_naming_file_line_rule_and_field(
    tmp_path: Path, broken_rules: Path
) -> None:
    result = runner.invoke(app, ["extract", str(SEED), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2
    line = _one_line(result, "extract")
    rule = json.loads(broken_rules.read_text().splitlines()[1])["id"]
    assert f"{broken_rules}:2 (rule '{rule}'): field 'pattern'" in line and "'patern'" in line
    assert _litter(tmp_path) == []


BINARY = b"\x7fELF\x02\x01\x01\x00\xff\xfe\x00\x00\x89PNG"


@pytest.mark.parametrize(
    ("command", "args"),
    [
        ("show", ["some-id", "{bin}"]),
        ("report", ["{bin}", "-o", "{tmp}/r.html"]),
        ("evaluate", [str(ROOT / "seeds" / "gold.jsonl"), "--pred", "{bin}"]),
    ],
)
def test_a_binary_file_given_as_records_is_one_line_exit_2(
    tmp_path: Path, command: str, args: list[str]
) -> None:
    binary = tmp_path / "records.jsonl"
    binary.write_bytes(BINARY)
    argv = [a.format(bin=binary, tmp=tmp_path) for a in args]
    result = runner.invoke(app, [command, *argv])
    assert result.exit_code == 2
    assert "records.jsonl:1: not UTF-8 text (byte 0xff)" in _one_line(result, command)
    assert _litter(tmp_path) == [] and not (tmp_path / "r.html").exists()


def test_a_binary_gold_file_is_one_line_naming_it(tmp_path: Path) -> None:
    gold = tmp_path / "gold.conll"
    gold.write_bytes(BINARY)
    result = runner.invoke(app, ["evaluate", str(gold), "--format", "conll"])
    assert result.exit_code == 2
    assert f"{gold}: not UTF-8 text (byte 0xff" in _one_line(result, "evaluate")


def test_an_unwritable_evaluate_json_fails_before_evaluating(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    gold = str(ROOT / "seeds" / "gold.jsonl")
    result = runner.invoke(app, ["evaluate", gold, "--pred", gold, "--json", f"{tmp_path}/file/x"])
    assert result.exit_code == 2 and result.stdout == ""  # nothing was scored
    assert "is a file, not a folder" in _one_line(result, "evaluate")


@pytest.mark.parametrize("which", ["gold", "pred"])
def test_an_evaluate_json_that_is_an_input_is_refused(tmp_path: Path, which: str) -> None:
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    for path in (gold, pred):
        shutil.copy(ROOT / "seeds" / "gold.jsonl", path)
    before = pred.read_bytes()
    target = gold if which == "gold" else pred
    args = ["evaluate", str(gold), "--pred", str(pred), "--json", str(target)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and result.stdout == ""  # refused before scoring
    assert f"--json: {target} is an input" in _one_line(result, "evaluate")
    assert gold.read_bytes() == pred.read_bytes() == before


def test_a_failed_report_leaves_no_partial_file(tmp_path: Path) -> None:
    from .records import make_record

    src = tmp_path / "out.jsonl"
    src.write_text(json.dumps(make_record().dump()) + "\n{broken\n", encoding="utf-8")
    result = runner.invoke(app, ["report", str(src), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert "out.jsonl:2: not valid JSON" in _one_line(result, "report")
    assert not (tmp_path / "r.html").exists() and _litter(tmp_path) == []


def test_usage_errors_are_one_line_exit_2() -> None:
    result = runner.invoke(app, ["extract", str(SEED), "-o", "x.jsonl", "--engine", "spark"])
    assert result.exit_code == 2
    assert "--engine: 'spark' is not local or dask" in _one_line(result, "extract")
    result = runner.invoke(app, ["nonsense"])
    assert result.exit_code == 2 and "No such command 'nonsense'" in result.stderr


def test_a_bug_is_one_line_exit_3_and_the_traceback_is_for_debug(monkeypatch) -> None:
    def broken() -> str:
        raise RuntimeError("something newsrel did not expect")

    monkeypatch.setattr("pipeline.schema.json_schema_text", broken)
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 3
    line = _one_line(result, "schema")
    assert "internal error: RuntimeError: something newsrel did not expect" in line
    assert "--debug" in line
    for argv, env in ((["--debug", "schema"], {}), (["schema"], {"NEWSREL_DEBUG": "1"})):
        result = runner.invoke(app, argv, env=env)
        assert result.exit_code == 3 and "Traceback" in result.stderr


# -- which rules ran, and nothing to do ------------------------------------------------------


def test_version_names_the_model_and_the_rules_folder_and_hash() -> None:
    from pipeline.rulefiles import models_dir, rules_hash

    for argv in (["--version"], ["version"]):
        result = runner.invoke(app, argv)
        assert result.exit_code == 0, result.output
        first, model, rules = result.stdout.splitlines()
        assert first == f"newsrel {__version__}"
        assert model.startswith("model: en_core_web_sm")
        assert rules.startswith(f"rules: {models_dir()} (") and rules_hash() in rules


def test_run_summary_names_the_rules_folder_and_an_unused_one_here(
    tmp_path: Path, monkeypatch
) -> None:
    from pipeline.rulefiles import models_dir

    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "pipeline.json").write_text("{}")  # a source copy's rules
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Astana hosted the talks on Monday.\n")
    result = runner.invoke(app, ["extract", str(src), "-o", "out.jsonl", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert f"rules: {models_dir()} (installed with newsrel; sha256:" in result.stderr
    assert f"note: {tmp_path / 'models'} is not the rules folder in use" in result.stderr
    assert f"NEWSREL_MODELS={tmp_path / 'models'}" in result.stderr


def test_empty_input_folder_is_a_notice_and_exit_0(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(tmp_path / "empty"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "newsrel extract: no documents in" in result.stderr and "nothing to do" in result.stderr
    assert out.read_text() == "" and (tmp_path / "out.errors.jsonl").read_text() == ""


def test_empty_gold_is_a_notice_and_exit_0(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n")
    result = runner.invoke(app, ["evaluate", str(gold), "--pred", str(gold)])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"newsrel evaluate: {gold} holds no gold documents; nothing to score\n"
    assert result.stdout == ""


def test_a_doc_timeout_from_the_environment_that_is_no_number_is_a_usage_error(tmp_path) -> None:
    result = runner.invoke(
        app,
        ["extract", str(SEED), "-o", str(tmp_path / "o.jsonl")],
        env={"NEWSREL_DOC_TIMEOUT": "ten minutes"},
    )
    assert result.exit_code == 2
    assert "NEWSREL_DOC_TIMEOUT='ten minutes' is not a number" in _one_line(result, "extract")


def test_a_path_with_control_characters_is_shown_with_them_visible(tmp_path: Path) -> None:
    """A path typed (or pasted) with ESC or a carriage return reaches the error line as
    ``\\x1b`` / ``\\x0d``, as record values do in ``newsrel show``, never as raw bytes."""
    path = tmp_path / "no\x1b[2Jsuch\rfile.jsonl"
    result = runner.invoke(app, ["report", str(path), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert "\r" not in result.output
    assert "such\\x0dfile.jsonl" in _one_line(result, "report")
    # the test runner strips ESC sequences itself, so the line is checked where it is made
    message, code = describe(FileNotFoundError(2, "No such file or directory", str(path)))
    assert "no\\x1b[2Jsuch\\x0dfile.jsonl" in message and "\x1b" not in message and code == 2
