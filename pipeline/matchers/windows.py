"""A token ``Matcher`` that runs only over the stretches of a document where a match can be.

spaCy's ``Matcher`` visits every token of a document and, for every pattern, evaluates the
Python predicates (``IN``, ``REGEX``) of the pattern's first token spec on it: microseconds per
token even where no pattern could ever match. :class:`WindowedMatcher` first marks the tokens
that *might* satisfy some token spec of some pattern, judging by one lexeme-level constraint of
each spec (an ``ORTH``/``TEXT``/``LOWER`` value or ``IN`` list, a lexeme flag such as
``LIKE_NUM``, or a ``REGEX``; the spec's other constraints, such as ``POS``, are not looked at,
so a token is marked when only they would reject it), then runs the real ``Matcher`` on each
run of marked tokens (a window).

Why the result is exactly the whole-document result, in the same order:

- every token of a match is consumed by a spec it satisfies (``OP`` "1", "?", "*", "+"), so a
  match lies inside one window; a pattern with a negated spec (``OP`` "!"), an empty spec
  ``{}`` or a spec with no lexeme-level constraint can consume any token, and then every token
  is marked and the one window is the whole document;
- at a token that satisfies no spec, the ``Matcher`` emits exactly what ``finish_states`` emits
  at the end of a document (the states waiting only on optional final specs, in state order)
  and keeps no state; so what it finds in a window does not depend on what lies outside, and
  the windows' matches, window after window, are the whole document's matches in its order
  (spaCy 3.8 ``matcher.pyx``: ``transition_states``, ``get_action``, ``finish_states``);
- ``Matcher(span)`` reads the same tokens as ``Matcher(doc)``; offsets are shifted back.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.lexeme import Lexeme
from spacy.matcher import Matcher
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.matchers.switch import speed_layer

# lexeme attributes (the same for every token with the same text), as pattern keys: a spec's
# constraint on one of these is checked; token-level ones (POS, DEP, ...) are not
STRING_ATTRS = ("ORTH", "LOWER")
FLAG_ATTRS = (
    "IS_ALPHA",
    "IS_ASCII",
    "IS_DIGIT",
    "IS_LOWER",
    "IS_PUNCT",
    "IS_SPACE",
    "IS_TITLE",
    "IS_UPPER",
    "LIKE_NUM",
)
MAX_VERDICTS = 200_000


@dataclass(frozen=True)
class Check:
    """One lexeme-level constraint of a token spec: the lexeme's ``attr`` (``Lexeme``
    attribute name) is one of ``values`` (string hashes, or 0/1 for a flag), or, with
    ``regex``, its string matches it as the Matcher's ``REGEX`` predicate does."""

    attr: str
    values: frozenset[int] = frozenset()
    regex: re.Pattern[str] | None = None

    def passes(self, lex: Lexeme, strings: StringStore) -> bool:
        value = getattr(lex, self.attr)
        if self.regex is None:
            return int(value) in self.values
        return self.regex.search(strings[value]) is not None


def spec_check(vocab: Vocab, spec: dict[str, Any]) -> Check | None:
    """A constraint of one token spec that a lexeme must pass to satisfy it (a value or set
    check if there is one, else a regex); None when the spec can consume any token."""
    if spec.get("OP") == "!":
        return None  # a negated spec consumes the tokens that fail it: any token
    regex = None
    for key, value in spec.items():
        name = "ORTH" if key.upper() == "TEXT" else key.upper()
        attr = name.lower()
        if name in FLAG_ATTRS and isinstance(value, bool):
            return Check(attr, frozenset({int(value)}))
        if name not in STRING_ATTRS:
            continue
        if isinstance(value, str):
            return Check(attr, frozenset({vocab.strings.add(value)}))
        if isinstance(value, dict):
            wanted = value.get("IN")
            if isinstance(wanted, list) and all(isinstance(v, str) for v in wanted):
                return Check(attr, frozenset(vocab.strings.add(v) for v in wanted))
            if isinstance(value.get("REGEX"), str) and regex is None:
                regex = Check(attr, regex=re.compile(value["REGEX"]))
    return regex


def windows(mask: Sequence[int]) -> list[tuple[int, int]]:
    """Token ranges (end exclusive) of the runs of non-zero values in ``mask``."""
    out: list[tuple[int, int]] = []
    start = None
    for i, on in enumerate([*mask, False]):
        if on and start is None:
            start = i
        elif not on and start is not None:
            out.append((start, i))
            start = None
    return out


class WindowedMatcher:
    """A ``Matcher`` over the patterns given to :meth:`add`, run window by window: the same
    matches, in the same order, as the whole-document call (see the module docstring).

    A window is skipped when no pattern fits in it: a match of a pattern holds a distinct
    token for each of its required specs (``OP`` absent, "1" or "+"), one that satisfies that
    spec; a window with fewer tokens that might satisfy a required spec of the pattern than
    the pattern has required specs, for every pattern, holds no match (most windows are a lone
    common word, "the" or "of", that only begins or joins a longer pattern)."""

    def __init__(self, vocab: Vocab, *, validate: bool = False) -> None:
        self.matcher = Matcher(vocab, validate=validate)
        self.vocab = vocab
        # (pattern, is the spec required, its check) for every token spec of every pattern
        self.checks: list[tuple[int, bool, Check | None]] = []
        self.required: list[int] = []  # per pattern: how many specs must consume a token
        # the verdict of :meth:`fits` by ORTH: a function of the text alone, so keeping it
        # from one document to the next changes no result (cleared when it grows large)
        self.verdicts: dict[int, int] = {}

    def add(self, key: str, patterns: list[list[dict[str, Any]]]) -> None:
        self.matcher.add(key, patterns)
        for pattern in patterns:
            n = len(self.required)
            required = [spec.get("OP") in (None, "1", "+") for spec in pattern]
            self.checks.extend(
                (n, need, spec_check(self.vocab, spec))
                for need, spec in zip(required, pattern, strict=True)
            )
            self.required.append(sum(required))
        self.verdicts = {}

    def __len__(self) -> int:
        return len(self.matcher)

    def fits(self, lex: Lexeme) -> int:
        """What a token of this lexeme might satisfy: bit 0, some token spec; bit ``i + 1``, a
        required spec of pattern ``i`` (never a missing bit where it does). 0: no spec."""
        strings = self.vocab.strings
        bits = 0
        for n, required, check in self.checks:
            if check is None or check.passes(lex, strings):
                bits |= 1 | (required << (n + 1))
        return bits

    def marked(self, doc: Doc) -> list[int]:
        """:meth:`fits` of every token of ``doc``."""
        if len(self.verdicts) > MAX_VERDICTS:
            self.verdicts = {}
        verdicts, vocab = self.verdicts, self.vocab
        out = []
        for orth in doc.to_array("ORTH").tolist():
            seen = verdicts.get(orth)
            if seen is None:
                seen = verdicts[orth] = self.fits(vocab[orth])
            out.append(seen)
        return out

    def room(self, bits: Sequence[int]) -> bool:
        """Whether some pattern has as many tokens in a window that might satisfy one of its
        required specs (:meth:`fits` of the window's tokens) as it has required specs."""
        either = 0
        for b in bits:
            either |= b
        for n, required in enumerate(self.required):
            if required == 0:  # every spec optional: any marked token may be a match
                return True
            if either >> (n + 1) & 1 and sum(b >> (n + 1) & 1 for b in bits) >= required:
                return True
        return False

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        if not len(self.matcher):
            return []
        if not speed_layer():  # the switch: spaCy's Matcher over the whole document
            return list(self.matcher(doc))
        bits = self.marked(doc)
        out: list[tuple[int, int, int]] = []
        for start, end in windows(bits):
            if start == 0 and end == len(doc):
                return list(self.matcher(doc))
            if self.room(bits[start:end]):
                found = self.matcher(doc[start:end])
                out.extend((m, start + s, start + e) for m, s, e in found)
        return out
