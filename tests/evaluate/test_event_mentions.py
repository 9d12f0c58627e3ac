"""Event-mention gold (`--format events`): reading, matching by sentence, optional and dropped
mentions, arguments by containment or resolved name, status, splits, the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluate.event_mentions import body_limits, score_event_mentions
from pipeline.evaluate.events_eval import evaluate_events
from pipeline.evaluate.readers import detect_format
from pipeline.evaluate.readers._base import GoldFormatError
from pipeline.evaluate.readers.events import read_events_gold
from pipeline.schema import Argument, Cluster, Entity, Event, Record, Span

TEXT = (
    "Harbour firms agree on tariffs\n"
    "\n"
    "Lumen Freight said on Monday it had signed a supply deal with Corvo Lines.\n"
    "\n"
    "The company said profits rose 12% to $40m. It added that the deal was signed.\n"
    "\n"
    "Third paragraph here.\n"
    "\n"
    "Sales fell 3% in the fourth paragraph, Ana Ruiz said.\n"
)


def _at(word: str, nth: int = 0) -> int:
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(word, i + 1)
    return i


def _sentence(start_word: str, nth: int = 0) -> tuple[str, int]:
    s = _at(start_word, nth)
    e = TEXT.index(".", TEXT.index(" ", s)) + 1
    return TEXT[s:e], s


def gold_event(etype: str, trigger: str, sentence_word: str, *, nth=0, args=(), **extra) -> dict:
    sentence, start = _sentence(sentence_word, nth)
    return {
        "type": etype,
        "status": extra.pop("status", "happened"),
        "trigger": trigger,
        "trigger_start": TEXT.index(trigger, start),
        "sentence": sentence,
        "sentence_start": start,
        "arguments": [dict(a) for a in args],
        **extra,
    }


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(TEXT, encoding="utf-8")
    events = [
        gold_event(
            "STATEMENT",
            "said",
            "Lumen",
            args=[{"role": "speaker", "text": "Lumen Freight"}],
        ),
        gold_event(
            "AGREEMENT",
            "signed",
            "Lumen",
            args=[
                {"role": "party", "text": "it", "resolved": "Lumen Freight"},
                {"role": "party", "text": "Corvo Lines"},
            ],
        ),
        gold_event(
            "STATEMENT",
            "said",
            "The company",
            args=[{"role": "speaker", "text": "The company", "resolved": "Lumen Freight"}],
        ),
        gold_event("FIGURE", "rose", "The company", status="reported"),
        gold_event("AGREEMENT", "signed", "It added", anaphoric=True, cluster=1),
    ]
    lines = [
        {"doc": "texts/a.txt", "split": "dev", "title": "Harbour firms", "events": events},
        {"doc": "texts/a.txt", "split": "test", "title": "Harbour firms", "events": []},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def ent(eid: str, text: str, label: str = "ORG", nth: int = 0) -> Entity:
    s = _at(text, nth)
    return Entity(id=eid, start=s, end=s + len(text), text=text, label=label)


def event(vid: str, etype: str, word: str, nth: int = 0, args=(), status="happened") -> Event:
    s = _at(word, nth)
    return Event(
        id=vid,
        type=etype,
        trigger=Span(start=s, end=s + len(word), text=word),
        arguments=list(args),
        status=status,
        rule="r",
    )


def record(events: list[Event]) -> Record:
    entities = [ent("T1", "Lumen Freight"), ent("T2", "Corvo Lines")]
    return Record(id="texts/a.txt", text=TEXT, entities=entities, events=events)


def test_reader_checks_sentences_and_reads_splits(gold_file: Path) -> None:
    (article,) = read_events_gold(gold_file, "dev")
    assert article.text == TEXT and len(article.events) == 5
    assert [a.split for a in read_events_gold(gold_file)] == ["dev", "test"]
    assert detect_format(gold_file) == "events"


def test_reader_names_line_and_field_of_a_bad_sentence(gold_file: Path) -> None:
    lines = gold_file.read_text(encoding="utf-8").splitlines()
    bad = json.loads(lines[0])
    bad["events"][0]["sentence_start"] += 1
    gold_file.write_text(json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"gold.jsonl:1.*events.0.sentence"):
        list(read_events_gold(gold_file))


def test_body_limits_find_the_title_and_the_fourth_paragraph() -> None:
    title_end, figure_end = body_limits(TEXT)
    assert TEXT[:title_end] == "Harbour firms agree on tariffs"
    assert TEXT[figure_end:].startswith("Sales fell")


def test_matching_by_sentence_anaphoric_title_and_late_figures(gold_file: Path) -> None:
    (article,) = read_events_gold(gold_file, "dev")
    preds = [
        event("V1", "STATEMENT", "said", args=[Argument(role="speaker", ref="T1")]),
        event(
            "V2",
            "AGREEMENT",
            "signed",
            args=[
                Argument(role="party", ref="T2"),
                Argument(role="party", start=_at("it"), end=_at("it") + 2, text="it"),
            ],
        ),
        event("V3", "AGREEMENT", "signed", nth=1),  # matches an anaphoric mention only
        event("V4", "MEETING", "agree"),  # in the title: dropped
        event("V5", "FIGURE", "fell", status="reported"),  # 4th paragraph: dropped
        event("V6", "STATEMENT", "said", nth=2),  # spurious
        event("V7", "FIGURE", "rose", status="planned"),
    ]
    scores = score_event_mentions([article], {"texts/a.txt": record(preds)}, errors=5)
    by = scores.by_type
    assert (by["STATEMENT"].matched, by["STATEMENT"].spurious) == (1, 1)
    assert (by["STATEMENT"].found, by["STATEMENT"].missed) == (1, 1)
    assert (by["AGREEMENT"].matched, by["AGREEMENT"].found, by["AGREEMENT"].missed) == (1, 1, 0)
    assert (by["FIGURE"].matched, by["FIGURE"].spurious, by["FIGURE"].found) == (1, 0, 1)
    assert "MEETING" not in by
    # arguments: speaker right; party Corvo Lines right, "it" right through containment of "it"
    assert scores.arguments.right_pred == 3 and scores.arguments.pred == 3
    assert scores.arguments.gold == 4 and scores.arguments.right_gold == 3
    assert (scores.status_right, scores.status_pairs) == (2, 3)
    kinds = {(e.kind, e.type) for e in scores.errors}
    assert kinds == {("spurious", "STATEMENT"), ("missed", "STATEMENT")}


def test_a_resolved_argument_matches_through_its_cluster_name(gold_file: Path) -> None:
    (article,) = read_events_gold(gold_file, "dev")
    s = _at("The company")
    arg = Argument(role="speaker", start=s, end=s + len("The company"), text="The company")
    preds = [event("V1", "STATEMENT", "said", nth=1, args=[arg])]
    scores = score_event_mentions([article], {"texts/a.txt": record(preds)})
    assert scores.arguments.right_pred == 1


def test_a_pronoun_argument_matches_through_the_cluster_it_refers_to(gold_file: Path) -> None:
    (article,) = read_events_gold(gold_file, "dev")
    s = _at("It added")
    arg = Argument(role="speaker", start=s, end=s + 2, text="It", refers_to=["E1"])
    rec = Record(
        id="texts/a.txt",
        text=TEXT,
        entities=record([]).entities,
        clusters=[Cluster(id="E1", label="ORG", name="Lumen Freight", mentions=["T1"])],
        events=[event("V1", "STATEMENT", "said", nth=1, args=[arg])],
    )
    scores = score_event_mentions([article], {"texts/a.txt": rec})
    assert scores.arguments.right_pred == 1  # "It" is no part of "The company"; its cluster is


def test_command_scores_predictions_of_one_split(gold_file: Path, tmp_path: Path) -> None:
    pred = tmp_path / "pred.jsonl"
    rec = record([event("V1", "STATEMENT", "said", args=[Argument(role="speaker", ref="T1")])])
    rec = rec.model_copy(update={"id": "a.txt"})  # named as `newsrel extract texts/` names it
    pred.write_text(rec.model_dump_json(by_alias=True) + "\n", encoding="utf-8")
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(
        app, ["evaluate", str(gold_file), "--pred", str(pred), "--split", "dev", "--json", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "STATEMENT" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    (system,) = data["systems"]
    assert system["by_type"]["STATEMENT"]["matched"] == 1 and system["missing"] == 0
    assert evaluate_events(gold_file, pred, split="test").systems[0].scores.micro.found == 0


def test_without_predictions_the_baseline_and_newsrel_are_scored(gold_file: Path) -> None:
    result = evaluate_events(gold_file, split="dev")
    assert [s.name for s in result.systems] == ["trigger-only", "newsrel"]
    baseline, newsrel = (s.scores.micro for s in result.systems)
    assert baseline.found + baseline.missed == newsrel.found + newsrel.missed == 4
    assert baseline.found >= 1  # the speech verbs alone find statements
