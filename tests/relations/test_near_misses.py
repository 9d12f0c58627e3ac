"""Near misses of the shipped relation rules: sentences of our own where a rule's words are
there but English does not say the relation (a place near another, not in it; ...), next to
the sentence the rule is for, which must still give it."""

from __future__ import annotations

import pytest

from .helpers import relations_of


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        (
            "The Orbis Institute near Springfield hired Ann Lee.",
            ("LOCATED_IN", "Orbis Institute", "Springfield"),
        ),  # place-prep: near a place is outside it
        (
            "Outages hit homes served by Orbis Power in Bexley and Kelso counties.",
            ("LOCATED_IN", "Orbis Power", "Bexley"),
        ),  # org-in-place: the place modifies a noun (counties it serves), no seat
        (
            "The Orbis Weekly in Tagalog reported the vote.",
            ("LOCATED_IN", "Orbis Weekly", "Tagalog"),
        ),  # a language the tagger takes for a place
        (
            "Troops were sent to Kelso District in Bexley Province, Dunmore District in "
            "Arran Province and the border.",
            ("LOCATED_IN", "Bexley Province", "Dunmore District"),
        ),  # A in B, C in D: C is an item of the list, not the place B is in
        (
            "Rains flooded Kelso County in Ohio, Dunmore County in Iowa and parts of Texas.",
            ("LOCATED_IN", "Ohio", "Dunmore County"),
        ),
        (
            "Kennet's killer, Tom Berg, was caught in Leeds.",
            ("AFFILIATED_WITH", "Tom Berg", "Kennet"),
        ),
        (
            "Orbis Mining's attacker, Tom Berg, was arrested.",
            ("AFFILIATED_WITH", "Tom Berg", "Orbis Mining"),
        ),  # role-appos-name: an adversary is no member
        (
            "Orbis Mining's sons, Tom Berg and Ned Berg, sued.",
            ("AFFILIATED_WITH", "Tom Berg", "Orbis Mining"),
        ),  # role-appos-name: kin of a name the tagger takes for a firm
        ("Ann Lee, the assassin of Kennet, fled.", ("AFFILIATED_WITH", "Ann Lee", "Kennet")),
        (
            "Tom Berg, a patient at the Kelso General Hospital, was charged.",
            ("AFFILIATED_WITH", "Tom Berg", "Kelso General Hospital"),
        ),  # a patient, inmate or customer is served, not employed
        (
            "Tom Berg, son of Orbis Mining's founder, spoke.",
            ("AFFILIATED_WITH", "Tom Berg", "Orbis Mining"),
        ),  # kin of someone the organisation holds
        (
            "Orbis Mining gunman Tom Berg was shot.",
            ("AFFILIATED_WITH", "Tom Berg", "Orbis Mining"),
        ),  # org-role-name: the organisation is where he struck, not his employer
        (
            "Police shot Orbis Mining plant gunman Tom Berg on Monday.",
            ("AFFILIATED_WITH", "Tom Berg", "Orbis Mining"),
        ),  # org-nouns-name
        (
            "In Ohio, Ann Lee said she would fly to London next week.",
            ("LOCATED_IN", "London", "Ohio"),
        ),  # opening-in-region-place: the gazetteer's Londons are all elsewhere
    ],
)
def test_near_miss_gives_no_relation(nlp, text, relation):
    assert relation not in relations_of(nlp, text)


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        (
            "The Orbis Institute in Springfield hired Ann Lee.",
            ("LOCATED_IN", "Orbis Institute", "Springfield"),
        ),
        ("Orbis Power in Bexley cut its prices.", ("LOCATED_IN", "Orbis Power", "Bexley")),
        (
            "The Orbis Weekly in New York reported the vote.",
            ("LOCATED_IN", "Orbis Weekly", "New York"),
        ),
        (
            "Fighting was reported in Dunmore District, Arran Province, on Monday.",
            ("LOCATED_IN", "Dunmore District", "Arran Province"),
        ),
        (
            "Rains flooded Kelso County in Ohio, Dunmore County in Iowa and parts of Texas.",
            ("LOCATED_IN", "Dunmore County", "Iowa"),
        ),
        (
            "In Ohio, floods closed roads in Springfield on Monday.",
            ("LOCATED_IN", "Springfield", "Ohio"),
        ),
        (
            "The Orbis Power plant in northern Bexley shut down.",
            ("LOCATED_IN", "Orbis Power", "Bexley"),
        ),
        (
            "Orbis Mining's lawyer, Tom Berg, said the deal was signed.",
            ("AFFILIATED_WITH", "Tom Berg", "Orbis Mining"),
        ),
        (
            "Tom Berg, a nurse at the Kelso General Hospital, was charged.",
            ("AFFILIATED_WITH", "Tom Berg", "Kelso General Hospital"),
        ),
        (
            "Bexley Radio newsman Tom Berg retired.",
            ("AFFILIATED_WITH", "Tom Berg", "Bexley Radio"),
        ),
    ],
)
def test_the_phrasing_next_to_a_near_miss_still_gives_the_relation(nlp, text, relation):
    assert relation in relations_of(nlp, text)
