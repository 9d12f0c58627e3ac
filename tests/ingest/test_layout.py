"""The layout of a text, found once at ingest: headline, outlet, dateline, sentence starts."""

from __future__ import annotations

import pytest

from pipeline.ingest.layout import find_layout, headline_end, layout_starts


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
        # the agency ends the dateline's line, or an underscore opens the story (AP style)
        ("LEEDS , England ( AP )\nRain fell.", "LEEDS", "wire", "England"),
        ("LEEDS , England ( AP ) _ Rain fell.", "LEEDS", "wire", "England"),
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


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("KAZAKHSTAN, BELARUS SEEK TRADE\n\nASTANA — Mamin said.", 30),
        ("Mamin met Matyushevsky.\nThey talked.", 0),
        ("Talks: an overview\n\nBody.", 18),
        ("One line only", 0),
        ('"We will meet," he said\n\nBody.', 23),
        # a headline over a short date line (MEANTIME, Wikinews)
        ("Airline signs deal\nJuly 02 , 2008\nThe airline said.", 18),
        # hard-wrapped newswire (Reuters): the first line is no headline
        (
            "Standard Oil Co and BP North America\nInc said they plan to form a venture\nto go.",
            0,
        ),
        ("Talks: an overview\nBody.", 0),
    ],
)
def test_headline_end(text: str, end: int) -> None:
    assert headline_end(text) == end


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("HEADLINE HERE\n\n- 29.09.2017\n\nBody one. Body two.", [15, 29]),
        ("Airline signs deal\nJuly 02 , 2008\nThe airline said.", [19, 34]),
        ("Wrapped newswire line that goes on\nand on until the end.", []),
        ("One.\n\nTwo.\n\n\nThree.", [6, 13]),
    ],
)
def test_layout_starts_sentences_at_blank_lines_and_after_headlines(text, starts) -> None:
    assert layout_starts(text) == starts
