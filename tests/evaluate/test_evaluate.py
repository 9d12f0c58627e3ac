from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluate import AlignmentError, evaluate, read_gold, score_system
from pipeline.evaluate.items import Items, add_record
from pipeline.evaluate.labels import LabelMap, LabelMapError, default_label_map, load_label_map
from pipeline.evaluate.relations import RelationItem
from pipeline.evaluate.report import render, to_json
from pipeline.evaluate.spans import Mention
from pipeline.ingest.clean import clean
from pipeline.schema import Entity, Record, Relation

FIX = Path(__file__).parent / "fixtures"
runner = CliRunner()


def gold_a() -> Record:
    return next(read_gold(FIX / "gold.jsonl"))


def prediction(rec: Record, keep: list[str], relabel: dict[str, str] | None = None) -> Record:
    ents = [
        e.model_copy(update={"label": (relabel or {}).get(e.id, e.label)})
        for e in rec.entities
        if e.id in keep
    ]
    return Record(id=rec.id, text=rec.text, meta=rec.meta, entities=ents)


def test_scores_a_prediction_against_records_gold() -> None:
    g = gold_a()
    # Acme right, Bolt Ltd as PERSON (FP + FN), money right, date missed
    pred = prediction(g, ["T1", "T2", "T3"], {"T3": "PERSON"})
    result = evaluate(FIX / "gold.jsonl", [pred], errors=5)
    (s,) = result.systems
    per = {k: (v.tp, v.fp, v.fn) for k, v in s.entities.strict.per_label.items()}
    assert per == {"ORG": (1, 0, 1), "MONEY": (1, 0, 0), "PERSON": (0, 1, 0), "DATE": (0, 0, 1)}
    assert s.missing == 1  # b.txt has no prediction: scored as empty
    assert {k: (v.matched, v.correct) for k, v in s.values.items()} == {"MONEY": (1, 1)}
    assert s.events is not None and s.events.trigger_identification.fn == 1
    fp = [e for e in s.errors if e.kind == "FP"]
    assert [(e.label, e.text, e.note) for e in fp] == [("PERSON", "Bolt Ltd", "gold: ORG")]
    assert "[[Bolt Ltd]]" in fp[0].sentence


def test_prediction_on_a_cleaned_text_is_mapped_back_through_its_edits() -> None:
    raw = "Acme  paid [] $5 million."
    cleaned = clean(raw)
    assert cleaned.text == "Acme paid $5 million."  # two edits before the span
    money = Entity(id="T1", start=10, end=20, text="$5 million", label="MONEY")
    pred = Record(id="x", text=cleaned.text, edits=cleaned.edits, entities=[money])
    gold = Record(
        id="x",
        text=raw,
        entities=[Entity(id="G1", start=14, end=24, text="$5 million", label="MONEY")],
    )
    s = score_system("pred", [gold], [pred], default_label_map("records"))
    assert (s.entities.strict.micro.tp, s.entities.strict.micro.fp) == (1, 0)


def test_prediction_on_another_text_fails_instead_of_comparing_offsets() -> None:
    gold = Record(id="x", text="Acme paid.")
    pred = Record(id="x", text="Acme paid today.")
    with pytest.raises(AlignmentError, match="'x'.*differs from the gold text"):
        score_system("pred", [gold], [pred], default_label_map("records"))


def test_conll04_map_composes_title_relations_and_drops_unmapped_arguments() -> None:
    text = "CEO Ann Lee of Acme spoke in Oslo , said Oslo Mayor Per Dahl ."

    def E(i: str, s: str, lab: str, n: int = 0) -> Entity:
        a = text.index(s) if not n else text.index(s, text.index(s) + 1)
        return Entity(id=i, start=a, end=a + len(s), text=s, label=lab)

    rec = Record(
        id="d",
        text=text,
        entities=[
            E("T1", "CEO", "TITLE"),
            E("T2", "Ann Lee", "PERSON"),
            E("T3", "Acme", "ORG"),
            E("T4", "Oslo", "GPE"),
            E("T5", "Oslo", "GPE", 1),
            E("T6", "Mayor", "TITLE"),
            E("T7", "Per Dahl", "PERSON"),
        ],
        relations=[
            Relation(id="R1", type="HOLDS_POSITION", head="T2", tail="T1", rule="r"),
            Relation(id="R2", type="POSITION_AT", head="T1", tail="T3", rule="r"),
            Relation(id="R3", type="LOCATED_IN", head="T3", tail="T4", rule="r"),
            Relation(id="R4", type="HOLDS_POSITION", head="T7", tail="T6", rule="r"),
            Relation(id="R5", type="POSITION_AT", head="T6", tail="T5", rule="r"),
        ],
    )
    items = Items()
    add_record(items, rec, default_label_map("conll04"), side="pred")
    assert items.relations == {
        RelationItem("d", (4, 11, "PER"), (15, 19, "ORG"), "Work_For"),
        RelationItem("d", (15, 19, "ORG"), (29, 33, "LOC"), "OrgBased_In"),
        # a position at a place is where the person lives, in CoNLL04's reading
        RelationItem("d", (52, 60, "PER"), (41, 45, "LOC"), "Live_In"),
    }
    assert Mention("d", 0, 3, "TITLE") not in items.mentions


@pytest.mark.parametrize(
    ("title_rule", "expected"),
    [
        # "Ohio Gov. Ann Lee": a place before the title is where CoNLL04 has her live
        ("position-at.modifier-title", {"Live_In"}),
        # "Ann Lee, president of Ruritania": a title of a place is not annotated so
        ("position-at.title-of", set()),
    ],
)
def test_conll04_map_composes_a_place_title_into_live_in_only_for_a_place_before_the_title(
    title_rule: str, expected: set[str]
) -> None:
    text = "Ann Lee governor Ohio"
    rec = Record(
        id="d",
        text=text,
        entities=[
            Entity(id="T1", start=0, end=7, text="Ann Lee", label="PERSON"),
            Entity(id="T2", start=8, end=16, text="governor", label="TITLE"),
            Entity(id="T3", start=17, end=21, text="Ohio", label="GPE"),
        ],
        relations=[
            Relation(id="R1", type="HOLDS_POSITION", head="T1", tail="T2", rule="h"),
            Relation(id="R2", type="POSITION_AT", head="T2", tail="T3", rule=title_rule),
        ],
    )
    items = Items()
    add_record(items, rec, default_label_map("conll04"), side="pred")
    assert {r.type for r in items.relations} == expected


@pytest.mark.parametrize(
    ("head", "tail", "expected"),
    [
        ("ORG", "LOC", "OrgBased_In"),
        ("LOC", "LOC", "Located_In"),
        ("PER", "LOC", "Live_In"),
        ("PER", "PER", None),  # no case fits: not scored
    ],
)
def test_a_relation_type_can_map_by_its_arguments_labels(
    head: str, tail: str, expected: str | None
) -> None:
    text = "Aa Bb"
    rec = Record(
        id="d",
        text=text,
        entities=[
            Entity(id="T1", start=0, end=2, text="Aa", label=head),
            Entity(id="T2", start=3, end=5, text="Bb", label=tail),
        ],
        relations=[Relation(id="R1", type="LOCATED_IN", head="T1", tail="T2", rule="r")],
    )
    labels = LabelMap.model_validate(
        {
            "relations": {
                "pred": {
                    "LOCATED_IN": [
                        {"head": ["ORG"], "type": "OrgBased_In"},
                        {"head": ["LOC"], "tail": ["LOC"], "type": "Located_In"},
                        {"tail": ["LOC"], "type": "Live_In"},
                    ]
                }
            }
        }
    )
    items = Items()
    add_record(items, rec, labels, side="pred")
    assert {r.type for r in items.relations} == ({expected} if expected else set())


def test_label_map_file_errors_name_file_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "labels.json"
    bad.write_text(json.dumps({"entities": {"gold": {"PER": "PER"}, "pred": {"X": 1}}}))
    with pytest.raises(LabelMapError, match=r"labels\.json: field 'entities\.pred\.X'"):
        load_label_map(bad)
    bad.write_text('{"entities": ')
    with pytest.raises(LabelMapError, match=r"labels\.json:1: not valid JSON"):
        load_label_map(bad)


def test_report_renders_and_json_carries_the_same_figures() -> None:
    g = gold_a()
    result = evaluate(FIX / "gold.jsonl", [prediction(g, ["T1", "T2"])])
    data = json.loads(to_json(result))
    micro = data["systems"][0]["entities"]["strict"]["micro"]
    assert (micro["tp"], micro["fp"], micro["fn"]) == (2, 0, 2)
    assert render(result) is not None


def test_cli_evaluate_with_pred_writes_json_and_lists_errors(tmp_path: Path) -> None:
    g = gold_a()
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text(json.dumps(prediction(g, ["T1", "T3"], {"T3": "GPE"}).dump()) + "\n")
    out = tmp_path / "scores.json"
    result = runner.invoke(
        app,
        [
            "evaluate",
            str(FIX / "gold.jsonl"),
            "--pred",
            str(pred_file),
            "--errors",
            "3",
            "--json",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Bolt Ltd" in result.output and "micro" in result.output
    data = json.loads(out.read_text())
    assert data["systems"][0]["entities"]["strict"]["per_label"]["GPE"]["fp"] == 1


def test_cli_evaluate_lists_missed_and_spurious_relations_by_type(tmp_path: Path) -> None:
    gold = next(read_gold(FIX / "conll04.json"))  # Anna Bell works for Acme in Oslo .
    ents = {e.text: e for e in gold.entities}
    pred = Record(
        id=gold.id,
        text=gold.text,
        entities=[
            ents["Anna Bell"].model_copy(update={"label": "PERSON"}),
            ents["Acme"].model_copy(update={"label": "ORG"}),
            ents["Oslo"].model_copy(update={"label": "GPE"}),
        ],
        relations=[
            Relation(id="R1", type="AFFILIATED_WITH", head="T1", tail="T2", rule="a.works"),
            Relation(id="R2", type="RESIDENT_OF", head="T1", tail="T3", rule="b.in"),
        ],
    )
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text(json.dumps(pred.dump()) + "\n")
    out = tmp_path / "scores.json"
    args = ["evaluate", str(FIX / "conll04.json"), "--pred", str(pred_file), "--errors", "2"]
    result = runner.invoke(app, [*args, "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "FN OrgBased_In  Acme -> Oslo" in result.output
    assert "FP Live_In  Anna Bell -> Oslo" in result.output and "rules: b.in" in result.output
    errors = json.loads(out.read_text())["systems"][0]["relation_errors"]
    assert [(e["kind"], e["type"]) for e in errors] == [("FP", "Live_In"), ("FN", "OrgBased_In")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "brat"], "'brat' is not one of"),
        (["--pred", "missing.jsonl"], "missing.jsonl: no such predictions file"),
    ],
)
def test_cli_evaluate_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["evaluate", str(FIX / "gold.jsonl"), *args])
    assert result.exit_code == 2
    assert message in result.output


def test_cli_evaluate_rejects_broken_gold_naming_file_and_line() -> None:
    result = runner.invoke(app, ["evaluate", str(FIX / "broken_line.jsonl")])
    assert result.exit_code == 2
    assert "broken_line.jsonl:2: not valid JSON" in result.output


def test_evaluate_runs_bare_and_newsrel_on_the_gold_texts(nlp) -> None:
    result = evaluate(FIX / "iob2_docstart_before.conll")
    assert [s.name for s in result.systems] == ["bare", "newsrel"]
    for s in result.systems:
        assert s.missing == 0 and s.failed == 0
        assert s.entities.strict.micro.support == 2


def test_predictions_after_the_annotated_region_are_not_scored() -> None:
    (gold,) = read_gold(FIX / "meantime.xml")
    end = gold.meta.model_extra["annotated_end"]
    zenith = gold.text.index("Zenith")
    assert zenith > end  # the last sentence carries no annotation
    acme = gold.entities[0]
    extra = Entity(id="P2", start=zenith, end=zenith + 6, text="Zenith", label="ORG")
    pred = Record(id=gold.id, text=gold.text, entities=[acme, extra])
    (s,) = evaluate(FIX / "meantime.xml", [pred]).systems
    assert s.entities.strict.micro.fp == 0


def test_meantime_run_adds_the_names_only_baseline_and_coreference_scores(nlp) -> None:
    result = evaluate(FIX / "meantime.xml")
    assert [s.name for s in result.systems] == ["bare", "newsrel", "names-only"]
    assert all(s.coref is not None for s in result.systems)
    text = to_json(result)
    assert '"coreference"' in text and '"conll"' in text
