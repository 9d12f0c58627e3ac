"""The words of a wire source line ("AU0101 Bexley ORBIS HERALD in English 3 Jan 94"): its
reference code, where the line opens and closes, and the runs of capitalised words that name
an outlet (the source-line fixes of :mod:`pipeline.entities.places` read them)."""

from __future__ import annotations

from spacy.tokens import Doc


def capitals(word: str) -> bool:
    return word.isupper() and any(c.isalpha() for c in word)


def capitals_run(doc: Doc, words: list[str], j: int) -> int:
    """The end of the run of up to five all-capitals words from ``j``; a hyphen glued between
    two of them joins them into one ("K-TV")."""
    end, n = j, 0
    while end < len(doc) and n < 5 and capitals(words[end]):
        end, n = end + 1, n + 1
        glued = end + 1 < len(doc) and words[end] == "-" and not doc[end - 1].whitespace_
        if glued and not doc[end].whitespace_ and capitals(words[end + 1]):
            end += 1
    return end


def name_word(doc: Doc, words: list[str], k: int) -> bool:
    """A word of an outlet's name: capitalised ("Radio", "TV-9", "THE"), or a hyphen glued
    between two words ("Kelso-Bexley")."""
    word = words[k]
    if word == "-":
        return 0 < k < len(doc) - 1 and not doc[k - 1].whitespace_ and not doc[k].whitespace_
    return word[:1].isupper()


def reference_code(word: str) -> bool:
    """A wire service's reference code: letters and digits, at least six characters, no
    lower case ("LD1005194694", "94WE0015A")."""
    return (
        len(word) >= 6
        and word.isalnum()
        and not any(c.islower() for c in word)
        and any(c.isdigit() for c in word)
        and any(c.isalpha() for c in word)
    )


def opens_source_line(doc: Doc, i: int) -> bool:
    if i == 0 or doc[i].is_sent_start or "\n" in doc[i - 1].text_with_ws:
        return True
    before = doc[i - 1].text
    return any(c.isdigit() for c in before) and any(c.isalpha() for c in before)


def line_ends(doc: Doc, end: int) -> bool:
    return end == len(doc) or doc[end].is_sent_start or "\n" in doc[end - 1].text_with_ws


def closes_source_line(doc: Doc, end: int) -> bool:
    if line_ends(doc, end):
        return True
    return (
        doc[end].text.lower() == "in"
        and end + 1 < len(doc)
        and doc[end + 1].text[:1].isupper()
        and doc[end + 1].text[1:].islower()
    )
