import pytest

from pipeline.entities.countries import DemonymExtras, build_table, country_table
from pipeline.rulefiles import RuleError, load_json


@pytest.mark.parametrize(
    ("form", "code", "name"),
    [
        ("Kazakh", "KZ", "Kazakhstan"),  # an exception from models/demonyms.json
        ("Kazakhstani", "KZ", "Kazakhstan"),  # countryinfo's demonym
        ("Belarusian", "BY", "Belarus"),
        ("Japanese", "JP", "Japan"),
        ("Chinese", "CN", "China"),  # shared with HK and MO: the most populous wins
        ("KAZAKH", "KZ", "Kazakhstan"),  # headline capitals
    ],
)
def test_demonyms_give_the_country(form, code, name):
    country = country_table().by_demonym(form)
    assert country is not None
    assert (country.code, country.name) == (code, name)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kazakhstan", "KZ"),
        ("KAZAKHSTAN", "KZ"),
        ("the United States", "US"),
        ("U.S.", "US"),
        ("Russian Federation", "RU"),
    ],
)
def test_country_names(text, code):
    country = country_table().by_name(text)
    assert country is not None and country.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [("US", "US"), ("USA", "US"), ("UK", "GB"), ("UAE", "AE")],
)
def test_the_codes_news_writes_for_a_country_name_it_as_written(text, code):
    country = country_table().by_name(text)
    assert country is not None and country.code == code


@pytest.mark.parametrize(
    "text",
    ["Astana", "Minsk", "Commission", "kazakh", "GM", "BA", "GE", "BT", "MW", "GMB", "Mac", "us"],
)
def test_not_countries(text):
    table = country_table()
    assert table.by_name(text) is None and table.by_demonym(text) is None


def test_demonym_pair():
    pair = country_table().demonym_pair("Kazakh-Belarusian")
    assert pair is not None and [c.code for c in pair] == ["KZ", "BY"]
    assert country_table().demonym_pair("Kazakh-owned") is None


def test_extras_reject_unknown_codes(tmp_path):
    path = tmp_path / "demonyms.json"
    path.write_text('{"demonyms": {"Atlantean": "XX"}}')
    with pytest.raises(RuleError, match=r"demonyms\.json.*demonyms.*Atlantean.*XX"):
        load_json(path, DemonymExtras)


def test_extras_win_over_the_packages():
    table = build_table(DemonymExtras(demonyms={"Chinese": "TW"}))
    assert table.by_demonym("Chinese").code == "TW"
