import pytest
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from pipeline.entities.countries import country_table
from pipeline.resolve.clusters import person_links, resolve

VOCAB = Vocab()


def make(words: list[str], ents: list[tuple[int, int, str]]) -> Doc:
    doc = Doc(VOCAB, words=words)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def names(doc: Doc) -> list[list[str]]:
    text = doc.text
    return [[text[s:e] for s, e in c.mentions] for c in resolve(doc, country_table()).clusters]


def test_short_name_links_to_the_one_full_name():
    doc = make(
        "Askar Mamin met Putin . Mamin said".split(),
        [(0, 2, "PERSON"), (3, 4, "PERSON"), (5, 6, "PERSON")],
    )
    assert person_links(list(doc.ents)) == {2: 0}
    assert names(doc) == [["Askar Mamin", "Mamin"], ["Putin"]]


def test_shared_surname_stays_ambiguous():
    words = "Askar Mamin and Bakhyt Mamin met . Mamin said".split()
    doc = make(words, [(0, 2, "PERSON"), (3, 5, "PERSON"), (7, 8, "PERSON")])
    assert person_links(list(doc.ents)) == {}
    assert names(doc) == [["Askar Mamin"], ["Bakhyt Mamin"], ["Mamin"]]


def test_middle_name_fits_the_longer_name():
    words = "John Fitzgerald Kennedy , John Kennedy and Kennedy".split()
    doc = make(words, [(0, 3, "PERSON"), (4, 6, "PERSON"), (7, 8, "PERSON")])
    assert names(doc) == [["John Fitzgerald Kennedy", "John Kennedy", "Kennedy"]]


def test_countries_and_demonyms_are_one_cluster_named_for_the_country():
    words = "KAZAKHSTAN : Kazakh investment in Kazakhstan".split()
    doc = make(words, [(0, 1, "GPE"), (2, 3, "NORP"), (5, 6, "GPE")])
    (cluster,) = resolve(doc, country_table()).clusters
    assert cluster.name == "Kazakhstan" and cluster.label == "GPE"
    assert cluster.norm == {"country": "KZ", "name": "Kazakhstan"}
    assert len(cluster.mentions) == 3


def test_acronym_joins_its_long_form_and_cites_the_rule():
    words = "the Eurasian Economic Union ( EEU ) grew . The EEU said".split()
    doc = make(words, [(1, 4, "ORG"), (5, 6, "ORG"), (10, 11, "ORG")])
    found = resolve(doc, country_table())
    (cluster,) = found.clusters
    assert cluster.name == "Eurasian Economic Union" and cluster.aliases == ("EEU",)
    (alias,) = found.aliases
    assert alias.type == "ALIAS_OF" and doc.text[alias.head[0] : alias.head[1]] == "EEU"


def test_values_are_never_merged():
    doc = make("in 2020 and 2020".split(), [(1, 2, "DATE"), (3, 4, "DATE")])
    assert names(doc) == [["2020"], ["2020"]]


# --- the seed article, through the whole pipeline ---


def cluster_named(record, name):
    return next(c for c in record.clusters if c.name == name)


def texts(record, ids):
    by_id = {e.id: e for e in record.entities}
    return sorted(by_id[i].text for i in ids)


def test_seed_mamin_cluster_and_role(seed_record):
    mamin = cluster_named(seed_record, "Askar Mamin")
    assert texts(seed_record, mamin.mentions) == ["Askar Mamin", "Mamin", "Mamin"]
    kz = cluster_named(seed_record, "Kazakhstan")
    assert [(r.title, r.of) for r in mamin.roles] == [("First Deputy Prime Minister", kz.id)]


def test_seed_matyushevsky_counterpart_and_affiliation(seed_record):
    by_id = {e.id: e for e in seed_record.entities}
    mat = cluster_named(seed_record, "Vasily Matyushevsky")
    mamin = cluster_named(seed_record, "Askar Mamin")
    by = cluster_named(seed_record, "Belarus")
    rels = {(r.type, by_id[r.head].entity, by_id[r.tail].entity) for r in seed_record.relations}
    assert ("COUNTERPART_OF", mat.id, mamin.id) in rels
    assert ("AFFILIATED_WITH", mat.id, by.id) in rels


def test_seed_igc_is_an_alias_of_the_commission(seed_record):
    by_id = {e.id: e for e in seed_record.entities}
    (alias,) = [r for r in seed_record.relations if r.type == "ALIAS_OF"]
    assert by_id[alias.head].text == "IGC"
    assert by_id[alias.tail].text == "Kazakh-Belarusian Intergovernmental Commission"
    assert by_id[alias.head].entity == by_id[alias.tail].entity


@pytest.mark.parametrize(
    ("text", "norm"),
    [
        ("Kazakh", {"country": "KZ", "name": "Kazakhstan"}),
        ("Belarusian", {"country": "BY", "name": "Belarus"}),
    ],
)
def test_seed_demonyms_are_norp_with_the_country(seed_record, text, norm):
    mentions = [e for e in seed_record.entities if e.text == text]
    assert mentions and all(e.label == "NORP" and e.norm == norm for e in mentions)


def test_seed_every_mention_in_exactly_one_cluster(seed_record):
    members = [m for c in seed_record.clusters for m in c.mentions]
    assert sorted(members) == sorted(e.id for e in seed_record.entities)
    assert all(e.entity for e in seed_record.entities)


def test_coreference_off_keeps_todays_names_only_clusters(nlp):
    from pipeline.nlp.build import load_nlp

    text = (
        "Brightwater Holdings Plc opened a port in May. Brightwater said it would hire 200 workers."
    )
    names_only = load_nlp(coreference=False)(text)
    full = nlp(text)
    assert names_only._.references == [] and full._.references
    assert len(names_only._.clusters) == len(full._.clusters) + 1  # no relaxed name match


@pytest.mark.parametrize(
    ("words", "ents", "label"),
    [
        # the first of equally full mentions gives the label
        (
            "Acme won . Acme lost . Acme left",
            [(0, 1, "ORG"), (3, 4, "PERSON"), (6, 7, "PERSON")],
            "ORG",
        ),
        # equally full, tagged PERSON first: no first name, so not a person
        ("Acme Daily won . Acme Daily lost", [(0, 2, "PERSON"), (4, 6, "ORG")], "ORG"),
        ("Jane Roe won . Jane Roe lost", [(0, 2, "ORG"), (4, 6, "PERSON")], "PERSON"),
        # the fullest mention gives it ("Jane Roe", not "Roe")
        ("Roe won . Jane Roe said", [(0, 1, "ORG"), (3, 5, "PERSON")], "PERSON"),
    ],
)
def test_name_under_two_labels_is_one_cluster_with_its_fullest_mentions_label(words, ents, label):
    doc = make(words.split(), ents)
    assert len(resolve(doc, country_table()).clusters) == 2  # names only: split by label
    (cluster,) = resolve(doc, country_table(), relaxed_names=True).clusters
    assert cluster.label == label
