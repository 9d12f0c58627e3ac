"""match_events on tiny hand-parsed Docs (no model): triggers, roles, status and date together,
and a new type added as data."""

from __future__ import annotations

import json
from pathlib import Path

from spacy.tokens import Doc

from pipeline.events.engine import EventEngine, match_events
from pipeline.events.rules import load_event_rules
from pipeline.rulefiles import models_dir

from .handmade import ENGINE, VOCAB, Row, met, parsed, texts


def test_meeting_verb_finds_participants_place_and_date() -> None:
    doc = met([], date=("Monday", "Monday", "PROPN", 0, "", ""))
    (event,) = match_events(doc, ENGINE)
    assert event.type == "MEETING" and event.rule == "meeting.verb" and event.cameo == "040"
    assert texts(doc, event) == {
        "participant": ["Putin", "Xi"],
        "place": ["Beijing"],
        "date": ["Monday"],
    }
    assert event.status == "happened" and event.sentence == 0 and event.rules == ("meeting.verb",)
    assert all(a.is_entity for a in event.arguments)


def statement(subject: Row) -> Doc:
    """'Trade grew , <subject> said .'"""
    return parsed(
        [
            ("Trade", "trade", "NOUN", 1, "nsubj", "O"),
            ("grew", "grow", "VERB", 4, "ccomp", "O"),
            (",", ",", "PUNCT", 4, "punct", "O"),
            subject,
            ("said", "say", "VERB", 4, "ROOT", "O"),
            (".", ".", "PUNCT", 4, "punct", "O"),
        ],
        published="2017-09-28",
    )


def test_statement_has_named_speaker_content_and_report_date() -> None:
    doc = statement(("Mamin", "Mamin", "PROPN", 4, "nsubj", "B-PERSON"))
    (event,) = [e for e in match_events(doc, ENGINE) if e.type == "STATEMENT"]
    assert texts(doc, event) == {"content": ["Trade grew"], "speaker": ["Mamin"]}
    assert event.date == "2017-09-28" and event.status == "happened"
    assert {a.role: a.is_entity for a in event.arguments} == {"content": False, "speaker": True}


def test_statement_needs_a_speaker_who_can_be_identified() -> None:
    """ "she" with no person named before it stands for nobody."""
    doc = statement(("she", "she", "PRON", 4, "nsubj", "O"))
    assert [e for e in match_events(doc, ENGINE) if e.type == "STATEMENT"] == []


def test_trigger_only_mode_keeps_triggers_without_arguments() -> None:
    doc = statement(("she", "she", "PRON", 4, "nsubj", "O"))
    events = match_events(doc, ENGINE, trigger_only=True)
    assert {(doc.text[e.trigger[0] : e.trigger[1]], e.type) for e in events} == {
        ("said", "STATEMENT"),
        ("grew", "FIGURE"),
        ("grew", "TARGET"),
    }
    assert all(e.arguments == () for e in events)


def test_a_doc_without_a_parse_has_no_events() -> None:
    assert match_events(Doc(VOCAB, words=["Putin", "met", "Xi"]), ENGINE) == []


def test_headline_starts_no_event_and_lends_no_argument() -> None:
    rows: list[Row] = [
        ("Putin", "Putin", "PROPN", 1, "nsubj", "B-PERSON"),
        ("meets", "meet", "VERB", 1, "ROOT", "O"),
        ("Xi", "Xi", "PROPN", 1, "dobj", "B-PERSON"),
        ("\n\n", "\n\n", "SPACE", 2, "dep", "O"),
        ("Talks", "talks", "NOUN", 4, "ROOT", "O"),
        ("ended", "end", "VERB", 4, "acl", "O"),
    ]
    doc = parsed(rows)
    body = doc[4].idx
    events = match_events(doc, ENGINE)
    assert [doc.text[e.trigger[0] : e.trigger[1]] for e in events] == ["Talks"]
    assert all(a.span[0] >= body for e in events for a in e.arguments)


def test_adding_a_type_is_a_data_change(tmp_path: Path) -> None:
    types = json.loads((models_dir() / "event_types.json").read_text())
    types["types"]["PROTEST"] = {
        "roles": ["protester", "place"],
        "required": ["protester"],
        "statuses": ["happened"],
    }
    (tmp_path / "event_types.json").write_text(json.dumps(types))
    rule = {
        "id": "protest.verb",
        "description": "X protested",
        "type": "PROTEST",
        "cameo": "140",
        "trigger": {"lemmas": ["protest"], "pos": ["VERB"]},
        "roles": [{"role": "protester", "allowed_types": ["PERSON", "NORP"], "paths": [">nsubj"]}],
    }
    (tmp_path / "event_rules.jsonl").write_text(json.dumps(rule) + "\n")
    engine = EventEngine(VOCAB, load_event_rules(tmp_path))
    doc = parsed(
        [
            ("Kurds", "Kurd", "PROPN", 1, "nsubj", "B-NORP"),
            ("protested", "protest", "VERB", 1, "ROOT", "O"),
        ]
    )
    (event,) = match_events(doc, engine)
    assert (event.type, event.cameo, event.rule, event.status) == (
        "PROTEST",
        "140",
        "protest.verb",
        "happened",
    )
