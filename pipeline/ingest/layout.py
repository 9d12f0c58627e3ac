"""The document's layout, found once at ingest and read by every component.

:func:`find_layout` reads the cleaned text and gives a :class:`Layout`: the headline, the outlet
line, the dateline, where the layout starts a sentence, and the publication date with its
source. The extractor puts it on the ``Doc`` (``Doc._.layout``) before the pipeline runs; no
component works any of it out again (``pipeline.nlp.extensions.layout_of``).

- **Headline**: a first line of at most 200 characters that does not end like a sentence
  (``.``, ``:``, ``,``, ``;``), followed by a blank line, or by a short line (a date or byline,
  at most ``SHORT_LINE`` characters) and more text. Its text is the record's ``meta.title``
  when the input gives none.
- **Sentence starts** (docs/ANNOTATION.md §1 starts a new sentence at the headline, at each header
  line and at each paragraph): the first character after a blank line, after a headline, and
  after the short line that follows a headline. A single line break is no boundary in general
  (newswire such as Reuters-21578 wraps lines at about 70 characters).
- **Dateline**: the place a story is filed from, opening one of the first lines in capitals and
  followed by a dash, a wire agency in brackets, a date, or a comma and a region (``ASTANA —``,
  ``OSLO (Reuters) -``, ``LONDON 1996-08-30``, ``HAARLEM , Netherlands 1996-08-27``).
- **Outlet**: an ``Outlet, DATE`` line among the first lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

SHORT_LINE = 30
HEADLINE_MAX = 200
HEADER_LINES = 8  # non-blank lines at the top where a dateline or outlet line may stand
_SENTENCE_END = (".", ":", ",", ";")

Offsets = tuple[int, int]


@dataclass(frozen=True)
class Dateline:
    """A dateline: the place (and the region after its comma) as character offsets, and what
    follows the place: ``dash`` (``ASTANA —``), ``wire`` (``OSLO (Reuters) -``) or ``dated``
    (``LONDON 1996-08-30``; a region with nothing after it counts as dated)."""

    place: Offsets
    region: Offsets | None
    kind: str
    text: str  # the place as written
    body: int  # where the text after the dateline starts (after the dash, agency or date)

    def spans(self) -> list[Offsets]:
        return [self.place, *([self.region] if self.region else [])]

    def shifted(self, by: int) -> Dateline:
        region = (self.region[0] + by, self.region[1] + by) if self.region else None
        place = (self.place[0] + by, self.place[1] + by)
        return replace(self, place=place, region=region, body=self.body + by)


@dataclass(frozen=True)
class Layout:
    """What the layout of one document says (character offsets into its cleaned text)."""

    headline_end: int = 0  # where the headline ends; 0: no headline
    title: str | None = None
    outlet: str | None = None
    datelines: tuple[Dateline, ...] = ()  # dateline-shaped header lines, in text order
    sentence_starts: tuple[int, ...] = ()
    published: str | None = None  # ISO date: the anchor for relative dates
    published_source: str | None = None  # cli / meta / sidecar / header

    @property
    def dateline(self) -> Dateline | None:
        """The story's dateline: the first dateline-shaped header line."""
        return self.datelines[0] if self.datelines else None

    def meta(self) -> dict[str, Any]:
        """The record's ``meta`` values the layout gives (only those it found)."""
        found = {
            "title": self.title,
            "outlet": self.outlet,
            "dateline": self.dateline.text if self.dateline else None,
            "published": self.published,
            "published_source": self.published_source,
        }
        return {k: v for k, v in found.items() if v}

    def window(self, start: int, end: int) -> Layout:
        """The layout of ``text[start:end]`` (a chunk of a long document), offsets relative to
        ``start``: what lies outside the window is left out; the document's title, outlet and
        date stay."""

        def inside(o: Offsets) -> bool:
            return start <= o[0] and o[1] <= end

        return replace(
            self,
            headline_end=self.headline_end - start if start == 0 else 0,
            datelines=tuple(d.shifted(-start) for d in self.datelines if inside(d.place)),
            sentence_starts=tuple(s - start for s in self.sentence_starts if start < s < end),
        )


def headline_end(text: str) -> int:
    """Where the headline ends (a character offset); 0 when there is none."""
    first, sep, rest = text.partition("\n")
    line = first.strip()
    if not (sep and rest.strip() and line and len(line) <= HEADLINE_MAX):
        return 0
    if line.endswith(_SENTENCE_END):
        return 0
    second, sep2, more = rest.partition("\n")
    blank = not second.strip()
    short = bool(sep2 and more.strip()) and len(second.strip()) <= SHORT_LINE
    return len(first) if blank or short else 0


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_LINE_END = re.compile(r"\n\s*")


def layout_starts(text: str, head: int | None = None) -> list[int]:
    """Character offsets where the layout starts a sentence: the first character after a blank
    line, after a headline (ending at ``head``, found when not given), and after the short line
    that follows a headline."""
    starts = {m.end() for m in _BLANK_LINE.finditer(text)}
    head = headline_end(text) if head is None else head
    if head:
        m = _LINE_END.match(text, head)
        if m:
            starts.add(m.end())
            second = text[m.end() :].partition("\n")[0]
            if second.strip() and len(second.strip()) <= SHORT_LINE:
                m2 = _LINE_END.match(text, m.end() + len(second))
                if m2:
                    starts.add(m2.end())
    return sorted(s for s in starts if 0 < s < len(text))


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# "Astana Times, 28 SEPTEMBER 2017" / "Steppe Business Review, March 14, 2023"
_OUTLET = re.compile(
    rf"^([A-Z][\w&.'’ -]{{2,60}}?),\s+(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}},?)\s+\d{{4}}\s*$",
    re.I,
)
_CAPS = r"[A-ZÀ-Þ][A-ZÀ-Þ.'’]*(?:-[A-ZÀ-Þ][A-ZÀ-Þ.'’]*)*"
_DATE = (
    rf"\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}|(?i:{_MONTH})[^\S\n]+\d{{1,2}}"
)
_DATELINE = re.compile(
    r"[^\S\n]*(?:(?:--|[-–—])[^\S\n]*)?"  # "-- OSLO ..."
    rf"(?P<place>{_CAPS}(?:[^\S\n]+{_CAPS}){{0,3}})"
    r"(?:[^\S\n]*,[^\S\n]*(?P<region>[A-ZÀ-Þ][\w'’-]*(?:[^\S\n]+[A-ZÀ-Þ][\w'’-]*)*)[^\S\n]*\.?)?"
    r"(?:[^\S\n]+(?P<dash>--|[-–—])[^\S\n]+(?=\S)"
    r"|[^\S\n]*(?P<wire>\([^\S\n]*[A-Z][\w ]{0,30}\)[^\S\n]*(?:--|[-–—_]|$))"
    rf"|[^\S\n]+(?P<date>{_DATE})[^\S\n]*$"
    r"|(?P<end>[^\S\n]*$))",
    re.M,
)


def _dateline(text: str, start: int, end: int, paragraph: bool) -> Dateline | None:
    """The dateline opening the line ``text[start:end]``: a place with a date (or a region) and
    nothing else on the line, or, at the start of a paragraph, a place and a dash or agency."""
    m = _DATELINE.match(text, start, end)
    if m is None:
        return None
    place = m.span("place")
    if not paragraph and not (m.group("date") or m.group("end")):
        return None  # "NOTE - ..." inside a wrapped paragraph
    region = m.span("region") if m.group("region") else None
    if m.group("end") is not None and region is None:
        return None  # a line of capitals alone is a header, not a dateline
    kind = "dash" if m.group("dash") else "wire" if m.group("wire") else "dated"
    return Dateline(place, region, kind, text[place[0] : place[1]], m.end())


def _first_char(text: str, start: int) -> int:
    while start < len(text) and text[start] in " \t":
        start += 1
    return start


def header_lines(text: str, n: int = HEADER_LINES) -> list[Offsets]:
    """The first ``n`` non-blank lines of ``text`` (start and end offsets, without the break)."""
    out: list[Offsets] = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            out.append(m.span())
            if len(out) == n:
                break
    return out


def find_layout(
    text: str, *, published: str | None = None, published_source: str | None = None
) -> Layout:
    """The layout of a cleaned text; ``published`` is the document date found for it
    (:mod:`pipeline.ingest.published`)."""
    head = headline_end(text)
    lines = header_lines(text)
    title = text[:head].strip() or None if head else None
    outlet = next(
        (m.group(1).strip() for a, b in lines if (m := _OUTLET.match(text[a:b])) is not None),
        None,
    )
    starts = layout_starts(text, head)
    paragraphs = {0, *starts}
    datelines = tuple(
        d
        for a, b in lines
        if a >= head
        and (d := _dateline(text, a, b, _first_char(text, a) in paragraphs)) is not None
    )
    return Layout(
        headline_end=head,
        title=title,
        outlet=outlet,
        datelines=datelines,
        sentence_starts=tuple(starts),
        published=published,
        published_source=published_source,
    )
