"""Relaxed name matching for organisations (a coreference sieve over names, after the
"relaxed string match" and "proper head word match" of Lee et al. 2013): a short name that is
the leading words of exactly one longer name of the same kind is that entity ("Northfield" ->
"Northfield Shipping Group"), and so is a name of two words or more that ends exactly one longer
name ("Coast Guard" -> "Northland Coast Guard").

Run by the resolver only when coreference is on, so the names-only clusters stay today's (the
coreference baseline). Pure functions over entity spans.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

RELAXED_LABELS = frozenset({"ORG", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})


def _words(span: Span) -> tuple[str, ...]:
    return tuple(t.text for t in span if not t.is_punct and t.lower_ not in ("'s", "’s"))


def prefix_links(ents: Sequence[Span]) -> dict[int, int]:
    """Short name index -> index of the one longer name (same label) it begins."""
    names = [(i, _words(e), e.label_) for i, e in enumerate(ents) if e.label_ in RELAXED_LABELS]
    out: dict[int, int] = {}
    for i, words, label in names:
        if not words or not words[0][:1].isupper():
            continue
        n = len(words)
        longer = {
            w: j
            for j, w, lab in names
            if lab == label and len(w) > n and (w[:n] == words or (n >= 2 and w[-n:] == words))
        }
        if not longer:
            continue
        maximal = [w for w in longer if not any(_contains(v, w) for v in longer)]
        if len(maximal) == 1:
            out[i] = longer[maximal[0]]
    return out


def _contains(longer: tuple[str, ...], name: tuple[str, ...]) -> bool:
    n = len(name)
    return len(longer) > n and (longer[:n] == name or longer[-n:] == name)
