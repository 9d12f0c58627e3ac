"""The part store: committed batches merged by id, and a resume that must match the run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.run.parts import Part, PartStore, ResumeError


def test_resume_refuses_different_settings(tmp_path: Path) -> None:
    store = PartStore(tmp_path / "o.jsonl")
    store.start({"published": "2017-09-29"}, resume=False)
    with pytest.raises(ResumeError, match="published='2017-09-29'"):
        PartStore(tmp_path / "o.jsonl").start({"published": None}, resume=True)


def test_part_store_merges_out_of_order_parts_by_id(tmp_path: Path) -> None:
    store = PartStore(tmp_path / "o.jsonl")
    assert store.start({}, resume=False) == set()
    rec = lambda i: (i, json.dumps({"id": i}))  # noqa: E731
    store.commit(Part(2, ("e", "f"), (rec("f"), rec("e"))))
    store.commit(Part(0, ("a", "b"), (rec("a"),), (("b", '{"id":"b","kind":"empty"}'),)))
    store.commit(Part(5, ("c", "d"), (rec("c"), rec("d"))))  # a resumed run filling a gap
    assert PartStore(tmp_path / "o.jsonl").start({}, resume=True) == set("abcdef")
    assert store.finish() == (5, 1)
    assert [json.loads(x)["id"] for x in (tmp_path / "o.jsonl").read_text().splitlines()] == list(
        "acdef"
    )
    assert (tmp_path / "o.errors.jsonl").read_text() == '{"id":"b","kind":"empty"}\n'
