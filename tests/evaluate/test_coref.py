"""Coreference scoring of records: head words, alignment, the annotated region, pronouns."""

from __future__ import annotations

import pytest

from pipeline.evaluate.coref import CorefScores, head_word
from pipeline.schema import Record

TEXT = "Acme Corp said it would buy Zenith . The company said its offer was fair ."


@pytest.mark.parametrize(
    ("span", "head"),
    [
        ("the parent company of Acme", "company"),
        ("Acme Corp ( AC", "Corp"),
        ("Acme 's", "Acme"),
        ("Jane Roe , the chief executive", "Roe"),
        ("it", "it"),
    ],
)
def test_head_word(span, head) -> None:
    s, e = head_word(span, 0, len(span))
    assert span[s:e] == head


def _at(needle: str, nth: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(nth):
        start = TEXT.index(needle, start + 1)
    return start, start + len(needle)


def _record(clusters: dict[str, list[tuple[str, int, str]]], **meta) -> Record:
    """clusters: id -> [(text, nth, "T" entity | "M" reference)]."""
    ents, refs, out = [], [], []
    for cid, members in clusters.items():
        mentions, references = [], []
        for text, nth, kind in members:
            s, e = _at(text, nth)
            if kind == "T":
                tid = f"T{len(ents) + 1}"
                ents.append(
                    {"id": tid, "start": s, "end": e, "text": text, "label": "ORG", "entity": cid}
                )
                mentions.append(tid)
            else:
                rid = f"M{len(refs) + 1}"
                refs.append(
                    {
                        "id": rid,
                        "start": s,
                        "end": e,
                        "text": text,
                        "kind": "pronoun",
                        "refers_to": [cid],
                        "rule": "gold",
                    }
                )
                references.append(rid)
        out.append(
            {"id": cid, "label": "ORG", "name": cid, "mentions": mentions, "references": references}
        )
    ents.sort(key=lambda x: x["start"])
    refs.sort(key=lambda x: x["start"])
    return Record.model_validate(
        {
            "id": "d",
            "text": TEXT,
            "meta": meta,
            "entities": ents,
            "clusters": out,
            "references": refs,
        }
    )


GOLD = _record(
    {
        "E1": [("Acme Corp", 1, "T"), ("it", 1, "M"), ("The company", 1, "M"), ("its", 1, "M")],
        "E2": [("Zenith", 1, "T")],
    }
)


def _score(pred: Record, gold: Record = GOLD) -> CorefScores:
    scores = CorefScores()
    scores.add_document(gold, pred, lambda s, e: (s, e), frozenset({"it", "its"}))
    return scores


def test_perfect_prediction_scores_one_and_every_pronoun_right() -> None:
    scores = _score(GOLD)
    assert scores.conll == pytest.approx(1.0)
    p = scores.pronouns
    assert (p.total, p.correct, p.named_total, p.named_correct) == (2, 2, 2, 2)


def test_names_only_prediction_leaves_pronouns_alone() -> None:
    names = _record({"E1": [("Acme Corp", 1, "T")], "E2": [("Zenith", 1, "T")]})
    scores = _score(names)
    # key {Acme it company its} {Zenith}; response all singletons: MUC 0, B3 recall (1/4*4+1)/5
    assert scores.muc.f1 == 0.0
    assert scores.b_cubed.recall == pytest.approx(2 / 5)
    assert scores.pronouns.correct == 0 and scores.aligned == 2


def test_a_pronoun_linked_to_the_wrong_entity_is_wrong() -> None:
    wrong = _record(
        {
            "E1": [("Acme Corp", 1, "T"), ("The company", 1, "M"), ("its", 1, "M")],
            "E2": [("Zenith", 1, "T"), ("it", 1, "M")],  # "it" is said to be Zenith
        }
    )
    scores = _score(wrong)
    assert (scores.pronouns.total, scores.pronouns.correct) == (2, 1)
    assert scores.muc.precision < 1.0


def test_head_match_aligns_a_longer_predicted_span() -> None:
    longer = _record(
        {"E1": [("Acme Corp said", 1, "T"), ("it", 1, "M")], "E2": [("Zenith", 1, "T")]}
    )
    # "Acme Corp said" has the head "said", not "Corp": no alignment, "it" has no antecedent
    assert _score(longer).pronouns.correct == 0
    same_head = _record({"E1": [("Corp", 1, "T"), ("it", 1, "M")], "E2": [("Zenith", 1, "T")]})
    assert _score(same_head).pronouns.correct == 1


def test_only_the_annotated_region_is_scored() -> None:
    gold = _record(
        {
            "E1": [("Acme Corp", 1, "T"), ("it", 1, "M"), ("The company", 1, "M"), ("its", 1, "M")],
            "E2": [("Zenith", 1, "T")],
        },
        annotated_end=TEXT.index(" The company"),
    )
    scores = _score(GOLD, gold)
    assert scores.mentions == 3  # Acme Corp, it, Zenith
    assert scores.conll == pytest.approx(1.0)
