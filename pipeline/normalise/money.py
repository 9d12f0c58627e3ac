"""Money amounts: ``normalise_money("$313.7 million")`` → ``MoneyValue(313700000, "USD")``.

The currency comes from a symbol ("$", "US$", "£"), an ISO 4217 code ("EUR 40 million"), a
currency word ("1.2 trillion roubles", "tenge 5 billion") or an adjective + dollar ("Canadian
dollars"); every code is checked against pycountry when the rules load. Ranges ("$1-2 billion")
keep both ends; approximations and bounds keep a qualifier (approx / min / max).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pycountry

from pipeline.normalise.numbers import parse_amount, qualifier_of, tidy
from pipeline.normalise.rules import NormaliseRules


@dataclass(frozen=True)
class MoneyValue:
    amount: float | None
    currency: str | None
    qualifier: str | None = None
    max_amount: float | None = None

    def to_norm(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "amount": None if self.amount is None else tidy(self.amount),
            "currency": self.currency,
        }
        if self.max_amount is not None:
            out["max"] = tidy(self.max_amount)
        if self.qualifier:
            out["qualifier"] = self.qualifier
        return out


@lru_cache(maxsize=1024)
def _is_iso(code: str) -> bool:
    return pycountry.currencies.get(alpha_3=code) is not None


def currency_of(text: str, rules: NormaliseRules) -> str | None:
    """The ISO 4217 code named in ``text``, or None."""
    for sym in sorted(rules.currency_symbols, key=len, reverse=True):
        if sym.isalpha():
            if re.search(rf"(?<![A-Za-z]){re.escape(sym)}(?![A-Za-z])", text):
                return rules.currency_symbols[sym]
        elif sym in text:
            return rules.currency_symbols[sym]
    for m in re.finditer(r"(?<![A-Za-z])([A-Z]{3})(?![A-Za-z])", text):
        if _is_iso(m.group(1)):
            return m.group(1)
    low = " " + re.sub(r"[^a-z.' ]+", " ", text.lower()) + " "
    for adj in sorted(rules.currency_adjectives, key=len, reverse=True):
        if re.search(rf" {re.escape(adj)} (dollars?|currency) ", low):
            return rules.currency_adjectives[adj]
    for word in sorted(rules.currency_words, key=len, reverse=True):
        if f" {word} " in low:
            return rules.currency_words[word]
    for word in rules.subunits:
        if f" {word} " in low:
            return "USD" if word in ("cent", "cents") else None
    return None


_RANGE = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)(\s*[a-z]+)?\s*(?:-|–|to|and)\s*[^\d\s]{0,4}\s*(\d[\d,]*(?:\.\d+)?)\s*([a-z]+)?",
    re.I,
)


def normalise_money(text: str, rules: NormaliseRules) -> MoneyValue | None:
    """The amount and currency of a MONEY entity's text; None when no number is found."""
    text = text.replace("\\$", "$").replace("\u00a0", " ")
    currency = currency_of(text, rules)
    qualifier = qualifier_of(text, rules)
    low = f" {text.lower()} "
    sub = next((f for w, f in rules.subunits.items() if f" {w} " in low or f" {w}." in low), None)
    m = _RANGE.search(text)
    if m:
        mag_word = (m.group(4) or "").lower()
        mag = rules.magnitudes.get(mag_word, 1.0) if mag_word else 1.0
        lo = float(m.group(1).replace(",", ""))
        hi = float(m.group(3).replace(",", ""))
        lo_amount = (
            parse_amount(text[m.start() : m.end(2) if m.group(2) else m.end(1)], rules) or lo
        )
        if lo_amount == lo:  # "1-2 billion": the magnitude is written once, after the top
            lo_amount = lo * mag
        return MoneyValue(lo_amount, currency, qualifier or "range", hi * mag)
    amount = parse_amount(text, rules)
    if amount is None:
        return MoneyValue(None, currency, qualifier) if currency else None
    if sub is not None and not any(s in text for s in rules.currency_symbols if not s.isalpha()):
        amount *= sub
    return MoneyValue(amount, currency, qualifier)
