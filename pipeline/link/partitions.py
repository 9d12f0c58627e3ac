"""Partitions of record files, and the map step run on each.

A partition is a byte range of one JSONL file: it holds the lines that *start* inside the
range, so consecutive ranges cover every line once whatever the cut points (as Dask's
``read_text`` blocks do). :func:`map_partition` reads its records and returns what the reduce
step needs: the partition's :class:`~pipeline.link.entities.EntityIndex`, its clusters (rows
for the members spool) and its events. It is the same function for the local path and for a
Dask worker, so both build the same corpus view.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.io import RecordError, parse_record
from pipeline.link.entities import EntityIndex
from pipeline.link.nodes import EventNode, entity_nodes, event_nodes
from pipeline.link.rules import LinkRules, load_link_rules
from pipeline.schema import Record

PARTITION_BYTES = 8 << 20


@dataclass(frozen=True)
class Partition:
    number: int
    path: str
    start: int
    end: int


@dataclass
class MapResult:
    """What one partition gives the reduce step."""

    number: int
    index: EntityIndex
    members: list[dict[str, Any]] = field(default_factory=list)
    events: list[EventNode] = field(default_factory=list)
    records: int = 0
    record_events: int = 0


def plan_partitions(paths: Sequence[str | Path], size: int = PARTITION_BYTES) -> list[Partition]:
    """Byte ranges of about ``size`` over every file, in order; an empty file gives none."""
    if size < 1:
        raise ValueError("partition size must be at least 1 byte")
    out: list[Partition] = []
    for path in paths:
        p = Path(path)
        if not p.is_file():
            raise RecordError(p, None, "no such records file")
        total = p.stat().st_size
        for start in range(0, total, size):
            out.append(Partition(len(out), str(p), start, min(total, start + size)))
    return out


def _line_number(path: str, offset: int) -> int:
    with open(path, "rb") as f:
        return f.read(offset).count(b"\n") + 1


def read_partition(part: Partition) -> Iterator[Record]:
    """The records whose line starts in ``[start, end)``."""
    with open(part.path, "rb") as f:
        if part.start:
            f.seek(part.start - 1)
            if f.read(1) != b"\n":
                f.readline()  # the line under way belongs to the previous partition
        while f.tell() < part.end:
            at = f.tell()
            raw = f.readline()
            if not raw:
                break
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                raise RecordError(part.path, _line_number(part.path, at), "not UTF-8") from e
            try:
                record = parse_record(line, part.path, 0)
            except RecordError as e:  # the line number, counted only when it is needed
                raise RecordError(part.path, _line_number(part.path, at), e.reason) from e
            if record is not None:
                yield record


def map_records(number: int, records: Iterator[Record], rules: LinkRules) -> MapResult:
    """The map step over any stream of records (a partition, or records a notebook holds)."""
    result = MapResult(number=number, index=EntityIndex())
    clusters = events = 0
    for record in records:
        nodes = entity_nodes(record, rules, number, clusters)
        clusters += len(nodes)
        reps = {n.cluster: n.rep for n in nodes}
        for node in nodes:
            result.index.add(node)
            result.members.append(node.row())
        for event in event_nodes(record, rules, reps, number, events):
            result.events.append(event)
        events += len(record.events)
        result.records += 1
    result.record_events = events
    return result


def map_partition(part: Partition, rules_path: str | None = None) -> MapResult:
    """:func:`map_records` over one partition; the rules are loaded (and cached) here, so a
    Dask worker reads the same rule file by path."""
    return map_records(part.number, read_partition(part), load_link_rules(rules_path))
