from __future__ import annotations

import ast
import json
import subprocess
import sys

import pytest

import pipeline

from .conftest import ROOT

PUBLIC_API = [
    "Document",
    "ErrorRecord",
    "Meta",
    "Record",
    "RecordError",
    "build_report",
    "corpus_event_rows",
    "extract_documents",
    "extract_files",
    "extract_text",
    "load_nlp",
    "network_svg",
    "read_records",
    "render",
    "timeline_svg",
    "to_frames",
]


def test_public_api_is_pinned() -> None:
    assert sorted(pipeline.__all__) == PUBLIC_API


def test_every_public_name_has_a_lazy_import() -> None:
    assert sorted(pipeline._API) == sorted(pipeline.__all__)


def test_type_checkers_see_each_public_name_from_its_lazy_module() -> None:
    """The ``if TYPE_CHECKING:`` imports of pipeline/__init__.py give type checkers and editors
    the names; they must import each public name from the module the lazy table gives."""
    tree = ast.parse((ROOT / "pipeline" / "__init__.py").read_text(encoding="utf-8"))
    (block,) = [
        node
        for node in tree.body
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name)
        if node.test.id == "TYPE_CHECKING"
    ]
    seen = {
        alias.name: node.module
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert seen == {name: f"pipeline.{module}" for name, module in pipeline._API.items()}


def test_every_public_name_resolves_to_a_callable_or_class() -> None:
    for name in pipeline.__all__:
        assert callable(getattr(pipeline, name)), name


def test_importing_pipeline_loads_neither_spacy_nor_pandas() -> None:
    code = "import sys, pipeline; print(sorted(m for m in ('spacy', 'pandas') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_unknown_attribute_raises_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        pipeline.nope  # noqa: B018


def test_extract_text_takes_meta_as_a_schema_meta_or_a_plain_dict(nlp) -> None:
    text = "Dana Orlova met the trade minister in Almaty on Friday."
    as_dict = pipeline.extract_text(
        text, {"published": "2017-09-29", "outlet": "Kazinform"}, nlp=nlp
    )
    as_meta = pipeline.extract_text(
        text, pipeline.Meta(published="2017-09-29", outlet="Kazinform"), nlp=nlp
    )
    assert as_meta == as_dict
    assert as_meta.meta.published == "2017-09-29" and as_meta.meta.outlet == "Kazinform"
    (date,) = [e for e in as_meta.entities if e.label == "DATE"]
    assert date.norm is not None and date.norm["value"] == "2017-09-29"


def _from_pipeline(node: ast.Import | ast.ImportFrom) -> bool:
    names = (
        [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
    )
    return any(name.split(".")[0] == "pipeline" for name in names)


def test_example_notebook_imports_only_the_public_api() -> None:
    nb = json.loads((ROOT / "docs" / "example.ipynb").read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    imports = [n for n in ast.walk(ast.parse(code)) if isinstance(n, ast.Import | ast.ImportFrom)]
    ours = [n for n in imports if _from_pipeline(n)]
    assert ours, "the notebook imports from pipeline"
    for node in ours:
        assert isinstance(node, ast.ImportFrom) and node.module == "pipeline", ast.unparse(node)
        assert {a.name for a in node.names} <= set(pipeline.__all__), ast.unparse(node)
