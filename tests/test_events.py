"""The event engine on tiny hand-parsed Docs (no model), and the rule files' validation."""

from __future__ import annotations

import json
import random
import re
import shutil
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.events.engine import (
    EventEngine,
    after,
    complete,
    fill_frame,
    find_triggers,
    layout,
    match_events,
    norm_date,
    segments,
    trigger_candidates,
)
from pipeline.events.rules import load_event_rules, parse_path
from pipeline.ingest.layout import find_layout, headline_end
from pipeline.rulefiles import RuleError, models_dir

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


@pytest.mark.parametrize(
    ("aux", "status"),
    [
        ([], "happened"),
        ([("will", "will", "AUX", 0, "aux", "O")], "planned"),
        ([("did", "do", "AUX", 0, "aux", "O"), ("not", "not", "PART", 0, "neg", "O")], "negated"),
        ([("never", "never", "ADV", 0, "neg", "O")], "negated"),
    ],
)
def test_status_comes_from_cues_on_the_trigger(aux: list[Row], status: str) -> None:
    (event,) = match_events(met(aux), ENGINE)
    assert event.status == status


def test_date_and_planned_status_come_from_the_norm() -> None:
    doc = met([], date=("November", "November", "PROPN", 0, "", ""))
    doc.ents[-1]._.norm = {"type": "DATE", "value": "2017-11"}
    doc._.layout = find_layout(doc.text, published="2017-09-28")
    (event,) = match_events(doc, ENGINE)
    assert event.date == "2017-11" and event.status == "planned"


def test_missing_norm_leaves_the_date_empty() -> None:
    doc = met([], date=("Monday", "Monday", "PROPN", 0, "", ""))
    (event,) = match_events(doc, ENGINE)
    assert event.date is None


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


def test_statement_needs_a_named_speaker() -> None:
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


@pytest.mark.parametrize(
    ("norm", "value"),
    [
        ({"type": "DATE", "value": "2017-09-22"}, "2017-09-22"),
        ({"type": "DATE", "value": "2017-11"}, "2017-11"),
        ({"type": "DATE", "start": "2017-01", "end": "2017-07"}, None),
        ({"type": "DATE", "value": "P7M"}, None),
        ({"type": "DATE", "value": "2017-Q3"}, "2017-Q3"),
        ({"type": "DATE", "value": "199"}, "199"),
        ({"type": "TIME", "value": "2017-09-29TMO"}, "2017-09-29TMO"),
        # TimeML REF values and sets are not dates an event can carry
        ({"type": "DATE", "value": "PAST_REF"}, None),
        ({"type": "DATE", "value": "PRESENT_REF"}, None),
        ({"type": "DATE", "value": "FUTURE_REF"}, None),
        ({"type": "SET", "value": "XXXX-07"}, None),
        ({"type": "DATE", "value": "2017/2018"}, None),
        (None, None),
    ],
)
def test_norm_date(norm, value) -> None:
    assert norm_date(norm) == value


@pytest.mark.parametrize(
    ("date", "published", "expected"),
    [
        ("2017-11", "2017-09-28", True),
        ("2017-09", "2017-09-28", False),
        ("2017-09-22", "2017-09-28", False),
        ("2020", "2017-09-28", True),
        ("2017-11", None, False),
        ("P7M", "2017-09-28", False),
    ],
)
def test_after_compares_at_the_dates_grain(date, published, expected) -> None:
    assert after(date, published) is expected


@pytest.mark.parametrize(
    ("path", "ops"),
    [
        (">nsubj", [">"]),
        (">prep[with|between] >pobj", [">", ">"]),
        ("<pobj <prep >nsubj", ["<", "<", ">"]),
        (">>prep[between] >pobj", [">>", ">"]),
        ("@left", ["@left"]),
        (">*", [">"]),
    ],
)
def test_parse_path(path: str, ops: list[str]) -> None:
    assert [s.op for s in parse_path(path)] == ops


@pytest.mark.parametrize("path", ["nsubj", ">", ">prep[", "<<nsubj", ""])
def test_parse_path_rejects_malformed(path: str) -> None:
    with pytest.raises(ValueError):
        parse_path(path)


# --- rule files ----------------------------------------------------------------------------------

GOOD = {
    "id": "x.meet",
    "description": "a test rule",
    "type": "MEETING",
    "trigger": {"lemmas": ["meet"]},
    "roles": [{"role": "participant", "allowed_types": ["PERSON"], "paths": [">nsubj"]}],
}


def _with(**change) -> dict:
    rule = json.loads(json.dumps(GOOD))
    for key, value in change.items():
        if value is None:
            rule.pop(key)
        else:
            rule[key] = value
    return rule


@pytest.mark.parametrize(
    ("rule", "field"),
    [
        (_with(colour="red"), "colour"),
        (_with(type="PARTY"), "type"),
        (_with(description=None), "description"),
        (
            _with(roles=[{"role": "guest", "allowed_types": ["PERSON"], "paths": [">nsubj"]}]),
            "roles.0.role",
        ),
        (
            _with(roles=[{"role": "participant", "allowed_types": ["PERSON"], "paths": ["nsubj"]}]),
            "paths",
        ),
        (_with(roles=[{"role": "participant", "allowed_types": ["PERSON"]}]), "roles.0"),
        (
            _with(roles=[{"role": "body", "span": "chunk", "lexicon": "nope", "paths": [">dobj"]}]),
            "roles.0.lexicon",
        ),
        (_with(requires_cue=["sarcasm"]), "requires_cue"),
        (_with(trigger={}), "trigger"),
        (
            _with(trigger={"dependency": [{"RIGHT_ID": "t", "RIGHT_ATTRS": {"COLOUR": "red"}}]}),
            "trigger.dependency",
        ),
    ],
)
def test_bad_rule_fails_naming_file_rule_and_field(tmp_path: Path, rule: dict, field: str) -> None:
    shutil.copy(models_dir() / "event_types.json", tmp_path / "event_types.json")
    (tmp_path / "event_rules.jsonl").write_text(json.dumps(rule) + "\n")
    with pytest.raises(RuleError) as err:
        load_event_rules(tmp_path)
    message = str(err.value)
    assert "event_rules.jsonl" in message and "'x.meet'" in message and field in message


def test_duplicate_rule_ids_fail(tmp_path: Path) -> None:
    shutil.copy(models_dir() / "event_types.json", tmp_path / "event_types.json")
    (tmp_path / "event_rules.jsonl").write_text((json.dumps(GOOD) + "\n") * 2)
    with pytest.raises(RuleError, match="duplicate rule id"):
        load_event_rules(tmp_path)


def test_a_comment_line_fails_naming_file_and_line(tmp_path: Path) -> None:
    shutil.copy(models_dir() / "event_types.json", tmp_path / "event_types.json")
    (tmp_path / "event_rules.jsonl").write_text(json.dumps(GOOD) + "\n// MEETING\n")
    with pytest.raises(RuleError, match=r"event_rules\.jsonl:2: a '//' comment line"):
        load_event_rules(tmp_path)


def test_shipped_rule_file_is_plain_jsonl_with_a_description_per_rule() -> None:
    lines = (models_dir() / "event_rules.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]  # what any JSONL reader does
    assert rows and all(isinstance(r, dict) and r["description"] for r in rows)


def test_shipped_rules_cover_every_type_and_cite_descriptions() -> None:
    rules = load_event_rules()
    assert {r.type for r in rules.rules} == set(rules.types.types)
    assert all(r.description for r in rules.rules)


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


def test_headline_starts_no_event() -> None:
    rows: list[Row] = [
        ("Putin", "Putin", "PROPN", 1, "nsubj", "B-PERSON"),
        ("meets", "meet", "VERB", 1, "ROOT", "O"),
        ("Xi", "Xi", "PROPN", 1, "dobj", "B-PERSON"),
        ("\n\n", "\n\n", "SPACE", 2, "dep", "O"),
        ("Talks", "talk", "NOUN", 4, "ROOT", "O"),
        ("ended", "end", "VERB", 4, "acl", "O"),
    ]
    assert match_events(parsed(rows), ENGINE) == []


@pytest.mark.parametrize(
    "text",
    [
        "Prime Minister Askar Mamin met Belarusian Prime Minister Sergei Rumas in Astana recently.",
        "Kazakhstan and Belarus will sign a trade agreement in the future.",
    ],
)
def test_event_date_is_never_a_ref_value(nlp, text: str) -> None:
    from pipeline.extract import extract_text

    rec = extract_text(text, {"published": "2017-09-29"}, nlp=nlp)
    dates = [e.norm["value"] for e in rec.entities if e.label == "DATE" and e.norm]
    assert any(str(v).endswith("_REF") for v in dates)  # the sentence does hold a REF value
    assert rec.events, "the sentence should give an event"
    for ev in rec.events:
        assert ev.date is None or re.match(r"^\d{2,4}(?:-|$)", ev.date), ev.date


@pytest.mark.parametrize(
    ("words", "lemmas", "expected"),
    [
        (["Talks", "began"], ["talk", "begin"], [0]),  # by lemma
        (["TALKS", "began"], ["TALKS", "begin"], [0]),  # by lowercased text
        (["He", "Met", "her"], ["he", "Meet", "she"], [1]),  # by lowercased lemma
        (["in", "talks"], ["in", "talks"], [1]),
        (["nothing", "here"], ["nothing", "here"], []),
    ],
)
def test_trigger_candidates_lowercase_text_or_lemma(
    words: list[str], lemmas: list[str], expected: list[int]
) -> None:
    doc = Doc(VOCAB, words=words, lemmas=lemmas)
    assert trigger_candidates(doc, frozenset({"talk", "talks", "meet"})) == expected


def _segments_by_walk(
    n: int, starts: list[int], brk: list[bool], breaks: list[bool]
) -> tuple[list[int], list[int], list[int], list[int]]:
    """The token-by-token walk ``segments`` replaces, kept as its reference."""
    sentence, seg_start, seg_end, para_start = [0] * n, [0] * n, [0] * n, [0] * n
    for k, (a, b) in enumerate(zip(starts, [*starts[1:], n], strict=True)):
        start = a
        for i in range(a, b):
            sentence[i] = k
            if brk[i]:
                for j in range(start, i + 1):
                    seg_end[j] = i
                start = i + 1
        for j in range(start, b):
            seg_end[j] = b
        start = a
        for i in range(a, b):
            seg_start[i] = start
            if brk[i]:
                start = i + 1
    p = 0
    for i in range(n):
        if i and breaks[i - 1]:
            p = i
        para_start[i] = p
    return sentence, seg_start, seg_end, para_start


def _at(flags: list[bool]) -> list[int]:
    return [i for i, f in enumerate(flags) if f]


@pytest.mark.parametrize(
    ("n", "starts", "brk", "expected"),
    [
        (3, [0], [False] * 3, ([0, 0, 0], [0, 0, 0], [3, 3, 3], [0, 0, 0])),
        (4, [0, 2], [False] * 4, ([0, 0, 1, 1], [0, 0, 2, 2], [2, 2, 4, 4], [0, 0, 0, 0])),
        # a break token ends its own scope; the next token starts a scope and a paragraph
        (4, [0], [False, True, False, False], ([0] * 4, [0, 0, 2, 2], [1, 1, 4, 4], [0, 0, 2, 2])),
        # a break as a sentence's last token, and as the document's last
        (
            4,
            [0, 2],
            [False, True, False, True],
            ([0, 0, 1, 1], [0, 0, 2, 2], [1, 1, 3, 3], [0, 0, 2, 2]),
        ),
    ],
)
def test_segments_cut_sentences_at_breaks(
    n: int, starts: list[int], brk: list[bool], expected: tuple[list[int], ...]
) -> None:
    assert segments(n, starts, _at(brk), _at(brk)) == expected
    assert _segments_by_walk(n, starts, brk, brk) == expected


def test_segments_agree_with_the_token_walk_on_random_layouts() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        n = rng.randint(1, 20)
        starts = [0, *sorted(rng.sample(range(1, n), rng.randint(0, n - 1)))]
        breaks = [rng.random() < 0.2 for _ in range(n)]
        brk = list(breaks)
        brk[rng.randrange(n)] |= rng.random() < 0.5  # a headline's end: a scope break only
        walked = _segments_by_walk(n, starts, brk, breaks)
        assert segments(n, starts, _at(brk), _at(breaks)) == walked


NO_PARTICIPANT: list[Row] = [
    ("They", "they", "PRON", 1, "nsubj", "O"),
    ("met", "meet", "VERB", 1, "ROOT", "O"),
    ("in", "in", "ADP", 1, "prep", "O"),
    ("Beijing", "Beijing", "PROPN", 2, "pobj", "B-GPE"),
    (".", ".", "PUNCT", 1, "punct", "O"),
]


@pytest.mark.parametrize(
    ("doc", "completes"),
    [(met([]), True), (parsed(NO_PARTICIPANT), False)],
)
def test_a_frame_alone_stops_early_only_when_it_cannot_be_complete(
    doc: Doc, completes: bool
) -> None:
    (trigger,) = [m for m in find_triggers(doc, ENGINE) if m.rule.type == "MEETING"]
    lay = layout(doc)
    full = fill_frame(doc, trigger, ENGINE, lay)
    early = fill_frame(doc, trigger, ENGINE, lay, alone=True)
    if completes:
        assert full is not None and complete(full, ENGINE)
        assert early == full
    else:
        assert full is not None and not complete(full, ENGINE)  # kept alone, then dropped
        assert early is None
