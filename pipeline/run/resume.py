"""What ``--resume`` checks before it skips anything: that the inputs are the run's.

An interrupted run keeps, beside its parts, the fingerprint of every input document
(``inputs.jsonl``: the path it is read from, the size and modification time of a file and its
sidecar, or a hash of a JSONL line). A resumed run must have the same documents with the same
fingerprints, else it would skip documents whose text changed and keep records of documents no
longer given. After a finished run, ``--resume`` adds new documents: every record and error
line of the output must still come from an input (same id, same path or ``path:line``; a file
modified since must still give the record's text), made by the same pipeline. Either check
names the differences. (A JSONL line is matched by its ``path:line`` only: its text is not
compared after a finished run.) An error line of an input that could not be read then (not
found, unreadable, empty ...) and reads now is dropped: that document is done again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from pipeline.failures import Failure
from pipeline.ingest.files import InputError, Item, Source
from pipeline.io import errors_path

INPUTS = "inputs.jsonl"
SHOWN = 3  # names shown per kind of difference
# InputError kinds: the document failed on reading its input, which may read now
READ_FAILURES = frozenset(
    {"unreadable", "binary", "empty", "undecodable", "bad-jsonl", "not-found", "too-large"}
)


class ResumeError(Failure, ValueError):
    """A ``--resume`` that cannot continue the earlier run (other settings or inputs)."""


def fingerprint(item: Item) -> str:
    """What must not change between a run and its resumption, for one input item."""
    if isinstance(item, InputError):
        return f"error {item.kind} {item.path}"
    return f"{item.where} {item.fingerprint}"


def input_lines(items: Sequence[Item]) -> Iterator[str]:
    """The lines of ``inputs.jsonl`` for ``items``."""
    for item in items:
        yield json.dumps([item.id, fingerprint(item)], ensure_ascii=False) + "\n"


def _names(ids: Iterable[str]) -> str:
    ids = sorted(ids)
    shown = ", ".join(ids[:SHOWN])
    return shown + (f" and {len(ids) - SHOWN} more" if len(ids) > SHOWN else "")


def _differences(changed: set[str], new: set[str], gone: set[str], labels: Sequence[str]) -> str:
    parts = [
        f"{len(ids)} {label} ({_names(ids)})"
        for ids, label in zip((changed, new, gone), labels, strict=True)
        if ids
    ]
    return "; ".join(parts)


def check_inputs(folder: Path, items: Sequence[Item]) -> None:
    """Raise :class:`ResumeError` unless ``items`` are the inputs the interrupted run in
    ``folder`` was given (same ids, same fingerprints)."""
    path = folder / INPUTS
    old: dict[str, str] = {}
    try:
        with path.open(encoding="utf-8") as f:
            for line in f:
                doc_id, mark = json.loads(line)
                old[doc_id] = mark
    except (OSError, ValueError, TypeError) as e:
        raise ResumeError(
            f"{path} is missing or damaged ({e}); run without --resume to start again"
        ) from e
    now = {item.id: fingerprint(item) for item in items}
    changed = {k for k in old.keys() & now.keys() if old[k] != now[k]}
    new, gone = now.keys() - old.keys(), old.keys() - now.keys()
    if changed or new or gone:
        diff = _differences(changed, new, gone, ("changed", "new", "not given now"))
        raise ResumeError(
            f"the inputs are not those of the interrupted run in {folder}: {diff}; give the "
            "same inputs, or run without --resume to start again"
        )


def check_finished(out: Path, items: Sequence[Item], pipeline: dict[str, Any]) -> set[str]:
    """Raise :class:`ResumeError` unless every line of the finished output ``out`` (and its
    errors file) comes from one of ``items``, unchanged since, and was made by ``pipeline``.
    Returns the ids of the error lines to drop: inputs that failed on reading and read now."""
    by_id = {item.id: item for item in items}
    readable = {p: item for item in items if isinstance(item, Source) for p in _paths(item)}
    written = out.stat().st_mtime_ns
    gone: set[str] = set()
    moved: set[str] = set()
    changed: set[str] = set()
    retry: set[str] = set()
    for tag, src in (("R", out), ("E", errors_path(out))):
        for n, data in _lines(src):
            doc_id = data.get("id")
            item = by_id.get(doc_id) if isinstance(doc_id, str) else None
            if tag == "E" and data.get("kind") in READ_FAILURES:
                now = item if isinstance(item, Source) else readable.get(str(data.get("path")))
                if now is not None:  # it reads now: done again, under the id it has now
                    retry.add(str(doc_id))
                    continue
            if item is None:
                gone.add(str(doc_id))
                continue
            if tag == "R":
                made = data.get("pipeline")
                if made is not None and made != pipeline:
                    raise ResumeError(
                        f"{src}:{n}: made by {_made_by(made)}, not by this newsrel "
                        f"({_made_by(pipeline)}); run without --resume to start again"
                    )
                where = (data.get("meta") or {}).get("path")
            else:
                where = data.get("path")
            if isinstance(item, Source):
                expected = item.where if tag == "R" else item.path
                if where is not None and where not in (expected, item.where):
                    moved.add(item.id)
                elif item.offset < 0 and _modified_after(Path(item.path), written):
                    if tag == "E" or _text_of(item) != data.get("text"):
                        changed.add(item.id)  # touched, and the text is not the same
    if gone or moved or changed:
        diff = _differences(
            changed | moved, set(), gone, ("changed or read from elsewhere", "", "not given now")
        )
        raise ResumeError(
            f"{out} was written from other inputs: {diff}; --resume after a finished run only "
            "adds new documents. Give the same inputs (and more), or run without --resume"
        )
    return retry


def _paths(item: Source) -> tuple[str, ...]:
    """The paths an error line of ``item`` may name: as given, and resolved."""
    if item.offset >= 0:
        return (item.where,)
    return (item.path, str(Path(item.path).resolve()))


def _made_by(info: dict[str, Any]) -> str:
    return f"newsrel {info.get('version')}, {info.get('model')}, rules {info.get('rules')}"


def _text_of(item: Source) -> str | None:
    """The cleaned text a record of ``item`` would hold now (None: it cannot be read)."""
    from pipeline.ingest.clean import clean
    from pipeline.ingest.files import load
    from pipeline.rulefiles import clean_rules

    doc = load(item)
    return None if isinstance(doc, InputError) else clean(doc.text, clean_rules().compiled()).text


def _modified_after(path: Path, written: int) -> bool:
    try:
        return os.stat(path).st_mtime_ns > written
    except OSError:
        return False  # unreadable now: it becomes an error line of its own when read


def _lines(src: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    if not src.exists():
        return
    with src.open("rb") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)  # bytes: not UTF-8 is a ValueError too
                if not isinstance(data, dict):
                    raise ValueError("a JSON object is needed")
            except ValueError as e:
                raise ResumeError(
                    f"{src}:{n}: not a JSON line ({e}); this output cannot be resumed, run "
                    "without --resume to start again"
                ) from e
            yield n, data
