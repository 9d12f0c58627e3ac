"""The families of entity fixes: their order, and leaving one out through the rule file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import get_args

import pytest

from pipeline.entities.component import EntityRules
from pipeline.entities.families import FAMILIES, ORDER, fixes_of
from pipeline.rulefiles import EntityFixes, EntityFixFamily, RuleError, load_json, models_dir

SPORTS_SOURCES = {
    "entity-fix.team-line",
    "entity-fix.sports-team",
    "entity-fix.player-country",
}

SPORTS_TABLE = (
    "SOCCER - SOUTHERN LEAGUE\n\n"
    "Results on Saturday:\n\n"
    "Rochford 2 Maldon 1\n"
    "Harlow 0 Witham 3\n\n"
    "Standings:\n\n"
    "Witham 5 4 1 0 12 3 13\n"
    "Rochford 5 3 1 1 9 5 10\n\n"
    "Tennis:\n\n"
    "Petra Lindqvist ( Sweden ) beat Carla Moreno ( Chile ) 6-2 7-5\n"
)

NEWS = (
    "The finance ministry in Oslo said on Tuesday that exports to Germany rose 4 percent in "
    "March. Finance Minister Ingrid Holt met business leaders in Bergen and Stavanger, and the "
    "Norwegian central bank kept its rate at 2.5 percent."
)


def test_the_rule_file_knows_every_family_in_the_order() -> None:
    assert sorted(FAMILIES) == sorted(get_args(EntityFixFamily))


@pytest.mark.parametrize(("family", "fix"), ORDER)
def test_each_fix_lives_in_its_family_module(family, fix) -> None:
    assert fix.__module__ == f"pipeline.entities.{family}"


def test_the_shipped_rule_file_runs_every_family() -> None:
    fixes = load_json(models_dir() / "entity_fixes.json", EntityFixes)
    assert fixes_of(fixes.families) == tuple(fix for _, fix in ORDER)


def test_a_family_left_out_keeps_the_order_of_the_rest() -> None:
    kept = fixes_of(["document", "spans"])
    assert kept == tuple(fix for family, fix in ORDER if family in ("spans", "document"))


def _write_fixes(tmp_path: Path, families: list[str]) -> Path:
    data = json.loads((models_dir() / "entity_fixes.json").read_text(encoding="utf-8"))
    data["families"] = families
    path = tmp_path / "entity_fixes.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "families",
    [["spans", "tennis"], ["spans", "sports", "spans"]],
    ids=["unknown", "twice"],
)
def test_a_bad_family_list_is_rejected_on_load(tmp_path, families) -> None:
    path = _write_fixes(tmp_path, families)
    with pytest.raises(RuleError, match=r"entity_fixes\.json: field 'families"):
        load_json(path, EntityFixes)


def _model_doc(nlp, text: str):
    """``text`` read by the pipeline up to the entity component."""
    doc = nlp.make_doc(text)
    for name, pipe in nlp.pipeline:
        if name == "newsrel_entities":
            break
        doc = pipe(doc)
    return doc


@pytest.fixture(scope="module")
def with_and_without_sports(nlp, tmp_path_factory):
    patterns = models_dir() / "entity_patterns.jsonl"
    without = _write_fixes(tmp_path_factory.mktemp("fixes"), [f for f in FAMILIES if f != "sports"])
    return (
        EntityRules(nlp, patterns, models_dir() / "entity_fixes.json"),
        EntityRules(nlp, patterns, without),
    )


def _entities(rules: EntityRules, doc) -> list[tuple[str, str, str]]:
    return [(doc[e.start : e.end].text, e.label, e.source) for e in rules.find(doc)]


def test_leaving_out_sports_removes_the_sports_table_fixes(nlp, with_and_without_sports) -> None:
    full, no_sports = with_and_without_sports
    doc = _model_doc(nlp, SPORTS_TABLE)
    before, after = _entities(full, doc), _entities(no_sports, doc)
    assert {source for _, _, source in before} & SPORTS_SOURCES
    assert not {source for _, _, source in after} & SPORTS_SOURCES
    assert not [e for e in before if e[2] in SPORTS_SOURCES and e in after]


def test_leaving_out_sports_changes_nothing_in_a_news_paragraph(
    nlp, with_and_without_sports
) -> None:
    full, no_sports = with_and_without_sports
    doc = _model_doc(nlp, NEWS)
    before = _entities(full, doc)
    assert ("Oslo", "GPE", "") in before
    assert _entities(no_sports, doc) == before


LONG_LINE_SENTENCE = (
    "Ferries from Bergen and Tromso reached Aberdeen , Harbour Master Ola Vik said , "
    "while Galway drew 1 Cork 1 near Malaga ( Spain ) . "
)
LONG_LINE_PLACES = frozenset({"Bergen", "Tromso", "Aberdeen", "Galway", "Cork", "Malaga", "Spain"})


def _long_line(nlp_blank, length: int):
    """One line of ``length`` characters, its places as the model's entities and its titles as
    rule spans."""
    from pipeline.entities.entity_span import EntitySpan

    text = (LONG_LINE_SENTENCE * (length // len(LONG_LINE_SENTENCE) + 1))[:length]
    doc = nlp_blank.make_doc(text)
    model = [EntitySpan(t.i, t.i + 1, "GPE") for t in doc if t.text in LONG_LINE_PLACES]
    model += [EntitySpan(t.i, t.i + 2, "PERSON") for t in doc[:-1] if t.text == "Ola"]
    model.sort(key=lambda e: e.start)
    rules = [EntitySpan(t.i, t.i + 3, "TITLE", "r") for t in doc[:-2] if t.text == "Harbour"]
    return doc, model, rules


def _lines_run(doc, model, rules, fixes: EntityFixes) -> int:
    """How many lines of newsrel's own code the rule spans' merge and every fix execute: a
    count that does not depend on the machine or its load (time would)."""
    import sys

    from pipeline.entities.families import fix_entities
    from pipeline.entities.merge import merge_rule_spans

    root = str(Path(fix_entities.__code__.co_filename).parents[1])
    count = 0

    def trace(frame, event, arg):
        nonlocal count
        if not frame.f_code.co_filename.startswith(root):
            return None  # lines of spaCy or the standard library are not counted
        if event == "line":
            count += 1
        return trace

    sys.settrace(trace)
    try:
        fix_entities(doc, merge_rule_spans(doc, model, rules), fixes)
    finally:
        sys.settrace(None)
    return count


def test_the_fixes_take_work_linear_in_the_length_of_a_long_line() -> None:
    """A long line naming places was read again for each place on it, so the work grew with
    the square of its length; twice the length now runs about twice the lines of code (a
    count, not a time: speed itself is measured by benchmarks/long_lines.py)."""
    import spacy

    nlp_blank = spacy.blank("en")
    fixes = load_json(models_dir() / "entity_fixes.json", EntityFixes)
    _lines_run(*_long_line(nlp_blank, 2_000), fixes)  # the gazetteers load once
    half = _lines_run(*_long_line(nlp_blank, 20_000), fixes)
    full = _lines_run(*_long_line(nlp_blank, 40_000), fixes)
    assert full / half < 2.5, (half, full)
