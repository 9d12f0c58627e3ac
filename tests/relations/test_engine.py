"""Relations the shipped rules find in sentences of our own, one or more per rule."""

from __future__ import annotations

import pytest

from pipeline.relations.rules import load_relation_rules
from pipeline.rulefiles import models_dir

from .helpers import relations_of


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        (
            "Foreign Minister Taro Kono arrived on Monday.",
            ("HOLDS_POSITION", "Taro Kono", "Foreign Minister"),
        ),
        (
            "Japanese Foreign Minister Taro Kono arrived on Monday.",
            ("POSITION_AT", "Foreign Minister", "Japanese"),
        ),
        (
            "The talks were led by the Minister of Foreign Affairs of Japan.",
            ("POSITION_AT", "Minister of Foreign Affairs", "Japan"),
        ),
        (
            "Taro Kono, minister of foreign affairs of Japan, arrived.",
            ("POSITION_AT", "minister of foreign affairs", "Japan"),
        ),
        (
            "Askar Mamin met his Russian counterpart Dmitry Kozak in Moscow.",
            ("COUNTERPART_OF", "Dmitry Kozak", "Askar Mamin"),
        ),
        (
            "Ann Lee at the Bexley Institute of Botany found that ferns lack variety.",
            ("AFFILIATED_WITH", "Ann Lee", "Bexley Institute of Botany"),
        ),
        (
            "In 1961, Tom Berg was born in Baltimore.",
            ("RESIDENT_OF", "Tom Berg", "Baltimore"),
        ),
        (
            "He studied at Bexley Tech in Springfield for two years.",
            ("LOCATED_IN", "Bexley Tech", "Springfield"),
        ),
        # rel2 rules, one own sentence each
        (
            "Siemens, based in Munich, builds trains.",
            ("LOCATED_IN", "Siemens", "Munich"),
        ),  # located-in.based-in
        (
            "General Motors is headquartered in Detroit.",
            ("LOCATED_IN", "General Motors", "Detroit"),
        ),  # is-based-in
        (
            "Officials in Ohio's Franklin County approved the levy.",  # located-in.place-poss-place
            ("LOCATED_IN", "Franklin County", "Ohio"),
        ),
        (
            "NAIROBI, Kenya (Reuters) - Rains flooded the city.",
            ("LOCATED_IN", "Reuters", "NAIROBI"),
        ),  # dateline-agency
        (
            "John Miller, a Denver architect, designed the tower.",
            ("RESIDENT_OF", "John Miller", "Denver"),
        ),  # appos-role-place
        (
            "Maria Lopez, a teacher from Tucson, won the prize.",
            ("RESIDENT_OF", "Maria Lopez", "Tucson"),
        ),  # appos-role-from-place
        (
            "Texas Gov. Greg Abbott signed the bill.",
            ("RESIDENT_OF", "Greg Abbott", "Texas"),
        ),  # place-native-name, Gov.
        (
            "Paul Grant of the Boeing company said orders rose.",  # affiliated.name-prep-org-modifier
            ("AFFILIATED_WITH", "Paul Grant", "Boeing"),
        ),
        (
            "Anna Berg, a member of the research staff at IBM, said the chip works.",  # appos-role-prep-deep
            ("AFFILIATED_WITH", "Anna Berg", "IBM"),
        ),
        (
            "Tokyo KYODO in English 0812 GMT 5 Jun 94",
            ("LOCATED_IN", "KYODO", "Tokyo"),
        ),  # entity-fix.place-agency
        # issue 15: affiliation, bases, places and residence as reporters state them
        (
            "Orbis Mining's Tom Berg said sales rose.",  # affiliated.org-possessive-name
            ("AFFILIATED_WITH", "Tom Berg", "Orbis Mining"),
        ),
        (
            "Houston-based Orbis Mining reported a loss.",  # located-in.place-based-org
            ("LOCATED_IN", "Orbis Mining", "Houston"),
        ),
        (
            "The Houston-based company Orbis Mining reported a loss.",  # place-based-noun-org
            ("LOCATED_IN", "Orbis Mining", "Houston"),
        ),
        (
            "Orbis Mining, a Houston-based miner, reported a loss.",  # org-appos-based-noun
            ("LOCATED_IN", "Orbis Mining", "Houston"),
        ),
        (
            "Orbis Mining, a Houston construction firm, reported a loss.",  # org-appos-place-noun
            ("LOCATED_IN", "Orbis Mining", "Houston"),
        ),
        (
            "The Houston firm, Orbis Mining, reported a loss.",  # place-noun-appos-org
            ("LOCATED_IN", "Orbis Mining", "Houston"),
        ),
        (
            "Reporters gathered at Orbis Mining headquarters in Houston.",  # headquarters-in
            ("LOCATED_IN", "Orbis Mining", "Houston"),
        ),
        (
            "Orbis Mining has its headquarters in Houston.",  # has-headquarters-in
            ("LOCATED_IN", "Orbis Mining", "Houston"),
        ),
        (
            "Flooding hit Jasper in southern Indiana on Monday.",  # place-in-place
            ("LOCATED_IN", "Jasper", "Indiana"),
        ),
        (
            "Texas native Tom Berg said he was tired.",  # place-native-before-name
            ("RESIDENT_OF", "Tom Berg", "Texas"),
        ),
        (
            "Berg's hometown of Springfield gave a parade.",  # home-of-place
            ("RESIDENT_OF", "Berg", "Springfield"),
        ),
        (
            "Tom Berg returned to his hometown of Springfield.",  # pronoun-home-of-place
            ("RESIDENT_OF", "Tom Berg", "Springfield"),
        ),
        (
            "Tom Berg returned to his Iowa hometown.",  # pronoun-place-home
            ("RESIDENT_OF", "Tom Berg", "Iowa"),
        ),
        (
            "Tom Berg won easily in his native Ohio.",  # pronoun-native-place
            ("RESIDENT_OF", "Tom Berg", "Ohio"),
        ),
        (
            "Sen. Ann Lee, D-Ohio, chairman of the Senate Finance Committee, spoke.",
            ("HOLDS_POSITION", "Ann Lee", "chairman"),  # appos-appos-title
        ),
        (
            "Tom Berg was elected chairman of the Rotary Club.",  # named-title
            ("HOLDS_POSITION", "Tom Berg", "chairman"),
        ),
        (
            "Orbis Mining named Tom Berg publisher of the Daily Ledger.",  # named-role-of-org
            ("AFFILIATED_WITH", "Tom Berg", "Daily Ledger"),
        ),
        (
            "Beijing May 3 ( XINHUA ) -- Rain fell all day.",  # dateline-agency-dash
            ("LOCATED_IN", "XINHUA", "Beijing"),
        ),
        (
            "Floods reached Lyon, the third city of France, on Monday.",  # place-appos-noun-of-place
            ("LOCATED_IN", "Lyon", "France"),
        ),
        (
            "Snow fell on Bergen, Norway's second-largest city, on Monday.",  # place-appos-place-noun
            ("LOCATED_IN", "Bergen", "Norway"),
        ),
        (
            "Floods reached France's third city, Lyon, on Monday.",  # place-noun-appos-place
            ("LOCATED_IN", "Lyon", "France"),
        ),
        (
            "Ohio-born actor Tom Berg arrived on Monday.",  # resident-of.place-born-name
            ("RESIDENT_OF", "Tom Berg", "Ohio"),
        ),
        (
            "Tom Berg is chairman of Orbis Mining.",  # holds-position.copula-title
            ("HOLDS_POSITION", "Tom Berg", "chairman"),
        ),
        (
            "Tom Berg, a Democrat from Springfield, denied it.",  # resident-of.appos-group-from-place
            ("RESIDENT_OF", "Tom Berg", "Springfield"),
        ),
        (
            "Police reached Ann Lee's Ohio home at noon.",  # resident-of.possessive-place-home
            ("RESIDENT_OF", "Ann Lee", "Ohio"),
        ),
        (
            "The singer Ann Lee was born Ann Morrow in Leeds, England.",  # born-as-name-in
            ("RESIDENT_OF", "Ann Lee", "Leeds"),
        ),
        (
            "Tom Berg's Orbis Party won the election.",  # affiliated.person-possessive-org
            ("AFFILIATED_WITH", "Tom Berg", "Orbis Party"),
        ),
        (
            "In Leeds, the Northern Film Council said it would close.",  # opening-in-place-org
            ("LOCATED_IN", "Northern Film Council", "Leeds"),
        ),
        (
            "Ann Lee taught at Leeds University for years.",  # affiliated.works-for (teach)
            ("AFFILIATED_WITH", "Ann Lee", "Leeds University"),
        ),
        (
            "Tom Berg, who operates the Orbis Mining Company, spoke.",  # leader_verbs: operate
            ("AFFILIATED_WITH", "Tom Berg", "Orbis Mining Company"),
        ),
        (
            "The choir sang at the Bexley Arts Centre, in Leeds, on Friday.",  # name-comma-in-place
            ("LOCATED_IN", "Bexley Arts Centre", "Leeds"),
        ),
        (
            "SPRINGFIELD, Ohio (AP) Rain fell.",  # located-in.place-comma-place-end
            ("LOCATED_IN", "SPRINGFIELD", "Ohio"),
        ),
        (
            "Ann Lee of Springfield, Ohio, won.",  # person-of-place-appos-place
            ("RESIDENT_OF", "Ann Lee", "Ohio"),
        ),
        (
            "Tom Berg, 50, of Springfield, Ohio, was hurt on Thursday.",  # person-age-of-place
            ("RESIDENT_OF", "Tom Berg", "Springfield"),
        ),
        (
            "Tom Berg, 50, of Springfield, Ohio, was hurt on Thursday.",  # ...-appos-place
            ("RESIDENT_OF", "Tom Berg", "Ohio"),
        ),
        (
            "Ann Lee, one of the best surgeons in Ohio, said so.",  # appos-one-of-in-place
            ("RESIDENT_OF", "Ann Lee", "Ohio"),
        ),
        (
            "Tom Berg formed the Northern Unity Party in 1990.",  # leads-org: form
            ("AFFILIATED_WITH", "Tom Berg", "Northern Unity Party"),
        ),
        (
            "Ann Lee established the Kent Heritage Trust in 1990.",  # leads-org: establish
            ("AFFILIATED_WITH", "Ann Lee", "Kent Heritage Trust"),
        ),
        (
            "Ann Lee, elections supervisor for Kent County, said turnout was low.",
            ("AFFILIATED_WITH", "Ann Lee", "Kent County"),  # appos-role-prep-place
        ),
        (
            "The Orbis Glass Co. of Springfield, Ohio, donates the bottles.",
            ("LOCATED_IN", "Orbis Glass Co.", "Ohio"),  # org-of-place-appos-place
        ),
        (
            "Orbis, based in Springfield, Ohio, makes towels.",  # based-in-appos-place
            ("LOCATED_IN", "Orbis", "Ohio"),
        ),
        (
            "The plan was approved by the Peruvian Government after weeks of talks in Peru.",
            ("LOCATED_IN", "Peruvian Government", "Peru"),  # demonym-org-country
        ),
        (
            "In Kenya, the Kenyan Parliament met on Monday.",  # country-demonym-org
            ("LOCATED_IN", "Kenyan Parliament", "Kenya"),
        ),
        # session 6, rel-org: one own sentence per rule
        (
            "Ann Lee was a nurse at Springfield General Hospital before the war.",
            ("AFFILIATED_WITH", "Ann Lee", "Springfield General Hospital"),
        ),  # affiliated.copula-role-verb-prep
        (
            "Ann Lee, a professor at Bexley College and a member of the Orbis Society, died.",
            ("AFFILIATED_WITH", "Ann Lee", "Orbis Society"),
        ),  # affiliated.appos-conj-role-prep
        (
            "Ann Lee, founder of the group and honorary chairman of the Bexley Farmers Union, died.",
            ("HOLDS_POSITION", "Ann Lee", "chairman"),
        ),  # holds-position.appos-conj-title
        (
            "The talks were held at the Orbis Institute in Springfield, Ohio, on Friday.",
            ("LOCATED_IN", "Orbis Institute", "Ohio"),
        ),  # located-in.org-in-place-comma-place
        (
            "Tom Berg, who worked for Orbis Mining for years, retired.",
            ("AFFILIATED_WITH", "Tom Berg", "Orbis Mining"),
        ),  # affiliated.relcl-works-for
        (
            "Ann Lee, a Democrat who served ten years in the Bexley Council, denied it.",
            ("AFFILIATED_WITH", "Ann Lee", "Bexley Council"),
        ),  # affiliated.appos-relcl-works-for
        (
            "Tom Berg wrote for the Orbis Times for ten years.",
            ("AFFILIATED_WITH", "Tom Berg", "Orbis Times"),
        ),  # affiliated.works-for (write, report, cover)
        (
            "A Bexley College law professor, Ann Lee helped draft the bill.",
            ("AFFILIATED_WITH", "Ann Lee", "Bexley College"),
        ),  # affiliated.fronted-org-role-name
        (
            "Ann Lee set up the Orbis Foundation in 1990.",
            ("AFFILIATED_WITH", "Ann Lee", "Orbis Foundation"),
        ),  # affiliated.set-up-org
        (
            "The storm is moving east, said Orbis Radio spokesman Lt. Tom Berg.",
            ("HOLDS_POSITION", "Tom Berg", "spokesman"),
        ),  # holds-position.title-rank-name
        (
            "Orbis Party floor leader Ann Lee told reporters the vote would pass.",
            ("AFFILIATED_WITH", "Ann Lee", "Orbis Party"),
        ),  # affiliated.org-nouns-name
        (
            "Police searched Orbis Mining's Springfield headquarters on Monday.",
            ("LOCATED_IN", "Orbis Mining", "Springfield"),
        ),  # located-in.org-place-site
        # session 6, rel-place
        (
            "We drove through Bexley, where Tom Berg was born, and on to Leeds.",
            ("RESIDENT_OF", "Tom Berg", "Bexley"),  # place-where-born
        ),
        (
            "But trustee Tom Berg, a Springfield, Ohio, lawyer, said he would wait.",
            ("RESIDENT_OF", "Tom Berg", "Springfield"),  # appos-role-place (nmod)
        ),
        (
            "But trustee Tom Berg, a Springfield, Ohio, lawyer, said he would wait.",
            ("RESIDENT_OF", "Tom Berg", "Ohio"),  # appos-role-place-comma-place
        ),
        (
            "As Springfield teacher union leader Ann Lee put it, the work is done.",
            ("RESIDENT_OF", "Ann Lee", "Springfield"),  # place-two-word-role-name
        ),
        (
            "With Ohio being Ann Lee's home state, she campaigned hard there.",
            ("RESIDENT_OF", "Ann Lee", "Ohio"),  # place-is-persons-hometown
        ),
        (
            "Springfield is Tom Berg's hometown.",
            ("RESIDENT_OF", "Tom Berg", "Springfield"),  # place-is-persons-hometown
        ),
        (
            "Fighting went on in Bexley in the southern part of Ruritania.",
            ("LOCATED_IN", "Bexley", "Ruritania"),  # place-in-part-of-place
        ),
        (
            "Ships brought aid to Fiji, a small country in the Pacific Ocean.",
            ("LOCATED_IN", "Fiji", "Pacific Ocean"),  # a country in a LOC
        ),
        (
            "Painter Ann Lee, 76, born in Springfield, who worked at a mill, spoke.",
            ("RESIDENT_OF", "Ann Lee", "Springfield"),  # name-age-born-in
        ),
        (
            "Fighting broke out in Bexley, northern Ruritania, on Monday.",
            ("LOCATED_IN", "Bexley", "Ruritania"),  # place-comma-direction-place
        ),
        (
            "Ann Lee is a native of Springfield, Ohio.",
            ("RESIDENT_OF", "Ann Lee", "Springfield"),  # person-is-native-of
        ),
        (
            "Tom Berg is a Springfield native who joined the police.",
            ("RESIDENT_OF", "Tom Berg", "Springfield"),  # person-is-place-native
        ),
        (
            "The museum in Springfield, Tom Berg's hometown, plans a statue.",
            ("RESIDENT_OF", "Tom Berg", "Springfield"),  # place-comma-persons-hometown
        ),
        (
            "The museum in Springfield, Ohio, Tom Berg's hometown, plans a statue.",
            ("RESIDENT_OF", "Tom Berg", "Springfield"),  # place-state-comma-persons-hometown
        ),
        (
            "It stars Ann Lee, his lover, and was shot in northern Ohio, where she grew up.",
            ("RESIDENT_OF", "Ann Lee", "Ohio"),  # place-where-born through a pronoun
        ),
        (
            "An award honours Tom Berg, a director who grew up in Leeds and worked in film.",
            ("RESIDENT_OF", "Tom Berg", "Leeds"),  # appos-role-clause-lives-in
        ),
        (
            "The man was hurt, said Bexley County police spokesman Tom Berg.",
            ("RESIDENT_OF", "Tom Berg", "Bexley County"),  # place-field-title-name
        ),
        (
            "The quake was centred near Springfield, Ohio, said a seismic analyst.",
            ("LOCATED_IN", "Springfield", "Ohio"),  # place-comma-place
        ),
        # session 7, relrec7
        (
            "Ann Lee, a retired poet, was born Margaret Hale in Kelso, Bexley County, and later moved away.",
            ("RESIDENT_OF", "Margaret Hale", "Kelso"),  # born-name-in
        ),
        (
            "The poet Ann Lee was born Ann Morrow in Springfield, Ohio, in 1901.",
            ("RESIDENT_OF", "Ann Morrow", "Springfield"),  # born-name-verb-in
        ),
        (
            "Born in Springfield the son of a baker, Tom Berg moved to Leeds in 1950.",
            ("RESIDENT_OF", "Tom Berg", "Springfield"),  # fronted-born-in
        ),
        (
            "Born in Leeds in 1931, Ann Lee trained as a nurse.",
            ("RESIDENT_OF", "Ann Lee", "Leeds"),  # fronted-born-in
        ),
        (
            "Both Ann Lee and Tom Berg were born in Springfield.",
            ("RESIDENT_OF", "Tom Berg", "Springfield"),  # conj-subject-born-in
        ),
        (
            "Tom Berg was born in Bexley and grew up in Springfield.",
            ("RESIDENT_OF", "Tom Berg", "Springfield"),  # person-conj-verb-in
        ),
        (
            "Tom Berg and Ann Lee were born and raised in Ohio.",
            ("RESIDENT_OF", "Tom Berg", "Ohio"),  # person-conj-verb-in
        ),
        (
            "In Ohio, floods closed roads in Springfield on Monday.",
            ("LOCATED_IN", "Springfield", "Ohio"),  # opening-in-region-place
        ),
        (
            "The Kelso Bridge, in the Bexley Valley, is closed.",
            ("LOCATED_IN", "Kelso Bridge", "Bexley Valley"),  # name-comma-in-place with the
        ),
        (
            "Ohio's popular governor, Ann Lee, signed the bill.",
            ("POSITION_AT", "governor", "Ohio"),  # possessive-title
        ),
        (
            "Fighting spread to Kenya's eastern province of Kitui.",
            ("LOCATED_IN", "Kitui", "Kenya"),  # place-place-noun-of-place
        ),
        (
            "We drove to the Ohio town of Springfield.",
            ("LOCATED_IN", "Springfield", "Ohio"),  # place-place-noun-of-place
        ),
        (
            "The meeting in Kelso, third largest city in Ruritania, ended early.",
            ("LOCATED_IN", "Kelso", "Ruritania"),  # place-comma-described-place-noun
        ),
        # session 7, live7b
        (
            "In 1901, the 12th mayor of Bexley, Tom Berg, was born in Kelso, Ohio.",
            ("RESIDENT_OF", "Tom Berg", "Kelso"),  # appos-of-subject-born-in
        ),
        (
            "Painter and sculptor Tom Berg was born in Leeds in a small house.",
            ("RESIDENT_OF", "Tom Berg", "Leeds"),  # title-conj-name-born-in
        ),
    ],
)
def test_rules_find_relations(nlp, text, relation):
    assert relation in relations_of(nlp, text)


def test_affiliation_through_a_title_is_that_titles_position(nlp):
    """docs/ANNOTATION.md §4: AFFILIATED_WITH only when no TITLE links person and organisation."""
    found = relations_of(nlp, "Anne Lee, chairman of Toyota Motor Corp., said sales rose.")
    assert ("POSITION_AT", "chairman", "Toyota Motor Corp.") in found
    assert ("HOLDS_POSITION", "Anne Lee", "chairman") in found
    assert not [r for r in found if r[0] == "AFFILIATED_WITH"]


def test_a_title_joined_to_another_role_is_not_that_roles_position(nlp):
    """A match that leaves a title through a conjunct is the conjoined role's: member of B."""
    found = relations_of(
        nlp, "Ann Lee, director of the Bexley Institute and a member of the Orbis Society, spoke."
    )
    assert ("AFFILIATED_WITH", "Ann Lee", "Orbis Society") in found
    assert ("POSITION_AT", "director", "Orbis Society") not in found


def test_an_organisation_named_for_one_country_is_not_placed_in_another(nlp):
    found = relations_of(nlp, "The Kenyan Trade Ministry said Japan should reply.")
    assert not [r for r in found if r[0] == "LOCATED_IN"]


def test_a_nationality_before_a_title_places_no_organisation(nlp):
    found = relations_of(
        nlp, "Trade with Kazakhstan grew, according to Kazakh Foreign Minister Ann Lee."
    )
    assert not [r for r in found if r[0] == "LOCATED_IN"]


def test_a_residence_role_is_left_to_the_residence_rules(nlp):
    found = relations_of(nlp, "Ann Lee, a native of Springfield, Ohio, spoke.")
    assert ("RESIDENT_OF", "Ann Lee", "Springfield") in found
    assert not [r for r in found if r[0] == "AFFILIATED_WITH"]


@pytest.mark.parametrize(
    ("text", "relation", "rule"),
    [
        (
            "Orbis Mining safety director Ann Lee said the tests were clean.",
            ("POSITION_AT", "director", "Orbis Mining"),
            "position-at.org-words-title",
        ),
        (
            "The poll gave 9 percent to Tom Berg, candidate of the Orbis Party (OP).",
            ("AFFILIATED_WITH", "Tom Berg", "Orbis Party"),
            "affiliated.name-comma-role-prep-org",
        ),
    ],
)
def test_token_rules_cite_their_match_before_the_parse_rules(nlp, text, relation, rule):
    """Token rules run first, so where a dependency rule finds the same fact the relation cites
    the token rule: the words alone carry it, whatever the parse."""
    doc = nlp(text)
    cited = {
        (r.type, doc.text[r.head[0] : r.head[1]], doc.text[r.tail[0] : r.tail[1]]): r.rule
        for r in doc._.relations
    }
    assert cited.get(relation) == rule


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lee, a critic of the Orbis Party, spoke.",
        "Tom Berg, a rival of Orbis Mining, said so.",
        "Ann Lee was a critic at the Orbis Party congress.",
        "Tom Berg wrote a letter for the Orbis Party.",
    ],
)
def test_a_critic_rival_victim_or_letter_writer_is_not_affiliated(nlp, text):
    assert not [r for r in relations_of(nlp, text) if r[0] == "AFFILIATED_WITH"]


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lee, author of the Orbis Mining handbook, spoke.",
        "Tom Berg, inventor of the Orbis Mining drill, said so.",
        "Ann Lee, the creator of the Orbis Times crossword, spoke.",
        "Ann Lee, a scholar of the Orbis Party, said so.",
        "Tom Berg, a lifelong Orbis United fan, spoke.",
    ],
)
def test_an_author_inventor_scholar_or_fan_is_not_affiliated(nlp, text):
    """outsider_nouns: the object of the role is a work, a field, a team followed or a
    birthplace, not an employer."""
    assert not [r for r in relations_of(nlp, text) if r[0] == "AFFILIATED_WITH"]


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Ann Lee, an editor of the Orbis Times, spoke.", ("Ann Lee", "Orbis Times")),
        ("Tom Berg, a geologist with Orbis Mining, said so.", ("Tom Berg", "Orbis Mining")),
    ],
)
def test_a_staff_role_before_the_organisation_is_still_affiliated(nlp, text, relation):
    found = {(h, t) for typ, h, t in relations_of(nlp, text) if typ == "AFFILIATED_WITH"}
    assert relation in found, found


def test_no_country_is_located_in_another(nlp):
    found = relations_of(nlp, "Trade between Kazakhstan, Belarus and Russia grew.")
    assert not [r for r in found if r[0] == "LOCATED_IN"]


def test_every_relation_cites_a_known_rule_and_sentence(seed_record):
    ids = {r.id for r in load_relation_rules(models_dir() / "relation_rules.jsonl")}
    assert seed_record.relations
    for rel in seed_record.relations:
        assert rel.rule in ids | {"resolve.acronym-definition"}
        assert rel.sentence is not None


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lee was shot by Tom Berg in Springfield on Monday.",  # where, not residence
        "The court heard the case of Springfield newspaper reporter Ann Lee.",  # the paper's town
    ],
)
def test_a_person_only_seen_in_a_place_gets_no_residence(nlp, text):
    found = relations_of(nlp, text)
    assert not [r for r in found if r[0] == "RESIDENT_OF"], found


def test_places_of_a_list_are_not_located_in_each_other(nlp):
    found = relations_of(nlp, "Storms hit Ohio, Kentucky and northern Indiana on Monday.")
    assert not [r for r in found if r[0] == "LOCATED_IN"], found


def test_a_hometown_after_a_town_and_state_is_the_town(nlp):
    found = relations_of(
        nlp, "The museum in Springfield, Ohio, Tom Berg's hometown, plans a statue."
    )
    assert ("RESIDENT_OF", "Tom Berg", "Ohio") not in found


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        # fronted-born-in: the person born is the subject, not the one spoken to
        ("Born in Leeds, the singer told Ann Lee about the city.", ("Ann Lee", "Leeds")),
        # person-conj-verb-in: working somewhere is no residence
        ("Tom Berg was born in Bexley and worked in Springfield.", ("Tom Berg", "Springfield")),
        # conj-subject-born-in: a wedding's place is no residence
        ("Ann Lee and Tom Berg were married in Springfield.", ("Tom Berg", "Springfield")),
        # appos-of-subject-born-in: being honoured somewhere is no residence
        (
            "The 12th mayor of Bexley, Tom Berg, was honoured in Springfield.",
            ("Tom Berg", "Springfield"),
        ),
        # title-conj-name-born-in: meeting somewhere is no residence
        ("The painter and Ann Lee met in Leeds.", ("Ann Lee", "Leeds")),
    ],
)
def test_near_misses_of_the_birth_rules_give_no_residence(nlp, text, relation):
    assert ("RESIDENT_OF", *relation) not in relations_of(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "In Ohio, the governor said Texas would help.",  # a state is in no other state
        "In Washington, officials said the threat from Leeds was real.",  # the capital
        "In Leeds, the mayor said Springfield would help.",  # a town holds no town
    ],
)
def test_an_opening_place_holds_only_the_towns_of_a_region(nlp, text):
    found = relations_of(nlp, text)
    assert not [r for r in found if r[0] == "LOCATED_IN"], found


@pytest.mark.parametrize(
    "text",
    [
        "Springfield's sister city of Leeds sent a band.",  # a partner town lies elsewhere
        "Springfield's twin town of Leeds sent a band.",
        "Workers live in the Orbis Mining town of Springfield.",  # a company town
    ],
)
def test_a_partner_or_company_town_is_not_located_in_its_partner(nlp, text):
    found = relations_of(nlp, text)
    assert not [r for r in found if r[0] == "LOCATED_IN"], found


def test_a_persons_possessive_before_a_title_is_no_position(nlp):
    found = relations_of(nlp, "Ann Lee's former chairman, Tom Berg, left.")
    assert not [r for r in found if r[0] == "POSITION_AT"], found


def test_a_twin_city_is_not_read_as_a_described_place(nlp):
    """place-comma-described-place-noun skips partner words (a twin or sister town lies
    elsewhere); the token rules run first, so a match of it would be the one cited."""
    doc = nlp("Leeds, the twin city of Springfield, sent a band.")
    assert "located-in.place-comma-described-place-noun" not in {r.rule for r in doc._.relations}
