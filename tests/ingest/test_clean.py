from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.ingest.clean import Cleaned, _copied_run, clean, restore
from pipeline.rulefiles import clean_rules

from ..conftest import SEED


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


ROW = "abcdefghijklmnopqrstuvwxyz0123456789" * 2  # 72 characters


@pytest.mark.parametrize(
    ("text", "cmap", "expected"),
    [
        (ROW, list(range(72)), 64),  # whole blocks only: the last 8 go the slow way
        (ROW[:15], list(range(15)), 0),  # shorter than a block
        (ROW, [None, *range(1, 72)], 0),  # an inserted character up front
        (ROW, [*range(20), None, *range(21, 72)], 16),  # one inside the second block
        (ROW, [*range(1, 73)], 0),  # the map points one further: not in place
        (ROW.upper(), list(range(72)), 0),  # same positions, other characters
    ],
)
def test_copied_run_counts_whole_blocks_copied_in_place(
    text: str, cmap: list[int | None], expected: int
) -> None:
    assert _copied_run(ROW + "!", text, cmap, 0, 0) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "    Short  line.\n" * 40,  # many small edits between short copied runs
        ("A long paragraph of words with no debris at all " * 10 + "\r\n") * 5,
        "x" * 100 + "\u00ad" + "y" * 100 + "  \t" + "z" * 33,
    ],
)
def test_edits_restore_long_texts(raw: str) -> None:
    cleaned = clean(raw)
    assert restore(cleaned.text, cleaned.edits) == raw


@pytest.mark.parametrize(
    "raw",
    [
        "    Short  line.\n" * 40,
        "x" * 100 + "\u00ad" + "y" * 100 + "  \t" + "z" * 33 + "\r\n" + "w" * 50,
    ],
)
def test_block_skip_gives_the_per_character_edits(
    raw: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = clean(raw).edits
    monkeypatch.setattr("pipeline.ingest.clean._copied_run", lambda *args: 0)
    assert clean(raw).edits == fast
