from __future__ import annotations

from pathlib import Path

from pipeline.link.spool import ExternalSort


def test_rows_come_back_sorted_with_ties_in_the_order_they_came(tmp_path: Path) -> None:
    sort = ExternalSort(tmp_path, "t", chunk=3)
    rows = [((2, "b"), "x"), ((1, "z"), "y"), ((2, "b"), "z"), ((0, "a"), "w"), ((2, "a"), "v")]
    for key, payload in rows:
        sort.add(key, payload)
    assert len(sort.runs) == 1  # one run of three on disk, two rows in memory
    got = [(tuple(k), p) for k, p in sort.sorted()]
    assert got == [
        ((0, "a"), "w"),
        ((1, "z"), "y"),
        ((2, "a"), "v"),
        ((2, "b"), "x"),
        ((2, "b"), "z"),
    ]
    sort.close()
    assert list(tmp_path.iterdir()) == []


def test_a_payload_budget_writes_runs_early(tmp_path: Path) -> None:
    sort = ExternalSort(tmp_path, "t", chunk=1000, budget=10)
    for i in range(5):
        sort.add((5 - i,), "x" * 6)
    assert len(sort.runs) == 2
    assert [k for k, _ in sort.sorted()] == [[1], [2], [3], [4], [5]]
    sort.close()
