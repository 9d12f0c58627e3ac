"""Cross-document coreference: MEANTIME-style gold (two invented articles) and hand-built
predictions on its texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate.crossdoc import evaluate_crossdoc, head_span, is_crossdoc
from pipeline.evaluate.readers.crossdoc import GoldMention, read_crossdoc
from pipeline.schema import Record
from tests.link.builders import Cl, Ev, record

GOLD = Path(__file__).parent / "fixtures" / "cross-doc"


def test_reader_gives_named_mentions_with_corpus_instances() -> None:
    gold = read_crossdoc(GOLD)
    assert [r.id for r in gold.records] == ["a.xml", "b.xml"]
    assert gold.records[0].meta.published == "2020-06-01"
    named = [(m.doc, m.text, m.instance) for m in gold.entities if m.named]
    assert named == [
        ("a.xml", "Norvik Freight", "ORG_NORVIK"),
        ("a.xml", "Tolma Ports", "ORG_TOLMA"),
        ("a.xml", "Ada Lund", "PER_LUND"),
        ("a.xml", "Norvik Freight", "ORG_NORVIK"),  # untyped, added by the cross-document pass
        ("b.xml", "Tolma Ports", "ORG_TOLMA"),
        ("b.xml", "Norvik Freight Inc", "ORG_NORVIK"),
        ("b.xml", "Ada Lund", "PER_LUND"),
    ]


def test_untyped_words_typed_as_a_description_elsewhere_are_not_names() -> None:
    gold = read_crossdoc(GOLD)
    boss = [m for m in gold.entities if m.text == "Norvik boss"]
    assert len(boss) == 2 and not any(m.named for m in boss)


def test_events_without_a_corpus_instance_are_instances_of_their_document() -> None:
    events = {(m.doc, m.text): m.instance for m in read_crossdoc(GOLD).events}
    assert events == {
        ("a.xml", "signed"): "EV_DEAL",
        ("a.xml", "said"): "a.xml#24",
        ("b.xml", "agreed"): "EV_DEAL",
    }


def test_the_folder_name_tells_the_format(tmp_path: Path) -> None:
    assert is_crossdoc(GOLD)
    assert not is_crossdoc(GOLD.parent)
    assert not is_crossdoc(tmp_path / "cross-doc")  # no such folder


@pytest.mark.parametrize(
    ("text", "head"), [("Acme Corp 's", "Corp"), ("the Acme Corp", "Corp"), ("Acme ( AC )", "AC")]
)
def test_head_is_the_last_word(text: str, head: str) -> None:
    m = GoldMention("d", 10, 10 + len(text), text, "i", "entity", "ORG", True)
    start, end = head_span(m)
    assert text[start - 10 : end - 10] == head


def _predictions() -> list[Record]:
    a, b = read_crossdoc(GOLD).records
    return [
        record(
            "a.xml",
            a.text,
            [
                Cl("ORG", "Norvik Freight", mentions=["Norvik Freight", "Norvik Freight"]),
                Cl("ORG", "Tolma Ports"),
                Cl("PERSON", "Ada Lund"),
            ],
            [
                Ev(
                    "AGREEMENT",
                    "signed",
                    [("party", "Norvik Freight"), ("party", "Tolma Ports")],
                    date="2020-06-01",
                ),
                Ev(
                    "STATEMENT",
                    "said",
                    [("speaker", "Ada Lund"), ("content", "=the deal was done")],
                ),
            ],
            published="2020-06-01",
        ),
        record(
            "b.xml",
            b.text,
            [Cl("ORG", "Tolma Ports"), Cl("ORG", "Norvik Freight Inc"), Cl("PERSON", "Ada Lund")],
            [
                Ev(
                    "AGREEMENT",
                    "agreed",
                    [("party", "Tolma Ports"), ("party", "Norvik Freight Inc")],
                    date="2020-06-02",
                )
            ],
            published="2020-06-02",
        ),
    ]


def test_linking_beats_exact_names_on_the_hand_built_predictions() -> None:
    result = evaluate_crossdoc(GOLD, _predictions())
    assert (result.entity_mentions, result.entity_aligned, result.event_items) == (7, 7, 3)
    exact = result.entities["baseline: exact name"].b3
    assert (exact.precision, round(exact.recall, 4)) == (1.0, round(17 / 21, 4))
    linked = result.entities["newsrel link"]
    assert (linked.b3.f1, linked.muc.f1, linked.ceaf_e.f1) == (1.0, 1.0, 1.0)
    events = result.events["newsrel link"]
    assert events.pairs == (1, 1, 1) and events.pairs_cross == (1, 1, 1)
    assert result.to_dict()["entities"]["newsrel link"]["conll_f1"] == 1.0


def test_a_gold_mention_with_no_predicted_mention_on_its_head_is_alone() -> None:
    preds = _predictions()
    preds[1] = record("b.xml", preds[1].text, [Cl("ORG", "Tolma Ports")])
    result = evaluate_crossdoc(GOLD, preds)
    assert result.entity_aligned == 5
    assert result.entities["newsrel link"].b3.precision == 1.0


def test_evaluate_command_detects_the_format_and_writes_json(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from pipeline.cli import app
    from tests.link.builders import write

    preds = write(tmp_path / "preds.jsonl", _predictions())
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(
        app, ["evaluate", str(GOLD), "--pred", str(preds), "--json", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "format crossdoc" in result.output and "newsrel link" in result.output
    assert json.loads(out.read_text())["entities"]["newsrel link"]["b3"]["f"] == 1.0
    missing = CliRunner().invoke(
        app, ["evaluate", str(GOLD), "--pred", str(tmp_path / "none.jsonl")]
    )
    assert missing.exit_code == 2
