"""What every gold reader shares: the error type and the text builders.

Readers rebuild a *clean* text (what the pipeline's cleaner would leave unchanged): tokens joined
by single spaces, sentences by ``\\n``, paragraphs by one blank line, no edge whitespace. Token or
raw-character offsets are turned into character offsets of that text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.failures import Failure


class GoldFormatError(Failure, ValueError):
    """Gold that cannot be read; the message names the file and, where known, the line."""

    def __init__(self, path: str | Path, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        where = self.path if line is None else f"{self.path}:{line}"
        super().__init__(f"{where}: {message}")


_WS = re.compile(r"\s+")


def tidy_token(token: str) -> str:
    """A token as it appears in the rebuilt text: no edge or repeated whitespace."""
    return _WS.sub(" ", token.strip())


@dataclass(frozen=True)
class TokenText:
    """Text rebuilt from sentences of tokens, with each token's character span."""

    text: str
    spans: list[list[tuple[int, int]]]  # [sentence][token] -> (start, end)

    def char_span(self, sentence: int, first: int, last_exclusive: int) -> tuple[int, int]:
        """Character span of tokens ``first .. last_exclusive-1`` of ``sentence``."""
        toks = self.spans[sentence]
        return toks[first][0], toks[last_exclusive - 1][1]


def join_tokens(sentences: Sequence[Sequence[str]]) -> TokenText:
    parts: list[str] = []
    spans: list[list[tuple[int, int]]] = []
    pos = 0
    for sent in sentences:
        sent_spans: list[tuple[int, int]] = []
        words = [tidy_token(t) for t in sent]
        for i, w in enumerate(words):
            if i and words[i - 1] and w:
                parts.append(" ")
                pos += 1
            sent_spans.append((pos, pos + len(w)))
            parts.append(w)
            pos += len(w)
        spans.append(sent_spans)
        if any(words):
            parts.append("\n")
            pos += 1
    text = "".join(parts)
    if text.endswith("\n"):
        text = text[:-1]
    return TokenText(text=text, spans=spans)


def normalise_whitespace(raw: str) -> tuple[str, list[int | None]]:
    """Collapse whitespace the way the cleaner leaves it, and map raw chars to clean ones.

    A gap with two or more newlines becomes one blank line, a gap with one newline a newline,
    any other gap a single space; edge whitespace goes. ``cmap[i]`` is the clean offset of raw
    character ``i`` (None for removed whitespace).
    """
    out: list[str] = []
    cmap: list[int | None] = [None] * len(raw)
    pos = 0
    prev_end: int | None = None
    for m in re.finditer(r"\S+", raw):
        if prev_end is not None:
            gap = raw[prev_end : m.start()]
            nl = gap.count("\n") + gap.count("\r") - gap.count("\r\n")
            sep = "\n\n" if nl >= 2 else "\n" if nl == 1 else " "
            out.append(sep)
            pos += len(sep)
        for i in range(m.start(), m.end()):
            cmap[i] = pos + (i - m.start())
        out.append(m.group())
        pos += m.end() - m.start()
        prev_end = m.end()
    return "".join(out), cmap


def map_span(cmap: Sequence[int | None], start: int, end: int) -> tuple[int, int] | None:
    """Clean span of raw ``[start, end)``; None when it held only whitespace."""
    kept = [c for c in cmap[start:end] if c is not None]
    if not kept:
        return None
    return kept[0], kept[-1] + 1
