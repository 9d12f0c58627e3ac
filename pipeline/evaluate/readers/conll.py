"""CoNLL-2003 columns (token first, NER tag last), IOB1 or IOB2.

Documents are separated by ``-DOCSTART-`` lines wherever they come (before or after each
document); sentences by blank lines. Each document becomes one Record whose text has one
sentence per line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.evaluate.readers._base import GoldFormatError, join_tokens
from pipeline.schema import Entity, Meta, Record

_TAG = re.compile(r"^(?:O|[BI]-\S+)$")


@dataclass(frozen=True)
class TaggedSpan:
    first: int  # token index, inclusive
    last: int  # exclusive
    label: str


def iob_spans(tags: list[str]) -> list[TaggedSpan]:
    """Spans of a tag sequence, IOB1 or IOB2 alike.

    A span starts at ``B-X``, or at ``I-X`` when the previous tag is not of type X (IOB1, and
    lenient IOB2); ``I-X`` after ``B-X``/``I-X`` continues it.
    """
    spans: list[TaggedSpan] = []
    cur_label: str | None = None
    cur_start = 0
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        starts = tag == "O" or prefix == "B" or label != cur_label
        if starts and cur_label is not None:
            spans.append(TaggedSpan(cur_start, i, cur_label))
            cur_label = None
        if tag != "O" and starts:
            cur_label, cur_start = label, i
    return spans


def _record(path: Path, n: int, sentences: list[list[tuple[str, str]]]) -> Record:
    built = join_tokens([[tok for tok, _ in s] for s in sentences])
    entities: list[Entity] = []
    for si, sent in enumerate(sentences):
        for span in iob_spans([tag for _, tag in sent]):
            start, end = built.char_span(si, span.first, span.last)
            entities.append(
                Entity(
                    id=f"T{len(entities) + 1}",
                    start=start,
                    end=end,
                    text=built.text[start:end],
                    label=span.label,
                    source="gold",
                    sentence=si,
                )
            )
    return Record(
        id=f"{path.name}#{n}", meta=Meta(path=str(path)), text=built.text, entities=entities
    )


def read_conll(path: Path) -> Iterator[Record]:
    sentences: list[list[tuple[str, str]]] = []
    sent: list[tuple[str, str]] = []
    n = 0
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            cols = line.split()
            if not cols or cols[0] == "-DOCSTART-":
                if sent:
                    sentences.append(sent)
                    sent = []
                if cols and sentences:
                    n += 1
                    yield _record(path, n, sentences)
                    sentences = []
                continue
            if len(cols) < 2:
                raise GoldFormatError(path, "expected `token ... tag` columns", lineno)
            tag = cols[-1]
            if not _TAG.match(tag):
                raise GoldFormatError(path, f"not an IOB tag: {tag!r}", lineno)
            sent.append((cols[0], tag))
    if sent:
        sentences.append(sent)
    if sentences:
        yield _record(path, n + 1, sentences)
