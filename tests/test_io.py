from __future__ import annotations

import json
from typing import Any

import pytest

from pipeline.io import _same_in_pydantic_json, dumps
from pipeline.schema import Record

TEXT = 'Acme paid \u20ac1.5 billion\u2028\t"\\\x7f'


def _record(norm: Any = None, meta: dict[str, Any] | None = None) -> Record:
    money = {"id": "T1", "start": 10, "end": 22, "text": "\u20ac1.5 billion", "label": "MONEY"}
    return Record.model_validate(
        {
            "id": "x",
            "text": TEXT,
            "meta": {"title": "Acme", **(meta or {})},
            "entities": [{**money, "norm": norm}],
            "clusters": [{"id": "E1", "label": "MONEY", "name": "x", "mentions": ["T1"]}],
        }
    )


def _json_module(record: Record) -> str:
    """The reference serialisation: the json module over the record's dump."""
    return json.dumps(record.dump(), ensure_ascii=False, separators=(",", ":"))


@pytest.mark.parametrize(
    ("norm", "meta", "fast"),
    [
        (None, None, True),
        ({"amount": 1.5e9, "unit": "EUR"}, None, True),
        ({"value": 0.5, "max_value": 7.25, "range": [1, 2.5]}, None, True),
        ({"big": 2**70, "flag": True, "none": None}, None, True),
        (None, {"score": 0.25, "tags": ["a", "\u00e9"]}, True),
        # floats written with an exponent or not finite: pydantic writes them differently
        ({"amount": 1e-05}, None, False),
        ({"amount": 1e16}, None, False),
        ({"amount": float("inf")}, None, False),
        ({"amount": float("nan")}, None, False),
        (None, {"score": 1e-07}, False),
        ({"deep": [{"x": 2e20}]}, None, False),
    ],
)
def test_dumps_equals_the_json_module(norm: Any, meta: dict[str, Any] | None, fast: bool) -> None:
    record = _record(norm, meta)
    assert _same_in_pydantic_json(record) is fast
    assert dumps(record) == _json_module(record)
