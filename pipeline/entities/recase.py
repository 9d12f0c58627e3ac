"""Case restoration for all-caps lines (headlines, datelines, sports tables).

The small trained pipeline reads "SOCCER - FIORENTINA BEAT MILAN" poorly: its features lean
on case. These pure functions find the all-caps lines of a ``Doc`` and give each of their
words a likely case, word for word and letter for letter (so offsets do not move), from:

1. the document itself: a word seen capitalised in the middle of a mixed-case sentence is a
   name ("Fiorentina"), one seen in lower case is not ("beat");
2. closed-class words (spaCy's English stop words) -> lower case;
3. a place gazetteer -> capitalised ("BONN" -> "Bonn");
4. a general lexicon (the lemmatizer's WordNet word lists) -> lower case;
5. anything else is taken for a name and capitalised ("UDINESE" -> "Udinese"); words of up
   to three letters stay upper case ("PSV").

The entity component runs the trained NER again on the recased lines and keeps what it
finds there (:func:`pipeline.entities.merge.replace_line_entities`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.matchers.doctext import doc_text


@dataclass(frozen=True)
class CapsLine:
    start: int  # token offsets, end exclusive
    end: int


def line_ranges(doc: Doc, keep: Callable[[str], bool] | None = None) -> Iterator[tuple[int, int]]:
    """Token ranges (end exclusive, without the line breaks) of the non-blank lines of ``doc``;
    with ``keep``, only the lines whose text it accepts."""
    for m in re.finditer(r"[^\n]+", doc_text(doc)):
        if not m.group().strip() or (keep is not None and not keep(m.group())):
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        start, end = span.start, span.end
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if start < end:
            yield start, end


def caps_lines(doc: Doc, *, min_letters: int = 3) -> list[CapsLine]:
    """Lines (between line breaks) with no lower-case letter and at least ``min_letters``
    upper-case ones."""

    def is_caps(line: str) -> bool:
        return line == line.upper() and sum(c.isupper() for c in line) >= min_letters

    return [CapsLine(start, end) for start, end in line_ranges(doc, is_caps)]


def case_evidence(doc: Doc, lines: Sequence[CapsLine]) -> dict[str, str]:
    """The usual spelling, outside the all-caps lines, of each word on them, by lower-case form.

    A word opening a sentence or a line says nothing about case and is skipped, as are
    all-caps spellings (an acronym seen as "PSV" is kept as such by :func:`recase_word`).
    Read from the text with one regular expression, not token by token: this runs on every
    document with an all-caps line."""
    spans = [(doc[x.start].idx, doc[x.end - 1].idx + len(doc[x.end - 1])) for x in lines]
    words = {t.lower_ for x in lines for t in doc[x.start : x.end] if t.is_alpha and len(t) > 1}
    if not words:
        return {}
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b", re.I
    )
    text = doc_text(doc)
    counts: dict[str, Counter[str]] = {}
    for m in pattern.finditer(text):
        form = m.group()
        if form.isupper() or any(s <= m.start() < e for s, e in spans):
            continue
        j = m.start() - 1
        while j >= 0 and text[j] in " \t\"'“‘(":
            j -= 1
        if j < 0 or text[j] in ".!?\n:":
            continue  # opens a sentence or a line
        counts.setdefault(form.lower(), Counter())[form] += 1
    return {low: forms.most_common(1)[0][0] for low, forms in counts.items()}


def recase_word(
    word: str,
    evidence: dict[str, str],
    *,
    stop_words: Collection[str],
    places: Collection[str],
    lexicon: Collection[str],
) -> str:
    """The likely spelling of one all-caps word (same length, same letters)."""
    if not any(c.isalpha() for c in word):
        return word
    low = word.lower()
    seen = evidence.get(low)
    if seen is not None and len(seen) == len(word):
        return seen
    if low in stop_words:
        return low
    title = _title(word)
    if title in places:
        return title
    letters = sum(c.isalpha() for c in word)
    if in_lexicon(low, lexicon):
        return low
    if letters <= 3:
        return word
    return title


_SUFFIXES = (
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
)


def in_lexicon(low: str, lexicon: Collection[str]) -> bool:
    """``low`` or its stem by a regular English inflection is a lexicon word ("wins", "dies")."""
    if low in lexicon:
        return True
    return any(
        low.endswith(suffix)
        and len(low) > len(suffix) + 2
        and low[: -len(suffix)] + repl in lexicon
        for suffix, repl in _SUFFIXES
    )


def _title(word: str) -> str:
    """ "AL-ANWAR" -> "Al-Anwar", "O'NEILL" -> "O'Neill", "MCDONALD" -> "Mcdonald" (same length)."""
    out = []
    prev_alpha = False
    for c in word:
        out.append(c.lower() if prev_alpha else c.upper())
        prev_alpha = c.isalpha()
    text = "".join(out)
    # "'S" after a name is the possessive: "Bonn's" not "Bonn'S"
    if text.endswith("'S") or text.endswith("’S"):
        text = text[:-1] + "s"
    return text


def recase_words(
    words: Sequence[str],
    evidence: dict[str, str],
    *,
    stop_words: Collection[str],
    places: Collection[str],
    lexicon: Collection[str],
) -> list[str]:
    """Every word of a line; runs of two or three words that name a place are capitalised
    together ("NEW YORK" -> "New York", though "new" alone is a common word)."""
    out = [
        recase_word(w, evidence, stop_words=stop_words, places=places, lexicon=lexicon)
        for w in words
    ]
    for n in (3, 2):
        for i in range(len(words) - n + 1):
            if " ".join(_title(w) for w in words[i : i + n]) in places:
                out[i : i + n] = [_title(w) for w in words[i : i + n]]
    return out


def lemmatizer_lexicon(nlp) -> frozenset[str]:  # nlp: spacy.language.Language
    """The general English word list of the trained pipeline's lemmatizer (WordNet nouns,
    verbs, adjectives and adverbs); empty when the pipeline has none. WordNet also lists
    famous names ("bonn", "smith"), which is why document evidence and the gazetteer are
    asked first."""
    if not nlp.has_pipe("lemmatizer"):
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    words: set[str] = set()
    for pos in ("noun", "verb", "adj", "adv"):
        words.update(w for w in index.get(pos, []) if "_" not in w)
    if lookups.has_table("lemma_exc"):  # irregular forms: "went", "children"
        for forms in lookups.get_table("lemma_exc").values():
            words.update(w for w in forms if "_" not in w)
    return frozenset(words)


@dataclass(frozen=True)
class RecasedLines:
    """The recased words of all the all-caps lines of a document, one line after another with
    a line break between them; ``origin[i]`` is the document token of word ``i`` (-1 for a
    line break), so the NER can read all lines in one go and its entities map back."""

    words: list[str]
    spaces: list[bool]
    origin: list[int]
    lines: list[CapsLine]  # the lines kept: those with a word that could begin a name


def recase_lines(
    doc: Doc,
    lines: Sequence[CapsLine],
    evidence: dict[str, str],
    *,
    stop_words: Collection[str],
    places: Collection[str],
    lexicon: Collection[str],
) -> RecasedLines:
    words: list[str] = []
    spaces: list[bool] = []
    origin: list[int] = []
    kept: list[CapsLine] = []
    for line in lines:
        toks = doc[line.start : line.end]
        line_words = recase_words(
            [t.text for t in toks], evidence, stop_words=stop_words, places=places, lexicon=lexicon
        )
        if not any(any(c.isupper() for c in w) for w in line_words):
            continue  # no word left that could begin a name: nothing for the NER to find
        if words:
            words.append("\n")
            spaces.append(False)
            origin.append(-1)
        kept.append(line)
        words.extend(line_words)
        spaces.extend(bool(t.whitespace_) for t in toks)
        spaces[-1] = False
        origin.extend(range(line.start, line.end))
    return RecasedLines(words, spaces, origin, kept)
