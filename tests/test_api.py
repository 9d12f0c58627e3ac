from __future__ import annotations

import subprocess
import sys

import pipeline

PUBLIC_API = [
    "Record",
    "build_report",
    "extract_files",
    "extract_text",
    "load_nlp",
    "read_records",
    "render",
    "to_frames",
]


def test_public_api_is_pinned() -> None:
    assert sorted(pipeline.__all__) == PUBLIC_API


def test_every_public_name_has_a_lazy_import() -> None:
    assert sorted(pipeline._API) == sorted(pipeline.__all__)


def test_every_public_name_resolves_to_a_callable_or_class() -> None:
    for name in pipeline.__all__:
        assert callable(getattr(pipeline, name)), name


def test_importing_pipeline_loads_neither_spacy_nor_pandas() -> None:
    code = "import sys, pipeline; print(sorted(m for m in ('spacy', 'pandas') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_unknown_attribute_raises_attribute_error() -> None:
    import pytest

    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        pipeline.nope  # noqa: B018
