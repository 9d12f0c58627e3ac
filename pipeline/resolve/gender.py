"""The gender a person's first name suggests, from the ``gender-guesser`` package (first-name
lists of Jörg Michael's "gender" program, about 48,000 names of many countries).

Loaded once per process (about half a second), when the first resolver is built.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_ANSWERS = {
    "male": "male",
    "mostly_male": "male",
    "female": "female",
    "mostly_female": "female",
}


@lru_cache(maxsize=1)
def _detector() -> Any:
    import gender_guesser.detector as gender_guesser

    return gender_guesser.Detector(case_sensitive=False)


def load() -> None:
    """Load the name lists now (the resolver does this when it is built)."""
    _detector()


@lru_cache(maxsize=4096)
def first_name_gender(name: str) -> str | None:
    """``"male"``, ``"female"`` or None (unknown or either) for a first name."""
    if not name or not name[0].isupper() or not name.isalpha():
        return None
    return _ANSWERS.get(_detector().get_gender(name))
