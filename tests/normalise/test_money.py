from __future__ import annotations

import pytest

from pipeline.normalise.money import normalise_money
from pipeline.normalise.rules import load_rules

RULES = load_rules()


@pytest.mark.parametrize(
    ("text", "norm"),
    [
        ("$313.7 million", {"amount": 313700000, "currency": "USD"}),
        ("\\$1 billion", {"amount": 1000000000, "currency": "USD"}),
        ("US$2.5bn", {"amount": 2500000000, "currency": "USD"}),
        ("£600m", {"amount": 600000000, "currency": "GBP"}),
        ("1.2 trillion roubles", {"amount": 1200000000000, "currency": "RUB"}),
        ("EUR 40 million", {"amount": 40000000, "currency": "EUR"}),
        ("tenge 5 billion", {"amount": 5000000000, "currency": "KZT"}),
        ("€3,500", {"amount": 3500, "currency": "EUR"}),
        ("50 cents", {"amount": 0.5, "currency": "USD"}),
        ("five million Canadian dollars", {"amount": 5000000, "currency": "CAD"}),
        ("about $1 billion", {"amount": 1000000000, "currency": "USD", "qualifier": "approx"}),
        ("more than $2 billion", {"amount": 2000000000, "currency": "USD", "qualifier": "min"}),
        ("up to 300 million yen", {"amount": 300000000, "currency": "JPY", "qualifier": "max"}),
        (
            "$1-2 billion",
            {"amount": 1000000000, "max": 2000000000, "currency": "USD", "qualifier": "range"},
        ),
        (
            "$1.5 billion to $2 billion",
            {"amount": 1500000000, "max": 2000000000, "currency": "USD", "qualifier": "range"},
        ),
        ("a billion dollars", {"amount": 1000000000, "currency": "USD"}),
    ],
)
def test_money_normalises_amount_and_currency(text: str, norm: dict) -> None:
    found = normalise_money(text, RULES)
    assert found is not None
    assert found.to_norm() == norm


def test_money_without_a_number_keeps_currency_and_no_amount() -> None:
    found = normalise_money("dollars", RULES)
    assert found is not None and found.to_norm() == {"amount": None, "currency": "USD"}


def test_money_without_number_or_currency_is_none() -> None:
    assert normalise_money("a lot", RULES) is None
