"""The events component (``newsrel_events_v1``): events from the rules of ``event_rules.jsonl``."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.events.engine import EventEngine, match_events
from pipeline.events.rules import load_event_rules


class EventRules:
    """Events from the rules of ``event_rules.jsonl`` (:mod:`pipeline.events.engine`); sets
    ``Doc._.events`` to a list of :class:`~pipeline.facts.EventFact`. ``mode="trigger-only"``
    keeps the trigger words alone: the baseline the rules are measured against."""

    def __init__(
        self, nlp: Language, folder: Path, mode: str, skip_headline: bool | None = None
    ) -> None:
        if mode not in ("full", "trigger-only"):
            raise ValueError(f"newsrel_events_v1: mode {mode!r} is not 'full' or 'trigger-only'")
        self.engine = EventEngine(nlp.vocab, load_event_rules(folder))
        self.trigger_only = mode == "trigger-only"
        self.skip_headline = skip_headline

    def find(self, doc: Doc) -> list:
        return match_events(
            doc, self.engine, trigger_only=self.trigger_only, skip_headline=self.skip_headline
        )

    def set_annotations(self, doc: Doc, events: list) -> None:
        doc._.events = events

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc
