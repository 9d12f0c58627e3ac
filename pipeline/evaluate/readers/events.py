"""Event-mention gold (``--format events``): one JSON line per article, its text in a file beside it.

The format of ``bbc_events/gold.jsonl``: ``{"doc": "texts/business/001.txt", "split": "dev",
"title": ..., "events": [{"type", "status", "trigger", "trigger_start", "sentence",
"sentence_start", "arguments": [{"role", "text", "resolved"?, "in_sentence"?}], "cluster"?,
"anaphoric"?}]}``. ``doc`` is relative to the gold file's folder; offsets are character offsets
into that file read as UTF-8 (latin-1 where it does not decode), with no normalisation.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pipeline.evaluate.readers._base import GoldFormatError
from pipeline.schema import Meta, Record


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GoldArgument(_Gold):
    role: str
    text: str
    resolved: str | None = None
    in_sentence: bool = True


class GoldEvent(_Gold):
    type: str
    status: str | None = None
    trigger: str
    trigger_start: int = Field(ge=0)
    sentence: str
    sentence_start: int = Field(ge=0)
    arguments: list[GoldArgument] = Field(default_factory=list)
    cluster: str | int | None = None
    anaphoric: bool = False

    @property
    def sentence_end(self) -> int:
        return self.sentence_start + len(self.sentence)


class GoldArticle(_Gold):
    doc: str
    split: str | None = None
    title: str | None = None
    events: list[GoldEvent] = Field(default_factory=list)
    text: str = ""  # read from ``doc``, not part of the line

    def record(self) -> Record:
        """The article as a Record to run the pipeline on (its id is ``doc``)."""
        return Record(id=self.doc, text=self.text, meta=Meta(title=self.title))


def read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def looks_like_events_gold(path: Path) -> bool:
    """Whether the first line of a ``.jsonl`` file is an event-mention gold line."""
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.strip():
                try:
                    first = json.loads(line)
                except json.JSONDecodeError:
                    return False
                return isinstance(first, dict) and "doc" in first and "events" in first
    return False


def read_events_gold(path: Path, split: str | None = None) -> Iterator[GoldArticle]:
    """The gold articles of ``path`` (only those of ``split`` when given), texts read."""
    path = Path(path)
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as e:
                raise GoldFormatError(path, f"not valid JSON: {e.msg}", n) from e
            if not isinstance(data, dict):
                raise GoldFormatError(path, "a gold line is a JSON object", n)
            try:
                article = GoldArticle.model_validate(data)
            except ValidationError as e:
                first = e.errors()[0]
                where = ".".join(str(p) for p in first["loc"]) or "line"
                raise GoldFormatError(path, f"{where}: {first['msg']}", n) from e
            if split is not None and article.split != split:
                continue
            text_path = path.parent / article.doc
            try:
                text = read_text(text_path)
            except OSError as e:
                raise GoldFormatError(path, f"doc: cannot read {text_path}: {e.strerror}", n) from e
            for k, ev in enumerate(article.events):
                if (
                    ev.sentence_end > len(text)
                    or text[ev.sentence_start : ev.sentence_end] != ev.sentence
                ):
                    raise GoldFormatError(
                        path,
                        f"events.{k}.sentence: not found at sentence_start in {article.doc}",
                        n,
                    )
            yield article.model_copy(update={"text": text})
