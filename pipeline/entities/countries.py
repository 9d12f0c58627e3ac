"""Countries, their names and their demonyms, from maintained data packages.

The country list and codes come from pycountry (ISO 3166-1); names, alternate spellings and
the demonym of each country from countryinfo. Adjectival forms that cannot be derived from
those ("Kazakh" for Kazakhstan, whose demonym there is "Kazakhstani") are added as data in
``models/demonyms.json``, each validated against pycountry's codes on load.

A country's ISO code is no name of it: "GM" is General Motors far more often than the Gambia in
news, "MW" megawatts, "BA" an airline. countryinfo lists the codes among its alternate
spellings; they are left out, and only the codes English news writes for a country ("US",
"UK", "UAE") name it, as written (upper case), from the ``codes`` list of
``models/demonyms.json``.

Lookups are pure functions over a :class:`CountryTable` built once per rule folder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import field_validator

from pipeline.rulefiles import _Rule, load_json, models_dir


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    name: str

    def norm(self) -> dict[str, Any]:
        return {"country": self.code, "name": self.name}


@dataclass(frozen=True)
class CountryTable:
    """Lower-cased names, codes as written and demonym forms (case kept) to countries."""

    names: dict[str, Country] = field(default_factory=dict)
    demonyms: dict[str, Country] = field(default_factory=dict)
    codes: dict[str, Country] = field(default_factory=dict)

    def by_name(self, text: str) -> Country | None:
        """A country's name ("Kazakhstan", "the United States"), or a code news writes for
        it ("UK", as written: "Uk" and "uk" are no country)."""
        return self.codes.get(text.strip()) or self.names.get(_key(text))

    def by_code(self, text: str) -> Country | None:
        return self.codes.get(text.strip())

    def by_demonym(self, text: str) -> Country | None:
        """A demonym as written ("Kazakh"); an all-caps headline form is read in title case."""
        if text.isupper() and len(text) > 3:
            text = text.title()
        return self.demonyms.get(text)

    def demonym_pair(self, text: str) -> tuple[Country, ...] | None:
        """ "Kazakh-Belarusian" -> (Kazakhstan, Belarus); None unless every part is a demonym."""
        parts = [p for p in re.split(r"\s*[-–]\s*", text) if p]
        if len(parts) < 2:
            return None
        found = [self.by_demonym(p) for p in parts]
        if any(c is None for c in found):
            return None
        return tuple(c for c in found if c is not None)


_CODE = re.compile(r"^[A-Z]{2,3}$")


def _key(text: str) -> str:
    """Lower case, single spaces, no leading "the" ("the Netherlands" = "Netherlands")."""
    text = re.sub(r"\s+", " ", text.strip().lower())
    return text[4:] if text.startswith("the ") else text


class DemonymExtras(_Rule):
    """``models/demonyms.json``: forms the packages lack, by ISO alpha-2 code."""

    about: str = ""
    demonyms: dict[str, str]
    names: dict[str, str] = {}
    codes: dict[str, str] = {}
    ignore: frozenset[str] = frozenset()

    @field_validator("demonyms", "names", "codes")
    @classmethod
    def _known_codes(cls, v: dict[str, str]) -> dict[str, str]:
        import pycountry

        for form, code in v.items():
            if pycountry.countries.get(alpha_2=code) is None:
                raise ValueError(f"{form!r}: {code!r} is not an ISO 3166-1 alpha-2 code")
        return v


def _display_name(code: str, info_name: str | None) -> str:
    import pycountry

    c = pycountry.countries.get(alpha_2=code)
    assert c is not None, code  # codes come from pycountry itself
    return getattr(c, "common_name", None) or info_name or c.name


def build_table(extras: DemonymExtras) -> CountryTable:
    """The table: pycountry + countryinfo, then the extras (which win)."""
    import pycountry
    from countryinfo.countryinfo import load_countries

    names: dict[str, Country] = {}
    demonyms: dict[str, tuple[int, Country]] = {}
    info_by_code: dict[str, dict[str, Any]] = {}
    for entry in load_countries()["countries"].values():
        code = (entry.get("ISO") or {}).get("alpha2")
        if code and pycountry.countries.get(alpha_2=code) is not None:
            info_by_code.setdefault(code, entry)
    countries: dict[str, Country] = {}
    for pc in pycountry.countries:
        info = info_by_code.get(pc.alpha_2, {})
        countries[pc.alpha_2] = Country(pc.alpha_2, _display_name(pc.alpha_2, info.get("name")))
    for code, country in countries.items():  # official names first, so they win clashes
        found = pycountry.countries.get(alpha_2=code)
        assert found is not None, code
        for n in (
            found.name,
            getattr(found, "common_name", None),
            getattr(found, "official_name", None),
            country.name,
        ):
            if n:
                names.setdefault(_key(n), country)
    forms = {
        form.strip()
        for info in info_by_code.values()
        for form in re.split(r"[,/]", info.get("demonym") or "")
    } | set(extras.demonyms)
    for code, info in info_by_code.items():
        country = countries[code]
        names.setdefault(_key(info["name"]), country)
        for alt in info.get("altSpellings") or []:
            # not a code ("GM", "MAC") nor a people's adjective ("Thai")
            if alt and len(alt) > 1 and alt.isascii() and not _CODE.match(alt) and alt not in forms:
                names.setdefault(_key(alt), country)
        population = int(info.get("population") or 0)
        for form in re.split(r"[,/]", info.get("demonym") or ""):
            form = form.strip()
            if not form or form in extras.ignore:
                continue
            # a form shared by several countries goes to the most populous ("Chinese" -> CN)
            if form not in demonyms or demonyms[form][0] < population:
                demonyms[form] = (population, country)
    table = {form: c for form, (_, c) in demonyms.items()}
    for form, code in extras.demonyms.items():
        table[form] = countries[code]
    for name, code in extras.names.items():
        names[_key(name)] = countries[code]
    codes = {form: countries[code] for form, code in extras.codes.items()}
    return CountryTable(names=names, demonyms=table, codes=codes)


@lru_cache(maxsize=4)
def country_table(folder: Path | None = None) -> CountryTable:
    return build_table(load_json((folder or models_dir()) / "demonyms.json", DemonymExtras))


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def country_of(label: str, text: str, table: CountryTable) -> dict[str, Any] | None:
    """The country a place name (GPE/LOC/FAC) names or a NORP demonym stands for; a demonym
    pair ("Kazakh-Uzbek") gives a list."""
    if label in PLACE_LABELS:
        c = table.by_name(text)
        return c.norm() if c else None
    if label == "NORP":
        c = table.by_demonym(text)
        if c:
            return c.norm()
        pair = table.demonym_pair(text)
        if pair:
            return {"countries": [p.norm() for p in pair]}
    return None
