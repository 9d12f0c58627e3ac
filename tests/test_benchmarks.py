"""The benchmark scripts are run by hand, not by CI; this keeps them importable (a removed
helper module once broke one silently)."""

from __future__ import annotations

import importlib
import sys

import pytest

from .conftest import ROOT

SCRIPTS = sorted(p.stem for p in (ROOT / "benchmarks").glob("*.py"))


@pytest.mark.parametrize("name", SCRIPTS)
def test_benchmark_script_imports_and_has_a_main(name: str, monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    module = importlib.import_module(name)
    try:
        assert module.__doc__, f"benchmarks/{name}.py says nothing about what it measures"
        assert name == "reuters" or callable(getattr(module, "main", None))
    finally:
        sys.modules.pop(name, None)
