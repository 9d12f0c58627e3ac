"""The wheel holds every subpackage and data file the library loads."""

from __future__ import annotations

import tomllib

from .conftest import ROOT


def test_every_subpackage_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        p.parent.relative_to(ROOT).as_posix().replace("/", ".")
        for p in (ROOT / "pipeline").rglob("__init__.py")
    }
    assert found | {"pipeline.models"} == listed
