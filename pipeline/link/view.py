"""Reading a corpus view back: streamed, validated lines of ``entities.jsonl`` and
``events.jsonl`` (what ``newsrel show``, ``newsrel report --corpus`` and ``to_frames`` read)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from pipeline.failures import USAGE, Failure
from pipeline.io import RecordError
from pipeline.link.run import ENTITIES_FILE, EVENTS_FILE
from pipeline.link.schema import CorpusEntity, CorpusEvent

M = TypeVar("M", bound=BaseModel)


class CorpusNotFound(Failure, LookupError):
    """No such corpus event in a corpus view: exit code 1, as ``grep`` finding nothing."""

    code = 1


class NoCorpusView(CorpusNotFound):
    """No corpus view there (no ``events.jsonl`` or ``entities.jsonl``): an input error, exit
    code 2 like a records file that is not there."""

    code = USAGE


def is_corpus_view(path: str | Path) -> bool:
    """A folder written by ``newsrel link``."""
    p = Path(path)
    return p.is_dir() and (p / EVENTS_FILE).is_file() and (p / ENTITIES_FILE).is_file()


def _read(path: Path, model: type[M]) -> Iterator[M]:
    if not path.is_file():
        raise NoCorpusView(f"{path}: no such file (a folder written by `newsrel link`?)")
    with path.open("rb") as f:
        for n, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                raise RecordError(path, n, f"not UTF-8 text (byte {raw[e.start]:#04x})") from e
            try:
                yield model.model_validate(json.loads(line))
            except json.JSONDecodeError as e:
                raise RecordError(path, n, f"not valid JSON: {e.msg}") from e
            except ValidationError as e:
                first = e.errors()[0]
                loc = ".".join(str(x) for x in first["loc"])
                raise RecordError(path, n, f"{loc or 'line'}: {first['msg']}") from e


def read_corpus_entities(folder: str | Path) -> Iterator[CorpusEntity]:
    return _read(Path(folder) / ENTITIES_FILE, CorpusEntity)


def read_corpus_events(folder: str | Path) -> Iterator[CorpusEvent]:
    return _read(Path(folder) / EVENTS_FILE, CorpusEvent)


def find_corpus_event(folder: str | Path, event_id: str) -> CorpusEvent:
    for event in read_corpus_events(folder):
        if event.id == event_id:
            return event
    raise CorpusNotFound(f"no corpus event {event_id!r} in {Path(folder) / EVENTS_FILE}")


def entity_labels(folder: str | Path) -> dict[str, tuple[str, str]]:
    """Corpus entity id -> (canonical name, label)."""
    return {e.id: (e.name, e.label) for e in read_corpus_entities(folder)}
