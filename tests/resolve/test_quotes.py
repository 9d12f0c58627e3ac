"""Direct quotes: paired marks inside a paragraph, and who says them."""

from __future__ import annotations

import pytest

from pipeline.resolve.quotes import find_quotes, quote_spans


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He said "we agree" today.', ["we agree"]),
        ("She said “we agree” and “so do they”.", ["we agree", "so do they"]),
        ("Penn style: `` we agree '' here.", [" we agree "]),
        ('An open "quote never closes.\n\nA new "paragraph" here.', ["paragraph"]),
        ("No quotes at all.", []),
    ],
)
def test_quote_spans(text, quoted) -> None:
    assert [text[s:e] for s, e in quote_spans(text)] == quoted


def test_quote_speaker_is_the_subject_of_the_speech_verb_after_it(nlp) -> None:
    doc = nlp('"We will win," Jane Roe said on Monday. "It is our year."')
    first, second = find_quotes(doc, frozenset({"say"}))
    assert first.speaker is not None and doc[first.speaker].text == "Roe"
    assert second.speaker == first.speaker  # the next sentence's quote continues it
