"""The normalisers' word lists (``models/normalise.json``), validated on load.

Currency codes must be ISO 4217 codes known to pycountry; added entity patterns must compile
in spaCy's Matcher. A bad entry fails with :class:`~pipeline.rulefiles.RuleError` naming the file
and the field.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry
from pydantic import Field, field_validator, model_validator

from pipeline.rulefiles import RuleError, _Rule, load_json, models_dir

FILE = "normalise.json"


class AddedEntity(_Rule):
    id: str = Field(min_length=1)
    label: str = Field(pattern=r"^(DATE|TIME)$")
    pattern: list[dict[str, Any]] = Field(min_length=1)
    description: str = ""


def _iso4217(code: str) -> str:
    if pycountry.currencies.get(alpha_3=code) is None:
        raise ValueError(f"{code!r} is not an ISO 4217 currency code")
    return code


class NormaliseRules(_Rule):
    about: str = ""
    currency_symbols: dict[str, str]
    currency_words: dict[str, str]
    currency_adjectives: dict[str, str]
    subunits: dict[str, float]
    magnitudes: dict[str, float]
    number_words: dict[str, float]
    vague_numbers: list[str]
    qualifiers: dict[str, list[str]]
    change_words: dict[str, list[str]]
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    units: dict[str, str]
    unit_modifiers: list[str] = []
    ordinals: dict[str, int]
    refs: dict[str, str]
    relative_days: dict[str, int]
    relative_words: dict[str, int]
    relative_leads: list[str]
    date_leads: list[str]
    date_modifiers: dict[str, list[str]]
    duration_leads: list[str]
    couple_words: list[str]
    time_zones: list[str]
    set_words: dict[str, str]
    future_words: list[str]
    holidays: dict[str, str]
    split_connectors: list[str]
    absorb_before: list[str] = []
    absorb_before_unit: list[str] = []
    lowercase_not_dates: list[str]
    added_entities: list[AddedEntity]

    @field_validator("currency_symbols", "currency_words", "currency_adjectives")
    @classmethod
    def _codes(cls, v: dict[str, str]) -> dict[str, str]:
        for word, code in v.items():
            try:
                _iso4217(code)
            except ValueError as e:
                raise ValueError(f"{word!r}: {e}") from e
        return v

    @field_validator("months")
    @classmethod
    def _months(cls, v: dict[str, int]) -> dict[str, int]:
        bad = [k for k, m in v.items() if not 1 <= m <= 12]
        if bad:
            raise ValueError(f"month numbers must be 1-12: {bad}")
        return v

    @field_validator("weekdays")
    @classmethod
    def _weekdays(cls, v: dict[str, int]) -> dict[str, int]:
        bad = [k for k, d in v.items() if not 1 <= d <= 7]
        if bad:
            raise ValueError(f"ISO weekday numbers must be 1-7: {bad}")
        return v

    @field_validator("qualifiers")
    @classmethod
    def _qualifier_kinds(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        if set(v) - {"approx", "min", "max"}:
            raise ValueError(f"qualifier kinds are approx, min, max, not {sorted(set(v))}")
        return v

    @field_validator("change_words")
    @classmethod
    def _directions(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        if set(v) - {"+", "-"}:
            raise ValueError("change directions are '+' and '-'")
        return v

    @field_validator("refs")
    @classmethod
    def _refs(cls, v: dict[str, str]) -> dict[str, str]:
        bad = {k: r for k, r in v.items() if r not in ("PAST_REF", "PRESENT_REF", "FUTURE_REF")}
        if bad:
            raise ValueError(f"refs must be PAST_REF, PRESENT_REF or FUTURE_REF: {bad}")
        return v

    @field_validator("date_modifiers")
    @classmethod
    def _modifier_kinds(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        if set(v) - {"START", "END", "MID"}:
            raise ValueError(f"modifier kinds are START, END, MID, not {sorted(set(v))}")
        return v

    @model_validator(mode="after")
    def _relative_leads_have_a_step(self) -> NormaliseRules:
        unknown = [w for w in self.relative_leads if w not in self.relative_words]
        if unknown:
            raise ValueError(f"relative_leads: not in relative_words: {unknown}")
        return self

    @model_validator(mode="after")
    def _lowercase_words(self) -> NormaliseRules:
        """The date word lists are matched against lower-cased text."""
        lists = {
            "relative_leads": self.relative_leads,
            "date_leads": self.date_leads,
            "duration_leads": self.duration_leads,
            "couple_words": self.couple_words,
            "time_zones": self.time_zones,
            **{f"date_modifiers.{k}": words for k, words in self.date_modifiers.items()},
        }
        for name, words in lists.items():
            upper = [w for w in words if w != w.lower()]
            if upper:
                raise ValueError(f"{name}: words must be lower case: {upper}")
        return self

    @model_validator(mode="after")
    def _lowercase_keys(self) -> NormaliseRules:
        for name in (
            "currency_words",
            "currency_adjectives",
            "magnitudes",
            "number_words",
            "months",
            "weekdays",
            "seasons",
            "parts_of_day",
            "units",
            "ordinals",
            "refs",
            "relative_days",
            "relative_words",
            "set_words",
            "holidays",
        ):
            table = getattr(self, name)
            upper = [k for k in table if k != k.lower()]
            if upper:
                raise ValueError(f"{name}: keys must be lower case: {upper}")
        return self


def check_patterns(path: Path, rules: NormaliseRules) -> None:
    from spacy.matcher import Matcher
    from spacy.vocab import Vocab

    matcher = Matcher(Vocab(), validate=True)
    for row in rules.added_entities:
        try:
            matcher.add(row.id, [row.pattern])
        except (ValueError, KeyError) as e:
            raise RuleError(f"{path} (rule {row.id!r}): field 'pattern': {e}") from e


@lru_cache(maxsize=4)
def load_rules(path: Path | None = None) -> NormaliseRules:
    """The validated rules from ``path`` (default: ``models/normalise.json``), cached."""
    path = path or models_dir() / FILE
    rules = load_json(path, NormaliseRules)
    check_patterns(path, rules)
    return rules
