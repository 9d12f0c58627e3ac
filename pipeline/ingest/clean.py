"""Undo PDF/OCR/LaTeX extraction debris, keeping a reversible map to the original.

``clean(raw)`` returns a :class:`Cleaned` whose ``text`` is what the record carries and whose
``edits`` restore ``raw`` exactly (``restore(text, edits) == raw``). Cleaning only removes or
replaces debris; it never reorders characters, and it is idempotent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pipeline.schema import Edit

Map = list[int | None]  # for each output char: index of the input char it came from


@dataclass(frozen=True)
class Cleaned:
    text: str
    edits: list[Edit] = field(default_factory=list)

    def original_offset(self, offset: int) -> int:
        """Map an offset into ``text`` to the corresponding offset in the original."""
        shift = 0
        for e in self.edits:  # edits are sorted by position
            if e.end <= offset and (e.start < offset or e.start == e.end):
                shift += len(e.original) - (e.end - e.start)
            elif e.start < offset < e.end:
                return e.orig_start
            else:
                break
        return offset + shift


def _sub(
    pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str], text: str
) -> tuple[str, Map]:
    """``pattern.sub`` that also returns, for each output char, its input index (or None)."""
    out: list[str] = []
    cmap: Map = []
    pos = 0
    for m in pattern.finditer(text):
        s, e = m.span()
        out.append(text[pos:s])
        cmap.extend(range(pos, s))
        r = repl(m) if callable(repl) else m.expand(repl)
        out.append(r)
        # chars the replacement shares with the match at either end keep their origin
        g = m.group(0)
        pre = 0
        while pre < min(len(r), len(g)) and r[pre] == g[pre]:
            pre += 1
        suf = 0
        while suf < min(len(r), len(g)) - pre and r[-1 - suf] == g[-1 - suf]:
            suf += 1
        cmap.extend(range(s, s + pre))
        cmap.extend([None] * (len(r) - pre - suf))
        cmap.extend(range(e - suf, e))
        pos = e
    out.append(text[pos:])
    cmap.extend(range(pos, len(text)))
    return "".join(out), cmap


def _compose(outer: Map, inner: Map) -> Map:
    """Map of a second pass (``inner``: output -> its input) onto the first pass' map."""
    return [None if i is None else outer[i] for i in inner]


def edits_from_map(original: str, text: str, cmap: Map) -> list[Edit]:
    """The minimal list of edits turning ``text`` back into ``original``."""
    edits: list[Edit] = []

    def anchored(i: int, o: int) -> bool:
        m = cmap[i]
        return m is not None and m >= o and original[m] == text[i]

    i = o = 0
    n = len(text)
    while i < n:
        # a block of characters copied in place (map i -> o, i+1 -> o+1, ..., same characters)
        # is what the per-character step below would walk through one by one without an edit
        k = _copied_run(original, text, cmap, i, o)
        if k:
            i += k
            o += k
            continue
        if anchored(i, o):
            m = cmap[i]
            assert m is not None
            if m > o:
                edits.append(Edit(start=i, end=i, orig_start=o, original=original[o:m]))
            o = m + 1
            i += 1
            continue
        j = i
        while j < n and not anchored(j, o):
            j += 1
        nxt = cmap[j] if j < n else len(original)
        assert nxt is not None
        edits.append(Edit(start=i, end=j, orig_start=o, original=original[o:nxt]))
        o, i = nxt, j
    if o < len(original):
        edits.append(Edit(start=n, end=n, orig_start=o, original=original[o:]))
    return edits


_BLOCK = 16


def _copied_run(original: str, text: str, cmap: Map, i: int, o: int) -> int:
    """How many characters from ``text[i]`` on, in whole blocks, are ``original[o]`` on copied
    in place (``cmap[i + j] == o + j`` and the same character); 0 when the first block is not."""
    k = 0
    n = len(text)
    while i + k + _BLOCK <= n:
        a, b = i + k, o + k
        if cmap[a] != b or cmap[a + _BLOCK - 1] != b + _BLOCK - 1:  # cheap first look
            break
        if cmap[a : a + _BLOCK] != list(range(b, b + _BLOCK)):
            break
        if text[a : a + _BLOCK] != original[b : b + _BLOCK]:
            break
        k += _BLOCK
    return k


def restore(text: str, edits: Sequence[Edit]) -> str:
    """Undo ``edits`` on ``text``: the original characters, exactly."""
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        text = text[: e.start] + e.original + text[e.end :]
    return text


# Structural passes: what debris looks like, independent of any outlet. Outlet-specific
# boilerplate (publisher banners) is data: ``models/clean.json``.
_DATELINE_PLACEHOLDER = re.compile(r"(?m)^([A-Z][A-Z .,'’-]{1,40}[A-Z.]) ?\[\] ?")
_PASSES: list[tuple[str, re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    ("newline", re.compile(r"\r\n?"), "\n"),
    ("control", re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]"), ""),
    ("soft-hyphen", re.compile("\u00ad"), ""),
    # inline LaTeX debris: "$\ \square$", "$\bullet$", "$^{1}$"
    ("latex-fragment", re.compile(r" ?\$(?:\\[^$\n]{0,40}|\^\{?[^$\n]{0,10}\}?)\$"), ""),
    # escaped specials: "\$1 billion", "50\%", "R\&D"
    ("latex-escape", re.compile(r"\\([$%&_#{}])"), r"\1"),
    ("dateline-placeholder", _DATELINE_PLACEHOLDER, lambda m: m.group(1) + " — "),
    ("placeholder", re.compile(r" ?\[\](?= |$)|\[\]"), ""),
    # a word broken across lines by a hyphen: "eco-\nnomic"
    ("hyphenation", re.compile(r"(?<=[a-z])-\n(?=[a-z])"), ""),
    ("spaces", re.compile(r"[ \t\u00a0]{2,}|\t"), " "),
    ("trailing-space", re.compile(r"(?m)[ \t\u00a0]+$"), ""),
    ("blank-lines", re.compile(r"\n{3,}"), "\n\n"),
    ("edges", re.compile(r"^\s+|\s+$"), ""),
]


def clean(raw: str, boilerplate: Sequence[re.Pattern[str]] = ()) -> Cleaned:
    """Clean ``raw``; ``boilerplate`` patterns (from the rule files) are removed first."""
    text = raw
    cmap: Map = list(range(len(raw)))
    passes = [("boilerplate", p, "") for p in boilerplate] + _PASSES
    changed = False
    for _name, pattern, repl in passes:
        if pattern.search(text) is None:
            continue  # no match: the text and map stay as they are (no per-character map)
        new, inner = _sub(pattern, repl, text)
        if new != text:
            cmap = _compose(cmap, inner)
            text = new
            changed = True
    # an unchanged text has no edits (what edits_from_map gives for the identity map)
    return Cleaned(text=text, edits=edits_from_map(raw, text, cmap) if changed else [])
