"""TimeML (``.tml``): TIMEX3 inline in ``<TEXT>``, the creation time in ``<DCT>``.

Every in-text TIMEX3 becomes an entity labelled with its type (DATE, TIME, DURATION, SET) and
``norm={"type": ..., "value": ...}``; the DCT's value goes to ``meta.published``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from pipeline.evaluate.readers._base import GoldFormatError, map_span, normalise_whitespace
from pipeline.schema import Entity, Meta, Record


def _parse(path: Path) -> ET.Element:
    try:
        return ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise GoldFormatError(path, f"not well-formed XML: {exc}", exc.position[0]) from exc


def _flatten(elem: ET.Element) -> tuple[str, list[tuple[int, int, dict[str, str]]]]:
    """Text of ``elem`` without tags, and the raw spans of the TIMEX3 inside it."""
    parts: list[str] = []
    timexes: list[tuple[int, int, dict[str, str]]] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3":
            timexes.append((start, pos, dict(el.attrib)))

    walk(elem)
    return "".join(parts), timexes


def read_timeml_file(path: Path, doc_id: str | None = None) -> Record:
    root = _parse(path)
    text_el = root.find("TEXT")
    if text_el is None:
        raise GoldFormatError(path, "no <TEXT> element")
    raw, raw_timexes = _flatten(text_el)
    text, cmap = normalise_whitespace(raw)
    entities: list[Entity] = []
    for start, end, attrs in raw_timexes:
        span = map_span(cmap, start, end)
        if span is None:
            continue
        ttype = attrs.get("type")
        if not ttype:
            raise GoldFormatError(path, f"TIMEX3 {attrs.get('tid', '?')} has no type")
        entities.append(
            Entity(
                id=attrs.get("tid") or f"T{len(entities) + 1}",
                start=span[0],
                end=span[1],
                text=text[span[0] : span[1]],
                label=ttype,
                norm={"type": ttype, "value": attrs.get("value")},
                source="gold",
            )
        )
    meta: dict[str, str] = {"path": str(path)}
    dct = root.find("DCT/TIMEX3")
    if dct is not None and dct.get("value"):
        meta["published"] = str(dct.get("value"))
    return Record(id=doc_id or path.stem, meta=Meta(**meta), text=text, entities=entities)


def read_timeml(path: Path) -> Iterator[Record]:
    """One file, or every ``*.tml`` under a folder (ids relative to it)."""
    if path.is_dir():
        for f in sorted(path.rglob("*.tml")):
            yield read_timeml_file(f, f.relative_to(path).as_posix())
    else:
        yield read_timeml_file(path)
