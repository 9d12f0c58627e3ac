"""Quotations and the attribution next to them.

``"We will grow," he said.`` and ``She told reporters: "We will grow."``: the words between
quotation marks are what a speech verb's ``quote`` role takes when the quotation ends just
before the verb's clause or opens just after it. Marks pair within a paragraph (a curly mark
says which side it is, a straight one alternates); a quotation left open at the end of its
paragraph runs to that end, as a quote that goes on in the next paragraph does.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Token

OPEN, CLOSE, BOTH = frozenset({"“", "``"}), frozenset({"”", "''"}), frozenset({'"'})
MARKS = OPEN | CLOSE | BOTH
# the words of an attribution clause besides the verb: "he said", "said Smith, a spokesman"
_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "conj", "cc", "advcl", "xcomp", "punct"})


def find_quotes(doc: Doc, marks: list[int], para_start: list[int]) -> list[tuple[int, int]]:
    """The quotations of ``doc`` as (opening mark, closing mark) token offsets, given the
    offsets of its quotation mark tokens; an unclosed one ends at its paragraph's last token
    (the closing offset is then that of the token after the paragraph's last word)."""
    out: list[tuple[int, int]] = []
    n = len(doc)
    opened = -1
    for i in marks:
        if opened >= 0 and para_start[i] != para_start[opened]:  # left open at a paragraph end
            out.append((opened, _paragraph_end(para_start, opened, n)))
            opened = -1
        text = doc[i].text
        if opened < 0 and (text in OPEN or text in BOTH):
            opened = i
        elif opened >= 0 and (text in CLOSE or text in BOTH):
            out.append((opened, i))
            opened = -1
    if opened >= 0:
        out.append((opened, _paragraph_end(para_start, opened, n)))
    return out


def _paragraph_end(para_start: list[int], i: int, n: int) -> int:
    p = para_start[i]
    j = i
    while j + 1 < n and para_start[j + 1] == p:
        j += 1
    return j + 1


def attribution_edges(verb: Token) -> tuple[int, int]:
    """The first and last token of the attribution clause around a speech verb: the verb, its
    subject and its objects or modifiers, without the clause it reports."""
    lo = hi = verb.i
    for c in verb.children:
        if c.dep_ in _CLAUSE_DEPS:
            continue
        lo = min(lo, c.left_edge.i)
        hi = max(hi, c.right_edge.i)
    return lo, hi


# a speech verb inside the attribution clause of another verb: "quoted X as saying"
_EMBEDDED = frozenset({"pcomp", "prep", "xcomp", "advcl"})


def quote_next_to(
    doc: Doc, verb: Token, quotes: list[tuple[int, int]], gap: int = 1
) -> tuple[int, int] | None:
    """The words of the quotation that closes just before the attribution clause of ``verb``
    or opens just after it (at most ``gap`` punctuation tokens between), as a token range.
    A verb embedded in another's clause ("the paper quoted X as saying") has that clause."""
    clause = verb
    while True:
        lo, hi = attribution_edges(clause)
        found = _closing_before(doc, quotes, lo, gap) or _opening_after(doc, quotes, hi, gap)
        if found is not None:
            return found[0] + 1, found[1]
        if clause.dep_ not in _EMBEDDED or clause.head is clause:
            return None
        clause = clause.head


# Quotations come in text order and never overlap, so both their opening and their closing
# offsets ascend: the candidates next to a clause are found by bisection, not by a pass over
# every quotation of the document with a look at every token in between (that was cubic in
# a quote-heavy text: 6,400 tokens took 107 s).


def _closing_before(
    doc: Doc, quotes: list[tuple[int, int]], lo: int, gap: int
) -> tuple[int, int] | None:
    """The first quotation (in text order) that closes before ``lo`` with only punctuation
    between. The words between grow as quotations lie further back, so the ones that qualify
    are the last few before ``lo``: walk back from the nearest while they do."""
    found = None
    for k in range(bisect_left(quotes, lo, key=lambda q: q[1]) - 1, -1, -1):
        if not _only_punct(doc, quotes[k][1] + 1, lo, gap):
            break
        found = quotes[k]
    return found


def _opening_after(
    doc: Doc, quotes: list[tuple[int, int]], hi: int, gap: int
) -> tuple[int, int] | None:
    """The first quotation that opens after ``hi`` with only punctuation between: the nearest
    one, or none (a later one has more words between)."""
    k = bisect_right(quotes, hi, key=lambda q: q[0])
    if k < len(quotes) and _only_punct(doc, hi + 1, quotes[k][0], gap):
        return quotes[k]
    return None


def _only_punct(doc: Doc, start: int, end: int, gap: int) -> bool:
    """At most ``gap`` tokens between ``start`` and ``end``, all punctuation (spaces aside);
    stops at the first token that says no."""
    seen = 0
    for i in range(start, end):
        tok = doc[i]
        if tok.is_space:
            continue
        seen += 1
        if seen > gap or not tok.is_punct:
            return False
    return True
