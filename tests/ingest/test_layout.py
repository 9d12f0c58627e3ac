"""The layout of a text, found once at ingest: headline, outlet, dateline, sentence starts."""

from __future__ import annotations

import pytest

from pipeline.ingest.layout import find_layout


def test_layout_reads_title_outlet_and_dateline() -> None:
    text = "Trade talks open\n\nSteppe Business Review, March 14, 2023\n\nALMATY — Ministers met."
    layout = find_layout(text, published="2023-03-14", published_source="header")
    assert layout.meta() == {
        "title": "Trade talks open",
        "outlet": "Steppe Business Review",
        "dateline": "ALMATY",
        "published": "2023-03-14",
        "published_source": "header",
    }
    assert layout.headline_end == len("Trade talks open")
    assert "outlet" not in find_layout("Headline\n\nHe said, 12 May 2020 was the day.\n").meta()


@pytest.mark.parametrize(
    ("text", "place", "kind", "region"),
    [
        ("Talks end\n\nASTANA — Ministers met.", "ASTANA", "dash", None),
        ("Talks end\n\nSÃO PAULO — Ministers met.", "SÃO PAULO", "dash", None),
        ("Oil up\n\nOSLO (Reuters) - Prices rose.", "OSLO", "wire", None),
        ("GOLF - OPEN SCORES .\nLONDON 1996-08-30\nScores:", "LONDON", "dated", None),
        ("Slug .\nHAARLEM , Netherlands 1996-08-27\nText", "HAARLEM", "dated", "Netherlands"),
    ],
)
def test_datelines_of_the_header(text: str, place: str, kind: str, region: str | None) -> None:
    lines = [d for d in find_layout(text).datelines if d.text == place]
    assert len(lines) == 1
    (line,) = lines
    assert line.kind == kind
    assert (text[line.region[0] : line.region[1]] if line.region else None) == region


@pytest.mark.parametrize(
    "text",
    [
        # a wrapped newswire line that opens with capitals is no dateline
        "Banner said 19.8 mln shares were tendered at midnight\nEST Feb 27.\n",
        "Landmark said it will keep its symbol,\nLBC, when trading begins.\n",
        "Net profit rose.\n    NOTE - Net is after tax.\n",
        "Results\n\nNet 1.2 mln vs 1.0 mln\nCWT, corn yellow grade only\n",
        # capitals without a dash, date or region after them
        "TRADE TALKS\nopen in the capital.",
    ],
)
def test_no_dateline(text: str) -> None:
    assert find_layout(text).datelines == ()


def test_a_window_keeps_what_lies_inside_it() -> None:
    text = "Talks end\n\nASTANA — Ministers met.\n\nThey agreed."
    whole = find_layout(text, published="2017-09-29")
    second = text.index("They")
    part = whole.window(second - 2, len(text))
    assert part.headline_end == 0 and part.datelines == ()
    assert part.sentence_starts == (2,) and part.published == "2017-09-29"
    first = whole.window(0, second - 2)
    assert first.headline_end == whole.headline_end and first.dateline == whole.dateline
