"""Property tests: no input text crashes extraction, and every offset is valid."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract import extract_documents
from pipeline.ingest.files import Document
from pipeline.schema import ErrorRecord, Record

news_like = st.text(
    alphabet=st.sampled_from(
        list("Askar Mamin met in Karagandy on Sept. 22 $1.5 billion 75% [] \\$ \n\t—-.,\"'")
    ),
    max_size=300,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.one_of(st.text(max_size=300), news_like))
def test_arbitrary_text_never_crashes_and_offsets_are_valid(nlp, text: str) -> None:
    (result,) = list(extract_documents([Document(id="x", text=text)], nlp=nlp))
    if isinstance(result, ErrorRecord):
        # only a text that cleaning leaves empty may fail, and it says so
        assert result.kind == "empty" and "no text" in result.message
        return
    assert isinstance(result, Record)
    Record.model_validate(result.dump())  # offsets re-checked by the schema
    for ent in result.entities:
        assert 0 <= ent.start < ent.end <= len(result.text)
        assert result.text[ent.start : ent.end] == ent.text
