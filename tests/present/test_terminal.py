"""``newsrel show``: one record in the terminal."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app

from ..records import MEETING_TEXT, make_record, plain_record

runner = CliRunner()


def test_cli_show_prints_text_entities_and_events(tmp_path: Path) -> None:
    src = tmp_path / "out.jsonl"
    src.write_text(
        "\n".join(json.dumps(r.dump()) for r in [plain_record("a.txt", "x"), make_record()]) + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["show", "2017/kz-by.txt", str(src)])
    assert result.exit_code == 0, result.output
    for fragment in ["Askar Mamin[PERSON]", "MEETING", "participant: Vasily", "HOLDS_POSITION"]:
        assert fragment in result.output


def test_cli_show_unknown_id_exits_1(tmp_path: Path) -> None:
    src = tmp_path / "out.jsonl"
    src.write_text(json.dumps(make_record().dump()) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["show", "nope", str(src)])
    assert result.exit_code == 1 and "no record with id 'nope'" in result.output


def test_cli_show_prints_control_characters_of_a_record_as_visible_escapes(tmp_path: Path) -> None:
    """A record is data: an escape sequence in it (clear the screen, a link, a new window
    title) reaches the terminal as the text ``\\x1b[2J``, never as the sequence."""
    evil = "\x1b[2J\x1b]8;;http://example.invalid\x1b\\\x9b31m\x07"
    record = make_record(evil, evil + " " + MEETING_TEXT, title=evil)
    src = tmp_path / "out.jsonl"
    src.write_text(json.dumps(record.dump()) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["show", evil, str(src)])
    assert result.exit_code == 0, result.output
    assert not set(result.output) & {"\x1b", "\x9b", "\x07"}
    assert "\\x1b[2J" in result.output and "Askar Mamin" in result.output
