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
finds there (:func:`pipeline.entities.replace_line_entities`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc


@dataclass(frozen=True)
class CapsLine:
    start: int  # token offsets, end exclusive
    end: int


def _cased_letters(text: str) -> tuple[int, int]:
    upper = sum(c.isupper() for c in text)
    lower = sum(c.islower() for c in text)
    return upper, lower


def caps_lines(doc: Doc, *, min_letters: int = 3) -> list[CapsLine]:
    """Lines (between line breaks) with no lower-case letter and at least ``min_letters``
    upper-case ones."""
    out = []
    start = 0
    for i in range(len(doc) + 1):
        if i < len(doc) and "\n" not in doc[i].text:
            continue
        upper = lower = 0
        for tok in doc[start:i]:
            u, lo = _cased_letters(tok.text)
            upper, lower = upper + u, lower + lo
        if lower == 0 and upper >= min_letters:
            out.append(CapsLine(start, i))
        start = i + 1
    return out


def case_evidence(doc: Doc, lines: Sequence[CapsLine]) -> dict[str, str]:
    """The usual spelling of each word outside the all-caps lines, by lower-case form.

    Sentence-initial words say nothing about case and are skipped, as are all-caps words
    (an acronym seen as "PSV" is kept as such by :func:`recase_word` anyway)."""
    skip = {i for line in lines for i in range(line.start, line.end)}
    counts: dict[str, Counter[str]] = {}
    for tok in doc:
        if tok.i in skip or not tok.is_alpha or tok.is_sent_start:
            continue
        if tok.i > 0 and "\n" in doc[tok.i - 1].text:
            continue
        counts.setdefault(tok.lower_, Counter())[tok.text] += 1
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


_SUFFIXES = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"))


def in_lexicon(low: str, lexicon: Collection[str]) -> bool:
    """``low`` or its stem by a regular English inflection is a lexicon word ("wins", "dies")."""
    if low in lexicon:
        return True
    return any(
        low.endswith(suffix) and len(low) > len(suffix) + 2 and low[: -len(suffix)] + repl in lexicon
        for suffix, repl in _SUFFIXES
    )


def _title(word: str) -> str:
    """"AL-ANWAR" -> "Al-Anwar", "O'NEILL" -> "O'Neill", "MCDONALD" -> "Mcdonald" (same length)."""
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
