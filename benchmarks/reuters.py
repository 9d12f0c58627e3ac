"""Reuters-21578 stories for the benchmarks (one reader, shared by every script here).

The SGML files are latin-1; each ``<REUTERS NEWID=..>`` with a non-empty ``<BODY>`` is one story,
its ``<DATE>`` the publication date and ``<TITLE>`` its title.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.ingest.files import Document

DATA = Path(os.environ.get("NEWSREL_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
REUTERS = DATA / "reuters21578"

_STORY = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\".*?</REUTERS>", re.S)
_BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)
_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
_DATE = re.compile(r"<DATE>\s*(\d{1,2}-[A-Z]{3}-\d{4})")


@dataclass(frozen=True)
class Story:
    newid: str
    text: str
    title: str | None
    published: str | None

    def document(self, doc_id: str | None = None) -> Document:
        meta = {k: v for k, v in (("title", self.title), ("published", self.published)) if v}
        return Document(id=doc_id or f"reuters/{self.newid}", text=self.text, meta=meta)


def stories(source: Path = REUTERS, limit: int | None = None) -> Iterator[Story]:
    """Stories with a body from one ``.sgm`` file or every ``reut2-*.sgm`` of a folder, in order."""
    files = [source] if source.is_file() else sorted(source.glob("reut2-*.sgm"))
    if not files:
        raise SystemExit(f"no Reuters-21578 .sgm files at {source} (set NEWSREL_DATA)")
    n = 0
    for path in files:
        for m in _STORY.finditer(path.read_text(encoding="latin-1")):
            story = m.group(0)
            body = _BODY.search(story)
            text = html.unescape(body.group(1)).replace("\x03", "").strip() if body else ""
            if not text:
                continue
            title = _TITLE.search(story)
            date = _DATE.search(story)
            yield Story(
                newid=m.group(1),
                text=text,
                title=html.unescape(title.group(1)).strip() if title else None,
                published=(
                    dt.datetime.strptime(date.group(1).title(), "%d-%b-%Y").date().isoformat()
                    if date
                    else None
                ),
            )
            n += 1
            if limit is not None and n >= limit:
                return
