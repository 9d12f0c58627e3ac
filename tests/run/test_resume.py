"""--resume continues only the run it belongs to, and trusts no damaged part."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.io import errors_path
from pipeline.run.batch import Interrupted, extract_batch
from pipeline.run.jobs import Settings
from pipeline.run.parts import PartStore, ResumeError, verify_part

from .corpus import make_corpus, output_files

SETTINGS = Settings(batch_size=1)
runner = CliRunner()


def _interrupted(folder: Path, out: Path, monkeypatch: pytest.MonkeyPatch, after: int = 2) -> None:
    """A run of ``folder`` into ``out`` stopped by Ctrl-C after ``after`` committed parts."""
    commit = PartStore.commit
    seen = []

    def stop(self: PartStore, part) -> None:
        if len(seen) == after:
            raise KeyboardInterrupt
        seen.append(part.seq)
        commit(self, part)

    with monkeypatch.context() as m:
        m.setattr(PartStore, "commit", stop)
        with pytest.raises(Interrupted):
            extract_batch([folder], out, settings=SETTINGS)
    assert len(list(Path(f"{out}.parts").glob("*.part"))) == after


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[bytes, bytes]]:
    """A corpus of four files, and the output of an uninterrupted run over it."""
    folder = make_corpus(tmp_path_factory.mktemp("resume") / "in", 4)
    out = folder.parent / "reference.jsonl"
    extract_batch([folder], out, settings=SETTINGS)
    return folder, output_files(out)


def _copy(folder: Path, to: Path) -> Path:
    shutil.copytree(folder, to, copy_function=shutil.copy2)  # same sizes and times
    return to


def _as_if_from(files: tuple[bytes, bytes], old: Path, new: Path) -> tuple[bytes, bytes]:
    """Output files of the reference run as a run over the copy ``new`` writes them."""
    a, b = (json.dumps(str(p))[1:-1].encode() for p in (old, new))
    return files[0].replace(a, b), files[1].replace(a, b)


@pytest.mark.parametrize(
    ("change", "says"),
    [
        pytest.param(
            lambda f: (f / "doc000.txt").write_text("Story 0\n\nA different text.\n"),
            "1 changed (doc000.txt)",
            id="text-changed",
        ),
        pytest.param(
            lambda f: (f / "doc009.txt").write_text("Story 9\n\nOne more.\n"),
            "1 new (doc009.txt)",
            id="document-added",
        ),
        pytest.param(
            lambda f: (f / "doc003.txt").unlink(), "1 not given now (doc003.txt)", id="removed"
        ),
    ],
)
def test_resume_with_other_inputs_is_refused_naming_the_difference(
    reference, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change, says: str
) -> None:
    folder = _copy(reference[0], tmp_path / "in")
    out = tmp_path / "out.jsonl"
    _interrupted(folder, out, monkeypatch)
    change(folder)
    with pytest.raises(ResumeError, match=f"not those of the interrupted run.*{re.escape(says)}"):
        extract_batch([folder], out, settings=SETTINGS, resume=True)
    assert len(list(Path(f"{out}.parts").glob("*.part"))) == 2  # nothing of the run was lost


def test_resume_from_another_folder_with_the_same_ids_is_refused(
    reference, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.jsonl"
    _interrupted(_copy(reference[0], tmp_path / "a"), out, monkeypatch)
    other = _copy(reference[0], tmp_path / "b")
    with pytest.raises(ResumeError, match="4 changed"):
        extract_batch([other], out, settings=SETTINGS, resume=True)


def test_resume_with_the_same_inputs_equals_an_uninterrupted_run(
    reference, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy(reference[0], tmp_path / "in")
    out = tmp_path / "out.jsonl"
    _interrupted(folder, out, monkeypatch)
    summary = extract_batch([folder], out, settings=SETTINGS, resume=True)
    assert (summary.skipped, summary.documents) == (2, 2)
    assert output_files(out) == _as_if_from(reference[1], reference[0], folder)


def _edit_trailer(part: Path, change) -> None:
    *lines, last = part.read_text().splitlines(keepends=True)
    trailer = json.loads(last.removeprefix("#\t"))
    trailer["ids"] = change(trailer["ids"])
    part.write_text("".join(lines) + "#\t" + json.dumps(trailer) + "\n")


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(
            lambda p: p.write_text('R\t"doc000.txt"\t{"id": "x"}\n' + p.read_text()),
            id="garbage-line-trailer-intact",
        ),
        pytest.param(lambda p: p.write_bytes(p.read_bytes()[:-40]), id="truncated"),
        pytest.param(
            lambda p: p.write_text(p.read_text().replace('"text":"Story', '"text":"Stony', 1)),
            id="edited-record",
        ),
        pytest.param(
            lambda p: _edit_trailer(p, lambda ids: ["zzz.txt"]),
            id="trailer-names-other-ids",  # the merge orders parts by them
        ),
        pytest.param(
            lambda p: _edit_trailer(p, lambda ids: [*ids, "zzz.txt"]),
            id="trailer-names-one-more-id",  # resume would skip it, the merge miss it
        ),
        pytest.param(lambda p: _edit_trailer(p, lambda ids: [7]), id="trailer-ids-not-text"),
    ],
)
def test_a_damaged_part_is_done_again_not_copied(
    reference, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage
) -> None:
    folder = _copy(reference[0], tmp_path / "in")
    out = tmp_path / "out.jsonl"
    _interrupted(folder, out, monkeypatch)
    first = sorted(Path(f"{out}.parts").glob("*.part"))[0]
    damage(first)
    assert verify_part(first)[0] is not None
    summary = extract_batch([folder], out, settings=SETTINGS, resume=True)
    assert (summary.skipped, summary.documents) == (1, 3)
    assert len(summary.warnings) == 1 and first.name in summary.warnings[0]
    assert output_files(out) == _as_if_from(reference[1], reference[0], folder)


def test_a_part_damaged_during_the_run_is_redone_before_the_merge(
    reference, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy(reference[0], tmp_path / "in")
    out = tmp_path / "out.jsonl"
    commit = PartStore.commit
    damaged: list[str] = []

    def commit_then_damage(self: PartStore, part) -> None:
        commit(self, part)
        if not damaged:  # the disk garbles the first part once
            path = sorted(self.folder.glob("*.part"))[0]
            path.write_text(path.read_text().replace("Story", "Stony"))
            damaged.append(path.name)

    monkeypatch.setattr(PartStore, "commit", commit_then_damage)
    summary = extract_batch([folder], out, settings=SETTINGS)
    assert summary.documents == 4 and damaged[0] in summary.warnings[0]  # redone, counted once
    assert output_files(out) == _as_if_from(reference[1], reference[0], folder)


def test_damaged_run_manifest_is_one_line_exit_2(
    reference, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy(reference[0], tmp_path / "in")
    out = tmp_path / "out.jsonl"
    _interrupted(folder, out, monkeypatch)
    (Path(f"{out}.parts") / "run.json").write_text('{"settings": {"publ')
    args = [
        "extract",
        str(folder),
        "-o",
        str(out),
        "--resume",
        "--no-progress",
        "--batch-size",
        "1",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "run.json is damaged" in result.stderr and result.stderr.count("\n") == 1


def test_resume_after_a_finished_run_refuses_other_inputs(reference, tmp_path: Path) -> None:
    folder = _copy(reference[0], tmp_path / "in")
    out = tmp_path / "out.jsonl"
    extract_batch([folder], out, settings=SETTINGS)
    moved = _copy(folder, tmp_path / "elsewhere")
    with pytest.raises(ResumeError, match="written from other inputs: 4 changed or read from"):
        extract_batch([moved], out, settings=SETTINGS, resume=True)
    (folder / "doc001.txt").write_text("Story 1\n\nRewritten since.\n")
    (folder / "doc003.txt").unlink()
    with pytest.raises(
        ResumeError, match=r"1 changed or read from elsewhere \(doc001.txt\); 1 not"
    ):
        extract_batch([folder], out, settings=SETTINGS, resume=True)
    assert output_files(out) == _as_if_from(reference[1], reference[0], folder)  # untouched


def test_resume_after_a_finished_run_does_again_an_input_that_was_missing_and_is_there_now(
    reference, tmp_path: Path
) -> None:
    folder = _copy(reference[0], tmp_path / "in")
    late = folder / "doc003.txt"
    kept = tmp_path / "kept.txt"
    shutil.copy2(late, kept)  # its old modification time comes back with it
    late.unlink()
    out = tmp_path / "out.jsonl"
    given = sorted(folder.iterdir()) + [late]
    extract_batch(given, out, settings=SETTINGS)
    assert json.loads(errors_path(out).read_text())["kind"] == "not-found"
    shutil.copy2(kept, late)
    summary = extract_batch(given, out, settings=SETTINGS, resume=True)
    assert (summary.skipped, summary.documents) == (3, 1)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in records] == [f"doc00{i}.txt" for i in range(4)]
    assert errors_path(out).read_text() == ""


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param(b"[1, 2]\n", id="json-but-no-object"),
        pytest.param(b'"a string"\n', id="json-string"),
        pytest.param(b'{"id": "\xff"}\n', id="not-utf-8"),
    ],
)
def test_resume_after_a_finished_run_with_a_line_that_is_no_record_is_one_failure(
    reference, tmp_path: Path, bad: bytes
) -> None:
    folder = _copy(reference[0], tmp_path / "in")
    out = tmp_path / "out.jsonl"
    extract_batch([folder], out, settings=SETTINGS)
    n = len(out.read_bytes().splitlines()) + 1
    with out.open("ab") as f:
        f.write(bad)
    with pytest.raises(ResumeError, match=rf"out\.jsonl:{n}: not a JSON line"):
        extract_batch([folder], out, settings=SETTINGS, resume=True)


def test_resume_after_a_finished_run_refuses_output_of_another_pipeline(
    reference, tmp_path: Path
) -> None:
    folder = _copy(reference[0], tmp_path / "in")
    out = tmp_path / "out.jsonl"
    extract_batch([folder], out, settings=SETTINGS)
    lines = out.read_text().splitlines()
    first = json.loads(lines[0])
    first["pipeline"]["rules"] = "sha256:0000000000000000"
    out.write_text("\n".join([json.dumps(first), *lines[1:]]) + "\n")
    with pytest.raises(ResumeError, match="rules sha256:0000000000000000"):
        extract_batch([folder], out, settings=SETTINGS, resume=True)


def test_resume_with_another_time_limit_is_refused(reference, tmp_path: Path) -> None:
    """The time limit decides which documents become timeout errors: a resumed run with
    another one would mix the two runs' verdicts."""
    folder = _copy(reference[0], tmp_path / "in")
    out = tmp_path / "out.jsonl"
    from pipeline.run.batch import load_nlp, pipeline_info

    info = pipeline_info(load_nlp(SETTINGS.model)).model_dump(mode="json")
    PartStore(out).start(
        {"published": None, "doc_timeout": 5.0, "pipeline": info}, resume=False, items=[]
    )
    with pytest.raises(ResumeError, match="doc_timeout=5.0"):
        extract_batch([folder], out, settings=Settings(batch_size=1, doc_timeout=60.0), resume=True)
