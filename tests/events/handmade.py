"""Hand-parsed Docs (no model) and the shipped rules compiled once, for the event tests."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import Doc

from pipeline.events.engine import EventEngine
from pipeline.events.rules import load_event_rules
from pipeline.ingest.layout import find_layout
from pipeline.rulefiles import models_dir

VOCAB = spacy.blank("en").vocab
ENGINE = EventEngine(VOCAB, load_event_rules())

# word lemma POS head dep entity-IOB
Row = tuple[str, str, str, int, str, str]


def parsed(rows: list[Row], *, published: str | None = None) -> Doc:
    doc = Doc(
        VOCAB,
        words=[r[0] for r in rows],
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        heads=[r[3] for r in rows],
        deps=[r[4] for r in rows],
        ents=[r[5] for r in rows],
    )
    doc._.layout = find_layout(doc.text, published=published)
    return doc


def met(aux: list[Row], *, date: Row | None = None) -> Doc:
    """'Putin [aux...] met Xi in Beijing [on Monday] .' with the verb at index 1 + len(aux)."""
    v = 1 + len(aux)
    rows: list[Row] = [("Putin", "Putin", "PROPN", v, "nsubj", "B-PERSON")]
    rows += [(w, lemma, pos, v, dep, "O") for (w, lemma, pos, _h, dep, _e) in aux]
    rows += [
        ("met" if not aux else "meet", "meet", "VERB", v, "ROOT", "O"),
        ("Xi", "Xi", "PROPN", v, "dobj", "B-PERSON"),
        ("in", "in", "ADP", v, "prep", "O"),
        ("Beijing", "Beijing", "PROPN", v + 2, "pobj", "B-GPE"),
    ]
    if date:
        rows += [("on", "on", "ADP", v, "prep", "O"), (*date[:3], v + 4, "pobj", "B-DATE")]
    rows.append((".", ".", "PUNCT", v, "punct", "O"))
    return parsed(rows)


def texts(doc: Doc, event) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for a in event.arguments:
        out.setdefault(a.role, []).append(doc.text[a.span[0] : a.span[1]])
    return out


def engine_with(folder: Path, change: Callable[[dict[str, Any]], object]) -> EventEngine:
    """The shipped rules with ``change`` made to a copy of ``event_types.json`` in ``folder``."""
    types = json.loads((models_dir() / "event_types.json").read_text(encoding="utf-8"))
    change(types)
    (folder / "event_types.json").write_text(json.dumps(types), encoding="utf-8")
    shutil.copy(models_dir() / "event_rules.jsonl", folder / "event_rules.jsonl")
    return EventEngine(VOCAB, load_event_rules(folder))


def events(nlp, text: str) -> list[tuple[str, dict[str, set[str]]]]:
    """Each event the whole pipeline finds in ``text``: its type and its arguments' texts."""
    doc = nlp(text)
    out = []
    for ev in doc._.events:
        roles: dict[str, set[str]] = {}
        for a in ev.arguments:
            roles.setdefault(a.role, set()).add(doc.text[a.span[0] : a.span[1]])
        out.append((ev.type, roles))
    return out


def the(nlp, text: str, etype: str) -> dict[str, set[str]]:
    """The arguments of the one event of ``etype`` in ``text``."""
    found = [roles for t, roles in events(nlp, text) if t == etype]
    assert len(found) == 1, events(nlp, text)
    return found[0]
