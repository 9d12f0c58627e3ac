from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.clean import Cleaned, clean, restore
from pipeline.rules import clean_rules

from .conftest import SEED


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("trade of \\$1 billion", "trade of $1 billion"),
        ("up 5\\% on R\\&D", "up 5% on R&D"),
        ("the candidate $\\ \\square$ just the lesser", "the candidate just the lesser"),
        ("ASTANA [] Kazakh officials", "ASTANA — Kazakh officials"),
        ("a [] b", "a b"),
        ("eco-\nnomic growth", "economic growth"),
        ("Kazakh-\nBelarusian", "Kazakh-\nBelarusian"),
        ("soft\u00adhyphen", "softhyphen"),
        ("one\n\n\n\ntwo", "one\n\ntwo"),
        ("a  \t b   \n", "a b"),
        ("line\r\nbreak", "line\nbreak"),
    ],
)
def test_clean_removes_debris(raw: str, expected: str) -> None:
    assert clean(raw).text == expected


def test_clean_seed_banner_and_debris_removed_and_restorable() -> None:
    raw = SEED.read_text(encoding="utf-8")
    cleaned = clean(raw, clean_rules().compiled())
    assert cleaned.text.startswith("KAZAKHSTAN, BELARUS SEEK TRADE TURNOVER OF $1 BILLION BY 2020")
    assert "\\$" not in cleaned.text and "[]" not in cleaned.text and "square" not in cleaned.text
    assert "to $1 billion by 2020" in cleaned.text
    assert restore(cleaned.text, cleaned.edits) == raw


def test_clean_is_idempotent_on_seed() -> None:
    rules = clean_rules().compiled()
    once = clean(SEED.read_text(encoding="utf-8"), rules)
    twice = clean(once.text, rules)
    assert twice.text == once.text and twice.edits == []


def test_original_offset_maps_every_kept_character() -> None:
    raw = "ASTANA [] paid \\$5 and $\\ \\square$ more\n\n\n\nend"
    cleaned = clean(raw)
    for i, ch in enumerate(cleaned.text):
        if ch != "—":
            assert raw[cleaned.original_offset(i)] == ch


@given(st.text())
def test_clean_never_loses_a_character(raw: str) -> None:
    cleaned = clean(raw)
    assert restore(cleaned.text, cleaned.edits) == raw
    assert isinstance(cleaned, Cleaned)
