"""Reading records files: one reader for output records and gold records alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.io import RecordError, read_records

RECORD = '{"schema": "newsrel/1", "id": "a.txt", "text": "Astana hosted the talks."}'
NO_SCHEMA = '{"id": "b.txt", "text": "Minsk replied."}'
ERROR_LINE = '{"id": "c.txt", "path": "c.txt", "kind": "empty", "message": "c.txt: no text"}'


def _file(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "out.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("lines", "options", "ids"),
    [
        ([RECORD, "", RECORD.replace("a.txt", "d.txt")], {}, ["a.txt", "d.txt"]),
        ([RECORD, NO_SCHEMA], {"require_schema": False}, ["a.txt", "b.txt"]),
        ([RECORD, ERROR_LINE], {"skip_error_lines": True}, ["a.txt"]),
    ],
)
def test_read_records_streams_every_record_the_options_accept(
    tmp_path: Path, lines: list[str], options: dict[str, bool], ids: list[str]
) -> None:
    assert [r.id for r in read_records(_file(tmp_path, *lines), **options)] == ids


@pytest.mark.parametrize(
    ("line", "options", "reason"),
    [
        (
            NO_SCHEMA,
            {},
            "schema None is not one of newsrel/1, newsrel/1.1; this newsrel cannot read it",
        ),
        (ERROR_LINE, {"require_schema": False}, "text: Field required"),
        ('["a", "list"]', {"skip_error_lines": True}, "a record is a JSON object"),
        (RECORD.replace("newsrel/1", "newsrel/2"), {"require_schema": False}, "schema 'newsrel/2'"),
    ],
)
def test_read_records_error_names_file_line_and_reason(
    tmp_path: Path, line: str, options: dict[str, bool], reason: str
) -> None:
    path = _file(tmp_path, RECORD, line)
    with pytest.raises(RecordError) as err:
        list(read_records(path, **options))
    assert (err.value.path, err.value.line) == (str(path), 2)
    assert err.value.reason.startswith(reason)
    assert str(err.value).startswith(f"{path}:2: {reason}")
