"""The gender a person's first name suggests, from the first-name lists of the ``Faker`` package
(MIT licence, maintained; male and female first names of its 80-odd locales, about 13,000 each).
A name on both lists (Jean, Andrea, Kim) suggests neither.

Loaded once per process, when the first resolver is built.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache


@lru_cache(maxsize=1)
def _names() -> tuple[frozenset[str], frozenset[str]]:
    """Every male and every female first name of the lists, lower case."""
    import faker.providers.person as person

    male: set[str] = set()
    female: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        try:
            module = importlib.import_module(f"{person.__name__}.{info.name}")
        except ImportError:  # a locale module that needs something absent: skip it
            continue
        provider = getattr(module, "Provider", None)
        male.update(n.lower() for n in getattr(provider, "first_names_male", ()) if n.isalpha())
        female.update(n.lower() for n in getattr(provider, "first_names_female", ()) if n.isalpha())
    return frozenset(male), frozenset(female)


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    male, female = _names()
    return male - female, female - male


def is_first_name(word: str) -> bool:
    """A capitalised word on a first-name list, whatever gender it suggests ("Andrea")."""
    if not word[:1].isupper() or not word.isalpha():
        return False
    male, female = _names()
    return word.lower() in male or word.lower() in female


def load() -> None:
    """Load the name lists now (the resolver does this when it is built)."""
    _lists()


@lru_cache(maxsize=4096)
def first_name_gender(name: str) -> str | None:
    """``"male"``, ``"female"`` or None (unknown, or on both lists) for a first name."""
    if not name or not name[0].isupper() or not name.isalpha():
        return None
    male, female = _lists()
    key = name.lower()
    return "male" if key in male else "female" if key in female else None
