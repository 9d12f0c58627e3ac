"""CoNLL04 in SpERT JSON: a list of sentences with token-offset entities and relations.

Each sentence becomes its own Record (id = ``orig_id`` when present, else the list index).

The sentence's full stop is never part of an entity. CoNLL04's tokens sometimes leave it on the
last word ("... of Applied Studies.", "... said Ann Lee.") and sometimes split it from an
abbreviation it also ends ("SPRINGFIELD , Ill ."), and an entity ending the sentence then takes it
in; in the text rebuilt with spaces no entity can end there by the guideline (no trailing
punctuation). So a gold entity that ends the sentence ends before that full stop: a last token
"." is left out, and a final "." glued to a word is, unless the word is an abbreviation that
keeps its own period (spaCy's English tokenizer exceptions: "Calif.", "Inc."; or one with a
period inside: "N.Y."). An abbreviation whose period the tokens split off as the sentence's
full stop ("SPRINGFIELD , Ill .") gets it back in the text ("SPRINGFIELD , Ill."), as news
writes it, and an entity ending there holds it.

The format ``conll04-verbatim`` reads the text and the spans exactly as the tokens give them
(full stop included), to show what this normalisation changes (docs/RELATIONS.md quotes both).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spacy.lang.en.tokenizer_exceptions import TOKENIZER_EXCEPTIONS

from pipeline.evaluate.readers._base import GoldFormatError, join_tokens
from pipeline.schema import Entity, Meta, Record, Relation


def _without_full_stop(tokens: list[str], first: int, last: int) -> tuple[int, int]:
    """Tokens ``first..last-1`` of an entity, and how many characters to drop from its end:
    the sentence's full stop when the entity ends the sentence (module docstring)."""
    if last != len(tokens):
        return last, 0
    word = tokens[last - 1]
    if word == "." and last - first > 1:
        return last - 1, 0
    abbreviation = word in TOKENIZER_EXCEPTIONS or "." in word[:-1]
    if len(word) > 1 and word.endswith(".") and not abbreviation:
        return last, 1
    return last, 0


def _split_abbreviation(tokens: list[str]) -> bool:
    """Whether the sentence ends in an abbreviation whose period CoNLL04's tokens split off as
    the sentence's full stop ("born in Springfield , Ill ."): news writes "Ill." there, and the
    text is rebuilt so (spaCy's English tokenizer exceptions say which words are
    abbreviations)."""
    return (
        len(tokens) >= 2
        and tokens[-1] == "."
        and tokens[-2][:1].isupper()
        and tokens[-2] + "." in TOKENIZER_EXCEPTIONS
    )


def _sentence(path: Path, i: int, item: Any, trim: bool = True) -> Record:
    def bad(msg: str) -> GoldFormatError:
        return GoldFormatError(path, f"sentence {i}: {msg}")

    if not isinstance(item, dict) or not isinstance(item.get("tokens"), list):
        raise bad("expected an object with a `tokens` list")
    tokens = [str(t) for t in item["tokens"]]
    given = len(tokens)
    if trim and _split_abbreviation(tokens):
        tokens = [*tokens[:-2], tokens[-2] + "."]
    built = join_tokens([tokens])
    entities: list[Entity] = []
    for k, ent in enumerate(item.get("entities", [])):
        try:
            first, last, label = int(ent["start"]), int(ent["end"]), str(ent["type"])
        except (KeyError, TypeError, ValueError) as exc:
            raise bad(f"entity {k}: needs `type`, `start`, `end`") from exc
        if not 0 <= first < last <= given:
            raise bad(f"entity {k}: tokens {first}-{last} outside the sentence ({given})")
        last = min(last, len(tokens))  # a sentence-final stop glued back to its abbreviation
        last, drop = _without_full_stop(tokens, first, last) if trim else (last, 0)
        start, end = built.char_span(0, first, last)
        end -= drop
        entities.append(
            Entity(
                id=f"T{k + 1}",
                start=start,
                end=end,
                text=built.text[start:end],
                label=label,
                source="gold",
                sentence=0,
            )
        )
    relations: list[Relation] = []
    for k, rel in enumerate(item.get("relations", [])):
        try:
            head, tail, rtype = int(rel["head"]), int(rel["tail"]), str(rel["type"])
        except (KeyError, TypeError, ValueError) as exc:
            raise bad(f"relation {k}: needs `type`, `head`, `tail`") from exc
        if not (0 <= head < len(entities) and 0 <= tail < len(entities)):
            raise bad(f"relation {k}: head/tail index outside the entity list")
        relations.append(
            Relation(
                id=f"R{k + 1}",
                type=rtype,
                head=entities[head].id,
                tail=entities[tail].id,
                rule="gold",
                sentence=0,
            )
        )
    doc_id = str(item.get("orig_id", i))
    return Record(
        id=f"{path.name}#{doc_id}",
        meta=Meta(path=str(path)),
        text=built.text,
        entities=entities,
        relations=relations,
    )


def read_conll04(path: Path, *, trim_full_stop: bool = True) -> Iterator[Record]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GoldFormatError(path, f"not valid JSON: {exc.msg}", exc.lineno) from exc
    if not isinstance(data, list):
        raise GoldFormatError(path, "expected a JSON list of sentences", 1)
    for i, item in enumerate(data):
        yield _sentence(path, i, item, trim_full_stop)


def read_conll04_verbatim(path: Path) -> Iterator[Record]:
    """CoNLL04 with every gold span as its tokens give it (a sentence's full stop kept)."""
    return read_conll04(path, trim_full_stop=False)
