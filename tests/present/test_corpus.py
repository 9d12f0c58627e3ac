"""The corpus view where a user looks: `newsrel show CV..`, the report, `to_frames`."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.link import link
from pipeline.link.view import find_corpus_event, is_corpus_view
from pipeline.present.corpus import corpus_event_view
from pipeline.present.report import write_report
from pipeline.schema import Record
from tests.link.builders import Cl, Ev, record, write

runner = CliRunner()


def _docs() -> list[Record]:
    out = []
    for doc, day, outlet in (
        ("a", "2021-05-04", "Evening Post"),
        ("b", "2021-05-05", "Daily Ledger"),
    ):
        text = f"Ines Duarte met Tomas Berg in Lisbon on {day}. Corvid Mining grew."
        out.append(
            record(
                doc,
                text,
                [
                    Cl("PERSON", "Ines Duarte"),
                    Cl("PERSON", "Tomas Berg"),
                    Cl("ORG", "Corvid Mining"),
                ],
                [
                    Ev(
                        "MEETING",
                        "met",
                        [("participant", "Ines Duarte"), ("participant", "Tomas Berg")],
                        date="2021-05-04" if doc == "a" else "2021-05-03",
                    )
                ],
                published=day,
                outlet=outlet,
            )
        )
    out.append(record("c", "Corvid Mining said nothing.", [Cl("ORG", "Corvid Mining")]))
    return out


@pytest.fixture(scope="module")
def view(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("view")
    records = write(folder / "records.jsonl", _docs())
    link(_docs(), folder / "corpus")
    return records, folder / "corpus"


def test_a_corpus_event_shows_sources_participants_and_conflicts(view) -> None:
    event = find_corpus_event(view[1], "CV1")
    console = Console(file=io.StringIO(), width=200)
    console.print(corpus_event_view(event))
    out = console.file.getvalue()
    for text in (
        "CV1 MEETING",
        "2 sources, 2 documents, 2 outlets",
        "first reported: a (2021-05-04)",
        "Ines Duarte",
        "Where sources disagree",
        "2021-05-03",
        "Daily Ledger",
        "event.meeting",
    ):
        assert text in out


def test_show_command_takes_a_corpus_folder(view) -> None:
    assert is_corpus_view(view[1]) and not is_corpus_view(view[0])
    result = runner.invoke(app, ["show", "CV1", str(view[1])])
    assert result.exit_code == 0, result.output
    assert "Sources" in result.output
    missing = runner.invoke(app, ["show", "CV99", str(view[1])])
    assert missing.exit_code == 1 and "no corpus event 'CV99'" in missing.output


def test_show_of_a_folder_that_is_no_corpus_view_is_an_input_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["show", "CV1", str(tmp_path)])
    assert result.exit_code == 2  # exit 1 is for an id that is not there, as grep
    assert (
        result.stderr
        == f"newsrel show: {tmp_path / 'events.jsonl'}: no such file (a folder written by `newsrel link`?)\n"
    )


def test_report_with_a_corpus_lists_linked_events_and_corpus_entities(view) -> None:
    from pipeline.io import read_records

    out = io.StringIO()
    write_report(read_records(view[0]), out, corpus=view[1])
    page = out.getvalue()
    assert '<section id="linked">' in page and "Linked events, newest first (1)" in page
    row = re.search(r'<table id="linked-events".*?</table>', page, re.S)
    assert row and "<b>2</b> (2 documents)" in row.group(0) and 'href="#doc-0"' in row.group(0)
    assert "date: 2021-05-03 / 2021-05-04" in row.group(0)
    assert "corpus entities, one edge per linked event" in page
    assert "Ines Duarte — Tomas Berg: 1 shared event" in page  # one event, not two reports


def test_report_command_takes_a_corpus_option(view, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", str(view[0]), "-o", str(out), "--corpus", str(view[1])])
    assert result.exit_code == 0, result.output
    assert 'id="linked-events"' in out.read_text(encoding="utf-8")
    bad = runner.invoke(app, ["report", str(view[0]), "-o", str(out), "--corpus", str(tmp_path)])
    assert bad.exit_code == 2  # an input error, as a records file that is not there
    assert bad.stderr.startswith("newsrel report: ") and bad.stderr.count("\n") == 1
    assert "entities.jsonl: no such file" in bad.stderr


def test_frames_gain_the_corpus_tables_joined_to_the_records(view) -> None:
    pytest.importorskip("pandas")
    from pipeline import to_frames

    frames = to_frames(view[0], corpus=view[1])
    assert len(frames.corpus_events) == 1 and len(frames.corpus_sources) == 2
    linked = frames.corpus_events[frames.corpus_events.n_sources == 2].iloc[0]
    assert (linked.n_outlets, linked.first_doc_id) == (2, "a")
    members = frames.corpus_members.merge(frames.clusters, on=["doc_id", "cluster_id"])
    assert len(members) == len(frames.corpus_members) == 7
    corvid = frames.corpus_entities[frames.corpus_entities.name == "Corvid Mining"].iloc[0]
    assert corvid.n_documents == 3
    sources = frames.corpus_sources.merge(frames.events, on=["doc_id", "event_id"])
    assert len(sources) == 2
    assert len(to_frames(view[0]).corpus_events) == 0


def test_a_corpus_event_shows_markup_and_control_characters_of_its_values_as_text(view) -> None:
    """A corpus view is data: rich markup (`[link=...]`) and escape sequences in names, ids
    and sources are printed as those characters, never interpreted."""
    event = find_corpus_event(view[1], "CV1")
    evil = "[link=http://example.invalid]x[/link][bold red]\x1b[2J\x07"
    participants = [p.model_copy(update={"name": evil}) for p in event.participants]
    sources = [s.model_copy(update={"doc": evil, "outlet": evil}) for s in event.sources]
    event = event.model_copy(update={"participants": participants, "sources": sources})
    console = Console(file=io.StringIO(), width=300, force_terminal=True)
    console.print(corpus_event_view(event))
    out = console.file.getvalue()
    assert "[link=http://example.invalid]x[/link][bold red]" in out
    assert "\\x1b[2J\\x07" in out and "\x1b[2J" not in out and "\x07" not in out
    assert "\x1b]8;" not in out  # no terminal hyperlink was made


@pytest.mark.parametrize("name", ["events.jsonl", "entities.jsonl"])
def test_a_corpus_view_file_that_is_not_utf8_is_named_with_its_line(
    view, tmp_path: Path, name: str
) -> None:
    folder = tmp_path / "cv"
    shutil.copytree(view[1], folder)
    with (folder / name).open("ab") as f:
        f.write(b"\xff\xfe binary\n")
    n = len((folder / name).read_bytes().splitlines())
    result = runner.invoke(
        app, ["report", str(view[0]), "-o", str(tmp_path / "r.html"), "--corpus", str(folder)]
    )
    assert result.exit_code == 2
    assert result.stderr == f"newsrel report: {folder / name}:{n}: not UTF-8 text (byte 0xff)\n"


def test_a_corpus_event_whose_conflict_points_past_its_sources_is_a_bad_line(
    view, tmp_path: Path
) -> None:
    folder = tmp_path / "cv"
    shutil.copytree(view[1], folder)
    events = folder / "events.jsonl"
    lines = events.read_text(encoding="utf-8").splitlines()
    n, data = next((n, json.loads(x)) for n, x in enumerate(lines, 1) if json.loads(x)["conflicts"])
    data["conflicts"][0]["values"][0]["sources"] = [99]
    lines[n - 1] = json.dumps(data)
    events.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["show", data["id"], str(folder)])
    assert result.exit_code == 2  # an input error, not 'internal error' (exit 3)
    assert result.stderr.startswith(f"newsrel show: {events}:{n}: ")
    assert "must point into sources" in result.stderr
