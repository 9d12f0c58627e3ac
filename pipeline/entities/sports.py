"""Fixes for sports tables (the ``sports`` family, which ``models/entity_fixes.json`` may leave
out): names on result and standings lines and in fixtures are teams, a person listed with a
country in brackets is a player.

They fire only in the layout they were made for: whole result, standings and schedule lines,
and otherwise table lines (:meth:`_Lines.table_line`: lines of names and numbers, where fewer
than half the words are in lower case), never in ordinary prose ("Texas v Johnson" in a
sentence about a court case, "Nokia ( Finland ) said ...").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy
from spacy.tokens import Doc

from pipeline.entities.countries import PLACE_LABELS
from pipeline.entities.entity_span import NAME_LABELS, EntitySpan, SpanSlots, token_texts
from pipeline.entities.gazetteer import is_nation, place_names
from pipeline.entities.recase import line_ranges
from pipeline.rulefiles import EntityFixes

_SCORE = re.compile(r"^\d{1,3}$")
_NUMBER = re.compile(r"^[-+]?\.?\d[\d.,:/-]*$")
_DIGIT = re.compile(r"\d")
_DECIMALS = re.compile(r"^\d+[.,]\d\d$")
_ISO_DATE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")
TEAM_FROM = frozenset({"GPE", "LOC", "FAC", "PERSON", "ORG"})


class _Lines:
    """The lines of a document, read once for all its names: the bounds of the line around a
    token (by bisection over the line breaks), and what the tokens of a stretch of a line are
    (counts before each token, so that a long line is never read again for each name on it)."""

    def __init__(self, doc: Doc, fixes: EntityFixes) -> None:
        self.doc = doc
        self.fixes = fixes

    @cached_property
    def words(self) -> list[str]:
        return token_texts(self.doc)

    @cached_property
    def breaks(self) -> list[int]:
        return [i for i, w in enumerate(self.words) if "\n" in w]

    @cached_property
    def _lower_counts(self) -> tuple[list[int], list[int]]:
        """Before each token: how many tokens hold a letter, how many of them begin with a
        lower-case letter (fixture words such as "v" aside)."""
        words, lower = [0], [0]
        for w in self.words:
            letter = next((c for c in w if c.isalpha()), "")
            words.append(words[-1] + bool(letter))
            fixture = w.lower() in self.fixes.fixture_words
            lower.append(lower[-1] + (w[:1].islower() and not fixture))
        return words, lower

    def table_line(self, i: int) -> bool:
        """The line holding token ``i`` is a table line: fewer than ``table_line_lowercase``
        of its words begin in lower case. Prose is mostly lower case; results, fixtures and
        line-ups are names and numbers."""
        s, e = self.bounds(i)
        words, lower = self._lower_counts
        n_words = words[e] - words[s]
        return n_words > 0 and lower[e] - lower[s] < self.fixes.table_line_lowercase * n_words

    def bounds(self, i: int) -> tuple[int, int]:
        """The tokens of the line holding token ``i``: from after the previous token with a
        line break to the next one (``i`` itself, when it holds a break)."""
        k = bisect_left(self.breaks, i)
        start = self.breaks[k - 1] + 1 if k > 0 else 0
        end = self.breaks[k] if k < len(self.breaks) else len(self.words)
        return start, end

    @cached_property
    def _tables(self) -> tuple[list[int], list[int], list[int]]:
        """Before each token: how many tokens are not punctuation, how many are neither
        punctuation nor a number; and from each token, the next that is not punctuation."""
        punct = self.doc.to_array("IS_PUNCT").tolist()
        words, others = [0], [0]
        for w, p in zip(self.words, punct, strict=True):
            words.append(words[-1] + (not p))
            others.append(others[-1] + (not p and _NUMBER.match(w) is None))
        following = [len(punct)] * (len(punct) + 1)
        for i in range(len(punct) - 1, -1, -1):
            following[i] = following[i + 1] if punct[i] else i
        return words, others, following

    def standings_row(self, a: EntitySpan) -> bool:
        """``a`` heads a standings row: only numbers and punctuation before it on its line,
        then at least four numbers to the end of the line, the first two of them scores, and
        not a date."""
        s, e = self.bounds(a.start)
        if e - a.end < 4:
            return False
        words, others, following = self._tables
        if others[a.start] != others[s] or others[e] != others[a.end]:
            return False  # a word before it, or after it, on its line
        if words[e] - words[a.end] < 4:
            return False
        first = following[a.end]
        second = following[first + 1]
        return (
            _SCORE.match(self.words[first]) is not None
            and _SCORE.match(self.words[second]) is not None
            and not _ISO_DATE.match(self.doc[a.end : e].text)
        )


def sports_teams(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """In sports results, a name standing for a team is an ORG, as news annotation has it.

    A team is a name (not a country: national teams stay places) that is
    - one side of a result on a table line: "Rochdale 1 Fulham 2", "Cannes 0 Monaco 2 ( Henry
      26th )";
    - one side of a fixture on a table line: "Doncaster v Darlington", a line "Chicago at
      Houston";
    - a place heading a standings row: "Kilmarnock 3 1 0 2 5 7 3".
    """
    by_start = {e.start: e for e in ents}
    teams: set[int] = set()  # starts of the entities that are teams
    lines = _Lines(doc, fixes)
    places = place_names(fixes.min_city_population)

    def is_place(e: EntitySpan) -> bool:
        text = doc[e.start : e.end].text
        return e.label in PLACE_LABELS or (e.label == "PERSON" and text.title() in places)

    def name_at(i: int) -> EntitySpan | None:
        e = by_start.get(i)
        return e if e is not None and e.label in TEAM_FROM else None

    for a in ents:
        if a.label not in TEAM_FROM:
            continue
        nxt = a.end
        # result: A n B m
        if (
            nxt + 2 < len(doc)
            and _SCORE.match(doc[nxt].text)
            and (b := name_at(nxt + 1)) is not None
        ):
            if b.end < len(doc) and _SCORE.match(doc[b.end].text) and lines.table_line(a.start):
                teams.update((a.start, b.start))
        # fixture: A v B (a table line), A at B (a whole line)
        if nxt + 1 < len(doc) and (b := name_at(nxt + 1)) is not None:
            word = doc[nxt].lower_
            if word in fixes.fixture_words and lines.table_line(a.start):
                # players meet too ("Sampras vs. Korda"): only places become teams here, and
                # town names the model took for people ("Norwich v Stoke")
                teams.update(x.start for x in (a, b) if is_place(x))
            elif word == "at":
                # a schedule line "Chicago at Houston": the visitors are a team, the
                # hosts' city the place of the game
                s, e = lines.bounds(a.start)
                if s == a.start and e == b.end:
                    teams.add(a.start)
        # standings row: a place, then only numbers to the end of the line
        if a.label in PLACE_LABELS and lines.standings_row(a):
            teams.add(a.start)
    out = []
    for ent in ents:
        if (
            ent.start in teams
            and ent.label != "ORG"
            and not is_nation(doc[ent.start : ent.end].text, fixes)
        ):
            ent = EntitySpan(ent.start, ent.end, "ORG", "entity-fix.sports-team")
        out.append(ent)
    return out


def _name_end(doc: Doc, i: int, end: int, fixes: EntityFixes) -> int:
    """The end of a capitalised name starting at ``i`` ("Queen 's Park", "F.C. La Valletta"),
    or ``i`` if none starts there."""
    last = i
    j = i
    while j < end:
        tok = doc[j]
        if tok.text[:1].isupper() and not tok.is_punct:
            last = j + 1
        elif not (
            j > i and (tok.lower_ in fixes.name_particles or tok.text in fixes.team_name_joiners)
        ):
            break
        j += 1
    return last


def _skip_parens(doc: Doc, i: int, end: int) -> int:
    if i < end and doc[i].text == "(":
        j = i
        while j < end and doc[j].text != ")":
            j += 1
        return j + 1 if j < end else i
    return i


@dataclass(frozen=True)
class TeamLine:
    """A result ("Rochdale 1 Fulham 2") or standings ("Kilmarnock 3 1 0 2 5 7 3") line: the
    token ranges of the team names on it."""

    kind: str  # "result" | "standings"
    names: tuple[tuple[int, int], ...]


def find_team_lines(doc: Doc, fixes: EntityFixes) -> list[TeamLine]:
    out = []
    for start, end in line_ranges(doc, lambda line: _DIGIT.search(line) is not None):
        i = start
        if i + 1 < end and re.match(r"^\d{1,2}$", doc[i].text) and doc[i + 1].text in (".", ")"):
            i += 2  # a rank: "1." (a bare number first is a total: golf's "282 Corey Pavin 73 70")
        elif i < end and re.match(r"^\d{1,2}\.$", doc[i].text):
            i += 1
        a_end = _name_end(doc, i, end, fixes)
        if a_end == i or a_end >= end:
            continue
        # result: A n [( scorers )] B m [( scorers )] [.]
        if _SCORE.match(doc[a_end].text):
            b = _skip_parens(doc, a_end + 1, end)
            b_end = _name_end(doc, b, end, fixes)
            if b_end > b and b_end < end and _SCORE.match(doc[b_end].text):
                k = _skip_parens(doc, b_end + 1, end)
                while k < end and doc[k].is_punct:
                    k += 1
                if k == end:
                    out.append(TeamLine("result", ((i, a_end), (b, b_end))))
                    continue
        # standings: A then only numbers, the first ones counts of games, none an average
        # or an amount with two decimals (players' averages, accounts: "45.00", "5.50")
        rest = [t for t in doc[a_end:end] if not t.is_punct]
        if (
            len(rest) >= 4
            and _NUMBER.match(doc[a_end].text)
            and all(_SCORE.match(t.text) for t in rest[:2])
            and all(_NUMBER.match(t.text) and not _DECIMALS.match(t.text) for t in rest)
            and not _ISO_DATE.match(doc[a_end:end].text)
        ):
            out.append(TeamLine("standings", ((i, a_end),)))
    return out


def team_lines(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """Names on result and standings lines are teams: ORG, or the place for a national side.

    On a standings line a PERSON that is no place is left alone: averages tables of players
    ("Rashid Latif 1 1 0 45 45 45.00") look the same.
    """
    places = place_names(fixes.min_city_population)
    out = SpanSlots(ents)
    for line in find_team_lines(doc, fixes):
        for s, e in line.names:
            text = doc[s:e].text
            near = [out[k] for k in out.near(s, e)]
            exact = [x for x in near if x.start == s and x.end == e]
            overlap = [x for x in near if x.start < e and s < x.end]
            if line.kind == "standings" and text.title() not in places:
                if any(x.label == "PERSON" for x in overlap):
                    continue
                if not overlap and not any(t.pos_ == "PROPN" for t in doc[s:e]):
                    continue
            label = "GPE" if is_nation(text, fixes) else "ORG"
            if exact and exact[0].label == label:
                continue
            for k in out.overlapping(s, e):
                out.put(k, None)
            out.append(EntitySpan(s, e, label, "entity-fix.team-line"))
    return sorted(out.entities(), key=lambda x: x.start)


def players_with_country(
    doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes
) -> list[EntitySpan]:
    """In results and line-ups a person is listed with a country in brackets:
    "Lindsay Davenport ( U.S. ) beat ..." , "4. Natalya Sadova ( Russia ) 61.64".

    A name of two or more capitalised words, none of them a place (clubs carry their town:
    "Legia Warsaw ( Poland )"), right before "( <country> )" on a table line is a PERSON.
    """
    places = place_names(fixes.min_city_population)
    lines = _Lines(doc, fixes)
    out = list(ents)
    for k, e in enumerate(ents):
        if e.label == "PERSON" or e.label not in NAME_LABELS:
            continue
        if not lines.table_line(e.start):
            continue
        n = e.end
        if n + 2 >= len(doc) or doc[n].text != "(" or doc[n + 2].text != ")":
            continue
        if not is_nation(doc[n + 1].text, fixes):
            continue
        words = doc[e.start : e.end]
        if len(words) < 2 or not all(t.text[:1].isupper() and t.is_alpha for t in words):
            continue
        if any(t.text in places or t.text.title() in places for t in words):
            continue
        out[k] = EntitySpan(e.start, e.end, "PERSON", "entity-fix.player-country")
    # untagged ones: the capitalised words right before the bracket
    taken = {i for e in out for i in range(e.start, e.end)}
    # the opening brackets, by ORTH (the string store gives "(" one hash)
    brackets = numpy.flatnonzero(doc.to_array("ORTH") == doc.vocab.strings["("]).tolist()
    for i in brackets:
        if (
            not 2 <= i < len(doc) - 2
            or doc[i + 2].text != ")"
            or i - 1 in taken
            or not is_nation(doc[i + 1].text, fixes)
            or not lines.table_line(i)
        ):
            continue
        s = i
        while (
            s > 0
            and s - 1 not in taken
            and doc[s - 1].is_alpha
            and doc[s - 1].text[:1].isupper()
            and i - s < 3
        ):
            s -= 1
            if (
                s > 1
                and doc[s - 1].text == "-"
                and not doc[s - 1].whitespace_
                and doc[s - 2].text[:1].isupper()
            ):
                s -= 2  # "Anne-Gaelle Sidot"
        words = doc[s:i]
        if len(words) >= 2 and not any(t.text in places or t.text.title() in places for t in words):
            out.append(EntitySpan(s, i, "PERSON", "entity-fix.player-country"))
    return sorted(out, key=lambda x: x.start)
