"""Names as linking keys: normalisation, acronyms, surnames. Pure functions over strings.

``normalise_name("The Acme Corp.", "org", rules)`` -> ``"acme"``: accents, case, dots, a
possessive, a leading determiner, trailing legal forms (organisations) and leading honorifics
(persons) go; ``&`` reads ``and``; hyphens and other punctuation separate words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pipeline.entities.countries import CountryTable
from pipeline.link.rules import NameRules

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_DOTS = re.compile(r"(?<=\w)\.(?=\w|$|\s)")
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")
_ACRONYM = re.compile(r"^[A-Z](?:\.?[A-Z]){1,7}\.?$")


def fold(text: str) -> str:
    """Lower case, accents dropped, ``&`` spelled ``and``."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("&", " and ").casefold()


def words(text: str) -> list[str]:
    """The words of a name: folded, dots inside abbreviations dropped (``U.S.`` -> ``us``), a
    final possessive dropped, any other punctuation a separator."""
    return list(_words(text))


@lru_cache(maxsize=1 << 13)
def _words(text: str) -> tuple[str, ...]:
    folded = _POSSESSIVE.sub("", fold(text).strip())
    folded = _DOTS.sub("", folded)
    return tuple(_SPACE.sub(" ", _NON_WORD.sub(" ", folded)).split())


def name_words(text: str, cls: str, rules: NameRules) -> list[str]:
    """The words that identify a name of label class ``cls``."""
    ws = words(text)
    while len(ws) > 1 and ws[0] in rules.determiners:
        ws = ws[1:]
    if cls == "org":
        while len(ws) > 1 and ws[-1] in rules.corporate_suffixes:
            ws = ws[:-1]
    if cls == "person":
        while len(ws) > 1 and ws[0] in rules.honorifics:
            ws = ws[1:]
    return ws


def generic(text: str, rules: NameRules) -> bool:
    """A name made only of generic words (``Corp``, ``The Group``): it names nothing by itself."""
    ws = words(text)
    vocabulary = {
        *rules.determiners,
        *rules.corporate_suffixes,
        *rules.descriptors,
        *rules.honorifics,
        *rules.acronym_skip,
    }
    return all(w in vocabulary for w in ws)


def normalise_name(text: str, cls: str, rules: NameRules) -> str:
    return " ".join(name_words(text, cls, rules))


def initials(text: str, cls: str, rules: NameRules) -> str | None:
    """The acronym a name of three or more words would have (``European Aeronautic Defence and
    Space Company`` -> ``EADS``); None for shorter names or names with digits."""
    ws = [w for w in name_words(text, cls, rules) if w not in rules.acronym_skip]
    if len(ws) < 2 or not all(w.isalpha() for w in ws):
        return None
    return "".join(w[0] for w in ws).upper()


def acronym_form(text: str) -> str | None:
    """``USAF`` / ``U.S.A.F.`` as written -> ``USAF``; None unless the name is all capitals."""
    compact = text.strip()
    if not _ACRONYM.match(compact):
        return None
    return compact.replace(".", "")


def descriptor_stripped(text: str, cls: str, rules: NameRules) -> list[str]:
    """An organisation's name without its generic last words, one at a time (``Acme Cargo
    Airlines`` -> ``acme cargo``, ``acme``)."""
    if cls != "org":
        return []
    ws = name_words(text, cls, rules)
    out = []
    while len(ws) > 1 and ws[-1] in rules.descriptors:
        ws = ws[:-1]
        out.append(" ".join(ws))
    return out


def surname(text: str, rules: NameRules) -> tuple[str, bool] | None:
    """A person's last name and whether the name is that word alone."""
    ws = name_words(text, "person", rules)
    if not ws or not ws[-1].isalpha():
        return None
    return ws[-1], len(ws) == 1


def country_prefix(ws: list[str], table: CountryTable) -> tuple[str, list[str]] | None:
    """A name that starts with a country's name or code (``us air force``): the country code
    and the words after it; the longest country name wins."""
    for n in (3, 2, 1):
        if len(ws) > n:
            country = table.by_name(" ".join(ws[:n]))
            if country is not None:
                return country.code, ws[n:]
    return None
