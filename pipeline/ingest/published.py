"""The document date: the anchor for "last year", "Sept. 22" and "Today".

:func:`find_published` picks it, in order, from the CLI (``--published``), the input metadata
(``meta.published``), a sidecar file beside the article (``ARTICLE.txt.meta.json`` with a
``published`` key) and the article's header lines ("- 29.09.2017", "28 SEPTEMBER 2017"),
and says where it came from.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SIDECAR_SUFFIX = ".meta.json"
HEADER_LINES = 12  # non-blank lines looked at before the body starts
BODY_LINE = 200  # a line this long is body text, not header

_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for m in names
}
_MON = "|".join(sorted(_MONTHS, key=len, reverse=True))
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"), "ymd"),
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"), "dmy"),
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"), "dmy_slash"),
    (
        re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MON})\.?,?\s+(\d{{4}})\b", re.I),
        "d_month_y",
    ),
    (
        re.compile(rf"\b({_MON})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I),
        "month_d_y",
    ),
]


@dataclass(frozen=True)
class Published:
    date: str | None  # ISO 8601 date
    source: str | None  # cli / meta / sidecar / header


def parse_published(value: Any) -> str | None:
    """An ISO date from a metadata value ("2017-09-29", "2017-09-29T10:00:00Z", "29.09.2017",
    "28 September 2017"), else None."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    found = dates_in(value.strip()[:80])
    return found[0] if found else None


def dates_in(text: str) -> list[str]:
    """Full dates (day, month and year) written in ``text``, in text order, as ISO dates."""
    hits: list[tuple[int, str]] = []
    for pat, kind in _PATTERNS:
        for m in pat.finditer(text):
            iso = _iso(m, kind)
            if iso:
                hits.append((m.start(), iso))
    return [iso for _, iso in sorted(hits)]


def _iso(m: re.Match[str], kind: str) -> str | None:
    g = m.groups()
    try:
        if kind == "ymd":
            d = dt.date(int(g[0]), int(g[1]), int(g[2]))
        elif kind in ("dmy", "dmy_slash"):
            d = dt.date(int(g[2]), int(g[1]), int(g[0]))
        elif kind == "d_month_y":
            d = dt.date(int(g[2]), _MONTHS[g[1].lower()], int(g[0]))
        else:
            d = dt.date(int(g[2]), _MONTHS[g[0].lower()], int(g[1]))
    except (ValueError, KeyError):
        return None
    return d.isoformat() if 1900 <= d.year <= 2100 else None


def header_date(text: str) -> str | None:
    """The first full date in the article's header lines (before the body text starts)."""
    seen = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        if len(line) >= BODY_LINE or seen >= HEADER_LINES:
            return None
        seen += 1
        found = dates_in(line)
        if found:
            return found[0]
    return None


def sidecar_path(path: str | Path) -> Path:
    p = Path(path)
    return p.with_name(p.name + SIDECAR_SUFFIX)


def read_sidecar(path: str | Path | None) -> dict[str, Any]:
    """The JSON object beside an article (``ARTICLE.txt.meta.json``), or {} when there is none.
    A sidecar that is not a JSON object raises ``ValueError`` naming the file."""
    if not path:
        return {}
    side = sidecar_path(path)
    if not side.is_file():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise ValueError(f"{side}: not a readable JSON sidecar: {e}") from e
    if not isinstance(data, dict):
        raise ValueError(f"{side}: a sidecar must hold a JSON object")
    return data


def unreadable_published(
    meta: dict[str, Any], *, cli: str | None = None, sidecar: dict[str, Any] | None = None
) -> tuple[str, Any] | None:
    """``(source, value)`` when the date :func:`find_published` would take from the input's
    metadata or sidecar is given but is no date ("yesterday", "2017-13-45", 12345); None when
    it is a date, or none is given (an empty string counts as none)."""
    if cli:
        return None
    for source, value in (
        ("meta", meta.get("published")),
        ("sidecar", (sidecar or {}).get("published")),
    ):
        if value is None or value == "":
            continue
        return None if parse_published(value) else (source, value)
    return None


def find_published(
    text: str,
    meta: dict[str, Any],
    *,
    cli: str | None = None,
    sidecar: dict[str, Any] | None = None,
) -> Published:
    """The document date and its source: cli, then meta, then sidecar, then header."""
    for source, value in (
        ("cli", cli),
        ("meta", meta.get("published")),
        ("sidecar", (sidecar or {}).get("published")),
    ):
        iso = parse_published(value)
        if iso:
            return Published(iso, source)
    iso = header_date(text)
    return Published(iso, "header" if iso else None)
