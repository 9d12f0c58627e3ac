"""Temporal expressions as TIMEX3 values, resolved against the document date.

``normalise_date("Sept. 22", rules, DateContext(anchor=date(2017, 9, 29)))`` →
``Timex("DATE", "2017-09-22")``. A small grammar (the handlers below, tried in order, with word
lists from ``models/normalise.json``) covers what news writes: relative days and weekdays,
month-day(-year), months, years, decades, quarters, halves, seasons, "last/next/this UNIT",
"N UNITs ago/earlier", durations, sets, times of day, ranges ("January-July") and TimeML's
PAST_REF/PRESENT_REF/FUTURE_REF. dateparser is the fallback for other absolute strings, only
when the text holds a digit or a month name (it reads "may" or "are" as dates otherwise).
An expression that cannot be resolved keeps its type with ``value=None``, never a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from pipeline.normalise.numbers import tidy, word_number
from pipeline.normalise.rules import NormaliseRules

Date = dt.date
NEAR_DAYS = 62  # a month(-day) this close to the anchor is taken as meant, whatever the tense
PAST_BIAS_DAYS = 92  # beyond that, a month(-day) in an untold tense leans to the past by this much


@dataclass(frozen=True)
class Timex:
    """A TIMEX3-style value: ``type`` DATE / TIME / DURATION / SET, ``value`` or None."""

    type: str
    value: str | None
    start: str | None = None
    end: str | None = None
    mod: str | None = None
    rule: str = ""

    def to_norm(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type, "value": self.value}
        for key in ("start", "end", "mod"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out


@dataclass(frozen=True)
class DateContext:
    """What a relative expression is resolved against.

    ``anchor``: the document date; ``tense``: "past" / "future" / None, of the clause the
    expression sits in; ``reference``: the last date value resolved earlier in the document
    (for "a year earlier", "the year-ago quarter"); ``period``: the last quarter or half.
    """

    anchor: Date | None = None
    tense: str | None = None
    reference: str | None = None
    reference_range: tuple[str, str] | None = None
    period: str | None = None  # the last quarter or half named ("1989-Q3"): "the 1988 quarter"

    def quarter(self) -> str | None:
        """The quarter or half in hand: the reference if it is one, else the last one named."""
        if self.reference and re.fullmatch(r"\d{4}-[QH][1-4]", self.reference):
            return self.reference
        return self.period


# --- small date arithmetic ---------------------------------------------------------------


def add_months(d: Date, n: int) -> Date:
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return Date(y, m, 1)


def iso_week(d: Date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(d: Date) -> int:
    return (d.month - 1) // 3 + 1


def shift_value(value: str, years: int) -> str | None:
    """Move a TIMEX3 date value by whole years, keeping its grain: 1989-Q3 → 1988-Q3."""
    m = re.match(r"^(\d{4})(.*)$", value)
    if not m:
        return None
    rest = m.group(2)
    if rest == "-02-29":
        rest = "-02-28"
    return f"{int(m.group(1)) + years}{rest}"


def resolve_year_of(month: int, day: int | None, ctx: DateContext) -> int | None:
    """The year of a month(-day) written without one: the occurrence nearest the anchor, or
    the last one before it (past tense) or the next one after it (future tense)."""
    a = ctx.anchor
    if a is None:
        return None
    cands = []
    for y in (a.year - 1, a.year, a.year + 1):
        try:
            cands.append(Date(y, month, day or 1))
        except ValueError:
            continue
    if not cands:
        return None
    ref = a if day else Date(a.year, a.month, 1)
    nearest = min(cands, key=lambda c: abs((c - ref).days))
    if abs((nearest - ref).days) <= NEAR_DAYS:
        return nearest.year
    if ctx.tense == "past":
        past = [c for c in cands if c <= ref]
        if past:
            return max(past).year
    if ctx.tense == "future":
        fut = [c for c in cands if c >= ref]
        if fut:
            return min(fut).year
    # untold tense, far off: news tells more of the past, so a past occurrence wins unless the
    # next one is more than three months nearer
    return min(cands, key=lambda c: abs((c - ref).days) - (PAST_BIAS_DAYS if c <= ref else 0)).year


# --- the grammar -------------------------------------------------------------------------


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


def clean(text: str) -> str:
    t = text.lower().replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    t = re.sub(r"\s+", " ", t).strip(' ,;:()"')
    t = re.sub(r"\s*-\s*", "-", t)
    t = re.sub(r"\s+([,.])", r"\1", t)  # tokenised text: "April 27 , 2005"
    t = t.removesuffix("'s")
    t = re.sub(r"\bthis past\b", "last", t)  # "this past spring"
    return re.sub(r"\bthis coming\b", "next", t)


def normalise_date(text: str, rules: NormaliseRules, ctx: DateContext) -> Timex:
    """The TIMEX3 value of a temporal expression (a DATE/TIME entity's text)."""
    g = grammar(rules)
    if text.strip() in rules.lowercase_not_dates:  # "may", "march": verbs, not months
        return Timex("DATE", None, rule="not-a-date")
    t = clean(text)
    while True:  # prepositions and hedges are not part of the value
        t2 = g.lead.sub("", t)
        if t2 == t:
            break
        t = t2
    # "an Aug. 10, 1988 filing", "a fourth-quarter loss": the article belongs to the noun
    t = re.sub(rf"^an? (?=(?:{g.month}) \d|\d|(?:{g.ordinal})[- ])", "", t)
    mod = None
    for pattern, kind in g.modifiers:
        t2 = pattern.sub("", t)
        if t2 != t and t2:
            t, mod = t2, kind
            break
    if mod:  # "the end of the year": the year in hand, not a stretch of one
        t = re.sub(r"^the (year|month|week|decade|century)$", r"this \1", t.removeprefix("in "))
    for handler in HANDLERS:
        out = handler(t, g, ctx)
        if out is not None:
            return replace(out, mod=mod) if mod and out.type != "DURATION" else out
    return Timex(_guess_type(t, g), None, rule="unresolved")


def _guess_type(t: str, g: Grammar) -> str:
    if re.search(rf"\b(?:{g.unit})s?\b", t) and re.search(rf"\b{g.number}\b", t):
        return "DURATION"
    if re.search(r"\b(?:a\.m|p\.m|am|pm|noon|midnight|o'clock)\b|\d:\d\d", t):
        return "TIME"
    return "DATE"


Handler = Callable[[str, Grammar, DateContext], Timex | None]


def _fmt(d: Date) -> str:
    return d.isoformat()


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


# --- handlers ----------------------------------------------------------------------------


def h_ref(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    if t in g.rules.refs:
        return Timex("DATE", g.rules.refs[t], rule="ref")
    return None


def h_set(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    r = g.rules
    if t in r.set_words:
        return Timex("SET", r.set_words[t], rule="set.word")
    m = re.fullmatch(rf"({g.weekday})s(?: ({g.pod}))?|({g.weekday}) ({g.pod})s", t)
    if m:  # "Mondays", "Tuesday nights"
        day = r.weekdays[(m.group(1) or m.group(3)).rstrip(".")]
        pod = m.group(2) or m.group(4)
        value = f"XXXX-WXX-{day}" + (f"T{r.parts_of_day[pod]}" if pod else "")
        return Timex("SET", value, rule="set.weekdays")
    m = re.fullmatch(r"(?:(?:once|twice|\w+ times) )?(?:every|each|per|a|an) (other )?(.+)", t)
    if not m or (t.startswith(("a ", "an ")) and not t.startswith(("once", "twice"))):
        return None
    what = m.group(2)
    step = 2 if m.group(1) else 1
    if what in r.weekdays:
        return Timex("SET", f"XXXX-WXX-{r.weekdays[what]}", rule="set.weekday")
    if what.rstrip(".") in r.months:
        return Timex("SET", f"XXXX-{g.month_no(what):02d}", rule="set.month")
    if what in r.parts_of_day:
        return Timex("SET", f"XXXX-XX-XXT{r.parts_of_day[what]}", rule="set.pod")
    if what in r.seasons:
        return Timex("SET", f"XXXX-{r.seasons[what]}", rule="set.season")
    u = g.unit_code(what)
    if u:
        return Timex("SET", _period(step, u) or f"P{step}{u}", rule="set.unit")
    return None


_SMALLER = {"Y": (12, "M"), "D": (24, "H"), "H": (60, "M"), "MIN": (60, "S")}


def _period(n: float | None, u: str) -> str | None:
    """P3Y, PT5H, P6M, PXY (n None), with quarters as months and decades as years; a fraction
    goes into the next smaller unit: 2.5 years → P2Y6M, 1.5 minutes → PT1M30S."""
    if n is not None and n != int(n) and u in _SMALLER:
        k, small = _SMALLER[u]
        rest = (n - int(n)) * k
        if rest == int(rest):
            whole = f"{int(n)}{'M' if u == 'MIN' else u}" if int(n) else ""
            t = "T" if u in ("H", "MIN") else ""
            tt = "T" if u == "D" else ""
            return f"P{t}{whole}{tt}{int(rest)}{small}"
    num = "X" if n is None else (str(int(n)) if n == int(n) else str(n))
    if u == "Q":
        return "PXM" if n is None else f"P{int(n * 3)}M" if n * 3 == int(n * 3) else None
    if u in ("H", "S"):
        return f"PT{num}{u}"
    if u == "MIN":
        return f"PT{num}M"
    if u == "HALF":
        return None
    if u in ("DE", "CE"):  # decades and centuries as years: P10Y, P100Y, PXY
        years = 10 if u == "DE" else 100
        return "PXY" if n is None else f"P{tidy(n * years)}Y"
    if u in ("Y", "M", "W", "D", "WE"):
        return f"P{num}{u}"
    return None


def h_relative_day(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    r = g.rules
    m = re.fullmatch(
        rf"(the day before yesterday|the day after tomorrow|yesterday|today|tomorrow|tonight|"
        rf"overnight|this|last|late|early)(?:'s)?(?: ({g.pod}))?",
        t,
    )
    if not m:
        return None
    word, pod = m.group(1), m.group(2)
    if word in ("this", "late", "early") and not pod:
        return None
    if word == "last" and pod not in ("night",):
        return None
    if word in ("this", "late", "early"):
        offset = 0
    elif word == "last":
        offset = -1
    else:
        offset = r.relative_days[word]
    if word == "tonight":
        pod = "tonight"
    if ctx.anchor is None:
        return Timex("TIME" if pod else "DATE", None, rule="relative-day")
    d = ctx.anchor + dt.timedelta(days=offset)
    if pod:
        return Timex("TIME", f"{_fmt(d)}T{r.parts_of_day[pod]}", rule="relative-day.pod")
    return Timex("DATE", _fmt(d), rule="relative-day")


def h_numeric(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:t.*)?", t)
    if m:
        return _date_or_none(int(m.group(1)), int(m.group(2)), int(m.group(3)), "numeric.iso")
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", t)
    if m:
        return _date_or_none(int(m.group(3)), int(m.group(2)), int(m.group(1)), "numeric.dmy")
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", t)
    if m:
        y = _full_year(m.group(3), ctx)
        return _date_or_none(y, int(m.group(1)), int(m.group(2)), "numeric.mdy")
    m = re.fullmatch(r"(\d{4})-(\d{2})", t)
    if m and 1 <= int(m.group(2)) <= 12:
        return Timex("DATE", t, rule="numeric.ym")
    return None


def _full_year(s: str, ctx: DateContext) -> int:
    if len(s) == 4:
        return int(s)
    y = int(s)
    base = ctx.anchor.year if ctx.anchor else 2000
    cands = [c * 100 + y for c in (base // 100 - 1, base // 100)]
    return min(cands, key=lambda c: abs(c - base) if c <= base + 10 else 1000)


def _date_or_none(y: int, m: int, d: int, rule: str) -> Timex | None:
    try:
        return Timex("DATE", _fmt(Date(y, m, d)), rule=rule)
    except ValueError:
        return None


def _year_text(s: str | None, ctx: DateContext) -> int | None:
    if not s:
        return None
    s = s.strip(" ,'")
    return _full_year(s, ctx) if s.isdigit() else None


def h_range(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    """ "january-july", "jan. 5-7", "1995-98", "between 1990 and 1995", "from march to may 2017"."""
    mo = g.month
    yr = r"(?:,? ('?\d{2}|\d{4}))?"
    m = re.fullmatch(
        rf"(?:between |from )?(?:the )?({mo}){yr}(?:-| to | and | through | until )({mo}){yr}", t
    )
    if m:
        m1, m2 = g.month_no(m.group(1)), g.month_no(m.group(3))
        y2 = _year_text(m.group(4), ctx)
        y1 = _year_text(m.group(2), ctx) or y2
        if y2 is None:
            y2 = resolve_year_of(m2, None, ctx)
            y1 = y2
        if y1 is None or y2 is None:
            return Timex("DATE", None, rule="range.month")
        if y1 == y2 and m1 > m2:
            y1 -= 1
        return Timex("DATE", None, start=_ym(y1, m1), end=_ym(y2, m2), rule="range.month")
    m = re.fullmatch(rf"({mo}) (\d{{1,2}})(?:-| to | and | through )(\d{{1,2}}){yr}", t)
    if m:
        mn = g.month_no(m.group(1))
        y = _year_text(m.group(4), ctx) or resolve_year_of(mn, int(m.group(2)), ctx)
        if y is None:
            return Timex("DATE", None, rule="range.days")
        a, b = _date_or_none(y, mn, int(m.group(2)), ""), _date_or_none(y, mn, int(m.group(3)), "")
        if a and b:
            return Timex("DATE", None, start=a.value, end=b.value, rule="range.days")
    m = re.fullmatch(
        r"(?:between |from )?(?:the )?(\d{4})(?:-| to | and | through )(\d{2}|\d{4})", t
    )
    if m:
        y1 = int(m.group(1))
        y2 = int(m.group(2)) if len(m.group(2)) == 4 else y1 // 100 * 100 + int(m.group(2))
        if y1 < y2 and 1000 <= y1 <= 2999:
            return Timex("DATE", None, start=str(y1), end=str(y2), rule="range.years")
    return None


def h_month_day(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    mo = g.month
    wd = rf"(?:(?:{g.weekday}),? )?"
    tail = r"(?:,? ('?\d{2}|\d{4}))?"
    rel = re.match(r"(?:the |last |this |next )", t)
    t = t[rel.end() :] if rel else t
    m = re.fullmatch(rf"{wd}({mo}) (\d{{1,2}})(?:st|nd|rd|th)?{tail}(?:,? (.*))?", t)
    if m:
        mn, day, ytxt, rest = g.month_no(m.group(1)), int(m.group(2)), m.group(3), m.group(4)
    else:
        m = re.fullmatch(
            rf"{wd}(?:the )?(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({mo}){tail}(?:,? (.*))?", t
        )
        if not m:
            return None
        mn, day, ytxt, rest = g.month_no(m.group(2)), int(m.group(1)), m.group(3), m.group(4)
    if not 1 <= day <= 31:
        return None
    word = rel.group(0).strip() if rel else ""
    y = _year_text(ytxt, ctx)
    if y is None and word in ("last", "next") and ctx.anchor is not None:
        a = ctx.anchor
        later = (mn, day) > (a.month, a.day)
        y = a.year - (1 if later else 0) if word == "last" else a.year + (0 if later else 1)
    y = y or resolve_year_of(mn, day, ctx)
    if y is None:
        return Timex("DATE", None, rule="month-day")
    base = _date_or_none(y, mn, day, "month-day")
    if base is None:
        return None
    if rest:
        tm = _clock(rest, g)
        if tm:
            return Timex("TIME", f"{base.value}T{tm}", rule="month-day.time")
        return None
    return base


def h_month(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    m = re.fullmatch(
        rf"(?:(last|next|this|past|previous|coming|the) )?({g.month})(?:,? (?:of )?('?\d{{2}}|\d{{4}}))?"
        r"(?: (this|last|next) year)?(?: month)?",
        t,
    )
    if not m:
        return None
    mn = g.month_no(m.group(2))
    y = _year_text(m.group(3), ctx)
    rel = m.group(1)
    if m.group(4) and ctx.anchor is not None:
        y = ctx.anchor.year + {"last": -1, "next": 1}.get(m.group(4), 0)
    if y is None and ctx.anchor is not None:
        a = ctx.anchor
        if rel in ("last", "past", "previous"):  # "last February" told in March: a year back
            y = a.year if mn < a.month - 1 else a.year - 1
        elif rel in ("next", "coming"):
            y = a.year if mn > a.month else a.year + 1
        elif rel == "this":
            y = a.year
        else:
            y = resolve_year_of(mn, None, ctx)
    if y is None:
        return Timex("DATE", None, rule="month")
    return Timex("DATE", _ym(y, mn), rule="month")


def h_season(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    m = re.fullmatch(rf"(?:the )?(?:{g.rel} )?({g.season})(?: (?:of )?(\d{{4}}))?", t)
    if not m:
        return None
    code = g.rules.seasons[m.group(2)]
    y = _year_text(m.group(3), ctx)
    if y is None:
        if ctx.anchor is None:
            return Timex("DATE", None, rule="season")
        y = ctx.anchor.year + {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(
            m.group(1) or "", 0
        )
        if m.group(1) in ("last", "past", "previous") and _season_started(code, ctx.anchor):
            y += 1  # "last fall" in December is this year's
        if m.group(1) in ("next", "coming") and not _season_started(code, ctx.anchor):
            y -= 1
    return Timex("DATE", f"{y}-{code}", rule="season")


def _season_started(code: str, d: Date) -> bool:
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    return d.month > start + 2


def _reporting_quarter(a: Date) -> tuple[int, int]:
    d = a - dt.timedelta(days=45)
    return d.year, quarter_of(d)


def h_quarter(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    r = g.rules
    a = ctx.anchor
    year_tail = r"(?:,? (?:of |in )?(?:fiscal |the )?(?:(\d{4})|(last|this|next) year|(?:the )?(?:fiscal )?year))?"
    year_head = r"(?:(\d{4}) |(last|this|next|current) year's |(?:comparable |corresponding )?(year-earlier|year-ago|prior-year|previous-year|year earlier) )?"
    m = re.fullmatch(
        rf"(?:the |its |their |this |that )?{year_head}(?:fiscal[- ])?({g.ordinal})[- ](?:fiscal[- ])?"
        rf"(quarter|half|quarters|halves|period){year_tail}"
        r"(?: (?:results|earnings|period|profit|loss|net|sales))?",
        t,
    )
    if m and (m.group(5) != "period"):
        n = r.ordinals[m.group(4)]
        kind = "Q" if m.group(5).startswith("quarter") else "H"
        y = int(m.group(1)) if m.group(1) else int(m.group(6)) if m.group(6) else None
        rel = m.group(2) or m.group(7)
        if y is None and a is not None:
            y = a.year + {"last": -1, "next": 1}.get(rel or "", 0)
            cur = quarter_of(a) if kind == "Q" else (1 if a.month <= 6 else 2)
            if n == -1:
                n = 4 if kind == "Q" else 2
                y -= 1
            elif not rel and n > cur + (1 if kind == "Q" else 0) and ctx.tense != "future":
                y -= 1
            if m.group(3):
                y -= 1
        if n == -1:
            n = 4 if kind == "Q" else 2
        if y is None:
            return Timex("DATE", None, rule="quarter")
        return Timex("DATE", f"{y}-{kind}{n}", rule="quarter")
    m = re.fullmatch(r"q([1-4])(?: (\d{4}))?", t)
    if m and a is not None:
        return Timex("DATE", f"{m.group(2) or a.year}-Q{m.group(1)}", rule="quarter.q")
    m = re.fullmatch(rf"(?:the )?(?:{g.rel} )?(?:fiscal )?(quarter|period)", t)
    if m:
        rel = m.group(1)
        if m.group(2) == "period" and rel not in ("latest", "recent", "same"):
            return None
        if rel == "same" and ctx.reference:
            return Timex("DATE", ctx.reference, rule="quarter.same")
        if a is None:
            return Timex("DATE", None, rule="quarter.relative")
        if rel in ("this", "current"):
            y, q = a.year, quarter_of(a)
        elif rel in ("next", "coming", "following"):
            d = add_months(Date(a.year, a.month, 1), 3)
            y, q = d.year, quarter_of(d)
        elif rel in ("last", "previous", "prior", "past", "preceding"):
            d = add_months(Date(a.year, a.month, 1), -3)
            y, q = d.year, quarter_of(d)
        else:
            if (ctx.quarter() or "")[5:6] == "Q":
                return Timex("DATE", ctx.quarter(), rule="quarter.reference")
            y, q = _reporting_quarter(a)
        return Timex("DATE", f"{y}-Q{q}", rule="quarter.relative")
    return None


def h_year_ago_period(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    """ "the year-earlier quarter", "year-ago", "the same period last year": the reference, a year back."""
    m = (
        re.fullmatch(
            r"(?:the )?(?:a )?(?:(?:comparable|corresponding|same) )?"
            r"(?:year-earlier|year-ago|year earlier|prior-year|previous-year|year-before)"
            r"(?: (quarter|period|month|level|levels|figure|results))?",
            t,
        )
        or re.fullmatch(
            r"(?:the )?(?:(?:same|corresponding|comparable) )?(quarter|period|month|time|week)"
            r" (?:a year ago|last year|a year earlier)",
            t,
        )
        or re.fullmatch(r"(?:the )?(?:last|previous|prior) year's (quarter|period)", t)
    )
    if not m or (m.group(1) in ("time", "week") and not t.startswith(("the same", "same"))):
        return None
    if ctx.reference_range and m.group(1) in (None, "period", "time", "month", "quarter"):
        start, end = (shift_value(v, -1) for v in ctx.reference_range)
        return Timex("DATE", None, start=start, end=end, rule="year-earlier.range")
    ref = ctx.reference
    day_ref = re.fullmatch(r"\d{4}-\d{2}-\d{2}", ref or "")
    if ctx.quarter() and (m.group(1) in ("quarter", "period") or day_ref):
        ref = ctx.quarter()  # "the quarter ended Sept. 30 ... the year-ago quarter": the quarter
    if ref and re.match(r"^\d{4}-", ref):
        return Timex("DATE", shift_value(ref, -1), rule="year-earlier.reference")
    if ctx.anchor is not None:
        return Timex("DATE", str(ctx.anchor.year - 1), rule="year-earlier")
    return Timex("DATE", None, rule="year-earlier")


def h_week_of(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    """ "the week of March 6": the ISO week holding that day."""
    m = re.fullmatch(r"(?:the )?week (?:of|beginning|starting) (.+)", t)
    if not m:
        return None
    day = h_month_day(m.group(1), g, ctx)
    d = _date_of_value(day.value) if day and day.value and len(day.value) == 10 else None
    return Timex("DATE", iso_week(d), rule="week-of") if d else None


def h_year_period(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    """ "the 1988 quarter": the quarter (or half) in hand, in that year."""
    m = re.fullmatch(r"(?:the )?(\d{4}) (quarter|period)", t)
    if not m:
        return None
    part = re.fullmatch(r"\d{4}(-[QH][1-4])", ctx.quarter() or "")
    return Timex("DATE", m.group(1) + part.group(1) if part else m.group(1), rule="year-period")


def h_that(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    """ "that year", "earlier that day", "the same day": the last date the text named, at a grain."""
    m = re.fullmatch(
        r"(?:(?:earlier|later) (?:in )?)?(?:that|the same|that same) (day|week|month|year|quarter)",
        t,
    )
    if not m:
        return None
    ref = ctx.reference or ""
    if not ref and m.group(1) != "quarter":
        return Timex("DATE", None, rule="that")
    cut = {"year": 4, "month": 7, "day": 10}.get(m.group(1))
    if m.group(1) == "quarter":
        return Timex("DATE", ctx.quarter(), rule="that")
    if m.group(1) == "week":
        d = _date_of_value(ref)
        return Timex("DATE", iso_week(d) if d and len(ref) >= 10 else None, rule="that")
    if cut and len(ref) >= cut and re.match(r"^\d{4}(-\d{2})?(-\d{2})?", ref[:cut]):
        return Timex("DATE", ref[:cut], rule="that")
    return Timex("DATE", None, rule="that")


def h_relative_unit(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    m = re.fullmatch(
        rf"(?:(?:earlier|later) )?(the )?{g.rel}[- ](?:fiscal |calendar )?"
        r"(year|month|week|weekend|decade|century|day)",
        t,
    )
    if not m:
        return None
    the, rel, unit = m.group(1), m.group(2), m.group(3)
    if (
        the
        and rel in ("past", "last", "coming", "next", "following", "previous", "prior", "preceding")
        and unit != "weekend"
    ):
        if rel in ("following", "previous", "prior", "preceding") and ctx.anchor is not None:
            pass  # "the previous year": a date, below
        elif rel in ("past", "last") and unit in ("year", "decade") and ctx.anchor is not None:
            pass  # "the past year", "the last decade": TimeBank marks the year or decade before
        else:
            return Timex("DURATION", _period(1, g.unit_code(unit)), rule="relative-unit.duration")
    if rel in ("latest", "recent", "same"):
        return None
    a = ctx.anchor
    if rel in ("following", "previous", "prior", "preceding"):
        a = _reference_at(ctx, unit) or a  # anaphoric: the year after the one just named
    if a is None:
        return Timex("DATE", None, rule="relative-unit")
    step = g.rules.relative_words.get(rel, 0)
    if unit == "year":
        return Timex("DATE", str(a.year + step), rule="relative-unit")
    if unit == "month":
        d = add_months(Date(a.year, a.month, 1), step)
        return Timex("DATE", _ym(d.year, d.month), rule="relative-unit")
    if unit in ("week", "weekend"):
        d = a + dt.timedelta(weeks=step)
        suffix = "-WE" if unit == "weekend" else ""
        return Timex("DATE", iso_week(d) + suffix, rule="relative-unit")
    if unit == "decade":
        return Timex("DATE", str(a.year // 10 + step)[:3], rule="relative-unit")
    if unit == "century":
        return Timex("DATE", str(a.year // 100 + step), rule="relative-unit")
    if unit == "day":
        return Timex("DATE", _fmt(a + dt.timedelta(days=step)), rule="relative-unit")
    return None


def _reference_at(ctx: DateContext, unit: str) -> Date | None:
    """The reference date, when it is at least as fine as ``unit`` ("year", "month", "day")."""
    ref = ctx.reference or ""
    need = {"year": r"\d{4}", "decade": r"\d{4}", "century": r"\d{4}", "month": r"\d{4}-\d{2}"}.get(
        unit, r"\d{4}-\d{2}-\d{2}"
    )
    return _date_of_value(ref) if re.match(need, ref) else None


def _grain_shift(base: Date, unit: str, n: int) -> str:
    if unit == "Y":
        return str(base.year + n)
    if unit == "M":
        d = add_months(Date(base.year, base.month, 1), n)
        return _ym(d.year, d.month)
    if unit == "W":
        return iso_week(base + dt.timedelta(weeks=n))
    if unit == "D":
        return _fmt(base + dt.timedelta(days=n))
    if unit == "DE":
        return str(base.year + 10 * n)[:3]
    if unit == "CE":
        return str(base.year // 100 + n)
    if unit == "Q":
        d = add_months(Date(base.year, base.month, 1), 3 * n)
        return f"{d.year}-Q{quarter_of(d)}"
    return ""


def _date_of_value(value: str) -> Date | None:
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    q = re.match(r"^(\d{4})-Q([1-4])", value)
    if q:
        return Date(int(q.group(1)), 3 * int(q.group(2)) - 2, 1)
    if not m:
        return None
    try:
        return Date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def h_ago(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    m = re.fullmatch(
        rf"({g.number})[- ]({g.unit})(?: and a half)?(?: or so)? "
        r"(ago|earlier|before|later|after|from now|hence|back|previously)",
        t,
    )
    if not m:
        stray = re.fullmatch(
            r"\S+ (an? .+ (?:ago|earlier))", t
        )  # "seven a year ago": a stray count
        return h_ago(stray.group(1), g, ctx) if stray else None
    n = g.number_of(m.group(1))
    unit = g.unit_code(m.group(2))
    direction = -1 if m.group(3) in ("ago", "earlier", "before", "back", "previously") else 1
    if n is None:
        return Timex("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", rule="ago.vague")
    if ctx.anchor is None or unit not in ("Y", "M", "W", "D", "DE", "CE", "Q"):
        return Timex("DATE", None, rule="ago")
    k = int(n) * direction
    ref = ctx.reference if m.group(3) != "ago" else None
    if ref is None and m.group(3) == "ago" and unit == "Y" and ctx.reference:
        # "a year ago" beside a reporting quarter means that quarter a year back
        if re.fullmatch(r"\d{4}-Q[1-4]", ctx.reference):
            ref = ctx.reference
    if ref and unit == "Y" and ctx.quarter() and re.fullmatch(r"\d{4}-\d{2}-\d{2}", ref):
        ref = ctx.quarter()  # "the quarter ended Sept. 30 ... a year earlier": the quarter
    if ref and unit == "Y" and re.fullmatch(r"\d{4}(-Q[1-4]|-\d{2}|-H[12])?", ref):
        return Timex("DATE", shift_value(ref, k), rule="ago.reference")
    base = ctx.anchor
    if ref:
        base = _date_of_value(ref) or base
    return Timex("DATE", _grain_shift(base, unit, k), rule="ago")


def h_duration(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    mods = "|".join(re.escape(w) for w in g.rules.unit_modifiers)
    m = re.fullmatch(
        rf"(?:the )?(?:(?:{g.duration_lead}) )?"
        rf"(?P<num>{g.number})(?P<tail> and a half| or (?:so|more|two|three)| to (?:\d+|\w+))?"
        rf"[- ](?:(?:{mods}) )?(?P<unit>{g.unit})(?P<half> and a half)?(?:-long| long| old| or so| or more)?"
        rf"(?: (?:of|in) (?P<year>\d{{4}}|this year|last year))?",
        t,
    ) or re.fullmatch(rf"(?:the )?(?P<num>half) (?:an? )?(?P<unit>{g.unit})", t)
    if not m:
        if re.fullmatch(rf"(?:the )?(?:future|later) (?:{g.unit})s", t):  # "future quarters"
            return Timex("DATE", "FUTURE_REF", rule="duration.future")
        m2 = re.fullmatch(
            rf"(?:the )?(?:(?:first|past|last|next|coming|recent) )?({g.unit})s?(?: ahead)?", t
        )
        plural = re.search(r"s(?: ahead)?$", t)
        if m2 and plural and g.unit_code(m2.group(1)) in ("Y", "M", "W", "D", "H", "MIN", "DE"):
            return Timex(
                "DURATION", _period(None, g.unit_code(m2.group(1))), rule="duration.plural"
            )
        return None
    unit = g.unit_code(m.group("unit"))
    if unit in ("SESSION", "PERIOD", "SEASON", "HALF", "WE", ""):
        return None
    num = m.group("num")
    n = 0.5 if num == "half" else g.number_of(num)
    found = m.groupdict()
    tail = found.get("tail") or ""
    if tail.startswith(" to "):  # "two to three weeks": the upper bound
        n = g.number_of(tail[4:])
    elif n is not None and (tail == " and a half" or found.get("half")):
        n += 0.5
    period = _period(n, unit)
    if period is None:
        return None
    year = found.get("year")
    if year and unit == "M" and n and ctx.anchor is not None:
        y = int(year) if year.isdigit() else ctx.anchor.year - (1 if year == "last year" else 0)
        first = not t.startswith(("the last", "the final", "last"))
        k = int(n)
        if first:
            return Timex("DATE", None, start=_ym(y, 1), end=_ym(y, k), rule="range.months-of")
        return Timex("DATE", None, start=_ym(y, 13 - k), end=_ym(y, 12), rule="range.months-of")
    return Timex("DURATION", period, rule="duration")


def h_the_unit(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    """ "the year" / "the month" / "the week": a stretch of one unit; "the day" ("earlier in the
    day", "the day after the vote") is the day the text is telling of."""
    m = re.fullmatch(rf"the (day|{g.pod})", t)
    if m and ctx.anchor is not None:  # "the morning": of the day in hand
        ref = ctx.reference or ""
        day = _date_of_value(ref) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", ref) else ctx.anchor
        if m.group(1) == "day":
            return Timex("DATE", _fmt(day or ctx.anchor), rule="the-day")
        pod = g.rules.parts_of_day[m.group(1)]
        return Timex("TIME", f"{_fmt(day or ctx.anchor)}T{pod}", rule="the-day.pod")
    m = re.fullmatch(
        r"(?:the|a|an|one) (year|month|week|day|decade|hour|minute)(?:-long| long)?", t
    )
    if m:
        return Timex("DURATION", _period(1, g.unit_code(m.group(1))), rule="the-unit")
    return None


_SPOKEN_CENTURY = {"nineteen": 1900, "eighteen": 1800, "two thousand": 2000, "twenty": 2000}


def h_spoken_year(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    """ "nineteen ninety-six" → 1996, "the year two thousand" → 2000 (broadcast transcripts)."""
    month = re.match(rf"({g.month}),? (?=nineteen|eighteen|two thousand|twenty)", t)
    if month:  # "January nineteen ninety-seven"
        year = h_spoken_year(t[month.end() :], g, ctx)
        if year is None or year.value is None or len(year.value) != 4:
            return None
        return Timex("DATE", f"{year.value}-{g.month_no(month.group(1)):02d}", rule="month.spoken")
    m = re.fullmatch(
        r"(?:the )?(?:(?:year|winter|summer|spring|fall|autumn) (?:of )?)?"
        r"(nineteen|eighteen|two thousand|twenty)(?:(?: and)? ([a-z]+(?:-[a-z]+)?))?",
        t,
    )
    if not m:
        return None
    base = _SPOKEN_CENTURY[m.group(1)]
    rest = word_number([m.group(2)], g.rules) if m.group(2) else 0
    if rest is None or rest >= 100 or (m.group(1) == "twenty" and not m.group(2)):
        return None
    if m.group(1) == "twenty" and rest < 10:
        return None
    season = re.match(r"(?:the )?(winter|summer|spring|fall|autumn)", t)
    y = base + int(rest)
    if season:
        return Timex("DATE", f"{y}-{g.rules.seasons[season.group(1)]}", rule="year.spoken")
    return Timex("DATE", str(y), rule="year.spoken")


def h_this_year(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    """ "the full year", "the current fiscal year", "year-end", "year's end": the anchor's year."""
    m = re.fullmatch(
        r"(?:the )?(?:(full|current|latest|whole|entire|calendar|fiscal|full fiscal|current fiscal|latest fiscal) )?"
        r"(?:fiscal )?(year-end|year end|year's end|year)",
        t,
    )
    if not m or (m.group(2) == "year" and not m.group(1)):
        return None
    if ctx.anchor is None:
        return Timex("DATE", None, rule="this-year")
    y = ctx.anchor.year - (1 if m.group(1) == "latest fiscal" else 0)
    if m.group(2) != "year":
        return Timex("DATE", str(y), mod="END", rule="year-end")
    return Timex("DATE", str(y), rule="this-year")


def h_year(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    m = re.fullmatch(
        r"(?:the )?(?:(?:fiscal|calendar|financial|model|school|crop|tax) )?(?:year |fy ?)?(\d{4})(?: (?:fiscal )?year)?",
        t,
    )
    if m and 1000 <= int(m.group(1)) <= 2999:
        return Timex("DATE", m.group(1), rule="year")
    m = re.fullmatch(r"(?:fiscal |fy ?)'?(\d{2})", t)
    if m:
        return Timex("DATE", str(_full_year(m.group(1), ctx)), rule="year.fiscal")
    m = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?(\d{3})0'?s", t)
    if m:
        return Timex("DATE", m.group(1), rule="decade")
    m = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?([a-z]+)ties", t)
    tens = word_number([m.group(1) + "ty"], g.rules) if m else None
    if tens is not None and 20 <= tens <= 90:  # "the nineties": the decade of the anchor's century
        c = (ctx.anchor.year // 100 * 100) if ctx.anchor else 1900
        y = c + int(tens)
        if ctx.anchor and y > ctx.anchor.year:
            y -= 100
        return Timex("DATE", str(y)[:3], rule="decade")
    m = re.fullmatch(r"(?:the )?'(\d)0s", t)
    if m:
        c = (ctx.anchor.year // 100 * 100) if ctx.anchor else 1900
        y = c + int(m.group(1)) * 10
        if ctx.anchor and y > ctx.anchor.year:
            y -= 100
        return Timex("DATE", str(y)[:3], rule="decade")
    m = re.fullmatch(r"(?:the )?(\d{1,2})(?:st|nd|rd|th) century", t)
    if m:
        return Timex("DATE", f"{int(m.group(1)) - 1:02d}", rule="century")
    return None


def h_weekday(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    r = g.rules
    m = re.fullmatch(
        rf"(?:(.+?),? (?:on )?)??(?:(last|next|this|coming|past|on|early|late|the previous|the following) )?"
        rf"({g.weekday})(?:'s)?(?: ({g.pod}))?(?:,? (?:at )?(.+))?",
        t,
    )
    if not m:
        return None
    rel, wd = m.group(2), r.weekdays[m.group(3).rstrip(".")]
    pod, rest = m.group(4), m.group(5) or m.group(1)
    a = ctx.anchor
    if rel in ("the previous", "the following"):  # counted from the day in hand, not the anchor
        ref = ctx.reference or ""
        a = _date_of_value(ref) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", ref) else a
        rel = "last" if rel == "the previous" else "next"
    tm = _clock(rest, g) if rest else None
    if rest and not tm:
        return None
    if a is None:
        return Timex("TIME" if pod or tm else "DATE", None, rule="weekday")
    cur = a.isoweekday()
    if rel in ("next", "coming"):
        d = a + dt.timedelta(days=(wd - cur) % 7 or 7)
    elif rel in ("last", "past"):
        d = a - dt.timedelta(days=(cur - wd) % 7 or 7)
    elif rel == "this" or ctx.tense == "future":
        d = a + dt.timedelta(days=(wd - cur) % 7)
    else:
        d = a - dt.timedelta(days=(cur - wd) % 7)
    if tm:
        return Timex("TIME", f"{_fmt(d)}T{tm}", rule="weekday.time")
    if pod:
        return Timex("TIME", f"{_fmt(d)}T{r.parts_of_day[pod]}", rule="weekday.pod")
    return Timex("DATE", _fmt(d), rule="weekday")


def _clock(t: str, g: Grammar) -> str | None:
    t = t.strip()
    if m := g.zoned_clock.fullmatch(t):
        return f"{m.group(1)}:{m.group(2)}"
    m = re.fullmatch(
        r"(?:at )?(\d{1,2})(?:[:.](\d{2}))? ?(a\.?m\.?|p\.?m\.?|o'clock)?(?: \(?[a-z]{2,4}\)?)?(?: (?:local time|gmt|utc))?",
        t,
    )
    if m and (m.group(3) or m.group(2)):
        h, mi = int(m.group(1)), int(m.group(2) or 0)
        ap = (m.group(3) or "").replace(".", "")
        if ap == "pm" and h < 12:
            h += 12
        if ap == "am" and h == 12:
            h = 0
        if h < 24 and mi < 60:
            return f"{h:02d}:{mi:02d}"
    if t in ("noon", "midday"):
        return "12:00"
    if t == "midnight":
        return "24:00"
    if t in g.rules.parts_of_day:
        return g.rules.parts_of_day[t]
    return None


def h_time(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    m = re.fullmatch(r"(.+?)(?:,? (today|yesterday|tomorrow|tonight|this morning|last night))?", t)
    if not m:
        return None
    tm = _clock(m.group(1), g)
    if not tm:
        return None
    if ctx.anchor is None:
        return Timex("TIME", None, rule="time")
    day = _date_of_value(ctx.reference) if ctx.reference and len(ctx.reference) == 10 else None
    if day is not None and not m.group(2):  # "at 6 a.m." on the day the text is telling of
        return Timex("TIME", f"{_fmt(day)}T{tm}", rule="time.reference")
    d = ctx.anchor + dt.timedelta(
        days={"yesterday": -1, "tomorrow": 1, "last night": -1}.get(m.group(2) or "", 0)
    )
    return Timex("TIME", f"{_fmt(d)}T{tm}", rule="time")


def h_holiday(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    """ "Thanksgiving Day" on its nearest occurrence (the past one in a past-tense clause, the
    next one in a future clause), "last Christmas", "Easter 1998"."""
    m = re.fullmatch(r"(?:(last|next|this) )?(.+?)(?:,? (\d{4}))?", t)
    if not m or m.group(2) not in g.rules.holidays:
        return None
    code, rel, a = g.rules.holidays[m.group(2)], m.group(1), ctx.anchor
    if m.group(3) or (rel == "this" and a is not None):
        d = _holiday_on(code, int(m.group(3)) if m.group(3) else a.year)  # type: ignore[union-attr]
        return Timex("DATE", _fmt(d) if d else None, rule="holiday")
    if a is None:
        return Timex("DATE", None, rule="holiday")
    cands = [d for y in (a.year - 1, a.year, a.year + 1) if (d := _holiday_on(code, y)) is not None]
    past, future = [d for d in cands if d <= a], [d for d in cands if d >= a]
    if (rel == "last" or (rel is None and ctx.tense == "past")) and past:
        d = max(past)
    elif (rel == "next" or (rel is None and ctx.tense == "future")) and future:
        d = min(future)
    else:
        d = min(cands, key=lambda c: abs((c - a).days))
    return Timex("DATE", _fmt(d), rule="holiday")


def _holiday_on(code: str, y: int) -> Date | None:
    if re.fullmatch(r"\d{2}-\d{2}", code):
        return Date(y, int(code[:2]), int(code[3:]))
    return _movable(code, y)


def _movable(name: str, y: int) -> Date | None:
    def nth(month: int, weekday: int, n: int) -> Date:
        d = Date(y, month, 1)
        d += dt.timedelta(days=(weekday - d.isoweekday()) % 7)
        return d + dt.timedelta(weeks=n - 1)

    if name == "THANKSGIVING":
        return nth(11, 4, 4)
    if name == "ELECTION":  # the Tuesday after the first Monday in November
        return nth(11, 1, 1) + dt.timedelta(days=1)
    if name == "LABOR":
        return nth(9, 1, 1)
    if name == "MEMORIAL":
        d = nth(5, 1, 1)
        while (d + dt.timedelta(weeks=1)).month == 5:
            d += dt.timedelta(weeks=1)
        return d
    if name == "EASTER":  # anonymous Gregorian computus
        a, b, c = y % 19, y // 100, y % 100
        dd, e = b // 4, b % 4
        f = (b + 8) // 25
        gg = (b - f + 1) // 3
        h = (19 * a + b - dd - gg + 15) % 30
        i, k = c // 4, c % 4
        l_ = (32 + 2 * e + 2 * i - h - k) % 7
        m = (a + 11 * h + 22 * l_) // 451
        month, day = (h + l_ - 7 * m + 114) // 31, (h + l_ - 7 * m + 114) % 31 + 1
        return Date(y, month, day)
    return None


def h_weekend(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    m = re.fullmatch(r"(?:the |this |last |next |over the )?weekend", t)
    if not m or ctx.anchor is None:
        return None
    a = ctx.anchor
    step = -1 if t.startswith("last") else 1 if t.startswith("next") else 0
    if step == 0 and ctx.tense == "past" and a.isoweekday() < 6:
        step = -1
    return Timex("DATE", iso_week(a + dt.timedelta(weeks=step)) + "-WE", rule="weekend")


def h_dateparser(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    """Absolute strings the grammar does not know, through dateparser (cached)."""
    if not re.search(r"\d", t) and not re.search(rf"\b{g.month}\b", t):
        return None
    if re.fullmatch(r"[\d.,]+", t) and not re.fullmatch(r"\d{4}", t):
        return None
    found = _dateparser(t, ctx.anchor)
    if found is None:
        return None
    d, period = found
    if ctx.anchor is not None and abs(d.year - ctx.anchor.year) > 30 and not re.search(r"\d{4}", t):
        return None  # "last Oct. 23" read as 1923: a misreading, not a date
    if (
        period == "time"
        and d.hour == d.minute == 0
        and not re.search(r"\d[:.]\d|[ap]\.?m\b|noon|midnight", t)
    ):
        period = "day"
    if period == "year":
        return Timex("DATE", str(d.year), rule="dateparser")
    if period == "month":
        return Timex("DATE", _ym(d.year, d.month), rule="dateparser")
    if period == "week":
        return Timex("DATE", iso_week(d), rule="dateparser")
    if period == "time":
        return Timex("TIME", d.strftime("%Y-%m-%dT%H:%M"), rule="dateparser")
    return Timex("DATE", _fmt(d.date()), rule="dateparser")


_PROBE_SHIFT = dt.timedelta(days=367, hours=1, minutes=1)
_NO_ANCHOR = Date(2000, 1, 1)


@lru_cache(maxsize=8192)
def _dateparser(text: str, anchor: Date | None) -> tuple[dt.datetime, str] | None:
    """dateparser's reading of an *absolute* string, never one relative to a base date.

    dateparser reads "50s" or "1,250 hours" as that long before its base (the clock, unless
    told otherwise), so ``text`` is parsed against the anchor and against the anchor moved by
    ``_PROBE_SHIFT``: a reading that moves with the base is relative and rejected; one that moves
    by exactly a year is a month-day whose year came from the anchor (kept only with an anchor);
    one that does not move is absolute. The clock never enters a value."""
    day = anchor or _NO_ANCHOR
    base = dt.datetime(day.year, day.month, day.day)
    first = _parse(text, base)
    if first is None:
        return None
    second = _parse(text, base + _PROBE_SHIFT)
    if second is None:
        return None
    moved = second[0] - first[0]
    if moved == dt.timedelta(0):
        return first
    if anchor is not None and _next_year(first[0]) == second[0]:
        return first
    return None


def _next_year(d: dt.datetime) -> dt.datetime | None:
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29 February
        return None


def _parse(text: str, base: dt.datetime) -> tuple[dt.datetime, str] | None:
    try:
        data = _parser(base).get_date_data(text)
    except Exception:  # noqa: BLE001 - dateparser raises odd errors on odd strings
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj, data.period or "day"


@lru_cache(maxsize=64)
def _parser(base: dt.datetime) -> Any:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": True,
        "RELATIVE_BASE": base,
    }
    return DateDataParser(languages=["en"], settings=settings)


HANDLERS: list[Handler] = [
    h_ref,
    h_numeric,
    h_relative_day,
    h_range,
    h_year_ago_period,
    h_year_period,
    h_week_of,
    h_month_day,
    h_month,
    h_season,
    h_quarter,
    h_that,
    h_relative_unit,
    h_ago,
    h_year,
    h_spoken_year,
    h_this_year,
    h_weekday,
    h_weekend,
    h_holiday,
    h_set,
    h_duration,
    h_the_unit,
    h_time,
    h_dateparser,
]
