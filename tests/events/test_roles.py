"""Role filling: a quote paragraph's content reaches back to the paragraph start, but not
across a whole text without paragraph breaks (a one-line document is no quote paragraph)."""

from __future__ import annotations

import pytest

from pipeline.events.roles import PARAGRAPH_MAX_TOKENS
from pipeline.extract import extract_text

QUOTE = "Trade will double. Ports will grow. The deal will close soon, said Maria Lopez."
FILLER = "Officials in Brenmark met delegates from Ostavia on Tuesday. "


def _content(record) -> str:
    (statement,) = [e for e in record.events if e.type == "STATEMENT"]
    (arg,) = [a for a in statement.arguments if a.role == "content"]
    return record.text[arg.start : arg.end]


def test_a_quote_paragraph_is_content_from_its_start(nlp) -> None:
    record = extract_text("Lead paragraph of the story.\n\n" + QUOTE, nlp=nlp)
    assert _content(record).startswith("Trade will double.")


@pytest.mark.parametrize("sentences", [40, 300])
def test_a_text_without_paragraph_breaks_is_not_one_quote(nlp, sentences: int) -> None:
    text = FILLER * sentences + QUOTE
    assert len(FILLER.split()) * sentences > PARAGRAPH_MAX_TOKENS
    record = extract_text(text, nlp=nlp)
    content = _content(record)
    assert not content.startswith("Officials") and "Brenmark" not in content
