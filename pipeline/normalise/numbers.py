"""Numbers, percentages and plain quantities, as values.

``parse_amount("313.7 million")`` → 313700000.0; ``normalise_percent("75.6 percent")`` →
``NumberValue(value=75.6)``; the direction of a change ("an increase of 75.6 percent") comes from
:func:`change_direction` over the words around the entity.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.normalise.rules import NormaliseRules

_NUM = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\d])")
_FRACTION = re.compile(r"(\d+)\s+(\d)/(\d)")
_PERCENT = re.compile(r"%|\bper\s*cent\b|\bpercent\b|\bpct\b", re.I)
_POINTS = re.compile(r"percentage points?|points?\b|basis points?|\bbp\b", re.I)
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*\.?|\S", re.I)


@dataclass(frozen=True)
class NumberValue:
    value: float
    unit: str | None = None
    qualifier: str | None = None  # approx / min / max
    change: str | None = None  # "+" / "-"
    max_value: float | None = None  # the top of a range ("5-7 percent")

    def to_norm(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": tidy(self.value)}
        if self.max_value is not None:
            out["max"] = tidy(self.max_value)
        for key in ("unit", "qualifier", "change"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out


def tidy(x: float) -> float | int:
    """``1e9`` → ``1000000000`` (an int when whole), else the float rounded to 10 digits."""
    r = round(x, 10)
    return int(r) if r == int(r) and abs(r) < 1e18 else r


def word_number(words: Sequence[str], rules: NormaliseRules) -> float | None:
    """``["twenty", "five"]`` → 25; ``["a"]`` → 1; None when a word is not a number word."""
    if not words:
        return None
    total = 0.0
    current = 0.0
    for w in words:
        w = w.lower().strip(".")
        if w in ("and",):
            continue
        parts = w.split("-")
        for p in parts:
            if p not in rules.number_words:
                return None
            n = rules.number_words[p]
            if p == "hundred":
                current = (current or 1) * 100
            elif p == "dozen":
                current = (current or 1) * 12
            elif p == "half" and current:
                current += 0.5
            else:
                current += n
    total += current
    return total


def parse_amount(text: str, rules: NormaliseRules) -> float | None:
    """The first number in ``text`` with its magnitude word: "1.2 trillion" → 1.2e12,
    "2.5bn" → 2.5e9, "five million" → 5e6, "a billion" → 1e9."""
    n = first_number(text, rules)
    if n is None:
        return None
    value, rest = n
    m = re.match(r"\s*-?\s*([a-z]+)\b", rest, re.I)
    if m and m.group(1).lower() in rules.magnitudes:
        word = m.group(1).lower()
        # single letters (m, b, k) only when glued to the number: "600m", not "600 m"
        if len(word) > 1 or not rest[:1].isspace():
            value *= rules.magnitudes[word]
    return value


def first_number(text: str, rules: NormaliseRules) -> tuple[float, str] | None:
    """The first number (digits or number words) in ``text`` and the text after it."""
    m = _NUM.search(text)
    words = _WORD.findall(text)
    # number words before any digits: "five million", "a billion", "twenty-five percent"
    wstart = None
    for i, w in enumerate(words):
        lw = w.lower().strip(".")
        if all(p in rules.number_words for p in lw.split("-")) and lw not in ("a", "an", "half"):
            wstart = i
            break
        if lw in ("a", "an") and i + 1 < len(words) and words[i + 1].lower() in rules.magnitudes:
            wstart = i
            break
    if m and (wstart is None or _index_of_word(text, words, wstart) > m.start()):
        value = float(m.group(1).replace(",", "") + ("." + m.group(2) if m.group(2) else ""))
        return value, text[m.end() :]
    if wstart is None:
        return None
    end = wstart
    while end < len(words) and (
        all(p in rules.number_words for p in words[end].lower().strip(".").split("-"))
        or words[end].lower() == "and"
    ):
        end += 1
    spelled = word_number(words[wstart:end], rules)
    if spelled is None:
        return None
    value = spelled
    after = _index_of_word(text, words, end) if end < len(words) else len(text)
    return value, text[after:]


def _index_of_word(text: str, words: list[str], i: int) -> int:
    pos = 0
    for j, w in enumerate(words):
        pos = text.find(w, pos)
        if j == i:
            return pos
        pos += len(w)
    return len(text)


def qualifier_of(text: str, rules: NormaliseRules) -> str | None:
    """approx / min / max from words such as "about", "more than", "up to" in ``text``."""
    low = " " + " ".join(text.lower().split()) + " "
    for kind in ("min", "max", "approx"):
        for w in rules.qualifiers.get(kind, []):
            if f" {w} " in low or low.startswith(f" {w}"):
                return kind
    return None


def change_direction(words: Sequence[str], rules: NormaliseRules) -> str | None:
    """ "+" / "-" when one of ``words`` (the entity's neighbours) states a direction."""
    for w in words:
        lw = w.lower()
        for sign, vocab in rules.change_words.items():
            if lw in vocab:
                return sign
    return None


def _range_top(text: str) -> float | None:
    m = re.search(r"\d[\d,.]*\s*(?:-|–|to|and)\s*(\d[\d,]*(?:\.\d+)?)", text)
    return float(m.group(1).replace(",", "")) if m else None


def normalise_percent(
    text: str, rules: NormaliseRules, *, context: Sequence[str] = ()
) -> NumberValue | None:
    """ "75.6 percent" → 75.6; "5-7%" → 5 with max 7; "10 percentage points" → unit "pp"."""
    n = first_number(text, rules)
    if n is None:
        return None
    unit = "pp" if _POINTS.search(text) and not _PERCENT.search(text.split("point")[0]) else None
    return NumberValue(
        value=n[0],
        unit=unit,
        qualifier=qualifier_of(text, rules),
        change=change_direction([*_WORD.findall(text), *context], rules),
        max_value=_range_top(text),
    )


def normalise_quantity(text: str, rules: NormaliseRules) -> NumberValue | None:
    """ "5 million tonnes" → 5e6, unit "tonnes"; "more than 100" → 100, qualifier "min"."""
    value = parse_amount(text, rules)
    if value is None:
        return None
    m = re.search(r"[\d.,]+\s*(?:[a-z]+\s+)?(?:of\s+)?([a-z][a-z.²³/-]*)\s*$", text.lower())
    unit = None
    if m and m.group(1) not in rules.magnitudes and m.group(1) not in rules.number_words:
        unit = m.group(1)
    return NumberValue(value=value, unit=unit, qualifier=qualifier_of(text, rules))
