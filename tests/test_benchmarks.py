"""The benchmark scripts are run by hand, not by CI; this keeps them importable (a removed
helper module once broke one silently), and checks the fresh-process mode of throughput.py
parses its arguments and computes its ratios right (no timing is asserted)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

SCRIPTS = sorted(p.stem for p in (ROOT / "benchmarks").glob("*.py"))
HELPERS = {"reuters", "fresh"}  # modules the scripts import; no command of their own


@pytest.mark.parametrize("name", SCRIPTS)
def test_benchmark_script_imports_and_has_a_main(name: str, monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    module = importlib.import_module(name)
    try:
        assert module.__doc__, f"benchmarks/{name}.py says nothing about what it measures"
        assert name in HELPERS or callable(getattr(module, "main", None))
    finally:
        sys.modules.pop(name, None)


@pytest.fixture
def throughput(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    yield importlib.import_module("throughput")
    for name in ("throughput", "fresh"):
        sys.modules.pop(name, None)


@pytest.fixture
def fresh(throughput):
    return importlib.import_module("fresh")


def test_throughput_defaults_run_every_mode_with_each_modes_document_count(throughput) -> None:
    args = throughput.parse_args([])
    assert args.only is None
    assert (throughput.docs_for(args, "fresh"), throughput.docs_for(args, "inprocess")) == (
        600,
        2000,
    )
    assert args.rounds == 3
    assert args.newsrel == [Path(sys.executable).parent / "newsrel"]


@pytest.mark.parametrize(
    ("argv", "only", "docs"),
    [
        (["--only", "fresh"], "fresh", 600),
        (["--only", "inprocess"], "inprocess", 2000),
        (["--only", "throughput"], "inprocess", 2000),  # the rows' old name still works
        (["--only", "fresh", "--docs", "50"], "fresh", 50),
    ],
)
def test_throughput_only_picks_the_mode(throughput, argv, only, docs) -> None:
    args = throughput.parse_args(argv)
    assert args.only == only
    assert throughput.docs_for(args, only) == docs


def test_throughput_times_each_newsrel_given_against_the_bare_script_of_python(
    throughput,
) -> None:
    args = throughput.parse_args(
        [
            "--python",
            "/v/a/bin/python",
            "--newsrel",
            "/v/a/bin/newsrel",
            "--newsrel",
            "/v/b/bin/newsrel",
        ]
    )
    assert args.python == Path("/v/a/bin/python")
    assert args.newsrel == [Path("/v/a/bin/newsrel"), Path("/v/b/bin/newsrel")]


def test_throughput_refuses_zero_rounds(throughput, capsys) -> None:
    with pytest.raises(SystemExit):
        throughput.parse_args(["--rounds", "0"])
    assert "--rounds" in capsys.readouterr().err


def test_fresh_rows_alternate_bare_and_each_newsrel_per_input_size(fresh, tmp_path) -> None:
    inputs = {600: tmp_path / "600.jsonl", 0: tmp_path / "0.jsonl"}
    rows = fresh.make_rows(
        Path("/v/a/bin/python"),
        [Path("/v/a/bin/newsrel"), Path("/v/b/bin/newsrel")],
        inputs,
        tmp_path,
    )
    assert [row.name for row in rows] == [
        "bare, 0 docs",
        "newsrel (a), 0 docs",
        "newsrel (b), 0 docs",
        "bare, 600 docs",
        "newsrel (a), 600 docs",
        "newsrel (b), 600 docs",
    ]
    assert rows[4].cmd == (
        "/v/a/bin/newsrel",
        "extract",
        str(inputs[600]),
        "-o",
        str(rows[4].out),
    )
    assert rows[3].cmd[0] == "/v/a/bin/python"
    assert (tmp_path / "bare.py").read_text(encoding="utf-8") == fresh.BARE_SCRIPT


def rounds_of(fresh, cpu: dict[str, list[float]]) -> list[dict]:
    """Results of len(...) rounds with the given CPU seconds per row, wall = 2 x CPU."""
    n = len(next(iter(cpu.values())))
    return [{name: fresh.Timing(2 * s[r], s[r]) for name, s in cpu.items()} for r in range(n)]


def test_fresh_ratio_is_the_median_of_the_per_round_ratios(fresh) -> None:
    results = rounds_of(fresh, {"bare": [10.0, 10.0, 9.0], "newsrel": [20.0, 12.5, 9.0]})
    assert fresh.ratios(results, "bare", "newsrel", "cpu") == [0.5, 0.8, 1.0]
    assert fresh.median_ratio(results, "bare", "newsrel", "cpu") == pytest.approx(0.8)
    assert fresh.median_ratio(results, "bare", "newsrel", "wall") == pytest.approx(0.8)


def test_fresh_summary_splits_newsrels_extra_cpu_into_startup_first_and_other_documents(
    fresh, tmp_path
) -> None:
    inputs = {0: tmp_path / "0", 1: tmp_path / "1", 10: tmp_path / "10"}
    rows = fresh.make_rows(Path("/v/a/bin/python"), [Path("/v/a/bin/newsrel")], inputs, tmp_path)
    # newsrel: 0.5 s more start-up, 0.5 s more on the first document, 2 s more on the other 9
    results = rounds_of(
        fresh,
        {
            "bare, 0 docs": [1.0, 1.0],
            "newsrel (a), 0 docs": [1.5, 1.5],
            "bare, 1 docs": [1.5, 1.5],
            "newsrel (a), 1 docs": [2.5, 2.5],
            "bare, 10 docs": [10.5, 10.5],
            "newsrel (a), 10 docs": [13.5, 13.5],
        },
    )
    lines = fresh.summary(results, rows, 10, words=900)
    text = "\n".join(lines)
    assert "ratio bare / newsrel, CPU 0.78 (rounds 0.78, 0.78), wall 0.78" in text
    assert "beyond bare: 3.00" in text
    assert [line.split()[-1] for line in lines if line.startswith("    ")] == [
        "(17%)",
        "(17%)",
        "(67%)",
    ]
    assert "on the documents after the first, CPU 0.82" in text  # 9 / 11
    assert "bare, 10 docs: 86 words per CPU second" in text


def test_fresh_run_refuses_a_row_that_missed_documents(fresh) -> None:
    row = fresh.Row("bare, 3 docs", "bare", 3, (sys.executable, "-c", "print(2)"))
    with pytest.raises(SystemExit, match="2 documents out of 3"):
        fresh.run(row)
