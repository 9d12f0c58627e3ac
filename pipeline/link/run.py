"""``link_records``: record files in, the corpus view out (``entities.jsonl``, ``events.jsonl``).

One pass over the records, as a map/reduce over partitions (:mod:`pipeline.link.partitions`):
map gives each partition's entity index, clusters and events; reduce absorbs the indexes
(memory: distinct entities) and spools clusters and events to disk. Then the seeks are
resolved, the events are linked block by block from a sorted spool, and both files are
written from sorted spools. ``engine="dask"`` runs the map on a Dask cluster; the reduce is the
same code, so the files are byte-identical to the local path's.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import IO, Any

from pipeline.failures import Failure
from pipeline.io import atomic_file
from pipeline.link.entities import EntityIndex
from pipeline.link.events import Candidate, EventLinker, corpus_event
from pipeline.link.nodes import EventNode
from pipeline.link.partitions import (
    PARTITION_BYTES,
    MapResult,
    Partition,
    map_partition,
    map_records,
    plan_partitions,
)
from pipeline.link.rules import RULES_FILE, LinkRules, load_link_rules
from pipeline.link.schema import CorpusEntity, EntityMember
from pipeline.link.spool import ExternalSort
from pipeline.rulefiles import models_dir
from pipeline.schema import Record

ENTITIES_FILE = "entities.jsonl"
EVENTS_FILE = "events.jsonl"
ENGINES = ("local", "dask")


class LinkError(Failure, ValueError):
    """Inputs that cannot be linked (a document id given twice, an unknown engine)."""


@dataclass
class LinkSummary:
    documents: int = 0
    clusters: int = 0
    entities: int = 0
    record_events: int = 0
    events: int = 0
    linked_events: int = 0  # corpus events with two sources or more
    partitions: int = 0
    seconds: float = 0.0
    out: str = ""

    def line(self) -> str:
        return (
            f"{self.documents} documents: {self.clusters} clusters -> {self.entities} entities, "
            f"{self.record_events} events -> {self.events} events ({self.linked_events} with "
            f"two sources or more) in {self.seconds:.1f} s -> {self.out}"
        )


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


class Reducer:
    """The reduce side: absorbs map results in any order, then writes the corpus view."""

    def __init__(self, rules: LinkRules, work: Path) -> None:
        self.rules = rules
        self.work = work
        self.index = EntityIndex()
        self.members = (work / "members.spool").open("w", encoding="utf-8")
        self.events = (work / "events.spool").open("w", encoding="utf-8")
        self.summary = LinkSummary()

    def add(self, result: MapResult) -> None:
        self.index.absorb(result.index)
        for row in result.members:
            self.members.write(_dumps(row) + "\n")
        for node in result.events:
            self.events.write(node.dump() + "\n")
        self.summary.documents += result.records
        self.summary.clusters += len(result.members)
        self.summary.record_events += result.record_events
        self.summary.partitions += 1

    def close(self) -> None:
        self.members.close()
        self.events.close()

    def finish(self, out_dir: Path) -> LinkSummary:
        self.close()
        self.index.resolve()
        numbers = self.index.numbering()
        names = {n: self.index.summaries[r].name() for r, n in numbers.items()}
        self.summary.entities = len(numbers)
        _atomic(out_dir / ENTITIES_FILE, lambda f: self._write_entities(f, numbers))
        _atomic(out_dir / EVENTS_FILE, lambda f: self._write_events(f, numbers, names))
        return self.summary

    # ------------------------------------------------------------------ entities.jsonl

    def _rows(self) -> Iterator[dict[str, Any]]:
        with (self.work / "members.spool").open(encoding="utf-8") as f:
            for line in f:
                yield json.loads(line)

    def _write_entities(self, out: IO[str], numbers: dict[str, int]) -> None:
        find = self.index.uf.find
        sort = ExternalSort(self.work, "entities")
        for row in self._rows():
            sort.add((numbers[find(row["rep"])], tuple(row["order"])), _dumps(row))
        roots = {n: r for r, n in numbers.items()}
        for number, group in groupby(sort.sorted(), key=lambda kv: kv[0][0]):
            root = roots[number]
            rows = [json.loads(payload) for _, payload in group]
            out.write(_dumps(self._entity(number, root, rows).dump()) + "\n")
        sort.close()

    def _entity(self, number: int, root: str, rows: list[dict[str, Any]]) -> CorpusEntity:
        s = self.index.summaries[root]
        docs = [r["doc"] for r in rows]
        if len(set(zip(docs, (r["cluster"] for r in rows), strict=True))) < len(rows):
            raise LinkError(f"a document id is given twice in the inputs (see {docs[0]!r})")
        name = s.name()
        return CorpusEntity(
            id=f"CE{number}",
            label=s.label(),
            name=name,
            aliases=s.aliases(name),
            norm=s.norm(),
            titles=[t for t, _ in sorted(s.titles.items(), key=lambda kv: (-kv[1], kv[0]))],
            n_documents=len(set(docs)),
            n_mentions=s.mentions,
            members=[
                EntityMember(
                    doc=r["doc"],
                    cluster=r["cluster"],
                    name=r["name"],
                    label=r["label"],
                    mentions=r["mentions"],
                    via=self.index.via(r, root),
                )
                for r in rows
            ],
        )

    # ------------------------------------------------------------------ events.jsonl

    def _nodes(self, numbers: dict[str, int]) -> Iterator[tuple[EventNode, list[int | None]]]:
        """The spooled events, each with its participants' entity numbers."""
        find = self.index.uf.find
        with (self.work / "events.spool").open(encoding="utf-8") as f:
            for line in f:
                node = EventNode.load(line)
                yield (
                    node,
                    [numbers[find(p.rep)] if p.rep else None for p in node.participants],
                )

    def _write_events(self, out: IO[str], numbers: dict[str, int], names: dict[int, str]) -> None:
        rules = self.rules.events
        linker = EventLinker(rules)
        blocks = ExternalSort(self.work, "blocks")
        for node, entities in self._nodes(numbers):
            if rules.for_type(node.type) is None:
                continue
            cand = Candidate(
                order=node.order,
                doc=node.doc,
                status=node.status,
                date=node.date,
                published=node.published,
                entities=frozenset(e for e in entities if e is not None),
                values=node.values,
                texts={k: frozenset(v) for k, v in node.texts.items()},
            )
            for entity in sorted(cand.entities):
                blocks.add((node.type, entity), _dumps(cand.dump()))
        for (etype, _), group in groupby(blocks.sorted(), key=lambda kv: (kv[0][0], kv[0][1])):
            linker.link_block(etype, [Candidate.load(json.loads(p)) for _, p in group])
        blocks.close()
        firsts = linker.firsts()
        edges = linker.edges_by_group(firsts)
        sort = ExternalSort(self.work, "events")
        for node, entities in self._nodes(numbers):
            first = linker.group_of(node.order, firsts)
            sort.add((first, node.order), _dumps([node.dump(), entities]))
        number = 0
        for (p, n), rows in groupby(sort.sorted(), key=lambda kv: tuple(kv[0][0])):
            number += 1
            nodes = []
            for _, payload in rows:
                dumped, entities = json.loads(payload)
                nodes.append((EventNode.load(dumped), entities))
            event = corpus_event(
                number, nodes, edges.get((p, n), []), names, rules.for_type(nodes[0][0].type)
            )
            self.summary.linked_events += len(nodes) > 1
            out.write(_dumps(event.dump()) + "\n")
        self.summary.events = number
        sort.close()


def _atomic(path: Path, write: Callable[[IO[str]], None]) -> None:
    with atomic_file(path) as f:  # a failure leaves no partial file
        write(f)


def _rules_path(rules: str | Path | None) -> Path:
    return Path(rules).resolve() if rules is not None else (models_dir() / RULES_FILE).resolve()


def _map_local(parts: list[Partition], rules_path: Path) -> Iterator[MapResult]:
    for part in parts:
        yield map_partition(part, str(rules_path))


def link_records(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    *,
    rules: str | Path | None = None,
    engine: str = "local",
    workers: int = 2,
    scheduler: str | None = None,
    partition_bytes: int = PARTITION_BYTES,
    progress: Callable[[int], None] | None = None,
) -> LinkSummary:
    """Link the records of ``paths`` (JSONL files of ``newsrel extract``) into ``out_dir``.

    ``engine="dask"`` maps partitions on a Dask cluster (``scheduler``, or a LocalCluster of
    ``workers`` processes); the output is the same as ``engine="local"``'s.
    """
    if engine not in ENGINES:
        raise LinkError(f"unknown engine {engine!r}; one of {', '.join(ENGINES)}")
    started = time.perf_counter()
    rules_path = _rules_path(rules)
    link_rules = load_link_rules(rules_path)
    parts = plan_partitions([Path(p) for p in paths], partition_bytes)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".link-", dir=out))
    reducer = Reducer(link_rules, work)
    try:
        if engine == "dask":
            from pipeline.link.dask import map_on_dask

            results: Iterable[MapResult] = map_on_dask(parts, rules_path, workers, scheduler)
        else:
            results = _map_local(parts, rules_path)
        for result in results:
            reducer.add(result)
            if progress is not None:
                progress(result.records)
        summary = reducer.finish(out)
    finally:
        reducer.close()
        shutil.rmtree(work, ignore_errors=True)
    summary.seconds = time.perf_counter() - started
    summary.out = str(out)
    return summary


def link(
    records: Iterable[Record],
    out_dir: str | Path,
    *,
    rules: str | Path | None = None,
    chunk: int = 1000,
) -> LinkSummary:
    """:func:`link_records` for records already in memory (a notebook, a test)."""
    started = time.perf_counter()
    link_rules = load_link_rules(_rules_path(rules))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".link-", dir=out))
    reducer = Reducer(link_rules, work)
    try:
        batch: list[Record] = []
        number = 0
        for record in records:
            batch.append(record)
            if len(batch) >= chunk:
                reducer.add(map_records(number, iter(batch), link_rules))
                number, batch = number + 1, []
        if batch:
            reducer.add(map_records(number, iter(batch), link_rules))
        summary = reducer.finish(out)
    finally:
        reducer.close()
        shutil.rmtree(work, ignore_errors=True)
    summary.seconds = time.perf_counter() - started
    summary.out = str(out)
    return summary
