"""The grammar the date handlers share: regular-expression fragments compiled once per rules
object from the word lists of ``models/normalise.json``, and the text clean-up every
expression goes through before a handler reads it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pipeline.normalise.dates.context import DateContext
from pipeline.normalise.dates.values import Timex
from pipeline.normalise.numbers import word_number
from pipeline.normalise.rules import NormaliseRules

# what follows a modifier word: one hyphen or space after "mid" ("mid-1990s"), any run of them
# after the others ("early 1990", "late-1990s")
_MODIFIER_GAP = {"MID": "[- ]"}


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Grammar:
    rules: NormaliseRules
    month: str
    weekday: str
    season: str
    pod: str
    unit: str
    number: str
    ordinal: str
    rel: str  # the group of ``relative_leads``: "(last|next|...)"
    duration_lead: str
    lead: re.Pattern[str]
    modifiers: tuple[tuple[re.Pattern[str], str], ...]
    zoned_clock: re.Pattern[str]

    @classmethod
    def of(cls, rules: NormaliseRules) -> Grammar:
        # "a"/"an" only lead a number ("a hundred", "a dozen") or stand alone: "seven a year ago"
        # is not 8 years
        nums = _alt(w for w in rules.number_words if w not in ("half", "a", "an"))
        words = rf"(?:an? )?(?:{nums})(?:[- ](?:{nums}))*"
        vague = _alt([*rules.vague_numbers, *rules.couple_words])
        zones = "|".join(re.escape(z) for z in rules.time_zones)
        return cls(
            rules=rules,
            month=rf"(?:{_alt(rules.months)})\.?",
            weekday=rf"(?:{_alt(rules.weekdays)})\.?",
            season=_alt(rules.seasons),
            pod=_alt(rules.parts_of_day),
            unit=_alt(rules.units),
            number=rf"(?:\d+(?:\.\d+)?(?: \d/\d)?|{vague}|{words}|an?)",
            ordinal=_alt(rules.ordinals),
            rel="(" + "|".join(re.escape(w) for w in rules.relative_leads) + ")",
            duration_lead="|".join(re.escape(w) for w in rules.duration_leads),
            # longest first, so "at least 30 days" loses "at least", not just "at"
            lead=re.compile(rf"^(?:{_alt(rules.date_leads)})\s+"),
            modifiers=tuple(
                (
                    re.compile(
                        r"^(?:the )?(?:"
                        + "|".join(re.escape(w) for w in modifier_words)
                        + ")"
                        + _MODIFIER_GAP.get(kind, r"[\s-]+")
                    ),
                    kind,
                )
                for kind, modifier_words in rules.date_modifiers.items()
            ),
            # a wire service's 24-hour clock with its time zone: "1000 EST", "0900 edt", "1900gmt"
            zoned_clock=re.compile(rf"(?:at )?([01]\d|2[0-3])([0-5]\d) ?(?:hrs )?(?:{zones})"),
        )

    def month_no(self, word: str) -> int:
        return self.rules.months[word.lower().rstrip(".")]

    def number_of(self, word: str) -> float | None:
        """ "12" → 12, "2 1/2" → 2.5, "a couple of" → 2, "a hundred" → 100, "a" → 1;
        None for vague counts ("several", "a few")."""
        word = word.strip()
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            return float(word)
        m = re.fullmatch(r"(\d+) (\d)/(\d)", word)
        if m and int(m.group(3)):
            return int(m.group(1)) + int(m.group(2)) / int(m.group(3))
        if word in self.rules.couple_words:
            return 2.0
        if word in self.rules.vague_numbers:
            return None
        words = re.split(r"[ ]+", word)
        if len(words) > 1 and words[0] in ("a", "an"):
            words = words[1:]
        return word_number(words, self.rules)

    def unit_code(self, word: str) -> str:
        w = word.lower()
        if w in self.rules.units:
            return self.rules.units[w]
        return self.rules.units.get(w.rstrip("s"), "")


_GRAMMARS: dict[int, tuple[NormaliseRules, Grammar]] = {}


def grammar(rules: NormaliseRules) -> Grammar:
    """The compiled grammar of ``rules`` (built once per rules object)."""
    hit = _GRAMMARS.get(id(rules))
    if hit is None or hit[0] is not rules:
        hit = _GRAMMARS[id(rules)] = (rules, Grammar.of(rules))
    return hit[1]


Handler = Callable[[str, Grammar, DateContext], Timex | None]


def clean(text: str) -> str:
    t = text.lower().replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    t = re.sub(r"\s+", " ", t).strip(' ,;:()"')
    t = re.sub(r"\s*-\s*", "-", t)
    t = re.sub(r"\s+([,.])", r"\1", t)  # tokenised text: "April 27 , 2005"
    t = t.removesuffix("'s")
    t = re.sub(r"\bthis past\b", "last", t)  # "this past spring"
    return re.sub(r"\bthis coming\b", "next", t)


def strip_leads(t: str, g: Grammar) -> tuple[str, str | None]:
    """``t`` without the words before its value, and the TIMEX3 ``mod`` they gave: prepositions
    and hedges ("by", "at least"), the article of the noun the date modifies ("an Aug. 10, 1988
    filing", "a fourth-quarter loss"), then one modifier ("early", "the end of")."""
    while True:
        t2 = g.lead.sub("", t)
        if t2 == t:
            break
        t = t2
    t = re.sub(rf"^an? (?=(?:{g.month}) \d|\d|(?:{g.ordinal})[- ])", "", t)
    mod = None
    for pattern, kind in g.modifiers:
        t2 = pattern.sub("", t)
        if t2 != t and t2:
            t, mod = t2, kind
            break
    if mod:  # "the end of the year": the year in hand, not a stretch of one
        t = re.sub(r"^the (year|month|week|decade|century)$", r"this \1", t.removeprefix("in "))
    return t, mod
