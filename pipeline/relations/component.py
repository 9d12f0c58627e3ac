"""The relations component (``newsrel_relations_v1``): relations from the rules, and the
positions each PERSON cluster holds."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

import pipeline.relations.engine as relations
from pipeline.entities.countries import CountryTable, country_table
from pipeline.entities.gazetteer import big_cities, city_regions, us_state_codes
from pipeline.facts import RelationFact
from pipeline.relations.matching import compile_rules
from pipeline.relations.rules import load_relation_rules
from pipeline.relations.types import relation_types
from pipeline.relations.words import REGION_WORDS, relation_words


def named_for_country(table: CountryTable, name: str, place: str) -> bool:
    """``name`` opens with the demonym of the country ``place`` names: "Peruvian Government"
    and "Peru", "Chinese Trade Ministry" and "the People's Republic of China"."""
    first = name.split()[0] if name.split() else ""
    demonym, country = table.by_demonym(first), table.by_name(place)
    return demonym is not None and demonym == country


@dataclass(frozen=True)
class Regions:
    """What makes a name a region (relation_words.json): ``words`` end a region's name (the
    list ``region_words``); a state or country that is also the name of a city of at least
    ``city_population`` people is read as the city ("In Washington," opens a story from the
    capital)."""

    words: frozenset[str]
    city_population: int


def is_region(table: CountryTable, regions: Regions, name: str) -> bool:
    """A country, a US state, or a name ending in one of ``regions.words`` ("Bexley County"):
    a place that holds towns, for rules reading a sentence's opening "In Ohio," as where the
    places after it lie. Not the name of a big city too ("Washington")."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in regions.words:
        return True
    known = table.by_name(name) is not None or name in us_state_codes()
    return known and name not in big_cities(regions.city_population)


def in_region(table: CountryTable, regions: Regions, place: str, region: str) -> bool:
    """Whether ``region`` is a region (:func:`is_region`) that may hold ``place``: ``place`` is
    none, and no city of the gazetteer so named lies only elsewhere ("In Ohio, ... Springfield"
    may be Springfield, Ohio; "In Ohio, Ann Lee flew to London" names no London in Ohio). A
    place the gazetteer does not know may lie in any region."""
    if not is_region(table, regions, region) or is_region(table, regions, place):
        return False
    known = city_regions().get(place)
    if not known:
        return True
    country, state = table.by_name(region), us_state_codes().get(region)
    if country is None and state is None:
        return True  # "Bexley County": the gazetteer does not say which towns it holds
    in_country = country is not None and any(code == country.code for code, _ in known)
    return in_country or (state is not None and ("US", state) in known)  # Georgia: both


class RelationRules:
    """Relations from the rules in ``relation_rules.jsonl`` (:mod:`pipeline.relations.rules`,
    :mod:`pipeline.relations.engine`), and the roles of each PERSON cluster they imply."""

    def __init__(self, nlp: Language, path: Path) -> None:
        table = country_table(path.parent)
        words = relation_words(path.parent)
        # a folder without the list: only countries and states are regions
        regions = Regions(
            frozenset(words.lists.get(REGION_WORDS, ())), words.region_city_population
        )
        self.compiled = compile_rules(
            nlp.vocab,
            load_relation_rules(path, relation_types(path.parent), words),
            is_country=lambda text: table.by_name(text) is not None,
            same_country=partial(named_for_country, table),
            in_region=partial(in_region, table, regions),
        )

    def find(self, doc: Doc) -> list[RelationFact]:
        return relations.relations(doc, self.compiled)

    def set_annotations(self, doc: Doc, found: list[RelationFact]) -> None:
        doc._.relations = found
        doc._.roles = relations.roles(doc._.clusters or [], [*(doc._.aliases or []), *found], doc)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc
