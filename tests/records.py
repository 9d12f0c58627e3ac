"""Hand-made records with entities, clusters, references, relations and events, for tests of the views
that must not depend on what the rules happen to extract (they follow pipeline/schema.py)."""

from __future__ import annotations

from typing import Any

from pipeline.schema import Record

MEETING_TEXT = (
    "ASTANA -- Kazakh First Deputy Prime Minister Askar Mamin met his Belarusian counterpart "
    "Vasily Matyushevsky on Sept. 22 in Karagandy. "
    "Mamin said trade should be increased to $1 billion by 2020. "
    "Turnover rose 75.6 percent in January-July.\n\n"
    "Kazakhstan and Belarus will sign an agreement in November 2017."
)


def _at(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(nth):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def make_record(
    doc_id: str = "2017/kz-by.txt", text: str = MEETING_TEXT, *, title: str | None = None
) -> Record:
    """A record for MEETING_TEXT (or a text containing it) with every kind of fact."""
    ents: list[dict[str, Any]] = []

    def ent(
        needle: str,
        label: str,
        cluster: str,
        norm: dict[str, Any] | None = None,
        nth: int = 1,
        sentence: int = 0,
    ) -> str:
        s, e = _at(text, needle, nth)
        tid = f"T{len(ents) + 1}"
        ents.append(
            {
                "id": tid,
                "start": s,
                "end": e,
                "text": needle,
                "label": label,
                "norm": norm,
                "entity": cluster,
                "source": "model",
                "sentence": sentence,
            }
        )
        return tid

    title_id = ent("First Deputy Prime Minister", "TITLE", "E1")
    mamin = ent("Askar Mamin", "PERSON", "E2")
    maty = ent("Vasily Matyushevsky", "PERSON", "E3")
    date = ent(
        "Sept. 22",
        "DATE",
        "E4",
        {"value": "2017-09-22", "start": "2017-09-22", "end": "2017-09-22"},
    )
    place = ent("Karagandy", "GPE", "E5")
    mamin2 = ent("Mamin", "PERSON", "E2", nth=2, sentence=1)
    money = ent(
        "$1 billion", "MONEY", "E6", {"amount": 1_000_000_000, "currency": "USD"}, sentence=1
    )
    year = ent(
        "2020",
        "DATE",
        "E7",
        {"value": "2020", "start": "2020-01-01", "end": "2020-12-31"},
        sentence=1,
    )
    pct = ent("75.6 percent", "PERCENT", "E8", {"value": 75.6}, sentence=2)
    kz = ent("Kazakhstan", "GPE", "E9", sentence=3)
    by = ent("Belarus", "GPE", "E10", nth=2, sentence=3)
    nov = ent("November 2017", "DATE", "E11", {"value": "2017-11"}, sentence=3)
    clusters = [
        {
            "id": "E1",
            "label": "TITLE",
            "name": "First Deputy Prime Minister",
            "mentions": [title_id],
        },
        {
            "id": "E2",
            "label": "PERSON",
            "name": "Askar Mamin",
            "mentions": [mamin, mamin2],
            "aliases": ["Mamin"],
            "roles": [{"title": "First Deputy Prime Minister", "of": "E9"}],
            "references": ["M1"],
        },
        {"id": "E3", "label": "PERSON", "name": "Vasily Matyushevsky", "mentions": [maty]},
        {"id": "E4", "label": "DATE", "name": "Sept. 22", "mentions": [date]},
        {"id": "E5", "label": "GPE", "name": "Karagandy", "mentions": [place]},
        {"id": "E6", "label": "MONEY", "name": "$1 billion", "mentions": [money]},
        {"id": "E7", "label": "DATE", "name": "2020", "mentions": [year]},
        {"id": "E8", "label": "PERCENT", "name": "75.6 percent", "mentions": [pct]},
        {"id": "E9", "label": "GPE", "name": "Kazakhstan", "mentions": [kz]},
        {"id": "E10", "label": "GPE", "name": "Belarus", "mentions": [by]},
        {"id": "E11", "label": "DATE", "name": "November 2017", "mentions": [nov]},
    ]
    his = _at(text, "his")
    references = [
        {
            "id": "M1",
            "start": his[0],
            "end": his[1],
            "text": "his",
            "kind": "pronoun",
            "refers_to": ["E2"],
            "antecedent": mamin,
            "rule": "coref.pronoun",
            "sentence": 0,
        }
    ]
    met = _at(text, "met")
    trade = _at(text, "trade")
    sign = _at(text, "sign")
    agreement = _at(text, "an agreement")
    events = [
        {
            "id": "V1",
            "type": "MEETING",
            "trigger": {"start": met[0], "end": met[1], "text": "met"},
            "arguments": [
                {"role": "participant", "ref": mamin},
                {"role": "participant", "ref": maty},
                {"role": "date", "ref": date},
                {"role": "place", "ref": place},
            ],
            "date": "2017-09-22",
            "status": "happened",
            "cameo": "040",
            "sentence": 0,
            "rule": "meeting.met",
        },
        {
            "id": "V2",
            "type": "TARGET",
            "trigger": {"start": trade[0], "end": trade[1], "text": "trade"},
            "arguments": [
                {"role": "metric", "start": trade[0], "end": trade[1], "text": "trade"},
                {"role": "value", "ref": money},
                {"role": "deadline", "ref": year},
                {"role": "announcer", "ref": mamin2},
            ],
            "date": "2020",
            "status": "stated",
            "sentence": 1,
            "rule": "target.increase",
        },
        {
            "id": "V3",
            "type": "AGREEMENT",
            "trigger": {"start": sign[0], "end": sign[1], "text": "sign"},
            "arguments": [
                {"role": "party", "ref": kz},
                {"role": "party", "ref": by},
                {
                    "role": "agreement",
                    "start": agreement[0],
                    "end": agreement[1],
                    "text": "an agreement",
                },
                {"role": "date", "ref": nov},
            ],
            "date": "2017-11",
            "status": "planned",
            "cameo": "057",
            "sentence": 3,
            "rule": "agreement.sign",
        },
    ]
    relations = [
        {
            "id": "R1",
            "type": "HOLDS_POSITION",
            "head": mamin,
            "tail": title_id,
            "rule": "title-before-name",
            "sentence": 0,
        }
    ]
    meta = {
        "title": title,
        "published": "2017-09-29",
        "outlet": "Astana Times",
        "dateline": "ASTANA",
    }
    return Record.model_validate(
        {
            "schema": "newsrel/1.1",
            "id": doc_id,
            "meta": meta,
            "text": text,
            "entities": ents,
            "clusters": clusters,
            "references": references,
            "relations": relations,
            "events": events,
        }
    )


def plain_record(doc_id: str, text: str, **meta: Any) -> Record:
    """A record with no facts at all."""
    return Record(id=doc_id, text=text, meta=meta)
