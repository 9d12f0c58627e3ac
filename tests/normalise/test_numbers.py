from __future__ import annotations

import pytest

from pipeline.normalise.numbers import normalise_percent, normalise_quantity, parse_amount
from pipeline.normalise.rules import load_rules

RULES = load_rules()


@pytest.mark.parametrize(
    ("text", "context", "norm"),
    [
        ("75.6 percent", ["an", "increase", "of"], {"value": 75.6, "change": "+"}),
        ("75.6 percent", [], {"value": 75.6}),
        ("5%", ["fell"], {"value": 5, "change": "-"}),
        ("12.5 per cent", ["up"], {"value": 12.5, "change": "+"}),
        ("about 10 percent", [], {"value": 10, "qualifier": "approx"}),
        ("5-7%", [], {"value": 5, "max": 7}),
        ("twenty-five percent", [], {"value": 25}),
        ("two percentage points", ["down"], {"value": 2, "unit": "pp", "change": "-"}),
    ],
)
def test_percent_value_and_direction(text: str, context: list[str], norm: dict) -> None:
    found = normalise_percent(text, RULES, context=context)
    assert found is not None and found.to_norm() == norm


@pytest.mark.parametrize(
    ("text", "norm"),
    [
        ("more than 100", {"value": 100, "qualifier": "min"}),
        ("5 million tonnes", {"value": 5000000, "unit": "tonnes"}),
        ("two", {"value": 2}),
        ("1,250", {"value": 1250}),
    ],
)
def test_quantity_value_unit_and_qualifier(text: str, norm: dict) -> None:
    found = normalise_quantity(text, RULES)
    assert found is not None and found.to_norm() == norm


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("313.7 million", 313.7e6),
        ("2.5bn", 2.5e9),
        ("600m", 600e6),
        ("600 m", 600),
        ("a billion", 1e9),
    ],
)
def test_parse_amount_applies_magnitude(text: str, amount: float) -> None:
    assert parse_amount(text, RULES) == pytest.approx(amount)


def test_percent_without_number_is_none() -> None:
    assert normalise_percent("percent", RULES) is None
