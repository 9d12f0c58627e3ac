"""Per-source scoring, the determiner-insensitive comparison and MEANTIME's annotated region."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluate import read_gold, score_system
from pipeline.evaluate.by_rule import REMOVED, score_sources, strip_determiners
from pipeline.evaluate.labels import default_label_map
from pipeline.evaluate.spans import Mention
from pipeline.schema import Entity, Record

runner = CliRunner()

TEXT = "The Northern Bank lent Vela Group money in Tarnow , said Ola Brandt ."


def at(phrase: str, label: str, doc: str = "d") -> Mention:
    start = TEXT.index(phrase)
    return Mention(doc, start, start + len(phrase), label)


GOLD = {
    at("The Northern Bank", "ORG"),
    at("Vela Group", "ORG"),
    at("Tarnow", "LOC"),
    at("Ola Brandt", "PER"),
}


def test_each_entity_of_a_source_is_right_wrong_type_wrong_span_or_spurious() -> None:
    pred = {
        at("Northern Bank", "ORG"),  # wrong span
        at("Vela Group", "ORG"),  # right
        at("Tarnow", "PER"),  # wrong type
        at("Ola Brandt", "PER"),  # right
        at("money", "ORG"),  # spurious
    }
    sources = {
        at("Tarnow", "PER"): "rule:b",
        at("Ola Brandt", "PER"): "rule:b",
        at("money", "ORG"): "rule:a",
    }
    rows = {r.source: r for r in score_sources(pred, GOLD, sources)}
    assert list(rows) == ["model", "rule:b", "rule:a"]  # the model first, then by size
    counts = {
        s: (r.entities, r.right, r.wrong_type, r.wrong_span, r.spurious) for s, r in rows.items()
    }
    assert counts == {
        "model": (2, 1, 0, 1, 0),
        "rule:b": (2, 1, 1, 0, 0),
        "rule:a": (1, 0, 0, 0, 1),
    }
    assert rows["rule:b"].precision == 0.5
    assert rows["model"].alone is None and rows["model"].broke is None  # no baseline


def test_alone_and_broke_compare_each_source_with_the_baseline() -> None:
    baseline = {at("Vela Group", "ORG"), at("Tarnow", "LOC"), at("Ola Brandt", "PER")}
    pred = {
        at("Vela Group", "ORG"),  # the model's, as in the baseline
        at("The Northern Bank", "ORG"),  # a rule finds what the baseline lacks
        at("Tarnow", "PER"),  # a rule broke the baseline's place
    }
    sources = {at("The Northern Bank", "ORG"): "rule:found", at("Tarnow", "PER"): "rule:broke"}
    rows = {r.source: (r.alone, r.broke) for r in score_sources(pred, GOLD, sources, baseline)}
    # "Ola Brandt" was the baseline's and nothing covers it any more
    assert rows == {
        "model": (0, 0),
        "rule:found": (1, 0),
        "rule:broke": (0, 1),
        REMOVED: (0, 1),
    }


@pytest.mark.parametrize(
    ("phrase", "stripped"),
    [
        ("The Northern Bank", "Northern Bank"),
        ("Vela Group", "Vela Group"),
        ("The", "The"),  # only a determiner: left alone
    ],
)
def test_determiners_are_dropped_from_the_front_of_spans(phrase: str, stripped: str) -> None:
    m = at(phrase, "ORG")
    (loose,) = strip_determiners([m], {"d": TEXT}, ["the", "a", "an"]).values()
    assert TEXT[loose.start : loose.end] == stripped


def _entity(n: int, phrase: str, label: str, source: str = "model") -> Entity:
    start = TEXT.index(phrase)
    return Entity(
        id=f"T{n}", start=start, end=start + len(phrase), text=phrase, label=label, source=source
    )


def test_a_gold_name_with_its_determiner_matches_a_name_without_it_when_insensitive() -> None:
    gold = Record(id="d", text=TEXT, entities=[_entity(1, "The Northern Bank", "ORG")])
    pred = Record(id="d", text=TEXT, entities=[_entity(1, "Northern Bank", "ORG")])
    labels = default_label_map("meantime")
    result = score_system("pred", [gold], [pred], labels)
    assert result.entities.strict.micro.tp == 0
    assert result.entities_nodet is not None and result.entities_nodet.strict.micro.tp == 1
    no_determiners = labels.model_copy(update={"determiners": []})
    assert score_system("pred", [gold], [pred], no_determiners).entities_nodet is None


MEANTIME = """<?xml version="1.0" ?><Document doc_id="9" doc_name="9_Vela" lang="en">
<token number="0" sentence="0" t_id="1">Vela</token>
<token number="1" sentence="0" t_id="2">grows</token>
<token number="2" sentence="1" t_id="3">Ola</token>
<token number="3" sentence="1" t_id="4">Brandt</token>
<token number="4" sentence="1" t_id="5">spoke</token>
<token number="5" sentence="2" t_id="6">Tarnow</token>
<token number="6" sentence="2" t_id="7">waits</token>
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="NAM"><token_anchor t_id="3"/><token_anchor t_id="4"/></ENTITY_MENTION>
<ENTITY m_id="20" ent_type="ORG" instance_id="ORG1"/>
<ENTITY m_id="21" ent_type="PER" instance_id="PER1"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><target m_id="20"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="2"/><target m_id="21"/></REFERS_TO>
</Relations>
</Document>
"""


def test_meantime_scores_only_the_annotated_sentences(tmp_path: Path) -> None:
    path = tmp_path / "9_Vela.xml"
    path.write_text(MEANTIME, encoding="utf-8")
    (gold,) = read_gold(path, "meantime")
    assert gold.text[: gold.meta.model_extra["annotated_end"]] == "Vela grows\nOla Brandt spoke"
    text = gold.text
    ents = [
        Entity(id="T1", start=0, end=4, text="Vela", label="ORG"),
        Entity(id="T2", start=text.index("Tarnow"), end=len(text) - 6, text="Tarnow", label="GPE"),
    ]
    pred = Record(id=gold.id, text=text, entities=ents)
    result = score_system("pred", [gold], [pred], default_label_map("meantime"))
    micro = result.entities.strict.micro
    assert (micro.tp, micro.fp, micro.fn) == (1, 0, 1)  # the place after the region is not scored


def test_cli_by_rule_prints_the_sources_and_the_json_has_them(tmp_path: Path) -> None:
    gold = Record(
        id="d",
        text=TEXT,
        entities=[_entity(1, "Vela Group", "ORG"), _entity(2, "Tarnow", "GPE")],
    )
    pred = Record(
        id="d",
        text=TEXT,
        entities=[
            _entity(1, "Vela Group", "ORG"),
            _entity(2, "Tarnow", "GPE", source="rule:entity-fix.example"),
        ],
    )
    gold_file, pred_file = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_file.write_text(json.dumps(gold.dump()) + "\n")
    pred_file.write_text(json.dumps(pred.dump()) + "\n")
    out = tmp_path / "scores.json"
    args = ["evaluate", str(gold_file), "--pred", str(pred_file), "--json", str(out)]
    plain = runner.invoke(app, args)
    result = runner.invoke(app, [*args, "--by-rule"])
    assert result.exit_code == 0, result.output
    assert "rule:entity-fix.example" in result.output
    assert "rule:entity-fix.example" not in plain.output
    rows = json.loads(out.read_text())["systems"][0]["by_rule"]["strict"]
    assert [(r["source"], r["right"]) for r in rows] == [
        ("model", 1),
        ("rule:entity-fix.example", 1),
    ]
